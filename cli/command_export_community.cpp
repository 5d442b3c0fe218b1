// chatlens export-community --out DIR [--db sqlite:PATH | postgresql://...] [--data-dir DIR]
//                           [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--grace-minutes N]
// The warehouse feed (server/community_export.hpp, docs/warehouse-feed.md): the stored
// contributions as daily gzip NDJSON files, each closed day written once.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "commands.hpp"
#include "community_export.hpp"
#include "storage.hpp"

namespace chatlens::cli {
namespace {

constexpr const char* kExportUsage =
    "usage: chatlens export-community --out DIR [--db sqlite:PATH | postgresql://...] [--data-dir DIR]\n"
    "                                 [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--grace-minutes N]\n"
    "\n"
    "Writes the community service's stored contributions, and nothing else, as one gzip NDJSON file per\n"
    "UTC day: DIR/day=YYYY-MM-DD/chatlens-contributions-YYYY-MM-DD.ndjson.gz (schema: docs/warehouse-feed.md).\n"
    "Only closed days are written (a day closes --grace-minutes, default 15, after its end), each once:\n"
    "days exported earlier are checked against the database, never rewritten.\n"
    "--db and --data-dir as for `chatlens serve` (default: the SQLite database in the data folder).\n"
    "Exit status: 0 ok, 2 usage error, 1 the database could not be read, 4 a file could not be written\n"
    "or an exported day disagrees with the database.\n";

bool is_day(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i = 0; i < s.size(); ++i)
    if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return false;
  return true;
}

int usage_error(const std::string& message) {
  std::fprintf(stderr, "chatlens export-community: %s\n\n%s", message.c_str(), kExportUsage);
  return kUsage;
}

}  // namespace

int run_export_community(const std::vector<std::string>& args) {
  server::ExportOptions options;
  std::string db;
  std::filesystem::path data_dir;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-h" || a == "--help") {
      std::fputs(kExportUsage, stdout);
      return kOk;
    }
    if (i + 1 >= args.size()) return usage_error("unknown option or missing value: " + a);
    const std::string& v = args[++i];
    if (a == "--out") {
      options.out_dir = v;
    } else if (a == "--db") {
      db = v;
    } else if (a == "--data-dir") {
      data_dir = v;
    } else if (a == "--from" || a == "--to") {
      if (!is_day(v)) return usage_error(a + " needs a day as YYYY-MM-DD, not '" + v + "'");
      (a == "--from" ? options.first_day : options.last_day) = v;
    } else if (a == "--grace-minutes") {
      char* end = nullptr;
      const long n = std::strtol(v.c_str(), &end, 10);
      if (v.empty() || *end || n < 0 || n > 24 * 60)
        return usage_error("--grace-minutes needs 0 to 1440, not '" + v + "'");
      options.grace = std::chrono::minutes(n);
    } else {
      return usage_error("unknown option: " + a);
    }
  }
  if (options.out_dir.empty()) return usage_error("--out DIR is required");
  if (data_dir.empty()) data_dir = server::default_data_dir();

  auto source = server::open_contribution_source(db, data_dir);
  if (!source) {
    std::fprintf(stderr, "chatlens export-community: %s\n", source.status().detail().c_str());
    return 1;
  }
  auto report = server::export_community(**source, options);
  if (!report) {
    std::fprintf(stderr, "chatlens export-community: %s\n", report.status().detail().c_str());
    return kOutputError;
  }
  for (const std::string& p : report->problems) std::fprintf(stderr, "chatlens export-community: %s\n", p.c_str());
  std::printf(
      "chatlens export-community: %d days written (%lld contributions), %d days already exported, %zu problems\n",
      report->days_written, static_cast<long long>(report->contributions_written), report->days_present,
      report->problems.size());
  return report->problems.empty() ? kOk : kOutputError;
}

}  // namespace chatlens::cli
