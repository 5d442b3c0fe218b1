// The storage interface, the same suite against SQLite and PostgreSQL.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <set>
#include <thread>

#include "contribution_validation.hpp"
#include "migrations.hpp"
#include "raw_database.hpp"
#include "test_support.hpp"

namespace chatlens::server {
namespace {

using testing::BackendUnderTest;

PendingContribution pending(int avg, const std::string& key = "", std::vector<std::string> emoji = {"1F602"}) {
  PendingContribution p;
  p.contribution.avg_text_length = avg;
  p.contribution.messages_per_active_day = 25;
  p.contribution.minutes_per_day = 30;
  p.contribution.hour_profile = {1, 0, 0, 0, 0, 0, 1, 3, 5, 6, 6, 7, 7, 6, 6, 6, 6, 6, 6, 6, 6, 5, 4, 2};
  p.contribution.top_emoji = std::move(emoji);
  p.idempotency_key = key;
  p.fingerprint = fingerprint(p.contribution);
  return p;
}

int64_t cell(const CommunitySnapshot& s, const std::string& metric, const std::string& bucket) {
  for (const Cell& c : s.cells)
    if (c.key.metric == metric && c.key.bucket == bucket) return c.contributors;
  return 0;
}

class StorageSuite : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    backend_ = std::make_unique<BackendUnderTest>(GetParam());
    CHATLENS_REQUIRE_BACKEND(*backend_);
    storage_ = backend_->open();
    ASSERT_TRUE(storage_);
    ASSERT_TRUE(storage_->migrate()) << storage_->migrate().detail();
  }
  std::unique_ptr<BackendUnderTest> backend_;
  std::unique_ptr<Storage> storage_;
};

TEST_P(StorageSuite, MigratesToTheLatestVersionOnceAndAgainHarmlessly) {
  EXPECT_EQ(*storage_->schema_version(), latest_schema_version());
  ASSERT_TRUE(storage_->migrate());
  EXPECT_EQ(*storage_->schema_version(), latest_schema_version());
  auto v = storage_->data_version();
  ASSERT_TRUE(v) << v.status().detail();
  EXPECT_EQ(v->generation, 0);
  EXPECT_EQ(v->instance.size(), 32u);
  EXPECT_TRUE(storage_->ping());
  // A second handle on the same database (another process) sees the same instance.
  auto other = backend_->open();
  ASSERT_TRUE(other->migrate());
  EXPECT_EQ(other->data_version()->instance, v->instance);
}

TEST_P(StorageSuite, StoresABatchAndItsCellsInOneTransaction) {
  std::vector<PendingContribution> batch = {pending(35), pending(35), pending(40, "", {"1F602", "1F44D"})};
  auto out = storage_->store(batch, "2024-05-01");
  ASSERT_TRUE(out) << out.status().detail();
  EXPECT_EQ(*out, std::vector<StoreOutcome>(3, StoreOutcome::kStored));
  EXPECT_EQ(*storage_->count_contributions(), 3);
  auto snap = storage_->snapshot();
  ASSERT_TRUE(snap) << snap.status().detail();
  EXPECT_EQ(snap->version.generation, 1);
  EXPECT_EQ(cell(*snap, "contributors", ""), 3);
  EXPECT_EQ(cell(*snap, "avg_text_length", "35"), 2);
  EXPECT_EQ(cell(*snap, "avg_text_length", "40"), 1);
  EXPECT_EQ(cell(*snap, "emoji", "1F602"), 3);
  EXPECT_EQ(cell(*snap, "emoji", "1F44D"), 1);
  EXPECT_EQ(cell(*snap, "hour.11", "7"), 3);
  auto back = storage_->read_contributions();
  ASSERT_TRUE(back);
  ASSERT_EQ(back->size(), 3u);
  EXPECT_NE(std::find(back->begin(), back->end(), batch[2].contribution), back->end());
}

// The average text length of each stored contribution, in the order read_contributions() gives.
std::vector<int> stored_averages(Storage& storage) {
  std::vector<int> out;
  auto read = storage.read_contributions();  // kept: the loop borrows from it
  EXPECT_TRUE(read) << read.status().detail();
  if (read)
    for (const Contribution& k : *read) out.push_back(k.avg_text_length);
  return out;
}

TEST_P(StorageSuite, StoredRowsDoNotKeepTheOrderTheyArrivedIn) {
  // 24 contributions, one at a time, each telling its arrival rank.
  std::vector<int> arrival;
  for (int i = 0; i < 24; ++i) {
    ASSERT_TRUE(storage_->store(std::vector{pending(i)}, "2024-05-01"));
    arrival.push_back(i);
  }
  std::vector<int> stored = stored_averages(*storage_);  // ordered by the contribution's key
  EXPECT_NE(stored, arrival) << "the key is sequential: it keeps the arrival order";
  std::sort(stored.begin(), stored.end());
  EXPECT_EQ(stored, arrival) << "every contribution is there once";

  testing::RawDatabase raw(*backend_);
  ASSERT_EQ(raw.error(), "");
  if (GetParam() == "sqlite") {
    // No hidden rowid either (it would count arrivals), and the file keeps rows in key order.
    EXPECT_FALSE(raw.exec("SELECT rowid FROM contributions"));
    std::vector<std::string> scanned = raw.column("SELECT avg_text_length FROM contributions");
    ASSERT_EQ(scanned.size(), 24u);
    std::vector<int> in_file;
    for (const std::string& v : scanned) in_file.push_back(std::stoi(v));
    EXPECT_NE(in_file, arrival);
  } else {
    EXPECT_EQ(raw.column("SELECT data_type FROM information_schema.columns WHERE table_name = 'contributions' "
                         "AND column_name = 'id'"),
              std::vector<std::string>{"uuid"});
    EXPECT_EQ(raw.column("SELECT count(*) FROM information_schema.sequences"), std::vector<std::string>{"0"});
  }
}

TEST_P(StorageSuite, VersionOneDatabasesMigrateToRandomKeys) {
  // A database as version 1 left it: sequential ids.
  storage_.reset();
  backend_ = std::make_unique<BackendUnderTest>(GetParam());
  {
    testing::RawDatabase raw(*backend_);
    ASSERT_EQ(raw.error(), "");
    ASSERT_TRUE(
        raw.exec("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, "
                 "applied_on TEXT NOT NULL)"))
        << raw.error();
    const Migration& v1 = migrations()[0];
    for (const std::string& sql :
         migration_statements(GetParam() == "sqlite" ? v1.sqlite : v1.postgresql, storage_detail::random_instance_id()))
      ASSERT_TRUE(raw.exec(sql)) << raw.error();
    ASSERT_TRUE(raw.exec("INSERT INTO schema_migrations VALUES (1, 'v1', '2024-05-01')"));
    for (int i = 0; i < 20; ++i)
      ASSERT_TRUE(
          raw.exec("INSERT INTO contributions (day, summary_version, avg_text_length, "
                   "messages_per_active_day, minutes_per_day, hour_profile, top_emoji) VALUES ('2024-05-01', "
                   "1, " +
                   std::to_string(i) +
                   ", 25, 30, '1,0,0,0,0,0,1,3,5,6,6,7,7,6,6,6,6,6,6,6,6,5,4,2', "
                   "'1F602')"))
          << raw.error();
    ASSERT_EQ(raw.column("SELECT max(id) FROM contributions"), std::vector<std::string>{"20"});
  }
  storage_ = backend_->open();
  ASSERT_TRUE(storage_);
  Status migrated = storage_->migrate();
  ASSERT_TRUE(migrated) << migrated.detail();
  EXPECT_EQ(*storage_->schema_version(), latest_schema_version());
  std::vector<int> arrival(20);
  for (int i = 0; i < 20; ++i) arrival[i] = i;
  std::vector<int> stored = stored_averages(*storage_);
  EXPECT_NE(stored, arrival);
  std::sort(stored.begin(), stored.end());
  EXPECT_EQ(stored, arrival) << "no contribution lost or duplicated by the migration";
  // New contributions get random keys too, and the old sequence is gone.
  ASSERT_TRUE(storage_->store(std::vector{pending(99)}, "2024-05-02"));
  EXPECT_EQ(*storage_->count_contributions(), 21);
  testing::RawDatabase raw(*backend_);
  if (GetParam() == "sqlite") {
    EXPECT_EQ(raw.column("SELECT DISTINCT typeof(id) FROM contributions"), std::vector<std::string>{"blob"});
  } else {
    EXPECT_EQ(raw.column("SELECT count(*) FROM information_schema.sequences"), std::vector<std::string>{"0"});
  }
}

TEST_P(StorageSuite, AnIdempotencyKeyCountsOnce) {
  auto first = storage_->store(std::vector{pending(35, "key-0000000000000001")}, "2024-05-01");
  ASSERT_TRUE(first);
  EXPECT_EQ((*first)[0], StoreOutcome::kStored);
  auto again = storage_->store(std::vector{pending(35, "key-0000000000000001")}, "2024-05-01");
  EXPECT_EQ((*again)[0], StoreOutcome::kReplayed);
  auto other_body = storage_->store(std::vector{pending(40, "key-0000000000000001")}, "2024-05-01");
  EXPECT_EQ((*other_body)[0], StoreOutcome::kKeyReused);
  // Within one batch as well.
  auto batch = storage_->store(std::vector{pending(45, "key-0000000000000002"), pending(45, "key-0000000000000002"),
                                           pending(50, "key-0000000000000002"), pending(45)},
                               "2024-05-01");
  EXPECT_EQ(*batch, (std::vector{StoreOutcome::kStored, StoreOutcome::kReplayed, StoreOutcome::kKeyReused,
                                 StoreOutcome::kStored}));
  EXPECT_EQ(*storage_->count_contributions(), 3);
  EXPECT_EQ(storage_->data_version()->generation, 2) << "a batch that stored nothing does not change the data";
}

TEST_P(StorageSuite, OldIdempotencyKeysAreForgotten) {
  ASSERT_TRUE(storage_->store(std::vector{pending(35, "key-old-0000000001")}, "2024-01-01"));
  ASSERT_TRUE(storage_->store(std::vector{pending(35, "key-new-0000000001")}, "2024-01-03"));
  auto purged = storage_->purge_idempotency_keys("2024-01-02");
  ASSERT_TRUE(purged);
  EXPECT_EQ(*purged, 1);
  EXPECT_FALSE(*storage_->has_idempotency_key("key-old-0000000001"));
  EXPECT_TRUE(*storage_->has_idempotency_key("key-new-0000000001"));
  EXPECT_EQ(*storage_->count_contributions(), 2) << "contributions stay";
}

TEST_P(StorageSuite, ConcurrentWritersOnOneDatabaseCountEachKeyOnce) {
  // Two handles, as two processes would have, storing overlapping keys at once.
  auto second = backend_->open();
  ASSERT_TRUE(second);
  std::vector<std::thread> writers;
  std::atomic<int> failures{0};
  for (int w = 0; w < 4; ++w) {
    writers.emplace_back([&, w] {
      Storage& s = w % 2 ? *second : *storage_;
      for (int i = 0; i < 25; ++i) {
        std::vector<PendingContribution> batch;
        for (int j = 0; j < 4; ++j)
          batch.push_back(pending(35, "shared-key-" + std::to_string(i * 4 + j) + "-padding"));
        batch.push_back(pending(40));  // no key: always new
        auto out = s.store(batch, "2024-05-01");
        if (!out) {
          ++failures;
          ADD_FAILURE() << out.status().detail();
        }
      }
    });
  }
  for (auto& t : writers) t.join();
  EXPECT_EQ(failures, 0);
  // 100 distinct keys stored once each, plus 4 writers x 25 keyless contributions.
  EXPECT_EQ(*storage_->count_contributions(), 200);
  auto snap = storage_->snapshot();
  EXPECT_EQ(cell(*snap, "contributors", ""), 200);
  EXPECT_EQ(cell(*snap, "avg_text_length", "35"), 100);
}

// As someone else on the machine would find them: a new database and the folders created for it
// are the owner's only, whatever the umask.
TEST(PrivateFiles, sqlite_NewDatabasesAndTheirFoldersAreOwnerOnly) {
  const mode_t old_umask = ::umask(022);
  testing::TempDir dir;
  auto mode = [](const std::filesystem::path& p) {
    struct stat st {};
    return ::stat(p.c_str(), &st) == 0 ? static_cast<int>(st.st_mode & 07777) : -1;
  };
  // The default place: --data-dir (created).
  const std::filesystem::path data = dir.path() / "data" / "chatlens";
  {
    auto storage = open_storage("", data);
    ASSERT_TRUE(storage) << storage.status().detail();
    ASSERT_TRUE((*storage)->migrate());
    ASSERT_TRUE((*storage)->store(std::vector{pending(35)}, "2024-05-01"));
    EXPECT_EQ(mode(dir.path() / "data"), 0700);
    EXPECT_EQ(mode(data), 0700);
    EXPECT_EQ(mode(data / "community.sqlite3"), 0600);
    EXPECT_EQ(mode(data / "community.sqlite3-wal"), 0600);
  }
  // --db sqlite:PATH in folders that do not exist yet.
  const std::filesystem::path file = dir.path() / "x" / "y" / "db.sqlite3";
  {
    auto storage = open_storage("sqlite:" + file.string(), dir.path());
    ASSERT_TRUE(storage) << storage.status().detail();
    ASSERT_TRUE((*storage)->migrate());
    EXPECT_EQ(mode(dir.path() / "x"), 0700);
    EXPECT_EQ(mode(dir.path() / "x" / "y"), 0700);
    EXPECT_EQ(mode(file), 0600);
  }
  // A folder that exists is left alone.
  EXPECT_EQ(mode(dir.path()), 0700) << "mkdtemp's";
  ::umask(old_umask);
}

INSTANTIATE_TEST_SUITE_P(Backends, StorageSuite, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace chatlens::server
