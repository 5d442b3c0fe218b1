#include "insights/period_json.hpp"

#include <algorithm>

#include "model/local_time.hpp"

namespace chatlens {

Json period_json(const ReportPeriod& period, const Corpus& seen) {
  int64_t first = INT64_MAX, last = INT64_MIN;
  if (!period.from_day || !period.to_day)
    for (size_t i = 0; i < seen.size(); ++i) {
      const int64_t day = seen.messages.time[i].day();
      first = std::min(first, day);
      last = std::max(last, day);
    }
  auto date = [](std::optional<int64_t> bound, int64_t seen_day) {
    if (bound) return Json(format_date(*bound));
    return seen_day == INT64_MAX || seen_day == INT64_MIN ? Json() : Json(format_date(seen_day));
  };
  Json j = Json::object();
  j["kind"] = to_string(period.kind);
  j["from"] = date(period.from_day, first);
  j["to"] = date(period.to_day, last);
  return j;
}

Json years_json(const std::vector<YearCoverage>& years) {
  Json list = Json::array();
  for (const YearCoverage& y : years) {
    Json j = Json::object();
    j["year"] = y.year;
    j["messages"] = y.coverage.messages;
    j["owner_messages"] = y.coverage.owner_messages;
    j["owner_active_days"] = y.coverage.owner_active_days;
    j["enough_data"] = y.coverage.enough_data();
    list.push(std::move(j));
  }
  return list;
}

}  // namespace chatlens
