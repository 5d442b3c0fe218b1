#pragma once
// Exports re-saved as UTF-16 (some Windows editors do this): recognised and
// decoded to UTF-8 before an importer sees them.
#include <cstdint>
#include <string>
#include <string_view>

namespace chatlens {

enum class Utf16 : uint8_t { None, LittleEndian, BigEndian };

// From a byte order mark, or without one from the zero bytes that text of
// mostly ASCII characters (digits, punctuation, Latin names) has in every other byte.
Utf16 detect_utf16(std::string_view head);

std::string_view to_string(Utf16 order);  // "UTF-16LE", "UTF-16BE", ""

// The text as UTF-8, without the byte order mark. Unpaired surrogates and a
// final odd byte become U+FFFD.
std::string utf16_to_utf8(std::string_view bytes, Utf16 order);

}  // namespace chatlens
