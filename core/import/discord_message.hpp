#pragma once
// One DiscordChatExporter message object (FORMATS.md §4), read field by field in
// document order with simdjson On-Demand. Keys of every exporter version are
// understood; missing keys mean an older exporter and are simply absent. Unknown
// keys are skipped; a known key with a value of an unexpected type is counted in
// `issues` and otherwise ignored. Only broken JSON makes read() fail.
//
// Views point into the input or simdjson's string buffer: valid until the next
// message is read.
#include <simdjson.h>

#include <cstdint>
#include <string_view>

#include "import/telegram_stream.hpp"
#include "model/corpus.hpp"
#include "model/local_time.hpp"

namespace chatlens::discord {

// Message "type" (DCE writes the enum name). Anything else is Unknown and read as a message.
enum class MessageType : uint8_t {
  Default,
  Reply,
  Call,
  RecipientAdd,
  RecipientRemove,
  ChannelNameChange,
  ChannelIconChange,
  ChannelPinnedMessage,
  GuildMemberJoin,
  ThreadCreated,
  Unknown,
};
MessageType parse_type(std::string_view name);
bool is_system(MessageType t);

struct Author {
  std::string_view id, name, nickname;
  bool is_bot = false;
  bool present = false;
};

struct Message {
  std::string_view id;  // the snowflake as written
  MessageType type = MessageType::Default;
  std::string_view type_name;
  std::string_view timestamp, call_ended;
  bool edited = false;
  std::string_view content;
  Author author;
  uint32_t attachments = 0, embeds = 0, stickers = 0, mentions = 0, reactions = 0;
  std::string_view attachment_name, sticker_name;  // the first of each
  std::string_view reply_to;                       // reference.messageId
  bool forwarded = false;                          // reference.type "Forward", or a forwardedMessage
  std::string_view forwarded_content;
  uint32_t issues = 0;  // telegram::Issue bits (input.issue_* keys)
};

// A snowflake ("530805779645595660", up to 19 digits) as an integer; false otherwise.
bool parse_snowflake(std::string_view s, int64_t& out);

class MessageReader {
 public:
  simdjson::error_code read(simdjson::ondemand::object& object, const telegram::ChunkMap& map, Message& m);

 private:
  simdjson::error_code read_author(simdjson::ondemand::value& v, const telegram::ChunkMap& map, Message& m);
  simdjson::error_code read_reference(simdjson::ondemand::value& v, const telegram::ChunkMap& map, Message& m);
  simdjson::error_code read_forwarded(simdjson::ondemand::value& v, const telegram::ChunkMap& map, Message& m);
};

}  // namespace chatlens::discord
