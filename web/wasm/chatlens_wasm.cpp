// The core's JavaScript API for the web app (embind). Runs inside a Web Worker.
//
//   const s = new Module.Session((done, total) => ..., "2024-06-15");  // progress; the caller's local date
//                                       // (places dates exported without a year; the core reads no clock)
//   s.addInput(name, size, titleHint, read) // imports an input of `size` bytes read in pieces through
//                                       // read(offset, ptr, n): JS copies up to n bytes from offset into
//                                       // HEAPU8 at ptr and returns the count (js_input.hpp: errors)
//                                       // -> SourceReport JSON
//   s.stageInput(name, size, titleHint, read); <promising export chatlens_import_staged>(); s.stagedReport()
//                                       // the same import, its reads able to wait (JSPI, js_input.hpp)
//   s.addFailure(name, bytes, key, detail) // an input that could not be opened: i18n key input.*, the
//                                       // browser's words as detail ("" for none) -> SourceReport JSON
//   Both always answer a SourceReport: an input the session refuses (finished, or a malformed
//   today) has "error" {key: "input.session_finished" | "input.invalid_today", params} like any
//   input's error, and "detail", the plain words for the console.
//   s.finish()                          // ->
//   {"messages":N,"chats":[{id,title,platform,kind,messages,from,to}],"from","to"} s.report({me, period, year, from,
//   to, chats, gapHours}) -> {"status":"ok","report":{...}}
//                                           or {"status":"ambiguous"|"no_such_person"|"no_messages","candidates":[...],
//                                               "evidence":[{name,chats,totalChats,messages}]} (likeliest first)
//   report options also take links: [{a: {name, platform}, b: {name, platform}}] (people the user
//   confirmed are one; platform "" for any) and rejected: the same shape (suggestions the user turned
//   down); an ok result then carries "suggestions": [{a, b, reason, strength}] still to ask about, and
//   "unknown_links": names of links that matched nobody (docs/person-links.md).
//   Module.chooseChatEntries(["a/_chat.txt", ...]) -> [indices]
//   Module.planChatEntries(["x/result.json", ...], "Export.zip") -> [{index, titleHint}] (the zip's chats
//                                       // and their title hints, as the native command chooses them)
//   Module.platforms() -> [{name, displayName, guides: ["android", ...], fileHint}] (the platform table:
//                                       // the export guide's tabs and the upload page's file hints)
//   Module.titleFromFileName("WhatsApp Chat - Ana.zip") -> "Ana"
//   Module.mayBeExportFile("export/photos/a.json") -> true (which files of a dropped folder to read)
//   Module.sectionNames() -> ["overview", ...] (the registered insights, in report order)
//   Module.heapStats() -> {heapBytes, usedBytes, freeBytes} (the allocator's figures, for benchmarks)
//
// The period (core/model/period.hpp): period "year" with year YYYY, "last_12_months"
// (ending on the session's today), "auto" (the default: model/period_coverage.hpp), or
// a range from/to in days since 1970-01-01 of the local wall clock; everything without.
// The chat filter re-runs the insights on a filtered view of the corpus: the owner is
// resolved on everything, then the other chats' messages are set aside (moved, not
// copied) until the next report without filter.
#include <emscripten/bind.h>
#include <emscripten/emscripten.h>
#include <emscripten/val.h>
#include <malloc.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "import/import_session.hpp"
#include "import/platform_table.hpp"
#include "import/zip_entries.hpp"
#include "js_input.hpp"
#include "json/json.hpp"
#include "model/identity.hpp"
#include "model/iso8601.hpp"
#include "model/link_suggestions.hpp"
#include "model/period.hpp"
#include "model/period_coverage.hpp"
#include "model/person_links.hpp"
#include "report/report.hpp"

namespace {

using emscripten::val;
using namespace chatlens;

struct Filter {
  std::optional<std::set<ChatId>> chats;
  bool active() const { return chats.has_value(); }
};

// What the caller asked for; "auto" is settled once the owner is known.
struct PeriodRequest {
  std::string kind;  // "", "all", "auto", "year", "last_12_months"
  std::optional<int> year;
  std::optional<int64_t> from_day, to_day;  // inclusive
};

// {name, platform} from JavaScript; a missing platform means any.
LinkEnd link_end(const val& v) {
  LinkEnd end;
  if (v.isUndefined() || v.isNull()) return end;
  if (val name = v["name"]; name.isString()) end.name = name.as<std::string>();
  if (val platform = v["platform"]; platform.isString()) end.platform = platform.as<std::string>();
  return end;
}

std::vector<SamePerson> link_pairs(const val& list) {
  std::vector<SamePerson> out;
  if (!list.isArray()) return out;
  const unsigned n = list["length"].as<unsigned>();
  for (unsigned i = 0; i < n; ++i) out.push_back({link_end(list[i]["a"]), link_end(list[i]["b"]), "links"});
  return out;
}

Json person_json(const Person& p) {
  Json j = Json::object();
  j["name"] = p.name;
  j["platform"] = to_string(p.platform);
  return j;
}

bool names(const Person& p, const LinkEnd& end) {
  return p.name == end.name && (end.platform.empty() || to_string(p.platform) == end.platform);
}

class Session {
 public:
  Session(val progress, const std::string& today) : progress_(std::move(progress)) {
    const std::optional<CivilDate> parsed = parse_iso_date(today);
    if (!parsed)
      today_error_ = Status::user_error("input.invalid_today", Json::Object{{"today", today}},
                                        "today must be a date like 2024-06-15, not \"" + today + "\"");
    const CivilDate date = parsed.value_or(CivilDate{2000, 1, 1});
    today_ = days_from_civil(date.year, date.month, date.day);
    session_.emplace(date, [this](uint64_t done, uint64_t total) { report_progress(done, total); });
  }

  // An input read in pieces by the page: it is never whole in WebAssembly memory unless
  // its importer does not stream yet (the session then holds it, read through `read`).
  std::string add_input(std::string name, double size, std::string title_hint, val read) {
    return import_input(std::move(name), size, std::move(title_hint), std::move(read), false);
  }
  std::string import_input(std::string name, double size, std::string title_hint, val read, bool waits) {
    if (!session_) return refused(name, size, finished());
    if (!today_error_) return refused(name, size, today_error_);
    last_done_ = 0;
    auto input = std::make_unique<JsInput>(static_cast<uint64_t>(std::max(size, 0.0)), std::move(read), waits);
    return source_report_json(session_->add(std::move(name), std::move(input), std::move(title_hint))).dump();
  }

  // The same import, run by chatlens_import_staged (below) so the page's reads can wait for
  // the bytes (JSPI, js_input.hpp): stageInput keeps the arguments, the export runs them and
  // stagedReport hands the SourceReport JSON back. One at a time (the worker's queue).
  void stage_input(std::string name, double size, std::string title_hint, val read) {
    staged_ = Staged{std::move(name), size, std::move(title_hint), std::move(read)};
    staged_session = this;
  }
  void run_staged() {
    if (!staged_) return;
    Staged s = std::move(*staged_);
    staged_.reset();
    staged_report_ = import_input(std::move(s.name), s.size, std::move(s.title_hint), std::move(s.read), true);
  }
  std::string staged_report() { return std::exchange(staged_report_, std::string()); }

  ~Session() {
    if (staged_session == this) staged_session = nullptr;
  }

  // The session whose staged input chatlens_import_staged runs next.
  static inline Session* staged_session = nullptr;

  // A file the page could not read: `key` is an i18n key (input.*), `detail` what the
  // browser or the zip reader said (may be empty).
  std::string add_failure(std::string name, double bytes, std::string key, std::string detail) {
    if (!session_) return refused(name, bytes, finished());
    SourceMessage error{std::move(key)};
    if (!detail.empty()) error.params["detail"] = std::move(detail);
    return source_report_json(session_->add_failure(std::move(name), static_cast<uint64_t>(bytes), std::move(error)))
        .dump();
  }

  std::string finish() {
    if (session_) {
      sources_ = session_->sources();
      corpus_ = std::move(*session_).finish();
      session_.reset();
      declared_owner_.clear();
      for (const Person& p : corpus_.people) declared_owner_.push_back(p.is_owner);
    }
    Json out = Json::object();
    out["messages"] = corpus_.size();
    Json chats = Json::array();
    int64_t first = INT64_MAX, last = INT64_MIN;
    for (ChatId id = 0; id < corpus_.chats.size(); ++id) {
      const Chat& chat = corpus_.chats[id];
      Json c = Json::object();
      c["id"] = id;
      c["title"] = chat.title;
      c["platform"] = to_string(chat.platform);
      c["kind"] = to_string(chat.kind);
      c["messages"] = chat.size();
      if (chat.size() > 0) {
        // A chat's messages are sorted by local time (corpus.hpp): its first and last days.
        const int64_t lo = corpus_.messages.time[chat.begin].day(), hi = corpus_.messages.time[chat.end - 1].day();
        c["from"] = format_date(lo);
        c["to"] = format_date(hi);
        first = std::min(first, lo);
        last = std::max(last, hi);
      }
      chats.push(std::move(c));
    }
    out["chats"] = std::move(chats);
    out["from"] = first == INT64_MAX ? Json() : Json(format_date(first));
    out["to"] = last == INT64_MIN ? Json() : Json(format_date(last));
    return out.dump();
  }

  std::string report(val options) {
    if (session_) finish();
    restore_full();
    restore_unlinked();
    for (size_t p = 0; p < corpus_.people.size() && p < declared_owner_.size(); ++p)
      corpus_.people[p].is_owner = declared_owner_[p];

    std::optional<std::string> me;
    std::vector<SamePerson> links, rejected;
    Filter filter;
    PeriodRequest period;
    ReportOptions report_options;
    if (!options.isUndefined() && !options.isNull()) {
      if (val v = options["me"]; v.isString() && !v.as<std::string>().empty()) me = v.as<std::string>();
      if (val v = options["period"]; v.isString()) period.kind = v.as<std::string>();
      if (val v = options["year"]; v.isNumber()) period.year = static_cast<int>(v.as<double>());
      if (val v = options["from"]; v.isNumber()) period.from_day = static_cast<int64_t>(std::floor(v.as<double>()));
      if (val v = options["to"]; v.isNumber()) period.to_day = static_cast<int64_t>(std::floor(v.as<double>()));
      if (val v = options["chats"]; v.isArray()) {
        std::set<ChatId> ids;
        for (double id : emscripten::vecFromJSArray<double>(v)) ids.insert(static_cast<ChatId>(id));
        filter.chats = std::move(ids);
      }
      links = link_pairs(options["links"]);
      rejected = link_pairs(options["rejected"]);
      if (val v = options["gapHours"]; v.isNumber() && v.as<double>() > 0)
        report_options.conversation_gap_seconds = static_cast<int64_t>(v.as<double>() * 3600);
    }

    const OwnerResolution owner = resolve_owner(corpus_, me);
    Json out = Json::object();
    if (owner.status == OwnerResolution::Status::Ambiguous || owner.status == OwnerResolution::Status::NoSuchPerson) {
      out["status"] = owner.status == OwnerResolution::Status::Ambiguous ? "ambiguous" : "no_such_person";
      Json names = Json::array();
      for (const std::string& n : owner.candidates) names.push(n);
      out["candidates"] = std::move(names);
      // Why each candidate, in the same order (the likeliest first).
      Json evidence = Json::array();
      for (const OwnerCandidate& c : owner.evidence)
        evidence.push(Json(Json::Object{{"name", c.name},
                                        {"chats", static_cast<int64_t>(c.chats)},
                                        {"totalChats", static_cast<int64_t>(c.total_chats)},
                                        {"messages", static_cast<int64_t>(c.messages)}}));
      out["evidence"] = std::move(evidence);
      return out.dump();
    }
    // Links on the whole corpus, before the filter (the filter copies the linked senders).
    // The senders as imported are saved only when links change them: a copy of the sender
    // column is 20 MB at 5M messages, and WebAssembly memory never shrinks.
    linked_ = true;
    const LinkOutcome linked = apply_person_links(corpus_, links, [this](const Corpus& c) {
      unlinked_sender_ = c.messages.sender;
      unlinked_members_.clear();
      for (const Chat& chat : c.chats) unlinked_members_.push_back(chat.members);
      senders_saved_ = true;
    });
    const Json suggestions = suggestions_json(rejected);
    if (filter.active()) apply_filter(filter);
    report_options.period = settle(period);
    std::string text = R"({"status":"ok","suggestions":)";
    suggestions.dump_to(text);
    text += R"(,"unknown_links":)";
    Json unknown = Json::array();
    for (const UnknownLinkName& u : linked.unknown) unknown.push(u.name);
    unknown.dump_to(text);
    text += R"(,"report":)";
    build_report(corpus_, sources_, owner, report_options).dump_to(text);
    text += "}";
    return text;
  }

 private:
  // An input the session itself refuses, as the SourceReport the page expects (its "error" the
  // i18n message every input's error is), with the plain words as "detail" for the console.
  static std::string refused(std::string name, double bytes, const Status& why) {
    SourceReport report;
    report.file = std::move(name);
    report.bytes = static_cast<uint64_t>(std::max(bytes, 0.0));
    report.fail(why);
    Json j = source_report_json(report);
    j["detail"] = why.detail();
    return j.dump();
  }
  static Status finished() {
    return Status::user_error("input.session_finished", Json::object(), "session already finished");
  }

  void report_progress(uint64_t done, uint64_t total) {
    // At most ~200 calls per input: crossing into JavaScript is not free.
    if (done < total && done - last_done_ < total / 200) return;
    last_done_ = done;
    if (!progress_.isUndefined() && !progress_.isNull())
      progress_(static_cast<double>(done), static_cast<double>(total));
  }

  // Suggestions not yet answered: the rejected pairs are not asked again.
  Json suggestions_json(const std::vector<SamePerson>& rejected) const {
    Json out = Json::array();
    for (const LinkSuggestion& s : suggest_person_links(corpus_)) {
      const Person &a = corpus_.people[s.a], &b = corpus_.people[s.b];
      const bool turned_down = std::any_of(rejected.begin(), rejected.end(), [&](const SamePerson& r) {
        return (names(a, r.a) && names(b, r.b)) || (names(a, r.b) && names(b, r.a));
      });
      if (turned_down) continue;
      Json j = Json::object();
      j["a"] = person_json(a);
      j["b"] = person_json(b);
      j["reason"] = s.reason;
      j["strength"] = s.strength;
      out.push(std::move(j));
    }
    return out;
  }

  // Links change between reports: each report starts from the senders as imported.
  void restore_unlinked() {
    if (!linked_) return;
    if (senders_saved_) {
      corpus_.messages.sender = std::move(unlinked_sender_);
      for (size_t c = 0; c < corpus_.chats.size() && c < unlinked_members_.size(); ++c)
        corpus_.chats[c].members = std::move(unlinked_members_[c]);
    }
    for (Person& p : corpus_.people) p.merged_into = kNoPerson;
    unlinked_sender_ = Column<PersonId>();
    unlinked_members_.clear();
    linked_ = senders_saved_ = false;
  }

  ReportPeriod settle(const PeriodRequest& p) const {
    if (p.kind == "year" && p.year) return ReportPeriod::year(*p.year);
    if (p.kind == "last_12_months") return ReportPeriod::last_12_months(today_);
    if (p.kind == "auto") return default_period(corpus_, today_);
    if (p.kind == "all") return ReportPeriod::all();
    return ReportPeriod::range(p.from_day, p.to_day);
  }

  void restore_full() {
    if (!filtered_) return;
    corpus_.messages = std::move(full_messages_);
    corpus_.chats = std::move(full_chats_);
    full_messages_ = MessageColumns();
    full_chats_.clear();
    filtered_ = false;
  }

  void apply_filter(const Filter& f) {
    full_messages_ = std::move(corpus_.messages);
    full_chats_ = std::move(corpus_.chats);
    filtered_ = true;
    const MessageColumns& all = full_messages_;
    MessageColumns& kept = corpus_.messages;
    kept = MessageColumns();
    corpus_.chats.clear();
    for (ChatId id = 0; id < full_chats_.size(); ++id) {
      if (f.chats && !f.chats->count(id)) continue;
      Chat chat = full_chats_[id];
      const ChatId new_id = static_cast<ChatId>(corpus_.chats.size());
      chat.begin = kept.size();
      std::set<PersonId> members;
      for (uint64_t i = full_chats_[id].begin; i < full_chats_[id].end; ++i) {
        kept.chat.push_back(new_id);
        kept.sender.push_back(all.sender[i]);
        kept.time.push_back(all.time[i]);
        kept.utc.push_back(all.utc[i]);
        kept.kind.push_back(all.kind[i]);
        kept.media.push_back(all.media[i]);
        kept.flags.push_back(all.flags[i]);
        kept.text.push_back(all.text[i]);
        kept.platform_id.push_back(all.platform_id[i]);
        kept.reply_to.push_back(all.reply_to[i]);
        if (all.sender[i] != kNoPerson) members.insert(all.sender[i]);
      }
      chat.end = kept.size();
      if (chat.size() == 0) continue;
      chat.members.assign(members.begin(), members.end());
      corpus_.chats.push_back(std::move(chat));
    }
  }

  struct Staged {
    std::string name;
    double size;
    std::string title_hint;
    val read;
  };

  val progress_;
  std::optional<Staged> staged_;
  std::string staged_report_;
  uint64_t last_done_ = 0;
  std::optional<ImportSession> session_;
  Status today_error_;  // a malformed "today": every import refuses rather than guess a date
  int64_t today_ = 0;   // the caller's local date (last twelve months, the default period)
  std::vector<SourceReport> sources_;
  Corpus corpus_;
  std::vector<bool> declared_owner_;
  bool filtered_ = false;
  bool linked_ = false;
  bool senders_saved_ = false;  // links changed the senders: unlinked_* hold them as imported
  Column<PersonId> unlinked_sender_;
  std::vector<std::vector<PersonId>> unlinked_members_;
  MessageColumns full_messages_;
  std::vector<Chat> full_chats_;
};

val choose_chat_entries_js(val names) {
  const std::vector<std::string> list = emscripten::vecFromJSArray<std::string>(names);
  val out = val::array();
  for (size_t i : chatlens::choose_chat_entries(list)) out.call<void>("push", static_cast<double>(i));
  return out;
}

val plan_chat_entries_js(val names, std::string archive_name) {
  const std::vector<std::string> list = emscripten::vecFromJSArray<std::string>(names);
  val out = val::array();
  for (const chatlens::ChatEntry& e : chatlens::plan_chat_entries(list, archive_name)) {
    val entry = val::object();
    entry.set("index", static_cast<double>(e.index));
    entry.set("titleHint", e.title_hint);
    out.call<void>("push", entry);
  }
  return out;
}

val platforms_js() {
  val out = val::array();
  for (const chatlens::PlatformSpec& row : chatlens::platform_table()) {
    val p = val::object();
    p.set("name", std::string(row.name));
    p.set("displayName", std::string(row.display_name));
    val guides = val::array();
    for (std::string_view g : row.guides) guides.call<void>("push", std::string(g));
    p.set("guides", guides);
    p.set("fileHint", std::string(row.file_hint));
    out.call<void>("push", p);
  }
  return out;
}

bool may_be_export_file_js(std::string path) { return chatlens::may_be_export_file(path); }

std::string title_from_file_name_js(std::string name) { return chatlens::title_from_file_name(name); }

// The sections the core registers, in report order (the web app's manifest test compares them).
val section_names_js() {
  val out = val::array();
  for (const chatlens::InsightInfo& insight : chatlens::all_insights())
    out.call<void>("push", std::string(insight.name));
  return out;
}

}  // namespace

// Runs the input staged by session.stageInput: a plain export, so that the worker can call it
// through WebAssembly.promising with no JavaScript frame between it and the waiting read
// import (js_input.hpp). Returns 1 when there was one (its report: session.stagedReport()).
extern "C" EMSCRIPTEN_KEEPALIVE int chatlens_import_staged() {
  Session* session = std::exchange(Session::staged_session, nullptr);
  if (!session) return 0;
  session->run_staged();
  return 1;
}

// The allocator's figures, for bench/wasm_memory.mjs: the heap's extent (what WebAssembly
// memory had to grow to) against what is in use, so holes left by freed blocks show.
val heap_stats_js() {
  const struct mallinfo m = mallinfo();
  val out = val::object();
  out.set("heapBytes", static_cast<double>(m.arena));
  out.set("usedBytes", static_cast<double>(m.uordblks));
  out.set("freeBytes", static_cast<double>(m.fordblks));
  return out;
}

EMSCRIPTEN_BINDINGS(chatlens) {
  emscripten::class_<Session>("Session")
      .constructor<val, std::string>()
      .function("addInput", &Session::add_input)
      .function("stageInput", &Session::stage_input)
      .function("stagedReport", &Session::staged_report)
      .function("addFailure", &Session::add_failure)
      .function("finish", &Session::finish)
      .function("report", &Session::report);
  emscripten::function("chooseChatEntries", &choose_chat_entries_js);
  emscripten::function("planChatEntries", &plan_chat_entries_js);
  emscripten::function("platforms", &platforms_js);
  emscripten::function("mayBeExportFile", &may_be_export_file_js);
  emscripten::function("titleFromFileName", &title_from_file_name_js);
  emscripten::function("sectionNames", &section_names_js);
  emscripten::function("heapStats", &heap_stats_js);
  emscripten::constant("schemaVersion", chatlens::kReportSchemaVersion);
}
