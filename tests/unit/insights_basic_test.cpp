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
  EXPECT_EQ(priv.find("you_reply_fastest_to")->as_array()[0].find("name")->as_string(), "Ana");
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
  const Corpus c = s.build();
  const Json g = run_insight(comings_goings_insight, c);
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

TEST(SleepInsight, InfersBedtimeAndWakeUpFromNightlySilences) {
  CorpusSketch s;
  const ChatId ana = s.chat("Ana");
  // 20 nights: last message 23:30, first next day 07:30 (8 h silence over 01-06h).
  for (int d = 1; d <= 21; ++d) {
    char eve[32], morning[32];
    std::snprintf(morning, sizeof morning, "2023-03-%02d 07:30", d);
    std::snprintf(eve, sizeof eve, "2023-03-%02d 23:30", d);
    s.say(ana, "Me", t(morning));
    s.say(ana, "Me", t(eve));
  }
  const Corpus c = s.build();
  const Json sl = run_insight(sleep_insight, c);
  ASSERT_TRUE(sl.find("enough_data")->as_bool());
  EXPECT_EQ(sl.find("data")->find("nights_inferred")->as_int(), 20);
  EXPECT_EQ(sl.find("all")->find("bedtime")->find("median")->as_string(), "23:30");
  EXPECT_EQ(sl.find("all")->find("wake_up")->find("median")->as_string(), "07:30");
  EXPECT_DOUBLE_EQ(sl.find("all")->find("median_hours")->as_double(), 8.0);
  EXPECT_EQ(sl.find("short_nights")->find("count")->as_int(), 0);
  EXPECT_EQ(sl.find("verdict")->as_string(), "in_between");
}

TEST(SleepInsight, SaysSoWhenThereAreTooFewNights) {
  CorpusSketch s;
  const ChatId ana = s.chat("Ana");
  s.say(ana, "Me", "2023-03-01 23:00");
  s.say(ana, "Me", "2023-03-02 08:00");
  const Corpus c = s.build();
  const Json sl = run_insight(sleep_insight, c);
  EXPECT_FALSE(sl.find("enough_data")->as_bool());
  EXPECT_EQ(sl.find("note")->find("key")->as_string(), "sleep.few_nights");
  EXPECT_EQ(sl.find("note")->find("params")->find("min")->as_int(), 14);
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
  // Inside the window only the 12h message: 1 of 7 weekday messages.
  EXPECT_NEAR(w.find("window")->find("share_of_weekday_messages")->as_double(), 1.0 / 7.0, 1e-9);
  EXPECT_TRUE(w.find("lunch_dip")->as_bool());  // 13-14h: 0 per day vs 11,12,15,16h: 0.25 per day
}

TEST(PrivacyInsight, StatesWhatTheOtherSectionsRevealWithEvidence) {
  CorpusSketch s;
  const ChatId ana = s.chat("Ana");
  for (int d = 1; d <= 21; ++d) {
    char eve[32], morning[32];
    std::snprintf(morning, sizeof morning, "2023-03-%02d 07:30", d);
    std::snprintf(eve, sizeof eve, "2023-03-%02d 23:30", d);
    s.say(ana, "Me", t(morning));
    s.say(ana, "Ana", t(morning) /* Ana answers in the same minute */);
    s.say(ana, "Me", t(eve));
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
      EXPECT_EQ(st.find("evidence")->find("nights")->as_int(), 20);
    }
    if (st.find("key")->as_string() == "privacy.closest_people") {
      closest = true;
      EXPECT_EQ(st.find("params")->find("names")->as_array()[0].as_string(), "Ana");
    }
  }
  EXPECT_TRUE(sleep);
  EXPECT_TRUE(closest);
}
