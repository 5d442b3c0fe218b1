#pragma once
// Data several insights need, computed once per report and cached.
#include <algorithm>
#include <bit>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/corpus.hpp"
#include "text/emoji.hpp"

namespace chatlens {

// A turn change inside one conversation (a chat's messages split by silences longer
// than the gap): `reply` is the first message of its sender after a message by
// someone else (`to`, the message right before it).
// 12 bytes: corpora hold fewer than 2^32 messages (CorpusBuilder checks), and a reply
// comes within one conversation, so its delay is far below 2^31 seconds.
struct Reply {
  uint32_t reply;
  uint32_t to;
  int32_t delay_seconds;
};

// One emoji (or typed emoticon) in a message, skin tone folded out.
struct EmojiUse {
  EmojiId id;
  SkinTone tone;
};

// Emoji per message. Most messages have none, so only those with some take room: a bit per
// message says which, a count per 64 messages finds its row (message k-th with emoji has
// uses[begin[k] .. begin[k+1])). 5M messages: under 1 MB besides the rows, not 20 MB.
struct MessageEmoji {
  std::vector<uint64_t> has;   // bit i % 64 of word i / 64: message i has emoji
  std::vector<uint32_t> rank;  // messages with emoji before word w
  std::vector<uint32_t> begin;
  std::vector<EmojiUse> uses;
  std::pair<const EmojiUse*, const EmojiUse*> of(uint64_t i) const {
    const uint64_t word = has[i >> 6], bit = uint64_t{1} << (i & 63);
    if (!(word & bit)) return {nullptr, nullptr};
    const size_t k = rank[i >> 6] + static_cast<size_t>(std::popcount(word & (bit - 1)));
    return {uses.data() + begin[k], uses.data() + begin[k + 1]};
  }
};

struct ChatLanguage {
  std::string_view code = "und";
  double confidence = 0;
};

// Whether message i was written by a person (not a system line, not a bot).
inline bool is_personal(const Corpus& c, uint64_t i) {
  const PersonId s = c.messages.sender[i];
  return s != kNoPerson && c.messages.kind[i] != MessageKind::System && !c.people[s].is_bot;
}

class DerivedData {
 public:
  DerivedData(const Corpus& corpus, int64_t conversation_gap_seconds)
      : corpus_(corpus), gap_(conversation_gap_seconds) {}

  // Indices of all messages written by people (not system lines), in global time order (stable).
  const std::vector<uint32_t>& by_time();
  // The subset of by_time() written by the owner.
  const std::vector<uint32_t>& owner_by_time();
  // Calls emit(const Reply&) for every reply in every chat, in corpus order. Found anew
  // on each call, never stored: a pass over the columns costs less than holding millions
  // of replies (12 bytes each) through the whole report.
  template <class Emit>
  void for_each_reply(Emit&& emit) const {
    const auto& sender = corpus_.messages.sender;
    const auto& time = corpus_.messages.time;
    for (const Chat& chat : corpus_.chats) {
      uint64_t prev = UINT64_MAX;
      for (uint64_t i = chat.begin; i < chat.end; ++i) {
        if (!is_personal(corpus_, i)) continue;
        // Chats are in time order: the same conversation unless the silence exceeds the gap.
        if (prev != UINT64_MAX && time[i].seconds - time[prev].seconds <= gap_ && sender[prev] != sender[i])
          emit(Reply{static_cast<uint32_t>(i), static_cast<uint32_t>(prev),
                     static_cast<int32_t>(std::min<int64_t>(time[i].seconds - time[prev].seconds, INT32_MAX))});
        prev = i;
      }
    }
  }
  // Last local time of any message (the end of the export), if any.
  std::optional<LocalTime> export_end();
  // Emoji in every personal text message and sticker (typed emoticons count as their emoji).
  const MessageEmoji& emoji();
  // Whether emoji() has been computed already (a caller needing only a few messages' emoji may
  // find them itself rather than have every message scanned).
  bool has_emoji() const { return emoji_.has_value(); }
  // The owner's most used emoji, skin tones folded, as emojibase hexcodes, most used first.
  std::vector<std::string> owner_top_emoji_hexcodes(size_t n);
  // Language of each chat, guessed from a sample of its texts.
  const std::vector<ChatLanguage>& chat_languages();

 private:
  const Corpus& corpus_;
  int64_t gap_;
  std::optional<std::vector<uint32_t>> by_time_, owner_by_time_;
  std::optional<MessageEmoji> emoji_;
  std::optional<std::vector<ChatLanguage>> languages_;
};

}  // namespace chatlens
