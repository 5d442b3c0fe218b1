#include "model/local_time.hpp"

#include <cstdio>

namespace chatlens {

std::string format_local_iso(LocalTime t) {
  const CivilDate d = t.date();
  const int sod = t.second_of_day();
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", d.year, d.month, d.day, sod / 3600, (sod / 60) % 60,
                sod % 60);
  return buf;
}

std::string format_utc_iso(int64_t unix_seconds) { return format_local_iso(LocalTime{unix_seconds}) + "Z"; }

std::string format_date(int64_t day) {
  const CivilDate d = civil_from_days(day);
  char buf[24];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

}  // namespace chatlens
