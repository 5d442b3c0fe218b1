// sleep: when the owner sleeps, from what the data can support.
//  * The quiet window: the time-of-day distribution of the owner's messages (all
//    chats, 15-minute slots, weekdays and weekends apart by the calendar day of
//    the message) and its longest circular run of slots where the owner is
//    essentially never active (fewer than kQuietShare of a uniform slot's share,
//    or messages on fewer than kQuietDays of the days).
//    A window shorter than 3 h or longer than 12 h is refused, with the reason.
//    The verdict (night owl / early bird) follows this window.
//  * The longest silence of each night (covering at least an hour of 01:00-06:00)
//    is kept as an upper bound of sleep, labelled so: with a few messages a day it
//    measures how sparse the data is, so a "typical night" outside 3-12 h is
//    refused and said why.
#include <algorithm>
#include <cmath>
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
constexpr int kSlotMinutes = 15, kSlots = 1440 / kSlotMinutes;
// A slot is quiet below 10% of a uniform slot's messages (relative to the owner's own volume, so
// sparse data is not taken for sleep), or when the owner wrote in it on fewer than 2% of the days
// (a message at 3 a.m. now and then does not make a night owl).
constexpr double kQuietShare = 0.1;
constexpr double kQuietDays = 0.02;
constexpr size_t kMinWindowMessages = 100;  // per kind of day
constexpr double kMinNightHours = 3, kMaxNightHours = 12;

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

// Hours as people read them: one decimal.
double tenths(double hours) { return std::round(hours * 10.0) / 10.0; }

// The longest circular run of quiet slots in a time-of-day histogram.
Json quiet_window(const std::vector<uint64_t>& slots, uint64_t messages, uint64_t days) {
  Json w = Json::object();
  w["messages"] = messages;
  w["days"] = days;
  if (messages < kMinWindowMessages) {
    w["found"] = false;
    w["reason"] = message("sleep.window_few_messages", Json::Object{{"min", kMinWindowMessages}});
    return w;
  }
  const double threshold =
      std::max(kQuietShare * static_cast<double>(messages) / kSlots, kQuietDays * static_cast<double>(days));
  auto quiet = [&](int k) { return static_cast<double>(slots[static_cast<size_t>(k % kSlots)]) < threshold; };
  int best_from = -1, best_len = 0;
  for (int k = 0; k < kSlots; ++k) {
    if (!quiet(k) || quiet(k + kSlots - 1)) continue;  // runs start after a busy slot
    int len = 0;
    while (len < kSlots && quiet(k + len)) ++len;
    if (len > best_len) best_len = len, best_from = k;
  }
  if (best_from < 0 && quiet(0)) best_from = 0, best_len = kSlots;  // never busy: no window
  const double hours = best_len * kSlotMinutes / 60.0;
  w["hours"] = hours;
  if (best_len == 0 || hours < kMinNightHours || hours > kMaxNightHours) {
    w["found"] = false;
    w["reason"] = message(best_len == 0            ? "sleep.window_none"
                          : hours < kMinNightHours ? "sleep.window_too_short"
                                                   : "sleep.window_too_long",
                          Json::Object{{"hours", tenths(hours)}, {"min", kMinNightHours}, {"max", kMaxNightHours}});
    return w;
  }
  w["found"] = true;
  w["from"] = hour_label(best_from * kSlotMinutes);
  w["to"] = hour_label((best_from + best_len) * kSlotMinutes);
  w["from_minutes"] = best_from * kSlotMinutes;
  w["to_minutes"] = (best_from + best_len) * kSlotMinutes % 1440;
  return w;
}

// Night owl when the quiet window (of weekdays when there is one) starts after 01:00 or ends after 09:30 (clock
// minutes past noon count as the evening before); early bird when it starts
// before 23:00 and ends by 07:00.
std::string verdict_of(const Json& w) {
  int from = static_cast<int>(w.find("from_minutes")->as_int()), to = static_cast<int>(w.find("to_minutes")->as_int());
  if (from >= 12 * 60) from -= 1440;
  if (from >= 60 || to >= 9 * 60 + 30) return "night_owl";
  if (from <= -60 && to <= 7 * 60) return "early_bird";
  return "in_between";
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

  // Time-of-day distribution, weekdays and weekends apart (by the message's own day).
  std::vector<uint64_t> slots[3] = {std::vector<uint64_t>(kSlots), std::vector<uint64_t>(kSlots),
                                    std::vector<uint64_t>(kSlots)};
  uint64_t counts[3] = {0, 0, 0};
  std::vector<int64_t> days[3];
  for (uint32_t i : mine) {
    const LocalTime t = c.messages.time[i];
    const size_t slot = static_cast<size_t>(t.second_of_day() / 60 / kSlotMinutes);
    for (int k : {t.weekday() >= 5 ? 1 : 0, 2}) {
      ++slots[k][slot], ++counts[k];
      if (days[k].empty() || days[k].back() != t.day()) days[k].push_back(t.day());
    }
  }

  Json out = Json::object();
  out["data"] = data_basis(mine.size(), mine.empty() ? std::nullopt : std::optional(c.messages.time[mine.front()]),
                           mine.empty() ? std::nullopt : std::optional(c.messages.time[mine.back()]));
  out["data"]["nights_inferred"] = nights.size();
  out["method"] = message("sleep.method", Json::Object{{"quiet_share_percent", std::lround(kQuietShare * 100)},
                                                       {"quiet_days_percent", std::lround(kQuietDays * 100)},
                                                       {"slot_minutes", kSlotMinutes}});
  Json windows = Json::object();
  windows["weekdays"] = quiet_window(slots[0], counts[0], days[0].size());
  windows["weekends"] = quiet_window(slots[1], counts[1], days[1].size());
  windows["all"] = quiet_window(slots[2], counts[2], days[2].size());
  Json profile = Json::array();
  for (size_t k = 0; k < kSlots; ++k) profile.push(slots[2][k]);
  out["slot_minutes"] = kSlotMinutes;
  out["messages_by_slot"] = std::move(profile);
  // The verdict follows the weekday window (the routine), else the window of all days.
  const Json all_window = windows["weekdays"]["found"].as_bool() ? windows["weekdays"] : windows["all"];
  out["quiet_window"] = std::move(windows);

  // The per-night longest silence: an upper bound, labelled as one.
  Json silence = Json::object();
  silence["upper_bound"] = true;
  silence["note"] = message("sleep.silence_upper_bound");
  silence["nights"] = nights.size();
  if (nights.size() >= kMinNights) {
    silence["all"] = summary(nights);
    silence["weekdays"] = summary(weekdays);
    silence["weekends"] = summary(weekends);
    const double hours = silence["all"]["median_hours"].as_double();
    if (hours < kMinNightHours || hours > kMaxNightHours) {
      silence["typical_night_hours"] = nullptr;
      silence["refused"] =
          message(hours < kMinNightHours ? "sleep.silence_too_short" : "sleep.silence_too_long",
                  Json::Object{{"hours", tenths(hours)}, {"min", kMinNightHours}, {"max", kMaxNightHours}});
    } else {
      silence["typical_night_hours"] = hours;
    }
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
    silence["by_month"] = std::move(months);
    size_t short_nights = 0;
    for (const Night& n : nights) short_nights += n.hours < kShortNightHours;
    silence["short_nights"] = Json::object();
    silence["short_nights"]["threshold_hours"] = kShortNightHours;
    silence["short_nights"]["count"] = short_nights;
    silence["short_nights"]["share"] = static_cast<double>(short_nights) / static_cast<double>(nights.size());
  } else {
    silence["refused"] = message("sleep.few_nights", Json::Object{{"min", kMinNights}});
  }
  out["longest_silence"] = std::move(silence);

  const bool found = all_window.find("found")->as_bool();
  out["enough_data"] = found;
  if (!found) {
    const Json& reason = *all_window.find("reason");
    mark_insufficient(out, reason.find("key")->as_string(), *reason.find("params"));
    out["verdict"] = nullptr;
    return out;
  }
  out["verdict"] = verdict_of(all_window);
  return out;
}

}  // namespace chatlens
