#pragma once
// One Telegram message object, read field by field in document order with
// simdjson On-Demand. Unknown keys are skipped; a known key whose value has an
// unexpected type (hand-edited or corrupted exports: "text" as an object, ...)
// is noted in `issues` and otherwise ignored, so such a message is still read
// as far as possible. Only broken JSON makes read() fail.
//
// Views point into the input, simdjson's string buffer or the reader's own
// buffers: valid until the next message is read.
#include <simdjson.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "import/telegram_stream.hpp"
#include "model/corpus.hpp"
#include "model/local_time.hpp"

namespace chatlens::telegram {

enum class MessageType : uint8_t { Message, Service, Unsupported, Unknown };

// Who sent a message ("from"/"from_id") or performed a service action ("actor"/"actor_id").
struct Peer {
  std::string_view name;  // empty when null (deleted account) or absent
  std::string_view id;    // "user123", "channel123"; old integer ids become "user<n>"
  bool has_name = false;  // the key is present, even if null
  bool has_id = false;
  bool present() const { return has_name || has_id; }
};

// Values of a known key that had an unexpected JSON type.
enum Issue : uint32_t {
  kIssueText = 1u << 0,  // "text" / "text_entities" neither string nor array
  kIssueId = 1u << 1,
  kIssueType = 1u << 2,
  kIssueDate = 1u << 3,  // "date" / "date_unixtime" / "edited" unreadable
  kIssueFrom = 1u << 4,  // "from" / "from_id" / "actor" / "actor_id"
  kIssueReply = 1u << 5,
  kIssueMedia = 1u << 6,  // "media_type", "sticker_emoji", "poll", "contact_information", ...
  kIssueService = 1u << 7,
};
std::string_view describe_issue(uint32_t issue);  // for the first bit set

struct Message {
  MessageType type = MessageType::Message;
  std::string_view type_name;  // as written, for unknown types
  bool has_type = false;
  int64_t id = kNoMessageId;
  bool has_local = false;
  LocalTime local;
  int64_t utc = kNoUtc;       // from "date_unixtime"
  int64_t date_utc = kNoUtc;  // from a "date" written with a zone ("…Z", "…+02:00"), by other tools
  std::string_view bad_date;  // a "date"/"date_unixtime" that could not be read, as written
  bool edited = false;
  bool forwarded = false;
  int64_t reply_to = kNoMessageId;
  Peer from, actor;

  std::string_view text;
  bool has_text = false;  // a usable "text" was read; "text_entities" is then redundant
  bool photo = false, file = false, poll = false, contact = false, location = false;
  std::string_view media_type, sticker_emoji, place_name, address;
  std::string_view poll_text, contact_name;

  // Service messages.
  bool has_action = false;
  std::string_view action, title, discard_reason, information_text, inviter;
  std::vector<std::string_view> members;  // a null member (deleted account) is an empty view
  int64_t duration_seconds = -1;
  int64_t pinned_message = kNoMessageId;

  uint32_t issues = 0;

  void clear();
};

// "2023-08-23T13:11:23" (local wall clock, no offset), as Telegram Desktop writes it.
// Consecutive messages mostly share their day, so the day of the last date read is
// remembered. Other ISO 8601 forms go to parse_iso8601().
class LocalTimeParser {
 public:
  bool parse(std::string_view s, LocalTime& out);

 private:
  char day_text_[10] = {};
  int64_t day_ = 0;
  bool has_day_ = false;
};

class MessageReader {
 public:
  simdjson::error_code read(simdjson::ondemand::object& object, const ChunkMap& map, Message& m);

 private:
  simdjson::error_code read_peer_id(simdjson::ondemand::value& v, const ChunkMap& map, std::string& buffer, Peer& peer,
                                    Message& m);
  simdjson::error_code read_poll(simdjson::ondemand::value& v, const ChunkMap& map, Message& m);
  simdjson::error_code read_contact(simdjson::ondemand::value& v, const ChunkMap& map, Message& m);
  simdjson::error_code read_members(simdjson::ondemand::value& v, const ChunkMap& map, Message& m);

  std::string text_buffer_, poll_buffer_, part_buffer_, contact_buffer_, from_id_buffer_, actor_id_buffer_;
  LocalTimeParser dates_;
};
// Decimal digits, optionally negative.
bool parse_int64(std::string_view s, int64_t& out);

}  // namespace chatlens::telegram
