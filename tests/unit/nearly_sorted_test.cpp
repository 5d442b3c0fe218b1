#include "model/nearly_sorted.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <utility>
#include <vector>

namespace chatlens {
namespace {

using Item = std::pair<int, int>;  // (key, original position): equal keys must keep their order
bool by_key(const Item& a, const Item& b) { return a.first < b.first; }

std::vector<Item> items(const std::vector<int>& keys) {
  std::vector<Item> out;
  for (size_t i = 0; i < keys.size(); ++i) out.emplace_back(keys[i], static_cast<int>(i));
  return out;
}

void expect_same_as_stable_sort(std::vector<Item> v) {
  std::vector<Item> want = v;
  std::stable_sort(want.begin(), want.end(), by_key);
  stable_sort_nearly_sorted(v.begin(), v.end(), by_key);
  EXPECT_EQ(v, want);
}

TEST(NearlySorted, FewStragglersMoveIntoPlaceStably) {
  // A clock going back an hour: a run of earlier times after later ones, with equal keys.
  expect_same_as_stable_sort(items({1, 2, 3, 5, 5, 6, 7, 3, 4, 5, 5, 8, 9}));
  expect_same_as_stable_sort(items({2, 1}));
  expect_same_as_stable_sort(items({0, 0, 0}));
  expect_same_as_stable_sort(items({}));
  expect_same_as_stable_sort(items({9, 1, 1, 1, 1}));
}

TEST(NearlySorted, RandomInputsFallBackAndStayStable) {
  std::mt19937 rng(7);
  for (int round = 0; round < 40; ++round) {
    const size_t n = 1 + rng() % 20000;
    std::vector<int> keys(n);
    for (size_t i = 0; i < n; ++i) keys[i] = static_cast<int>(round % 2 ? i / 3 : rng() % 50);  // sorted or random
    for (int swaps = round; swaps > 0; --swaps) std::swap(keys[rng() % n], keys[rng() % n]);
    expect_same_as_stable_sort(items(keys));
  }
}

TEST(NearlySorted, OneFarStragglerDoesNotNeedTheFallback) {
  std::vector<int> keys;
  for (int i = 0; i < 100000; ++i) keys.push_back(i + 1);
  keys.push_back(0);  // travels the whole range: within the move budget
  expect_same_as_stable_sort(items(keys));
}

TEST(NearlySorted, OrderedRunsInAnyOrderAreMergedStably) {
  // A thread read part by part, the parts in file-name order (1, 10, 11, 2, ...), with equal keys
  // inside parts and across their edges.
  std::vector<int> keys;
  for (int part : {0, 9, 10, 1, 11, 2, 3, 8, 4, 5, 7, 6})
    for (int i = 0; i < 3000; ++i) keys.push_back(part * 1000 + i / 3);
  expect_same_as_stable_sort(items(keys));
  std::vector<Item> runs = items(keys);
  std::vector<Item> want = runs;
  std::stable_sort(want.begin(), want.end(), by_key);
  ASSERT_TRUE(merge_ordered_runs(runs.begin(), runs.end(), by_key));
  EXPECT_EQ(runs, want);
  keys.clear();
  for (int part : {2, 0, 1})  // an odd number of runs, the last one carried over a round
    for (int i = 0; i < 40; ++i) keys.push_back(part * 10 + i / 4);
  std::vector<Item> odd = items(keys);
  want = odd;
  std::stable_sort(want.begin(), want.end(), by_key);
  ASSERT_TRUE(merge_ordered_runs(odd.begin(), odd.end(), by_key));
  EXPECT_EQ(odd, want);
  std::vector<Item> shuffled = items({5, 1, 4, 2, 3, 0, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 9, 8, 7, 6});
  EXPECT_FALSE(merge_ordered_runs(shuffled.begin(), shuffled.end(), by_key));  // too many runs: left to a full sort
}

}  // namespace
}  // namespace chatlens
