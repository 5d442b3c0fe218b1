#pragma once
// The period a report covers: a calendar year, the last twelve months, any range of
// local days, or everything. Messages are in local civil time (what the phone showed),
// so a period is a range of local calendar days, both ends included, never instants.
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>

#include "model/corpus.hpp"

namespace chatlens {

enum class PeriodKind { All, Year, Last12Months, Range };

std::string_view to_string(PeriodKind kind);

struct ReportPeriod {
  PeriodKind kind = PeriodKind::All;
  std::optional<int64_t> from_day, to_day;  // local days since 1970-01-01, inclusive; absent: open

  static ReportPeriod all() { return {}; }
  static ReportPeriod year(int y);
  // The twelve months ending on `today` (a local day): 2024-06-15 gives 2023-06-16 .. 2024-06-15.
  static ReportPeriod last_12_months(int64_t today);
  static ReportPeriod range(std::optional<int64_t> from, std::optional<int64_t> to);

  bool bounded() const { return from_day || to_day; }
  bool contains(int64_t day) const { return (!from_day || day >= *from_day) && (!to_day || day <= *to_day); }
  // The period of the same length just before: the previous calendar year for a year, the twelve
  // months before for the last twelve months; none for a range or everything.
  std::optional<ReportPeriod> previous() const;
};

// The messages of `chat` on the days of `period`: one run [first, second) of the corpus, since a
// chat is in time order (found by binary search, not a pass over the chat).
std::pair<uint64_t, uint64_t> period_run(const Corpus& corpus, const Chat& chat, const ReportPeriod& period);

// The messages of `corpus` on the days of `period`, in the same order; chats without any are
// left out, members are those who wrote in it. People and text are shared, not copied.
Corpus slice_corpus(const Corpus& corpus, const ReportPeriod& period);

}  // namespace chatlens
