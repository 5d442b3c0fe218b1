#include "model/period.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace chatlens {

std::string_view to_string(PeriodKind kind) {
  switch (kind) {
    case PeriodKind::Year: return "year";
    case PeriodKind::Last12Months: return "last_12_months";
    case PeriodKind::Range: return "range";
    case PeriodKind::All: break;
  }
  return "all";
}

ReportPeriod ReportPeriod::year(int y) {
  return {PeriodKind::Year, days_from_civil(y, 1, 1), days_from_civil(y, 12, 31)};
}

ReportPeriod ReportPeriod::last_12_months(int64_t today) {
  const CivilDate t = civil_from_days(today);
  // The same date a year before (29 February falls back to the 28th), then the day after.
  const unsigned day = is_valid_date(t.year - 1, t.month, t.day) ? t.day : 28u;
  return {PeriodKind::Last12Months, days_from_civil(t.year - 1, t.month, day) + 1, today};
}

ReportPeriod ReportPeriod::range(std::optional<int64_t> from, std::optional<int64_t> to) {
  if (!from && !to) return all();
  return {PeriodKind::Range, from, to};
}

std::optional<ReportPeriod> ReportPeriod::previous() const {
  if (kind == PeriodKind::Year) return year(civil_from_days(*from_day).year - 1);
  if (kind == PeriodKind::Last12Months) return last_12_months(*from_day - 1);
  return std::nullopt;
}

std::pair<uint64_t, uint64_t> period_run(const Corpus& corpus, const Chat& chat, const ReportPeriod& period) {
  const auto& time = corpus.messages.time;
  const auto day = [&](uint64_t i) { return time[i].day(); };
  uint64_t lo = chat.begin, hi = chat.end;
  // The first message of [from, to) whose day is not `before` the bound (days ascend).
  // By hand: Emscripten's libc++ has no std::ranges::partition_point.
  auto first_after = [&](uint64_t from, uint64_t to, auto&& before) {
    while (from < to) {
      const uint64_t mid = from + (to - from) / 2;
      before(day(mid)) ? from = mid + 1 : to = mid;
    }
    return from;
  };
  if (period.from_day) lo = first_after(lo, hi, [&](int64_t d) { return d < *period.from_day; });
  if (period.to_day) hi = first_after(lo, hi, [&](int64_t d) { return d <= *period.to_day; });
  return {lo, hi};
}

Corpus slice_corpus(const Corpus& corpus, const ReportPeriod& period) {
  Corpus out = corpus.empty_sharing_text();
  const MessageColumns& all = corpus.messages;
  MessageColumns& kept = out.messages;
  // A period is one run of each chat; the columns are reserved to the exact total (no
  // regrowing: WebAssembly memory keeps its high-water mark).
  auto run_of = [&](const Chat& chat) { return period_run(corpus, chat, period); };
  uint64_t total = 0;
  for (const Chat& chat : corpus.chats) {
    const auto [lo, hi] = run_of(chat);
    total += hi - lo;
  }
  kept.reserve(total);
  std::vector<uint8_t> seen(corpus.people.size(), 0);  // in a chat's members already
  for (const Chat& full : corpus.chats) {
    const auto [lo, hi] = run_of(full);
    if (lo == hi) continue;
    Chat chat = full;
    const ChatId id = static_cast<ChatId>(out.chats.size());
    chat.begin = kept.size();
    std::vector<PersonId> members;
    for (uint64_t i = lo; i < hi; ++i) {
      kept.chat.push_back(id);
      kept.sender.push_back(all.sender[i]);
      kept.time.push_back(all.time[i]);
      kept.utc.push_back(all.utc[i]);
      kept.kind.push_back(all.kind[i]);
      kept.media.push_back(all.media[i]);
      kept.flags.push_back(all.flags[i]);
      kept.text.push_back(all.text[i]);
      kept.platform_id.push_back(all.platform_id[i]);
      kept.reply_to.push_back(all.reply_to[i]);
      if (const PersonId p = all.sender[i]; p != kNoPerson) {
        if (p >= seen.size()) seen.resize(size_t{p} + 1, 0);  // a sender the people list lacks: still a member
        if (!seen[p]) seen[p] = 1, members.push_back(p);
      }
    }
    chat.end = kept.size();
    for (PersonId p : members) seen[p] = 0;
    std::sort(members.begin(), members.end());
    chat.members = std::move(members);
    out.chats.push_back(std::move(chat));
  }
  return out;
}

}  // namespace chatlens
