#include "model/person_names.hpp"

#include <utf8proc.h>

#include <cstdlib>

#include "text/utf8.hpp"

namespace chatlens {

std::string comparable_name(std::string_view name) {
  // Decompose (NFKD), fold case and drop the combining marks: "Gómez" -> "gomez".
  utf8proc_uint8_t* mapped = nullptr;
  const utf8proc_ssize_t n = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(name.data()), static_cast<utf8proc_ssize_t>(name.size()), &mapped,
      static_cast<utf8proc_option_t>(UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK |
                                     UTF8PROC_IGNORE));
  const std::string folded = n >= 0 ? std::string(reinterpret_cast<char*>(mapped), static_cast<size_t>(n))
                                    : std::string(name);  // invalid UTF-8: compared as it is
  std::free(mapped);
  std::string out;
  bool gap = false;
  for (size_t i = 0; i < folded.size();) {
    const char32_t cp = decode_utf8(folded, i);
    const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
    const bool keep = (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
                      (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO);
    if (!keep) {
      gap = true;
      continue;
    }
    if (gap && !out.empty()) out.push_back(' ');
    gap = false;
    append_utf8(out, cp);
  }
  return out;
}

std::vector<std::string> name_words(std::string_view comparable) {
  std::vector<std::string> words;
  size_t start = 0;
  while (start < comparable.size()) {
    size_t end = comparable.find(' ', start);
    if (end == std::string_view::npos) end = comparable.size();
    if (end > start) words.emplace_back(comparable.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

std::string phone_digits(std::string_view name) {
  std::string digits;
  const std::string plain = strip_direction_marks(name);
  size_t plus = 0;
  for (char c : plain) {
    if (c >= '0' && c <= '9')
      digits.push_back(c);
    else if (c == '+')
      ++plus;
    else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')' && static_cast<unsigned char>(c) != 0xC2 &&
             static_cast<unsigned char>(c) != 0xA0)  // NBSP (C2 A0) between groups of digits
      return "";
  }
  if (plus > 1 || digits.size() < 7) return "";
  if (plus == 0 && digits.rfind("00", 0) == 0) digits.erase(0, 2);
  return digits;
}

bool same_phone(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty()) return false;
  if (a == b) return true;
  const std::string_view& shorter = a.size() < b.size() ? a : b;
  const std::string_view& longer = a.size() < b.size() ? b : a;
  return shorter.size() >= 9 && longer.substr(longer.size() - 9) == shorter.substr(shorter.size() - 9);
}

namespace {

bool initial_of(const std::string& initial, const std::string& word) {
  // One code point: an ASCII letter, or a letter of two to four bytes.
  size_t i = 0;
  decode_utf8(initial, i);
  return i == initial.size() && word.size() > initial.size() && word.compare(0, initial.size(), initial) == 0;
}

}  // namespace

bool initials_match(std::string_view a, std::string_view b) {
  if (a == b) return false;
  const std::vector<std::string> wa = name_words(a), wb = name_words(b);
  if (wa.size() < 2 || wa.size() != wb.size()) return false;
  bool initial = false;
  for (size_t k = 0; k < wa.size(); ++k) {
    if (wa[k] == wb[k]) continue;
    if (k == 0 || !(initial_of(wa[k], wb[k]) || initial_of(wb[k], wa[k]))) return false;  // first names agree
    initial = true;
  }
  return initial;
}

}  // namespace chatlens
