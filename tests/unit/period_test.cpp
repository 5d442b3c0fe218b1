// Report periods: which messages a year, the last twelve months or a range keep. Messages are
// in local civil time (what the phone showed): the boundaries are local midnights, whatever
// instant in UTC the export may also carry.
#include "model/period.hpp"

#include <gtest/gtest.h>

#include <random>

#include "insight_test_util.hpp"
#include "model/corpus_builder.hpp"
#include "model/period_coverage.hpp"

namespace chatlens {
namespace {

using testing::CorpusSketch;
using testing::t;

std::vector<std::string> texts(const Corpus& c) {
  std::vector<std::string> out;
  for (size_t i = 0; i < c.size(); ++i) out.emplace_back(c.text(i));
  return out;
}

TEST(ReportPeriod, AYearKeepsItsLocalDaysFromFirstToLastSecond) {
  CorpusSketch s;
  const ChatId ana = s.chat("Ana");
  s.say(ana, "Me", "2023-12-31 23:59:59", "before");
  s.say(ana, "Ana", "2024-01-01 00:00:00", "first");
  s.say(ana, "Me", "2024-12-31 23:59:59", "last");
  s.say(ana, "Ana", "2025-01-01 00:00:00", "after");
  const Corpus c = s.build();
  const Corpus y = slice_corpus(c, ReportPeriod::year(2024));
  EXPECT_EQ(texts(y), (std::vector<std::string>{"first", "last"}));
  ASSERT_EQ(y.chats.size(), 1u);
  EXPECT_EQ(y.chats[0].begin, 0u);
  EXPECT_EQ(y.chats[0].end, 2u);
  EXPECT_TRUE(y.is_owner(y.messages.sender[1]));  // people (and who is the owner) carried over
}

TEST(ReportPeriod, LocalTimeDecidesNotTheUtcInstant) {
  // 23:30 on 31 December in New York is already 2025 in UTC: it belongs to 2024.
  CorpusBuilder b;
  const ChatId chat = b.add_chat(ChatDraft{Platform::Telegram, "Ana", ChatKind::Private, "1", 0});
  MessageDraft m;
  m.chat = chat;
  m.sender = b.person(Platform::Telegram, "Ana", "user1");
  m.time = t("2024-12-31 23:30");
  m.utc = days_from_civil(2025, 1, 1) * 86400 + 4 * 3600 + 30 * 60;
  m.text = "new year's eve";
  b.add(m);
  const Corpus c = std::move(b).finish();
  EXPECT_EQ(slice_corpus(c, ReportPeriod::year(2024)).size(), 1u);
  EXPECT_EQ(slice_corpus(c, ReportPeriod::year(2025)).size(), 0u);
}

TEST(ReportPeriod, ChatsWithoutMessagesInThePeriodAreLeftOutAndMembersAreThoseWhoWrote) {
  CorpusSketch s;
  const ChatId old = s.chat("Old friend");
  const ChatId group = s.chat("Group", ChatKind::Group);
  s.say(old, "Old", "2022-05-01 10:00");
  s.say(group, "Me", "2024-03-01 10:00");
  s.say(group, "Bea", "2023-03-01 10:00");
  s.say(group, "Cris", "2024-03-01 10:05");
  const Corpus c = s.build();
  const Corpus y = slice_corpus(c, ReportPeriod::year(2024));
  ASSERT_EQ(y.chats.size(), 1u);
  EXPECT_EQ(y.chats[0].title, "Group");
  ASSERT_EQ(y.chats[0].members.size(), 2u);
  EXPECT_EQ(y.people[y.chats[0].members[0]].name, "Me");
  EXPECT_EQ(y.people[y.chats[0].members[1]].name, "Cris");
  for (size_t i = 0; i < y.size(); ++i) EXPECT_EQ(y.messages.chat[i], 0u);
}

TEST(ReportPeriod, LastTwelveMonthsEndOnTodayAndSkipLeapDays) {
  const ReportPeriod p = ReportPeriod::last_12_months(days_from_civil(2024, 6, 15));
  EXPECT_EQ(*p.from_day, days_from_civil(2023, 6, 16));
  EXPECT_EQ(*p.to_day, days_from_civil(2024, 6, 15));
  const ReportPeriod leap = ReportPeriod::last_12_months(days_from_civil(2024, 2, 29));
  EXPECT_EQ(*leap.from_day, days_from_civil(2023, 3, 1));
  const ReportPeriod before = *p.previous();
  EXPECT_EQ(before.kind, PeriodKind::Last12Months);
  EXPECT_EQ(*before.from_day, days_from_civil(2022, 6, 16));
  EXPECT_EQ(*before.to_day, days_from_civil(2023, 6, 15));
}

TEST(ReportPeriod, PreviousOfAYearIsTheYearBeforeAndRangesHaveNone) {
  const ReportPeriod y = *ReportPeriod::year(2024).previous();
  EXPECT_EQ(y.kind, PeriodKind::Year);
  EXPECT_EQ(*y.from_day, days_from_civil(2023, 1, 1));
  EXPECT_EQ(*y.to_day, days_from_civil(2023, 12, 31));
  EXPECT_FALSE(ReportPeriod::range(days_from_civil(2024, 1, 1), std::nullopt).previous());
  EXPECT_FALSE(ReportPeriod::all().previous());
  EXPECT_EQ(ReportPeriod::range(std::nullopt, std::nullopt).kind, PeriodKind::All);
}

TEST(ReportPeriod, OpenEndedRangeKeepsEverythingOnItsOpenSide) {
  CorpusSketch s;
  const ChatId ana = s.chat("Ana");
  s.say(ana, "Me", "2020-01-01 10:00", "old");
  s.say(ana, "Me", "2024-03-09 23:59", "eve");
  s.say(ana, "Me", "2024-03-10 00:00", "day");
  const Corpus c = s.build();
  EXPECT_EQ(texts(slice_corpus(c, ReportPeriod::range(std::nullopt, days_from_civil(2024, 3, 9)))),
            (std::vector<std::string>{"old", "eve"}));
  EXPECT_EQ(texts(slice_corpus(c, ReportPeriod::range(days_from_civil(2024, 3, 10), std::nullopt))),
            (std::vector<std::string>{"day"}));
}

TEST(PeriodCoverage, AYearNeedsEnoughOwnerMessagesOnEnoughDays) {
  CorpusSketch s;
  const ChatId ana = s.chat("Ana");
  // 2023: 100 owner messages on 20 days (just enough); 2024: 96 on 20 days (too few).
  for (int d = 0; d < 20; ++d)
    for (int k = 0; k < 5; ++k) s.say(ana, "Me", LocalTime::from_civil(2023, 3, 1 + d, 10, k, 0));
  for (int d = 0; d < 19; ++d)
    for (int k = 0; k < 5; ++k) s.say(ana, "Me", LocalTime::from_civil(2024, 3, 1 + d, 10, k, 0));
  s.say(ana, "Me", LocalTime::from_civil(2024, 4, 1, 10, 0, 0));
  s.say(ana, "Ana", "2024-04-02 10:00");
  const Corpus c = s.build();
  const std::vector<YearCoverage> years = year_coverage(c);
  ASSERT_EQ(years.size(), 2u);
  EXPECT_EQ(years[0].year, 2023);
  EXPECT_EQ(years[0].coverage.owner_messages, 100u);
  EXPECT_EQ(years[0].coverage.owner_active_days, 20u);
  EXPECT_TRUE(years[0].coverage.enough_data());
  EXPECT_EQ(years[1].coverage.messages, 97u);
  EXPECT_EQ(years[1].coverage.owner_active_days, 20u);
  EXPECT_FALSE(years[1].coverage.enough_data());  // 96 owner messages
  const PeriodCoverage m = measure_period(c, ReportPeriod::year(2024));
  EXPECT_EQ(m.owner_messages, years[1].coverage.owner_messages);
  EXPECT_EQ(m.owner_active_days, years[1].coverage.owner_active_days);
}

// Days and years are looked up once per day: the tallies must not depend on who wrote in
// between, and a new year starts at midnight.
TEST(PeriodCoverage, CountsEachDayOnceWhoeverWritesBetweenAndSplitsYearsAtMidnight) {
  CorpusSketch s;
  const ChatId ana = s.chat("Ana");
  s.say(ana, "Me", "2023-12-31 10:00");
  s.say(ana, "Ana", "2023-12-31 11:00");
  s.say(ana, "Me", "2023-12-31 23:59");
  s.say(ana, "Ana", "2024-01-01 00:00");
  s.say(ana, "Me", "2024-01-01 00:01");
  s.say(ana, "Ana", "2024-01-02 09:00");
  s.say(ana, "Ana", "2024-01-03 09:00");
  s.say(ana, "Me", "2024-01-03 09:30");
  const Corpus c = s.build();
  const std::vector<YearCoverage> years = year_coverage(c);
  ASSERT_EQ(years.size(), 2u);
  EXPECT_EQ(years[0].year, 2023);
  EXPECT_EQ(years[0].coverage.messages, 3u);
  EXPECT_EQ(years[0].coverage.owner_messages, 2u);
  EXPECT_EQ(years[0].coverage.owner_active_days, 1u);
  EXPECT_EQ(years[1].year, 2024);
  EXPECT_EQ(years[1].coverage.messages, 5u);
  EXPECT_EQ(years[1].coverage.owner_messages, 2u);
  EXPECT_EQ(years[1].coverage.owner_active_days, 2u);
  const PeriodCoverage m =
      measure_period(c, ReportPeriod::range(days_from_civil(2023, 12, 31), days_from_civil(2024, 1, 2)));
  EXPECT_EQ(m.messages, 6u);
  EXPECT_EQ(m.owner_messages, 3u);
  EXPECT_EQ(m.owner_active_days, 2u);
}

// Owner messages on `days` days from `first`, five a day.
void busy_days(CorpusSketch& s, ChatId chat, int y, int m, int d, int days) {
  for (int k = 0; k < days; ++k)
    for (int n = 0; n < 5; ++n) s.say(chat, "Me", LocalTime{(days_from_civil(y, m, d) + k) * 86400 + 36000 + n * 60});
}

TEST(DefaultPeriod, MostRecentYearWithEnoughDataOrTheLastTwelveMonthsEarlyInAYear) {
  CorpusSketch s;
  const ChatId ana = s.chat("Ana");
  busy_days(s, ana, 2023, 3, 1, 40);     // 2023: enough
  busy_days(s, ana, 2024, 11, 1, 40);    // 2024: enough, from November
  s.say(ana, "Me", "2025-01-05 10:00");  // 2025: one message
  const Corpus c = s.build();
  // In June 2025, the most recent year with enough data is 2024.
  ReportPeriod p = default_period(c, days_from_civil(2025, 6, 15));
  EXPECT_EQ(p.kind, PeriodKind::Year);
  EXPECT_EQ(*p.from_day, days_from_civil(2024, 1, 1));
  // In February 2025, the last twelve months (which hold November and December) come first.
  p = default_period(c, days_from_civil(2025, 2, 10));
  EXPECT_EQ(p.kind, PeriodKind::Last12Months);
  EXPECT_EQ(*p.to_day, days_from_civil(2025, 2, 10));
  // In February 2026 the last twelve months are empty: the most recent good year instead.
  p = default_period(c, days_from_civil(2026, 2, 10));
  EXPECT_EQ(p.kind, PeriodKind::Year);
  EXPECT_EQ(*p.from_day, days_from_civil(2024, 1, 1));
  // Never a year after today's; everything when no year is enough.
  p = default_period(c, days_from_civil(2023, 12, 31));
  EXPECT_EQ(*p.from_day, days_from_civil(2023, 1, 1));
  EXPECT_EQ(default_period(c, days_from_civil(2022, 12, 31)).kind, PeriodKind::All);
}

// A slice takes each chat's period as one run (chats are in time order) and reserves its
// columns exactly: it must keep what a message-by-message filter keeps, in the same order.
TEST(ReportPeriod, ASliceKeepsWhatAFilterKeepsInColumnsOfItsExactSize) {
  std::mt19937 rng(11);
  CorpusBuilder b;
  for (int c = 0; c < 5; ++c)
    b.add_chat(ChatDraft{Platform::WhatsApp, "chat " + std::to_string(c), ChatKind::Group, {}, 0});
  const PersonId ana = b.person(Platform::WhatsApp, "Ana");
  std::vector<std::string> words;
  for (int i = 0; i < 3000; ++i) words.push_back("m" + std::to_string(i));
  for (int i = 0; i < 3000; ++i) {
    MessageDraft m;
    m.chat = static_cast<ChatId>(rng() % 5);
    m.sender = ana;
    m.time = LocalTime{static_cast<int64_t>(rng() % (3 * 365)) * 86400 + 19000 * int64_t{86400}};
    m.text = words[static_cast<size_t>(i)];
    b.add(m);
  }
  const Corpus c = std::move(b).finish();
  for (const ReportPeriod& p : {ReportPeriod::range(19100, 19500), ReportPeriod::range(std::nullopt, 19300),
                                ReportPeriod::range(19700, std::nullopt), ReportPeriod::range(30000, 30001)}) {
    std::vector<std::string> want;
    for (const Chat& chat : c.chats)
      for (uint64_t i = chat.begin; i < chat.end; ++i)
        if (p.contains(c.messages.time[i].day())) want.emplace_back(c.text(i));
    const Corpus s = slice_corpus(c, p);
    EXPECT_EQ(texts(s), want);
    EXPECT_EQ(s.messages.time.capacity(), want.size());
    for (const Chat& chat : s.chats) EXPECT_GT(chat.size(), 0u);
  }
}

}  // namespace
}  // namespace chatlens
