// The storage interface, the same suite against SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include <set>
#include <thread>

#include "contribution_validation.hpp"
#include "migrations.hpp"
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
    ASSERT_TRUE(storage_->migrate()) << storage_->migrate().message();
  }
  std::unique_ptr<BackendUnderTest> backend_;
  std::unique_ptr<Storage> storage_;
};

TEST_P(StorageSuite, MigratesToTheLatestVersionOnceAndAgainHarmlessly) {
  EXPECT_EQ(*storage_->schema_version(), latest_schema_version());
  ASSERT_TRUE(storage_->migrate());
  EXPECT_EQ(*storage_->schema_version(), latest_schema_version());
  auto v = storage_->data_version();
  ASSERT_TRUE(v) << v.status().message();
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
  ASSERT_TRUE(out) << out.status().message();
  EXPECT_EQ(*out, std::vector<StoreOutcome>(3, StoreOutcome::kStored));
  EXPECT_EQ(*storage_->count_contributions(), 3);
  auto snap = storage_->snapshot();
  ASSERT_TRUE(snap) << snap.status().message();
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
  EXPECT_EQ((*back)[2], batch[2].contribution);
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
          ADD_FAILURE() << out.status().message();
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

INSTANTIATE_TEST_SUITE_P(Backends, StorageSuite, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace chatlens::server
