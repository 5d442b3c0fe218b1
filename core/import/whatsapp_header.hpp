#pragma once
// WhatsApp record headers: the timestamp that starts every message of a text
// export, in every shape listed in FORMATS.md §1.3, and the file-wide choice a
// single header cannot make on its own: the order of day and month (§1.5).
#include <cstdint>
#include <string_view>

#include "model/local_time.hpp"

namespace chatlens::whatsapp {

// What separates the timestamp from the message.
enum class HeaderStyle : uint8_t {
  Dash,     // Android: "12/9/20, 23:16 - "
  Bracket,  // iOS: "[3/27/22, 21:41:35] "
  Colon,    // iOS around 2016-2017: "2016-06-27, 8:04:08 AM: "
  Space,    // hr/sr style without separator: "13. 6. 2018. 21:25:15 "
};

// 12-hour markers, normalised. Night is "at night": 9-11 are evening, 1-5 early morning.
enum class DayPeriod : uint8_t { None, Am, Pm, Night };

enum class DateOrder : uint8_t { DMY, MDY, YMD, MYD };
std::string_view to_string(DateOrder order);

struct Header {
  uint16_t field[3] = {0, 0, 0};  // numeric date fields in written order; a marked year is already Gregorian
  int8_t year_at = -1;            // field that is surely the year (4 digits, "BE", era letter); -1: all 2-digit
  bool month_name = false;        // old Android "Mar 5" / "28 Aug 2013": field = {day, month, year}
  bool month_first = false;       // "Mar 5" rather than "5 Mar"
  bool has_year = true;           // false for month-name headers without a year
  bool bom_led = false;           // the line starts with U+FEFF: typically a second export pasted after the first
  bool spaced_date = false;       // "13. 6. 2018." (spaces after the separators)
  bool time_first = false;        // Vietnamese iOS "[21:41:35, 3/27/22]"
  bool dotted_period = false;     // "a.m." / "p. m." rather than "AM" / "pm"
  char date_sep = 0;              // '/', '.', '-', or 'm' for month names
  HeaderStyle style = HeaderStyle::Dash;
  DayPeriod period = DayPeriod::None;
  uint8_t hour = 0, minute = 0, second = 0;  // as written (before the 12-hour marker is applied)
  uint32_t body = 0;                         // offset in the line where the message starts
};

// Parses the header at the start of `line` (no line terminator). False when the
// line does not start with a header of any known shape. No allocation.
// The same, for a line inside a larger buffer of which `readable` bytes from the line's
// start may be read (its line break and what follows): spares copying a short line.
// The line as pointer and size: in WebAssembly a string_view argument goes through memory,
// written as two 32-bit halves and copied as one 64-bit word (a failed store forwarding
// per line).
bool parse_header(const char* line, size_t size, size_t readable, Header& out);
inline bool parse_header(std::string_view line, size_t readable, Header& out) {
  return parse_header(line.data(), line.size(), readable, out);
}
inline bool parse_header(std::string_view line, Header& out) {
  return parse_header(line.data(), line.size(), line.size(), out);
}

// Hour 0..23 after applying the 12-hour marker, leniently: "23:59 PM" stays 23,
// "00:04 AM" stays 0, "12:00 AM" is 0, "13:37 p.m." is 13.
int hour24(const Header& h);

// The calendar date of `h` read in `order`; false when that is not a real date.
// `yearless` is used for month-name headers that carry no year.
bool resolve_date(const Header& h, DateOrder order, int yearless, int& y, int& m, int& d);

// True when at least one reading of the date fields gives a real date.
bool plausible_date(const Header& h);

// The header shape of a run of lines: later lines only start a record when they have
// the same shape (a pasted "12/25/20, 10:00 - X: y" inside an iOS chat stays text).
struct HeaderShape {
  HeaderStyle style = HeaderStyle::Dash;
  bool time_first = false;
  char date_sep = 0;
  bool month_first = false;  // for month names: "Mar 5"

  static HeaderShape of(const Header& h) { return {h.style, h.time_first, h.date_sep, h.month_first}; }
  bool same(const HeaderShape& o) const {
    return style == o.style && time_first == o.time_first && date_sep == o.date_sep;
  }
  bool accepts(const Header& h) const {
    return h.style == style && h.time_first == time_first && h.date_sep == date_sep;
  }
};

// Where the year is written, 0..4: month names, all 2-digit, year first, middle, last. A phone
// whose locale changed writes "6/30/23" and then "30/6/2023": the same shape, each layout
// with its own day/month order.
inline int year_layout(const Header& h) { return h.month_name ? 0 : h.year_at + 2; }
inline constexpr int kYearLayouts = 5;

// Decides day/month order over all headers of a file (FORMATS.md §1.5): year
// position, then "a field above 12", then which field rolls over, then which
// field changes more often, then iOS "[M/D/YY" (US region), else day-first.
class DateOrderDetector {
 public:
  void observe(const Header& h);
  DateOrder decide() const;
  // True once the evidence is so one-sided that more headers cannot change the
  // decision (a real export has days above 12 on most lines): lets a reader stop early.
  bool settled() const;

 private:
  uint64_t year_first_ = 0, year_middle_ = 0, year_last_ = 0;
  uint64_t first_over12_ = 0, second_over12_ = 0;
  uint64_t first_rolls_ = 0, second_rolls_ = 0;
  uint64_t first_changes_ = 0, second_changes_ = 0;
  uint64_t us_style_ = 0;
  uint16_t prev_[3] = {0, 0, 0};
  bool have_prev_ = false;
};

}  // namespace chatlens::whatsapp
