#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "insights/stats.hpp"

namespace chatlens {
namespace {

// The histogram form must give exactly what quantile() gives on the values themselves:
// insights switched to it to drop per-message arrays, and reports must not change.
TEST(QuantileOfCounts, EqualsTheQuantileOfTheValuesItCounts) {
  std::mt19937 rng(3);
  for (int round = 0; round < 200; ++round) {
    std::vector<uint64_t> counts(1 + rng() % 1440, 0);
    std::vector<double> values;
    const int n = 1 + static_cast<int>(rng() % 300);
    for (int k = 0; k < n; ++k) {
      const size_t v = rng() % 4 == 0 ? counts.size() - 1 : rng() % counts.size();  // the last bucket too
      ++counts[v];
      values.push_back(static_cast<double>(v));
    }
    for (double q : {0.0, 0.01, 0.25, 0.5, 0.75, 0.99, 1.0})
      EXPECT_EQ(quantile_of_counts(counts, q), quantile(values, q)) << "round " << round << " q " << q;
  }
}

TEST(QuantileOfCounts, NothingCountedIsNaN) {
  EXPECT_TRUE(std::isnan(quantile_of_counts(std::vector<uint64_t>(1440, 0), 0.5)));
  EXPECT_TRUE(std::isnan(quantile_of_counts({}, 0.5)));
}

}  // namespace
}  // namespace chatlens
