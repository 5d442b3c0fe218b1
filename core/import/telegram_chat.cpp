#include "import/telegram_chat.hpp"

#include <algorithm>

#include "import/telegram_service.hpp"
#include "import/telegram_text.hpp"
#include "text/utf8.hpp"

namespace chatlens::telegram {
namespace {

namespace od = simdjson::ondemand;

constexpr size_t kMaxTrackedSenders = 8;

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

MediaKind media_kind(std::string_view media_type) {
  if (media_type.empty()) return MediaKind::Document;
  if (media_type == "sticker") return MediaKind::Sticker;
  if (media_type == "video_message" || media_type == "video_file") return MediaKind::Video;
  if (media_type == "voice_message") return MediaKind::Voice;
  if (media_type == "audio_file") return MediaKind::Audio;
  if (media_type == "animation") return MediaKind::Gif;
  return MediaKind::Other;
}

}  // namespace

uint64_t LineCounter::line_at(size_t offset) {
  if (scan_) return scan_->line_at(offset);
  offset = std::min(offset, bytes_.size());
  // Backwards (an element read again) by counting back, not from the start: the input
  // behind the importer may have been released, and reading it all again costs.
  const auto at = [this](size_t o) { return bytes_.begin() + static_cast<std::ptrdiff_t>(o); };
  if (offset < pos_)
    line_ -= static_cast<uint64_t>(std::count(at(offset), at(pos_), '\n'));
  else
    line_ += static_cast<uint64_t>(std::count(at(pos_), at(offset), '\n'));
  pos_ = offset;
  return line_;
}

std::string_view LineCounter::text_at(size_t offset, size_t n) {
  if (scan_) return scan_->view(offset, n).substr(0, n);
  return bytes_.substr(std::min(offset, bytes_.size()), n);
}

ChatKind chat_kind(std::string_view type) {
  if (type == "personal_chat" || type == "bot_chat") return ChatKind::Private;
  if (type == "saved_messages") return ChatKind::Saved;
  if (ends_with(type, "_group") || ends_with(type, "_supergroup")) return ChatKind::Group;
  if (ends_with(type, "_channel")) return ChatKind::Channel;
  return ChatKind::Unknown;
}

ChatId ChatSink::chat() {
  if (!created_) {
    ChatDraft draft;
    draft.platform = Platform::Telegram;
    draft.source = ctx_.source;
    chat_ = ctx_.builder.add_chat(std::move(draft));
    created_ = true;
    ++tally_.chats;
  }
  return chat_;
}

ChatId ChatSink::finish(const ChatInfo& info, std::string_view title_hint) {
  Chat& chat = ctx_.builder.chat(this->chat());
  if (!info.name.empty())
    chat.title = normalize_name(info.name);
  else if (info.type == "saved_messages")
    chat.title = "Saved Messages";
  else if (info.type == "replies")
    chat.title = "Replies";
  else if (info.type == "verification_codes")
    chat.title = "Verification Codes";
  else if (info.name_null)
    chat.title = "Deleted Account";
  else
    chat.title = std::string(title_hint);
  chat.kind = chat_kind(info.type);
  chat.platform_id = info.id;
  return chat_;
}

simdjson::error_code ChatSink::element(od::value value, size_t offset, const ChunkMap& map, bool exact) {
  if (shape_of(value) != ValueShape::Object) {
    // With guessed chunk boundaries this may be a cut through a message: read it again exactly.
    if (!exact) return simdjson::INCORRECT_TYPE;
    CHATLENS_TRY(consume_value(value));
    skip(offset, {"input.not_a_message_object"});
    return simdjson::SUCCESS;
  }
  od::object object;
  CHATLENS_TRY(value.get_object().get(object));
  message_.clear();
  CHATLENS_TRY(reader_.read(object, map, message_));
  commit(offset);
  return simdjson::SUCCESS;
}

void ChatSink::skip(size_t offset, SourceMessage reason) {
  const uint64_t line = lines_.line_at(offset);
  ctx_.report.skip(line, offset, std::move(reason), lines_.text_at(offset, 200));
}

void ChatSink::note_sender(PersonId p) {
  if (p == last_sender_ || too_many_senders_) return;
  last_sender_ = p;
  if (std::find(senders_.begin(), senders_.end(), p) != senders_.end()) return;
  if (senders_.size() == kMaxTrackedSenders) {
    too_many_senders_ = true;
    return;
  }
  senders_.push_back(p);
}

void ChatSink::commit(size_t offset) {
  const Message& m = message_;
  // The message's id, when it has one, is a parameter: "... (id 12)".
  auto with_id = [&](std::string_view key) {
    SourceMessage reason{std::string(key)};
    if (m.id != kNoMessageId) reason.params["id"] = m.id;
    return reason;
  };
  if (m.type == MessageType::Unsupported) return skip(offset, with_id("input.unsupported_message"));

  MessageDraft draft;
  const int64_t utc = m.utc != kNoUtc ? m.utc : m.date_utc;
  if (m.has_local) {
    draft.time = m.local;
  } else if (utc != kNoUtc) {
    draft.time = LocalTime{utc};
    ++tally_.local_from_utc;
  } else if (!m.bad_date.empty()) {
    // Say what was there: "without a date" would send the reader looking for a missing key.
    std::string_view shown = m.bad_date.substr(0, 40);
    while (shown.size() < m.bad_date.size() && !shown.empty() &&
           (static_cast<unsigned char>(m.bad_date[shown.size()]) & 0xC0) == 0x80)
      shown.remove_suffix(1);  // not inside a character
    SourceMessage reason = with_id("input.unreadable_date");
    reason.params["date"] = std::string(shown) + (shown.size() < m.bad_date.size() ? "…" : "");
    return skip(offset, std::move(reason));
  } else {
    return skip(offset, with_id("input.message_without_date"));
  }
  draft.chat = chat();
  draft.utc = utc;
  draft.platform_id = m.id;

  if (m.type == MessageType::Unknown && tally_.unknown_type++ == 0)
    tally_.first_unknown_type = std::string(m.type_name.substr(0, 60));
  if (m.issues && tally_.with_issues++ == 0) {
    tally_.first_issue = m.issues;
    tally_.first_issue_message = m.id;
  }

  if (m.type == MessageType::Service) {
    draft.sender = people_.resolve(m.actor.present() ? m.actor : m.from);
    draft.kind = service_kind(m);
    draft.text = describe_service(m, service_text_);
  } else {
    draft.sender = people_.resolve(m.from);
    content(draft);
    if (draft.sender != kNoPerson) note_sender(draft.sender);
  }
  if (draft.sender != kNoPerson && ctx_.builder.person_info(draft.sender).first_line == 0)
    ctx_.builder.note_first_seen(draft.sender, ctx_.source, lines_.line_at(offset));
  if (m.edited) draft.flags |= kEdited;
  if (m.forwarded) draft.flags |= kForwarded;
  if (m.reply_to != kNoMessageId) {
    draft.flags |= kReply;
    draft.reply_to = m.reply_to;
  }
  ctx_.builder.add(draft);
  ++tally_.records;
}

void ChatSink::content(MessageDraft& draft) {
  const Message& m = message_;
  draft.text = m.text;
  if (m.poll) {
    draft.kind = MessageKind::Poll;
    draft.text = m.poll_text;
  } else if (m.contact) {
    draft.kind = MessageKind::Contact;
    if (draft.text.empty()) draft.text = m.contact_name;
  } else if (m.location) {
    draft.kind = MessageKind::Location;
    if (draft.text.empty() && !m.place_name.empty()) {
      venue_text_.assign(m.place_name);
      if (!m.address.empty()) venue_text_.append(", ").append(m.address);
      draft.text = venue_text_;
    }
  } else if (m.photo) {
    draft.kind = MessageKind::Media;
    draft.media = MediaKind::Image;
  } else if (m.file || !m.media_type.empty()) {
    draft.kind = MessageKind::Media;
    draft.media = media_kind(m.media_type);
    if (draft.media == MediaKind::Sticker && draft.text.empty()) draft.text = m.sticker_emoji;
  }
}

}  // namespace chatlens::telegram
