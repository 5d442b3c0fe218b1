#pragma once
// The Corpus: every message of every imported chat in one columnar store
// (struct of arrays), read by every insight. Built once by CorpusBuilder.
//
// Order: messages are grouped by chat (chats[c].begin .. chats[c].end) and,
// within a chat, sorted stably by local time, so exports whose timestamps go
// backwards keep every message in a deterministic order.
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model/column_allocator.hpp"
#include "model/kinds.hpp"
#include "model/local_time.hpp"
#include "model/sparse_column.hpp"

namespace chatlens {

using ChatId = uint32_t;
using PersonId = uint32_t;
using SourceId = uint32_t;
inline constexpr PersonId kNoPerson = UINT32_MAX;
inline constexpr int64_t kNoMessageId = INT64_MIN;

struct Person {
  Platform platform;
  std::string name;         // display name, normalised (no direction marks, NBSP -> space)
  std::string platform_id;  // "user123" on Telegram; empty where the platform has none
  bool is_owner = false;
  bool owner_inferred = false;    // the export only hints at it (WhatsApp's "You deleted this message", ...)
  bool owner_by_profile = false;  // named by the export's profile information (Messenger, Instagram)
  SourceId first_source = 0;      // where the person first appears, to tell look-alike names apart
  uint64_t first_line = 0;        // 1-based; 0 when the importer did not say
  // Linked to another person (the same person on another platform, person_links.hpp):
  // the messages are that person's. kNoPerson when this is a person of its own.
  PersonId merged_into = kNoPerson;
  // An account the platform marks as a bot (Discord): its messages are kept but left out of
  // people-centred insights (is_personal), and it is no chat member.
  bool is_bot = false;
};

struct Chat {
  Platform platform;
  std::string title;
  ChatKind kind = ChatKind::Unknown;
  std::string platform_id;        // Telegram chat id; empty for WhatsApp
  std::vector<SourceId> sources;  // inputs this chat was read from (several after a merge)
  std::vector<PersonId> members;  // everyone who sent a message but bots, sorted
  uint64_t begin = 0, end = 0;    // message range in the corpus
  size_t size() const { return end - begin; }
};

enum MessageFlag : uint8_t { kEdited = 1, kForwarded = 2, kReply = 4 };

// Where a message text lies in the corpus text blocks, in one 8-byte word (5M messages:
// 40 MB, not the 60 MB of a 64-bit position and a 32-bit length): block index (high 20
// bits), offset in the block (24 bits: blocks are 16 MiB) and length (low 20 bits). A text
// of kLongText bytes or more has a block of its own: its length field says so and the
// block's size is the length. One word, so it is built in a register.
struct TextRef {
  static constexpr uint64_t kLongText = (uint64_t{1} << 20) - 1;  // also the "own block" mark
  static constexpr uint64_t kMaxBlocks = uint64_t{1} << 20;
  static constexpr uint64_t kBlockBytes = uint64_t{1} << 24;
  uint64_t word = 0;

  // `offset` + `len` within kBlockBytes and `len` below kLongText; `block` below kMaxBlocks.
  static TextRef at(size_t block, uint64_t offset, size_t len) {
    return {uint64_t{block} << 44 | offset << 20 | uint64_t{len}};
  }
  static TextRef own_block(size_t block) { return {uint64_t{block} << 44 | kLongText}; }
  size_t block() const { return static_cast<size_t>(word >> 44); }
  uint64_t offset() const { return (word >> 20) & (kBlockBytes - 1); }
  bool has_own_block() const { return (word & kLongText) == kLongText; }
  // The length, unless has_own_block() (then the block's size).
  size_t short_len() const { return static_cast<size_t>(word & kLongText); }
};
static_assert(sizeof(TextRef) == 8);

struct MessageColumns {
  Column<ChatId> chat;
  Column<PersonId> sender;            // kNoPerson for system messages
  Column<LocalTime> time;             // wall clock as the export shows it
  SparseColumn<int64_t, kNoUtc> utc;  // unless the export carries the instant
  Column<MessageKind> kind;
  Column<MediaKind> media;
  Column<uint8_t> flags;  // MessageFlag bits
  Column<TextRef> text;
  SparseColumn<int64_t, kNoMessageId> platform_id;  // message id inside its chat (Telegram)
  SparseColumn<int64_t, kNoMessageId> reply_to;     // platform id of the replied message

  size_t size() const { return chat.size(); }
  void reserve(size_t n);
  void resize(size_t n);
};

class Corpus {
 public:
  Corpus() = default;
  Corpus(Corpus&&) noexcept = default;
  Corpus& operator=(Corpus&&) noexcept = default;

  size_t size() const { return messages.size(); }
  std::string_view text(size_t i) const { return resolve(messages.text[i]); }
  std::string_view resolve(TextRef r) const { return resolve_in(*blocks_, r); }
  static std::string_view resolve_in(const std::deque<std::string>& blocks, TextRef r) {
    const std::string& block = blocks[r.block()];
    return r.has_own_block() ? std::string_view(block) : std::string_view(block).substr(r.offset(), r.short_len());
  }
  bool edited(size_t i) const { return messages.flags[i] & kEdited; }
  const Person* sender(size_t i) const {
    return messages.sender[i] == kNoPerson ? nullptr : &people[messages.sender[i]];
  }
  // Owners ("me"), at most one per platform; empty until identity is resolved.
  std::vector<PersonId> owners() const;
  bool is_owner(PersonId p) const { return p != kNoPerson && people[p].is_owner; }
  // A corpus with the same people and text but no chats or messages yet: a slice
  // (model/period.hpp) fills it with some of these messages, their texts shared, not copied.
  Corpus empty_sharing_text() const;
  bool is_bot(PersonId p) const { return p != kNoPerson && people[p].is_bot; }

  MessageColumns messages;
  std::vector<Person> people;
  std::vector<Chat> chats;

 private:
  friend class CorpusBuilder;
  // The arena of message texts (copies: no input is kept); shared with slices.
  std::shared_ptr<const std::deque<std::string>> blocks_;
};

}  // namespace chatlens
