// How a WhatsApp file is cut into records: line endings, multi-line bodies,
// BOMs, authors, skipped lines and what the importer reports.
#include <gtest/gtest.h>

#include "import/importer.hpp"
#include "test_today.hpp"
#include "whatsapp_test_util.hpp"

using namespace chatlens;
using namespace chatlens::testing;
using K = MessageKind;

TEST(WhatsAppRecords, MultiLineBodiesKeepTheirLineBreaksAndInnerEmptyLines) {
  auto w = import_whatsapp(
      "06/03/2017, 00:45 - Ana: How are you?\n"
      "\n"
      "Is everything alright?\n"
      "\n"
      "\n"
      "06/03/2017, 00:46 - Bo: Fine\n"
      "thanks\n");
  EXPECT_TRUE(IsMessage(w, 0, "Ana", "2017-03-06T00:45:00", K::Text, "How are you?\n\nIs everything alright?"));
  EXPECT_TRUE(IsMessage(w, 1, "Bo", "2017-03-06T00:46:00", K::Text, "Fine\nthanks"));
}

TEST(WhatsAppRecords, CrlfAndLfMixturesGiveTheSameMessages) {
  const std::string lf =
      "[20.06.19, 16:03:07] Emily: Come on...\ndon't be so mysterious\n[20.06.19, 16:03:38] Loris: Ok\n";
  const std::string crlf =
      "[20.06.19, 16:03:07] Emily: Come on...\r\ndon't be so mysterious\r\n[20.06.19, 16:03:38] Loris: Ok\r\n";
  const std::string mixed =
      "[20.06.19, 16:03:07] Emily: Come on...\ndon't be so mysterious\r\n[20.06.19, 16:03:38] Loris: Ok";
  for (const std::string& text : {lf, crlf, mixed}) {
    auto w = import_whatsapp(text);
    ASSERT_EQ(w.size(), 2u);
    EXPECT_TRUE(IsMessage(w, 0, "Emily", "2019-06-20T16:03:07", K::Text, "Come on...\ndon't be so mysterious"));
    EXPECT_TRUE(IsMessage(w, 1, "Loris", "2019-06-20T16:03:38", K::Text, "Ok"));
  }
}

TEST(WhatsAppRecords, BomsAtTheStartMidFileAndInsideTheBracket) {
  const std::string text = std::string(kBom) + "[29.01.18, 12:24:03] Ana: first\n" + std::string(kBom) +
                           std::string(kBom) + "[29.01.18, 12:25:03] Bo: second\n" + "[" + std::string(kBom) +
                           "29.01.18, 12:26:03] Ana: third\n";
  auto w = import_whatsapp(text);
  ASSERT_EQ(w.size(), 3u);
  EXPECT_TRUE(IsMessage(w, 0, "Ana", "2018-01-29T12:24:03", K::Text, "first"));
  EXPECT_TRUE(IsMessage(w, 1, "Bo", "2018-01-29T12:25:03", K::Text, "second"));
  EXPECT_TRUE(IsMessage(w, 2, "Ana", "2018-01-29T12:26:03", K::Text, "third"));
}

TEST(WhatsAppRecords, SecondExportAfterABomMayHaveAnotherShape) {
  const std::string text =
      "29.01.18, 12:24 - Ana: android\n" + std::string(kBom) + "[29.01.18, 12:30:00] Ana: ios copy appended\n";
  auto w = import_whatsapp(text);
  ASSERT_EQ(w.size(), 2u);
  EXPECT_TRUE(IsMessage(w, 1, "Ana", "2018-01-29T12:30:00", K::Text, "ios copy appended"));
  EXPECT_FALSE(w.report.notes.empty());
}

TEST(WhatsAppRecords, LinesBeforeTheFirstHeaderAreReportedWithLineNumbers) {
  auto w = import_whatsapp("Exported from my phone\n\nsecond note\n12/9/20, 23:55 - Ana: hi\n");
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w.report.lines_skipped, 2u);
  ASSERT_EQ(w.report.skipped_examples.size(), 2u);
  EXPECT_EQ(w.report.skipped_examples[0].line, 1u);
  EXPECT_EQ(w.report.skipped_examples[0].offset, 0u);
  EXPECT_EQ(w.report.skipped_examples[0].excerpt, "Exported from my phone");
  EXPECT_EQ(w.report.skipped_examples[1].line, 3u);
  EXPECT_EQ(w.report.skipped_examples[1].reason, "line before the first message header");
}

TEST(WhatsAppRecords, APrefaceThatLooksLikeAHeaderDoesNotDecideTheShape) {
  auto w = import_whatsapp(
      "1/2/3, 4:56 - exported by some tool\r\n"
      "[3/27/22, 21:41:35] Ana: one\r\n"
      "[3/27/22, 21:42:00] Bo: two\r\n");
  EXPECT_EQ(w.report.variant, "ios");
  ASSERT_EQ(w.size(), 2u);
  EXPECT_TRUE(IsMessage(w, 0, "Ana", "2022-03-27T21:41:35", K::Text, "one"));
  EXPECT_EQ(w.report.lines_skipped, 1u);
}

TEST(WhatsAppRecords, HeaderOfAnotherShapeInsideABodyStaysText) {
  auto w = import_whatsapp(
      "[3/27/22, 21:41:35] Ana: pasted from Android:\r\n"
      "12/24/19, 11:23 - John: old line\r\n"
      "2016-04-29 10:30:00\r\n"
      "[3/27/22, 21:42:00] Bo: ok\r\n");
  ASSERT_EQ(w.size(), 2u);
  EXPECT_TRUE(IsMessage(w, 0, "Ana", "2022-03-27T21:41:35", K::Text,
                        "pasted from Android:\n12/24/19, 11:23 - John: old line\n2016-04-29 10:30:00"));
}

TEST(WhatsAppRecords, AuthorAndBodySplitAtTheFirstColonSpace) {
  auto w = import_whatsapp(
      "10/06/20, 15:55 - John-John Doe: Lorem ipsum : dolor: sit\n"
      "10/06/20, 15:56 - John Doe \U0001F913: emoji author\n"
      "10/06/20, 15:57 - \U0001F913: only emoji\n"
      "10/06/20, 15:58 - Tom: https://example.com/a:b\n");
  EXPECT_TRUE(IsMessage(w, 0, "John-John Doe", "2020-06-10T15:55:00", K::Text, "Lorem ipsum : dolor: sit"));
  EXPECT_TRUE(IsMessage(w, 1, "John Doe \U0001F913", "2020-06-10T15:56:00", K::Text, "emoji author"));
  EXPECT_TRUE(IsMessage(w, 2, "\U0001F913", "2020-06-10T15:57:00", K::Text, "only emoji"));
  EXPECT_TRUE(IsMessage(w, 3, "Tom", "2020-06-10T15:58:00", K::Text, "https://example.com/a:b"));
}

TEST(WhatsAppRecords, EmptyBodyAfterTheColonIsAVanishedPhoto) {
  auto w = import_whatsapp("29.01.18, 23:59 - Carol:\n29.01.18, 23:59 - John Doe:.\n");
  ASSERT_EQ(w.size(), 2u);
  EXPECT_TRUE(IsMessage(w, 0, "Carol", "2018-01-29T23:59:00", K::Media, ""));
  EXPECT_EQ(w.media(0), MediaKind::Other);
  EXPECT_TRUE(IsMessage(w, 1, "John Doe", "2018-01-29T23:59:00", K::Media, ""));
}

TEST(WhatsAppRecords, PhoneNumberAuthorsLoseIsolatesAndNoBreakSpaces) {
  const std::string phone = std::string(kLre) + "+90" + std::string(kNbsp) + "514" + std::string(kNbsp) + "771" +
                            std::string(kNbsp) + "05" + std::string(kNbsp) + "38" + std::string(kPdf);
  auto w =
      import_whatsapp("[2/1/22, 18:13:27] " + phone + ": koray\nmatt\r\n[2/1/22, 18:14:00] " + phone + ": again\r\n");
  ASSERT_EQ(w.size(), 2u);
  EXPECT_TRUE(IsMessage(w, 0, "+90 514 771 05 38", "2022-02-01T18:13:27", K::Text, "koray\nmatt"));
  EXPECT_EQ(w.corpus.messages.sender[0], w.corpus.messages.sender[1]);
  EXPECT_EQ(w.corpus.people.size(), 1u);
}

TEST(WhatsAppRecords, DirectionMarksAndBomsAreRemovedFromTexts) {
  const std::string text = "[1/2/22, 10:00:00] Ana: hi " + std::string(kLrm) + "@" + "\u2068Bo\u2069" +
                           std::string(kBom) + " there\n[1/2/22, 10:00:01] Bo: plain\n";
  auto w = import_whatsapp(text);
  EXPECT_TRUE(IsMessage(w, 0, "Ana", "2022-01-02T10:00:00", K::Text, "hi @Bo there"));
  EXPECT_TRUE(IsMessage(w, 1, "Bo", "2022-01-02T10:00:01", K::Text, "plain"));
}

TEST(WhatsAppRecords, SystemLineWithAColonInsideTheQuotedGroupName) {
  auto w = import_whatsapp(
      "12/9/20, 23:16 - Alice created group \"Plans: summer\"\n"
      "12/9/20, 23:17 - Alice changed the subject from \"Plans: summer\" to \"Plans: autumn\"\n"
      "12/9/20, 23:18 - Alice: hello\n");
  ASSERT_EQ(w.size(), 3u);
  EXPECT_TRUE(IsMessage(w, 0, "", "2020-09-12T23:16:00", K::System, "Alice created group \"Plans: summer\""));
  EXPECT_TRUE(IsMessage(w, 1, "", "2020-09-12T23:17:00", K::System,
                        "Alice changed the subject from \"Plans: summer\" to \"Plans: autumn\""));
  EXPECT_EQ(w.chat().title, "Plans: autumn");
  EXPECT_EQ(w.chat().kind, ChatKind::Group);
}

TEST(WhatsAppRecords, ReportSaysWhatWasRead) {
  auto w = import_whatsapp("[1/2/22, 10:00:00] Ana: hi\r\n[1/2/22, 10:00:01] Bo: ho\r\n");
  EXPECT_TRUE(w.report.ok());
  EXPECT_EQ(w.report.platform, "whatsapp");
  EXPECT_EQ(w.report.variant, "ios");
  EXPECT_EQ(w.report.records, 2u);
  EXPECT_EQ(w.report.chats, 1u);
  EXPECT_EQ(w.report.lines_skipped, 0u);
}

TEST(WhatsAppRecords, SniffFindsHeadersNotFileNames) {
  const Importer& wa = whatsapp_text_importer();
  EXPECT_GT(wa.sniff("12/9/20, 23:55 - Alice: boiii\n12/9/20, 23:55 - Bob: hi\n"), 80);
  EXPECT_GT(wa.sniff("\u200E[3/27/22, 21:41:55] Dmitry S: \u200Eimage omitted\r\n"), 50);
  EXPECT_GT(wa.sniff("some preface\n[3/27/22, 21:41:55] Dmitry S: hi\r\n"), 50);
  EXPECT_EQ(wa.sniff("{\"name\": \"Bob\", \"type\": \"personal_chat\", \"messages\": []}"), 0);
  EXPECT_EQ(wa.sniff("Just some text\nwith lines\n"), 0);
  EXPECT_EQ(wa.sniff(""), 0);
}

TEST(WhatsAppRecords, FileWithoutAnyHeaderIsAnError) {
  ImportSession session(kTestToday);
  const SourceReport& r = session.add("notes.txt", "12/31/99 is a date\nbut not a chat\n");
  EXPECT_FALSE(r.ok());
}

TEST(WhatsAppRecords, ProgressEndsAtTheTotal) {
  uint64_t last_done = 0, last_total = 0, calls = 0;
  ImportSession session(kTestToday, [&](uint64_t done, uint64_t total) {
    EXPECT_GE(done, last_done);
    last_done = done, last_total = total, ++calls;
  });
  std::string text;
  for (int i = 0; i < 120000; ++i) text += "12/9/20, 23:55 - Alice: a message long enough to fill megabytes\n";
  session.add("big.txt", text);
  EXPECT_GE(calls, 2u);
  EXPECT_EQ(last_done, text.size());
  EXPECT_EQ(last_total, text.size());
  EXPECT_EQ(std::move(session).finish().size(), 120000u);
}

TEST(WhatsAppRecords, HeaderFormatSwitchingPartwayKeepsEveryLine) {
  // The phone's locale changed: month-first with a 2-digit year, then day-first with 4 digits.
  auto w = import_whatsapp(
      "6/30/23, 16:14 - Ana: before the switch\n"
      "6/30/23, 16:14 - Bo: still before\n"
      "second line\n"
      "30/6/2023, 16:15 - Ana: after\n"
      "1/7/2023, 09:00 - Bo: next day\n");
  ASSERT_EQ(w.size(), 4u);
  EXPECT_EQ(w.report.lines_skipped, 0u);
  EXPECT_TRUE(IsMessage(w, 0, "Ana", "2023-06-30T16:14:00", K::Text, "before the switch"));
  EXPECT_TRUE(IsMessage(w, 1, "Bo", "2023-06-30T16:14:00", K::Text, "still before\nsecond line"));
  EXPECT_TRUE(IsMessage(w, 2, "Ana", "2023-06-30T16:15:00", K::Text, "after"));
  EXPECT_TRUE(IsMessage(w, 3, "Bo", "2023-07-01T09:00:00", K::Text, "next day"));
  ASSERT_FALSE(w.report.notes.empty());
  EXPECT_NE(w.report.notes.back().find("line 4"), std::string::npos);
}

TEST(WhatsAppRecords, ARunOfAnotherShapeInTheMiddleIsRead) {
  // Three exports joined: iOS, then Android (long enough to be a run), then iOS again.
  std::string text = "[3/27/22, 21:41:35] Ana: ios one\n[3/27/22, 21:41:50] Ana: ios two\n";
  for (int i = 0; i < 40; ++i)
    text += "28.03.22, 10:" + std::string(i < 10 ? "0" : "") + std::to_string(i) + " - Bo: a\n";
  text += "[3/29/22, 08:00:00] Ana: ios again\n";
  auto w = import_whatsapp(text);
  ASSERT_EQ(w.size(), 43u);
  EXPECT_TRUE(IsMessage(w, 0, "Ana", "2022-03-27T21:41:35", K::Text, "ios one"));
  EXPECT_TRUE(IsMessage(w, 2, "Bo", "2022-03-28T10:00:00", K::Text, "a"));
  EXPECT_TRUE(IsMessage(w, 42, "Ana", "2022-03-29T08:00:00", K::Text, "ios again"));
}

TEST(WhatsAppRecords, AFewPastedLinesOfAnotherShapeStayText) {
  auto w = import_whatsapp(
      "[3/27/22, 21:41:35] Ana: look what he wrote:\n"
      "12/24/19, 11:23 - John: one\n"
      "12/24/19, 11:24 - John: two\n"
      "[3/27/22, 21:42:00] Bo: ok\n");
  ASSERT_EQ(w.size(), 2u);
  EXPECT_TRUE(IsMessage(w, 0, "Ana", "2022-03-27T21:41:35", K::Text,
                        "look what he wrote:\n12/24/19, 11:23 - John: one\n12/24/19, 11:24 - John: two"));
  EXPECT_TRUE(w.report.notes.empty());
}
