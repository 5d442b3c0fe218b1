// insights_bench PATH... [--me NAME] [--year YYYY|auto] [--all-only]: imports the inputs, then times every
// section of the report on its own (CPU time, best of 3) and all of them
// together, and prints peak memory. Numbers are printed, never asserted.
// --all-only: only the whole report is timed.
// --year: the whole report is that year's, which also compares it with the year before;
// "auto" settles the year as the browser does by default (on 2026-12-07), inside the timing.
// The sections alone still cover everything.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "import/import_session.hpp"
#include "insights/insight.hpp"
#include "model/identity.hpp"
#include "model/period_coverage.hpp"
#include "report/report.hpp"

namespace fs = std::filesystem;
using namespace chatlens;

namespace {

double cpu_seconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

void add_path(ImportSession& session, const fs::path& p) {
  if (fs::is_directory(p)) {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(p))
      if (e.is_regular_file()) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) add_path(session, f);
    return;
  }
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  session.add(p.string(), ss.str());
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> paths;
  std::optional<std::string> me;
  std::optional<std::string> year;
  bool all_only = false;
  for (int i = 1; i < argc; ++i) {
    if (std::string(argv[i]) == "--me" && i + 1 < argc)
      me = argv[++i];
    else if (std::string(argv[i]) == "--year" && i + 1 < argc)
      year = argv[++i];
    else if (std::string(argv[i]) == "--all-only")
      all_only = true;
    else
      paths.push_back(argv[i]);
  }
  if (paths.empty()) {
    std::fprintf(stderr, "usage: insights_bench PATH... [--me NAME] [--year YYYY|auto] [--all-only]\n");
    return 2;
  }
  ImportSession session(CivilDate{2024, 6, 15});  // fixed: runs stay comparable
  for (const auto& p : paths) add_path(session, p);
  const std::vector<SourceReport> sources = session.sources();
  Corpus corpus = std::move(session).finish();
  const OwnerResolution owner = resolve_owner(corpus, me);
  if (owner.status != OwnerResolution::Status::Resolved) {
    std::fprintf(stderr, "owner not resolved; pass --me\n");
    return 2;
  }
  std::printf("messages: %zu, chats: %zu, people: %zu\n", corpus.size(), corpus.chats.size(), corpus.people.size());

  // Each section alone, with its own derived data (so shared work is counted in each).
  ReportOptions options;
  for (const InsightInfo& insight : all_insights()) {
    if (all_only) break;
    double best = 1e9;
    for (int round = 0; round < 3; ++round) {
      DerivedData derived(corpus, options.conversation_gap_seconds);
      Json sections = Json::object();
      const double t0 = cpu_seconds();
      sections[insight.name] = insight.compute(InsightInput{corpus, options, derived, &sections});
      best = std::min(best, cpu_seconds() - t0);
    }
    std::printf("  %-18s %8.3f s (alone, incl. the derived data it needs)\n", std::string(insight.name).c_str(), best);
  }
  double best_all = 1e9;
  for (int round = 0; round < 3; ++round) {
    const double t0 = cpu_seconds();
    ReportOptions report_options;
    if (year == "auto")
      report_options.period = default_period(corpus, days_from_civil(2026, 12, 7));
    else if (year)
      report_options.period = ReportPeriod::year(std::atoi(year->c_str()));
    const Json report = build_report(corpus, sources, owner, report_options);
    const std::string text = report.dump(1);
    best_all = std::min(best_all, cpu_seconds() - t0);
  }
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  std::printf("all sections + JSON: %.3f s CPU (best of 3); peak RSS %.1f MB\n", best_all,
              static_cast<double>(ru.ru_maxrss) / 1024.0);
  return 0;
}
