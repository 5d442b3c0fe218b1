// DiscordChatExporter JSON (FORMATS.md §4): each quirk with an inline export written
// the way JsonMessageWriter.cs writes it (pretty-printed), plus a minified one.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "import/discord_chat.hpp"
#include "import/import_session.hpp"
#include "insights/derived_data.hpp"
#include "model/identity.hpp"
#include "test_today.hpp"
#include "whatsapp_test_util.hpp"

using namespace chatlens;
using namespace chatlens::testing;
using K = MessageKind;
using M = MediaKind;

namespace {

struct Author {
  std::string id = "111111111111111111", name = "mlomb", nickname = "mlomb";
  bool bot = false;
};

struct Msg {
  Msg(std::string id, std::string timestamp, std::string content, Author author = {}, std::string type = "Default",
      std::string extra = {})
      : id(std::move(id)),
        timestamp(std::move(timestamp)),
        content(std::move(content)),
        author(std::move(author)),
        type(std::move(type)),
        extra(std::move(extra)) {}
  std::string id, timestamp, content;
  Author author;
  std::string type;
  std::string extra;  // more members, each starting with ",\n"
};

std::string author_json(const Author& a) {
  std::string s = "{\n        \"id\": \"" + a.id + "\",\n        \"name\": \"" + a.name +
                  "\",\n        \"discriminator\": \"0000\",\n";
  if (!a.nickname.empty()) s += "        \"nickname\": \"" + a.nickname + "\",\n";
  s += "        \"color\": null,\n        \"isBot\": " + std::string(a.bot ? "true" : "false") +
       ",\n        \"avatarUrl\": \"https://cdn.discordapp.com/embed/avatars/0.png\"\n      }";
  return s;
}

std::string message_json(const Msg& m) {
  return "    {\n      \"id\": \"" + m.id + "\",\n      \"type\": \"" + m.type + "\",\n      \"timestamp\": \"" +
         m.timestamp +
         "\",\n      \"timestampEdited\": null,\n      \"callEndedTimestamp\": null,\n      \"isPinned\": false,\n"
         "      \"content\": \"" +
         m.content + "\",\n      \"author\": " + author_json(m.author) +
         ",\n      \"attachments\": [],\n      \"embeds\": [],\n      \"reactions\": [],\n      \"mentions\": []" +
         m.extra + "\n    }";
}

struct Channel {
  std::string guild_id = "0", guild_name = "Direct Messages";
  std::string id = "530805775262679064", type = "DirectTextChat", category = "Private", name = "Someones name";
  bool exported_at = false;
};

std::string export_json(const std::vector<Msg>& messages, const Channel& c = {}) {
  std::string s =
      "{\n  \"guild\": {\n    \"id\": \"" + c.guild_id + "\",\n    \"name\": \"" + c.guild_name +
      "\",\n    \"iconUrl\": \"x.png\"\n  },\n  \"channel\": {\n    \"id\": \"" + c.id + "\",\n    \"type\": \"" +
      c.type + "\",\n    \"categoryId\": \"1\",\n    \"category\": \"" + c.category + "\",\n    \"name\": \"" + c.name +
      "\",\n    \"topic\": null\n  },\n  \"dateRange\": {\n    \"after\": null,\n    \"before\": null\n  },\n";
  if (c.exported_at) s += "  \"exportedAt\": \"2024-01-01T00:00:00+00:00\",\n";
  s += "  \"messages\": [\n";
  for (size_t i = 0; i < messages.size(); ++i) s += (i ? ",\n" : "") + message_json(messages[i]);
  s += "\n  ],\n  \"messageCount\": " + std::to_string(messages.size()) + "\n}";
  return s;
}

WhatsAppImport import_discord(std::string text, std::string name = "Direct Messages - Someones name [530].json") {
  ImportSession session(kTestToday);
  WhatsAppImport out;
  out.report = session.add(std::move(name), std::move(text));
  out.corpus = std::move(session).finish();
  return out;
}

bool has_note(const SourceReport& r, std::string_view key, uint64_t count) {
  for (const SourceMessage& n : r.notes)
    if (const Json* c = n.params.find("count"); n.key == key && c && c->as_int() == static_cast<int64_t>(count))
      return true;
  return false;
}

const Author kAna{"222222222222222222", "ana_g", "Ana Gómez"};

}  // namespace

TEST(DiscordJson, DirectMessagesAreAPrivateChatNamedAfterTheChannel) {
  auto d = import_discord(export_json({{"530805779645595660", "2019-01-04T17:52:39.762+00:00", "blah"},
                                       {"530805779645595661", "2019-01-04T17:53:00.000+00:00", "hola", kAna}}));
  ASSERT_TRUE(d.report.ok()) << d.report.status;
  EXPECT_EQ(d.report.platform, "discord");
  EXPECT_EQ(d.report.variant, "dce-pre-2.40");
  EXPECT_EQ(d.report.records, 2u);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_TRUE(IsMessage(d, 0, "mlomb", "2019-01-04T17:52:39", K::Text, "blah"));
  EXPECT_TRUE(IsMessage(d, 1, "Ana Gómez", "2019-01-04T17:53:00", K::Text, "hola"));
  EXPECT_EQ(d.chat().platform, Platform::Discord);
  EXPECT_EQ(d.chat().title, "Someones name");
  EXPECT_EQ(d.chat().kind, ChatKind::Private);
  EXPECT_EQ(d.chat().platform_id, "530805775262679064");
  EXPECT_EQ(d.corpus.messages.platform_id[0], 530805779645595660);
  EXPECT_EQ(to_string(Platform::Discord), "discord");
}

TEST(DiscordJson, GuildAndChannelAreTheChatThreadsNameTheirParent) {
  Channel text{"253601524398293010", "DefleMask", "253601524398293010", "GuildTextChat", "Chat",
               "general-chiptune",   true};
  auto d = import_discord(export_json({{"1", "2018-05-20T16:09:44+00:00", "hi"}}, text));
  EXPECT_EQ(d.report.variant, "dce");
  EXPECT_EQ(d.chat().title, "DefleMask / general-chiptune");
  EXPECT_EQ(d.chat().kind, ChatKind::Group);

  Channel thread{"9", "DefleMask", "77", "GuildPublicThread", "general-chiptune", "Best trackers"};
  auto t = import_discord(export_json({{"2", "2018-05-20T16:09:44+00:00", "in a thread"}}, thread));
  EXPECT_EQ(t.chat().title, "DefleMask / general-chiptune / Best trackers");
  EXPECT_EQ(t.chat().kind, ChatKind::Group);

  Channel group{"0", "Direct Messages", "8", "DirectGroupTextChat", "Group", "a group chat"};
  EXPECT_EQ(import_discord(export_json({{"3", "2023-01-17T10:00:00+00:00", "x"}}, group)).chat().kind, ChatKind::Group);
  Channel news{"9", "G", "10", "GuildNews", "Info", "announcements"};
  EXPECT_EQ(import_discord(export_json({{"4", "2023-01-17T10:00:00+00:00", "x"}}, news)).chat().kind,
            ChatKind::Channel);
}

TEST(DiscordJson, APersonIsTheirUserIdWhateverTheNickname) {
  Author renamed = kAna;
  renamed.nickname = "Ana (away)";
  Author no_nickname{"333333333333333333", "theplant", ""};
  auto d = import_discord(export_json({{"1", "2023-01-17T10:00:00+00:00", "a", kAna},
                                       {"2", "2023-01-17T10:01:00+00:00", "b", renamed},
                                       {"3", "2023-01-17T10:02:00+00:00", "c", no_nickname}}));
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d.corpus.messages.sender[0], d.corpus.messages.sender[1]);
  EXPECT_EQ(d.sender(1), "Ana Gómez");  // the first name seen
  EXPECT_EQ(d.corpus.sender(0)->platform_id, "222222222222222222");
  EXPECT_EQ(d.sender(2), "theplant");  // no nickname: the user name
  EXPECT_EQ(d.corpus.people.size(), 2u);
}

TEST(DiscordJson, BotsAreFlaggedAndLeftOutOfPeopleCentredInsights) {
  Author bot{"444444444444444444", "Someones nickname", "", true};
  auto d = import_discord(
      export_json({{"1", "2023-01-17T10:00:00+00:00", "hi", kAna}, {"2", "2023-01-17T10:00:05+00:00", "beep", bot}}));
  ASSERT_EQ(d.size(), 2u);
  EXPECT_TRUE(d.corpus.sender(1)->is_bot);
  EXPECT_FALSE(d.corpus.sender(0)->is_bot);
  EXPECT_TRUE(is_personal(d.corpus, 0));
  EXPECT_FALSE(is_personal(d.corpus, 1));  // kept, but not a person's message
  ASSERT_EQ(d.chat().members.size(), 1u);
  EXPECT_EQ(d.chat().members[0], d.corpus.messages.sender[0]);
  EXPECT_TRUE(has_note(d.report, "input.bots_left_out", 1));
}

TEST(DiscordJson, TimestampsWithOffsetsKeepTheWallClockAndTheInstant) {
  auto d = import_discord(export_json({{"1", "2023-01-17T21:30:00.123+02:00", "a"},
                                       {"2", "2023-01-17T19:31:00Z", "b"},
                                       {"3", "2023-01-17T14:32:00-05:00", "c"}}));
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d.time(0), "2023-01-17T14:32:00");  // by local time
  EXPECT_EQ(d.time(2), "2023-01-17T21:30:00");
  EXPECT_EQ(d.corpus.messages.utc[2], LocalTime::from_civil(2023, 1, 17, 19, 30, 0).seconds);
  EXPECT_EQ(d.corpus.messages.utc[1], LocalTime::from_civil(2023, 1, 17, 19, 31, 0).seconds);
  EXPECT_EQ(d.corpus.messages.utc[0], LocalTime::from_civil(2023, 1, 17, 19, 32, 0).seconds);
}

TEST(DiscordJson, RepliesForwardsAndEdits) {
  Msg reply{"2",
            "2023-01-17T10:01:00+00:00",
            "answer",
            kAna,
            "Reply",
            ",\n      \"reference\": {\n        \"messageId\": \"1\",\n        \"channelId\": \"5\",\n"
            "        \"guildId\": null\n      }"};
  Msg forward{"3",
              "2023-01-17T10:02:00+00:00",
              "",
              kAna,
              "Default",
              ",\n      \"reference\": {\"type\": \"Forward\", \"messageId\": \"99\", \"channelId\": \"6\"},\n"
              "      \"forwardedMessage\": {\"timestamp\": \"2023-01-01T00:00:00+00:00\", \"content\": \"fwd text\", "
              "\"attachments\": [], \"embeds\": [], \"stickers\": []}"};
  Msg edited{"4", "2023-01-17T10:03:00+00:00", "fixed"};
  auto text = export_json({{"1", "2023-01-17T10:00:00+00:00", "question"}, reply, forward, edited});
  const std::string null_edit = "\"timestampEdited\": null";
  text.replace(text.rfind(null_edit), null_edit.size(), "\"timestampEdited\": \"2023-01-17T10:04:00+00:00\"");
  auto d = import_discord(text);
  ASSERT_EQ(d.size(), 4u);
  EXPECT_TRUE(d.corpus.messages.flags[1] & kReply);
  EXPECT_EQ(d.corpus.messages.reply_to[1], 1);
  EXPECT_TRUE(IsMessage(d, 2, "Ana Gómez", "2023-01-17T10:02:00", K::Text, "fwd text"));
  EXPECT_TRUE(d.corpus.messages.flags[2] & kForwarded);
  EXPECT_FALSE(d.corpus.messages.flags[2] & kReply);
  EXPECT_TRUE(d.edited(3));
  EXPECT_FALSE(d.edited(0));
}

TEST(DiscordJson, AttachmentsStickersReactionsEmbedsMentions) {
  Msg photo{"1",
            "2023-01-17T10:00:00+00:00",
            "",
            kAna,
            "Default",
            ",\n      \"attachments\": [{\"id\": \"7\", \"url\": \"u\", \"fileName\": \"cat.PNG\", "
            "\"fileSizeBytes\": 10}, {\"id\": \"8\", \"url\": \"u\", \"fileName\": \"b.mp4\", \"fileSizeBytes\": 1}]"};
  Msg video{"2",       "2023-01-17T10:01:00+00:00",
            "look",    kAna,
            "Default", ",\n      \"attachments\": [{\"id\": \"9\", \"fileName\": \"clip.mp4\"}]"};
  Msg sticker{
      "3",
      "2023-01-17T10:02:00+00:00",
      "",
      kAna,
      "Default",
      ",\n      \"stickers\": [{\"id\": \"5\", \"name\": \"Wave\", \"format\": \"PngAnimated\", "
      "\"sourceUrl\": \"s\"}],\n      \"reactions\": [{\"emoji\": {\"id\": \"\", \"name\": \"\\uD83D\\uDC46\", "
      "\"isAnimated\": false, \"imageUrl\": \"t\"}, \"count\": 42}, {\"emoji\": {\"id\": \"464662216386412545\", "
      "\"name\": \"paul\"}, \"count\": 3, \"users\": [{\"id\": \"1\"}]}],\n      \"embeds\": [{\"title\": "
      "\"x\", \"fields\": [{\"name\": \"a\"}]}],\n      \"mentions\": [{\"id\": \"1\", \"name\": \"mlomb\"}]"};
  auto d = import_discord(export_json({photo, video, sticker}));
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d.kind(0), K::Media);
  EXPECT_EQ(d.media(0), M::Image);  // the first attachment decides
  EXPECT_EQ(d.media(1), M::Video);
  EXPECT_EQ(d.text(1), "look");
  EXPECT_EQ(d.media(2), M::Sticker);
  EXPECT_EQ(d.text(2), "Wave");
  EXPECT_TRUE(has_note(d.report, "input.reactions_read", 45));
  EXPECT_EQ(d.report.lines_skipped, 0u);
}

TEST(DiscordJson, CallsAndSystemMessages) {
  Msg call{"1", "2020-07-17T17:03:14.366+00:00", "Started a call that lasted 251 minutes.", kAna, "Call"};
  call.extra = "";
  Msg rename{"2", "2020-07-17T18:00:00+00:00", "Changed the channel name: a group chat", kAna, "ChannelNameChange"};
  Msg join{"3", "2020-07-17T18:01:00+00:00", "Joined the server.", kAna, "GuildMemberJoin"};
  auto d = import_discord(export_json({call, rename, join}));
  ASSERT_EQ(d.size(), 3u);
  EXPECT_TRUE(IsMessage(d, 0, "Ana Gómez", "2020-07-17T17:03:14", K::Call, "Started a call that lasted 251 minutes."));
  EXPECT_TRUE(IsMessage(d, 1, "Ana Gómez", "2020-07-17T18:00:00", K::System, "Changed the channel name: a group chat"));
  EXPECT_EQ(d.kind(2), K::System);
  EXPECT_FALSE(is_personal(d.corpus, 1));
}

TEST(DiscordJson, DuplicatedMessagesAreSkippedAndCounted) {
  const Msg m{"459136077417021488", "2018-05-20T16:09:44.209+00:00", "twice"};
  auto d = import_discord(export_json({m, m, {"459136077417021489", "2018-05-20T16:10:00+00:00", "once"}}));
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d.report.lines_skipped, 1u);
  ASSERT_FALSE(d.report.skipped_examples.empty());
  EXPECT_EQ(d.report.skipped_examples[0].reason.key, "input.duplicate_message");
  EXPECT_GT(d.report.skipped_examples[0].line, 20u);
  EXPECT_TRUE(has_note(d.report, "input.duplicate_messages", 1));
}

TEST(DiscordJson, EscapesAndSurrogatePairsAreDecoded) {
  auto d = import_discord(export_json({{"1", "2023-01-17T10:00:00+00:00", "up \\uD83D\\uDC46 \\\"quoted\\\"\\nline"}}));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d.text(0), "up \xF0\x9F\x91\x86 \"quoted\"\nline");
}

TEST(DiscordJson, MinifiedExportsAreReadToo) {
  std::string text = export_json({{"1", "2023-01-17T10:00:00+00:00", "a"}, {"2", "2023-01-17T10:01:00+00:00", "b"}});
  std::string minified;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"' && (i == 0 || text[i - 1] != '\\')) in_string = !in_string;
    if (!in_string && (c == ' ' || c == '\n')) continue;
    minified += c;
  }
  auto d = import_discord(minified);
  ASSERT_TRUE(d.report.ok()) << d.report.status;
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d.text(1), "b");
}

TEST(DiscordJson, BadDatesAndUnknownTypesAreReportedNotDropped) {
  Msg bad{"2", "yesterday", "when?"};
  Msg missing{"3", "", "never"};
  Msg future{"4", "2023-01-17T10:05:00+00:00", "new kind", kAna, "PollResult"};
  auto d = import_discord(export_json({{"1", "2023-01-17T10:00:00+00:00", "fine"}, bad, missing, future}));
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d.report.lines_skipped, 2u);
  ASSERT_GE(d.report.skipped_examples.size(), 2u);
  EXPECT_EQ(d.report.skipped_examples[0].reason.key, "input.unreadable_date");
  EXPECT_EQ(d.report.skipped_examples[0].reason.params.find("date")->as_string(), "yesterday");
  EXPECT_EQ(d.report.skipped_examples[1].reason.key, "input.message_without_date");
  EXPECT_TRUE(IsMessage(d, 1, "Ana Gómez", "2023-01-17T10:05:00", K::Text, "new kind"));
  EXPECT_TRUE(has_note(d.report, "input.unknown_type", 1));
}

TEST(DiscordJson, BrokenJsonNamesTheOffset) {
  std::string text = export_json({{"1", "2023-01-17T10:00:00+00:00", "a"}, {"2", "2023-01-17T10:01:00+00:00", "b"}});
  text.resize(text.size() - 60);  // cut inside the last message
  auto d = import_discord(text, "cut.json");
  ASSERT_FALSE(d.report.ok());
  EXPECT_EQ(d.report.status.key(), "input.invalid_json");
  ASSERT_NE(d.report.status.params().find("offset"), nullptr);
  EXPECT_GT(d.report.status.params().find("offset")->as_int(), 1000);
}

TEST(DiscordJson, SniffedByContentNotTakenForTelegram) {
  const std::string text = export_json({{"1", "2023-01-17T10:00:00+00:00", "a"}});
  EXPECT_GE(discord_json_importer().sniff(text.substr(0, 1024)), 90);
  EXPECT_EQ(telegram_json_importer().sniff(text.substr(0, 1024)), 0);
  EXPECT_EQ(discord_json_importer().sniff("{\"name\": \"x\", \"type\": \"personal_chat\", \"messages\": []}"), 0);
}

TEST(DiscordJson, ABotInEveryChatIsNeverTheOwner) {
  const Author alex{"100000000000000001", "alex", "Alex R."}, ben{"100000000000000002", "ben", "Ben"};
  const Author bot{"100000000000000009", "MEE6", "", true};
  Channel first, second;
  second.id = "530805775262679099";
  second.name = "Ben";
  ImportSession session(kTestToday);
  session.add("a.json", export_json({{"1", "2023-01-17T10:00:00+00:00", "hi", alex},
                                     {"2", "2023-01-17T10:01:00+00:00", "hola", kAna},
                                     {"3", "2023-01-17T10:02:00+00:00", "level up!", bot}},
                                    first));
  session.add("b.json", export_json({{"4", "2023-01-17T11:00:00+00:00", "hey", alex},
                                     {"5", "2023-01-17T11:01:00+00:00", "yo", ben},
                                     {"6", "2023-01-17T11:02:00+00:00", "level up!", bot}},
                                    second));
  Corpus corpus = std::move(session).finish();
  const OwnerResolution owner = resolve_owner(corpus);
  ASSERT_EQ(owner.status, OwnerResolution::Status::Resolved) << owner.candidates.size() << " candidates";
  EXPECT_EQ(owner_name(corpus), "Alex R.");
}

TEST(DiscordJson, ValuesOfUnexpectedTypesAreNotedAndReadAround) {
  Msg odd{"2",          "2023-01-17T10:01:00+00:00",
          "still read", kAna,
          "Default",    ",\n      \"attachments\": {\"fileName\": \"x.png\"},\n      \"reference\": \"1\""};
  auto text = export_json({{"1", "2023-01-17T10:00:00+00:00", "fine"}, odd});
  auto d = import_discord(text);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_TRUE(IsMessage(d, 1, "Ana Gómez", "2023-01-17T10:01:00", K::Text, "still read"));
  EXPECT_FALSE(d.corpus.messages.flags[1] & kReply);
  bool noted = false;
  for (const SourceMessage& n : d.report.notes)
    if (n.key == "input.unexpected_values_in_message") noted = n.params.find("message_id")->as_int() == 2;
  EXPECT_TRUE(noted);
}
