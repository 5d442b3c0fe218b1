#include "report/report.hpp"

#include <set>

namespace chatlens {

Json source_report_json(const SourceReport& r) {
  Json j = Json::object();
  j["file"] = r.file;
  j["bytes"] = r.bytes;
  j["platform"] = r.platform.empty() ? Json() : Json(r.platform);
  j["variant"] = r.variant.empty() ? Json() : Json(r.variant);
  j["date_order"] = r.date_order.empty() ? Json() : Json(r.date_order);
  j["records"] = r.records;
  j["chats"] = r.chats;
  j["lines_skipped"] = r.lines_skipped;
  Json examples = Json::array();
  for (const SkippedLine& s : r.skipped_examples) {
    Json e = Json::object();
    e["line"] = s.line;
    e["offset"] = s.offset;
    e["reason"] = s.reason;
    e["text"] = s.excerpt;
    examples.push(std::move(e));
  }
  j["skipped_examples"] = std::move(examples);
  Json notes = Json::array();
  for (const std::string& n : r.notes) notes.push(n);
  j["notes"] = std::move(notes);
  j["error"] = r.error ? Json(*r.error) : Json();
  return j;
}

Json build_report(const Corpus& corpus, const std::vector<SourceReport>& sources, const OwnerResolution& owner,
                  const ReportOptions& options) {
  Json report = Json::object();
  report["schema_version"] = kReportSchemaVersion;
  report["generator"] = "chatlens";

  Json owner_json = Json::object();
  const std::string name = owner_name(corpus);
  owner_json["name"] = name.empty() ? Json() : Json(name);
  std::set<std::string> platforms;
  for (const Person& p : corpus.people)
    if (p.is_owner) platforms.insert(std::string(to_string(p.platform)));
  Json platform_list = Json::array();
  for (const auto& p : platforms) platform_list.push(p);
  owner_json["platforms"] = std::move(platform_list);
  owner_json["how"] = owner.how;
  report["owner"] = std::move(owner_json);

  Json src = Json::array();
  for (const SourceReport& r : sources) src.push(source_report_json(r));
  report["sources"] = std::move(src);

  DerivedData derived(corpus, options.conversation_gap_seconds);
  Json sections = Json::object();
  InsightInput input{corpus, options, derived, &sections};
  for (const InsightInfo& insight : all_insights()) {
    Json section = insight.compute(input);
    sections[insight.name] = std::move(section);
  }
  report["sections"] = std::move(sections);
  return report;
}

std::string render_summary(const Json& report) {
  std::string out;
  auto str = [](const Json* j) -> std::string {
    if (!j || j->is_null()) return "-";
    if (j->is_string()) return j->as_string();
    return j->dump();
  };
  const Json* owner = report.find("owner");
  out += "chatlens report";
  if (owner && owner->find("name") && !owner->find("name")->is_null()) out += " for " + str(owner->find("name"));
  out += "\n\n";
  if (const Json* sources = report.find("sources")) {
    for (const Json& s : sources->as_array()) {
      out += "  " + str(s.find("file")) + ": ";
      if (s.find("error") && !s.find("error")->is_null()) {
        out += "NOT READ — " + str(s.find("error")) + "\n";
        continue;
      }
      out += str(s.find("records")) + " messages (" + str(s.find("platform"));
      if (const Json* v = s.find("variant"); v && !v->is_null()) out += " " + v->as_string();
      if (const Json* d = s.find("date_order"); d && !d->is_null()) out += ", " + d->as_string();
      out += ")";
      if (s.find("lines_skipped")->as_int() > 0) out += ", " + str(s.find("lines_skipped")) + " lines skipped";
      out += "\n";
    }
  }
  const Json* sections = report.find("sections");
  const Json* overview = sections ? sections->find("overview") : nullptr;
  if (overview) {
    out += "\n  from " + str(overview->find("first_message")) + " to " + str(overview->find("last_message")) + "\n";
    if (const Json* data = overview->find("data"))
      out += "  " + str(data->find("messages")) + " messages in " + str(data->find("chats")) + " chats with " +
             str(data->find("people")) + " people\n";
    if (const Json* me = overview->find("owner"); me && me->find("active_days")) {
      out += "  you wrote " + str(me->find("messages")) + " messages on " + str(me->find("active_days")) +
             " days; busiest day " + str(me->find("busiest_day")->find("date")) + " (" +
             str(me->find("busiest_day")->find("messages")) + " messages); longest streak " +
             str(me->find("longest_streak")->find("days")) + " days\n";
    }
    if (const Json* chats = overview->find("chats"); chats && chats->size() > 0) {
      out += "\n  top chats:\n";
      size_t n = 0;
      for (const Json& chat : chats->as_array()) {
        if (n++ == 5) break;
        out += "    " + str(chat.find("title")) + " — " + str(chat.find("messages")) + " messages\n";
      }
    }
  }
  if (sections) {
    auto enough = [](const Json* sec) {
      const Json* e = sec ? sec->find("enough_data") : nullptr;
      return sec && e && !e->is_null() && e->as_bool();
    };
    std::string highlights;
    if (const Json* act = sections->find("activity"); enough(act)) {
      const Json* peaks = act->find("peak_hours")->find("owner_messages");
      if (peaks->size() > 0) highlights += "  you write most around " + str(&peaks->as_array()[0]) + ":00\n";
    }
    if (const Json* rs = sections->find("reply_speed"); enough(rs)) {
      const Json* fastest = rs->find("private")->find("you_reply")->find("fastest");
      if (fastest->size() > 0) {
        const Json& f = fastest->as_array()[0];
        highlights += "  you reply fastest to " + str(f.find("name")) + " (median " +
                      std::to_string(static_cast<int>(f.find("median_seconds")->as_double() / 60)) + " min)\n";
      }
    }
    if (const Json* sleep = sections->find("sleep"); enough(sleep)) {
      const Json* w = sleep->find("quiet_window")->find("weekdays");
      if (!w->find("found")->as_bool()) w = sleep->find("quiet_window")->find("all");
      highlights += "  you are never active between " + str(w->find("from")) + " and " + str(w->find("to")) + "\n";
    }
    if (const Json* mood = sections->find("mood"); enough(mood)) {
      if (const Json* happy = mood->find("happiest_month"); happy && !happy->is_null())
        highlights += "  your happiest month by emoji: " + str(happy->find("month")) + "\n";
    }
    if (const Json* wall = sections->find("emoji_wall"); enough(wall)) {
      std::string top;
      const auto& list = wall->find("emoji")->as_array();
      for (size_t i = 0; i < list.size() && i < 5; ++i) top += str(list[i].find("emoji")) + " ";
      highlights += "  your emoji: " + top + "\n";
    }
    if (const Json* cg = sections->find("comings_goings"); enough(cg) && cg->find("faded")->size() > 0)
      highlights += "  faded from your chats: " + std::to_string(cg->find("faded")->size()) + " people, e.g. " +
                    str(cg->find("faded")->as_array()[0].find("name")) + "\n";
    if (!highlights.empty()) out += "\n" + highlights;
  }
  out += "\nWrite the full report with -o report.json\n";
  return out;
}

}  // namespace chatlens
