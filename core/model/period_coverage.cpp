#include "model/period_coverage.hpp"

#include <cstdint>
#include <map>
#include <set>

namespace chatlens {
namespace {

constexpr unsigned kLastEarlyMonth = 2;  // February: before March a year is still young

struct Tally {
  PeriodCoverage coverage;
  std::set<int64_t> owner_days;
};

// The day of each message in turn, divided out only when a message leaves the day before.
class DayCursor {
 public:
  // True when `t` is on another day than the message before (then day() is that day).
  bool moved(LocalTime t) {
    // Unsigned: one comparison for begin_ <= t < begin_ + 86400, and no overflow near the limits.
    if (seen_ && static_cast<uint64_t>(t.seconds) - static_cast<uint64_t>(begin_) < 86400) return false;
    seen_ = true;
    day_ = t.day();
    begin_ = day_ * 86400;
    return true;
  }
  int64_t day() const { return day_; }

 private:
  bool seen_ = false;
  int64_t day_ = 0, begin_ = 0;
};

}  // namespace

// Both tallies below meet each day's messages together (the corpus is in time order): the
// year and the owner's day are looked up once per day rather than once per message, which
// stays correct, only slower, for messages out of order.
PeriodCoverage measure_period(const Corpus& corpus, const ReportPeriod& period) {
  Tally t;
  DayCursor cursor;
  int64_t last_owner_day = INT64_MIN;
  bool in_period = false;
  for (size_t i = 0; i < corpus.size(); ++i) {
    const PersonId sender = corpus.messages.sender[i];
    if (sender == kNoPerson) continue;
    if (cursor.moved(corpus.messages.time[i])) in_period = period.contains(cursor.day());
    if (!in_period) continue;
    const int64_t day = cursor.day();
    ++t.coverage.messages;
    if (!corpus.is_owner(sender)) continue;
    ++t.coverage.owner_messages;
    if (day != last_owner_day) last_owner_day = day, t.owner_days.insert(day);
  }
  t.coverage.owner_active_days = t.owner_days.size();
  return t.coverage;
}

std::vector<YearCoverage> year_coverage(const Corpus& corpus) {
  std::map<int, Tally> years;
  DayCursor cursor;
  int64_t last_owner_day = INT64_MIN;
  Tally* y = nullptr;  // the year of the cursor's day (map nodes stay put)
  for (size_t i = 0; i < corpus.size(); ++i) {
    const PersonId sender = corpus.messages.sender[i];
    if (sender == kNoPerson) continue;
    if (cursor.moved(corpus.messages.time[i])) y = &years[civil_from_days(cursor.day()).year];
    const int64_t day = cursor.day();
    ++y->coverage.messages;
    if (!corpus.is_owner(sender)) continue;
    ++y->coverage.owner_messages;
    if (day != last_owner_day) last_owner_day = day, y->owner_days.insert(day);
  }
  std::vector<YearCoverage> out;
  for (auto& [year, tally] : years) {
    tally.coverage.owner_active_days = tally.owner_days.size();
    out.push_back({year, tally.coverage});
  }
  return out;
}

ReportPeriod default_period(const Corpus& corpus, int64_t today) {
  const CivilDate now = civil_from_days(today);
  if (now.month <= kLastEarlyMonth) {
    const ReportPeriod last = ReportPeriod::last_12_months(today);
    if (measure_period(corpus, last).enough_data()) return last;
  }
  const std::vector<YearCoverage> years = year_coverage(corpus);
  for (auto it = years.rbegin(); it != years.rend(); ++it)
    if (it->year <= now.year && it->coverage.enough_data()) return ReportPeriod::year(it->year);
  return ReportPeriod::all();
}

}  // namespace chatlens
