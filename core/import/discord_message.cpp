#include "import/discord_message.hpp"

#include <array>

#include "import/telegram_message.hpp"
#include "import/telegram_text.hpp"

namespace chatlens::discord {
namespace {

namespace od = simdjson::ondemand;
using telegram::ChunkMap;
using telegram::raw_string;
using telegram::read_string;
using telegram::shape_of;
using telegram::ValueShape;

// The names DCE writes for MessageKind, in the order of MessageType.
constexpr std::array<std::string_view, 10> kTypeNames = {"Default",
                                                         "Reply",
                                                         "Call",
                                                         "RecipientAdd",
                                                         "RecipientRemove",
                                                         "ChannelNameChange",
                                                         "ChannelIconChange",
                                                         "ChannelPinnedMessage",
                                                         "GuildMemberJoin",
                                                         "ThreadCreated"};

// A string-valued key: `out`, or an issue noted when the value is neither a string nor null.
simdjson::error_code string_field(od::value& v, const ChunkMap& map, std::string_view& out, uint32_t issue,
                                  Message& m) {
  const ValueShape shape = shape_of(v);
  if (shape == ValueShape::String) return read_string(v, map, out);
  if (shape != ValueShape::Null) m.issues |= issue;
  return simdjson::SUCCESS;
}

// Elements of an array value counted; `on_object` reads each object element, simdjson
// skips the others. Not an array (nor null): an issue.
template <class OnObject>
simdjson::error_code count_array(od::value& v, uint32_t& count, uint32_t issue, Message& m, OnObject&& on_object) {
  if (shape_of(v) != ValueShape::Array) {
    if (shape_of(v) != ValueShape::Null) m.issues |= issue;
    return simdjson::SUCCESS;
  }
  od::array list;
  CHATLENS_TRY(v.get_array().get(list));
  for (auto item_result : list) {
    od::value item;
    CHATLENS_TRY(item_result.get(item));
    ++count;
    if (shape_of(item) == ValueShape::Object) {
      od::object object;
      CHATLENS_TRY(item.get_object().get(object));
      CHATLENS_TRY(on_object(object));
    }
  }
  return simdjson::SUCCESS;
}

// Walks an object's members (simdjson skips their values), so the array's iteration moves on.
simdjson::error_code skip_members(od::object& object) {
  for (auto f : object) {
    od::field field;
    CHATLENS_TRY(std::move(f).get(field));
  }
  return simdjson::SUCCESS;
}

// The first object's string `key` into `out` (when `out` is still empty).
simdjson::error_code first_named(od::object& object, const ChunkMap& map, std::string_view key, std::string_view& out,
                                 Message& m) {
  for (auto field_result : object) {
    od::field field;
    CHATLENS_TRY(std::move(field_result).get(field));
    od::value value = field.value();
    if (out.empty() && field.key().unsafe_is_equal(key))
      CHATLENS_TRY(string_field(value, map, out, telegram::kIssueMedia, m));
  }
  return simdjson::SUCCESS;
}

enum class Key : uint8_t {
  Unknown,
  Id,
  Type,
  Timestamp,
  TimestampEdited,
  CallEnded,
  Content,
  Author,
  Attachments,
  Stickers,
  Reactions,
  Embeds,
  Mentions,
  Reference,
  Forwarded,
  Name,
  Nickname,
  IsBot,
};

// Keys compared as written, by length first (most keys of a message are read on every message);
// an escaped key (never written by DCE) is unknown.
Key classify(const od::raw_json_string& raw) {
  const char* k = raw.raw();
  size_t n = 0;
  while (k[n] != '"') {
    if (k[n] == '\\') return Key::Unknown;
    ++n;
  }
  const std::string_view key(k, n);
  switch (n) {
    case 2: return key == "id" ? Key::Id : Key::Unknown;
    case 4:
      if (key == "type") return Key::Type;
      if (key == "name") return Key::Name;
      return Key::Unknown;
    case 5: return key == "isBot" ? Key::IsBot : Key::Unknown;
    case 6:
      if (key == "author") return Key::Author;
      if (key == "embeds") return Key::Embeds;
      return Key::Unknown;
    case 7: return key == "content" ? Key::Content : Key::Unknown;
    case 8:
      if (key == "stickers") return Key::Stickers;
      if (key == "mentions") return Key::Mentions;
      if (key == "nickname") return Key::Nickname;
      return Key::Unknown;
    case 9:
      if (key == "timestamp") return Key::Timestamp;
      if (key == "reactions") return Key::Reactions;
      if (key == "reference") return Key::Reference;
      return Key::Unknown;
    case 11: return key == "attachments" ? Key::Attachments : Key::Unknown;
    case 15: return key == "timestampEdited" ? Key::TimestampEdited : Key::Unknown;
    case 16: return key == "forwardedMessage" ? Key::Forwarded : Key::Unknown;
    case 18: return key == "callEndedTimestamp" ? Key::CallEnded : Key::Unknown;
    default: return Key::Unknown;
  }
}

}  // namespace

MessageType parse_type(std::string_view name) {
  for (size_t i = 0; i < kTypeNames.size(); ++i)
    if (kTypeNames[i] == name) return static_cast<MessageType>(i);
  return MessageType::Unknown;
}

bool is_system(MessageType t) {
  return t != MessageType::Default && t != MessageType::Reply && t != MessageType::Call && t != MessageType::Unknown;
}

bool parse_snowflake(std::string_view s, int64_t& out) {
  if (s.empty() || s.size() > 19) return false;
  uint64_t value = 0;
  for (const char c : s) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + static_cast<uint64_t>(c - '0');
  }
  if (value > static_cast<uint64_t>(INT64_MAX)) return false;
  out = static_cast<int64_t>(value);
  return true;
}

simdjson::error_code MessageReader::read_author(od::value& v, const ChunkMap& map, Message& m) {
  if (shape_of(v) != ValueShape::Object) {
    if (shape_of(v) != ValueShape::Null) m.issues |= telegram::kIssueFrom;
    return simdjson::SUCCESS;
  }
  od::object author;
  CHATLENS_TRY(v.get_object().get(author));
  m.author.present = true;
  for (auto field_result : author) {
    od::field field;
    CHATLENS_TRY(std::move(field_result).get(field));
    od::value value = field.value();
    // Other keys (discriminator, color, roles, avatarUrl) are skipped by simdjson itself.
    switch (classify(field.key())) {
      case Key::Id: CHATLENS_TRY(string_field(value, map, m.author.id, telegram::kIssueFrom, m)); break;
      case Key::Name: CHATLENS_TRY(string_field(value, map, m.author.name, telegram::kIssueFrom, m)); break;
      case Key::Nickname: CHATLENS_TRY(string_field(value, map, m.author.nickname, telegram::kIssueFrom, m)); break;
      case Key::IsBot:
        if (shape_of(value) == ValueShape::Bool) {
          bool bot = false;
          CHATLENS_TRY(value.get_bool().get(bot));
          m.author.is_bot = bot;
        }
        break;
      default: break;
    }
  }
  return simdjson::SUCCESS;
}

simdjson::error_code MessageReader::read_reference(od::value& v, const ChunkMap& map, Message& m) {
  if (shape_of(v) != ValueShape::Object) {
    if (shape_of(v) != ValueShape::Null) m.issues |= telegram::kIssueReply;
    return simdjson::SUCCESS;
  }
  od::object reference;
  CHATLENS_TRY(v.get_object().get(reference));
  for (auto field_result : reference) {
    od::field field;
    CHATLENS_TRY(std::move(field_result).get(field));
    od::value value = field.value();
    if (field.key().unsafe_is_equal("messageId")) {
      CHATLENS_TRY(string_field(value, map, m.reply_to, telegram::kIssueReply, m));
    } else if (field.key().unsafe_is_equal("type")) {
      std::string_view type;
      if (raw_string(value, type) && type == "Forward") m.forwarded = true;
    }
  }
  return simdjson::SUCCESS;
}

// {timestamp, timestampEdited, content, attachments, embeds, stickers} (2.47+).
simdjson::error_code MessageReader::read_forwarded(od::value& v, const ChunkMap& map, Message& m) {
  if (shape_of(v) != ValueShape::Object) return simdjson::SUCCESS;
  m.forwarded = true;
  od::object forwarded;
  CHATLENS_TRY(v.get_object().get(forwarded));
  for (auto field_result : forwarded) {
    od::field field;
    CHATLENS_TRY(std::move(field_result).get(field));
    od::value value = field.value();
    const od::raw_json_string key = field.key();
    if (key.unsafe_is_equal("content")) {
      CHATLENS_TRY(string_field(value, map, m.forwarded_content, telegram::kIssueText, m));
    } else if (key.unsafe_is_equal("attachments")) {
      CHATLENS_TRY(count_array(value, m.attachments, telegram::kIssueMedia, m,
                               [&](od::object& o) { return first_named(o, map, "fileName", m.attachment_name, m); }));
    } else if (key.unsafe_is_equal("stickers")) {
      CHATLENS_TRY(count_array(value, m.stickers, telegram::kIssueMedia, m,
                               [&](od::object& o) { return first_named(o, map, "name", m.sticker_name, m); }));
    }
  }
  return simdjson::SUCCESS;
}

simdjson::error_code MessageReader::read(od::object& object, const ChunkMap& map, Message& m) {
  for (auto field_result : object) {
    od::field field;
    CHATLENS_TRY(std::move(field_result).get(field));
    od::value value = field.value();
    switch (classify(field.key())) {
      case Key::Id: CHATLENS_TRY(string_field(value, map, m.id, telegram::kIssueId, m)); break;
      case Key::Type:
        if (raw_string(value, m.type_name))
          m.type = parse_type(m.type_name);
        else if (shape_of(value) != ValueShape::Null)
          m.issues |= telegram::kIssueType;
        break;
      case Key::Timestamp: CHATLENS_TRY(string_field(value, map, m.timestamp, telegram::kIssueDate, m)); break;
      case Key::TimestampEdited: m.edited = shape_of(value) == ValueShape::String; break;
      case Key::CallEnded: CHATLENS_TRY(string_field(value, map, m.call_ended, telegram::kIssueDate, m)); break;
      case Key::Content: CHATLENS_TRY(string_field(value, map, m.content, telegram::kIssueText, m)); break;
      case Key::Author: CHATLENS_TRY(read_author(value, map, m)); break;
      case Key::Attachments:
        CHATLENS_TRY(count_array(value, m.attachments, telegram::kIssueMedia, m,
                                 [&](od::object& o) { return first_named(o, map, "fileName", m.attachment_name, m); }));
        break;
      case Key::Stickers:
        CHATLENS_TRY(count_array(value, m.stickers, telegram::kIssueMedia, m,
                                 [&](od::object& o) { return first_named(o, map, "name", m.sticker_name, m); }));
        break;
      case Key::Reactions: {
        // Each reaction object says how many people reacted with it.
        uint32_t kinds = 0;
        CHATLENS_TRY(count_array(value, kinds, telegram::kIssueMedia, m, [&](od::object& o) -> simdjson::error_code {
          uint32_t count = 1;
          for (auto f : o) {
            od::field rf;
            CHATLENS_TRY(std::move(f).get(rf));
            od::value rv = rf.value();
            int64_t n = 0;
            if (rf.key().unsafe_is_equal("count") && shape_of(rv) == ValueShape::Number &&
                rv.get_int64().get(n) == simdjson::SUCCESS && n > 0 && n < (int64_t{1} << 31))
              count = static_cast<uint32_t>(n);
          }
          m.reactions += count;
          return simdjson::SUCCESS;
        }));
        break;
      }
      case Key::Embeds: CHATLENS_TRY(count_array(value, m.embeds, telegram::kIssueMedia, m, skip_members)); break;
      case Key::Mentions: CHATLENS_TRY(count_array(value, m.mentions, telegram::kIssueMedia, m, skip_members)); break;
      case Key::Reference: CHATLENS_TRY(read_reference(value, map, m)); break;
      case Key::Forwarded: CHATLENS_TRY(read_forwarded(value, map, m)); break;
      default: break;  // isPinned, interaction, inlineEmojis, ...: skipped by simdjson itself
    }
  }
  return simdjson::SUCCESS;
}

}  // namespace chatlens::discord
