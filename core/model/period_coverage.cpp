#include "model/period_coverage.hpp"

#include <map>
#include <set>

namespace chatlens {
namespace {

constexpr unsigned kLastEarlyMonth = 2;  // February: before March a year is still young

struct Tally {
  PeriodCoverage coverage;
  std::set<int64_t> owner_days;
};

}  // namespace

PeriodCoverage measure_period(const Corpus& corpus, const ReportPeriod& period) {
  Tally t;
  for (size_t i = 0; i < corpus.size(); ++i) {
    const int64_t day = corpus.messages.time[i].day();
    if (!period.contains(day) || corpus.messages.sender[i] == kNoPerson) continue;
    ++t.coverage.messages;
    if (!corpus.is_owner(corpus.messages.sender[i])) continue;
    ++t.coverage.owner_messages;
    t.owner_days.insert(day);
  }
  t.coverage.owner_active_days = t.owner_days.size();
  return t.coverage;
}

std::vector<YearCoverage> year_coverage(const Corpus& corpus) {
  std::map<int, Tally> years;
  for (size_t i = 0; i < corpus.size(); ++i) {
    if (corpus.messages.sender[i] == kNoPerson) continue;
    const LocalTime t = corpus.messages.time[i];
    Tally& y = years[t.date().year];
    ++y.coverage.messages;
    if (!corpus.is_owner(corpus.messages.sender[i])) continue;
    ++y.coverage.owner_messages;
    y.owner_days.insert(t.day());
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
