// privacy: "what your messages reveal" — plain statements built from the other
// sections (so it must be registered after them), each with its evidence and
// the section it comes from. Texts are i18n keys with parameters: the web app
// and the terminal render them in Spanish or English. Siblings are read only
// through SectionView: a statement whose facts are missing is not made.
#include <algorithm>

#include "insights/insight.hpp"
#include "insights/section_util.hpp"
#include "insights/section_view.hpp"

namespace chatlens {
namespace {

Json statement(std::string key, std::string section, Json params, Json evidence) {
  Json s = Json::object();
  s["key"] = std::move(key);
  s["section"] = std::move(section);
  s["params"] = std::move(params);
  s["evidence"] = std::move(evidence);
  return s;
}

// The first n "name" fields of a list of people.
Json names_of(const Json::Array& list, size_t n) {
  Json names = Json::array();
  for (size_t i = 0; i < list.size() && names.size() < n; ++i)
    if (auto name = text_of(list[i], "name")) names.push(*name);
  return names;
}

void sleep_schedule(const SectionView& sleep, Json& out) {
  if (!sleep.enough()) return;
  // The quiet window of weekdays when there is one, else of all days (as the verdict).
  const char* days = sleep.flag({"quiet_window", "weekdays", "found"}).value_or(false) ? "weekdays" : "all";
  const auto bedtime = sleep.text({"quiet_window", days, "from"}), wake_up = sleep.text({"quiet_window", days, "to"});
  const auto verdict = sleep.text({"verdict"});
  const auto messages = sleep.number({"quiet_window", days, "messages"});
  const Json* method = sleep.at({"method"});
  if (!bedtime || !wake_up || !verdict || !messages) return;
  Json p = Json::object();
  p["bedtime"] = *bedtime;
  p["wake_up"] = *wake_up;
  p["verdict"] = *verdict;
  Json e = Json::object();
  e["messages"] = static_cast<int64_t>(*messages);
  if (method) e["method"] = *method;
  out.push(statement("privacy.sleep_schedule", "sleep", std::move(p), std::move(e)));
}

void working_hours(const SectionView& work, Json& out) {
  if (!work.enough() || !work.flag({"shows_working_hours"}).value_or(false)) return;
  const auto from = work.text({"window", "from"}), to = work.text({"window", "to"});
  const auto share = work.number({"window", "share_of_weekday_messages"});
  if (!from || !to || !share) return;
  Json p = Json::object();
  p["from"] = *from;
  p["to"] = *to;
  Json e = Json::object();
  e["share_of_weekday_messages"] = *share;
  e["lunch_dip"] = work.flag({"lunch_dip"}).value_or(false);
  out.push(statement("privacy.working_hours", "work", std::move(p), std::move(e)));
}

void reply_priorities(const SectionView& rs, Json& out) {
  const Json::Array* fastest = rs.list({"private", "you_reply", "fastest"});
  if (!rs.enough() || !fastest || fastest->empty()) return;
  const auto median = number_of(fastest->front(), "median_seconds");
  if (!median) return;
  Json p = Json::object();
  p["names"] = names_of(*fastest, 3);
  Json e = Json::object();
  e["median_seconds"] = *median;
  out.push(statement("privacy.reply_priorities", "reply_speed", std::move(p), std::move(e)));
}

// Closest people are known even from a short history; people who left need enough of it.
void people(const SectionView& cg, Json& out) {
  if (const Json::Array* list = cg.list({"people"}); list && !list->empty()) {
    if (const auto total = number_of(list->front(), "total")) {
      Json p = Json::object();
      p["names"] = names_of(*list, 3);
      Json e = Json::object();
      e["messages_exchanged"] = static_cast<int64_t>(*total);
      out.push(statement("privacy.closest_people", "comings_goings", std::move(p), std::move(e)));
    }
  }
  const Json::Array* faded = cg.list({"faded"});
  if (!cg.enough() || !faded || faded->empty()) return;
  const auto silent = number_of(faded->front(), "silent_months");
  if (!silent) return;
  Json p = Json::object();
  p["count"] = faded->size();
  p["names"] = names_of(*faded, 3);
  Json e = Json::object();
  e["silent_months"] = static_cast<int64_t>(*silent);
  out.push(statement("privacy.people_who_left", "comings_goings", std::move(p), std::move(e)));
}

void daily_routine(const SectionView& act, Json& out) {
  const Json::Array* peaks = act.list({"peak_hours", "owner_messages"});
  const auto messages = act.number({"data", "messages"});
  if (!act.enough() || !peaks || peaks->empty() || !peaks->front().is_number() || !messages) return;
  Json p = Json::object();
  p["hour"] = peaks->front();
  Json e = Json::object();
  e["messages"] = static_cast<int64_t>(*messages);
  out.push(statement("privacy.daily_routine", "activity", std::move(p), std::move(e)));
}

// Languages are known from little text; interests need enough of it.
void languages_and_interests(const SectionView& topics, Json& out) {
  if (const Json::Array* langs = topics.list({"languages"}); langs && !langs->empty()) {
    Json codes = Json::array();
    for (const Json& l : *langs)
      if (auto code = text_of(l, "language")) codes.push(*code);
    Json p = Json::object();
    p["languages"] = std::move(codes);
    out.push(statement("privacy.languages", "topics", std::move(p), Json::object()));
  }
  const Json::Array* interests = topics.list({"interests"});
  if (!topics.enough() || !interests || interests->empty()) return;
  Json terms = Json::array();
  for (size_t i = 0; i < interests->size() && i < 5; ++i)
    if (auto term = text_of((*interests)[i], "term")) terms.push(*term);
  Json p = Json::object();
  p["terms"] = std::move(terms);
  out.push(statement("privacy.interests", "topics", std::move(p), Json::object()));
}

void social_circles(const SectionView& sg, Json& out) {
  const Json::Array* top = sg.list({"top"});
  if (!sg.enough() || !top || top->empty()) return;
  const auto name = text_of(top->front(), "name");
  const auto groups = number_of(top->front(), "shared_groups");
  if (!name || !groups) return;
  Json p = Json::object();
  p["name"] = *name;
  p["groups"] = static_cast<int64_t>(*groups);
  out.push(statement("privacy.social_circles", "shared_groups", std::move(p), Json::object()));
}

}  // namespace

Json privacy_insight(const InsightInput& in) {
  const Json* s = in.sections;
  Json statements = Json::array();
  sleep_schedule(SectionView(s, "sleep"), statements);
  working_hours(SectionView(s, "work"), statements);
  reply_priorities(SectionView(s, "reply_speed"), statements);
  people(SectionView(s, "comings_goings"), statements);
  daily_routine(SectionView(s, "activity"), statements);
  languages_and_interests(SectionView(s, "topics"), statements);
  social_circles(SectionView(s, "shared_groups"), statements);

  Json out = Json::object();
  out["data"] = Json::object();
  out["data"]["statements"] = statements.size();
  out["statements"] = std::move(statements);
  out["context"] = message("privacy.context");
  if (out["statements"].size() == 0)
    mark_insufficient(out, "privacy.no_statements");
  else
    out["enough_data"] = true;
  return out;
}

}  // namespace chatlens
