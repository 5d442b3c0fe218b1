#pragma once
// The warehouse feed: the stored contributions, and nothing else, as one gzip NDJSON file per UTC
// day (docs/warehouse-feed.md has the schema and the Redshift COPY statement).
//
//   OUT/day=YYYY-MM-DD/chatlens-contributions-YYYY-MM-DD.ndjson.gz
//
// Append-only: a day is written once it is closed (every contribution stored on it is committed),
// atomically (a temporary file renamed into place), and never rewritten; later runs add the days
// that closed since. Files are deterministic (the same rows give the same bytes), so copying them
// to object storage again is harmless. A day already exported whose row count no longer matches
// the database is reported as an error, never silently skipped or overwritten.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "base/status.hpp"
#include "community_export_source.hpp"

namespace chatlens::server {

struct ExportOptions {
  std::filesystem::path out_dir;
  std::string first_day;  // "YYYY-MM-DD"; empty: the earliest stored day
  std::string last_day;   // empty: the last closed day
  // A day is closed once this long has passed after its end (UTC): a contribution whose day was
  // taken just before midnight may still be committing just after it.
  std::chrono::minutes grace{15};
};

struct ExportReport {
  int days_written = 0;
  int days_present = 0;  // already exported earlier, row count checked
  int64_t contributions_written = 0;
  std::vector<std::string> problems;  // files that disagree with the database (each names its file)
};

// The last day that is closed at `now` ("YYYY-MM-DD").
std::string last_closed_day(std::chrono::system_clock::time_point now, std::chrono::minutes grace);

// One contribution as one line of the feed (no trailing newline); keys in the documented order.
std::string feed_line(const StoredContribution& row);

// The file of one day, relative to the output folder.
std::filesystem::path feed_file(const std::string& day);

// Exports every closed day between first_day and last_day that is not exported yet.
Result<ExportReport> export_community(ContributionSource& source, const ExportOptions& options,
                                      std::chrono::system_clock::time_point now = std::chrono::system_clock::now());

}  // namespace chatlens::server
