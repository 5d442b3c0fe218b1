#pragma once
// One DiscordChatExporter channel while its messages stream past (FORMATS.md §4):
// each message object becomes a corpus message (or a counted skip) when it is read.
//
// Mapping:
//   guild + channel -> the chat: "Guild / #channel" ("Guild / parent / thread" for
//     threads, whose "category" is their parent channel); DMs (guild "0") take the
//     channel name. DirectTextChat -> private, DirectGroupTextChat and guild text
//     channels and threads -> group, GuildNews -> channel.
//   author.id -> the person (a nickname change never splits one); the name is the
//     first nickname seen, else the user name. author.isBot -> a bot (kept, but left
//     out of people-centred insights).
//   timestamp (ISO 8601 with offset) -> local wall clock as written + the instant.
//   timestampEdited -> kEdited; reference.messageId -> reply_to + kReply;
//   reference.type "Forward" or forwardedMessage -> kForwarded (text from the forward
//     when the message has none).
//   attachments -> Media typed by the file's extension; stickers -> Media/Sticker
//     (text the sticker's name when there is no text); Call -> Call;
//   RecipientAdd, ChannelNameChange, ... -> System, sender the author.
//   reactions, embeds and mentions are counted in the input's notes.
//   A message id seen before in the same input (DCE writes duplicates) is skipped and counted.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "import/discord_message.hpp"
#include "import/importer.hpp"
#include "import/telegram_chat.hpp"
#include "import/telegram_stream.hpp"

namespace chatlens::discord {

// The root object's "guild" and "channel" keys.
struct ChannelInfo {
  std::string guild_id, guild_name;
  std::string id, type, name, category;
};

ChatKind channel_kind(std::string_view type);
// "DefleMask / general-chiptune"; the channel alone for DMs and group DMs.
std::string channel_title(const ChannelInfo& info);

struct Tally {
  uint64_t records = 0, duplicates = 0, unknown_type = 0, with_issues = 0;
  uint64_t reactions = 0, embeds = 0, mentions = 0, bots = 0;
  std::string first_unknown_type;
  uint32_t first_issue = 0;
  int64_t first_issue_message = kNoMessageId;
};

class ChatSink final : public telegram::MessageSink {
 public:
  ChatSink(ImportContext& ctx, Tally& tally, telegram::LineCounter& lines) : ctx_(ctx), tally_(tally), lines_(lines) {}

  simdjson::error_code element(simdjson::ondemand::value value, size_t offset, const telegram::ChunkMap& map,
                               bool exact) override;
  void unreadable(size_t offset, SourceMessage reason) override { skip(offset, std::move(reason)); }

  // Creates the chat (once, even when it has no message) and names it.
  void finish(const ChannelInfo& info);

 private:
  ChatId chat();
  PersonId person(const Author& author);
  void commit(size_t offset);
  void skip(size_t offset, SourceMessage reason);

  ImportContext& ctx_;
  Tally& tally_;
  telegram::LineCounter& lines_;
  MessageReader reader_;
  Message message_;
  bool created_ = false;
  ChatId chat_ = 0;
  // Whether message `id` was read before. DCE writes ids in increasing order but for a few, so
  // the increasing run is a sorted list (appending is free) and only the others need a set.
  bool seen_before(int64_t id);

  std::unordered_map<int64_t, PersonId> people_;  // by user id
  int64_t last_author_ = -1;
  PersonId last_person_ = kNoPerson;
  std::vector<int64_t> increasing_;
  std::unordered_set<int64_t> out_of_order_;
  std::string text_;
};

}  // namespace chatlens::discord
