// Messenger and Instagram chats from "Download your information" (FORMATS.md §3): one
// inline sample per quirk, written the way Meta writes them (mojibake escapes included).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "import/import_session.hpp"
#include "import/meta_text.hpp"
#include "model/identity.hpp"
#include "test_today.hpp"
#include "whatsapp_test_util.hpp"

using namespace chatlens;
using namespace chatlens::testing;
using K = MessageKind;
using M = MediaKind;

namespace {

WhatsAppImport import_meta(std::vector<std::pair<std::string, std::string>> files) {
  ImportSession session(kTestToday);
  WhatsAppImport out;
  for (auto& [name, text] : files) out.report = session.add(name, std::move(text));
  out.corpus = std::move(session).finish();
  return out;
}

WhatsAppImport import_meta(std::string text, std::string name = "messages/inbox/ana_123/message_1.json") {
  return import_meta({{std::move(name), std::move(text)}});
}

std::string thread(std::string messages, std::string extra = {}) {
  return R"({"participants": [{"name": "Ana"}, {"name": "Bo"}], "messages": [)" + messages + "]" + extra + "}";
}

}  // namespace

TEST(MetaJson, NewestFirstMessagesAreReadOldestFirstWithUtcTimes) {
  auto s = import_meta(thread(R"({"sender_name": "Bo", "timestamp_ms": 1415147732056, "content": "Hello"},
      {"sender_name": "Ana", "timestamp_ms": 1415147240411, "content": "Whats up!", "type": "Generic"})",
                              R"(, "title": "Ana", "is_still_participant": true, "thread_type": "Regular",
      "thread_path": "inbox/ana_aaaaaaaaaa")"));
  ASSERT_TRUE(s.report.ok()) << s.report.status;
  EXPECT_EQ(s.report.platform, "messenger");
  ASSERT_EQ(s.size(), 2u);
  EXPECT_TRUE(IsMessage(s, 0, "Ana", "2014-11-05T00:27:20", K::Text, "Whats up!"));
  EXPECT_TRUE(IsMessage(s, 1, "Bo", "2014-11-05T00:35:32", K::Text, "Hello"));
  EXPECT_EQ(s.corpus.messages.utc[1], 1415147732);
  EXPECT_EQ(s.chat().title, "Ana");
  EXPECT_EQ(s.chat().platform, Platform::Messenger);
  EXPECT_EQ(s.chat().kind, ChatKind::Private);
  EXPECT_EQ(s.chat().platform_id, "inbox/ana_aaaaaaaaaa");
}

TEST(MetaJson, EqualTimestampsKeepTheExportsOrder) {
  // Newest first: "second" was written after "first" although both carry the same instant.
  auto s = import_meta(thread(R"({"sender_name": "Ana", "timestamp_ms": 1668628203612, "content": "second"},
      {"sender_name": "Bo", "timestamp_ms": 1668628203612, "content": "first"})"));
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s.text(0), "first");
  EXPECT_EQ(s.text(1), "second");
}

TEST(MetaJson, RepairsTheMojibakeOfEveryString) {
  auto s = import_meta(R"({"participants": [{"name": "J\u00e2\u009d\u00a4\u00ef\u00b8\u008fhn Doe"}, {"name": "Ana"}],
    "messages": [{"sender_name": "J\u00e2\u009d\u00a4\u00ef\u00b8\u008fhn Doe", "timestamp_ms": 1577186580000,
                  "content": "Cze\u00c5\u009b\u00c4\u0087 wu\u00cc\u0088rde"}],
    "title": "Gr\u00c3\u00bcppe"})");
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s.sender(0), "J\u2764\uFE0Fhn Doe");
  EXPECT_EQ(s.text(0), "Cze\u015B\u0107 w\u00FCrde");  // the decomposed ü put in NFC
  EXPECT_EQ(s.chat().title, "Gr\u00FCppe");
}

TEST(MetaJson, TextThatIsNotMojibakeIsLeftAlone) {
  std::string out = "untouched";
  EXPECT_FALSE(meta::repair_mojibake("plain ascii, longer than a few words of eight bytes", out));
  EXPECT_EQ(out, "untouched");                               // ASCII: not even written
  EXPECT_FALSE(meta::repair_mojibake("caf\u00E9", out));     // real Latin-1 text: byte E9 alone is not UTF-8
  EXPECT_FALSE(meta::repair_mojibake("\u65E5\u672C", out));  // above U+00FF: real text
  EXPECT_FALSE(meta::repair_mojibake("a long ASCII run first \u00C3\u00B1 \u65E5", out));  // mixed: real text
  EXPECT_EQ(meta::repair_mojibake("\u00C3\u00B1", out), std::optional<std::string_view>("\u00F1"));
  // ASCII runs of every length around the repaired bytes, copied through eight at a time.
  EXPECT_EQ(meta::repair_mojibake("Twelve chars\u00C3\u00B1seventeen chars..\u00C3\u00A9!", out),
            std::optional<std::string_view>("Twelve chars\u00F1seventeen chars..\u00E9!"));
}

TEST(MetaJson, PartsOfAThreadMergeIntoOneChat) {
  auto s = import_meta({{"fb-1.zip:your_activity_across_facebook/messages/inbox/ana_123/message_1.json",
                         thread(R"({"sender_name": "Ana", "timestamp_ms": 1700000300000, "content": "newest"},
                                  {"sender_name": "Bo", "timestamp_ms": 1700000200000, "content": "newer"})")},
                        {"fb-2.zip:your_activity_across_facebook/messages/inbox/ana_123/message_2.json",
                         thread(R"({"sender_name": "Ana", "timestamp_ms": 1700000100000, "content": "oldest"})")}});
  ASSERT_EQ(s.corpus.chats.size(), 1u);
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s.text(0), "oldest");
  EXPECT_EQ(s.text(2), "newest");
  EXPECT_EQ(s.chat().platform_id, "inbox/ana_123");
  EXPECT_EQ(s.chat().title, "ana_123");  // no "title": the thread's folder
}

TEST(MetaJson, MediaCallsSharesStickersAndUnsentMessages) {
  auto s = import_meta(thread(R"(
    {"sender_name": "Ana", "timestamp_ms": 1000007000, "is_unsent": true},
    {"sender_name": "Ana", "timestamp_ms": 1000006000, "content": "Ana sent an attachment."},
    {"sender_name": "Bo", "timestamp_ms": 1000005000, "content": "Ana called you.", "call_duration": 62, "type": "Call"},
    {"sender_name": "Ana", "timestamp_ms": 1000004000, "share": {"link": "https://example.org/x"}, "type": "Share"},
    {"sender_name": "Bo", "timestamp_ms": 1000003000, "sticker": {"uri": "messages/stickers_used/s.png"}},
    {"sender_name": "Ana", "timestamp_ms": 1000002000, "files": [{"uri": "f/a.pdf"}]},
    {"sender_name": "Bo", "timestamp_ms": 1000001000, "videos": [{"uri": "v/a.mp4"}], "audio_files": [{"uri": "x"}]},
    {"sender_name": "Ana", "timestamp_ms": 1000000000, "photos": [{"uri": "p/a.jpg"}, {"uri": "p/b.jpg"}],
     "reactions": [{"reaction": "\u00e2\u009d\u00a4", "actor": "Bo"}, {"reaction": "x", "actor": "Ana"}]})"));
  ASSERT_EQ(s.size(), 8u);
  EXPECT_EQ(s.kind(0), K::Media);
  EXPECT_EQ(s.media(0), M::Image);
  EXPECT_EQ(s.media(1), M::Video);
  EXPECT_EQ(s.media(2), M::Document);
  EXPECT_EQ(s.media(3), M::Sticker);
  EXPECT_TRUE(IsMessage(s, 4, "Ana", "1970-01-12T13:46:44", K::Text, "https://example.org/x"));
  EXPECT_EQ(s.kind(5), K::Call);
  EXPECT_TRUE(IsMessage(s, 6, "Ana", "1970-01-12T13:46:46", K::Media, ""));
  EXPECT_EQ(s.media(6), M::Other);
  EXPECT_TRUE(IsMessage(s, 7, "Ana", "1970-01-12T13:46:47", K::Deleted, ""));
  bool reactions = false;
  for (const SourceMessage& note : s.report.notes)
    if (note.key == "input.reactions_read") reactions = note.params.find("count")->as_int() == 2;
  EXPECT_TRUE(reactions);
}

TEST(MetaJson, GroupRenamesAndJoinsAreSystemMessages) {
  auto s = import_meta(R"({"participants": [{"name": "Ana"}, {"name": "Bo"}, {"name": "Cy"}], "messages": [
    {"sender_name": "Cy", "timestamp_ms": 1000004000, "content": "hi all"},
    {"sender_name": "Bo", "timestamp_ms": 1000003000, "content": "Bo added Cy to the group.", "type": "Subscribe",
     "users": [{"name": "Cy"}]},
    {"sender_name": "Ana", "timestamp_ms": 1000002000, "content": "Ana named the group Trip."},
    {"sender_name": "Bo", "timestamp_ms": 1000001000, "content": "Reacted \u00e2\u009d\u00a4 to your message"}],
    "title": "Trip", "thread_type": "RegularGroup"})");
  ASSERT_EQ(s.size(), 4u);
  EXPECT_TRUE(IsMessage(s, 0, "", "1970-01-12T13:46:41", K::System, "Reacted \u2764 to your message"));
  EXPECT_TRUE(IsMessage(s, 1, "", "1970-01-12T13:46:42", K::System, "Ana named the group Trip."));
  EXPECT_TRUE(IsMessage(s, 2, "", "1970-01-12T13:46:43", K::System, "Bo added Cy to the group."));
  EXPECT_TRUE(IsMessage(s, 3, "Cy", "1970-01-12T13:46:44", K::Text, "hi all"));
  EXPECT_EQ(s.chat().kind, ChatKind::Group);
}

TEST(MetaJson, InstagramIsToldByItsFoldersOrItsGroupLinks) {
  auto by_path = import_meta(thread(R"({"sender_name": "Ana", "timestamp_ms": 1000000000, "content": "hey"})"),
                             "ig.zip:your_instagram_activity/messages/inbox/ana_1/message_1.json");
  EXPECT_EQ(by_path.report.platform, "instagram");
  EXPECT_EQ(by_path.chat().platform, Platform::Instagram);
  auto by_link = import_meta(thread(R"({"sender_name": "Ana", "timestamp_ms": 1000000000, "content": "hey"})",
                                    R"(, "joinable_mode": {"mode": 1, "link": "https://ig.me/j/abc"})"),
                             "message_1.json");
  EXPECT_EQ(by_link.report.platform, "instagram");
}

TEST(MetaJson, TheOwnerIsTheParticipantOfEveryThread) {
  auto s = import_meta(
      {{"inbox/ana_1/message_1.json", thread(R"({"sender_name": "Ana", "timestamp_ms": 1000000000, "content": "a"},
                                  {"sender_name": "Me Myself", "timestamp_ms": 999999000, "content": "b"})")},
       {"inbox/bo_2/message_1.json", thread(R"({"sender_name": "Bo", "timestamp_ms": 1000000000, "content": "c"},
                                  {"sender_name": "Me Myself", "timestamp_ms": 999999000, "content": "d"})")}});
  ASSERT_EQ(s.corpus.chats.size(), 2u);
  const OwnerResolution owner = resolve_owner(s.corpus);
  ASSERT_EQ(owner.status, OwnerResolution::Status::Resolved);
  EXPECT_EQ(owner_name(s.corpus), "Me Myself");
}

TEST(MetaJson, MessagesWithoutATimeAreSkippedAndCounted) {
  auto s = import_meta(thread(R"({"sender_name": "Ana", "timestamp_ms": 1000000000, "content": "kept"},
      {"sender_name": "Ana", "content": "no time"},
      "not an object")"));
  ASSERT_TRUE(s.report.ok());
  EXPECT_EQ(s.size(), 1u);
  EXPECT_EQ(s.report.lines_skipped, 2u);
  ASSERT_EQ(s.report.skipped_examples.size(), 2u);
  EXPECT_EQ(s.report.skipped_examples[0].reason.key, "input.meta_message_without_time");
  EXPECT_EQ(s.report.skipped_examples[0].line, 2u);
  EXPECT_EQ(s.report.skipped_examples[1].reason.key, "input.not_a_message_object");
}

// Found by fuzz_meta_json: a time far outside any calendar must not reach integer conversions.
TEST(MetaJson, TimesThatAreNoInstantAreSkipped) {
  auto s = import_meta(thread(R"({"sender_name": "Ana", "timestamp_ms": 1.57719e+21, "content": "huge"},
      {"sender_name": "Ana", "timestamp_ms": -9223372036854775808, "content": "min"},
      {"sender_name": "Ana", "timestamp_ms": 1000.5, "content": "fraction"},
      {"sender_name": "Ana", "timestamp_ms": 1000000000, "content": "kept"})"));
  ASSERT_TRUE(s.report.ok());
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s.text(0), "kept");
  EXPECT_EQ(s.report.lines_skipped, 3u);
  EXPECT_EQ(s.report.skipped_examples.at(0).reason.key, "input.meta_unreadable_time");
}

TEST(MetaJson, BrokenJsonSaysWhere) {
  auto s = import_meta(R"({"participants": [{"name": "Ana"}], "messages": [{"sender_name": "Ana", "timestamp_ms": 1,)");
  ASSERT_FALSE(s.report.ok());
  EXPECT_EQ(s.report.status.key(), "input.invalid_json");
  EXPECT_EQ(s.size(), 0u);
}

TEST(MetaJson, ABomBeforeTheJsonIsSkipped) {
  auto s =
      import_meta("\xEF\xBB\xBF" + thread(R"({"sender_name": "Ana", "timestamp_ms": 1000000000, "content": "x"})"));
  ASSERT_TRUE(s.report.ok()) << s.report.status;
  EXPECT_EQ(s.size(), 1u);
}
