#include "model/iso8601.hpp"

namespace chatlens {
namespace {

// A position in the text; reading past the end yields 0, which matches nothing.
struct Reader {
  std::string_view s;
  size_t at = 0;
  char peek(size_t k = 0) const { return at + k < s.size() ? s[at + k] : '\0'; }
  bool digit(size_t k = 0) const { return peek(k) >= '0' && peek(k) <= '9'; }
  bool eat(char c) { return peek() == c ? (++at, true) : false; }
  // Exactly n digits.
  bool number(int n, int& value) {
    value = 0;
    for (int i = 0; i < n; ++i) {
      if (!digit()) return false;
      value = value * 10 + (s[at++] - '0');
    }
    return true;
  }
  size_t digits_ahead() const {
    size_t n = 0;
    while (digit(n)) ++n;
    return n;
  }
};

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// Day number (days since 1970-01-01) of the Monday of ISO week 1 of `year`.
int64_t week_one(int year) {
  const int64_t jan4 = days_from_civil(year, 1, 4);
  const int64_t weekday = ((jan4 % 7) + 7 + 3) % 7;  // 0 = Monday
  return jan4 - weekday;
}

// Calendar (YYYY-MM-DD, YYYYMMDD), ordinal (YYYY-DDD, YYYYDDD) or week (YYYY-Www-D, YYYYWwwD) date.
bool read_date(Reader& r, int64_t& day) {
  int year = 0;
  if (!r.number(4, year)) return false;
  const bool extended = r.eat('-');
  if (r.eat('W')) {
    int week = 0, weekday = 0;
    if (!r.number(2, week) || (extended && !r.eat('-')) || !r.number(1, weekday)) return false;
    const int64_t next = week_one(year + 1), first = week_one(year);
    if (week < 1 || weekday < 1 || weekday > 7 || first + (week - 1) * 7 >= next) return false;
    day = first + (week - 1) * 7 + (weekday - 1);
    return true;
  }
  const size_t n = r.digits_ahead();
  if (n == 3) {  // ordinal: YYYY-DDD, YYYYDDD
    int doy = 0;
    r.number(3, doy);
    if (doy < 1 || doy > (leap(year) ? 366 : 365)) return false;
    day = days_from_civil(year, 1, 1) + doy - 1;
    return true;
  }
  int month = 0, d = 0;
  if (!r.number(2, month) || (extended && !r.eat('-')) || !r.number(2, d)) return false;
  if (!is_valid_date(year, month, d)) return false;
  day = days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(d));
  return true;
}

// A decimal fraction after ',' or '.', as a fraction of `unit` seconds (truncated).
bool read_fraction(Reader& r, int64_t unit, int64_t& seconds) {
  if (r.peek() != '.' && r.peek() != ',') return true;
  ++r.at;
  if (!r.digit()) return false;
  int64_t num = 0, den = 1;
  while (r.digit()) {
    if (den < 1000000000) num = num * 10 + (r.s[r.at] - '0'), den *= 10;
    ++r.at;
  }
  seconds += num * unit / den;
  return true;
}

// hh[:mm[:ss]] or hh[mm[ss]], with a fraction of the last part: seconds of the day (86400 for 24:00).
bool read_time(Reader& r, int64_t& seconds) {
  int h = 0, m = 0, sec = 0;
  if (!r.number(2, h)) return false;
  const bool extended = r.peek() == ':';
  int64_t unit = 3600;
  if (extended ? (r.eat(':'), true) : r.digits_ahead() >= 2) {
    if (!r.number(2, m)) return false;
    unit = 60;
    if (extended ? r.eat(':') : r.digits_ahead() >= 2) {
      if (!r.number(2, sec)) return false;
      unit = 1;
    }
  }
  if (h > 24 || m > 59 || sec > 60) return false;
  seconds = h * 3600 + m * 60 + sec;
  if (!read_fraction(r, unit, seconds)) return false;
  if (h == 24 && seconds != 86400) return false;  // 24:00 is the end of the day, nothing after it
  return true;
}

// "Z", "+hh", "+hh:mm", "+hhmm" (or '-'): the offset in seconds; false when none is written.
bool read_zone(Reader& r, bool& present, int64_t& offset) {
  present = false;
  if (r.eat('Z') || r.eat('z')) return present = true, offset = 0, true;
  const char sign = r.peek();
  if (sign != '+' && sign != '-') return true;
  ++r.at;
  int h = 0, m = 0;
  if (!r.number(2, h)) return false;
  if (r.eat(':')) {
    if (!r.number(2, m)) return false;
  } else if (r.digit()) {
    if (!r.number(2, m)) return false;
  }
  if (h > 23 || m > 59) return false;
  offset = (h * 3600 + m * 60) * (sign == '-' ? -1 : 1);
  present = true;
  return true;
}

}  // namespace

std::optional<IsoDateTime> parse_iso8601(std::string_view s) {
  Reader r{s};
  int64_t day = 0, seconds = 0, offset = 0;
  bool zoned = false;
  if (!read_date(r, day)) return std::nullopt;
  if (!(r.eat('T') || r.eat('t') || r.eat(' '))) return std::nullopt;
  if (!read_time(r, seconds) || !read_zone(r, zoned, offset) || r.at != s.size()) return std::nullopt;
  IsoDateTime out;
  out.local = LocalTime{day * 86400 + seconds};
  out.utc = zoned ? out.local.seconds - offset : kNoUtc;
  return out;
}

std::optional<CivilDate> parse_iso_date(std::string_view s) {
  Reader r{s};
  int y = 0, m = 0, d = 0;
  if (!r.number(4, y) || !r.eat('-') || !r.number(2, m) || !r.eat('-') || !r.number(2, d) || r.at != s.size() ||
      !is_valid_date(y, m, d))
    return std::nullopt;
  return CivilDate{y, static_cast<uint8_t>(m), static_cast<uint8_t>(d)};
}

}  // namespace chatlens
