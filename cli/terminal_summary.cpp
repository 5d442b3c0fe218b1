#include "terminal_summary.hpp"

#include "words.hpp"

namespace chatlens::cli {
namespace {

// A value at a path of object keys, or null.
const Json* at(const Json* j, std::initializer_list<std::string_view> path) {
  for (std::string_view key : path) {
    if (!j || !j->is_object()) return nullptr;
    j = j->find(key);
  }
  return j;
}

Json value(const Json* j) { return j ? *j : Json(); }

bool enough(const Json* section) {
  const Json* e = at(section, {"enough_data"});
  return e && e->is_bool() && e->as_bool();
}

// The technical description of an input: "whatsapp android, DMY".
std::string format_of(const Json& source) {
  std::string out;
  for (const char* field : {"platform", "variant"})
    if (const Json* v = source.find(field); v && v->is_string()) out += (out.empty() ? "" : " ") + v->as_string();
  if (const Json* d = source.find("date_order"); d && d->is_string()) out += ", " + d->as_string();
  return out.empty() ? "—" : out;
}

std::string sources_part(const Words& w, const Json* sources) {
  std::string out;
  if (!sources || !sources->is_array()) return out;
  for (const Json& s : sources->as_array()) {
    out += "  " + w.format_value(value(s.find("file"))) + ": ";
    if (const Json* error = s.find("error"); error && !error->is_null()) {
      out += w.text("summary.not_read", Json::Object{{"error", *error}}) + "\n";
      continue;
    }
    out += w.text("summary.source_read", Json::Object{{"count", value(s.find("records"))}, {"format", format_of(s)}});
    if (const Json* skipped = s.find("lines_skipped"); skipped && skipped->is_number() && skipped->as_int() > 0)
      out += ", " + w.text("summary.lines_skipped", Json::Object{{"count", *skipped}});
    out += "\n";
  }
  return out;
}

std::string overview_part(const Words& w, const Json* overview) {
  if (!overview) return "";
  std::string out = "\n  " +
                    w.text("summary.range", Json::Object{{"from", value(at(overview, {"first_message"}))},
                                                         {"to", value(at(overview, {"last_message"}))}}) +
                    "\n";
  out += "  " +
         w.text("summary.totals", Json::Object{{"count", value(at(overview, {"data", "messages"}))},
                                               {"chats", value(at(overview, {"data", "chats"}))},
                                               {"people", value(at(overview, {"data", "people"}))}}) +
         "\n";
  if (at(overview, {"owner", "active_days"}))
    out += "  " +
           w.text("summary.you_wrote",
                  Json::Object{{"count", value(at(overview, {"owner", "messages"}))},
                               {"days", value(at(overview, {"owner", "active_days"}))},
                               {"date", value(at(overview, {"owner", "busiest_day", "date"}))},
                               {"busiest", value(at(overview, {"owner", "busiest_day", "messages"}))},
                               {"streak", value(at(overview, {"owner", "longest_streak", "days"}))}}) +
           "\n";
  if (const Json* chats = at(overview, {"chats"}); chats && chats->is_array() && chats->size() > 0) {
    out += "\n  " + w.text("summary.top_chats") + "\n";
    size_t n = 0;
    for (const Json& chat : chats->as_array()) {
      if (n++ == 5) break;
      out += "    " +
             w.text("summary.chat_line",
                    Json::Object{{"title", value(chat.find("title"))}, {"count", value(chat.find("messages"))}}) +
             "\n";
    }
  }
  return out;
}

// One line per section that has something to say.
std::string highlights_part(const Words& w, const Json* s) {
  std::string out;
  auto line = [&](std::string_view key, Json params) { out += "  " + w.text(key, params) + "\n"; };
  if (const Json* act = at(s, {"activity"}); enough(act))
    if (const Json* peaks = at(act, {"peak_hours", "owner_messages"}); peaks && peaks->size() > 0)
      line("summary.peak_hour", Json::Object{{"hour", peaks->as_array()[0]}});
  if (const Json* rs = at(s, {"reply_speed"}); enough(rs))
    if (const Json* fastest = at(rs, {"private", "you_reply", "fastest"}); fastest && fastest->size() > 0) {
      const Json& f = fastest->as_array()[0];
      const Json* median = f.find("median_seconds");
      line("summary.fastest",
           Json::Object{{"name", value(f.find("name"))},
                        {"minutes", median && median->is_number() ? Json(static_cast<int64_t>(median->as_double() / 60))
                                                                  : Json()}});
    }
  if (const Json* sleep = at(s, {"sleep"}); enough(sleep)) {
    // The quiet window of weekdays when there is one, else of all days.
    const Json* found = at(sleep, {"quiet_window", "weekdays", "found"});
    const char* days = found && found->is_bool() && found->as_bool() ? "weekdays" : "all";
    line("summary.sleep", Json::Object{{"from", value(at(sleep, {"quiet_window", days, "from"}))},
                                       {"to", value(at(sleep, {"quiet_window", days, "to"}))}});
  }
  if (const Json* mood = at(s, {"mood"}); enough(mood))
    if (const Json* month = at(mood, {"happiest_month", "month"}))
      line("summary.happiest_month", Json::Object{{"month", *month}});
  if (const Json* wall = at(s, {"emoji_wall"}); enough(wall)) {
    std::string top;
    if (const Json* list = at(wall, {"emoji"}); list && list->is_array())
      for (size_t i = 0; i < list->size() && i < 5; ++i)
        top += w.format_value(value(list->as_array()[i].find("emoji"))) + " ";
    line("summary.emoji", Json::Object{{"emoji", top}});
  }
  if (const Json* media = at(s, {"media"}); enough(media))
    line("summary.media", Json::Object{{"photos", value(at(media, {"sent", "photos"}))},
                                       {"voice_notes", value(at(media, {"sent", "voice_notes"}))},
                                       {"links", value(at(media, {"sent", "links"}))}});
  if (const Json* cg = at(s, {"comings_goings"}); enough(cg))
    if (const Json* faded = at(cg, {"faded"}); faded && faded->size() > 0)
      line("summary.faded", Json::Object{{"count", faded->size()}, {"name", value(faded->as_array()[0].find("name"))}});
  // The year against the one before: the core's own sentences.
  if (const Json* y = at(s, {"year_vs_year"}); enough(y))
    for (auto path : {std::initializer_list<std::string_view>{"messages", "message"},
                      {"people", "appeared_message"},
                      {"people", "faded_message"},
                      {"mood", "message"},
                      {"topics", "message"},
                      {"sleep", "message"}})
      if (const Json* m = at(y, path); m && m->is_object() && m->find("key") && m->find("key")->is_string())
        line(m->find("key")->as_string(), value(m->find("params")));
  return out;
}

}  // namespace

std::string render_summary(const Json& report) {
  const Words& w = Words::english();
  std::string out;
  const Json* name = at(&report, {"owner", "name"});
  out += name && name->is_string() ? w.text("summary.title_named", Json::Object{{"name", *name}})
                                   : w.text("summary.title");
  out += "\n\n";
  out += sources_part(w, report.find("sources"));
  const Json* sections = report.find("sections");
  if (const Json* kind = at(&report, {"period", "kind"}); kind && kind->is_string() && kind->as_string() != "all")
    out += "  " +
           w.text("summary.period", Json::Object{{"from", value(at(&report, {"period", "from"}))},
                                                 {"to", value(at(&report, {"period", "to"}))}}) +
           "\n";
  out += overview_part(w, at(sections, {"overview"}));
  if (const std::string highlights = highlights_part(w, sections); !highlights.empty())
    out.append("\n").append(highlights);
  out.append("\n").append(w.text("summary.write_full")).append("\n");
  return out;
}

}  // namespace chatlens::cli
