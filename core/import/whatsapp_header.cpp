#include "import/whatsapp_header.hpp"

#include <cstring>

namespace chatlens::whatsapp {
namespace {

using Byte = unsigned char;

// A read position inside one line; reads past the end yield 0, which no pattern accepts.
struct Cursor {
  const Byte* p;
  const Byte* end;
  size_t left() const { return static_cast<size_t>(end - p); }
  Byte at(size_t k = 0) const { return k < left() ? p[k] : 0; }
};

bool is_letter(Byte b) { return static_cast<Byte>((b | 0x20) - 'a') < 26; }
Byte lower(Byte b) { return is_letter(b) ? static_cast<Byte>(b | 0x20) : b; }

// BOM, LRM, RLM, ALM, LRE..RLO, LRI..PDI: exports put them around and inside headers.
size_t mark_at(const Cursor& c) {
  const Byte b0 = c.at();
  if (b0 == 0xE2) {
    const Byte b1 = c.at(1), b2 = c.at(2);
    if (b1 == 0x80 && (b2 == 0x8E || b2 == 0x8F || (b2 >= 0xAA && b2 <= 0xAE))) return 3;
    if (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9) return 3;
  } else if (b0 == 0xEF) {
    if (c.at(1) == 0xBB && c.at(2) == 0xBF) return 3;
  } else if (b0 == 0xD8) {
    if (c.at(1) == 0x9C) return 2;
  }
  return 0;
}

void skip_marks(Cursor& c) {
  while (size_t n = mark_at(c)) c.p += n;
}

// Space, tab, NBSP, NNBSP (iOS 17 / Android 2023 put it before AM/PM), thin space.
size_t space_at(const Cursor& c) {
  const Byte b0 = c.at();
  if (b0 == ' ' || b0 == '\t') return 1;
  if (b0 == 0xC2 && c.at(1) == 0xA0) return 2;
  if (b0 == 0xE2 && c.at(1) == 0x80 && (c.at(2) == 0xAF || c.at(2) == 0x89)) return 3;
  return 0;
}

int skip_spaces(Cursor& c) {
  int n = 0;
  while (size_t k = space_at(c)) c.p += k, ++n;
  return n;
}

// ASCII, Arabic-Indic (U+0660..0669) and Eastern Arabic-Indic (U+06F0..06F9) digits.
int digit_at(const Cursor& c, size_t& len) {
  const Byte b0 = c.at();
  if (b0 >= '0' && b0 <= '9') return len = 1, b0 - '0';
  if (b0 == 0xD9) {
    const Byte b1 = c.at(1);
    if (b1 >= 0xA0 && b1 <= 0xA9) return len = 2, b1 - 0xA0;
  } else if (b0 == 0xDB) {
    const Byte b1 = c.at(1);
    if (b1 >= 0xB0 && b1 <= 0xB9) return len = 2, b1 - 0xB0;
  }
  return -1;
}

// Reads 1..max_digits digits; returns how many, 0 when none or when there are more.
int read_number(Cursor& c, int max_digits, int& value) {
  value = 0;
  int n = 0;
  size_t len = 0;
  while (n < max_digits) {
    const int d = digit_at(c, len);
    if (d < 0) break;
    value = value * 10 + d;
    c.p += len;
    ++n;
  }
  if (n == max_digits && digit_at(c, len) >= 0) return 0;
  return n;
}

bool match_bytes(Cursor& c, std::string_view s) {
  if (c.left() < s.size()) return false;
  for (size_t i = 0; i < s.size(); ++i)
    if (c.p[i] != static_cast<Byte>(s[i])) return false;
  c.p += s.size();
  return true;
}

// ASCII case-insensitive word followed by a non-letter.
bool match_word(Cursor& c, std::string_view word) {
  if (c.left() < word.size()) return false;
  for (size_t i = 0; i < word.size(); ++i)
    if (lower(c.p[i]) != static_cast<Byte>(word[i])) return false;
  if (is_letter(c.at(word.size()))) return false;
  c.p += word.size();
  return true;
}

// Arabic letters are two-byte sequences D8..DB xx.
bool arabic_letter_at(const Cursor& c) { return c.at() >= 0xD8 && c.at() <= 0xDB; }

// Day-period markers written after the time (CLDR forms WhatsApp uses or may use).
// `dotted` tells "a.m."/"p. m." (Spanish and other locales) from "AM"/"am".
DayPeriod read_period(Cursor& c, bool& dotted) {
  Cursor t = c;
  const Byte b = lower(t.at());
  if (b == 'a' || b == 'p') {
    // AM, am, a.m., a. m. (the inner space may be NBSP), a.m
    const DayPeriod period = b == 'a' ? DayPeriod::Am : DayPeriod::Pm;
    ++t.p;
    bool dot = false;
    if (t.at() == '.') ++t.p, dot = true;
    if (dot) skip_spaces(t);
    if (lower(t.at()) == 'm') {
      ++t.p;
      if (t.at() == '.') ++t.p;
      if (!is_letter(t.at())) return dotted = dot, c = t, period;
    }
    t = c;
  }
  if (b == 'i' || b == 'a') {
    if (match_word(t, "in the morning")) return c = t, DayPeriod::Am;
    if (match_word(t, "in the afternoon") || match_word(t, "in the evening")) return c = t, DayPeriod::Pm;
    if (match_word(t, "at night")) return c = t, DayPeriod::Night;
  }
  if (match_bytes(t, "vorm.")) return c = t, DayPeriod::Am;
  if (match_bytes(t, "nachm.")) return c = t, DayPeriod::Pm;
  if (match_bytes(t, "SA") && !is_letter(t.at())) return c = t, DayPeriod::Am;  // vi
  t = c;
  if (match_bytes(t, "CH") && !is_letter(t.at())) return c = t, DayPeriod::Pm;
  t = c;
  if (b >= 0x80) {
    if (match_bytes(t, "\u03C0.\u03BC.")) return c = t, DayPeriod::Am;                  // el π.μ.
    if (match_bytes(t, "\u03BC.\u03BC.")) return c = t, DayPeriod::Pm;                  // el μ.μ.
    if (match_bytes(t, "\u00D6\u00D6")) return c = t, DayPeriod::Am;                    // tr ÖÖ
    if (match_bytes(t, "\u00D6S")) return c = t, DayPeriod::Pm;                         // tr ÖS
    if (match_bytes(t, "\u0642.\u0638.")) return c = t, DayPeriod::Am;                  // fa ق.ظ.
    if (match_bytes(t, "\u0628.\u0638.")) return c = t, DayPeriod::Pm;                  // fa ب.ظ.
    if (match_bytes(t, "\u0635") && !arabic_letter_at(t)) return c = t, DayPeriod::Am;  // ar ص
    t = c;
    if (match_bytes(t, "\u0645") && !arabic_letter_at(t)) return c = t, DayPeriod::Pm;  // ar م
    t = c;
  }
  return DayPeriod::None;
}

// CJK markers, which may also precede the time ("오후 03:06", "下午3:04").
DayPeriod read_cjk_period(Cursor& c) {
  if (c.at() < 0xE0) return DayPeriod::None;
  static constexpr struct {
    std::string_view text;
    DayPeriod period;
  } kMarkers[] = {
      {"\u5348\u524D", DayPeriod::Am}, {"\u5348\u5F8C", DayPeriod::Pm},  // ja 午前 午後
      {"\u4E0A\u5348", DayPeriod::Am}, {"\u4E0B\u5348", DayPeriod::Pm},  // zh 上午 下午
      {"\u65E9\u4E0A", DayPeriod::Am}, {"\u51CC\u6668", DayPeriod::Am},  // zh 早上 凌晨
      {"\u665A\u4E0A", DayPeriod::Pm},                                   // zh 晚上
      {"\uC624\uC804", DayPeriod::Am}, {"\uC624\uD6C4", DayPeriod::Pm},  // ko 오전 오후
  };
  for (const auto& m : kMarkers)
    if (match_bytes(c, m.text)) return m.period;
  return DayPeriod::None;
}

int read_month_name(Cursor& c) {
  static constexpr std::string_view kFull[] = {"january", "february", "march",     "april",   "may",      "june",
                                               "july",    "august",   "september", "october", "november", "december"};
  char word[12];
  size_t n = 0;
  Cursor t = c;
  while (n < sizeof word && is_letter(t.at())) word[n++] = static_cast<char>(lower(t.at())), ++t.p;
  if (n < 3 || is_letter(t.at())) return 0;
  const std::string_view w(word, n);
  for (int m = 0; m < 12; ++m) {
    const std::string_view full = kFull[m];
    if (w == full || (n == 3 && w == full.substr(0, 3)) || (m == 8 && w == "sept")) {
      if (t.at() == '.') ++t.p;
      c = t;
      return m + 1;
    }
  }
  return 0;
}

// "H:MM", "HH:MM:SS", "21.25.15", "13:34." after the hour digits were read.
bool parse_time_rest(Cursor& c, int hour, int hour_digits, Header& h) {
  if (hour_digits > 2) return false;
  const Byte sep = c.at();
  if (sep != ':' && sep != '.') return false;
  ++c.p;
  int minute = 0, second = 0;
  if (read_number(c, 2, minute) != 2) return false;
  if (c.at() == sep) {
    Cursor t = c;
    ++t.p;
    int v = 0;
    if (read_number(t, 2, v) == 2) second = v, c = t;
  }
  // chat-miner's "2022/12/14, 13:34. - "
  if (c.at() == '.' && (c.at(1) == ' ' || c.left() == 1)) ++c.p;
  if (hour > 23 || minute > 59 || second > 59) return false;
  h.hour = static_cast<uint8_t>(hour);
  h.minute = static_cast<uint8_t>(minute);
  h.second = static_cast<uint8_t>(second);
  return true;
}

// Optional CJK marker, the time, then an optional marker after it.
bool parse_clock(Cursor& c, Header& h) {
  const DayPeriod lead = read_cjk_period(c);
  if (lead != DayPeriod::None) skip_spaces(c);
  int hour = 0;
  const int digits = read_number(c, 2, hour);
  if (!digits || !parse_time_rest(c, hour, digits, h)) return false;
  h.period = lead;
  if (lead == DayPeriod::None) {
    Cursor t = c;
    skip_spaces(t);
    DayPeriod p = read_period(t, h.dotted_period);
    if (p == DayPeriod::None) p = read_cjk_period(t);
    if (p != DayPeriod::None) h.period = p, c = t;
  }
  return true;
}

// "29.01.18", "1/29/18", "2022/12/14", "13. 6. 2018.", "[<RLM>27<RLM>/3<RLM>/2022", "3/18/2565 BE", "3/18/R4"
bool parse_numeric_date(Cursor& c, int n1, int nd1, Header& h) {
  skip_marks(c);
  const Byte sep = c.at();
  if (sep != '/' && sep != '.' && sep != '-') return false;
  ++c.p;
  skip_marks(c);
  const bool spaced = sep == '.' && c.at() == ' ';
  if (spaced) ++c.p;
  int n2 = 0;
  const int nd2 = read_number(c, 4, n2);
  if (!nd2) return false;
  skip_marks(c);
  if (c.at() != sep) return false;
  ++c.p;
  skip_marks(c);
  if (spaced) {
    if (c.at() != ' ') return false;
    ++c.p;
  }
  int n3 = 0, nd3 = 0;
  int year_at = -1;
  const Byte era = c.at();
  if ((era == 'R' || era == 'H' || era == 'S' || era == 'T') && c.at(1) >= '0' && c.at(1) <= '9') {
    // Japanese calendar: Reiwa 1 = 2019, Heisei 1 = 1989, Showa 1 = 1926, Taisho 1 = 1912.
    ++c.p;
    nd3 = read_number(c, 2, n3);
    if (!nd3) return false;
    n3 += era == 'R' ? 2018 : era == 'H' ? 1988 : era == 'S' ? 1925 : 1911;
    year_at = 2;
  } else {
    nd3 = read_number(c, 4, n3);
    if (!nd3) return false;
    if (nd3 == 4) {
      year_at = 2;
      Cursor t = c;
      if (match_bytes(t, " BE") && !is_letter(t.at())) {
        c = t;
        n3 -= 543;  // Buddhist era
      } else if (n3 >= 2400) {
        n3 -= 543;
      }
    }
  }
  if (nd1 == 3 || nd2 == 3 || nd3 == 3) return false;
  if (nd1 == 4) {
    if (year_at >= 0) return false;
    year_at = 0;
    if (n1 >= 2400) n1 -= 543;
  }
  if (nd2 == 4) {
    if (year_at >= 0) return false;
    year_at = 1;
  }
  // "13. 6. 2018." ends with a dot.
  if (c.at() == '.' && (c.at(1) == ' ' || c.at(1) == ',')) ++c.p;
  h.field[0] = static_cast<uint16_t>(n1);
  h.field[1] = static_cast<uint16_t>(n2);
  h.field[2] = static_cast<uint16_t>(n3);
  h.year_at = static_cast<int8_t>(year_at);
  h.date_sep = static_cast<char>(sep);
  h.spaced_date = spaced;
  return true;
}

// "28 Aug 2013", "18 Mar" after the day digits were read.
bool parse_day_month_name(Cursor& c, int day, Header& h) {
  if (c.at() != ' ') return false;
  Cursor t = c;
  ++t.p;
  const int month = read_month_name(t);
  if (!month) return false;
  c = t;
  h.field[0] = static_cast<uint16_t>(day);
  h.field[1] = static_cast<uint16_t>(month);
  h.month_name = true;
  h.date_sep = 'm';
  h.has_year = false;
  Cursor y = c;
  int year = 0;
  if (y.at() == ' ') {
    ++y.p;
    if (read_number(y, 4, year) == 4) {
      h.field[2] = static_cast<uint16_t>(year);
      h.has_year = true;
      h.year_at = 2;
      c = y;
    }
  }
  return true;
}

// "Mar 5", "Mar 5, 2013"
bool parse_month_name_day(Cursor& c, Header& h) {
  const int month = read_month_name(c);
  if (!month || c.at() != ' ') return false;
  ++c.p;
  int day = 0;
  if (!read_number(c, 2, day)) return false;
  h.field[0] = static_cast<uint16_t>(day);
  h.field[1] = static_cast<uint16_t>(month);
  h.month_name = true;
  h.month_first = true;
  h.date_sep = 'm';
  h.has_year = false;
  Cursor y = c;
  int year = 0;
  if (y.at() == ',') {
    ++y.p;
    skip_spaces(y);
    if (read_number(y, 4, year) == 4 && (y.at() == ',' || y.at() == ' ')) {
      h.field[2] = static_cast<uint16_t>(year);
      h.has_year = true;
      h.year_at = 2;
      c = y;
    }
  }
  return true;
}

// Between date and time: ", ", " ", "، " (Arabic comma), " à " (fr), " klo " (fi).
bool parse_date_time_separator(Cursor& c) {
  bool comma = false;
  if (c.at() == ',') {
    ++c.p, comma = true;
  } else if (c.at() == 0xD8 && c.at(1) == 0x8C) {
    c.p += 2, comma = true;
  }
  skip_marks(c);
  if (!skip_spaces(c)) return false;
  if (!comma && !match_bytes(c, "\u00E0 ")) match_bytes(c, "klo ");
  skip_marks(c);
  return true;
}

// The shapes nearly every line of a real export has, ASCII only and without
// markers: "[3/27/22, 21:41:35] ", "23/03/2022, 13:31 - ", "1/29/18, 12:24 PM - ".
// Reads the same fields the general parser would; false when unsure (the
// general parser then decides).
// Up to max_digits (2 or 4) ASCII digits; 0 when none or too many. Reads up to
// p[4] unchecked: the caller parses a zero-padded copy of the line.
inline int fast_number(const Byte*& p, int max_digits, int& value) {
  const unsigned d0 = p[0] - 48u, d1 = p[1] - 48u, d2 = p[2] - 48u;  // '0' is 48
  if (d0 > 9) return 0;
  if (d1 > 9) return value = static_cast<int>(d0), p += 1, 1;
  if (d2 > 9) return value = static_cast<int>(d0 * 10 + d1), p += 2, 2;
  if (max_digits < 3) return 0;
  const unsigned d3 = p[3] - 48u;
  if (d3 > 9) return value = static_cast<int>(d0 * 100 + d1 * 10 + d2), p += 3, 3;
  if (p[4] - 48u <= 9) return 0;
  value = static_cast<int>(d0 * 1000 + d1 * 100 + d2 * 10 + d3);
  p += 4;
  return 4;
}

bool parse_fast(const Byte* s, size_t size, size_t readable, Header& h) {
  // No bounds checks below: the line is read in place when kMax + 8 bytes may be read
  // from its start (a long line, or a short one followed by more of the buffer: its line
  // break stops every pattern, and what follows it is never reached), else from a
  // zero-padded copy (a zero byte matches nothing a header needs either).
  constexpr size_t kMax = 40;
  const Byte* line = s;
  Byte copy[kMax + 8];
  if (readable < kMax + 8) {
    std::memset(copy, 0, sizeof copy);
    line = static_cast<const Byte*>(std::memcpy(copy, s, size < kMax ? size : kMax));
  }
  const Byte* p = line;
  // iOS puts a LRM (RLM in Arabic) before the bracket of placeholder lines. At most
  // two here, so that no read goes past byte 40 of the line (more: the slow way).
  for (int k = 0; k < 2 && p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0x8E || p[2] == 0x8F); ++k) p += 3;
  const bool bracket = *p == '[';
  p += bracket;
  int f0 = 0, f1 = 0, f2 = 0;
  const int d0 = fast_number(p, 4, f0);
  if (!d0 || d0 == 3) return false;
  const Byte sep = *p++;
  if (sep != '/' && sep != '.' && sep != '-') return false;
  const int d1 = fast_number(p, 4, f1);
  if (!d1 || d1 == 3 || *p++ != sep) return false;
  const int d2 = fast_number(p, 4, f2);
  if (d2 != 2 && d2 != 4) return false;
  int year_at = d2 == 4 ? 2 : -1;
  if (d0 == 4) {
    if (year_at >= 0) return false;
    year_at = 0;
  }
  if (d1 == 4) {
    if (year_at >= 0) return false;
    year_at = 1;
  }
  if (year_at >= 0 && (year_at == 0 ? f0 : year_at == 1 ? f1 : f2) >= 2400) return false;  // Buddhist years
  if (*p == ',') ++p;
  if (*p++ != ' ') return false;
  int hour = 0, minute = 0, second = 0;
  if (!fast_number(p, 2, hour) || *p++ != ':' || fast_number(p, 2, minute) != 2) return false;
  if (*p == ':' && (++p, fast_number(p, 2, second) != 2)) return false;
  DayPeriod period = DayPeriod::None;
  // " AM", or "\u202FAM" (NNBSP: Android since 2023, iOS 17): one space of either kind.
  const int gap = p[0] == ' ' ? 1 : p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0xAF ? 3 : 0;
  if (gap) {
    const Byte* m = p + gap;
    if ((m[1] | 0x20) == 'm' && ((m[0] | 0x20) == 'a' || (m[0] | 0x20) == 'p') &&
        (m[2] == 0 || m[2] == ' ' || m[2] == ']' || static_cast<size_t>(m + 2 - line) == size)) {
      period = (m[0] | 0x20) == 'a' ? DayPeriod::Am : DayPeriod::Pm;
      p = m + 2;
    }
  }
  if (hour > 23 || minute > 59 || second > 59) return false;
  HeaderStyle style;
  if (bracket) {
    if (*p++ != ']') return false;
    if (*p == ' ') ++p;
    style = HeaderStyle::Bracket;
  } else {
    if (p[0] != ' ' || p[1] != '-') return false;
    p += 2;
    if (*p == ' ')
      ++p;
    else if (static_cast<size_t>(p - line) != size)  // "- " or the end of the line
      return false;
    style = HeaderStyle::Dash;
  }
  // Everything read lies in the copied part (a zero stops every pattern), so
  // the offset is an offset in the line; a line cut at kMax goes the slow way.
  if (static_cast<size_t>(p - line) > (size < kMax ? size : kMax)) return false;
  // Field by field: a temporary Header{} copied over costs a store-forwarding stall per line.
  h.field[0] = static_cast<uint16_t>(f0);
  h.field[1] = static_cast<uint16_t>(f1);
  h.field[2] = static_cast<uint16_t>(f2);
  h.year_at = static_cast<int8_t>(year_at);
  h.month_name = false;
  h.month_first = false;
  h.has_year = true;
  h.bom_led = false;
  h.spaced_date = false;
  h.time_first = false;
  h.dotted_period = false;
  h.date_sep = static_cast<char>(sep);
  h.style = style;
  h.period = period;
  h.hour = static_cast<uint8_t>(hour);
  h.minute = static_cast<uint8_t>(minute);
  h.second = static_cast<uint8_t>(second);
  h.body = static_cast<uint32_t>(p - line);
  return true;
}

}  // namespace

std::string_view to_string(DateOrder order) {
  switch (order) {
    case DateOrder::DMY: return "DMY";
    case DateOrder::MDY: return "MDY";
    case DateOrder::YMD: return "YMD";
    case DateOrder::MYD: return "MYD";
  }
  return "DMY";
}

bool parse_header(const char* line, size_t size, size_t readable, Header& h) {
  const auto* begin = reinterpret_cast<const Byte*>(line);
  if (parse_fast(begin, size, readable, h)) return true;
  Cursor c{begin, begin + size};
  h = Header{};
  h.bom_led = c.at() == 0xEF && c.at(1) == 0xBB && c.at(2) == 0xBF;
  skip_marks(c);
  const bool bracket = c.at() == '[';
  if (bracket) {
    ++c.p;
    skip_marks(c);
  }

  if (is_letter(c.at())) {
    if (!parse_month_name_day(c, h) || !parse_date_time_separator(c) || !parse_clock(c, h)) return false;
  } else {
    int n1 = 0;
    const int nd1 = read_number(c, 4, n1);
    if (!nd1) return false;
    if (c.at() == ':') {
      // Time first: Vietnamese iOS "[21:41:35, 3/27/22]", old Android "19:23, 28 Aug 2013".
      h.time_first = true;
      if (!parse_time_rest(c, n1, nd1, h)) return false;
      Cursor t = c;
      skip_spaces(t);
      if (const DayPeriod p = read_period(t, h.dotted_period); p != DayPeriod::None) h.period = p, c = t;
      if (c.at() != ',') return false;
      ++c.p;
      if (!skip_spaces(c)) return false;
      skip_marks(c);
      int d1 = 0;
      const int dd1 = read_number(c, 4, d1);
      if (!dd1) return false;
      if (c.at() == ' ') {
        if (!parse_day_month_name(c, d1, h)) return false;
      } else if (!parse_numeric_date(c, d1, dd1, h)) {
        return false;
      }
    } else if (c.at() == ' ' && is_letter(c.at(1))) {
      if (!parse_day_month_name(c, n1, h) || !parse_date_time_separator(c) || !parse_clock(c, h)) return false;
    } else {
      if (!parse_numeric_date(c, n1, nd1, h) || !parse_date_time_separator(c) || !parse_clock(c, h)) return false;
    }
  }

  if (bracket) {
    skip_spaces(c);
    skip_marks(c);
    if (c.at() != ']') return false;
    ++c.p;
    if (c.at() == ' ') ++c.p;
    h.style = HeaderStyle::Bracket;
  } else {
    const int spaces = skip_spaces(c);
    if (spaces && (c.at() == '-' || (c.at() == 0xE2 && c.at(1) == 0x80 && c.at(2) == 0x93))) {
      c.p += c.at() == '-' ? 1 : 3;
      if (c.left() && c.at() != ' ') return false;
      if (c.left()) ++c.p;
      h.style = HeaderStyle::Dash;
    } else if (!spaces && c.at() == ':' && (c.left() == 1 || c.at(1) == ' ')) {
      c.p += c.left() == 1 ? 1 : 2;
      h.style = HeaderStyle::Colon;
    } else if (spaces && h.spaced_date) {
      h.style = HeaderStyle::Space;
    } else {
      return false;
    }
  }
  h.body = static_cast<uint32_t>(c.p - begin);
  return true;
}

int hour24(const Header& h) {
  const int hour = h.hour;
  switch (h.period) {
    case DayPeriod::Am: return hour == 12 ? 0 : hour;
    case DayPeriod::Pm: return hour < 12 ? hour + 12 : hour;
    case DayPeriod::Night: return hour == 12 ? 0 : (hour >= 6 && hour < 12 ? hour + 12 : hour);
    case DayPeriod::None: break;
  }
  return hour;
}

bool resolve_date(const Header& h, DateOrder order, int yearless, int& y, int& m, int& d) {
  const int f0 = h.field[0], f1 = h.field[1], f2 = h.field[2];
  if (h.month_name) {
    d = f0, m = f1, y = h.has_year ? f2 : yearless;
  } else if (h.year_at == 0) {
    y = f0, m = f1, d = f2;
  } else if (h.year_at == 1) {
    m = f0, y = f1, d = f2;
  } else if (h.year_at < 0 && order == DateOrder::YMD) {
    y = f0, m = f1, d = f2;
  } else {
    y = f2;
    if (order == DateOrder::MDY)
      m = f0, d = f1;
    else
      d = f0, m = f1;
  }
  if (y < 100) y += 2000;  // every exporter writes 2-digit years of this century
  return is_valid_date(y, m, d);
}

bool plausible_date(const Header& h) {
  int y = 0, m = 0, d = 0;
  if (h.month_name || h.year_at >= 0)
    return resolve_date(h, DateOrder::DMY, 2000, y, m, d) || resolve_date(h, DateOrder::MDY, 2000, y, m, d);
  return resolve_date(h, DateOrder::DMY, 2000, y, m, d) || resolve_date(h, DateOrder::MDY, 2000, y, m, d) ||
         resolve_date(h, DateOrder::YMD, 2000, y, m, d);
}

void DateOrderDetector::observe(const Header& h) {
  if (h.month_name) return;
  if (h.year_at == 0) {
    ++year_first_;
    return;
  }
  if (h.year_at == 1) {
    ++year_middle_;
    return;
  }
  ++year_last_;
  us_style_ += h.style == HeaderStyle::Bracket && h.date_sep == '/' && h.year_at < 0 && !h.dotted_period;
  const uint16_t f0 = h.field[0], f1 = h.field[1], f2 = h.field[2];
  if (f0 > 12 && f0 <= 31) ++first_over12_;
  if (f1 > 12 && f1 <= 31) ++second_over12_;
  if (have_prev_ && prev_[2] == f2) {
    // Day-first: the day drops exactly when the month moves on (31/01 -> 01/02).
    if (f0 < prev_[0] && f1 > prev_[1]) ++first_rolls_;
    if (f1 < prev_[1] && f0 > prev_[0]) ++second_rolls_;
    first_changes_ += f0 != prev_[0];
    second_changes_ += f1 != prev_[1];
  }
  prev_[0] = f0, prev_[1] = f1, prev_[2] = f2;
  have_prev_ = true;
}

bool DateOrderDetector::settled() const {
  constexpr uint64_t kEnough = 1000;
  if (year_first_ >= kEnough) return year_middle_ + year_last_ == 0;
  return (first_over12_ >= kEnough && second_over12_ == 0) || (second_over12_ >= kEnough && first_over12_ == 0);
}

DateOrder DateOrderDetector::decide() const {
  if (year_first_ + year_middle_ > year_last_) return year_first_ >= year_middle_ ? DateOrder::YMD : DateOrder::MYD;
  if (first_over12_ != second_over12_) return first_over12_ > second_over12_ ? DateOrder::DMY : DateOrder::MDY;
  if (first_rolls_ != second_rolls_) return first_rolls_ > second_rolls_ ? DateOrder::DMY : DateOrder::MDY;
  if (first_changes_ != second_changes_) return first_changes_ > second_changes_ ? DateOrder::DMY : DateOrder::MDY;
  // iOS with the phone region set to the US writes "[1/11/23, 16:11:21]" whatever the language (§1.5.5).
  if (us_style_ && us_style_ == year_last_) return DateOrder::MDY;
  return DateOrder::DMY;
}

}  // namespace chatlens::whatsapp
