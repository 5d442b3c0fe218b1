#pragma once
// One chat of a Telegram export while its messages stream past: each message
// object becomes a corpus message (or a counted skip) the moment it is read.
//
// Mapping (see FORMATS.md §2):
//   date -> local wall clock; date_unixtime -> UTC instant. A message with only
//     date_unixtime gets the UTC instant as its local time (and a note); one
//     with neither is skipped.
//   edited / edited_unixtime -> kEdited (old exports' epoch-0 "edited" is not an edit)
//   reply_to_message_id -> reply_to + kReply; forwarded_from (even null) -> kForwarded
//   poll -> Poll, text "question\nanswer 1\nanswer 2..."
//   contact_information -> Contact, text the contact's name (never the number)
//   location_information -> Location, text the caption, else the venue name and address
//   photo -> Media/Image; file by media_type: sticker -> Sticker (text the
//     sticker's emoji when there is no text), video_message/video_file -> Video,
//     voice_message -> Voice, audio_file -> Audio, animation -> Gif, none -> Document,
//     anything else -> Other
//   service -> System or Call, sender = actor (see telegram_service.hpp)
//   "unsupported" -> skipped and counted; an unknown type is read as a message.
#include <simdjson.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "import/importer.hpp"
#include "import/telegram_message.hpp"
#include "import/telegram_people.hpp"
#include "import/telegram_stream.hpp"

namespace chatlens::telegram {

// 1-based line numbers of offsets met in increasing order, counted incrementally; over
// a whole input, or through a scanner's window (the importer then has it count as it
// moves on, before the bytes behind go).
class LineCounter {
 public:
  explicit LineCounter(std::string_view bytes) : bytes_(bytes) {}
  explicit LineCounter(JsonScanner& scan)
      : bytes_(scan.in_place() ? scan.view(0, 0) : std::string_view()), scan_(scan.in_place() ? nullptr : &scan) {}
  uint64_t line_at(size_t offset);
  // Up to `n` bytes of the input from `offset` (an excerpt for a skipped record), valid
  // until the next read of the input.
  std::string_view text_at(size_t offset, size_t n);

 private:
  std::string_view bytes_;
  JsonScanner* scan_ = nullptr;
  size_t pos_ = 0;
  uint64_t line_ = 1;
};

// What the whole input yielded, for its SourceReport.
struct Tally {
  uint64_t records = 0;
  uint64_t chats = 0;
  uint64_t local_from_utc = 0;  // messages with date_unixtime but no date
  uint64_t unknown_type = 0;
  std::string first_unknown_type;
  uint64_t with_issues = 0;
  uint32_t first_issue = 0;
  int64_t first_issue_message = kNoMessageId;
};

// The chat object's own keys ("name", "type", "id").
struct ChatInfo {
  std::string name;
  bool name_null = false;
  std::string type;
  std::string id;  // decimal, as written
};

ChatKind chat_kind(std::string_view type);

class ChatSink final : public MessageSink {
 public:
  ChatSink(ImportContext& ctx, People& people, MessageReader& reader, Tally& tally, LineCounter& lines)
      : ctx_(ctx), people_(people), reader_(reader), tally_(tally), lines_(lines) {}

  simdjson::error_code element(simdjson::ondemand::value value, size_t offset, const ChunkMap& map,
                               bool exact) override;
  void unreadable(size_t offset, SourceMessage reason) override { skip(offset, std::move(reason)); }

  // Creates the chat (once) and fills in what the chat object said; `title_hint`
  // names a chat that names itself nowhere.
  ChatId finish(const ChatInfo& info, std::string_view title_hint);

  // Distinct senders of ordinary messages, for telling who owns the export;
  // tracking stops past a handful (that chat cannot tell).
  const std::vector<PersonId>& senders() const { return senders_; }
  bool too_many_senders() const { return too_many_senders_; }

 private:
  ChatId chat();
  void commit(size_t offset);
  void content(MessageDraft& draft);
  void skip(size_t offset, SourceMessage reason);
  void note_sender(PersonId p);

  ImportContext& ctx_;
  People& people_;
  MessageReader& reader_;
  Tally& tally_;
  LineCounter& lines_;
  Message message_;
  std::string service_text_, venue_text_;
  bool created_ = false;
  ChatId chat_ = 0;
  std::vector<PersonId> senders_;
  PersonId last_sender_ = kNoPerson;
  bool too_many_senders_ = false;
};

}  // namespace chatlens::telegram
