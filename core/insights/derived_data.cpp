#include "insights/derived_data.hpp"

#include <algorithm>

#include "text/emoji_hexcode.hpp"
#include "text/language.hpp"

namespace chatlens {

const std::vector<uint64_t>& DerivedData::by_time() {
  if (!by_time_) {
    std::vector<uint64_t> order;
    order.reserve(corpus_.size());
    for (uint64_t i = 0; i < corpus_.size(); ++i)
      if (is_personal(corpus_, i)) order.push_back(i);
    const auto& t = corpus_.messages.time;
    std::stable_sort(order.begin(), order.end(), [&](uint64_t a, uint64_t b) { return t[a] < t[b]; });
    by_time_ = std::move(order);
  }
  return *by_time_;
}

const std::vector<uint64_t>& DerivedData::owner_by_time() {
  if (!owner_by_time_) {
    std::vector<uint64_t> mine;
    for (uint64_t i : by_time())
      if (corpus_.is_owner(corpus_.messages.sender[i])) mine.push_back(i);
    owner_by_time_ = std::move(mine);
  }
  return *owner_by_time_;
}

const std::vector<uint32_t>& DerivedData::conversation() {
  if (!conversation_) {
    std::vector<uint32_t> conv(corpus_.size(), kNoConversation);
    uint32_t next = 0;
    // Chats are contiguous and sorted by time in the corpus.
    for (const Chat& chat : corpus_.chats) {
      std::optional<LocalTime> last;
      for (uint64_t i = chat.begin; i < chat.end; ++i) {
        if (!is_personal(corpus_, i)) continue;
        const LocalTime t = corpus_.messages.time[i];
        if (!last || t.seconds - last->seconds > gap_) ++next;
        conv[i] = next - 1;
        last = t;
      }
    }
    conversation_ = std::move(conv);
  }
  return *conversation_;
}

const std::vector<Reply>& DerivedData::replies() {
  if (!replies_) {
    const auto& conv = conversation();
    std::vector<Reply> out;
    for (const Chat& chat : corpus_.chats) {
      uint64_t prev = UINT64_MAX;
      for (uint64_t i = chat.begin; i < chat.end; ++i) {
        if (!is_personal(corpus_, i)) continue;
        if (prev != UINT64_MAX && conv[prev] == conv[i] && corpus_.messages.sender[prev] != corpus_.messages.sender[i])
          out.push_back({i, prev, corpus_.messages.time[i].seconds - corpus_.messages.time[prev].seconds});
        prev = i;
      }
    }
    replies_ = std::move(out);
  }
  return *replies_;
}

std::optional<LocalTime> DerivedData::export_end() {
  const auto& order = by_time();
  if (order.empty()) return std::nullopt;
  return corpus_.messages.time[order.back()];
}

const MessageEmoji& DerivedData::emoji() {
  if (!emoji_) {
    MessageEmoji e;
    e.begin.reserve(corpus_.size() + 1);
    std::vector<EmojiUse> emoticons;
    for (uint64_t i = 0; i < corpus_.size(); ++i) {
      e.begin.push_back(static_cast<uint32_t>(e.uses.size()));
      if (!is_personal(corpus_, i)) continue;
      const MessageKind kind = corpus_.messages.kind[i];
      const bool sticker = corpus_.messages.media[i] == MediaKind::Sticker;
      if (kind != MessageKind::Text && !sticker) continue;
      const std::string_view text = corpus_.text(i);
      for_each_emoji(text, [&](const EmojiMatch& m) { e.uses.push_back({m.id, m.tone}); });
      if (kind == MessageKind::Text)
        for_each_emoticon(text, [&](const EmojiMatch& m) { e.uses.push_back({m.id, SkinTone::None}); });
    }
    e.begin.push_back(static_cast<uint32_t>(e.uses.size()));
    emoji_ = std::move(e);
  }
  return *emoji_;
}

std::vector<std::string> DerivedData::owner_top_emoji_hexcodes(size_t n) {
  const MessageEmoji& e = emoji();
  std::vector<uint64_t> counts(emoji_count(), 0);
  for (uint64_t i : owner_by_time())
    for (auto [u, end] = e.of(i); u != end; ++u) ++counts[static_cast<size_t>(u->id)];
  std::vector<size_t> ids;
  for (size_t id = 0; id < counts.size(); ++id)
    if (counts[id] > 0) ids.push_back(id);
  std::stable_sort(ids.begin(), ids.end(), [&](size_t a, size_t b) { return counts[a] > counts[b]; });
  std::vector<std::string> out;
  for (size_t k = 0; k < ids.size() && out.size() < n; ++k) {
    const EmojiInfo info = emoji_info(static_cast<EmojiId>(ids[k]));
    if (info.component || info.group == kNoEmojiGroup) continue;  // skin swatches, lone letters
    out.push_back(emoji_hexcode(static_cast<EmojiId>(ids[k])));
  }
  return out;
}

const std::vector<ChatLanguage>& DerivedData::chat_languages() {
  if (!languages_) {
    std::vector<ChatLanguage> out(corpus_.chats.size());
    for (ChatId c = 0; c < corpus_.chats.size(); ++c) {
      const Chat& chat = corpus_.chats[c];
      LanguageGuesser guesser;
      // A sample spread over the chat: every k-th text message until enough words.
      const uint64_t n = chat.size(), step = std::max<uint64_t>(1, n / 4000);
      for (uint64_t i = chat.begin; i < chat.end && !guesser.enough(); i += step)
        if (corpus_.messages.kind[i] == MessageKind::Text && is_personal(corpus_, i)) guesser.add(corpus_.text(i));
      const LanguageGuess g = guesser.guess();
      out[c] = {g.code, g.confidence};
    }
    languages_ = std::move(out);
  }
  return *languages_;
}

}  // namespace chatlens
