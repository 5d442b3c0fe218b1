// Tests of the insights that read message text (emoji, sentiment, topics) and of
// the community summary. Scores used: Emoji Sentiment Ranking 1.0 gives
// 😂 +0.221, ❤️ +0.746, 😭 -0.093 (rounded as published; the table keeps the
// unrounded values, hence the 1e-3 tolerances).
#include <gtest/gtest.h>

#include "insight_test_util.hpp"

using namespace chatlens;
using namespace chatlens::testing;

namespace {
std::string day(int d, const char* hm = "12:00") {
  char buf[32];
  std::snprintf(buf, sizeof buf, "2023-01-%02d %s", d, hm);
  return buf;
}
}  // namespace

TEST(EmojiWallInsight, CountsEmojiFoldsSkinTonesAndReportsTheTonePreference) {
  CorpusSketch s;
  const ChatId ana = s.chat("Ana");
  s.say(ana, "Me", "2023-01-01 10:00", "jaja 😂😂 👍🏽");
  s.say(ana, "Me", "2023-01-01 10:01", "👍🏽 and 👍 :)");
  s.say(ana, "Ana", "2023-01-01 10:02", "❤️❤️❤️");
  const Corpus c = s.build();
  const Json w = run_insight(emoji_wall_insight, c);
  // Me: 😂 x2, 👍 x3 (two medium, one default), 🙂 x1 (typed ":)") = 6 emoji.
  EXPECT_EQ(w.find("data")->find("emoji")->as_int(), 6);
  const auto& list = w.find("emoji")->as_array();
  ASSERT_EQ(list.size(), 3u);
  EXPECT_EQ(list[0].find("emoji")->as_string(), "👍");
  EXPECT_EQ(list[0].find("count")->as_int(), 3);
  EXPECT_EQ(list[0].find("name_en")->as_string(), "thumbs up");
  EXPECT_EQ(list[1].find("emoji")->as_string(), "😂");
  EXPECT_EQ(list[1].find("hexcode")->as_string(), "1F602");
  EXPECT_EQ(list[2].find("emoji")->as_string(), "🙂");
  // Skin tones: of the 3 thumbs, 2 medium, 1 default.
  EXPECT_EQ(w.find("skin_tone")->find("preferred")->as_string(), "medium");
  EXPECT_NEAR(w.find("skin_tone")->find("shares")->find("medium")->as_double(), 2.0 / 3.0, 1e-9);
  // Ana's top emoji: ❤️ x3.
  const Json& contact = w.find("contacts")->as_array()[0];
  EXPECT_EQ(contact.find("name")->as_string(), "Ana");
  EXPECT_EQ(contact.find("top")->as_array()[0].find("count")->as_int(), 3);
}

TEST(MoodInsight, MeanAndCoveragePerMonthWithTheHappiestMonth) {
  CorpusSketch s;
  const ChatId ana = s.chat("Ana"), ben = s.chat("Ben");
  // January: 20 messages with ❤️ in Ana's chat (mean 0.746). February: 20 with 😭 in Ben's
  // chat (mean -0.093) and each also has 🇦🇶, which has no score: coverage 20/40 = 0.5.
  for (int d = 1; d <= 20; ++d) {
    s.say(ana, "Me", day(d).c_str(), "❤️");
    char feb[32];
    std::snprintf(feb, sizeof feb, "2023-02-%02d 12:00", d);
    s.say(ben, "Me", feb, "😭🇦🇶");
  }
  const Corpus c = s.build();
  const Json m = run_insight(mood_insight, c);
  ASSERT_TRUE(m.find("enough_data")->as_bool());
  const auto& months = m.find("months")->as_array();
  ASSERT_EQ(months.size(), 2u);
  EXPECT_EQ(months[0].find("period")->as_string(), "2023-01");
  EXPECT_NEAR(months[0].find("mean")->as_double(), 0.746, 1e-3);
  EXPECT_DOUBLE_EQ(months[0].find("ci_low")->as_double(), months[0].find("mean")->as_double());  // no variance
  EXPECT_NEAR(months[1].find("mean")->as_double(), -0.093, 1e-3);
  EXPECT_NEAR(months[1].find("coverage")->as_double(), 0.5, 1e-9);
  EXPECT_EQ(m.find("happiest_month")->find("month")->as_string(), "2023-01");
  EXPECT_EQ(m.find("lowest_month")->find("month")->as_string(), "2023-02");
  EXPECT_EQ(m.find("most_positive_chats")->as_array()[0].find("chat")->as_string(), "Ana");
  EXPECT_EQ(m.find("most_negative_chats")->as_array()[0].find("chat")->as_string(), "Ben");
  // Overall: 40 scored of 60 emoji; mean (20*0.746 + 20*-0.093)/40 = 0.3265.
  EXPECT_NEAR(m.find("overall")->find("mean")->as_double(), 0.3265, 1e-3);
  EXPECT_NEAR(m.find("data")->find("coverage")->as_double(), 40.0 / 60.0, 1e-9);
}

TEST(MoodInsight, TooFewScoredEmojiIsSaidPlainly) {
  CorpusSketch s;
  const ChatId ana = s.chat("Ana");
  s.say(ana, "Me", "2023-01-01 10:00", "😂");
  const Corpus c = s.build();
  const Json m = run_insight(mood_insight, c);
  EXPECT_FALSE(m.find("enough_data")->as_bool());
  EXPECT_EQ(m.find("months"), nullptr);
}

TEST(TopicsInsight, DistinctiveTermsPerPeriodNeedThreeDaysAndBeatTheRest) {
  CorpusSketch s;
  const ChatId ana = s.chat("Ana");
  // 2020: talks about "guitarra" on 5 days; 2022: about "maratón" on 5 days; both years use
  // the same filler words. "concierto" appears 12 times but on one day only: never shown.
  // The history spans more than two years, so periods are years.
  for (int d = 1; d <= 5; ++d) {
    char a[32], b[32];
    std::snprintf(a, sizeof a, "2020-03-%02d 10:00", d);
    std::snprintf(b, sizeof b, "2022-03-%02d 10:00", d);
    s.say(ana, "Me", a, "practiqué guitarra nueva hoy con los amigos del barrio");
    s.say(ana, "Me", b, "entrené para el maratón hoy con los amigos del barrio");
  }
  for (int k = 0; k < 6; ++k) s.say(ana, "Me", "2020-06-01 10:00", "concierto concierto");
  // Enough words overall (>= 500): filler twice a day over many days of both years.
  for (int d = 1; d <= 28; ++d)
    for (const char* hm : {"09:00", "20:00"}) {
      char a[32], b[32];
      std::snprintf(a, sizeof a, "2020-02-%02d %s", d, hm);
      std::snprintf(b, sizeof b, "2022-02-%02d %s", d, hm);
      s.say(ana, "Me", a, "buenos días, tomando café antes del trabajo, luego hablamos tranquilos");
      s.say(ana, "Me", b, "buenos días, tomando café antes del trabajo, luego hablamos tranquilos");
    }
  const Corpus c = s.build();
  const Json t = run_insight(topics_insight, c);
  ASSERT_TRUE(t.find("enough_data")->as_bool()) << t.dump(1);
  EXPECT_EQ(t.find("period")->as_string(), "year");
  const auto& periods = t.find("by_period")->as_array();
  ASSERT_EQ(periods.size(), 2u);
  auto terms_of = [](const Json& p) {
    std::vector<std::string> v;
    for (const Json& term : p.find("terms")->as_array()) v.push_back(term.find("term")->as_string());
    return v;
  };
  EXPECT_EQ(periods[0].find("period")->as_string(), "2020");
  const auto y2020 = terms_of(periods[0]), y2022 = terms_of(periods[1]);
  // guitarra: 5 of ~340 words in 2020, none in 2022. With 500 prior pseudo-counts spread over
  // the history (alpha = 500 * 5 / ~680 = 3.7): delta = log(8.7/831) - log(3.7/836) = 0.85,
  // sigma = sqrt(1/8.7 + 1/3.7) = 0.62, z = 1.4 > 1 (listed, not "significant").
  EXPECT_NE(std::find(y2020.begin(), y2020.end(), "guitarra"), y2020.end());
  // Two-word phrases join adjacent content words ("practiqué guitarra"), never across a stopword
  // ("amigos del barrio" gives no "amigos barrio") and never with a missing first word.
  EXPECT_NE(std::find(y2020.begin(), y2020.end(), "practiqué guitarra"), y2020.end());
  for (const auto& term : y2020) {
    EXPECT_NE(term.front(), ' ') << term;
    EXPECT_NE(term, "amigos barrio");
  }
  EXPECT_EQ(std::find(y2020.begin(), y2020.end(), "concierto"), y2020.end());  // one day only
  EXPECT_EQ(std::find(y2020.begin(), y2020.end(), "maratón"), y2020.end());
  EXPECT_NE(std::find(y2022.begin(), y2022.end(), "maratón"), y2022.end());
  EXPECT_EQ(std::find(y2022.begin(), y2022.end(), "café"), y2022.end());  // same in both years
  // Stopwords never appear; the chat language is detected as Spanish.
  EXPECT_EQ(std::find(y2020.begin(), y2020.end(), "con"), y2020.end());
  EXPECT_EQ(t.find("chat_languages")->as_array()[0].find("language")->as_string(), "es");
  EXPECT_EQ(t.find("languages")->as_array()[0].find("language")->as_string(), "es");
}

TEST(TopicsInsight, LinkDomainsAndHashtagsAreInterests) {
  CorpusSketch s;
  const ChatId ana = s.chat("Ana");
  for (int d = 1; d <= 3; ++d) s.say(ana, "Me", day(d).c_str(), "mira https://www.youtube.com/watch?v=x #escalada");
  const Corpus c = s.build();
  const Json t = run_insight(topics_insight, c);
  ASSERT_NE(t.find("domains"), nullptr);
  ASSERT_NE(t.find("hashtags"), nullptr);
  ASSERT_GE(t.find("domains")->size(), 1u);
  EXPECT_EQ(t.find("domains")->as_array()[0].find("domain")->as_string(), "youtube.com");
  EXPECT_EQ(t.find("domains")->as_array()[0].find("count")->as_int(), 3);
  EXPECT_EQ(t.find("hashtags")->as_array()[0].find("hashtag")->as_string(), "escalada");
}

// Emoji interests are the owner's alone (texts and stickers; typed emoticons in texts), whether
// the report's emoji were found already or topics finds the owner's itself.
TEST(TopicsInsight, EmojiSubgroupsAreTheOwnersWithOrWithoutTheReportsEmoji) {
  CorpusSketch s;
  const ChatId ana = s.chat("Ana");
  s.say(ana, "Me", day(1).c_str(), "pizza 🍕🍕 y fútbol ⚽️ <3");
  s.say(ana, "Ana", day(1, "11:00").c_str(), "🍕🍕🍕🍕 🎸🎸🎸🎸");
  s.sticker(ana, "Me", day(2).c_str(), "🎸");
  s.send(ana, "Me", day(2, "12:00").c_str(), MediaKind::Image);
  const Corpus c = s.build();
  ReportOptions options;
  DerivedData fresh(c, options.conversation_gap_seconds), found(c, options.conversation_gap_seconds);
  found.emoji();
  const Json alone = topics_insight(InsightInput{c, options, fresh});
  const Json after = topics_insight(InsightInput{c, options, found});
  ASSERT_FALSE(fresh.has_emoji());
  ASSERT_NE(alone.find("emoji_subgroups"), nullptr);
  EXPECT_EQ(alone.find("emoji_subgroups")->dump(), after.find("emoji_subgroups")->dump());
  const auto& list = alone.find("emoji_subgroups")->as_array();
  ASSERT_EQ(list.size(), 3u);  // the heart (<3) is an expression, not an interest
  EXPECT_EQ(list[0].find("subgroup")->as_string(), "food-prepared");
  EXPECT_EQ(list[0].find("count")->as_int(), 2);
  EXPECT_EQ(list[1].find("count")->as_int(), 1);
  EXPECT_EQ(list[2].find("count")->as_int(), 1);
}

TEST(CommunitySummaryInsight, BucketsEveryNumberAndCarriesNoNamesOrText) {
  CorpusSketch s;
  const ChatId ana = s.chat("Secret Ana");
  // 10 days x 12 messages at 10:00..10:11 (one session of 12 minutes a day), each "hola 😂" (6
  // code points). Then avg text length 6 -> 5; 12 messages/day -> bucket 10; 12 min/day -> 10;
  // every message at 10h -> hour_profile[10] = 100.
  for (int d = 1; d <= 10; ++d)
    for (int m = 0; m < 12; ++m) {
      char hm[8];
      std::snprintf(hm, sizeof hm, "10:%02d", m);
      s.say(ana, "Me", day(d, hm).c_str(), "hola 😂");
    }
  const Corpus c = s.build();
  const Json cs = run_insight(community_summary_insight, c);
  ASSERT_TRUE(cs.find("enough_data")->as_bool());
  const Json& sum = *cs.find("summary");
  EXPECT_EQ(sum.find("schema")->as_string(), "chatlens.community_summary");
  EXPECT_EQ(sum.find("version")->as_int(), 1);
  EXPECT_EQ(sum.find("top_emoji")->as_array()[0].as_string(), "1F602");
  EXPECT_EQ(sum.find("avg_text_length")->as_int(), 5);
  EXPECT_EQ(sum.find("messages_per_active_day")->as_int(), 10);
  EXPECT_EQ(sum.find("minutes_per_day")->as_int(), 10);
  EXPECT_EQ(sum.find("hour_profile")->as_array()[10].as_int(), 100);
  EXPECT_EQ(sum.find("hour_profile")->as_array()[9].as_int(), 0);
  const std::string dumped = sum.dump();
  EXPECT_EQ(dumped.find("Ana"), std::string::npos);
  EXPECT_EQ(dumped.find("hola"), std::string::npos);
  EXPECT_EQ(dumped.find("2023"), std::string::npos);
  EXPECT_EQ(sum.size(), 7u);  // exactly the documented fields
}
