#include "text/sentiment.hpp"

#include <algorithm>

#include "data/sentiment_table.hpp"

namespace chatlens {

static_assert(static_cast<int>(SentimentSource::EmojiEmotion) == static_cast<int>(data::SentimentSource::EmojiEmotion));
static_assert(static_cast<int>(SentimentSource::Chatlens) == static_cast<int>(data::SentimentSource::Chatlens));

std::optional<EmojiSentiment> emoji_sentiment_info(EmojiId id) {
  const auto e = static_cast<uint16_t>(id);
  const auto* begin = data::kSentimentRows;
  const auto* end = begin + data::kSentimentRowCount;
  const auto* it =
      std::lower_bound(begin, end, e, [](const data::SentimentRow& r, uint16_t emoji) { return r.emoji < emoji; });
  if (it == end || it->emoji != e) return std::nullopt;
  return EmojiSentiment{it->score, static_cast<SentimentSource>(it->source), it->occurrences};
}

std::optional<double> emoji_sentiment(EmojiId id) {
  if (auto s = emoji_sentiment_info(id)) return s->score;
  return std::nullopt;
}

}  // namespace chatlens
