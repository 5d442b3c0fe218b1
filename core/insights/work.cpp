// work: whether the owner's weekdays show working hours, from two kinds of evidence:
//  * work chats: chats whose traffic sits on weekday office hours (at least 90% of
//    their messages on weekdays, and 90% of those between 07:00 and 20:00). They are
//    named, and the working window is where their weekday messages fall (1st to 99th
//    percentile of the time of day, to the quarter hour);
//  * the weekday/weekend contrast: hour by hour, how much the owner writes per
//    weekday against per weekend day; a block of daytime hours where weekdays are
//    clearly quieter than weekends is a working window spent elsewhere.
// The section says which evidence gave the window. A dip around 13-14h against the
// hours around it is a lunch break.
#include <algorithm>
#include <cmath>

#include "insights/insight.hpp"
#include "insights/section_util.hpp"
#include "insights/stats.hpp"

namespace chatlens {
namespace {

constexpr uint64_t kMinMessages = 200;
constexpr int kMinWeekdays = 10, kMinWeekendDays = 4;  // distinct active days of each kind
constexpr double kQuieter = 0.75;                      // weekday rate below 75% of the weekend rate
constexpr int kMinWindowHours = 4;
constexpr uint64_t kMinChatMessages = 30;
constexpr double kWorkChatShare = 0.9;  // on weekdays, and of those inside office hours
constexpr int kOfficeFrom = 7 * 60, kOfficeTo = 20 * 60;

struct ChatSchedule {
  uint64_t messages = 0, weekday = 0, office = 0, owner = 0;
};

// Distinct days among days given in ascending order (the owner's messages in time order):
// counted as they come, with no per-message array.
struct DistinctDays {
  double count = 0;
  int64_t last = 0;
  void add(int64_t day) {
    if (count == 0 || day != last) ++count, last = day;
  }
};

}  // namespace

Json work_insight(const InsightInput& in) {
  const Corpus& c = in.corpus;
  const auto& mine = in.derived.owner_by_time();
  std::vector<double> weekday(24, 0), weekend(24, 0);
  DistinctDays weekday_days, weekend_days;
  for (uint64_t i : mine) {
    const LocalTime t = c.messages.time[i];
    const bool we = t.weekday() >= 5;
    (we ? weekend : weekday)[static_cast<size_t>(t.hour())] += 1;
    (we ? weekend_days : weekday_days).add(t.day());
  }
  const double n_weekdays = weekday_days.count, n_weekends = weekend_days.count;

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

  // Work chats: traffic on weekday office hours.
  std::vector<ChatSchedule> schedule(c.chats.size());
  for (ChatId id = 0; id < c.chats.size(); ++id) {
    const Chat& chat = c.chats[id];
    if (chat.kind == ChatKind::Channel) continue;
    ChatSchedule& s = schedule[id];
    for (uint64_t i = chat.begin; i < chat.end; ++i) {
      if (!is_personal(c, i)) continue;
      const LocalTime t = c.messages.time[i];
      ++s.messages;
      s.owner += c.is_owner(c.messages.sender[i]);
      if (t.weekday() >= 5) continue;
      ++s.weekday;
      const int minute = t.second_of_day() / 60;
      s.office += minute >= kOfficeFrom && minute < kOfficeTo;
    }
  }
  Json work_chats = Json::array();
  // Weekday messages of the work chats per minute of the day: their quantiles without a
  // per-message array.
  std::vector<uint64_t> work_minutes(24 * 60, 0);
  uint64_t owner_in_work_chats = 0;
  for (ChatId id = 0; id < c.chats.size(); ++id) {
    const ChatSchedule& s = schedule[id];
    if (s.messages < kMinChatMessages || s.owner == 0) continue;
    const double weekday_share = static_cast<double>(s.weekday) / static_cast<double>(s.messages);
    const double office_share = s.weekday ? static_cast<double>(s.office) / static_cast<double>(s.weekday) : 0.0;
    if (weekday_share < kWorkChatShare || office_share < kWorkChatShare) continue;
    Json j = Json::object();
    j["chat"] = c.chats[id].title;
    j["messages"] = s.messages;
    j["your_messages"] = s.owner;
    j["weekday_share"] = weekday_share;
    j["office_hours_share"] = office_share;
    work_chats.push(std::move(j));
    for (uint64_t i = c.chats[id].begin; i < c.chats[id].end; ++i) {
      const LocalTime t = c.messages.time[i];
      if (is_personal(c, i) && t.weekday() < 5) ++work_minutes[static_cast<size_t>(t.second_of_day() / 60)];
    }
    owner_in_work_chats += s.owner;
  }
  const bool has_work_chats = !work_chats.as_array().empty();
  out["work_chats"] = std::move(work_chats);

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
  const bool contrast = best_len >= kMinWindowHours;
  Json evidence = Json::array();
  if (has_work_chats) evidence.push("work_chats");
  if (contrast) evidence.push("weekday_weekend_contrast");
  out["evidence"] = std::move(evidence);
  out["shows_working_hours"] = has_work_chats || contrast;
  int from_min = best_from * 60, to_min = (best_from + best_len) * 60;
  if (has_work_chats) {  // the stronger signal: where the work chats' weekday messages fall
    auto quarter = [](double m) { return static_cast<int>(std::lround(m / 15.0)) * 15; };
    from_min = quarter(quantile_of_counts(work_minutes, 0.01));
    to_min = quarter(quantile_of_counts(work_minutes, 0.99));
  }
  if (has_work_chats || contrast) {
    out["window"] = Json::object();
    out["window"]["from"] = hour_label(from_min);
    out["window"]["to"] = hour_label(to_min);
    out["window"]["from_minutes"] = from_min;
    out["window"]["to_minutes"] = to_min;
    out["window"]["evidence"] = has_work_chats ? "work_chats" : "weekday_weekend_contrast";
    double inside = 0, total = 0;
    for (int h = 0; h < 24; ++h) {
      total += weekday[h];
      if (h * 60 >= from_min && h * 60 < to_min) inside += weekday[h];
    }
    out["window"]["share_of_weekday_messages"] = total > 0 ? inside / total : 0.0;
    out["window"]["messages_per_weekday_inside"] = inside;
    out["window"]["your_messages_in_work_chats"] = owner_in_work_chats;
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
