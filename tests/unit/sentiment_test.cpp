#include "text/sentiment.hpp"

#include <gtest/gtest.h>

using namespace chatlens;

namespace {
double score_of(std::string_view emoji) {
  const auto id = find_emoji(emoji);
  EXPECT_TRUE(id) << emoji;
  return id ? emoji_sentiment(*id).value_or(99) : 99;
}
}  // namespace

TEST(Sentiment, EmojiSentimentRankingScores) {
  // Kralj Novak et al. 2015: face with tears of joy 0.221, red heart 0.746, loudly crying -0.093.
  EXPECT_NEAR(score_of("😂"), 0.221, 0.001);
  EXPECT_NEAR(score_of("❤️"), 0.746, 0.001);
  EXPECT_NEAR(score_of("😭"), -0.093, 0.001);
  const auto info = emoji_sentiment_info(*find_emoji("😂"));
  ASSERT_TRUE(info);
  EXPECT_EQ(info->source, SentimentSource::EmojiSentimentRanking);
  EXPECT_EQ(info->occurrences, 14622u);
}

TEST(Sentiment, UnqualifiedAndTonedFormsShareTheBaseScore) {
  EXPECT_EQ(score_of("❤"), score_of("❤️"));
  EXPECT_EQ(score_of("👍🏽"), score_of("👍"));
}

TEST(Sentiment, EmojiEmotionFillsGaps) {
  // 🤗 is not in the ranking; emoji-emotion rates "hugs" +2 of 5.
  const auto info = emoji_sentiment_info(*find_emoji("🤗"));
  ASSERT_TRUE(info);
  EXPECT_EQ(info->source, SentimentSource::EmojiEmotion);
  EXPECT_NEAR(info->score, 0.4, 1e-6);
}

TEST(Sentiment, ChatlensOwnValuesForNewerEmoji) {
  const auto info = emoji_sentiment_info(*find_emoji("🥰"));
  ASSERT_TRUE(info);
  EXPECT_EQ(info->source, SentimentSource::Chatlens);
  EXPECT_NEAR(info->score, 0.8, 1e-6);
  EXPECT_EQ(emoji_sentiment_info(*find_emoji("🩷"))->source, SentimentSource::Chatlens);
}

TEST(Sentiment, EveryScoreIsInRangeAndUnratedEmojiHaveNone) {
  size_t rated = 0;
  for (size_t i = 0; i < emoji_count(); ++i) {
    if (const auto s = emoji_sentiment(static_cast<EmojiId>(i))) {
      ++rated;
      EXPECT_GE(*s, -1.0);
      EXPECT_LE(*s, 1.0);
    }
  }
  EXPECT_GT(rated, 600u);
  EXPECT_FALSE(emoji_sentiment(*find_emoji("🇦🇶")));  // flag: Antarctica
}
