// comings_goings: who came into the owner's life and who faded out. Per person,
// messages exchanged with the owner per month: in private chats with the owner
// both sides count; in groups shared with the owner, the person's own messages.
// A person "appears" only when their first message comes at least kAppearAfterDays
// after the data starts (stated in the section), by month; everyone seen before
// is "there from the beginning": the data cannot say when they came.
// Fading (silent for the last kFadeMonths months or more) and comebacks (a silence of
// kFadeMonths or more, then talking again) count only when the person's usual pace
// (the share of their months with messages) leaves such a silence by chance less than
// kMaxSilenceChance of the time: with someone who writes twice a year, six quiet
// months are no news.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "insights/insight.hpp"
#include "insights/section_util.hpp"

namespace chatlens {
namespace {

constexpr int kTopPerWindow = 10;
constexpr int kFadeMonths = 6;
// A silence says something only when the person's usual pace would leave it by chance less than
// this often: (share of their other months without a message) ^ (months of silence), times the
// number of places such a silence could have started (1 for fading: it is the end).
constexpr double kMaxSilenceChance = 0.01;

// Whether `silent` quiet months in a row are unlikely given `active` months with messages out of
// `span` others, with `places` where they could have started.
bool silence_means_something(int active, int span, int silent, int places) {
  if (span <= 0) return false;
  const double quiet = 1.0 - static_cast<double>(active) / static_cast<double>(span);
  return places * std::pow(quiet, silent) < kMaxSilenceChance;
}
constexpr uint64_t kMinMessagesForRelationship = 20;
constexpr int64_t kAppearAfterDays = 60;

int month_index(LocalTime t) {
  const CivilDate d = t.date();
  return d.year * 12 + (d.month - 1);
}

std::string month_label(int m) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", m / 12, m % 12 + 1);
  return buf;
}

struct Timeline {
  std::map<int, std::pair<uint64_t, uint64_t>> months;  // month -> (private, group)
  uint64_t total = 0;
  int64_t first_day = INT64_MAX;
  int first() const { return months.begin()->first; }
  int last() const { return months.rbegin()->first; }
};

}  // namespace

Json comings_goings_insight(const InsightInput& in) {
  const Corpus& c = in.corpus;
  Json out = Json::object();
  std::map<PersonId, Timeline> people;
  uint64_t counted = 0;
  std::optional<LocalTime> first, last;

  for (const Chat& chat : c.chats) {
    const bool owner_here =
        std::any_of(chat.members.begin(), chat.members.end(), [&](PersonId p) { return c.is_owner(p); });
    if (!owner_here || chat.kind == ChatKind::Channel) continue;
    const bool is_private = chat.kind == ChatKind::Private || chat.members.size() <= 2;
    PersonId other = kNoPerson;
    if (is_private)
      for (PersonId p : chat.members)
        if (!c.is_owner(p)) other = p;
    for (uint64_t i = chat.begin; i < chat.end; ++i) {
      if (!is_personal(c, i)) continue;
      const PersonId sender = c.messages.sender[i];
      PersonId who = kNoPerson;
      if (is_private)
        who = other;
      else if (!c.is_owner(sender))
        who = sender;
      if (who == kNoPerson) continue;
      Timeline& t = people[who];
      auto& cell = t.months[month_index(c.messages.time[i])];
      (is_private ? cell.first : cell.second)++;
      ++t.total;
      t.first_day = std::min(t.first_day, c.messages.time[i].day());
      ++counted;
      if (!first || c.messages.time[i] < *first) first = c.messages.time[i];
      if (!last || *last < c.messages.time[i]) last = c.messages.time[i];
    }
  }
  out["data"] = data_basis(counted, first, last);
  out["data"]["people"] = people.size();
  if (people.empty() || !last) {
    mark_insufficient(out, "comings_goings.no_exchanges");
    return out;
  }
  const int end_month = month_index(*last);
  const int span_months = end_month - month_index(*first) + 1;
  out["enough_data"] = span_months >= 6;
  if (span_months < 6) mark_insufficient(out, "comings_goings.short_history", Json::Object{{"months", 6}});

  // Per person timelines, most exchanged first.
  std::vector<PersonId> order;
  for (const auto& [p, t] : people) order.push_back(p);
  std::stable_sort(order.begin(), order.end(),
                   [&](PersonId a, PersonId b) { return people[a].total > people[b].total; });
  Json persons = Json::array();
  for (PersonId p : order) {
    const Timeline& t = people[p];
    Json j = Json::object();
    j["name"] = c.people[p].name;
    j["total"] = t.total;
    j["first_month"] = month_label(t.first());
    j["last_month"] = month_label(t.last());
    Json months = Json::array();
    for (const auto& [m, counts] : t.months) {
      Json cell = Json::array();
      cell.push(month_label(m));
      cell.push(counts.first);
      cell.push(counts.second);
      months.push(std::move(cell));
    }
    j["months"] = std::move(months);  // [month, private, group]
    persons.push(std::move(j));
  }
  out["people"] = std::move(persons);

  // Arrivals: first message well after the data starts, by month; the others were there from the beginning.
  const int64_t start_day = first->day();
  out["appear_after_days"] = kAppearAfterDays;
  out["data_starts"] = format_date(start_day);
  std::vector<PersonId> newcomers, from_start;
  for (PersonId p : order) (people[p].first_day >= start_day + kAppearAfterDays ? newcomers : from_start).push_back(p);
  std::stable_sort(newcomers.begin(), newcomers.end(),
                   [&](PersonId a, PersonId b) { return people[a].first_day < people[b].first_day; });
  Json appeared = Json::array();
  for (PersonId p : newcomers) {
    Json j = Json::object();
    j["name"] = c.people[p].name;
    j["month"] = month_label(people[p].first());
    j["total"] = people[p].total;
    appeared.push(std::move(j));
  }
  out["appeared"] = std::move(appeared);
  Json beginning = Json::object();
  beginning["count"] = from_start.size();
  Json names = Json::array();
  for (size_t i = 0; i < from_start.size() && i < 10; ++i) names.push(c.people[from_start[i]].name);
  beginning["top"] = std::move(names);
  out["there_from_the_beginning"] = std::move(beginning);

  // Arrivals per year, biggest first (newcomers only).
  std::map<int, std::vector<PersonId>> arrivals;
  for (PersonId p : newcomers) arrivals[people[p].first() / 12].push_back(p);
  Json by_year = Json::array();
  for (auto& [year, list] : arrivals) {
    std::stable_sort(list.begin(), list.end(),
                     [&](PersonId a, PersonId b) { return people[a].total > people[b].total; });
    Json y = Json::object();
    y["year"] = year;
    y["count"] = list.size();
    Json top = Json::array();
    for (size_t i = 0; i < list.size() && i < 10; ++i) top.push(c.people[list[i]].name);
    y["top"] = std::move(top);
    by_year.push(std::move(y));
  }
  out["appeared_by_year"] = std::move(by_year);

  // Top contacts of each half-year window.
  std::map<int, std::vector<std::pair<uint64_t, PersonId>>> windows;
  for (const auto& [p, t] : people) {
    std::map<int, uint64_t> per_window;
    for (const auto& [m, counts] : t.months) per_window[m / 6] += counts.first + counts.second;
    for (const auto& [w, n] : per_window) windows[w].push_back({n, p});
  }
  std::map<PersonId, int> was_top;  // person -> last window they were top in
  for (auto& [w, list] : windows) {
    std::stable_sort(list.begin(), list.end(), [](auto& a, auto& b) { return a.first > b.first; });
    for (size_t i = 0; i < list.size() && i < kTopPerWindow; ++i) was_top[list[i].second] = w;
  }
  Json faded = Json::array();
  for (PersonId p : order) {
    auto it = was_top.find(p);
    if (it == was_top.end()) continue;
    const int silent = end_month - people[p].last();
    if (silent < kFadeMonths) continue;
    const int span = people[p].last() - people[p].first() + 1;
    if (!silence_means_something(static_cast<int>(people[p].months.size()), span, silent, 1)) continue;
    Json j = Json::object();
    j["name"] = c.people[p].name;
    j["last_month"] = month_label(people[p].last());
    j["silent_months"] = silent;
    j["total"] = people[p].total;
    faded.push(std::move(j));
  }
  out["faded"] = std::move(faded);

  // Comebacks: a silence of 6+ months, then talking again.
  Json comebacks = Json::array();
  for (PersonId p : order) {
    int prev = -1, longest = 0, back = -1, gap_from = -1;
    for (const auto& [m, counts] : people[p].months) {
      if (prev >= 0 && m - prev - 1 >= kFadeMonths && m - prev - 1 > longest)
        longest = m - prev - 1, back = m, gap_from = prev;
      prev = m;
    }
    if (back < 0) continue;
    const int span = people[p].last() - people[p].first() + 1 - longest;
    if (!silence_means_something(static_cast<int>(people[p].months.size()), span, longest, span)) continue;
    Json j = Json::object();
    j["name"] = c.people[p].name;
    j["silent_from"] = month_label(gap_from);
    j["back_in"] = month_label(back);
    j["silent_months"] = longest;
    comebacks.push(std::move(j));
  }
  out["comebacks"] = std::move(comebacks);

  // Longest relationships: span from first to last month with enough messages.
  std::vector<PersonId> lasting;
  for (PersonId p : order)
    if (people[p].total >= kMinMessagesForRelationship) lasting.push_back(p);
  std::stable_sort(lasting.begin(), lasting.end(), [&](PersonId a, PersonId b) {
    return people[a].last() - people[a].first() > people[b].last() - people[b].first();
  });
  Json longest = Json::array();
  for (size_t i = 0; i < lasting.size() && i < 10; ++i) {
    const Timeline& t = people[lasting[i]];
    Json j = Json::object();
    j["name"] = c.people[lasting[i]].name;
    j["months"] = t.last() - t.first() + 1;
    j["from"] = month_label(t.first());
    j["to"] = month_label(t.last());
    j["total"] = t.total;
    longest.push(std::move(j));
  }
  out["longest_relationships"] = std::move(longest);
  return out;
}

}  // namespace chatlens
