#pragma once
// An insight is a pure function of the corpus returning one section of the
// report. Each lives in its own file and is listed once in registry.cpp.
#include <string_view>
#include <vector>

#include "insights/derived_data.hpp"
#include "json/json.hpp"
#include "model/corpus.hpp"
#include "model/period.hpp"

namespace chatlens {

struct ReportOptions {
  int64_t conversation_gap_seconds = 6 * 3600;  // silence that ends a conversation
  // Topics per calendar year even over less than two years of data (year_vs_year compares two years).
  bool topics_by_year = false;
  // Topics for year_vs_year's comparison, which reads only the terms by period: the emoji
  // subgroups (an emoji scan of every message, held while the terms are counted) are left out.
  bool topics_for_comparison = false;
  ReportPeriod period;  // the days the report covers (everything by default)
};

struct InsightInput {
  const Corpus& corpus;
  const ReportOptions& options;
  DerivedData& derived;  // shared derived data, computed once on first use
  // Sections computed so far, in registry order (the privacy section reads them).
  const Json* sections = nullptr;
  // Every message, whatever the period (`corpus` holds only the period's): for comparisons
  // with the period before (year_vs_year). Null when the caller has only the period's.
  const Corpus* whole = nullptr;
};

using InsightFn = Json (*)(const InsightInput&);

struct InsightInfo {
  std::string_view name;  // the key under "sections"
  InsightFn compute;
  // Reads the whole corpus and other sections, never the period's messages (year_vs_year: it
  // runs the others again on periods of its own). Computed after every other section, once
  // the period's copy of the corpus and its derived data are released, so that they are never
  // in memory together with its own periods' (WebAssembly memory keeps its high-water mark);
  // its section keeps its place in the report. `corpus` is then empty when the period has
  // both bounds (nothing about the period is left to read from it).
  bool runs_after_period_data = false;
};

const std::vector<InsightInfo>& all_insights();

Json overview_insight(const InsightInput& in);
Json activity_insight(const InsightInput& in);
Json reply_speed_insight(const InsightInput& in);
Json conversations_insight(const InsightInput& in);
Json comings_goings_insight(const InsightInput& in);
Json sleep_insight(const InsightInput& in);
Json work_insight(const InsightInput& in);
Json shared_groups_insight(const InsightInput& in);
Json mood_insight(const InsightInput& in);
Json topics_insight(const InsightInput& in);
Json emoji_wall_insight(const InsightInput& in);
Json media_insight(const InsightInput& in);
Json year_vs_year_insight(const InsightInput& in);
Json privacy_insight(const InsightInput& in);
Json community_summary_insight(const InsightInput& in);

}  // namespace chatlens
