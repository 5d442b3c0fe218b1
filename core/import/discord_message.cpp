#include "import/discord_message.hpp"

#include <array>

#include "import/telegram_message.hpp"
#include "import/telegram_text.hpp"

namespace chatlens::discord {
namespace {

namespace od = simdjson::ondemand;
using telegram::ChunkMap;
using telegram::consume_value;
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
  return consume_value(v);
}

// Elements of an array value counted; `on_object` reads each object element
// (it must consume it), others are consumed. Not an array: an issue.
template <class OnObject>
simdjson::error_code count_array(od::value& v, uint32_t& count, uint32_t issue, Message& m, OnObject&& on_object) {
  if (shape_of(v) != ValueShape::Array) {
    if (shape_of(v) != ValueShape::Null) m.issues |= issue;
    return consume_value(v);
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
    } else {
      CHATLENS_TRY(consume_value(item));
    }
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
    else
      CHATLENS_TRY(consume_value(value, 2));
  }
  return simdjson::SUCCESS;
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
    return consume_value(v);
  }
  od::object author;
  CHATLENS_TRY(v.get_object().get(author));
  m.author.present = true;
  for (auto field_result : author) {
    od::field field;
    CHATLENS_TRY(std::move(field_result).get(field));
    od::value value = field.value();
    const od::raw_json_string key = field.key();
    if (key.unsafe_is_equal("id")) {
      CHATLENS_TRY(string_field(value, map, m.author.id, telegram::kIssueFrom, m));
    } else if (key.unsafe_is_equal("name")) {
      CHATLENS_TRY(string_field(value, map, m.author.name, telegram::kIssueFrom, m));
    } else if (key.unsafe_is_equal("nickname")) {
      CHATLENS_TRY(string_field(value, map, m.author.nickname, telegram::kIssueFrom, m));
    } else if (key.unsafe_is_equal("isBot") && shape_of(value) == ValueShape::Bool) {
      bool bot = false;
      CHATLENS_TRY(value.get_bool().get(bot));
      m.author.is_bot = bot;
    } else {
      CHATLENS_TRY(consume_value(value, 2));  // discriminator, color, roles, avatarUrl
    }
  }
  return simdjson::SUCCESS;
}

simdjson::error_code MessageReader::read_reference(od::value& v, const ChunkMap& map, Message& m) {
  if (shape_of(v) != ValueShape::Object) {
    if (shape_of(v) != ValueShape::Null) m.issues |= telegram::kIssueReply;
    return consume_value(v);
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
      CHATLENS_TRY(consume_value(value));
    } else {
      CHATLENS_TRY(consume_value(value, 2));
    }
  }
  return simdjson::SUCCESS;
}

// {timestamp, timestampEdited, content, attachments, embeds, stickers} (2.47+).
simdjson::error_code MessageReader::read_forwarded(od::value& v, const ChunkMap& map, Message& m) {
  if (shape_of(v) != ValueShape::Object) return consume_value(v);
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
    } else {
      CHATLENS_TRY(consume_value(value, 2));
    }
  }
  return simdjson::SUCCESS;
}

simdjson::error_code MessageReader::read(od::object& object, const ChunkMap& map, Message& m) {
  for (auto field_result : object) {
    od::field field;
    CHATLENS_TRY(std::move(field_result).get(field));
    od::value value = field.value();
    const od::raw_json_string key = field.key();
    if (key.unsafe_is_equal("id")) {
      CHATLENS_TRY(string_field(value, map, m.id, telegram::kIssueId, m));
    } else if (key.unsafe_is_equal("type")) {
      if (raw_string(value, m.type_name))
        m.type = parse_type(m.type_name);
      else if (shape_of(value) != ValueShape::Null)
        m.issues |= telegram::kIssueType;
      CHATLENS_TRY(consume_value(value));
    } else if (key.unsafe_is_equal("timestamp")) {
      CHATLENS_TRY(string_field(value, map, m.timestamp, telegram::kIssueDate, m));
    } else if (key.unsafe_is_equal("timestampEdited")) {
      m.edited = shape_of(value) == ValueShape::String;
      CHATLENS_TRY(consume_value(value));
    } else if (key.unsafe_is_equal("callEndedTimestamp")) {
      CHATLENS_TRY(string_field(value, map, m.call_ended, telegram::kIssueDate, m));
    } else if (key.unsafe_is_equal("content")) {
      CHATLENS_TRY(string_field(value, map, m.content, telegram::kIssueText, m));
    } else if (key.unsafe_is_equal("author")) {
      CHATLENS_TRY(read_author(value, map, m));
    } else if (key.unsafe_is_equal("attachments")) {
      CHATLENS_TRY(count_array(value, m.attachments, telegram::kIssueMedia, m,
                               [&](od::object& o) { return first_named(o, map, "fileName", m.attachment_name, m); }));
    } else if (key.unsafe_is_equal("stickers")) {
      CHATLENS_TRY(count_array(value, m.stickers, telegram::kIssueMedia, m,
                               [&](od::object& o) { return first_named(o, map, "name", m.sticker_name, m); }));
    } else if (key.unsafe_is_equal("reactions")) {
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
              rv.get_int64().get(n) == simdjson::SUCCESS && n > 0 && n < (int64_t{1} << 31)) {
            count = static_cast<uint32_t>(n);
            continue;
          }
          CHATLENS_TRY(consume_value(rv, 2));
        }
        m.reactions += count;
        return simdjson::SUCCESS;
      }));
    } else if (key.unsafe_is_equal("embeds")) {
      CHATLENS_TRY(count_array(value, m.embeds, telegram::kIssueMedia, m, [](od::object& o) -> simdjson::error_code {
        for (auto f : o) {
          od::field ef;
          CHATLENS_TRY(std::move(f).get(ef));
          od::value ev = ef.value();
          CHATLENS_TRY(consume_value(ev, 2));
        }
        return simdjson::SUCCESS;
      }));
    } else if (key.unsafe_is_equal("mentions")) {
      CHATLENS_TRY(count_array(value, m.mentions, telegram::kIssueMedia, m, [](od::object& o) -> simdjson::error_code {
        for (auto f : o) {
          od::field mf;
          CHATLENS_TRY(std::move(f).get(mf));
          od::value mv = mf.value();
          CHATLENS_TRY(consume_value(mv, 2));
        }
        return simdjson::SUCCESS;
      }));
    } else if (key.unsafe_is_equal("reference")) {
      CHATLENS_TRY(read_reference(value, map, m));
    } else if (key.unsafe_is_equal("forwardedMessage")) {
      CHATLENS_TRY(read_forwarded(value, map, m));
    } else {
      CHATLENS_TRY(consume_value(value, 1));  // isPinned, interaction, inlineEmojis, ...
    }
  }
  return simdjson::SUCCESS;
}

}  // namespace chatlens::discord
