#include "insights/derived_data.hpp"

#include <algorithm>

#include "text/emoji_hexcode.hpp"
#include "text/language.hpp"

namespace chatlens {

namespace {
// The messages `wanted` picks, in global time order: each chat is already in time order, so
// the chats are merged (k-way, ties to the earlier chat, which is what a stable sort of the
// corpus would give). A total order, so merging a subset gives the same subset in the same
// order as picking it from the merge of everything.
template <class Wanted>
std::vector<uint32_t> merged_by_time(const Corpus& corpus, Wanted&& wanted) {
  uint64_t count = 0;
  for (uint64_t i = 0; i < corpus.size(); ++i) count += wanted(i);
  std::vector<uint32_t> order;
  order.reserve(count);
  const auto& t = corpus.messages.time;
  struct Cursor {
    uint64_t at, end;
    ChatId chat;
  };
  auto later = [&](const Cursor& a, const Cursor& b) {
    return t[a.at] == t[b.at] ? a.chat > b.chat : t[b.at] < t[a.at];
  };
  std::vector<Cursor> heap;
  auto advance = [&](Cursor c) {  // to the chat's next wanted message, if any
    while (c.at < c.end && !wanted(c.at)) ++c.at;
    if (c.at < c.end) heap.push_back(c), std::push_heap(heap.begin(), heap.end(), later);
  };
  for (ChatId c = 0; c < corpus.chats.size(); ++c) advance({corpus.chats[c].begin, corpus.chats[c].end, c});
  while (!heap.empty()) {
    std::pop_heap(heap.begin(), heap.end(), later);
    Cursor c = heap.back();
    heap.pop_back();
    // Runs of one chat between the other chats' next messages need no heap traffic.
    const bool alone = heap.empty();
    do {
      if (wanted(c.at)) order.push_back(static_cast<uint32_t>(c.at));
      ++c.at;
    } while (c.at < c.end && (alone || later(heap.front(), c) || !wanted(c.at)));
    if (c.at < c.end) advance(c);
  }
  return order;
}
}  // namespace

const std::vector<uint32_t>& DerivedData::by_time() {
  if (!by_time_) by_time_ = merged_by_time(corpus_, [&](uint64_t i) { return is_personal(corpus_, i); });
  return *by_time_;
}

const std::vector<uint32_t>& DerivedData::owner_by_time() {
  if (!owner_by_time_) {
    auto mine = [&](uint64_t i) { return is_personal(corpus_, i) && corpus_.is_owner(corpus_.messages.sender[i]); };
    if (by_time_) {  // picked from the order at hand
      const auto& all = *by_time_;
      uint64_t count = 0;
      for (uint32_t i : all) count += corpus_.is_owner(corpus_.messages.sender[i]);
      std::vector<uint32_t> picked;
      picked.reserve(count);
      for (uint32_t i : all)
        if (corpus_.is_owner(corpus_.messages.sender[i])) picked.push_back(i);
      owner_by_time_ = std::move(picked);
    } else {  // merged on its own: an insight that needs only the owner's spares everyone's order
      owner_by_time_ = merged_by_time(corpus_, mine);
    }
  }
  return *owner_by_time_;
}

std::optional<LocalTime> DerivedData::export_end() {
  const auto& order = by_time();
  if (order.empty()) return std::nullopt;
  return corpus_.messages.time[order.back()];
}

const MessageEmoji& DerivedData::emoji() {
  if (!emoji_) {
    MessageEmoji e;
    const uint64_t n = corpus_.size();
    e.has.assign((n + 63) / 64, 0);
    e.rank.assign((n + 63) / 64, 0);
    uint32_t with = 0;  // messages with emoji so far
    for (uint64_t i = 0; i < n; ++i) {
      if ((i & 63) == 0) e.rank[i >> 6] = with;
      if (!is_personal(corpus_, i)) continue;
      const MessageKind kind = corpus_.messages.kind[i];
      const bool sticker = corpus_.messages.media[i] == MediaKind::Sticker;
      if (kind != MessageKind::Text && !sticker) continue;
      const std::string_view text = corpus_.text(i);
      const size_t first = e.uses.size();
      for_each_emoji(text, [&](const EmojiMatch& m) { e.uses.push_back({m.id, m.tone}); });
      if (kind == MessageKind::Text)
        for_each_emoticon(text, [&](const EmojiMatch& m) { e.uses.push_back({m.id, SkinTone::None}); });
      if (e.uses.size() == first) continue;
      e.has[i >> 6] |= uint64_t{1} << (i & 63);
      e.begin.push_back(static_cast<uint32_t>(first));
      ++with;
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
