#pragma once
// Small statistics shared by the insights.
#include <algorithm>
#include <cmath>
#include <vector>

namespace chatlens {

// Linear-interpolated quantile (q in 0..1) of unsorted values; NaN when empty.
inline double quantile(std::vector<double> v, double q) {
  if (v.empty()) return std::nan("");
  std::sort(v.begin(), v.end());
  const double pos = q * static_cast<double>(v.size() - 1);
  const size_t lo = static_cast<size_t>(std::floor(pos));
  const size_t hi = std::min(lo + 1, v.size() - 1);
  return v[lo] + (v[hi] - v[lo]) * (pos - static_cast<double>(lo));
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

}  // namespace chatlens
