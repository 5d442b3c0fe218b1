#pragma once
// How much data a period holds, and whether that is enough for a report of its own:
// the years a corpus covers are offered as report periods only when they are.
#include <cstdint>
#include <vector>

#include "model/corpus.hpp"
#include "model/period.hpp"

namespace chatlens {

// A year the owner wrote fewer messages in, or on fewer days, says too little about them.
inline constexpr uint64_t kMinPeriodOwnerMessages = 100;
inline constexpr uint64_t kMinPeriodOwnerActiveDays = 20;

struct PeriodCoverage {
  uint64_t messages = 0;        // by anyone
  uint64_t owner_messages = 0;  // by the owner
  uint64_t owner_active_days = 0;
  bool enough_data() const {
    return owner_messages >= kMinPeriodOwnerMessages && owner_active_days >= kMinPeriodOwnerActiveDays;
  }
};

PeriodCoverage measure_period(const Corpus& corpus, const ReportPeriod& period);

struct YearCoverage {
  int year = 0;
  PeriodCoverage coverage;
};

// Every calendar year with at least one message, in order.
std::vector<YearCoverage> year_coverage(const Corpus& corpus);

// The period a reader is shown first: the last twelve months early in a year (January and
// February, when the new year says little yet) if they hold enough data, else the most recent
// year up to today's with enough data; everything when no year has enough.
ReportPeriod default_period(const Corpus& corpus, int64_t today);

}  // namespace chatlens
