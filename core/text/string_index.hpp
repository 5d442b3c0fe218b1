#pragma once
// A hash index over the strings of a generated table (core/data), built once on first use: the
// tables themselves stay sorted arrays with no startup cost, and hot lookups (a stopword check per
// token, a key per emoji) cost one hash and about one comparison instead of a binary search.
#include <cstdint>
#include <string_view>
#include <vector>

namespace chatlens {

// FNV-1a, 32 bits.
inline uint32_t hash_bytes(std::string_view s) {
  uint32_t h = 2166136261u;
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 16777619u;
  }
  return h;
}

class StringIndex {
 public:
  // key(i) gives the string of entry i < count (count < 65535).
  template <class Key>
  StringIndex(size_t count, Key key) {
    size_t size = 16;
    while (size < count * 2) size *= 2;
    slots_.assign(size, 0);
    mask_ = static_cast<uint32_t>(size - 1);
    for (size_t i = 0; i < count; ++i) {
      uint32_t s = hash_bytes(key(i)) & mask_;
      while (slots_[s] != 0) s = (s + 1) & mask_;
      slots_[s] = static_cast<uint16_t>(i + 1);
    }
  }

  // The entry whose string is s, or -1.
  template <class Key>
  int find(std::string_view s, Key key) const {
    for (uint32_t slot = hash_bytes(s) & mask_;; slot = (slot + 1) & mask_) {
      const uint16_t v = slots_[slot];
      if (v == 0) return -1;
      if (key(v - 1u) == s) return v - 1;
    }
  }

 private:
  std::vector<uint16_t> slots_;  // entry + 1; 0 = empty
  uint32_t mask_ = 0;
};

}  // namespace chatlens
