// sleep: the owner's inferred nights. For each day, the longest silence in the
// owner's messages (all chats) that covers at least an hour of 01:00-06:00 is
// taken as that night's sleep window: bedtime = last message before it,
// wake-up = first message after. A silence is an upper bound of sleep, so the
// section reports medians and spreads, never single nights.
#include <algorithm>
#include <map>

#include "insights/insight.hpp"
#include "insights/section_util.hpp"
#include "insights/stats.hpp"

namespace chatlens {
namespace {

constexpr int64_t kMinGap = 3 * 3600, kMaxGap = 16 * 3600;
constexpr int64_t kNightStart = 1 * 3600, kNightEnd = 6 * 3600, kMinOverlap = 3600;
constexpr size_t kMinNights = 14;
constexpr double kShortNightHours = 6.0;

struct Night {
  int64_t wake_day;
  double bedtime_min;  // minutes from the wake day's midnight (negative: the evening before)
  double wake_min;
  double hours;
  int weekday;  // of the wake day
  int month;    // year*12+month-1 of the wake day
};

Json clock_stats(const std::vector<double>& minutes) {
  Json j = Json::object();
  if (minutes.empty()) return j["median"] = nullptr, j;
  j["median"] = hour_label(static_cast<int>(quantile(minutes, 0.5)));
  j["p25"] = hour_label(static_cast<int>(quantile(minutes, 0.25)));
  j["p75"] = hour_label(static_cast<int>(quantile(minutes, 0.75)));
  j["median_minutes"] = quantile(minutes, 0.5);
  j["spread_minutes"] = quantile(minutes, 0.75) - quantile(minutes, 0.25);
  return j;
}

Json summary(const std::vector<Night>& nights) {
  std::vector<double> bed, wake, hours;
  for (const Night& n : nights) bed.push_back(n.bedtime_min), wake.push_back(n.wake_min), hours.push_back(n.hours);
  Json j = Json::object();
  j["nights"] = nights.size();
  j["bedtime"] = clock_stats(bed);
  j["wake_up"] = clock_stats(wake);
  j["median_hours"] = hours.empty() ? Json() : Json(quantile(hours, 0.5));
  return j;
}

}  // namespace

Json sleep_insight(const InsightInput& in) {
  const Corpus& c = in.corpus;
  const auto& mine = in.derived.owner_by_time();
  std::map<int64_t, Night> best;  // wake day -> longest qualifying silence
  for (size_t k = 1; k < mine.size(); ++k) {
    const LocalTime a = c.messages.time[mine[k - 1]], b = c.messages.time[mine[k]];
    const int64_t gap = b.seconds - a.seconds;
    if (gap < kMinGap || gap > kMaxGap) continue;
    const int64_t day = b.day();
    const int64_t night_from = day * 86400 + kNightStart, night_to = day * 86400 + kNightEnd;
    const int64_t overlap = std::min(b.seconds, night_to) - std::max(a.seconds, night_from);
    if (overlap < kMinOverlap) continue;
    Night n{day,
            static_cast<double>(a.seconds - day * 86400) / 60.0,
            static_cast<double>(b.second_of_day()) / 60.0,
            static_cast<double>(gap) / 3600.0,
            b.weekday(),
            b.date().year * 12 + b.date().month - 1};
    auto it = best.find(day);
    if (it == best.end() || it->second.hours < n.hours) best[day] = n;
  }
  std::vector<Night> nights, weekdays, weekends;
  for (const auto& [day, n] : best) {
    nights.push_back(n);
    // The night before Saturday and Sunday mornings is the weekend's.
    (n.weekday >= 5 ? weekends : weekdays).push_back(n);
  }

  Json out = Json::object();
  out["data"] = data_basis(mine.size(), mine.empty() ? std::nullopt : std::optional(c.messages.time[mine.front()]),
                           mine.empty() ? std::nullopt : std::optional(c.messages.time[mine.back()]));
  out["data"]["nights_inferred"] = nights.size();
  out["method"] =
      message("sleep.method", Json::Object{{"from", hour_label(kNightStart / 60)}, {"to", hour_label(kNightEnd / 60)}});
  out["enough_data"] = nights.size() >= kMinNights;
  if (nights.size() < kMinNights) {
    mark_insufficient(out, "sleep.few_nights", Json::Object{{"min", kMinNights}});
    return out;
  }
  out["all"] = summary(nights);
  out["weekdays"] = summary(weekdays);
  out["weekends"] = summary(weekends);

  std::map<int, std::vector<Night>> by_month;
  for (const Night& n : nights) by_month[n.month].push_back(n);
  Json months = Json::array();
  for (const auto& [m, list] : by_month) {
    Json j = summary(list);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d", m / 12, m % 12 + 1);
    j["month"] = std::string(buf);
    months.push(std::move(j));
  }
  out["by_month"] = std::move(months);

  size_t short_nights = 0;
  for (const Night& n : nights) short_nights += n.hours < kShortNightHours;
  out["short_nights"] = Json::object();
  out["short_nights"]["threshold_hours"] = kShortNightHours;
  out["short_nights"]["count"] = short_nights;
  out["short_nights"]["share"] = static_cast<double>(short_nights) / static_cast<double>(nights.size());

  const double bed = out["all"]["bedtime"]["median_minutes"].as_double();
  const double wake = out["all"]["wake_up"]["median_minutes"].as_double();
  std::string verdict = "in_between";
  if (bed >= 60 || wake >= 9 * 60 + 30)
    verdict = "night_owl";
  else if (bed <= -60 && wake <= 7 * 60)
    verdict = "early_bird";
  out["verdict"] = verdict;
  return out;
}

}  // namespace chatlens
