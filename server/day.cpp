#include "day.hpp"

#include <cstdio>

namespace chatlens::server {

std::string utc_day(std::chrono::system_clock::time_point t) {
  const std::chrono::year_month_day ymd{std::chrono::floor<std::chrono::days>(t)};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return buf;
}

std::string utc_day_minus(std::chrono::system_clock::time_point t, int days) {
  return utc_day(t - std::chrono::days(days));
}

}  // namespace chatlens::server
