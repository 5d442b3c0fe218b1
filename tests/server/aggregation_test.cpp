// GET /api/v1/community's body: distributions from the cells, never a number counting fewer than k.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <random>

#include "community_aggregation.hpp"
#include "community_cells.hpp"
#include "contribution_validation.hpp"
#include "report/community_buckets.hpp"
#include "test_support.hpp"

namespace chatlens::server {
namespace {

CommunitySnapshot snapshot_of(const std::vector<Contribution>& all) {
  CellDeltas deltas;
  for (const Contribution& c : all) add_cells(c, deltas);
  CommunitySnapshot s;
  s.version = {"test", 1};
  for (const auto& [key, n] : deltas) s.cells.push_back({key, n});
  return s;
}

Contribution make(int avg, int per_day, int minutes, std::vector<std::string> emoji = {}) {
  Contribution c;
  c.avg_text_length = avg;
  c.messages_per_active_day = per_day;
  c.minutes_per_day = minutes;
  c.hour_profile = {1, 0, 0, 0, 0, 0, 1, 3, 5, 6, 6, 7, 7, 6, 6, 6, 6, 6, 6, 6, 6, 5, 4, 2};
  c.top_emoji = std::move(emoji);
  return c;
}

simdjson::dom::element parse(simdjson::dom::parser& parser, const std::string& json) {
  simdjson::dom::element doc;
  EXPECT_EQ(parser.parse(json).get(doc), simdjson::SUCCESS) << json;
  return doc;
}

TEST(CommunityAggregation, NothingIsPublishedBelowK) {
  std::vector<Contribution> all(9, make(35, 25, 30, {"1F602"}));
  simdjson::dom::parser parser;
  const std::string json = community_json(snapshot_of(all), 10);
  auto doc = parse(parser, json);
  EXPECT_EQ(doc["contributors"].error(), simdjson::NO_SUCH_FIELD) << json;
  EXPECT_EQ(int64_t(doc["k_threshold"]), 10);
  EXPECT_EQ(simdjson::dom::array(doc["distributions"]["avg_text_length"]["buckets"]).size(), 0u);
  EXPECT_EQ(simdjson::dom::array(doc["top_emoji"]).size(), 0u);
  for (auto hour : simdjson::dom::array(doc["hour_profile"]))
    EXPECT_EQ(simdjson::dom::array(hour["buckets"]).size(), 0u);
}

TEST(CommunityAggregation, AtKEverythingSharedIsPublished) {
  std::vector<Contribution> all(10, make(35, 25, 30, {"1F602"}));
  simdjson::dom::parser parser;
  auto doc = parse(parser, community_json(snapshot_of(all), 10));
  EXPECT_EQ(int64_t(doc["contributors"]), 10);
  auto b = simdjson::dom::array(doc["distributions"]["avg_text_length"]["buckets"]);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(int64_t(b.at(0)["value"]), 35);
  EXPECT_EQ(int64_t(b.at(0)["contributors"]), 10);
  EXPECT_EQ(double(b.at(0)["below"]), 0.0);
  EXPECT_EQ(double(b.at(0)["at"]), 1.0);
  auto e = simdjson::dom::array(doc["top_emoji"]);
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(std::string_view(e.at(0)["hexcode"]), "1F602");
  EXPECT_EQ(double(e.at(0)["share"]), 1.0);
  EXPECT_EQ(simdjson::dom::array(doc["hour_profile"]).size(), 24u);
}

TEST(CommunityAggregation, ASmallBucketIsSuppressedAndCannotBeInferredFromTheTotal) {
  // 20 people at 35, 3 at 40: publishing 35 (20) with the total (23) would reveal 40's 3.
  std::vector<Contribution> all(20, make(35, 25, 30));
  for (int i = 0; i < 3; ++i) all.push_back(make(40, 25, 30));
  simdjson::dom::parser parser;
  auto doc = parse(parser, community_json(snapshot_of(all), 10));
  EXPECT_EQ(int64_t(doc["contributors"]), 23);
  auto d = doc["distributions"]["avg_text_length"];
  EXPECT_EQ(simdjson::dom::array(d["buckets"]).size(), 0u) << "the only published bucket would give the small one away";
  EXPECT_EQ(int64_t(d["published"]), 0);
}

TEST(CommunityAggregation, SmallBucketsTogetherAtLeastKKeepTheOthersPublished) {
  // 20 at 35; 6 at 40 and 6 at 45 (suppressed, 12 >= 10 together): 35 stays.
  std::vector<Contribution> all(20, make(35, 25, 30));
  for (int i = 0; i < 6; ++i) all.push_back(make(40, 25, 30));
  for (int i = 0; i < 6; ++i) all.push_back(make(45, 25, 30));
  simdjson::dom::parser parser;
  auto doc = parse(parser, community_json(snapshot_of(all), 10));
  auto b = simdjson::dom::array(doc["distributions"]["avg_text_length"]["buckets"]);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(int64_t(b.at(0)["value"]), 35);
  EXPECT_EQ(int64_t(doc["distributions"]["avg_text_length"]["published"]), 20);
}

TEST(CommunityAggregation, PercentileHelpersAreSharesOfThePublished) {
  std::vector<Contribution> all;
  for (int i = 0; i < 10; ++i) all.push_back(make(20, 25, 30));
  for (int i = 0; i < 30; ++i) all.push_back(make(35, 25, 30));
  for (int i = 0; i < 10; ++i) all.push_back(make(50, 25, 30));
  simdjson::dom::parser parser;
  auto b = simdjson::dom::array(
      parse(parser, community_json(snapshot_of(all), 10))["distributions"]["avg_text_length"]["buckets"]);
  ASSERT_EQ(b.size(), 3u);
  EXPECT_DOUBLE_EQ(double(b.at(1)["below"]), 0.2);
  EXPECT_DOUBLE_EQ(double(b.at(1)["at"]), 0.6);
  EXPECT_DOUBLE_EQ(double(b.at(2)["below"]), 0.8);
}

TEST(CommunityAggregation, EmojiBelowKAreNotPublished) {
  std::vector<Contribution> all(12, make(35, 25, 30, {"1F602"}));
  for (int i = 0; i < 9; ++i) all[static_cast<size_t>(i)].top_emoji.push_back("1F44D");
  simdjson::dom::parser parser;
  auto e = simdjson::dom::array(parse(parser, community_json(snapshot_of(all), 10))["top_emoji"]);
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(std::string_view(e.at(0)["hexcode"]), "1F602");
}

TEST(CommunityAggregation, SameCellsSameBytes) {
  std::vector<Contribution> all(15, make(35, 25, 30, {"1F602"}));
  EXPECT_EQ(community_json(snapshot_of(all), 10), community_json(snapshot_of(all), 10));
}

// Property: for random communities and thresholds, every published count is at least k, and what
// each distribution leaves unpublished is either nothing or at least k people.
TEST(CommunityAggregation, RandomCommunitiesNeverPublishACellBelowK) {
  std::mt19937 rng(20240601);
  const std::vector<std::string> emoji = {"1F602", "2764-FE0F", "1F44D", "1F60D", "1F62D", "1F64F"};
  simdjson::dom::parser parser;
  for (int round = 0; round < 300; ++round) {
    const int k = 5 + static_cast<int>(rng() % 16);
    const int people = static_cast<int>(rng() % 120);
    std::vector<Contribution> all;
    for (int i = 0; i < people; ++i) {
      Contribution c = make(5 * static_cast<int>(rng() % 8), chatlens::kMessagesPerDayBuckets[rng() % 6],
                            chatlens::kMinutesPerDayBuckets[rng() % 5]);
      for (int h = 0; h < 24; ++h) c.hour_profile[static_cast<size_t>(h)] = static_cast<int>(rng() % 9);
      for (const auto& e : emoji)
        if (rng() % 3 == 0) c.top_emoji.push_back(e);
      all.push_back(c);
    }
    const std::string json = community_json(snapshot_of(all), k);
    auto doc = parse(parser, json);
    if (people < k) {
      EXPECT_EQ(doc["contributors"].error(), simdjson::NO_SUCH_FIELD);
    } else {
      EXPECT_EQ(int64_t(doc["contributors"]), people);
    }
    auto check = [&](simdjson::dom::element dist) {
      int64_t published = 0;
      for (auto b : simdjson::dom::array(dist["buckets"])) {
        EXPECT_GE(int64_t(b["contributors"]), k) << json;
        published += int64_t(b["contributors"]);
      }
      EXPECT_EQ(published, int64_t(dist["published"]));
      const int64_t rest = people - published;
      if (published > 0) {
        EXPECT_TRUE(rest == 0 || rest >= k) << "k=" << k << " rest=" << rest << "\n" << json;
      }
    };
    for (auto [name, dist] : simdjson::dom::object(doc["distributions"])) check(dist);
    for (auto hour : simdjson::dom::array(doc["hour_profile"])) check(hour);
    for (auto e : simdjson::dom::array(doc["top_emoji"])) EXPECT_GE(int64_t(e["contributors"]), k);
  }
}

}  // namespace
}  // namespace chatlens::server
