#pragma once
// The coarse buckets of the community summary (docs/community-summary.md).
// Shared by the report (rounding) and the community service (validation).
#include <array>
#include <cmath>
#include <cstdint>

namespace chatlens {

inline constexpr int kCommunitySummaryVersion = 1;
inline constexpr const char* kCommunitySummarySchema = "chatlens.community_summary";

inline constexpr std::array<int, 18> kMessagesPerDayBuckets = {1,  2,  3,  5,  7,   10,  15,  20,  25,
                                                               30, 40, 50, 75, 100, 150, 200, 300, 500};
inline constexpr std::array<int, 14> kMinutesPerDayBuckets = {0,  5,  10,  15,  20,  30,  45,
                                                              60, 90, 120, 180, 240, 360, 480};
inline constexpr int kMaxTextLength = 500;
inline constexpr int kTextLengthStep = 5;
inline constexpr size_t kMaxTopEmoji = 10;

// The largest bucket not above v (the first bucket for anything below it).
template <size_t N>
constexpr int floor_bucket(const std::array<int, N>& buckets, double v) {
  int out = buckets[0];
  for (int b : buckets)
    if (v >= b) out = b;
  return out;
}

template <size_t N>
constexpr bool is_bucket(const std::array<int, N>& buckets, int64_t v) {
  for (int b : buckets)
    if (b == v) return true;
  return false;
}

inline int round_text_length(double chars) {
  const int rounded = static_cast<int>(std::lround(chars / kTextLengthStep)) * kTextLengthStep;
  return rounded < 0 ? 0 : rounded > kMaxTextLength ? kMaxTextLength : rounded;
}

}  // namespace chatlens
