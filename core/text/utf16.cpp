#include "text/utf16.hpp"

#include <algorithm>

#include "text/utf8.hpp"

namespace chatlens {

Utf16 detect_utf16(std::string_view head) {
  if (head.substr(0, 2) == "\xFF\xFE") return Utf16::LittleEndian;
  if (head.substr(0, 2) == "\xFE\xFF") return Utf16::BigEndian;
  const size_t pairs = std::min<size_t>(head.size(), 4096) / 2;
  if (pairs < 8) return Utf16::None;
  size_t zero_even = 0, zero_odd = 0;
  for (size_t i = 0; i < pairs; ++i) {
    zero_even += head[2 * i] == '\0';
    zero_odd += head[2 * i + 1] == '\0';
  }
  // UTF-8 text has no zero bytes at all; UTF-16 text of a chat export has one in
  // most pairs (every header is digits and punctuation), always on the same side.
  if (zero_odd * 3 >= pairs && zero_even * 16 <= zero_odd) return Utf16::LittleEndian;
  if (zero_even * 3 >= pairs && zero_odd * 16 <= zero_even) return Utf16::BigEndian;
  return Utf16::None;
}

std::string_view to_string(Utf16 order) {
  switch (order) {
    case Utf16::LittleEndian: return "UTF-16LE";
    case Utf16::BigEndian: return "UTF-16BE";
    case Utf16::None: break;
  }
  return "";
}

std::string utf16_to_utf8(std::string_view bytes, Utf16 order) {
  const bool big = order == Utf16::BigEndian;
  auto unit = [&](size_t i) -> char32_t {
    const auto a = static_cast<unsigned char>(bytes[i]), b = static_cast<unsigned char>(bytes[i + 1]);
    return big ? char32_t(a) << 8 | b : char32_t(b) << 8 | a;
  };
  std::string out;
  out.reserve(bytes.size() / 2 + bytes.size() / 8);  // mostly ASCII; grows for other scripts
  size_t i = 0;
  if (bytes.size() >= 2 && unit(0) == 0xFEFF) i = 2;
  for (; i + 1 < bytes.size(); i += 2) {
    char32_t cp = unit(i);
    if (cp >= 0xD800 && cp <= 0xDBFF && i + 3 < bytes.size()) {
      const char32_t low = unit(i + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        i += 2;
      }
    }
    if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;
    append_utf8(out, cp);
  }
  if (i < bytes.size()) append_utf8(out, 0xFFFD);
  return out;
}

}  // namespace chatlens
