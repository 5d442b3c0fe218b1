#pragma once
// The only time the service stores: the UTC calendar day, "YYYY-MM-DD".
#include <chrono>
#include <string>

namespace chatlens::server {

std::string utc_day(std::chrono::system_clock::time_point t = std::chrono::system_clock::now());
// The day `days` days before `day` (a day in the form utc_day writes).
std::string utc_day_minus(std::chrono::system_clock::time_point t, int days);

}  // namespace chatlens::server
