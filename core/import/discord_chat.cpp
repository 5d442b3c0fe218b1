#include "import/discord_chat.hpp"

#include <algorithm>

#include "import/signal_content.hpp"
#include "import/telegram_text.hpp"
#include "model/iso8601.hpp"
#include "text/utf8.hpp"

namespace chatlens::discord {
namespace {

namespace od = simdjson::ondemand;

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

bool is_thread(std::string_view type) { return type.size() > 6 && type.substr(type.size() - 6) == "Thread"; }

}  // namespace

ChatKind channel_kind(std::string_view type) {
  if (type == "DirectTextChat") return ChatKind::Private;
  if (type == "GuildNews") return ChatKind::Channel;
  if (type == "DirectGroupTextChat" || starts_with(type, "Guild")) return ChatKind::Group;
  return ChatKind::Unknown;
}

std::string channel_title(const ChannelInfo& info) {
  const std::string name = normalize_name(info.name);
  const bool direct = info.guild_id == "0" || starts_with(info.type, "Direct");
  if (direct || info.guild_name.empty()) return name;
  std::string title = normalize_name(info.guild_name);
  // For threads "category" is the parent channel.
  if (is_thread(info.type) && !info.category.empty()) title += " / " + normalize_name(info.category);
  return title + " / " + name;
}

ChatId ChatSink::chat() {
  if (!created_) {
    ChatDraft draft;
    draft.platform = Platform::Discord;
    draft.source = ctx_.source;
    chat_ = ctx_.builder.add_chat(std::move(draft));
    created_ = true;
  }
  return chat_;
}

void ChatSink::finish(const ChannelInfo& info) {
  Chat& chat = ctx_.builder.chat(this->chat());
  chat.title = channel_title(info);
  if (chat.title.empty()) chat.title = std::string(ctx_.title_hint);
  chat.kind = channel_kind(info.type);
  chat.platform_id = info.id;
}

PersonId ChatSink::person(const Author& author) {
  if (!author.present) return kNoPerson;
  int64_t id = 0;
  const bool by_id = parse_snowflake(author.id, id);
  if (by_id) {
    if (id == last_author_) return last_person_;
    if (auto it = people_.find(id); it != people_.end()) {
      last_author_ = id;
      return last_person_ = it->second;
    }
  }
  const std::string name = normalize_name(author.nickname.empty() ? author.name : author.nickname);
  if (!by_id && name.empty()) return kNoPerson;
  const PersonId p = ctx_.builder.person(Platform::Discord, name, by_id ? author.id : std::string_view());
  if (author.is_bot && !ctx_.builder.person_info(p).is_bot) {
    ctx_.builder.declare_bot(p);
    ++tally_.bots;
  }
  if (by_id) people_.emplace(id, p);
  return p;
}

simdjson::error_code ChatSink::element(od::value value, size_t offset, const telegram::ChunkMap& map, bool exact) {
  if (telegram::shape_of(value) != telegram::ValueShape::Object) {
    // With guessed chunk boundaries this may be a cut through a message: read it again exactly.
    if (!exact) return simdjson::INCORRECT_TYPE;
    CHATLENS_TRY(telegram::consume_value(value));
    skip(offset, {"input.not_a_message_object"});
    return simdjson::SUCCESS;
  }
  od::object object;
  CHATLENS_TRY(value.get_object().get(object));
  message_ = Message{};
  CHATLENS_TRY(reader_.read(object, map, message_));
  commit(offset);
  return simdjson::SUCCESS;
}

void ChatSink::skip(size_t offset, SourceMessage reason) {
  const std::string_view rest = ctx_.bytes.substr(std::min(offset, ctx_.bytes.size()));
  ctx_.report.skip(lines_.line_at(offset), offset, std::move(reason), rest.substr(0, 200));
}

bool ChatSink::seen_before(int64_t id) {
  if (increasing_.empty() || id > increasing_.back()) {
    increasing_.push_back(id);
    return false;
  }
  if (std::binary_search(increasing_.begin(), increasing_.end(), id)) return true;
  return !out_of_order_.insert(id).second;
}

void ChatSink::commit(size_t offset) {
  const Message& m = message_;
  int64_t id = kNoMessageId;
  if (!parse_snowflake(m.id, id)) id = kNoMessageId;
  auto with_id = [&](std::string_view key) {
    SourceMessage reason{std::string(key)};
    if (id != kNoMessageId) reason.params["id"] = id;
    return reason;
  };
  if (id != kNoMessageId && seen_before(id)) {
    ++tally_.duplicates;
    return skip(offset, with_id("input.duplicate_message"));
  }
  if (m.timestamp.empty()) return skip(offset, with_id("input.message_without_date"));
  const std::optional<IsoDateTime> when = parse_iso8601(m.timestamp);
  if (!when) {
    SourceMessage reason = with_id("input.unreadable_date");
    reason.params["date"] = utf8_excerpt(m.timestamp, 40);
    return skip(offset, std::move(reason));
  }

  MessageDraft draft;
  draft.chat = chat();
  draft.time = when->local;
  draft.utc = when->utc;
  draft.platform_id = id;
  draft.sender = person(m.author);
  draft.text = m.content;

  if (m.type == MessageType::Unknown && tally_.unknown_type++ == 0)
    tally_.first_unknown_type = utf8_excerpt(m.type_name, 60);
  if (m.issues && tally_.with_issues++ == 0) {
    tally_.first_issue = m.issues;
    tally_.first_issue_message = id;
  }

  if (is_system(m.type)) {
    draft.kind = MessageKind::System;
  } else if (m.type == MessageType::Call) {
    draft.kind = MessageKind::Call;
  } else if (m.stickers > 0) {
    draft.kind = MessageKind::Media;
    draft.media = MediaKind::Sticker;
    if (draft.text.empty()) draft.text = m.sticker_name;
  } else if (m.attachments > 0) {
    // The same extension lists as signal-export's: images, audio, video, else a document.
    draft.kind = MessageKind::Media;
    draft.media = signal::media_of_file(m.attachment_name);
  }
  if (m.forwarded) {
    draft.flags |= kForwarded;
    if (draft.text.empty()) draft.text = m.forwarded_content;
  }
  if (m.edited) draft.flags |= kEdited;
  int64_t reply_to = 0;
  if (!m.forwarded && !m.reply_to.empty() && parse_snowflake(m.reply_to, reply_to)) {
    draft.flags |= kReply;
    draft.reply_to = reply_to;
  }
  if (draft.sender != kNoPerson && ctx_.builder.person_info(draft.sender).first_line == 0)
    ctx_.builder.note_first_seen(draft.sender, ctx_.source, lines_.line_at(offset));
  tally_.reactions += m.reactions;
  tally_.embeds += m.embeds;
  tally_.mentions += m.mentions;
  ctx_.builder.add(draft);
  ++tally_.records;
}

}  // namespace chatlens::discord
