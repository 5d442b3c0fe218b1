// work: whether the owner's weekdays show working hours. Compares, hour by hour,
// how much the owner writes per weekday with how much per weekend day: a block
// of daytime hours where weekdays are clearly quieter than weekends is the
// inferred working window (busy elsewhere), and a dip around 13-14h against the
// hours around it is a lunch break.
#include <algorithm>

#include "insights/insight.hpp"
#include "insights/section_util.hpp"

namespace chatlens {
namespace {

constexpr uint64_t kMinMessages = 200;
constexpr int kMinWeekdays = 10, kMinWeekendDays = 4;  // distinct active days of each kind
constexpr double kQuieter = 0.75;                      // weekday rate below 75% of the weekend rate
constexpr int kMinWindowHours = 4;

}  // namespace

Json work_insight(const InsightInput& in) {
  const Corpus& c = in.corpus;
  const auto& mine = in.derived.owner_by_time();
  std::vector<double> weekday(24, 0), weekend(24, 0);
  std::vector<int64_t> weekday_days, weekend_days;
  for (uint64_t i : mine) {
    const LocalTime t = c.messages.time[i];
    const bool we = t.weekday() >= 5;
    (we ? weekend : weekday)[static_cast<size_t>(t.hour())] += 1;
    (we ? weekend_days : weekday_days).push_back(t.day());
  }
  auto distinct = [](std::vector<int64_t>& d) {
    std::sort(d.begin(), d.end());
    return static_cast<double>(std::unique(d.begin(), d.end()) - d.begin());
  };
  const double n_weekdays = distinct(weekday_days), n_weekends = distinct(weekend_days);

  Json out = Json::object();
  out["data"] = data_basis(mine.size(), mine.empty() ? std::nullopt : std::optional(c.messages.time[mine.front()]),
                           mine.empty() ? std::nullopt : std::optional(c.messages.time[mine.back()]));
  out["data"]["active_weekdays"] = n_weekdays;
  out["data"]["active_weekend_days"] = n_weekends;
  if (mine.size() < kMinMessages || n_weekdays < kMinWeekdays || n_weekends < kMinWeekendDays) {
    mark_insufficient(
        out, "work.few_messages",
        Json::Object{{"messages", kMinMessages}, {"weekdays", kMinWeekdays}, {"weekend_days", kMinWeekendDays}});
    return out;
  }
  out["enough_data"] = true;
  Json per_weekday = Json::array(), per_weekend = Json::array();
  for (int h = 0; h < 24; ++h) {
    weekday[h] /= n_weekdays;
    weekend[h] /= n_weekends;
    per_weekday.push(weekday[h]);
    per_weekend.push(weekend[h]);
  }
  out["messages_per_weekday_by_hour"] = std::move(per_weekday);
  out["messages_per_weekend_day_by_hour"] = std::move(per_weekend);

  // Longest run of quieter weekday hours between 07:00 and 20:00; a single busier
  // hour inside it (a lunch break spent on the phone) does not end the run.
  auto quieter = [&](int h) { return weekend[h] > 0 && weekday[h] < kQuieter * weekend[h]; };
  int best_from = -1, best_len = 0;
  for (int h = 7; h < 20; ++h) {
    if (!quieter(h)) continue;
    int e = h + 1;
    while (e < 20 && (quieter(e) || (e + 1 < 20 && quieter(e + 1) && quieter(e - 1)))) ++e;
    if (e - h > best_len) best_len = e - h, best_from = h;
    h = e;
  }
  const bool has_window = best_len >= kMinWindowHours;
  out["shows_working_hours"] = has_window;
  if (has_window) {
    out["window"] = Json::object();
    out["window"]["from"] = hour_label(best_from * 60);
    out["window"]["to"] = hour_label((best_from + best_len) * 60);
    double inside = 0, total = 0;
    for (int h = 0; h < 24; ++h) {
      total += weekday[h];
      if (h >= best_from && h < best_from + best_len) inside += weekday[h];
    }
    out["window"]["share_of_weekday_messages"] = total > 0 ? inside / total : 0.0;
    out["window"]["messages_per_weekday_inside"] = inside;
  } else {
    out["window"] = nullptr;
  }
  const double around = (weekday[11] + weekday[12] + weekday[15] + weekday[16]) / 4.0;
  const double lunch = (weekday[13] + weekday[14]) / 2.0;
  out["lunch_dip"] = around > 0 && lunch < 0.8 * around;
  out["lunch_to_surrounding_ratio"] = around > 0 ? Json(lunch / around) : Json();
  return out;
}

}  // namespace chatlens
