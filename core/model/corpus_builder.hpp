#pragma once
// Collects chats, people and messages from the importers, then produces the
// Corpus: duplicate chats merged, messages ordered stably by time per chat.
#include <algorithm>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/corpus.hpp"

namespace chatlens {

struct MessageDraft {
  ChatId chat = 0;
  PersonId sender = kNoPerson;  // kNoPerson: system message
  LocalTime time;
  int64_t utc = kNoUtc;
  MessageKind kind = MessageKind::Text;
  MediaKind media = MediaKind::None;
  // Final body text, copied into the corpus's arena (the input need not outlive the import).
  std::string_view text;
  uint8_t flags = 0;
  int64_t platform_id = kNoMessageId;
  int64_t reply_to = kNoMessageId;
};

struct ChatDraft {
  Platform platform = Platform::WhatsApp;
  std::string title;
  ChatKind kind = ChatKind::Unknown;
  std::string platform_id;
  SourceId source = 0;
};

class CorpusBuilder {
 public:
  CorpusBuilder();
  // Movable (a moved deque keeps its elements where they are), never copied: arena_ points into blocks_.
  CorpusBuilder(CorpusBuilder&&) = default;
  CorpusBuilder& operator=(CorpusBuilder&&) = default;
  CorpusBuilder(const CorpusBuilder&) = delete;
  CorpusBuilder& operator=(const CorpusBuilder&) = delete;

  ChatId add_chat(ChatDraft chat);
  Chat& chat(ChatId id) { return chats_[id]; }

  // Resolves a person per platform: by platform id when there is one, else by name.
  PersonId person(Platform platform, std::string_view name, std::string_view platform_id = {});
  // Renames a person whose first sighting had no name (Telegram "from": null).
  void set_person_name(PersonId p, std::string_view name);
  const Person& person_info(PersonId p) const { return people_[p]; }

  // Inline: called once per message from every importer.
  void add(const MessageDraft& m) {
    if (columns_.chat.size() == columns_.chat.capacity()) [[unlikely]]
      grow(columns_.chat.size() + 1);
    columns_.chat.push_back(m.chat);
    columns_.sender.push_back(m.sender);
    columns_.time.push_back(m.time);
    columns_.utc.push_back(m.utc);
    columns_.kind.push_back(m.kind);
    columns_.media.push_back(m.media);
    columns_.flags.push_back(m.flags);
    columns_.text.push_back(store_text(m.text));
    columns_.platform_id.push_back(m.platform_id);
    columns_.reply_to.push_back(m.reply_to);
  }
  // Room for about `more` messages: an importer that can estimate its count spares the columns regrowing.
  // Grows by half at least, so many small inputs in a row do not each copy the columns.
  void reserve(size_t more);
  size_t message_count() const { return columns_.size(); }
  // Messages the columns have room for.
  size_t column_capacity() const { return columns_.chat.capacity(); }
  // Bytes of message text the arena holds: the texts themselves, nothing of the inputs.
  uint64_t text_bytes() const { return text_bytes_; }
  // Bytes the arena's blocks hold room for: the texts and the blocks' unused tails.
  uint64_t text_capacity() const {
    uint64_t n = 0;
    for (const std::string& block : blocks_) n += block.capacity();
    return n;
  }
  size_t chat_count() const { return chats_.size(); }

  // The export states who its owner is (Telegram personal_information, ...).
  void declare_owner(PersonId p) { people_[p].is_owner = true, people_[p].owner_inferred = false; }
  // The export's profile information names the account (Messenger, Instagram): stated, and
  // said apart in the report, since it holds only when that name also writes in the chats.
  void declare_owner_by_profile(PersonId p) { declare_owner(p), people_[p].owner_by_profile = true; }
  // The export only hints at its owner (WhatsApp: who deleted "your" message, the
  // other side of "WhatsApp Chat with Ana"): a statement wins over a hint.
  void infer_owner(PersonId p) {
    if (!people_[p].is_owner) people_[p].is_owner = true, people_[p].owner_inferred = true;
  }
  // The platform marks the account as a bot (Discord "isBot").
  void declare_bot(PersonId p) { people_[p].is_bot = true; }
  // Where `p` first appears (kept from the first call).
  void note_first_seen(PersonId p, SourceId source, uint64_t line) {
    if (people_[p].first_line == 0) people_[p].first_source = source, people_[p].first_line = line;
  }

  // Discards every message of a chat added since `first_message` (an input that
  // failed half-way must not leave half a chat behind).
  void rollback(size_t first_message, size_t chat_count);

  Corpus finish() &&;

 private:
  // Every text is copied into the arena, so an input can be released as soon as it is
  // read; a block never reallocates once referenced.
  TextRef store_text(std::string_view text) {
    if (text.empty()) return {};
    std::string& block = *arena_;
    // Within the block's capacity (it never reallocates) and its 16 MiB (offsets are 24 bits,
    // whatever capacity the library rounds up to).
    const size_t room = std::min<size_t>(block.capacity(), TextRef::kBlockBytes) - block.size();
    if (room < text.size() || text.size() >= TextRef::kLongText) return store_text_in_new_block(text);
    const uint64_t offset = block.size();
    block.append(text);
    text_bytes_ += text.size();
    return TextRef::at(arena_index_, offset, text.size());
  }
  // A fresh block for the text: its own when it is long, else the next arena block.
  TextRef store_text_in_new_block(std::string_view text);
  // Room for at least `want` messages in every column at once, past the importer's estimate.
  // Past a million messages the columns grow by a quarter, not double: WebAssembly memory keeps
  // its high-water mark, and an estimate a little short (5.4M messages where 4.7M were
  // expected) must not reserve 9.4M.
  void grow(size_t want) {
    const size_t have = columns_.chat.capacity();
    const size_t step = have < (size_t{1} << 20) ? std::max<size_t>(have, 1024) : have / 4;
    columns_.reserve(std::max(want, have + step));
  }

  MessageColumns columns_;
  std::vector<Chat> chats_;
  std::vector<Person> people_;
  std::unordered_map<std::string, PersonId> person_index_;
  std::deque<std::string> blocks_;  // the arena: message texts, copied
  std::string* arena_ = nullptr;    // the block being filled (deque elements never move)
  size_t arena_index_ = 0;
  uint64_t text_bytes_ = 0;
};

}  // namespace chatlens
