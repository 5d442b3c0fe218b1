#include "import/telegram_message.hpp"

#include <cstring>

#include "import/telegram_text.hpp"
#include "model/iso8601.hpp"

namespace chatlens::telegram {
namespace {

namespace od = simdjson::ondemand;

enum class Key : uint8_t {
  Unknown,
  Id,
  Type,
  Date,
  DateUnixtime,
  Edited,
  EditedUnixtime,
  From,
  FromId,
  Actor,
  ActorId,
  Text,
  TextEntities,
  Photo,
  File,
  MediaType,
  StickerEmoji,
  Poll,
  ContactInformation,
  LocationInformation,
  PlaceName,
  Address,
  ReplyToMessageId,
  ForwardedFrom,
  Action,
  Title,
  NewTitle,
  Members,
  DurationSeconds,
  DiscardReason,
  MessageId,
  InformationText,
  Inviter,
};

// Keys are compared as written; an escaped key (never produced by Telegram) is unknown.
Key classify(const od::raw_json_string& raw) {
  const char* k = raw.raw();
  size_t n = 0;
  while (k[n] != '"') {
    if (k[n] == '\\') return Key::Unknown;
    ++n;
  }
  const std::string_view key(k, n);
  switch (n) {
    case 2:
      if (key == "id") return Key::Id;
      break;
    case 4:
      if (key == "type") return Key::Type;
      if (key == "date") return Key::Date;
      if (key == "text") return Key::Text;
      if (key == "from") return Key::From;
      if (key == "file") return Key::File;
      if (key == "poll") return Key::Poll;
      break;
    case 5:
      if (key == "photo") return Key::Photo;
      if (key == "actor") return Key::Actor;
      if (key == "title") return Key::Title;
      break;
    case 6:
      if (key == "edited") return Key::Edited;
      if (key == "action") return Key::Action;
      break;
    case 7:
      if (key == "from_id") return Key::FromId;
      if (key == "members") return Key::Members;
      if (key == "address") return Key::Address;
      if (key == "inviter") return Key::Inviter;
      break;
    case 8:
      if (key == "actor_id") return Key::ActorId;
      break;
    case 9:
      if (key == "new_title") return Key::NewTitle;
      break;
    case 10:
      if (key == "media_type") return Key::MediaType;
      if (key == "place_name") return Key::PlaceName;
      if (key == "message_id") return Key::MessageId;
      break;
    case 13:
      if (key == "date_unixtime") return Key::DateUnixtime;
      if (key == "text_entities") return Key::TextEntities;
      if (key == "sticker_emoji") return Key::StickerEmoji;
      break;
    case 14:
      if (key == "forwarded_from") return Key::ForwardedFrom;
      if (key == "discard_reason") return Key::DiscardReason;
      break;
    case 15:
      if (key == "edited_unixtime") return Key::EditedUnixtime;
      break;
    case 16:
      if (key == "duration_seconds") return Key::DurationSeconds;
      if (key == "information_text") return Key::InformationText;
      break;
    case 19:
      if (key == "reply_to_message_id") return Key::ReplyToMessageId;
      if (key == "contact_information") return Key::ContactInformation;
      break;
    case 20:
      if (key == "location_information") return Key::LocationInformation;
      break;
    default: break;
  }
  return Key::Unknown;
}

// Old exports write "edited" on every message, with the epoch-0 local date
// when it was never edited; whatever the time zone, that is before 1971.
constexpr int64_t kRealEditAfter = LocalTime::from_civil(1971, 1, 1, 0, 0, 0).seconds;
bool is_real_edit(std::string_view date) {
  int year = 0;
  for (size_t i = 0; i < 4; ++i) {
    if (i >= date.size() || date[i] < '0' || date[i] > '9') return false;
    year = year * 10 + (date[i] - '0');
  }
  return year >= 1971;
}

// Two digits at s[at], or -1.
int two_digits(std::string_view s, size_t at) {
  const unsigned a = static_cast<unsigned>(s[at] - '0'), b = static_cast<unsigned>(s[at + 1] - '0');
  return a <= 9 && b <= 9 ? static_cast<int>(a * 10 + b) : -1;
}

std::string_view trim_token(std::string_view token) {
  while (!token.empty() &&
         (token.back() == ' ' || token.back() == '\n' || token.back() == '\r' || token.back() == '\t'))
    token.remove_suffix(1);
  return token;
}

// An integer written as a number or as a string of digits.
simdjson::error_code read_int(od::value& v, int64_t& out, bool& ok) {
  ok = false;
  switch (shape_of(v)) {
    case ValueShape::Number: {
      int64_t n = 0;
      // A non-integer is a schema issue; broken JSON surfaces at the next field.
      if (v.get_int64().get(n) == simdjson::SUCCESS) ok = true, out = n;
      return simdjson::SUCCESS;
    }
    case ValueShape::String: {
      std::string_view s;
      int64_t n = 0;
      if (raw_string(v, s) && parse_int64(s, n)) ok = true, out = n;
      return simdjson::SUCCESS;
    }
    default: return simdjson::SUCCESS;
  }
}

// A string compared or parsed as written (never kept): false, and `issue`
// noted unless it is null, when the value is not a string.
bool read_raw_field(od::value& v, std::string_view& out, uint32_t issue, Message& m) {
  if (raw_string(v, out)) return true;
  if (shape_of(v) != ValueShape::Null) m.issues |= issue;
  return false;
}

// A string-valued key: sets `out`, or notes `issue` when the value is not a string.
simdjson::error_code read_string_field(od::value& v, const ChunkMap& map, std::string_view& out, uint32_t issue,
                                       Message& m) {
  if (shape_of(v) != ValueShape::String) {
    if (shape_of(v) != ValueShape::Null) m.issues |= issue;
    return simdjson::SUCCESS;
  }
  return read_string(v, map, out);
}

simdjson::error_code read_peer_name(od::value& v, const ChunkMap& map, Peer& peer, Message& m) {
  const ValueShape shape = shape_of(v);
  if (shape == ValueShape::Null) {
    peer.has_name = true;  // a deleted account
    peer.name = {};
    return simdjson::SUCCESS;
  }
  if (shape != ValueShape::String) {
    m.issues |= kIssueFrom;
    return simdjson::SUCCESS;
  }
  peer.has_name = true;
  return read_string(v, map, peer.name);
}

}  // namespace

void Message::clear() {
  std::vector<std::string_view> keep = std::move(members);
  keep.clear();
  *this = Message{};
  members = std::move(keep);
}

std::string_view describe_issue(uint32_t issue) {
  if (issue & kIssueText) return "input.issue_text";
  if (issue & kIssueId) return "input.issue_id";
  if (issue & kIssueType) return "input.issue_type";
  if (issue & kIssueDate) return "input.issue_date";
  if (issue & kIssueFrom) return "input.issue_from";
  if (issue & kIssueReply) return "input.issue_reply";
  if (issue & kIssueMedia) return "input.issue_media";
  if (issue & kIssueService) return "input.issue_service";
  return "input.issue_other";
}

simdjson::error_code MessageReader::read_peer_id(od::value& v, const ChunkMap& map, std::string& buffer, Peer& peer,
                                                 Message& m) {
  switch (shape_of(v)) {
    case ValueShape::String: peer.has_id = true; return read_string(v, map, peer.id);
    case ValueShape::Number: {
      // v1.4.8 to v2.7.1 wrote bare integers; later versions "user<n>".
      const std::string_view digits = trim_token(v.raw_json_token());
      int64_t n = 0;
      if (!parse_int64(digits, n)) {
        m.issues |= kIssueFrom;
        return simdjson::SUCCESS;
      }
      buffer.assign("user");
      buffer.append(digits.data(), digits.size());
      peer.has_id = true;
      peer.id = buffer;
      return simdjson::SUCCESS;
    }
    case ValueShape::Null: return simdjson::SUCCESS;
    default: m.issues |= kIssueFrom; return simdjson::SUCCESS;
  }
}

simdjson::error_code MessageReader::read_poll(od::value& v, const ChunkMap& map, Message& m) {
  od::object poll;
  CHATLENS_TRY(v.get_object().get(poll));
  std::string_view question;
  std::string question_copy;
  poll_buffer_.clear();  // the answers, each after a newline
  for (auto field_result : poll) {
    od::field field;
    CHATLENS_TRY(std::move(field_result).get(field));
    od::value value = field.value();
    if (field.key().unsafe_is_equal("question")) {
      ValueShape shape;
      CHATLENS_TRY(read_text(value, map, part_buffer_, question, shape));
      question_copy.assign(question.data(), question.size());  // part_buffer_ is reused by the answers
      question = question_copy;
    } else if (field.key().unsafe_is_equal("answers") && shape_of(value) == ValueShape::Array) {
      od::array answers;
      CHATLENS_TRY(value.get_array().get(answers));
      for (auto answer_result : answers) {
        od::value answer;
        CHATLENS_TRY(answer_result.get(answer));
        if (shape_of(answer) != ValueShape::Object) {
          CHATLENS_TRY(consume_value(answer));
          continue;
        }
        od::object answer_object;
        CHATLENS_TRY(answer.get_object().get(answer_object));
        for (auto answer_field : answer_object) {
          od::field f;
          CHATLENS_TRY(std::move(answer_field).get(f));
          if (!f.key().unsafe_is_equal("text")) continue;
          std::string_view text;
          ValueShape shape;
          CHATLENS_TRY(read_text(f.value(), map, part_buffer_, text, shape));
          poll_buffer_ += '\n';
          poll_buffer_.append(text.data(), text.size());
        }
      }
    }
  }
  poll_buffer_.insert(0, question);
  m.poll = true;
  m.poll_text = poll_buffer_;
  return simdjson::SUCCESS;
}

simdjson::error_code MessageReader::read_contact(od::value& v, const ChunkMap& map, Message& m) {
  od::object contact;
  CHATLENS_TRY(v.get_object().get(contact));
  std::string_view first, last;
  for (auto field_result : contact) {
    od::field field;
    CHATLENS_TRY(std::move(field_result).get(field));
    od::value value = field.value();
    // The phone number is left out on purpose: reports never need it.
    if (field.key().unsafe_is_equal("first_name"))
      CHATLENS_TRY(read_string_field(value, map, first, kIssueMedia, m));
    else if (field.key().unsafe_is_equal("last_name"))
      CHATLENS_TRY(read_string_field(value, map, last, kIssueMedia, m));
  }
  contact_buffer_.assign(first.data(), first.size());
  if (!first.empty() && !last.empty()) contact_buffer_ += ' ';
  contact_buffer_.append(last.data(), last.size());
  m.contact = true;
  m.contact_name = contact_buffer_;
  return simdjson::SUCCESS;
}

simdjson::error_code MessageReader::read_members(od::value& v, const ChunkMap& map, Message& m) {
  od::array members;
  CHATLENS_TRY(v.get_array().get(members));
  for (auto member_result : members) {
    od::value member;
    CHATLENS_TRY(member_result.get(member));
    std::string_view name;
    if (shape_of(member) == ValueShape::String) {
      CHATLENS_TRY(read_string(member, map, name));
    } else if (shape_of(member) != ValueShape::Null) {
      m.issues |= kIssueService;
      CHATLENS_TRY(consume_value(member));
      continue;
    }
    m.members.push_back(name);
  }
  return simdjson::SUCCESS;
}

simdjson::error_code MessageReader::read(od::object& object, const ChunkMap& map, Message& m) {
  for (auto field_result : object) {
    od::field field;
    CHATLENS_TRY(std::move(field_result).get(field));
    const Key key = classify(field.key());
    if (key == Key::Unknown) continue;  // skipped by the iterator
    od::value& v = field.value();
    bool ok = false;
    switch (key) {
      case Key::Unknown: break;
      case Key::Id:
        CHATLENS_TRY(read_int(v, m.id, ok));
        if (!ok) m.issues |= kIssueId, m.id = kNoMessageId;
        break;
      case Key::Type: {
        std::string_view type;
        if (!read_raw_field(v, type, kIssueType, m)) break;
        m.has_type = true;
        m.type_name = type;
        m.type = type == "message"       ? MessageType::Message
                 : type == "service"     ? MessageType::Service
                 : type == "unsupported" ? MessageType::Unsupported
                                         : MessageType::Unknown;
        break;
      }
      case Key::Date: {
        std::string_view date;
        if (!read_raw_field(v, date, kIssueDate, m)) {
          if (shape_of(v) != ValueShape::Null) m.bad_date = trim_token(v.raw_json_token());
          break;
        }
        if (dates_.parse(date, m.local)) {
          m.has_local = true;
        } else if (const std::optional<IsoDateTime> iso = parse_iso8601(date)) {
          // Other tools and older exporters: fractions of a second, "Z" or an offset.
          m.has_local = true;
          m.local = iso->local;
          m.date_utc = iso->utc;
        } else {
          m.issues |= kIssueDate;
          m.bad_date = date;
        }
        break;
      }
      case Key::DateUnixtime: {
        int64_t t = 0;
        CHATLENS_TRY(read_int(v, t, ok));
        if (ok) {
          m.utc = t;
        } else {
          m.issues |= kIssueDate;
          if (m.bad_date.empty()) m.bad_date = trim_token(v.raw_json_token());
        }
        break;
      }
      case Key::Edited: {
        std::string_view date;
        if (read_raw_field(v, date, kIssueDate, m)) m.edited |= is_real_edit(date);
        break;
      }
      case Key::EditedUnixtime: {
        int64_t t = 0;
        CHATLENS_TRY(read_int(v, t, ok));
        if (ok) m.edited |= t >= kRealEditAfter;
        break;
      }
      case Key::From: CHATLENS_TRY(read_peer_name(v, map, m.from, m)); break;
      case Key::FromId: CHATLENS_TRY(read_peer_id(v, map, from_id_buffer_, m.from, m)); break;
      case Key::Actor: CHATLENS_TRY(read_peer_name(v, map, m.actor, m)); break;
      case Key::ActorId: CHATLENS_TRY(read_peer_id(v, map, actor_id_buffer_, m.actor, m)); break;
      case Key::Text:
      case Key::TextEntities: {
        // Both hold the same parts; whichever readable one comes first is enough.
        if (key == Key::TextEntities && m.has_text) break;
        std::string_view text;
        ValueShape shape;
        CHATLENS_TRY(read_text(v, map, text_buffer_, text, shape));
        if (shape == ValueShape::String || shape == ValueShape::Array || shape == ValueShape::Null) {
          m.text = text;
          m.has_text = true;
        } else {
          m.issues |= kIssueText;
        }
        break;
      }
      case Key::Photo: m.photo = true; break;
      case Key::File: m.file = true; break;
      case Key::MediaType: read_raw_field(v, m.media_type, kIssueMedia, m); break;
      case Key::StickerEmoji: CHATLENS_TRY(read_string_field(v, map, m.sticker_emoji, kIssueMedia, m)); break;
      case Key::Poll:
        if (shape_of(v) == ValueShape::Object)
          CHATLENS_TRY(read_poll(v, map, m));
        else
          m.issues |= kIssueMedia;
        break;
      case Key::ContactInformation:
        if (shape_of(v) == ValueShape::Object)
          CHATLENS_TRY(read_contact(v, map, m));
        else
          m.issues |= kIssueMedia;
        break;
      case Key::LocationInformation: m.location = true; break;
      case Key::PlaceName: CHATLENS_TRY(read_string_field(v, map, m.place_name, kIssueMedia, m)); break;
      case Key::Address: CHATLENS_TRY(read_string_field(v, map, m.address, kIssueMedia, m)); break;
      case Key::ReplyToMessageId:
        CHATLENS_TRY(read_int(v, m.reply_to, ok));
        if (!ok) m.issues |= kIssueReply, m.reply_to = kNoMessageId;
        break;
      case Key::ForwardedFrom: m.forwarded = true; break;  // null: forwarded from a hidden account
      case Key::Action:
        CHATLENS_TRY(read_string_field(v, map, m.action, kIssueService, m));
        m.has_action = !m.action.empty();
        break;
      case Key::Title:
      case Key::NewTitle: CHATLENS_TRY(read_string_field(v, map, m.title, kIssueService, m)); break;
      case Key::Members:
        if (shape_of(v) == ValueShape::Array)
          CHATLENS_TRY(read_members(v, map, m));
        else
          m.issues |= kIssueService;
        break;
      case Key::DurationSeconds:
        CHATLENS_TRY(read_int(v, m.duration_seconds, ok));
        if (!ok) m.duration_seconds = -1;
        break;
      case Key::DiscardReason: CHATLENS_TRY(read_string_field(v, map, m.discard_reason, kIssueService, m)); break;
      case Key::MessageId:
        CHATLENS_TRY(read_int(v, m.pinned_message, ok));
        if (!ok) m.pinned_message = kNoMessageId;
        break;
      case Key::InformationText: CHATLENS_TRY(read_string_field(v, map, m.information_text, kIssueService, m)); break;
      case Key::Inviter: CHATLENS_TRY(read_string_field(v, map, m.inviter, kIssueService, m)); break;
    }
  }
  return simdjson::SUCCESS;
}

bool LocalTimeParser::parse(std::string_view s, LocalTime& out) {
  if (s.size() != 19 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != ' ') || s[13] != ':' || s[16] != ':')
    return false;
  const int h = two_digits(s, 11), mi = two_digits(s, 14), sec = two_digits(s, 17);
  if (h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 60) return false;
  if (!has_day_ || std::memcmp(s.data(), day_text_, sizeof day_text_) != 0) {
    const int century = two_digits(s, 0), year = two_digits(s, 2), mo = two_digits(s, 5), d = two_digits(s, 8);
    if (century < 0 || year < 0 || !is_valid_date(century * 100 + year, mo, d)) return false;
    day_ = days_from_civil(century * 100 + year, static_cast<unsigned>(mo), static_cast<unsigned>(d));
    std::memcpy(day_text_, s.data(), sizeof day_text_);
    has_day_ = true;
  }
  out = LocalTime{day_ * 86400 + h * 3600 + mi * 60 + sec};
  return true;
}

bool parse_int64(std::string_view s, int64_t& out) {
  const bool negative = !s.empty() && s[0] == '-';
  if (negative) s.remove_prefix(1);
  if (s.empty() || s.size() > 18) return false;
  int64_t value = 0;
  for (const char c : s) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  out = negative ? -value : value;
  return true;
}

}  // namespace chatlens::telegram
