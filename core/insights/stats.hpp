#pragma once
// Small statistics shared by the insights.
#include <algorithm>
#include <cmath>
#include <vector>

namespace chatlens {

// Linear-interpolated quantile (q in 0..1) of unsorted values; NaN when empty.
inline double quantile(std::vector<double> v, double q) {
  if (v.empty()) return std::nan("");
  // The two order statistics around pos, in linear time (no full sort: millions of delays).
  const double pos = q * static_cast<double>(v.size() - 1);
  const size_t lo = static_cast<size_t>(std::floor(pos));
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(lo), v.end());
  const double low = v[lo];
  const double high =
      lo + 1 < v.size() ? *std::min_element(v.begin() + static_cast<std::ptrdiff_t>(lo) + 1, v.end()) : low;
  return low + (high - low) * (pos - static_cast<double>(lo));
}

// quantile() of the values 0, 1, 2, ... where value k occurs counts[k] times (minutes of the
// day, ...): the same result, without an array of every value.
inline double quantile_of_counts(const std::vector<uint64_t>& counts, double q) {
  uint64_t n = 0;
  for (uint64_t c : counts) n += c;
  if (n == 0) return std::nan("");
  const double pos = q * static_cast<double>(n - 1);
  const uint64_t lo = static_cast<uint64_t>(std::floor(pos));
  const uint64_t hi = std::min(lo + 1, n - 1);
  auto nth = [&](uint64_t k) {  // the k-th smallest value (0-based)
    size_t v = 0;
    for (uint64_t seen = counts[0]; seen <= k; seen += counts[++v]) {
    }
    return static_cast<double>(v);
  };
  const double a = nth(lo), b = nth(hi);
  return a + (b - a) * (pos - static_cast<double>(lo));
}

struct MeanCi {
  double mean = 0, low = 0, high = 0;
  size_t n = 0;
};

// Mean with a normal-approximation 95% confidence interval (t would change little for n >= 30;
// small samples get wide intervals, which is the point).
inline MeanCi mean_ci95(const std::vector<double>& v) {
  MeanCi r;
  r.n = v.size();
  if (v.empty()) return r;
  double sum = 0;
  for (double x : v) sum += x;
  r.mean = sum / static_cast<double>(v.size());
  if (v.size() < 2) return r.low = r.high = r.mean, r;
  double ss = 0;
  for (double x : v) ss += (x - r.mean) * (x - r.mean);
  const double se = std::sqrt(ss / static_cast<double>(v.size() - 1)) / std::sqrt(static_cast<double>(v.size()));
  r.low = r.mean - 1.96 * se;
  r.high = r.mean + 1.96 * se;
  return r;
}

// Running count, mean and sum of squared deviations (Welford): the mean and its interval
// without keeping every observation, which at millions of observations per period adds up.
struct Moments {
  size_t n = 0;
  double mean = 0, m2 = 0;
  void add(double x) {
    ++n;
    const double d = x - mean;
    mean += d / static_cast<double>(n);
    m2 += d * (x - mean);
  }
};

inline MeanCi mean_ci95(const Moments& m) {
  MeanCi r;
  r.n = m.n;
  if (m.n == 0) return r;
  r.mean = m.mean;
  if (m.n < 2) return r.low = r.high = r.mean, r;
  const double se = std::sqrt(m.m2 / static_cast<double>(m.n - 1)) / std::sqrt(static_cast<double>(m.n));
  r.low = r.mean - 1.96 * se;
  r.high = r.mean + 1.96 * se;
  return r;
}

}  // namespace chatlens
