#pragma once
// Data several insights need, computed once per report and cached.
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

// Emoji per message in compressed rows: message i has uses[begin[i] .. begin[i+1]).
struct MessageEmoji {
  std::vector<uint32_t> begin;
  std::vector<EmojiUse> uses;
  std::pair<const EmojiUse*, const EmojiUse*> of(uint64_t i) const {
    return {uses.data() + begin[i], uses.data() + begin[i + 1]};
  }
};

struct ChatLanguage {
  std::string_view code = "und";
  double confidence = 0;
};

class DerivedData {
 public:
  DerivedData(const Corpus& corpus, int64_t conversation_gap_seconds)
      : corpus_(corpus), gap_(conversation_gap_seconds) {}

  // Indices of all messages written by people (not system lines), in global time order (stable).
  const std::vector<uint32_t>& by_time();
  // The subset of by_time() written by the owner.
  const std::vector<uint32_t>& owner_by_time();
  // Every reply in every chat, in corpus order.
  const std::vector<Reply>& replies();
  // Last local time of any message (the end of the export), if any.
  std::optional<LocalTime> export_end();
  // Emoji in every personal text message and sticker (typed emoticons count as their emoji).
  const MessageEmoji& emoji();
  // The owner's most used emoji, skin tones folded, as emojibase hexcodes, most used first.
  std::vector<std::string> owner_top_emoji_hexcodes(size_t n);
  // Language of each chat, guessed from a sample of its texts.
  const std::vector<ChatLanguage>& chat_languages();

 private:
  const Corpus& corpus_;
  int64_t gap_;
  std::optional<std::vector<uint32_t>> by_time_, owner_by_time_;
  std::optional<std::vector<Reply>> replies_;
  std::optional<MessageEmoji> emoji_;
  std::optional<std::vector<ChatLanguage>> languages_;
};

// Whether message i was written by a person (not a system line, not a bot).
inline bool is_personal(const Corpus& c, uint64_t i) {
  const PersonId s = c.messages.sender[i];
  return s != kNoPerson && c.messages.kind[i] != MessageKind::System && !c.people[s].is_bot;
}

}  // namespace chatlens
