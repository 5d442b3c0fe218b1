#include "model/period_coverage.hpp"

#include <algorithm>
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

// Only the period's run of each chat is read (chats are in time order, model/corpus.hpp): a
// year of a long history is a small part of it. The owner's day is divided out only when a
// message leaves the day before.
PeriodCoverage measure_period(const Corpus& corpus, const ReportPeriod& period) {
  Tally t;
  for (const Chat& chat : corpus.chats) {
    const auto [lo, hi] = period_run(corpus, chat, period);
    DayCursor cursor;
    int64_t last_owner_day = INT64_MIN;
    for (uint64_t i = lo; i < hi; ++i) {
      const PersonId sender = corpus.messages.sender[i];
      if (sender == kNoPerson) continue;
      ++t.coverage.messages;
      if (!corpus.is_owner(sender)) continue;
      ++t.coverage.owner_messages;
      cursor.moved(corpus.messages.time[i]);
      if (cursor.day() != last_owner_day) last_owner_day = cursor.day(), t.owner_days.insert(cursor.day());
    }
  }
  t.coverage.owner_active_days = t.owner_days.size();
  return t.coverage;
}

// The year and the owner's day are looked up once per day rather than once per message (the
// corpus is in time order), which stays correct, only slower, for messages out of order.
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
  // The most recent years first, each measured on its own runs of the chats: the year found is
  // usually the last or the one before, so most of a long history is never read.
  int first_year = INT32_MAX, last_year = INT32_MIN;
  for (const Chat& chat : corpus.chats) {
    if (chat.begin == chat.end) continue;
    first_year = std::min(first_year, corpus.messages.time[chat.begin].date().year);
    last_year = std::max(last_year, corpus.messages.time[chat.end - 1].date().year);
  }
  for (int y = std::min(last_year, now.year); y >= first_year; --y)
    if (measure_period(corpus, ReportPeriod::year(y)).enough_data()) return ReportPeriod::year(y);
  return ReportPeriod::all();
}

}  // namespace chatlens
