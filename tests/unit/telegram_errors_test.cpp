// Recognising Telegram exports, and failing clearly on anything broken.
#include <gtest/gtest.h>

#include "import/importer.hpp"
#include "telegram_test_util.hpp"

using namespace chatlens;
using namespace chatlens::testing;

TEST(TelegramSniff, RecognisesSingleChatAndFullAccountExports) {
  const Importer& tg = telegram_json_importer();
  EXPECT_GE(tg.sniff(R"({
 "name": "Bob",
 "type": "personal_chat",
 "id": 700000000,
 "messages": [)"),
            90);
  EXPECT_GE(tg.sniff(R"({"about": "Here is the data you requested.", "personal_information": {"user_id": 1}})"), 90);
  EXPECT_GE(tg.sniff(R"({"messages": [{"type": "message", "date_unixtime": "1544006350", "from": "A"}]})"), 90);
  // The oldest exports have neither ids nor unixtimes, but Telegram's message types.
  EXPECT_GT(tg.sniff(R"({"messages": [{"id": 1, "type": "message", "date": "2018-06-01T10:00:00", "from": "A"}]})"), 0);
}

TEST(TelegramSniff, OtherJsonIsNotTelegram) {
  const Importer& tg = telegram_json_importer();
  // DiscordChatExporter: also has a "messages" array.
  EXPECT_EQ(
      tg.sniff(R"({"guild": {"id": "0", "name": "Direct Messages"}, "channel": {"id": "1", "type": "DirectTextChat"},
    "messages": [{"id": "1", "type": "Default", "timestamp": "2019-01-04T17:52:39.762+00:00", "content": "hi"}]})"),
      0);
  // Messenger / Instagram.
  EXPECT_EQ(
      tg.sniff(
          R"({"participants": [{"name": "A"}], "messages": [{"sender_name": "A", "timestamp_ms": 1, "content": "x"}],
    "title": "A", "thread_type": "Regular"})"),
      0);
  EXPECT_EQ(tg.sniff(R"({"messages": []})"), 0);
  EXPECT_EQ(tg.sniff(R"([{"type": "message", "from_id": "user1"}])"), 0);
  EXPECT_EQ(tg.sniff("12/9/20, 23:16 - Alice: hi"), 0);
  EXPECT_EQ(tg.sniff(""), 0);
}

TEST(TelegramSniff, NonTelegramJsonIsReportedClearly) {
  const auto r = import_telegram(R"({"participants": [{"name": "A"}], "messages": [{"sender_name": "A"}]})");
  ASSERT_FALSE(r.report.ok());
  EXPECT_EQ(r.report.status.key(), "input.json_not_telegram") << r.report.status;
  EXPECT_EQ(r.corpus.size(), 0u);
}

TEST(TelegramErrors, InvalidJsonNamesWhatWasExpectedAndWhere) {
  // A missing comma after "id", as in a hand-edited export.
  const auto r = import_telegram(R"({
  "name": "Bot User",
  "type": "bot_chat",
  "id": 9999999999
  "messages": [
   {"id": 1, "type": "message", "date": "2020-10-13T23:31:04", "from": "A", "from_id": 1, "text": "x"}
  ]
})");
  ASSERT_FALSE(r.report.ok());
  EXPECT_EQ(
      r.report.status.detail(),
      R"(input.invalid_json {"offset":67,"line":5,"column":3,"expected":"',' or '}' after an object member","found":"'\"'"})");
  EXPECT_EQ(r.corpus.size(), 0u);
  EXPECT_EQ(r.corpus.chats.size(), 0u);
  EXPECT_EQ(r.report.records, 0u);
}

TEST(TelegramErrors, BrokenMessageDiscardsTheWholeInput) {
  // The first messages are fine; the broken one makes the whole file unreadable, and nothing is kept.
  const auto r = import_telegram(R"({"name": "A", "type": "personal_chat", "id": 1, "messages": [
  {"id": 1, "type": "message", "date": "2024-01-01T10:00:00", "from": "A", "from_id": "user1", "text": "ok"},
  {"id": 2, "type": "message", "date": "2024-01-01T10:00:00", "from": "A" "from_id": "user1", "text": "broken"}
 ]})");
  ASSERT_FALSE(r.report.ok());
  EXPECT_EQ(r.report.status.key(), "input.invalid_json");
  EXPECT_EQ(r.report.status.params().find("line")->as_int(), 3);
  EXPECT_EQ(r.report.status.params().find("column")->as_int(), 75);
  EXPECT_EQ(r.report.status.params().find("expected")->as_string(), "',' or '}' after an object member");
  EXPECT_EQ(r.corpus.size(), 0u);
}

TEST(TelegramErrors, TruncatedFileIsAnError) {
  std::string json = R"({"name": "A", "type": "personal_chat", "id": 1, "messages": [
  {"id": 1, "type": "message", "date": "2024-01-01T10:00:00", "from": "A", "from_id": "user1", "text": "ok"},
  {"id": 2, "type": "message", "date": "2024-01-01T10:00:00", "from": "A", "from_id": "user1", "text": "cut h)";
  const auto r = import_telegram(json);
  ASSERT_FALSE(r.report.ok());
  EXPECT_NE(r.report.status.detail().find("never ends"), std::string::npos) << r.report.status;
  EXPECT_EQ(r.corpus.size(), 0u);
}

TEST(TelegramErrors, OtherSyntaxErrorsAreExplained) {
  const std::pair<std::string, std::string> cases[] = {
      {R"({"messages": [{"type": "message", "date_unixtime": "1", "text": "a"},]})", "a message after ','"},
      {R"({"messages": [{"type": "message", "date_unixtime": "1", "text": "a\u12"}]})",
       "four hexadecimal digits after \\u"},
      {"{\"messages\": [{\"type\": \"message\", \"date_unixtime\": \"1\", \"text\": \"a\xFF\"}]}", "valid UTF-8"},
      {R"({"messages": [{"type": "message", "date_unixtime": "1", "text": "a"}]} trailing)", "the end of the input"},
      {R"({"messages": [{"type": "message", "date_unixtime": "1", "text": tru}]})", "\"a value\""},
      {R"({"about": "x", "personal_information": {"user_id": 1,}})", "a string key"},
  };
  for (const auto& [json, expected] : cases) {
    const auto r = import_telegram(json);
    ASSERT_FALSE(r.report.ok()) << json;
    EXPECT_EQ(r.report.status.key(), "input.invalid_json");
    const std::string said = r.report.status.params().find("expected")->as_string();
    EXPECT_NE(("\"" + said + "\"").find(expected), std::string::npos) << r.report.status;
    EXPECT_EQ(r.corpus.size(), 0u);
  }
}

TEST(TelegramErrors, ByteOrderMarkIsAllowed) {
  const auto r = import_telegram(
      "\xEF\xBB\xBF{\"name\": \"A\", \"type\": \"personal_chat\", \"id\": 1, \"messages\": [{\"id\": 1, \"type\": "
      "\"message\", \"date\": \"2024-01-01T10:00:00\", \"from\": \"A\", \"from_id\": \"user1\", \"text\": \"ok\"}]}");
  ASSERT_TRUE(r.report.ok()) << r.report.status;
  EXPECT_EQ(r.corpus.size(), 1u);
}
