// privacy: "what your messages reveal" — plain statements built from the other
// sections (so it must be registered after them), each with its evidence and
// the section it comes from. Texts are i18n keys with parameters: the web app
// and the terminal render them in Spanish or English.
#include <algorithm>

#include "insights/insight.hpp"
#include "insights/section_util.hpp"

namespace chatlens {
namespace {

const Json* path(const Json* j, std::initializer_list<std::string_view> keys) {
  for (std::string_view k : keys) {
    if (!j) return nullptr;
    j = j->find(k);
  }
  return j;
}

bool enough(const Json* section) {
  const Json* e = section ? section->find("enough_data") : nullptr;
  return section && (!e || (e->is_null() ? false : e->as_bool()));
}

Json statement(std::string key, std::string section, Json params, Json evidence) {
  Json s = Json::object();
  s["key"] = std::move(key);
  s["section"] = std::move(section);
  s["params"] = std::move(params);
  s["evidence"] = std::move(evidence);
  return s;
}

Json names_of(const Json& list, size_t n) {
  Json names = Json::array();
  for (size_t i = 0; i < list.size() && i < n; ++i)
    if (const Json* name = list.as_array()[i].find("name")) names.push(*name);
  return names;
}

}  // namespace

Json privacy_insight(const InsightInput& in) {
  Json out = Json::object();
  Json statements = Json::array();
  const Json* s = in.sections;

  if (const Json* sleep = path(s, {"sleep"}); enough(sleep)) {
    Json p = Json::object();
    // The quiet window of weekdays when there is one, else of all days (as the verdict).
    const Json* w = path(sleep, {"quiet_window", "weekdays"});
    if (!w->find("found")->as_bool()) w = path(sleep, {"quiet_window", "all"});
    p["bedtime"] = *w->find("from");
    p["wake_up"] = *w->find("to");
    p["verdict"] = *path(sleep, {"verdict"});
    Json e = Json::object();
    e["messages"] = *w->find("messages");
    e["method"] = *path(sleep, {"method"});
    statements.push(statement("privacy.sleep_schedule", "sleep", std::move(p), std::move(e)));
  }
  if (const Json* work = path(s, {"work"}); enough(work) && path(work, {"shows_working_hours"})->as_bool()) {
    Json p = Json::object();
    p["from"] = *path(work, {"window", "from"});
    p["to"] = *path(work, {"window", "to"});
    Json e = Json::object();
    e["share_of_weekday_messages"] = *path(work, {"window", "share_of_weekday_messages"});
    e["lunch_dip"] = *path(work, {"lunch_dip"});
    statements.push(statement("privacy.working_hours", "work", std::move(p), std::move(e)));
  }
  if (const Json* rs = path(s, {"reply_speed"}); enough(rs)) {
    const Json* fastest = path(rs, {"private", "you_reply", "fastest"});
    if (fastest && fastest->size() > 0) {
      Json p = Json::object();
      p["names"] = names_of(*fastest, 3);
      Json e = Json::object();
      e["median_seconds"] = *fastest->as_array()[0].find("median_seconds");
      statements.push(statement("privacy.reply_priorities", "reply_speed", std::move(p), std::move(e)));
    }
  }
  if (const Json* cg = path(s, {"comings_goings"})) {
    const Json* people = path(cg, {"people"});
    if (people && people->size() > 0) {
      Json p = Json::object();
      p["names"] = names_of(*people, 3);
      Json e = Json::object();
      e["messages_exchanged"] = *people->as_array()[0].find("total");
      statements.push(statement("privacy.closest_people", "comings_goings", std::move(p), std::move(e)));
    }
    const Json* faded = path(cg, {"faded"});
    if (enough(cg) && faded && faded->size() > 0) {
      Json p = Json::object();
      p["count"] = faded->size();
      p["names"] = names_of(*faded, 3);
      Json e = Json::object();
      e["silent_months"] = *faded->as_array()[0].find("silent_months");
      statements.push(statement("privacy.people_who_left", "comings_goings", std::move(p), std::move(e)));
    }
  }
  if (const Json* act = path(s, {"activity"}); enough(act)) {
    const Json* peaks = path(act, {"peak_hours", "owner_messages"});
    if (peaks && peaks->size() > 0) {
      Json p = Json::object();
      p["hour"] = *peaks->as_array().begin();
      Json e = Json::object();
      e["messages"] = *path(act, {"data", "messages"});
      statements.push(statement("privacy.daily_routine", "activity", std::move(p), std::move(e)));
    }
  }
  if (const Json* topics = path(s, {"topics"})) {
    if (const Json* langs = path(topics, {"languages"}); langs && langs->size() > 0) {
      Json p = Json::object();
      Json codes = Json::array();
      for (const Json& l : langs->as_array())
        if (const Json* code = l.find("language")) codes.push(*code);
      p["languages"] = std::move(codes);
      statements.push(statement("privacy.languages", "topics", std::move(p), Json::object()));
    }
    if (const Json* interests = path(topics, {"interests"}); enough(topics) && interests && interests->size() > 0) {
      Json p = Json::object();
      Json terms = Json::array();
      for (size_t i = 0; i < interests->size() && i < 5; ++i)
        if (const Json* term = interests->as_array()[i].find("term")) terms.push(*term);
      p["terms"] = std::move(terms);
      statements.push(statement("privacy.interests", "topics", std::move(p), Json::object()));
    }
  }
  if (const Json* sg = path(s, {"shared_groups"}); enough(sg)) {
    const Json* top = path(sg, {"top"});
    if (top && top->size() > 0) {
      Json p = Json::object();
      p["name"] = *top->as_array()[0].find("name");
      p["groups"] = *top->as_array()[0].find("shared_groups");
      statements.push(statement("privacy.social_circles", "shared_groups", std::move(p), Json::object()));
    }
  }

  out["data"] = Json::object();
  out["data"]["statements"] = statements.size();
  out["statements"] = std::move(statements);
  out["context"] =
      "Metadata alone — who, when, how often — reveals relationships and routines (Mayer, Mutchler and Mitchell, "
      "PNAS 2016). Everything here was computed on your computer.";
  if (out["statements"].size() == 0)
    mark_insufficient(out, "not enough data for any statement yet");
  else
    out["enough_data"] = true;
  return out;
}

}  // namespace chatlens
