#include "model/corpus_builder.hpp"

#include <algorithm>
#include <numeric>
#include <stdexcept>

#include "model/chat_merge.hpp"
#include "model/nearly_sorted.hpp"

namespace chatlens {
namespace {
// Arena blocks of 1 MiB, far below the 16 MiB a TextRef can address: WebAssembly memory holds
// the whole of every block (a block's untouched tail is not left to the system as it is
// natively) and never shrinks, so the last block's unused room and the holes freed columns
// leave (which small blocks fill) stay part of the peak. 5M WhatsApp messages: 150 blocks.
constexpr size_t kArenaBlock = size_t{1} << 20;
static_assert(kArenaBlock <= TextRef::kBlockBytes && kArenaBlock > TextRef::kLongText);

std::string person_key(Platform platform, std::string_view name, std::string_view platform_id) {
  std::string key(1, static_cast<char>('0' + static_cast<int>(platform)));
  key += platform_id.empty() ? 'n' : 'i';
  key += platform_id.empty() ? name : platform_id;
  return key;
}

template <class T>
void permute(Column<T>& column, const std::vector<uint32_t>& order) {
  Column<T> out;
  out.reserve(order.size());
  for (uint32_t i : order) out.push_back(column[i]);
  column.swap(out);
}
template <class T, T Default>
void permute(SparseColumn<T, Default>& column, const std::vector<uint32_t>& order) {
  column.permute(order);
}
template <class T>
void move_within(Column<T>& column, const std::vector<uint32_t>& to, const std::vector<uint32_t>& from) {
  std::vector<T> moving;
  moving.reserve(from.size());
  for (uint32_t i : from) moving.push_back(column[i]);
  for (size_t j = 0; j < to.size(); ++j) column[to[j]] = moving[j];
}
template <class T, T Default>
void move_within(SparseColumn<T, Default>& column, const std::vector<uint32_t>& to, const std::vector<uint32_t>& from) {
  column.move_within(to, from);
}

// Applies out[k] = in[order[k]] to every column. When `order` is a permutation that moves
// few messages (times going backwards here and there), only those are rewritten, in place:
// no second copy of the columns and none of the page faults that come with one.
void reorder_columns(MessageColumns& m, const std::vector<uint32_t>& order, bool is_permutation) {
  auto each_column = [&](auto&& apply) {
    apply(m.chat), apply(m.sender), apply(m.time), apply(m.utc), apply(m.kind), apply(m.media), apply(m.flags);
    apply(m.text), apply(m.platform_id), apply(m.reply_to);
  };
  if (is_permutation) {
    std::vector<uint32_t> to, from;
    for (uint32_t k = 0; k < order.size() && to.size() <= order.size() / 4; ++k)
      if (order[k] != k) to.push_back(k), from.push_back(order[k]);
    if (to.size() <= order.size() / 4) {
      each_column([&](auto& column) { move_within(column, to, from); });
      return;
    }
  }
  each_column([&](auto& column) { permute(column, order); });
}

// The kept messages grouped by (final) chat and stably by time within each chat; empty
// when that is already their order, as it is for most inputs (one chat after another,
// times only rarely going backwards): then nothing needs to move.
std::vector<uint32_t> final_order(const MessageColumns& m, const std::vector<bool>& keep, size_t n_chats) {
  const size_t n = m.size();
  bool ordered = keep.empty();
  for (size_t i = 1; ordered && i < n; ++i)
    ordered = m.chat[i - 1] < m.chat[i] || (m.chat[i - 1] == m.chat[i] && !(m.time[i] < m.time[i - 1]));
  if (ordered) return {};

  // Counting sort by chat (stable), then a stable sort by time of the chats that need it.
  // Usually the chats already follow each other and only times are out of order.
  bool grouped = keep.empty();
  for (size_t i = 1; grouped && i < n; ++i) grouped = m.chat[i - 1] <= m.chat[i];
  std::vector<uint64_t> start(n_chats + 1, 0);
  for (size_t i = 0; i < n; ++i)
    if (keep.empty() || keep[i]) ++start[m.chat[i] + 1];
  for (size_t c = 0; c < n_chats; ++c) start[c + 1] += start[c];
  std::vector<uint32_t> order(start[n_chats]);
  if (grouped) {
    std::iota(order.begin(), order.end(), uint32_t{0});
  } else {
    std::vector<uint64_t> next(start.begin(), start.end() - 1);
    for (size_t i = 0; i < n; ++i)
      if (keep.empty() || keep[i]) order[next[m.chat[i]]++] = static_cast<uint32_t>(i);
  }
  for (size_t c = 0; c < n_chats; ++c) {
    const auto first = order.begin() + static_cast<ptrdiff_t>(start[c]);
    const auto last = order.begin() + static_cast<ptrdiff_t>(start[c + 1]);
    const auto by_time = [&](uint32_t a, uint32_t b) { return m.time[a] < m.time[b]; };
    stable_sort_nearly_sorted(first, last, by_time);
  }
  return order;
}
}  // namespace

CorpusBuilder::CorpusBuilder() : arena_(&blocks_.emplace_back()) {}

ChatId CorpusBuilder::add_chat(ChatDraft draft) {
  Chat chat;
  chat.platform = draft.platform;
  chat.title = std::move(draft.title);
  chat.kind = draft.kind;
  chat.platform_id = std::move(draft.platform_id);
  chat.sources.push_back(draft.source);
  chats_.push_back(std::move(chat));
  return static_cast<ChatId>(chats_.size() - 1);
}

PersonId CorpusBuilder::person(Platform platform, std::string_view name, std::string_view platform_id) {
  auto [it, inserted] =
      person_index_.try_emplace(person_key(platform, name, platform_id), static_cast<PersonId>(people_.size()));
  if (inserted)
    people_.push_back(Person{platform, std::string(name), std::string(platform_id), false});
  else if (people_[it->second].name.empty() && !name.empty())
    people_[it->second].name = std::string(name);
  return it->second;
}

void CorpusBuilder::set_person_name(PersonId p, std::string_view name) { people_[p].name = std::string(name); }

TextRef CorpusBuilder::store_text_in_new_block(std::string_view text) {
  // A TextRef numbers blocks in 20 bits: 2^20 blocks of 16 MiB (or of one long text each)
  // is far beyond any export.
  if (blocks_.size() >= TextRef::kMaxBlocks) throw std::length_error("more message text than one corpus can hold");
  text_bytes_ += text.size();
  if (text.size() >= TextRef::kLongText) {  // a block of its own; the arena block being filled stays
    blocks_.emplace_back(text);
    return TextRef::own_block(blocks_.size() - 1);
  }
  std::string& block = blocks_.emplace_back();
  block.reserve(kArenaBlock);
  block.append(text);
  arena_ = &block;
  arena_index_ = blocks_.size() - 1;
  return TextRef::at(arena_index_, 0, text.size());
}

// The estimate and a little more, or half as much again as the columns hold, whichever is
// more. Doubling left 500k WhatsApp messages in ten files with room for 990k (WebAssembly
// memory keeps that high-water mark); the exact estimate regrew for each input, and at 5M
// messages each freed column left a hole the next, larger one did not fit (339 vs 287 MB).
void CorpusBuilder::reserve(size_t more) {
  const size_t want = columns_.size() + more, have = columns_.chat.capacity();
  if (want > have) columns_.reserve(std::max(want + want / 16, have + have / 2));
}

void CorpusBuilder::rollback(size_t first_message, size_t chat_count) {
  columns_.resize(first_message);
  chats_.resize(chat_count);
}

Corpus CorpusBuilder::finish() && {
  // Positions are 32-bit while ordering: four billion messages is far beyond any export.
  if (columns_.size() > UINT32_MAX) throw std::length_error("more than 4294967295 messages in one corpus");
  Corpus corpus;
  // Which chats are the same conversation imported more than once, and which
  // of their messages are duplicates (see chat_merge.hpp for the rule).
  const MergePlan plan =
      plan_chat_merge(chats_, columns_, [this](TextRef r) { return Corpus::resolve_in(blocks_, r); });

  // Renumber chats densely in their first-seen order.
  std::vector<ChatId> dense(chats_.size(), UINT32_MAX);
  ChatId next = 0;
  for (ChatId c = 0; c < chats_.size(); ++c)
    if (plan.target[c] == c) dense[c] = next++;
  corpus.chats.resize(next);
  for (ChatId c = 0; c < chats_.size(); ++c) {
    Chat& into = corpus.chats[dense[plan.target[c]]];
    if (plan.target[c] == c) {
      std::vector<SourceId> sources = std::move(into.sources);
      into = std::move(chats_[c]);
      sources.insert(sources.end(), into.sources.begin(), into.sources.end());
      into.sources = std::move(sources);
    } else {
      into.sources.insert(into.sources.end(), chats_[c].sources.begin(), chats_[c].sources.end());
    }
  }
  for (ChatId c = 0; c < chats_.size(); ++c)
    if (plan.target[c] != c && corpus.chats[dense[plan.target[c]]].title.empty())
      corpus.chats[dense[plan.target[c]]].title = chats_[c].title;

  // Final order: by merged chat, then stably by local time.
  for (ChatId& c : columns_.chat) c = dense[plan.target[c]];
  if (const std::vector<uint32_t> order = final_order(columns_, plan.keep, corpus.chats.size()); !order.empty())
    reorder_columns(columns_, order, plan.keep.empty());

  // Ranges and distinct senders per chat (messages of a chat are now contiguous).
  std::vector<ChatId> last_chat_of(people_.size(), UINT32_MAX);
  for (auto& chat : corpus.chats) chat.begin = chat.end = 0;
  for (uint64_t i = 0; i < columns_.size(); ++i) {
    const ChatId c = columns_.chat[i];
    Chat& chat = corpus.chats[c];
    if (chat.end == 0) chat.begin = i;
    chat.end = i + 1;
    const PersonId s = columns_.sender[i];
    if (s != kNoPerson && last_chat_of[s] != c && !people_[s].is_bot) last_chat_of[s] = c, chat.members.push_back(s);
  }
  for (auto& chat : corpus.chats) {
    std::sort(chat.members.begin(), chat.members.end());
    std::sort(chat.sources.begin(), chat.sources.end());
    chat.sources.erase(std::unique(chat.sources.begin(), chat.sources.end()), chat.sources.end());
  }

  corpus.messages = std::move(columns_);
  corpus.people = std::move(people_);
  corpus.blocks_ = std::make_shared<const std::deque<std::string>>(std::move(blocks_));
  return corpus;
}

}  // namespace chatlens
