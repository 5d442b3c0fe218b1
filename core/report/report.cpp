#include "report/report.hpp"

#include <optional>
#include <set>
#include <vector>

#include "insights/period_json.hpp"
#include "insights/section_util.hpp"
#include "model/period_coverage.hpp"

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
    e["reason"] = s.reason.to_json();
    e["text"] = s.excerpt;
    examples.push(std::move(e));
  }
  j["skipped_examples"] = std::move(examples);
  Json notes = Json::array();
  for (const SourceMessage& n : r.notes) notes.push(n.to_json());
  j["notes"] = std::move(notes);
  j["error"] = r.ok() ? Json() : SourceMessage::of(r.status).to_json();
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
  Json how = Json::array();
  for (const OwnerMethod& m : owner.how)
    how.push(message(m.key, m.platform.empty() ? Json::object() : Json(Json::Object{{"platform", m.platform}})));
  owner_json["how"] = std::move(how);
  report["owner"] = std::move(owner_json);

  // Insights see only the period's messages; the owner was resolved on everything.
  std::optional<Corpus> slice;
  if (options.period.bounded()) slice = slice_corpus(corpus, options.period);
  const Corpus& seen = slice ? *slice : corpus;
  const Json period = period_json(options.period, seen);
  report["period"] = period;
  report["years"] = years_json(year_coverage(corpus));

  Json src = Json::array();
  for (const SourceReport& r : sources) src.push(source_report_json(r));
  report["sources"] = std::move(src);

  // The platforms a section draws on unless it says otherwise: those with messages by people.
  std::set<Platform> used;
  for (const Chat& chat : seen.chats)
    for (uint64_t i = chat.begin; i < chat.end; ++i)
      if (is_personal(seen, i)) {
        used.insert(chat.platform);
        break;
      }
  Json default_platforms = Json::array();
  for (Platform p : used) default_platforms.push(to_string(p));

  Json sections = Json::object();
  auto compute = [&](const InsightInfo& insight, const InsightInput& input) {
    Json section = insight.compute(input);
    if (!section.find("platforms")) section["platforms"] = default_platforms;
    section["covers"] = period;  // every section states the period it covers
    sections[insight.name] = std::move(section);
  };
  std::vector<const InsightInfo*> later;  // runs_after_period_data: their places are kept
  {
    DerivedData derived(seen, options.conversation_gap_seconds);
    const InsightInput input{seen, options, derived, &sections, &corpus};
    for (const InsightInfo& insight : all_insights()) {
      if (insight.runs_after_period_data)
        sections[insight.name] = Json(), later.push_back(&insight);
      else
        compute(insight, input);
    }
  }  // the period's derived data released
  if (!later.empty()) {
    // The period's copy of the corpus too, when its bounds say all there is to know of it.
    if (slice && options.period.from_day && options.period.to_day) slice = corpus.empty_sharing_text();
    const Corpus& left = slice ? *slice : corpus;
    DerivedData derived(left, options.conversation_gap_seconds);
    const InsightInput input{left, options, derived, &sections, &corpus};
    for (const InsightInfo* insight : later) compute(*insight, input);
  }
  report["sections"] = std::move(sections);
  return report;
}

}  // namespace chatlens
