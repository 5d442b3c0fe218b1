#pragma once
// A string inside one of the generated string blobs (core/data/generated/*.cpp).
#include <cstdint>
#include <string_view>

namespace chatlens::data {

// Byte offset and size of a string in a blob: 4 bytes, no pointer, no relocation.
struct StrRef {
  uint32_t offset : 24;
  uint32_t size : 8;
};

inline std::string_view view(const char* blob, StrRef r) { return {blob + r.offset, r.size}; }

}  // namespace chatlens::data
