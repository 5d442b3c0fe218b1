// overview: how much there is, per chat and per person, and when.
#include <algorithm>
#include <map>

#include "insights/insight.hpp"
#include "insights/section_util.hpp"
#include "model/person_links.hpp"

namespace chatlens {
namespace {

// Days with messages, the busiest one and the longest run of consecutive days, taken in one
// pass over the messages' days in ascending order: no per-message array (5M days would be 40 MB).
class DayStats {
 public:
  void add(int64_t day) {
    if (count_ > 0 && day == day_) {
      ++count_;
      return;
    }
    close_day();
    if (active_days == 0) first_day = day;
    streak_ = active_days > 0 && day == day_ + 1 ? streak_ + 1 : 1;
    if (streak_ == 1) streak_start_ = day;
    if (streak_ > longest_streak) longest_streak = streak_, streak_start = streak_start_;
    ++active_days;
    day_ = last_day = day, count_ = 1;
  }
  // Call once all days are in.
  void finish() { close_day(), count_ = 0; }

  int64_t first_day = 0, last_day = 0;
  uint64_t active_days = 0;
  int64_t busiest_day = 0;
  uint64_t busiest_count = 0;
  uint64_t longest_streak = 0;
  int64_t streak_start = 0;

 private:
  void close_day() {
    if (count_ > busiest_count) busiest_count = count_, busiest_day = day_;
  }
  int64_t day_ = 0, streak_start_ = 0;
  uint64_t count_ = 0, streak_ = 0;
};

Json day_stats_json(const DayStats& s, uint64_t messages) {
  Json j = Json::object();
  j["messages"] = messages;
  if (messages == 0) return j;
  j["first_day"] = format_date(s.first_day);
  j["last_day"] = format_date(s.last_day);
  j["active_days"] = s.active_days;
  j["messages_per_active_day"] = static_cast<double>(messages) / static_cast<double>(s.active_days);
  j["busiest_day"] = Json::object();
  j["busiest_day"]["date"] = format_date(s.busiest_day);
  j["busiest_day"]["messages"] = s.busiest_count;
  j["longest_streak"] = Json::object();
  j["longest_streak"]["days"] = s.longest_streak;
  j["longest_streak"]["from"] = format_date(s.streak_start);
  j["longest_streak"]["to"] = format_date(s.streak_start + static_cast<int64_t>(s.longest_streak) - 1);
  return j;
}

}  // namespace

Json overview_insight(const InsightInput& in) {
  const Corpus& c = in.corpus;
  const auto& order = in.derived.by_time();
  Json out = Json::object();

  DayStats all_days, owner_days;  // `order` is in time order: days ascending
  uint64_t owner_messages_total = 0;
  for (uint64_t i : order) {
    const int64_t day = c.messages.time[i].day();
    all_days.add(day);
    if (c.is_owner(c.messages.sender[i])) owner_days.add(day), ++owner_messages_total;
  }
  all_days.finish(), owner_days.finish();
  uint64_t system = 0;
  for (uint64_t i = 0; i < c.size(); ++i) system += c.messages.kind[i] == MessageKind::System;

  Json totals = Json::object();
  totals["messages"] = c.size();
  totals["personal_messages"] = order.size();
  totals["system_messages"] = system;
  totals["chats"] = c.chats.size();
  // A person linked to another (the same person on another platform) is counted once; a bot is no person.
  totals["people"] = static_cast<uint64_t>(std::count_if(
      c.people.begin(), c.people.end(), [](const Person& p) { return p.merged_into == kNoPerson && !p.is_bot; }));
  out["data"] = totals;

  if (!order.empty()) {
    out["enough_data"] = true;
    out["first_message"] = format_local_iso(c.messages.time[order.front()]);
    out["last_message"] = format_local_iso(c.messages.time[order.back()]);
  } else {
    mark_insufficient(out, "overview.no_messages");
    out["first_message"] = nullptr;
    out["last_message"] = nullptr;
  }
  out["everyone"] = day_stats_json(all_days, order.size());
  out["owner"] = day_stats_json(owner_days, owner_messages_total);

  // Per chat, largest first.
  std::vector<ChatId> chats(c.chats.size());
  for (ChatId i = 0; i < chats.size(); ++i) chats[i] = i;
  std::stable_sort(chats.begin(), chats.end(),
                   [&](ChatId a, ChatId b) { return c.chats[a].size() > c.chats[b].size(); });
  Json per_chat = Json::array();
  for (ChatId id : chats) {
    const Chat& chat = c.chats[id];
    Json j = Json::object();
    j["title"] = chat.title;
    j["platform"] = to_string(chat.platform);
    j["kind"] = to_string(chat.kind);
    j["messages"] = chat.size();
    uint64_t owner_messages = 0;
    std::optional<LocalTime> first, last;
    for (uint64_t i = chat.begin; i < chat.end; ++i) {
      if (!is_personal(c, i)) continue;
      owner_messages += c.is_owner(c.messages.sender[i]);
      if (!first || c.messages.time[i] < *first) first = c.messages.time[i];
      if (!last || *last < c.messages.time[i]) last = c.messages.time[i];
    }
    j["owner_messages"] = owner_messages;
    j["participants"] = chat.members.size();
    j["first_message"] = first ? Json(format_local_iso(*first)) : Json();
    j["last_message"] = last ? Json(format_local_iso(*last)) : Json();
    per_chat.push(std::move(j));
  }
  out["chats"] = std::move(per_chat);

  // Per platform, in platform order: how much of the report each app contributes.
  std::map<Platform, std::pair<uint64_t, uint64_t>> platform_totals;  // messages, chats
  for (const Chat& chat : c.chats) ++platform_totals[chat.platform].second;
  for (uint64_t i : order) ++platform_totals[c.chats[c.messages.chat[i]].platform].first;
  Json by_platform = Json::array();
  for (const auto& [platform, counts] : platform_totals) {
    Json j = Json::object();
    j["platform"] = to_string(platform);
    j["messages"] = counts.first;
    j["chats"] = counts.second;
    by_platform.push(std::move(j));
  }
  out["by_platform"] = std::move(by_platform);

  // Per person, most active first.
  std::vector<uint64_t> per_person(c.people.size(), 0);
  std::vector<std::vector<ChatId>> person_chats(c.people.size());
  for (uint64_t i : order) ++per_person[c.messages.sender[i]];
  for (ChatId id = 0; id < c.chats.size(); ++id)
    for (PersonId p : c.chats[id].members) person_chats[p].push_back(id);
  const std::vector<std::vector<Platform>> platforms = platforms_per_person(c);
  std::vector<PersonId> people(c.people.size());
  for (PersonId p = 0; p < people.size(); ++p) people[p] = p;
  std::stable_sort(people.begin(), people.end(), [&](PersonId a, PersonId b) { return per_person[a] > per_person[b]; });
  Json per_person_json = Json::array();
  for (PersonId p : people) {
    if (per_person[p] == 0) continue;
    Json j = Json::object();
    j["name"] = c.people[p].name;
    j["platform"] = to_string(c.people[p].platform);
    Json on = Json::array();
    for (Platform pl : platforms[p]) on.push(to_string(pl));
    j["platforms"] = std::move(on);  // more than one for a person linked across platforms
    j["is_owner"] = c.people[p].is_owner;
    j["messages"] = per_person[p];
    j["chats"] = person_chats[p].size();
    per_person_json.push(std::move(j));
  }
  out["people"] = std::move(per_person_json);
  return out;
}

}  // namespace chatlens
