// Insight tests on tiny corpora; every expected value is worked out in the comments.
#include <gtest/gtest.h>

#include "insight_test_util.hpp"

using namespace chatlens;
using namespace chatlens::testing;

TEST(OverviewInsight, CountsDaysStreaksAndTheBusiestDay) {
  CorpusSketch s;
  const ChatId ana = s.chat("Ana");
  // Me writes on Jan 1, 2, 3 (a 3-day streak), then Jan 10; Jan 2 has 3 messages.
  s.say(ana, "Me", "2023-01-01 10:00");
  s.say(ana, "Ana", "2023-01-01 10:05");
  s.say(ana, "Me", "2023-01-02 09:00");
  s.say(ana, "Me", "2023-01-02 09:01");
  s.say(ana, "Me", "2023-01-02 09:02");
  s.say(ana, "Me", "2023-01-03 22:00");
  s.say(ana, "Me", "2023-01-10 08:00");
  const Corpus c = s.build();
  const Json o = run_insight(overview_insight, c);
  const Json& me = *o.find("owner");
  EXPECT_EQ(me.find("messages")->as_int(), 6);
  EXPECT_EQ(me.find("active_days")->as_int(), 4);                          // 1, 2, 3, 10
  EXPECT_DOUBLE_EQ(me.find("messages_per_active_day")->as_double(), 1.5);  // 6 / 4
  EXPECT_EQ(me.find("busiest_day")->find("date")->as_string(), "2023-01-02");
  EXPECT_EQ(me.find("longest_streak")->find("days")->as_int(), 3);
  EXPECT_EQ(me.find("longest_streak")->find("from")->as_string(), "2023-01-01");
  EXPECT_EQ(o.find("first_message")->as_string(), "2023-01-01T10:00:00");
  EXPECT_EQ(o.find("last_message")->as_string(), "2023-01-10T08:00:00");
}

TEST(ActivityInsight, SeparatesRepliesFromOtherMessagesOnTheWeekdayHourGrid) {
  CorpusSketch s;
  const ChatId ana = s.chat("Ana");
  // 2023-01-02 is a Monday. Ana writes at 09:00; Me replies at 09:10 (a reply, Monday 9h)
  // and writes again at 09:20 (same turn: not a reply). Thursday 21:00 Me starts a new
  // conversation (more than 6 h later): not a reply either.
  s.say(ana, "Ana", "2023-01-02 09:00");
  s.say(ana, "Me", "2023-01-02 09:10");
  s.say(ana, "Me", "2023-01-02 09:20");
  s.say(ana, "Me", "2023-01-05 21:00");
  const Corpus c = s.build();
  const Json a = run_insight(activity_insight, c);
  const auto& mine = a.find("owner_messages")->as_array();
  EXPECT_EQ(mine[0].as_array()[9].as_int(), 2);   // Monday 9h: two messages of Me
  EXPECT_EQ(mine[3].as_array()[21].as_int(), 1);  // Thursday 21h
  const auto& replies = a.find("owner_replies")->as_array();
  EXPECT_EQ(replies[0].as_array()[9].as_int(), 1);
  EXPECT_EQ(replies[3].as_array()[21].as_int(), 0);
  EXPECT_EQ(a.find("others_messages")->as_array()[0].as_array()[9].as_int(), 1);
  EXPECT_FALSE(a.find("enough_data")->as_bool());  // 3 messages: says so instead of showing noise
  EXPECT_EQ(a.find("peak_hours")->find("owner_messages")->as_array()[0].as_int(), 9);
}

TEST(ReplySpeedInsight, MediansNeedFiveRepliesAndRankContacts) {
  CorpusSketch s;
  const ChatId ana = s.chat("Ana"), ben = s.chat("Ben");
  // With Ana, five exchanges a day apart: Ana writes, Me answers after 1,2,3,4,5 minutes,
  // Ana answers back after 10 minutes each time.
  for (int d = 0; d < 5; ++d) {
    char day[32];
    std::snprintf(day, sizeof day, "2023-02-%02d", d + 1);
    s.say(ana, "Ana", t((std::string(day) + " 10:00").c_str()));
    s.say(ana, "Me", t((std::string(day) + " 10:0" + std::to_string(d + 1)).c_str()));
    s.say(ana, "Ana", t((std::string(day) + " 10:1" + std::to_string(d + 1)).c_str()));
  }
  // With Ben only 2 replies of Me: no median for him.
  s.say(ben, "Ben", "2023-02-01 12:00");
  s.say(ben, "Me", "2023-02-01 12:30");
  s.say(ben, "Ben", "2023-02-02 12:00");
  s.say(ben, "Me", "2023-02-02 12:30");
  const Corpus c = s.build();
  const Json r = run_insight(reply_speed_insight, c);
  const Json& priv = *r.find("private");
  ASSERT_EQ(priv.find("contacts")->size(), 1u);
  const Json& anaj = priv.find("contacts")->as_array()[0];
  EXPECT_EQ(anaj.find("name")->as_string(), "Ana");
  EXPECT_EQ(anaj.find("you_reply")->find("replies")->as_int(), 5);
  EXPECT_DOUBLE_EQ(anaj.find("you_reply")->find("median_seconds")->as_double(), 180);  // median of 1..5 min
  EXPECT_DOUBLE_EQ(anaj.find("you_reply")->find("p75_seconds")->as_double(), 240);
  EXPECT_DOUBLE_EQ(anaj.find("they_reply")->find("median_seconds")->as_double(), 600);
  // One ranking per direction: Ana alone is the fastest end, and the slowest end does not repeat her.
  EXPECT_EQ(priv.find("you_reply")->find("fastest")->as_array()[0].find("name")->as_string(), "Ana");
  EXPECT_DOUBLE_EQ(
      priv.find("you_reply")->find("fastest")->as_array()[0].find("other_direction_median_seconds")->as_double(), 600);
  EXPECT_EQ(priv.find("you_reply")->find("slowest")->size(), 0u);
  EXPECT_TRUE(r.find("enough_data")->as_bool());
}

TEST(CominsGoingsInsight, FindsArrivalsFadesAndComebacks) {
  CorpusSketch s;
  const ChatId ana = s.chat("Ana"), ben = s.chat("Ben"), cy = s.chat("Cy");
  // Ana: Jan-Mar 2022 then silent until the export ends in Dec 2022 (9 months): faded.
  for (int m = 1; m <= 3; ++m) s.say(ana, "Ana", t(("2022-0" + std::to_string(m) + "-10 10:00").c_str()));
  // Ben: every month of 2022: never faded.
  for (int m = 1; m <= 12; ++m) {
    char when[32];
    std::snprintf(when, sizeof when, "2022-%02d-15 12:00", m);
    s.say(ben, "Ben", t(when));
    s.say(ben, "Me", t(when) /* same minute: still counted */);
  }
  // Cy: Jan 2022, then back in Oct 2022 after 8 silent months: a comeback.
  s.say(cy, "Cy", "2022-01-20 10:00");
  s.say(cy, "Cy", "2022-10-20 10:00");
  s.say(ana, "Me", "2022-01-10 10:05");
  s.say(cy, "Me", "2022-01-20 10:05");
  // Dan: first message in May 2022, 4 months after the data starts: the only newcomer.
  const ChatId dan = s.chat("Dan");
  for (int m = 5; m <= 12; ++m) {
    const std::string when = "2022-" + std::string(m < 10 ? "0" : "") + std::to_string(m) + "-03 09:0";
    s.say(dan, "Dan", t((when + "0").c_str()));
    s.say(dan, "Me", t((when + "5").c_str()));
  }
  const Corpus c = s.build();
  const Json g = run_insight(comings_goings_insight, c);
  ASSERT_EQ(g.find("appeared")->size(), 1u);
  EXPECT_EQ(g.find("appeared")->as_array()[0].find("name")->as_string(), "Dan");
  EXPECT_EQ(g.find("appeared")->as_array()[0].find("month")->as_string(), "2022-05");
  EXPECT_EQ(g.find("there_from_the_beginning")->find("count")->as_int(), 3);  // Ana, Ben, Cy
  EXPECT_EQ(g.find("appear_after_days")->as_int(), 60);
  ASSERT_EQ(g.find("faded")->size(), 1u);
  EXPECT_EQ(g.find("faded")->as_array()[0].find("name")->as_string(), "Ana");
  EXPECT_EQ(g.find("faded")->as_array()[0].find("silent_months")->as_int(), 9);  // Mar -> Dec
  ASSERT_EQ(g.find("comebacks")->size(), 1u);
  EXPECT_EQ(g.find("comebacks")->as_array()[0].find("name")->as_string(), "Cy");
  EXPECT_EQ(g.find("comebacks")->as_array()[0].find("silent_months")->as_int(), 8);  // Feb..Sep
  // Ben: 12 of his + 12 of Me in his private chat = 24, the most exchanged.
  EXPECT_EQ(g.find("people")->as_array()[0].find("name")->as_string(), "Ben");
  EXPECT_EQ(g.find("people")->as_array()[0].find("total")->as_int(), 24);
}

// Every 15 minutes from 07:30 to 23:15, 21 days from Wed 2023-03-01.
void write_all_day(CorpusSketch& s, ChatId chat, int days) {
  for (int d = 0; d < days; ++d)
    for (int m = 7 * 60 + 30; m <= 23 * 60 + 15; m += 15)
      s.say(chat, "Me", LocalTime{LocalTime::from_civil(2023, 3, 1, 0, 0, 0).seconds + d * 86400LL + m * 60LL});
}

TEST(SleepInsight, FindsTheWindowWhereTheOwnerIsNeverActive) {
  CorpusSketch s;
  const ChatId ana = s.chat("Ana");
  write_all_day(s, ana, 21);
  const Corpus c = s.build();
  const Json sl = run_insight(sleep_insight, c);
  ASSERT_TRUE(sl.find("enough_data")->as_bool());
  for (const char* kind : {"weekdays", "weekends", "all"}) {
    const Json& w = *sl.find("quiet_window")->find(kind);
    ASSERT_TRUE(w.find("found")->as_bool()) << kind;
    EXPECT_EQ(w.find("from")->as_string(), "23:30") << kind;
    EXPECT_EQ(w.find("to")->as_string(), "07:30") << kind;
    EXPECT_DOUBLE_EQ(w.find("hours")->as_double(), 8.0) << kind;
  }
  // The per-night silence (23:15 -> 07:30) is kept, labelled an upper bound.
  const Json& silence = *sl.find("longest_silence");
  EXPECT_TRUE(silence.find("upper_bound")->as_bool());
  EXPECT_EQ(silence.find("nights")->as_int(), 20);
  EXPECT_DOUBLE_EQ(silence.find("typical_night_hours")->as_double(), 8.25);
  EXPECT_EQ(sl.find("verdict")->as_string(), "in_between");
}

TEST(SleepInsight, RefusesATypicalNightLongerThanTwelveHoursAndSaysWhy) {
  CorpusSketch s;
  const ChatId ana = s.chat("Ana");
  write_all_day(s, ana, 21);
  // Then a month of two messages a day, 10:00 and 19:00: 15-hour "nights" that only show sparse data.
  for (int d = 21; d < 60; ++d)
    for (int h : {10, 19})
      s.say(ana, "Me", LocalTime{LocalTime::from_civil(2023, 3, 1, h, 0, 0).seconds + d * 86400LL});
  const Corpus c = s.build();
  const Json sl = run_insight(sleep_insight, c);
  const Json& silence = *sl.find("longest_silence");
  EXPECT_TRUE(silence.find("typical_night_hours")->is_null());
  EXPECT_EQ(silence.find("refused")->find("key")->as_string(), "sleep.silence_too_long");
  EXPECT_GT(silence.find("refused")->find("params")->find("hours")->as_double(), 12.0);
  // The window still stands: the owner was never active between 23:30 and 07:30.
  EXPECT_EQ(sl.find("quiet_window")->find("weekdays")->find("from")->as_string(), "23:30");
}

TEST(SleepInsight, SaysSoWhenThereAreTooFewMessages) {
  CorpusSketch s;
  const ChatId ana = s.chat("Ana");
  s.say(ana, "Me", "2023-03-01 23:00");
  s.say(ana, "Me", "2023-03-02 08:00");
  const Corpus c = s.build();
  const Json sl = run_insight(sleep_insight, c);
  EXPECT_FALSE(sl.find("enough_data")->as_bool());
  EXPECT_EQ(sl.find("note")->find("key")->as_string(), "sleep.window_few_messages");
  EXPECT_EQ(sl.find("note")->find("params")->find("min")->as_int(), 100);
  EXPECT_EQ(sl.find("longest_silence")->find("refused")->find("key")->as_string(), "sleep.few_nights");
}

TEST(ConversationsInsight, CountsStartersLengthsAndDoubleTexts) {
  CorpusSketch s;
  const ChatId ana = s.chat("Ana");
  s.say(ana, "Me", "2023-02-01 10:00");
  s.say(ana, "Me", "2023-02-01 10:10");  // 10 min later, no answer yet: a double text
  s.say(ana, "Ana", "2023-02-01 10:20");
  s.say(ana, "Ana", "2023-02-02 09:00");
  s.say(ana, "Me", "2023-02-02 09:05");
  s.say(ana, "Me", "2023-02-03 12:00");
  s.say(ana, "Ana", "2023-02-03 12:01");
  const Corpus c = s.build();
  const Json r = run_insight(conversations_insight, c);
  ASSERT_TRUE(r.find("enough_data")->as_bool());
  const Json& a = r.find("contacts")->as_array()[0];
  EXPECT_EQ(a.find("name")->as_string(), "Ana");
  EXPECT_EQ(a.find("sent")->as_int(), 4);
  EXPECT_EQ(a.find("received")->as_int(), 3);
  EXPECT_EQ(a.find("conversations")->as_int(), 3);
  EXPECT_DOUBLE_EQ(a.find("started_by_you_share")->as_double(), 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(a.find("median_messages")->as_double(), 2);  // 3, 2, 2
  EXPECT_DOUBLE_EQ(a.find("median_minutes")->as_double(), 5);   // 20, 5, 1
  EXPECT_EQ(a.find("longest")->find("messages")->as_int(), 3);
  EXPECT_EQ(a.find("longest")->find("date")->as_string(), "2023-02-01");
  EXPECT_EQ(a.find("your_double_texts")->as_int(), 1);
  EXPECT_EQ(a.find("their_double_texts")->as_int(), 0);
}

TEST(ConversationsInsight, SaysSoWithTooFewConversations) {
  CorpusSketch s;
  const ChatId ana = s.chat("Ana");
  s.say(ana, "Me", "2023-02-01 10:00");
  s.say(ana, "Ana", "2023-02-01 10:20");
  const Corpus c = s.build();
  const Json r = run_insight(conversations_insight, c);
  EXPECT_FALSE(r.find("enough_data")->as_bool());
  EXPECT_EQ(r.find("note")->find("key")->as_string(), "conversations.few_conversations");
}

TEST(SharedGroupsInsight, CountsGroupsSharedWithTheOwner) {
  CorpusSketch s;
  const ChatId g1 = s.chat("Family", ChatKind::Group), g2 = s.chat("Climbing", ChatKind::Group),
               g3 = s.chat("Not mine", ChatKind::Group);
  for (ChatId g : {g1, g2}) {
    s.say(g, "Me", "2023-01-01 10:00");
    s.say(g, "Ana", "2023-01-01 10:01");
  }
  s.say(g1, "Ben", "2023-01-01 10:02");
  s.say(g3, "Ana", "2023-01-01 10:00");
  s.say(g3, "Zoe", "2023-01-01 10:01");
  const Corpus c = s.build();
  const Json sg = run_insight(shared_groups_insight, c);
  EXPECT_EQ(sg.find("data")->find("groups_with_you")->as_int(), 2);
  const auto& top = sg.find("top")->as_array();
  ASSERT_EQ(top.size(), 2u);
  EXPECT_EQ(top[0].find("name")->as_string(), "Ana");
  EXPECT_EQ(top[0].find("shared_groups")->as_int(), 2);
  EXPECT_EQ(top[1].find("name")->as_string(), "Ben");
  EXPECT_EQ(top[1].find("groups")->as_array()[0].as_string(), "Family");
}

TEST(WorkInsight, FindsAQuietWeekdayBlockAndALunchDip) {
  CorpusSketch s;
  const ChatId ana = s.chat("Ana");
  // Four weeks from Mon 2023-01-02. Weekdays: messages at 07, 08, 12, 18, 19, 20, 21; weekend days: one
  // message every hour 08-21. Quieter weekday hours: 09-11 and 13-17, joined across the busy 12h:
  // window 09:00-18:00.
  for (int d = 0; d < 28; ++d) {
    const LocalTime day = LocalTime::from_civil(2023, 1, 2, 0, 0, 0);
    const int64_t base = day.seconds + d * 86400LL;
    const bool weekend = (d % 7) >= 5;
    std::vector<int> hours = weekend ? std::vector<int>{8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21}
                                     : std::vector<int>{7, 8, 12, 18, 19, 20, 21};
    for (int h : hours) s.say(ana, "Me", LocalTime{base + h * 3600});
  }
  const Corpus c = s.build();
  const Json w = run_insight(work_insight, c);
  ASSERT_TRUE(w.find("enough_data")->as_bool());
  EXPECT_TRUE(w.find("shows_working_hours")->as_bool());
  EXPECT_EQ(w.find("window")->find("from")->as_string(), "09:00");
  EXPECT_EQ(w.find("window")->find("to")->as_string(), "18:00");
  EXPECT_EQ(w.find("window")->find("evidence")->as_string(), "weekday_weekend_contrast");
  EXPECT_EQ(w.find("work_chats")->size(), 0u);
  // Inside the window only the 12h message: 1 of 7 weekday messages.
  EXPECT_NEAR(w.find("window")->find("share_of_weekday_messages")->as_double(), 1.0 / 7.0, 1e-9);
  EXPECT_TRUE(w.find("lunch_dip")->as_bool());  // 13-14h: 0 per day vs 11,12,15,16h: 0.25 per day
}

TEST(WorkInsight, NamesAWorkChatFromItsScheduleAndTakesItsWindow) {
  CorpusSketch s;
  const ChatId office = s.chat("Office", ChatKind::Group), ana = s.chat("Ana");
  // Four weeks from Mon 2023-01-02: the office group on weekdays 09:00-16:35 only; Ana any day, evenings.
  for (int d = 0; d < 28; ++d) {
    const int64_t base = LocalTime::from_civil(2023, 1, 2, 0, 0, 0).seconds + d * 86400LL;
    if (d % 7 < 5)
      for (int m = 9 * 60; m < 17 * 60; m += 45) {
        s.say(office, "Me", LocalTime{base + m * 60LL});
        s.say(office, "Boss", LocalTime{base + m * 60LL + 300});
      }
    for (int h : {8, 19, 20, 21, 22}) s.say(ana, "Me", LocalTime{base + h * 3600LL});
  }
  const Corpus c = s.build();
  const Json w = run_insight(work_insight, c);
  ASSERT_TRUE(w.find("enough_data")->as_bool());
  ASSERT_EQ(w.find("work_chats")->size(), 1u);
  EXPECT_EQ(w.find("work_chats")->as_array()[0].find("chat")->as_string(), "Office");
  EXPECT_EQ(w.find("window")->find("evidence")->as_string(), "work_chats");
  EXPECT_EQ(w.find("window")->find("from")->as_string(), "09:00");
  EXPECT_EQ(w.find("window")->find("to")->as_string(), "16:30");  // 99th percentile 16:35, to the quarter
  EXPECT_EQ(w.find("evidence")->as_array()[0].as_string(), "work_chats");
}

TEST(PrivacyInsight, StatesWhatTheOtherSectionsRevealWithEvidence) {
  CorpusSketch s;
  const ChatId ana = s.chat("Ana");
  write_all_day(s, ana, 21);
  for (int d = 1; d <= 21; ++d) {
    char morning[32];
    std::snprintf(morning, sizeof morning, "2023-03-%02d 07:30", d);
    s.say(ana, "Ana", t(morning) /* Ana answers in the same minute */);
  }
  const Corpus c = s.build();
  Json sections = Json::object();
  ReportOptions options;
  DerivedData derived(c, options.conversation_gap_seconds);
  InsightInput input{c, options, derived, &sections};
  for (const InsightInfo& info : all_insights()) sections[info.name] = info.compute(input);
  const Json& statements = *sections.find("privacy")->find("statements");
  bool sleep = false, closest = false;
  for (const Json& st : statements.as_array()) {
    if (st.find("key")->as_string() == "privacy.sleep_schedule") {
      sleep = true;
      EXPECT_EQ(st.find("section")->as_string(), "sleep");
      EXPECT_EQ(st.find("params")->find("bedtime")->as_string(), "23:30");
      EXPECT_EQ(st.find("params")->find("wake_up")->as_string(), "07:30");
      EXPECT_GT(st.find("evidence")->find("messages")->as_int(), 100);
    }
    if (st.find("key")->as_string() == "privacy.closest_people") {
      closest = true;
      EXPECT_EQ(st.find("params")->find("names")->as_array()[0].as_string(), "Ana");
    }
  }
  EXPECT_TRUE(sleep);
  EXPECT_TRUE(closest);
}
