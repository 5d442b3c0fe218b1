// The warehouse feed (server/community_export.hpp), against SQLite and PostgreSQL: every stored
// contribution appears exactly once across the daily files, open days wait, exported days are
// never rewritten, and a day that changed after its export is reported.
#include <gtest/gtest.h>
#include <simdjson.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <map>

#include "community_export.hpp"
#include "compression.hpp"
#include "migrations.hpp"
#include "raw_database.hpp"
#include "test_support.hpp"

namespace chatlens::server {
namespace {

using testing::BackendUnderTest;
using testing::TempDir;
using namespace std::chrono;

PendingContribution pending(int avg, std::vector<std::string> emoji = {"1F602", "2764-FE0F"}) {
  PendingContribution p;
  p.contribution.avg_text_length = avg;
  p.contribution.messages_per_active_day = 25;
  p.contribution.minutes_per_day = 45;
  p.contribution.hour_profile = {0, 0, 0, 0, 0, 0, 1, 3, 5, 6, 6, 7, 7, 6, 6, 6, 6, 6, 6, 6, 6, 5, 4, 2};
  p.contribution.top_emoji = std::move(emoji);
  p.fingerprint = fingerprint(p.contribution);
  return p;
}

system_clock::time_point at(int y, unsigned m, unsigned d, int hour, int minute) {
  return sys_days{year{y} / month{m} / day{d}} + hours{hour} + minutes{minute};
}

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Every line of every feed file under `dir`: contribution id -> (day, avg_text_length), failing
// the test on a duplicate id or a line that is not the documented JSON.
std::map<std::string, std::pair<std::string, int64_t>> read_feed(const std::filesystem::path& dir, int& files) {
  std::map<std::string, std::pair<std::string, int64_t>> seen;
  simdjson::dom::parser parser;
  files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    const std::string name = entry.path().filename().string();
    EXPECT_TRUE(name.starts_with("chatlens-contributions-") && name.ends_with(".ndjson.gz")) << name;
    ++files;
    const auto text = gunzip(slurp(entry.path()));
    EXPECT_TRUE(text) << entry.path() << ": " << text.status();
    if (!text) continue;
    std::istringstream lines(*text);
    for (std::string line; std::getline(lines, line);) {
      simdjson::dom::element doc;
      EXPECT_EQ(parser.parse(line).get(doc), simdjson::SUCCESS) << line;
      int64_t avg = 0, version = 0;
      std::string_view id, day;
      simdjson::dom::array hours, emoji;
      EXPECT_EQ(doc["contribution_id"].get(id), simdjson::SUCCESS) << line;
      // A random key (32 hex digits), not a sequence number that would tell the arrival order.
      EXPECT_EQ(id.size(), 32u) << line;
      EXPECT_EQ(id.find_first_not_of("0123456789abcdef"), std::string_view::npos) << line;
      EXPECT_EQ(doc["day"].get(day), simdjson::SUCCESS) << line;
      EXPECT_EQ(doc["summary_version"].get(version), simdjson::SUCCESS) << line;
      EXPECT_EQ(doc["avg_text_length"].get(avg), simdjson::SUCCESS) << line;
      EXPECT_EQ(doc["hour_profile"].get(hours), simdjson::SUCCESS) << line;
      EXPECT_EQ(hours.size(), 24u);
      EXPECT_EQ(doc["top_emoji"].get(emoji), simdjson::SUCCESS) << line;
      EXPECT_EQ(version, 1);
      // Nothing but the documented fields.
      EXPECT_EQ(doc.get_object().value().size(), 8u) << line;
      EXPECT_EQ(entry.path().parent_path().filename().string(), "day=" + std::string(day));
      EXPECT_TRUE(seen.emplace(std::string(id), std::make_pair(std::string(day), avg)).second)
          << "contribution " << id << " twice";
    }
  }
  return seen;
}

class ExportSuite : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    backend_ = std::make_unique<BackendUnderTest>(GetParam());
    CHATLENS_REQUIRE_BACKEND(*backend_);
    storage_ = backend_->open();
    ASSERT_TRUE(storage_);
    ASSERT_TRUE(storage_->migrate());
  }
  void store(const std::string& day, std::vector<int> avgs) {
    std::vector<PendingContribution> batch;
    for (int a : avgs) batch.push_back(pending(a));
    auto outcomes = storage_->store(batch, day);
    ASSERT_TRUE(outcomes) << outcomes.status().detail();
    for (auto o : *outcomes) ASSERT_EQ(o, StoreOutcome::kStored);
    for (int a : avgs) expected_[a] = day;
  }
  Result<ExportReport> run_export(system_clock::time_point now) {
    auto source = open_contribution_source(backend_->url(), backend_->dir());
    if (!source) return source.status();
    ExportOptions options;
    options.out_dir = out_.path();
    return export_community(**source, options, now);
  }
  // The feed holds exactly the contributions stored on closed days, each once.
  void expect_feed_matches(int want_files) {
    int files = 0;
    auto feed = read_feed(out_.path(), files);
    EXPECT_EQ(files, want_files);
    std::map<int, std::string> got;
    for (const auto& [id, v] : feed) got[static_cast<int>(v.second)] = v.first;
    EXPECT_EQ(got, expected_);
  }

  std::unique_ptr<BackendUnderTest> backend_;
  std::unique_ptr<Storage> storage_;
  TempDir out_;
  std::map<int, std::string> expected_;  // avg_text_length (unique per contribution) -> day
};

TEST_P(ExportSuite, EveryStoredContributionOnceAcrossTheDailyFilesAndOpenDaysWait) {
  store("2026-03-01", {30, 31, 32});
  store("2026-03-02", {40, 41});
  store("2026-03-04", {50, 51, 52, 53});
  const auto expected_closed = expected_;
  store("2026-03-05", {60});  // at 00:20 on the 5th the 4th has closed (00:15), the 5th is open
  expected_ = expected_closed;

  auto first = run_export(at(2026, 3, 5, 0, 20));
  ASSERT_TRUE(first) << first.status().detail();
  EXPECT_EQ(first->days_written, 3);
  EXPECT_EQ(first->contributions_written, 9);
  EXPECT_TRUE(first->problems.empty());
  expect_feed_matches(3);
  EXPECT_FALSE(std::filesystem::exists(out_.path() / feed_file("2026-03-05")));

  // The next day: only the day that closed since is added; earlier files are left untouched.
  const auto old_file = out_.path() / feed_file("2026-03-01");
  const std::string old_bytes = slurp(old_file);
  struct stat before {};
  ASSERT_EQ(::stat(old_file.c_str(), &before), 0);
  store("2026-03-06", {70});
  expected_[60] = "2026-03-05";  // closed now
  expected_.erase(70);           // the 6th is open at 00:20 on the 6th
  auto second = run_export(at(2026, 3, 6, 0, 20));
  ASSERT_TRUE(second) << second.status().detail();
  EXPECT_EQ(second->days_written, 1);
  EXPECT_EQ(second->days_present, 3);
  EXPECT_EQ(second->contributions_written, 1);
  EXPECT_TRUE(second->problems.empty());
  expect_feed_matches(4);
  struct stat after {};
  ASSERT_EQ(::stat(old_file.c_str(), &after), 0);
  EXPECT_EQ(after.st_ino, before.st_ino);
  EXPECT_EQ(slurp(old_file), old_bytes);
}

TEST_P(ExportSuite, ADayThatChangedAfterItsExportIsReportedAndLeftAsItIs) {
  store("2026-03-01", {30, 31});
  auto first = run_export(at(2026, 3, 3, 12, 0));
  ASSERT_TRUE(first) << first.status().detail();
  ASSERT_EQ(first->days_written, 1);
  const std::string bytes = slurp(out_.path() / feed_file("2026-03-01"));
  store("2026-03-01", {32});  // late: should never happen once the day is closed
  auto second = run_export(at(2026, 3, 3, 13, 0));
  ASSERT_TRUE(second) << second.status().detail();
  EXPECT_EQ(second->days_written, 0);
  ASSERT_EQ(second->problems.size(), 1u);
  EXPECT_NE(second->problems[0].find("day=2026-03-01"), std::string::npos) << second->problems[0];
  EXPECT_NE(second->problems[0].find("holds 2 contributions, the database 3"), std::string::npos)
      << second->problems[0];
  EXPECT_EQ(slurp(out_.path() / feed_file("2026-03-01")), bytes);
}

TEST_P(ExportSuite, TheCommandExportsClosedDaysAndSaysWhatItDid) {
  store("2026-02-27", {30});
  store("2026-02-28", {31, 32});
  const std::string command = std::string(CHATLENS_CLI) + " export-community --db '" + backend_->url() + "' --out '" +
                              out_.path().string() + "' --from 2026-02-28 2>&1";
  FILE* p = ::popen(command.c_str(), "r");
  ASSERT_NE(p, nullptr);
  std::string output;
  char buf[512];
  while (size_t n = std::fread(buf, 1, sizeof buf, p)) output.append(buf, n);
  const int status = ::pclose(p);
  EXPECT_EQ(WEXITSTATUS(status), 0) << output;
  EXPECT_NE(output.find("1 days written (2 contributions), 0 days already exported, 0 problems"), std::string::npos)
      << output;
  expected_.erase(30);  // before --from
  expect_feed_matches(1);
}

TEST_P(ExportSuite, RefusesADatabaseWhoseIdsStillTellTheArrivalOrder) {
  // Schema version 1, as an older chatlens left it, never started since: sequential ids.
  BackendUnderTest old(GetParam());
  {
    testing::RawDatabase raw(old);
    ASSERT_EQ(raw.error(), "");
    ASSERT_TRUE(
        raw.exec("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, "
                 "applied_on TEXT NOT NULL)"));
    const Migration& v1 = migrations()[0];
    for (const std::string& sql :
         migration_statements(GetParam() == "sqlite" ? v1.sqlite : v1.postgresql, "00000000000000000000000000000000"))
      ASSERT_TRUE(raw.exec(sql)) << raw.error();
    ASSERT_TRUE(raw.exec("INSERT INTO schema_migrations VALUES (1, 'v1', '2026-03-01')"));
  }
  auto source = open_contribution_source(old.url(), old.dir());
  ASSERT_FALSE(source);
  EXPECT_NE(source.status().detail().find("schema is version 1"), std::string::npos) << source.status().detail();
  // Once migrated (as `chatlens serve` does when it starts), it exports.
  auto storage = old.open();
  ASSERT_TRUE(storage && storage->migrate());
  EXPECT_TRUE(open_contribution_source(old.url(), old.dir()));
}

INSTANTIATE_TEST_SUITE_P(Backends, ExportSuite, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace chatlens::server
