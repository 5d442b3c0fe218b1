#pragma once
// Emoji sentiment: a polarity score in [-1, +1] per emoji (skin tones share their base emoji's).
// Sources, in order of precedence (see core/data/sentiment_table.hpp and NOTICE):
//  1. Emoji Sentiment Ranking 1.0 (Kralj Novak, Smailović, Sluban, Mozetič, 2015; CC BY-SA 4.0):
//     the paper's score, unchanged, for the 751 emoji seen in at least 5 annotated tweets;
//  2. emoji-emotion (MIT): valence -5..+5 divided by 5;
//  3. chatlens' own values for newer faces and hearts (🥰 🥲 🥹 🫠 🫶 🩷 …).
#include <cstdint>
#include <optional>

#include "text/emoji.hpp"

namespace chatlens {

enum class SentimentSource : uint8_t { EmojiSentimentRanking = 1, EmojiEmotion = 2, Chatlens = 3 };

struct EmojiSentiment {
  double score = 0;  // -1 .. +1
  SentimentSource source = SentimentSource::EmojiSentimentRanking;
  uint32_t occurrences = 0;  // annotated tweets behind an Emoji Sentiment Ranking score, else 0
};

std::optional<double> emoji_sentiment(EmojiId id);
std::optional<EmojiSentiment> emoji_sentiment_info(EmojiId id);

}  // namespace chatlens
