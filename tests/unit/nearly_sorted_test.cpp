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

}  // namespace
}  // namespace chatlens
