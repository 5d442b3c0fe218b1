// Hostile and unlucky inputs (issue 9): nesting deep enough to exhaust a stack,
// exports with nothing readable, stray scalars in the messages array, UTF-16
// re-saves and files cut off inside a header. Inputs are generated here.
#include <gtest/gtest.h>

#include <string>

#include "telegram_test_util.hpp"
#include "text/utf16.hpp"
#include "whatsapp_test_util.hpp"

using namespace chatlens;
using namespace chatlens::testing;

namespace {

std::string telegram_message(int id, std::string_view text_json = "\"hi\"") {
  return "  {\"id\": " + std::to_string(id) +
         ", \"type\": \"message\", \"date\": \"2023-01-01T10:00:00\", \"date_unixtime\": \"1672567200\", "
         "\"from\": \"Ana\", \"from_id\": \"user1\", \"text\": " +
         std::string(text_json) + "}";
}

// A pretty-printed single-chat export whose messages array holds `elements`.
std::string telegram_chat(const std::vector<std::string>& elements) {
  std::string out = "{\n \"name\": \"Ana\",\n \"type\": \"personal_chat\",\n \"id\": 1,\n \"messages\": [\n";
  for (size_t i = 0; i < elements.size(); ++i) out += elements[i] + (i + 1 < elements.size() ? ",\n" : "\n");
  return out + " ]\n}\n";
}

std::string nested_arrays(size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

// Whether a skipped example has this reason (an i18n key, input.*).
bool skipped_because(const SourceReport& r, std::string_view key) {
  for (const SkippedLine& s : r.skipped_examples)
    if (s.reason.key == key) return true;
  return false;
}

std::string utf16(std::string_view ascii, bool big_endian, bool bom) {
  std::string out = bom ? (big_endian ? std::string("\xFE\xFF") : std::string("\xFF\xFE")) : std::string();
  for (char c : ascii) {
    if (big_endian) out += '\0';
    out += c;
    if (!big_endian) out += '\0';
  }
  return out;
}

}  // namespace

// The recursion that consumed a message's values had no bound: 100,000 levels overflowed the stack.
TEST(HostileTelegram, MessagesArrayNestedVeryDeeplyIsSkippedNotACrash) {
  const auto r =
      import_telegram(telegram_chat({telegram_message(1), "  " + nested_arrays(100000), telegram_message(2)}));
  ASSERT_TRUE(r.report.ok()) << r.report.status;
  EXPECT_EQ(r.corpus.size(), 2u);
  EXPECT_EQ(r.report.lines_skipped, 1u);
  EXPECT_TRUE(skipped_because(r.report, "input.nested_too_deeply")) << r.report.skipped_examples.at(0).reason;
}

TEST(HostileTelegram, TextEntityArrayNestedVeryDeeplySkipsThatMessage) {
  const auto r = import_telegram(telegram_chat({telegram_message(1), telegram_message(2, nested_arrays(100000))}));
  ASSERT_TRUE(r.report.ok()) << r.report.status;
  EXPECT_EQ(r.corpus.size(), 1u);
  ASSERT_EQ(r.report.skipped_examples.size(), 1u);
  const SkippedLine& s = r.report.skipped_examples[0];
  // The byte named is where the 65th level opens, inside the second message.
  ASSERT_EQ(s.reason.key, "input.nested_too_deeply") << s.reason;
  const auto byte = static_cast<size_t>(s.reason.params.find("offset")->as_int());
  EXPECT_GT(byte, s.offset);
  EXPECT_EQ(s.line, 7u);
}

TEST(HostileTelegram, MinifiedDeepNestingIsSkippedToo) {
  std::string json = R"({"name":"Ana","type":"personal_chat","id":1,"messages":[)" + telegram_message(1) + "," +
                     nested_arrays(30000) + "," + telegram_message(2) + "]}";
  const auto r = import_telegram(json);
  ASSERT_TRUE(r.report.ok()) << r.report.status;
  EXPECT_EQ(r.corpus.size(), 2u);
  EXPECT_TRUE(skipped_because(r.report, "input.nested_too_deeply"));
}

TEST(HostileTelegram, NestingTelegramWritesIsRead) {
  // Sixty levels inside an unknown key: unusual, but within the limit, so the message is kept.
  const std::string deep_entity = "[{\"type\": \"bold\", \"text\": \"hi\", \"x\": " + nested_arrays(60) + "}]";
  const auto r = import_telegram(telegram_chat({telegram_message(1, deep_entity)}));
  ASSERT_TRUE(r.report.ok()) << r.report.status;
  ASSERT_EQ(r.corpus.size(), 1u);
  EXPECT_EQ(r.corpus.text(0), "hi");
  EXPECT_EQ(r.report.lines_skipped, 0u);
}

// A bare number closing the array made the whole file "invalid JSON".
TEST(HostileTelegram, BareNumberAtTheEndOfTheMessagesArrayIsSkippedAndCounted) {
  const auto r = import_telegram(telegram_chat({telegram_message(1), telegram_message(2), "  7"}));
  ASSERT_TRUE(r.report.ok()) << r.report.status;
  EXPECT_EQ(r.corpus.size(), 2u);
  EXPECT_EQ(r.report.lines_skipped, 1u);
  EXPECT_TRUE(skipped_because(r.report, "input.not_a_message_object"));
}

TEST(HostileTelegram, ScalarsBetweenMessagesAreSkippedAndCounted) {
  const auto r = import_telegram(
      telegram_chat({"  7", telegram_message(1), "  \"x\"", "  null", telegram_message(2), "  true", "  [1, 2]"}));
  ASSERT_TRUE(r.report.ok()) << r.report.status;
  EXPECT_EQ(r.corpus.size(), 2u);
  EXPECT_EQ(r.report.lines_skipped, 5u);
}

// These imported 0 messages with no error at all.
TEST(HostileTelegram, EveryMessageUnreadableIsAnUnreadableInput) {
  const auto r = import_telegram(telegram_chat({"  1", "  2", "  \"three\""}));
  ASSERT_FALSE(r.report.ok());
  EXPECT_EQ(r.report.status.key(), "input.nothing_imported_first") << r.report.status;
  EXPECT_EQ(r.report.status.params().find("line")->as_int(), 6) << r.report.status;
  EXPECT_EQ(r.corpus.size(), 0u);
}

TEST(HostileTelegram, MessagesThatIsAStringOrAnObjectIsAnUnreadableInput) {
  for (const std::string value : {"\"hello\"", "{\"id\": 1}", "42"}) {
    const auto r = import_telegram(R"({"name": "Ana", "type": "personal_chat", "id": 1, "messages": )" + value + "}");
    ASSERT_FALSE(r.report.ok()) << value;
    EXPECT_EQ(r.report.status.params().find("reason")->find("key")->as_string(), "input.messages_not_an_array")
        << r.report.status;
  }
}

TEST(HostileTelegram, AnEmptyChatIsNotAnError) {
  const auto r = import_telegram(R"({"name": "Ana", "type": "personal_chat", "id": 1, "messages": []})");
  EXPECT_TRUE(r.report.ok());
}

TEST(Utf16, DetectedWithAndWithoutByteOrderMark) {
  const std::string text = "12/31/22, 21:05 - Ana: hola\n";
  EXPECT_EQ(detect_utf16(utf16(text, false, true)), Utf16::LittleEndian);
  EXPECT_EQ(detect_utf16(utf16(text, true, true)), Utf16::BigEndian);
  EXPECT_EQ(detect_utf16(utf16(text, false, false)), Utf16::LittleEndian);
  EXPECT_EQ(detect_utf16(utf16(text, true, false)), Utf16::BigEndian);
  EXPECT_EQ(detect_utf16(text), Utf16::None);
  EXPECT_EQ(detect_utf16("\xEF\xBB\xBF" + text), Utf16::None);
}

TEST(Utf16, SurrogatePairsAndBrokenUnitsDecode) {
  // "a😀" then an unpaired high surrogate, then a lone final byte.
  const std::string le = std::string(
      "\xFF\xFE"
      "a\0"
      "\x3D\xD8\x00\xDE"
      "\x3D\xD8"
      "b\0"
      "c",
      13);
  EXPECT_EQ(utf16_to_utf8(le, Utf16::LittleEndian), "a\U0001F600\uFFFDb\uFFFD");
}

// UTF-16 exports were "binary data".
TEST(HostileWhatsApp, Utf16ExportsAreDecodedAndImported) {
  const std::string chat = "12/30/22, 10:00 - Ana: hola\n12/30/22, 10:01 - Bob: qué tal\n";
  for (bool big : {false, true}) {
    for (bool bom : {false, true}) {
      std::string bytes = bom ? (big ? std::string("\xFE\xFF") : std::string("\xFF\xFE")) : std::string();
      // Through the real decoder's inverse, so "é" (U+00E9) is one unit.
      for (size_t i = 0; i < chat.size();) {
        const auto b = static_cast<unsigned char>(chat[i]);
        char32_t cp = b;
        if (b >= 0xC0)
          cp = ((b & 0x1F) << 6) | (static_cast<unsigned char>(chat[i + 1]) & 0x3F), i += 2;
        else
          ++i;
        const char hi = static_cast<char>(cp >> 8), lo = static_cast<char>(cp & 0xFF);
        bytes += big ? std::string{hi, lo} : std::string{lo, hi};
      }
      const auto w = import_whatsapp(bytes);
      ASSERT_TRUE(w.report.ok()) << (big ? "BE" : "LE") << bom << ": " << w.report.status;
      ASSERT_EQ(w.size(), 2u);
      EXPECT_TRUE(IsMessage(w, 1, "Bob", "2022-12-30T10:01:00", MessageKind::Text, "qué tal"));
      ASSERT_FALSE(w.report.notes.empty());
      EXPECT_EQ(w.report.notes[0].debug(), big ? R"(input.decoded_utf16 {"encoding":"UTF-16BE"})"
                                               : R"(input.decoded_utf16 {"encoding":"UTF-16LE"})");
    }
  }
}

TEST(HostileWhatsApp, Utf16ThatIsNotAnExportNamesTheEncoding) {
  const auto w = import_whatsapp(utf16("just some notes, nothing else here\n", false, true));
  ASSERT_FALSE(w.report.ok());
  EXPECT_EQ(w.report.status.key(), "input.decoded_then") << w.report.status;
  EXPECT_EQ(w.report.status.params().find("encoding")->as_string(), "UTF-16LE") << w.report.status;
}

// A header cut off at the end became a system message "Ana Ma".
TEST(HostileWhatsApp, HeaderCutInsideTheAuthorIsASkippedTruncatedLine) {
  const auto w =
      import_whatsapp("12/30/22, 10:00 - Ana Maria: hola\n12/30/22, 10:01 - Bob: hey\n12/31/22, 21:05 - Ana Ma");
  ASSERT_TRUE(w.report.ok());
  ASSERT_EQ(w.size(), 2u);
  EXPECT_TRUE(IsMessage(w, 1, "Bob", "2022-12-30T10:01:00", MessageKind::Text, "hey"));
  ASSERT_EQ(w.report.skipped_examples.size(), 1u);
  EXPECT_EQ(w.report.skipped_examples[0].line, 3u);
  EXPECT_EQ(w.report.skipped_examples[0].reason.key, "input.header_cut_off");
}

TEST(HostileWhatsApp, HeaderCutInsideTheTimeIsNotAppendedToTheLastMessage) {
  for (std::string cut : {"12/31/22, 2", "12/31/", "12/31/22, 21:05 -", "12/31/22, 21:05 - "}) {
    const auto w = import_whatsapp("12/30/22, 10:00 - Ana: hola\n12/30/22, 10:01 - Bob: hey\n" + cut);
    ASSERT_EQ(w.size(), 2u) << cut;
    EXPECT_TRUE(IsMessage(w, 1, "Bob", "2022-12-30T10:01:00", MessageKind::Text, "hey")) << cut;
    EXPECT_EQ(w.report.lines_skipped, 1u) << cut;
  }
  const auto ios = import_whatsapp("[30.12.22, 10:00:00] Ana: hola\n[30.12.22, 10:01:00] Bob: hey\n[31.12.22, 21:0");
  EXPECT_EQ(ios.size(), 2u);
  EXPECT_EQ(ios.report.lines_skipped, 1u);
}

TEST(HostileWhatsApp, CompleteLastLinesWithoutLineBreakStayMessages) {
  const auto w = import_whatsapp("12/30/22, 10:00 - Ana: hola\n12/30/22, 10:01 - Bob: hey\n12/31/22, 21:05 - Bob left");
  ASSERT_EQ(w.size(), 3u);
  EXPECT_TRUE(IsMessage(w, 2, "", "2022-12-31T21:05:00", MessageKind::System, "Bob left"));
  const auto cont = import_whatsapp("12/30/22, 10:00 - Ana: hola\n12/30/22, 10:01 - Bob: hey\nsee you at 5");
  ASSERT_EQ(cont.size(), 2u);
  EXPECT_EQ(cont.text(1), "hey\nsee you at 5");
  EXPECT_EQ(cont.report.lines_skipped, 0u);
}
