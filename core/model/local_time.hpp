#pragma once
// Wall-clock instants. Exports carry the phone's local time without a zone, so
// chatlens keeps two distinct types: LocalTime (what the phone showed, used for
// every hour-of-day insight) and an optional UTC instant (only where the export
// carries it, e.g. Telegram's date_unixtime).
#include <cstdint>
#include <string>

namespace chatlens {

// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's algorithm).
constexpr int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

struct CivilDate {
  int32_t year;
  uint8_t month;  // 1..12
  uint8_t day;    // 1..31
};

constexpr CivilDate civil_from_days(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<int32_t>(y + (m <= 2)), static_cast<uint8_t>(m), static_cast<uint8_t>(d)};
}

constexpr bool is_valid_date(int y, int m, int d) {
  if (m < 1 || m > 12 || d < 1) return false;
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= kDays[m - 1] + (m == 2 && leap ? 1 : 0);
}

// Seconds since 1970-01-01T00:00:00 of the local wall clock (no zone attached).
struct LocalTime {
  int64_t seconds = 0;

  static constexpr LocalTime from_civil(int y, int mo, int d, int h, int mi, int s) {
    return {days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) * 86400 + h * 3600 + mi * 60 + s};
  }
  constexpr int64_t day() const { return seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400; }
  constexpr int second_of_day() const { return static_cast<int>(seconds - day() * 86400); }
  constexpr int hour() const { return second_of_day() / 3600; }
  // 0 = Monday ... 6 = Sunday (1970-01-01 was a Thursday).
  constexpr int weekday() const { return static_cast<int>(((day() % 7) + 7 + 3) % 7); }
  constexpr CivilDate date() const { return civil_from_days(day()); }
  friend constexpr bool operator==(LocalTime a, LocalTime b) { return a.seconds == b.seconds; }
  friend constexpr bool operator<(LocalTime a, LocalTime b) { return a.seconds < b.seconds; }
};

// Seconds since the Unix epoch, UTC. kNoUtc when the export does not carry the instant.
inline constexpr int64_t kNoUtc = INT64_MIN;

// "2022-03-18T14:56:01" (local, no offset).
std::string format_local_iso(LocalTime t);
// "2022-03-18T14:56:01Z".
std::string format_utc_iso(int64_t unix_seconds);
// "2022-03-18".
std::string format_date(int64_t day);

}  // namespace chatlens
