// Signal chats from signal-export (FORMATS.md §5): markdown (chat.md) and JSON Lines
// (data.json), each quirk with an inline sample written the way models.py writes it.
#include <gtest/gtest.h>

#include <string>

#include "import/import_session.hpp"
#include "import/importer.hpp"
#include "import/signal_content.hpp"
#include "test_today.hpp"
#include "whatsapp_test_util.hpp"

using namespace chatlens;
using namespace chatlens::testing;
using K = MessageKind;
using M = MediaKind;

namespace {

WhatsAppImport import_signal(std::string text, std::string name) {
  ImportSession session(kTestToday);
  WhatsAppImport out;
  out.report = session.add(std::move(name), std::move(text));
  out.corpus = std::move(session).finish();
  return out;
}

// One chat.md record as to_md() + print() write it.
std::string record(std::string date, std::string sender, std::string body) {
  return "[" + date + "] " + sender + ": " + body + "  \n\n";
}

}  // namespace

TEST(SignalMarkdown, RecordsSendersAndTheOwnerMe) {
  auto s = import_signal(record("2023-05-01 10:20:30", "Ana", "hola") + record("2023-05-01 10:21:00", "Me", "hey") +
                             record("2023-05-01 10:22:00", "Ana", "two\nlines"),
                         "signal/Ana/chat.md");
  ASSERT_TRUE(s.report.ok()) << s.report.status;
  EXPECT_EQ(s.report.platform, "signal");
  EXPECT_EQ(s.report.variant, "markdown");
  ASSERT_EQ(s.size(), 3u);
  EXPECT_TRUE(IsMessage(s, 0, "Ana", "2023-05-01T10:20:30", K::Text, "hola"));
  EXPECT_TRUE(IsMessage(s, 1, "Me", "2023-05-01T10:21:00", K::Text, "hey"));
  EXPECT_TRUE(IsMessage(s, 2, "Ana", "2023-05-01T10:22:00", K::Text, "two\nlines"));
  EXPECT_EQ(s.owner(), "Me");
  EXPECT_EQ(s.chat().title, "Ana");
  EXPECT_EQ(s.chat().platform, Platform::Signal);
  EXPECT_EQ(s.chat().kind, ChatKind::Private);
  EXPECT_EQ(s.report.lines_skipped, 0u);
}

TEST(SignalMarkdown, OlderOutputWithACommaAndNoSeconds) {
  auto s = import_signal("[2019-12-24, 12:23] Jane Doe: Hello John!\n[2020-01-17, 21:49] John Doe: Hello\nJane!\n",
                         "test_export.txt");
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s.report.variant, "markdown-old");
  EXPECT_TRUE(IsMessage(s, 1, "John Doe", "2020-01-17T21:49:00", K::Text, "Hello\nJane!"));
}

TEST(SignalMarkdown, QuotesMakeReplies) {
  auto s = import_signal(record("2023-05-01 10:20:30", "Ana", "see you at 8") +
                             record("2023-05-01 10:21:00", "Me", "\n\n> see you at 8\n> sharp\n\nok!"),
                         "Ana/chat.md");
  ASSERT_EQ(s.size(), 2u);
  EXPECT_TRUE(IsMessage(s, 1, "Me", "2023-05-01T10:21:00", K::Text, "ok!"));
  EXPECT_TRUE(s.corpus.messages.flags[1] & kReply);
  EXPECT_FALSE(s.corpus.messages.flags[0] & kReply);
}

TEST(SignalMarkdown, ReactionsAreCountedAndLeftOutOfTheText) {
  auto s = import_signal(
      "[2023-05-01 10:20:30] Ana: great news  \n(- Me: \U0001F44D, Bo: \u2764\uFE0F -)\n\n"
      "[2023-05-01 10:21:00] Bo: (- not a reaction -) inside a text  \n\n",
      "Group/chat.md");
  ASSERT_EQ(s.size(), 2u);
  EXPECT_TRUE(IsMessage(s, 0, "Ana", "2023-05-01T10:20:30", K::Text, "great news"));
  EXPECT_TRUE(IsMessage(s, 1, "Bo", "2023-05-01T10:21:00", K::Text, "(- not a reaction -) inside a text"));
  ASSERT_FALSE(s.report.notes.empty());
  EXPECT_EQ(s.report.notes.back().debug(), R"(input.reactions_read {"count":2})");
}

TEST(SignalMarkdown, AttachmentsStickersCallsAndDeletedMessages) {
  auto s = import_signal(
      record("2023-05-01 10:00:00", "Ana", "  ![IMG_1.jpg](./media/2023-05-01T10-00-00.000_00_IMG_1.jpg)") +
          record("2023-05-01 10:01:00", "Ana", "the menu  [menu.pdf](./media/2023-05-01T10-01-00.000_00_menu.pdf)") +
          record("2023-05-01 10:02:00", "Me", "  \n(( \U0001F600 ))") +
          record("2023-05-01 10:03:00", "Me", "  [\U0001F431](../exported_stickers/abc/1.webp)") +
          record("2023-05-01 10:04:00", "Me", "Outgoing voice call (accepted, 1m 5s)") +
          record("2023-05-01 10:05:00", "Ana", "Missed video call") +
          "[2023-05-01 10:06:00] Ana: (This message was deleted)\n\n" +
          record("2023-05-01 10:07:00", "Ana", "voice  [voice.m4a](./media/x_voice.m4a)"),
      "Ana/chat.md");
  ASSERT_EQ(s.size(), 8u);
  EXPECT_TRUE(IsMessage(s, 0, "Ana", "2023-05-01T10:00:00", K::Media, "IMG_1.jpg"));
  EXPECT_EQ(s.media(0), M::Image);
  EXPECT_TRUE(IsMessage(s, 1, "Ana", "2023-05-01T10:01:00", K::Media, "the menu"));
  EXPECT_EQ(s.media(1), M::Document);
  EXPECT_TRUE(IsMessage(s, 2, "Me", "2023-05-01T10:02:00", K::Media, "\U0001F600"));
  EXPECT_EQ(s.media(2), M::Sticker);
  EXPECT_TRUE(IsMessage(s, 3, "Me", "2023-05-01T10:03:00", K::Media, "\U0001F431"));
  EXPECT_EQ(s.media(3), M::Sticker);
  EXPECT_TRUE(IsMessage(s, 4, "Me", "2023-05-01T10:04:00", K::Call, "Outgoing voice call (accepted, 1m 5s)"));
  EXPECT_TRUE(IsMessage(s, 5, "Ana", "2023-05-01T10:05:00", K::Call, "Missed video call"));
  EXPECT_TRUE(IsMessage(s, 6, "Ana", "2023-05-01T10:06:00", K::Deleted, "(This message was deleted)"));
  EXPECT_EQ(s.media(7), M::Audio);
}

TEST(SignalMarkdown, BracketsThatAreNoLinksStayTextAndALaterLinkIsFound) {
  // Many '[' with no "](" (the fuzzer's slow case: each used to search the rest of the body),
  // a link whose ')' is on the next line (no link), then a real link on the same line.
  const std::string brackets(3000, '[');
  auto s = import_signal(record("2023-05-01 09:59:00", "Me", "hola") +
                             record("2023-05-01 10:00:00", "Ana",
                                    brackets + " [a](./media/x\ny) b [c](nowhere) [IMG_2.jpg](./media/z_IMG_2.jpg)"),
                         "Ana/chat.md");
  ASSERT_EQ(s.report.platform, "signal");
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s.kind(1), K::Media);
  EXPECT_EQ(s.media(1), M::Image);
  EXPECT_EQ(s.corpus.text(1).substr(0, 3000), brackets);
  EXPECT_NE(s.corpus.text(1).find("[a](./media/x\ny) b [c](nowhere)"), std::string::npos);
}

TEST(SignalMarkdown, GroupsNoteToSelfAndUnknownSenders) {
  auto g =
      import_signal(record("2023-05-01 10:00:00", "Ana", "a") + record("2023-05-01 10:01:00", "Bo", "b") +
                        record("2023-05-01 10:02:00", "No-Sender", "who?") + record("2023-05-01 10:03:00", "Me", "c"),
                    "export.zip:Friends/chat.md");
  EXPECT_EQ(g.chat().kind, ChatKind::Group);
  EXPECT_EQ(g.chat().title, "Friends");
  EXPECT_TRUE(IsMessage(g, 2, "", "2023-05-01T10:02:00", K::Text, "who?"));
  ASSERT_FALSE(g.report.notes.empty());
  EXPECT_EQ(g.report.notes[0].key, "input.unknown_senders");

  auto self = import_signal(record("2023-05-01 10:00:00", "Me", "milk"), "Note to Self/chat.md");
  EXPECT_EQ(self.chat().kind, ChatKind::Saved);
}

TEST(SignalMarkdown, CrlfAndLinesBeforeTheFirstRecord) {
  auto s = import_signal("exported by me\r\n[2023-05-01 10:20:30] Ana: hola  \r\nsegunda  \r\n\r\n", "Ana/chat.md");
  ASSERT_EQ(s.size(), 1u);
  EXPECT_TRUE(IsMessage(s, 0, "Ana", "2023-05-01T10:20:30", K::Text, "hola  \nsegunda"));
  EXPECT_EQ(s.report.lines_skipped, 1u);
}

TEST(SignalSniff, SignalIsToldApartFromWhatsAppIos) {
  // The same shape of header as a WhatsApp iOS export with ISO dates: WhatsApp keeps it.
  auto wa = import_signal("[2022-03-27 21:41:35] Ana: hi\n[2022-03-27 21:42:00] Bo: hello\n", "_chat.txt");
  EXPECT_EQ(wa.report.platform, "whatsapp");
  auto sig = import_signal(record("2022-03-27 21:41:35", "Ana", "hi") + record("2022-03-27 21:42:00", "Me", "hello"),
                           "chat.md");
  EXPECT_EQ(sig.report.platform, "signal");
  EXPECT_EQ(signal_markdown_importer().sniff("[2019-12-24, 12:23] Jane Doe: Hello John!\n"), 95);
  // Records ending in reactions or stickers (no trailing spaces) still follow an empty line each.
  EXPECT_EQ(signal_markdown_importer().sniff("[2022-03-27 21:41:35] Ana: hi  \n(- Bo: x -)\n\n"
                                             "[2022-03-27 21:42:00] Bo:   \n(( y ))\n\n"
                                             "[2022-03-27 21:43:00] Ana: (This message was deleted)\n\n"),
            95);
  EXPECT_EQ(signal_markdown_importer().sniff("12/24/19, 12:23 - Jane: hi\n"), 0);
}

TEST(SignalJson, LinesWithQuotesReactionsAttachmentsAndDeleted) {
  const std::string lines =
      R"({"date": "2023-05-01T10:20:30.123000", "sender": "Ana", "body": "hola  ", "quote": "", "sticker": null, "reactions": [["Me", "\ud83d\udc4d"]], "attachments": [], "deleted": false, "call": false, "missed": false})"
      "\n"
      R"({"date": "2023-05-01T10:21:00", "sender": "Me", "body": "ok  ", "quote": "\n\n> hola\n\n", "sticker": "", "reactions": [], "attachments": [], "deleted": false})"
      "\n"
      R"({"date": "2023-05-01T10:22:00", "sender": "Ana", "body": "  ", "quote": "", "sticker": "", "reactions": [], "attachments": [{"name": "IMG_1.jpg", "path": "media/x_IMG_1.jpg"}], "deleted": false})"
      "\n"
      R"({"date": "2023-05-01T10:23:00", "sender": "Ana", "body": "", "quote": "", "sticker": {"id": "1", "packId": "p", "packKey": "k", "emoji": "\u2764"}, "reactions": [], "attachments": [], "deleted": false})"
      "\n"
      R"({"date": "2023-05-01T10:24:00", "sender": "Ana", "body": "gone  ", "quote": "", "sticker": "", "reactions": [], "attachments": [], "deleted": true})"
      "\n"
      R"({"date": "2023-05-01T10:25:00", "sender": "Me", "body": "Incoming video call (accepted, 12s)  ", "quote": "", "sticker": "", "reactions": [], "attachments": [], "deleted": false})"
      "\n";
  auto s = import_signal(lines, "signal/Ana/data.json");
  ASSERT_TRUE(s.report.ok()) << s.report.status;
  EXPECT_EQ(s.report.platform, "signal");
  EXPECT_EQ(s.report.variant, "json");
  ASSERT_EQ(s.size(), 6u);
  EXPECT_TRUE(IsMessage(s, 0, "Ana", "2023-05-01T10:20:30", K::Text, "hola"));
  EXPECT_TRUE(IsMessage(s, 1, "Me", "2023-05-01T10:21:00", K::Text, "ok"));
  EXPECT_TRUE(s.corpus.messages.flags[1] & kReply);
  EXPECT_TRUE(IsMessage(s, 2, "Ana", "2023-05-01T10:22:00", K::Media, "IMG_1.jpg"));
  EXPECT_EQ(s.media(2), M::Image);
  EXPECT_TRUE(IsMessage(s, 3, "Ana", "2023-05-01T10:23:00", K::Media, "\u2764"));
  EXPECT_EQ(s.media(3), M::Sticker);
  EXPECT_EQ(s.kind(4), K::Deleted);
  EXPECT_TRUE(IsMessage(s, 5, "Me", "2023-05-01T10:25:00", K::Call, "Incoming video call (accepted, 12s)"));
  EXPECT_EQ(s.owner(), "Me");
  EXPECT_EQ(s.chat().title, "Ana");
  EXPECT_EQ(s.report.notes.back().debug(), R"(input.reactions_read {"count":1})");
}

TEST(SignalJson, BrokenLinesAndUnreadableDatesAreSkippedAndSaidSo) {
  const std::string lines = R"({"date": "2023-05-01T10:20:30", "sender": "Ana", "body": "ok"})"
                            "\n{\"date\": \"yesterday\", \"sender\": \"Ana\", \"body\": \"when?\"}\n"
                            "{\"date\": \"2023-05-01T10:21:00\", \"sender\": \"Ana\", \"body\": \"cut\n"
                            R"({"sender": "Ana", "body": "no date"})"
                            "\n";
  auto s = import_signal(lines, "Ana/data.json");
  ASSERT_TRUE(s.report.ok());
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s.report.lines_skipped, 3u);
  ASSERT_EQ(s.report.skipped_examples.size(), 3u);
  EXPECT_EQ(s.report.skipped_examples[0].reason.debug(), R"(input.unreadable_date {"date":"yesterday"})");
  EXPECT_EQ(s.report.skipped_examples[0].line, 2u);
  EXPECT_EQ(s.report.skipped_examples[1].reason.key, "input.not_a_json_message");
  EXPECT_EQ(s.report.skipped_examples[2].reason.key, "input.message_without_date_plain");
}

TEST(SignalJson, AValueThatIsNotJsonIsAnErrorNotAnException) {
  // Found by fuzz_signal: a control byte where a value starts.
  auto s = import_signal(std::string(R"({"date": "2023-05-01T10:20:30", "sender": "Ana", "reactions":)") + "\x18" +
                             R"([["Me", "x"]], "body": "x"})" + "\n" +
                             R"({"date": "2023-05-01T10:21:00", "sender": "Ana", "body": "ok"})" + "\n",
                         "Ana/data.json");
  ASSERT_TRUE(s.report.ok());
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s.report.lines_skipped, 1u);
  EXPECT_TRUE(IsMessage(s, 0, "Ana", "2023-05-01T10:21:00", K::Text, "ok"));
}

TEST(SignalContent, MediaKindsFollowSignalExportsLists) {
  EXPECT_EQ(signal::media_of_file("a.JPG"), M::Image);
  EXPECT_EQ(signal::media_of_file("a.gif"), M::Gif);
  EXPECT_EQ(signal::media_of_file("a.opus"), M::Audio);
  EXPECT_EQ(signal::media_of_file("a.mov"), M::Video);
  EXPECT_EQ(signal::media_of_file("a.pdf"), M::Document);
  EXPECT_EQ(signal::media_of_file("noext"), M::Document);
}

TEST(SignalJson, CallLinesAreCallsEvenWithoutABody) {
  const std::string lines =
      R"({"date": "2023-05-01T10:20:30", "sender": "Ana", "body": "", "quote": "", "sticker": "", "reactions": [], "attachments": [], "deleted": false, "call": true, "missed": true})"
      "\n"
      R"({"date": "2023-05-01T10:21:00", "sender": "Me", "body": "", "quote": "", "sticker": "", "reactions": [], "attachments": [], "deleted": false, "call": true, "missed": false})"
      "\n"
      R"({"date": "2023-05-01T10:22:00", "sender": "Ana", "body": "not a call  ", "call": false, "missed": false})"
      "\n";
  auto s = import_signal(lines, "signal/Ana/data.json");
  ASSERT_EQ(s.size(), 3u);
  EXPECT_TRUE(IsMessage(s, 0, "Ana", "2023-05-01T10:20:30", K::Call, "Missed call"));
  EXPECT_TRUE(IsMessage(s, 1, "Me", "2023-05-01T10:21:00", K::Call, "Call"));
  EXPECT_TRUE(IsMessage(s, 2, "Ana", "2023-05-01T10:22:00", K::Text, "not a call"));
}

TEST(SignalMarkdown, YouIsTheOwnerLikeMe) {
  auto s = import_signal(record("2023-05-01 10:20:30", "Ana", "hola") + record("2023-05-01 10:21:00", "You", "hey") +
                             record("2023-05-01 10:22:00", "Me", "again"),
                         "signal/Ana/chat.md");
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s.owner(), "Me");
  EXPECT_EQ(s.corpus.messages.sender[1], s.corpus.messages.sender[2]);
  EXPECT_EQ(s.chat().kind, ChatKind::Private);  // "You" is no second contact
}
