// This year against the year before: what changed, each statement with its numbers and
// an i18n key. Nothing is measured here: the other insights run on the year before (and
// topics on both years together) and their sections are compared with this period's.
#include "insights/year_vs_year.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>

#include "insights/period_json.hpp"
#include "insights/section_util.hpp"
#include "insights/section_view.hpp"
#include "model/period_coverage.hpp"

namespace chatlens {
namespace {

constexpr uint64_t kMinPersonMessages = 20;  // exchanged in a year, to count as someone of that year
constexpr double kSameShare = 0.05;          // a change under 5% is "about the same"
constexpr uint64_t kMinEmojiUses = 5;        // uses in the year an emoji is gained in (or lost from)
constexpr int kSameSleepMinutes = 30;        // the quiet window moved less: the same
constexpr size_t kMaxListed = 5;

double round_to(double v, double step) { return std::round(v / step) * step; }

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

struct ChangeKeys {
  const char* more;
  const char* fewer;
  const char* same;
};
constexpr ChangeKeys kMessagesKeys{"year_vs_year.messages_more", "year_vs_year.messages_fewer",
                                   "year_vs_year.messages_same"};
constexpr ChangeKeys kActiveDaysKeys{"year_vs_year.active_days_more", "year_vs_year.active_days_fewer",
                                     "year_vs_year.active_days_same"};

// A count this period and the one before, with its change: {this, previous, change_percent, message}.
Json compare_counts(const ChangeKeys& keys, uint64_t now, uint64_t before) {
  Json j = Json::object();
  j["this"] = now;
  j["previous"] = before;
  const double change =
      before > 0 ? (static_cast<double>(now) - static_cast<double>(before)) / static_cast<double>(before) : 0;
  j["change_percent"] = round_to(change * 100, 1);
  const char* key = std::fabs(change) < kSameShare ? keys.same : change > 0 ? keys.more : keys.fewer;
  j["message"] =
      message(key, Json::Object{{"this", now}, {"previous", before}, {"percent", std::round(std::fabs(change) * 100)}});
  return j;
}

// People and messages exchanged with the owner (comings_goings.people).
std::map<std::string, uint64_t> people_of(const Json& sections) {
  std::map<std::string, uint64_t> out;
  if (const Json::Array* people = SectionView(&sections, "comings_goings").list({"people"}))
    for (const Json& p : *people)
      if (auto name = text_of(p, "name"))
        if (auto total = number_of(p, "total")) out[*name] = static_cast<uint64_t>(*total);
  return out;
}

Json person_list(const std::vector<std::pair<std::string, std::pair<uint64_t, uint64_t>>>& people) {
  Json list = Json::array();
  for (const auto& [name, counts] : people) {
    Json p = Json::object();
    p["name"] = name;
    p["this"] = counts.first;
    p["previous"] = counts.second;
    list.push(std::move(p));
  }
  return list;
}

// Who appeared (enough messages this period, none the period before) and who faded (the reverse).
Json compare_people(const Json& now_sections, const Json& before_sections) {
  const auto now = people_of(now_sections), before = people_of(before_sections);
  auto count = [](const std::map<std::string, uint64_t>& m, const std::string& name) -> uint64_t {
    const auto it = m.find(name);
    return it == m.end() ? 0 : it->second;
  };
  using Entry = std::pair<std::string, std::pair<uint64_t, uint64_t>>;
  std::vector<Entry> appeared, faded;
  for (const auto& [name, n] : now)
    if (n >= kMinPersonMessages && count(before, name) == 0) appeared.push_back({name, {n, 0}});
  for (const auto& [name, n] : before)
    if (n >= kMinPersonMessages && count(now, name) == 0) faded.push_back({name, {0, n}});
  auto by_messages = [](const Entry& a, const Entry& b) {
    return a.second.first + a.second.second > b.second.first + b.second.second;
  };
  std::sort(appeared.begin(), appeared.end(), by_messages);
  std::sort(faded.begin(), faded.end(), by_messages);
  Json j = Json::object();
  j["min_messages"] = kMinPersonMessages;
  auto say = [&](const char* what, const std::vector<Entry>& list, const char* key, const char* none_key) {
    std::vector<std::string> names;
    for (size_t i = 0; i < list.size() && i < kMaxListed; ++i) names.push_back(list[i].first);
    j[what] = person_list(list);
    j[std::string(what) + "_message"] =
        list.empty() ? message(none_key) : message(key, Json::Object{{"count", list.size()}, {"names", joined(names)}});
  };
  say("appeared", appeared, "year_vs_year.appeared", "year_vs_year.no_one_appeared");
  say("faded", faded, "year_vs_year.faded", "year_vs_year.no_one_faded");
  return j;
}

Json top_person_of(const Json& sections) {
  const Json::Array* people = SectionView(&sections, "comings_goings").list({"people"});
  if (!people || people->empty()) return Json();
  Json p = Json::object();
  p["name"] = text_of(people->front(), "name").value_or("");
  p["messages"] = number_of(people->front(), "total").value_or(0);
  return p;
}

Json compare_top_person(const Json& now_sections, const Json& before_sections) {
  Json now = top_person_of(now_sections), before = top_person_of(before_sections);
  if (now.is_null() || before.is_null()) return Json();
  Json j = Json::object();
  const std::string name = now.find("name")->as_string(), previous_name = before.find("name")->as_string();
  j["message"] =
      name == previous_name
          ? message(
                "year_vs_year.top_person_same",
                Json::Object{{"name", name}, {"this", *now.find("messages")}, {"previous", *before.find("messages")}})
          : message("year_vs_year.top_person_changed", Json::Object{{"name", name}, {"previous_name", previous_name}});
  j["this"] = std::move(now);
  j["previous"] = std::move(before);
  return j;
}

// The owner's fastest median reply to a contact (reply_speed, private chats).
Json fastest_of(const Json& sections) {
  const Json::Array* fastest = SectionView(&sections, "reply_speed").list({"private", "you_reply", "fastest"});
  if (!fastest || fastest->empty()) return Json();
  Json f = Json::object();
  f["name"] = text_of(fastest->front(), "name").value_or("");
  f["median_seconds"] = number_of(fastest->front(), "median_seconds").value_or(0);
  return f;
}

Json compare_fastest(const Json& now_sections, const Json& before_sections) {
  Json now = fastest_of(now_sections), before = fastest_of(before_sections);
  if (now.is_null() || before.is_null()) return Json();
  Json j = Json::object();
  j["message"] =
      message("year_vs_year.fastest_reply",
              Json::Object{{"name", *now.find("name")},
                           {"minutes", round_to(now.find("median_seconds")->as_double() / 60, 0.1)},
                           {"previous_name", *before.find("name")},
                           {"previous_minutes", round_to(before.find("median_seconds")->as_double() / 60, 0.1)}});
  j["this"] = std::move(now);
  j["previous"] = std::move(before);
  return j;
}

struct MoodMean {
  double mean, low, high;
};

std::optional<MoodMean> mood_of(const Json& sections) {
  const SectionView v(&sections, "mood");
  if (!v.enough()) return std::nullopt;
  const auto mean = v.number({"overall", "mean"}), low = v.number({"overall", "ci_low"}),
             high = v.number({"overall", "ci_high"});
  if (!mean || !low || !high) return std::nullopt;
  return MoodMean{*mean, *low, *high};
}

Json mood_json(const MoodMean& m) {
  return Json(Json::Object{{"mean", m.mean}, {"ci_low", m.low}, {"ci_high", m.high}});
}

// Means with their 95% intervals; "about the same" when the intervals overlap. The change's own
// interval assumes the two years independent (normal approximation from each interval's width).
Json compare_mood(const Json& now_sections, const Json& before_sections) {
  const auto now = mood_of(now_sections), before = mood_of(before_sections);
  if (!now || !before) return Json();
  Json j = Json::object();
  j["this"] = mood_json(*now);
  j["previous"] = mood_json(*before);
  const double change = now->mean - before->mean;
  const double se = std::hypot((now->high - now->low) / (2 * 1.96), (before->high - before->low) / (2 * 1.96));
  j["change"] = change;
  j["change_ci_low"] = change - 1.96 * se;
  j["change_ci_high"] = change + 1.96 * se;
  const bool overlap = now->low <= before->high && before->low <= now->high;
  const char* verdict = overlap ? "about_the_same" : change > 0 ? "higher" : "lower";
  j["verdict"] = verdict;
  const char* key = overlap      ? "year_vs_year.mood_about_the_same"
                    : change > 0 ? "year_vs_year.mood_higher"
                                 : "year_vs_year.mood_lower";
  j["message"] = message(key, Json::Object{{"this", round_to(now->mean, 0.01)},
                                           {"previous", round_to(before->mean, 0.01)},
                                           {"change", round_to(std::fabs(change), 0.01)}});
  return j;
}

std::map<std::string, uint64_t> emoji_of(const Json& sections) {
  std::map<std::string, uint64_t> out;
  if (const Json::Array* list = SectionView(&sections, "emoji_wall").list({"emoji"}))
    for (const Json& e : *list)
      if (auto emoji = text_of(e, "emoji"))
        if (auto count = number_of(e, "count")) out[*emoji] = static_cast<uint64_t>(*count);
  return out;
}

// The emoji whose share of the owner's emoji rose most (gained) and fell most (lost).
Json compare_emoji(const Json& now_sections, const Json& before_sections) {
  const auto now = emoji_of(now_sections), before = emoji_of(before_sections);
  double now_total = 0, before_total = 0;
  for (const auto& [e, n] : now) now_total += static_cast<double>(n);
  for (const auto& [e, n] : before) before_total += static_cast<double>(n);
  if (now_total == 0 || before_total == 0) return Json();
  std::set<std::string> all;
  for (const auto& [e, n] : now) all.insert(e);
  for (const auto& [e, n] : before) all.insert(e);
  std::string gained, lost;
  double most_up = 0, most_down = 0;
  auto count = [](const std::map<std::string, uint64_t>& m, const std::string& e) -> uint64_t {
    const auto it = m.find(e);
    return it == m.end() ? 0 : it->second;
  };
  for (const std::string& e : all) {
    const uint64_t a = count(now, e), b = count(before, e);
    const double shift = static_cast<double>(a) / now_total - static_cast<double>(b) / before_total;
    if (a >= kMinEmojiUses && shift > most_up) most_up = shift, gained = e;
    if (b >= kMinEmojiUses && shift < most_down) most_down = shift, lost = e;
  }
  auto entry = [&](const std::string& e, const char* key) -> Json {
    if (e.empty()) return Json();
    const uint64_t a = count(now, e), b = count(before, e);
    return Json(Json::Object{{"emoji", e},
                             {"this", a},
                             {"previous", b},
                             {"message", message(key, Json::Object{{"emoji", e}, {"this", a}, {"previous", b}})}});
  };
  Json j = Json::object();
  j["gained"] = entry(gained, "year_vs_year.emoji_gained");
  j["lost"] = entry(lost, "year_vs_year.emoji_lost");
  return j;
}

// Topics computed on both periods together: terms that stand out in a sub-period (year or
// quarter) starting in this period and in none starting in the one before.
int64_t label_day(const std::string& label) {
  const int y = std::atoi(label.substr(0, 4).c_str());
  const size_t q = label.find("-Q");
  const unsigned month = q == std::string::npos ? 1u : static_cast<unsigned>(std::atoi(label.c_str() + q + 2) * 3 - 2);
  return days_from_civil(y, month, 1);
}

Json compare_topics(const Json& both_sections, const ReportPeriod& now) {
  const SectionView topics(&both_sections, "topics");
  const Json::Array* periods = topics.list({"by_period"});
  if (!topics.enough() || !periods) return Json();
  std::map<std::string, int64_t> fresh;  // term -> uses
  std::set<std::string> before;
  for (const Json& p : *periods) {
    const auto label = text_of(p, "period");
    const Json* terms = p.find("terms");
    if (!label || !terms || !terms->is_array()) continue;
    const bool in_now = label_day(*label) >= now.from_day.value_or(INT64_MIN);
    for (const Json& t : terms->as_array()) {
      const auto term = text_of(t, "term");
      const Json* significant = t.find("significant");
      if (!term || !significant || !significant->is_bool() || !significant->as_bool()) continue;
      if (in_now)
        fresh[*term] += static_cast<int64_t>(number_of(t, "count").value_or(0));
      else
        before.insert(*term);
    }
  }
  std::vector<std::pair<std::string, int64_t>> list;
  for (const auto& [term, uses] : fresh)
    if (!before.count(term)) list.push_back({term, uses});
  std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  if (list.size() > kMaxListed) list.resize(kMaxListed);
  Json j = Json::object();
  Json terms = Json::array();
  std::vector<std::string> words;
  for (const auto& [term, uses] : list) {
    terms.push(Json(Json::Object{{"term", term}, {"count", uses}}));
    words.push_back(term);
  }
  j["new"] = std::move(terms);
  j["message"] =
      list.empty() ? message("year_vs_year.no_new_topics")
                   : message("year_vs_year.new_topics", Json::Object{{"count", list.size()}, {"terms", joined(words)}});
  return j;
}

Json window_of(const Json& sections) {
  const SectionView v(&sections, "sleep");
  if (!v.flag({"quiet_window", "weekdays", "found"}).value_or(false)) return Json();
  const auto from = v.number({"quiet_window", "weekdays", "from_minutes"});
  const auto to = v.number({"quiet_window", "weekdays", "to_minutes"});
  if (!from || !to) return Json();
  return Json(Json::Object{{"from", hour_label(static_cast<int>(*from))},
                           {"to", hour_label(static_cast<int>(*to))},
                           {"from_minutes", *from},
                           {"to_minutes", *to}});
}

// Minutes from `b` to `a` the short way round midnight: positive when `a` is later.
int clock_shift(double a, double b) {
  int d = static_cast<int>(std::lround(a - b)) % 1440;
  if (d > 720) d -= 1440;
  if (d < -720) d += 1440;
  return d;
}

// The weekday quiet window (sleep): when it starts and ends, this period and the one before.
Json compare_sleep(const Json& now_sections, const Json& before_sections) {
  Json now = window_of(now_sections), before = window_of(before_sections);
  if (now.is_null() || before.is_null()) return Json();
  const int bed = clock_shift(now.find("from_minutes")->as_double(), before.find("from_minutes")->as_double());
  const int wake = clock_shift(now.find("to_minutes")->as_double(), before.find("to_minutes")->as_double());
  Json j = Json::object();
  j["bedtime_shift_minutes"] = bed;
  j["wake_shift_minutes"] = wake;
  const int larger = std::abs(bed) >= std::abs(wake) ? bed : wake;
  const char* key = std::abs(larger) < kSameSleepMinutes ? "year_vs_year.sleep_same"
                    : larger > 0                         ? "year_vs_year.sleep_later"
                                                         : "year_vs_year.sleep_earlier";
  j["message"] = message(key, Json::Object{{"from", *now.find("from")},
                                           {"to", *now.find("to")},
                                           {"previous_from", *before.find("from")},
                                           {"previous_to", *before.find("to")},
                                           {"minutes", std::abs(larger)}});
  j["this"] = std::move(now);
  j["previous"] = std::move(before);
  return j;
}

Json coverage_json(const PeriodCoverage& c) {
  return Json(Json::Object{{"messages", c.messages},
                           {"owner_messages", c.owner_messages},
                           {"owner_active_days", c.owner_active_days},
                           {"enough_data", c.enough_data()}});
}

}  // namespace

Json sections_on(const Corpus& corpus, const ReportOptions& options, const std::set<std::string_view>& names) {
  DerivedData derived(corpus, options.conversation_gap_seconds);
  Json sections = Json::object();
  InsightInput input{corpus, options, derived, &sections, nullptr};
  for (const InsightInfo& insight : all_insights())
    if (names.count(insight.name)) sections[insight.name] = insight.compute(input);
  return sections;
}

Json year_vs_year_insight(const InsightInput& in) {
  const Corpus& whole = in.whole ? *in.whole : in.corpus;
  const ReportPeriod& now = in.options.period;
  const std::optional<ReportPeriod> before = now.previous();
  Json out = Json::object();
  out["this_period"] = period_json(now, in.corpus);
  out["previous_period"] = before ? period_json(*before, whole) : Json();
  if (!before) {
    out["data"] = Json();
    mark_insufficient(out, "year_vs_year.needs_a_year");
    return out;
  }
  const PeriodCoverage now_cov = measure_period(whole, now), before_cov = measure_period(whole, *before);
  out["data"] = Json(Json::Object{{"this", coverage_json(now_cov)}, {"previous", coverage_json(before_cov)}});
  if (!now_cov.enough_data() || !before_cov.enough_data()) {
    mark_insufficient(out, "year_vs_year.too_little_data",
                      Json::Object{{"min_messages", kMinPeriodOwnerMessages}, {"min_days", kMinPeriodOwnerActiveDays}});
    return out;
  }
  out["enough_data"] = true;

  // The other sections, on the period before; topics on both together (a term new this year
  // stands out against the year before).
  const Json empty = Json::object();
  const Json& now_sections = in.sections ? *in.sections : empty;
  const Json before_sections =
      sections_on(slice_corpus(whole, *before), in.options,
                  {"overview", "reply_speed", "mood", "comings_goings", "sleep", "emoji_wall"});
  ReportOptions both_options = in.options;
  both_options.topics_by_year = now.kind == PeriodKind::Year;  // one period per year compared
  both_options.topics_for_comparison = true;
  const Json both_sections =
      sections_on(slice_corpus(whole, ReportPeriod::range(before->from_day, now.to_day)), both_options, {"topics"});

  const SectionView now_overview(&now_sections, "overview"), before_overview(&before_sections, "overview");
  auto owner_count = [](const SectionView& overview, std::string_view field) {
    return static_cast<uint64_t>(overview.number({"owner", field}).value_or(0));
  };
  out["messages"] =
      compare_counts(kMessagesKeys, owner_count(now_overview, "messages"), owner_count(before_overview, "messages"));
  out["active_days"] = compare_counts(kActiveDaysKeys, owner_count(now_overview, "active_days"),
                                      owner_count(before_overview, "active_days"));
  out["people"] = compare_people(now_sections, before_sections);
  out["top_person"] = compare_top_person(now_sections, before_sections);
  out["fastest_reply"] = compare_fastest(now_sections, before_sections);
  out["mood"] = compare_mood(now_sections, before_sections);
  out["emoji"] = compare_emoji(now_sections, before_sections);
  out["topics"] = compare_topics(both_sections, now);
  out["sleep"] = compare_sleep(now_sections, before_sections);
  return out;
}

}  // namespace chatlens
