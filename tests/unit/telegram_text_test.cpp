// Message texts: plain strings, entity arrays joined exactly, text_entities.
#include <gtest/gtest.h>

#include <cstdlib>

#include "telegram_test_util.hpp"
#include "test_today.hpp"

using namespace chatlens;
using namespace chatlens::testing;

namespace {

std::string chat_with(std::string_view messages) {
  return R"({
 "name": "Ana",
 "type": "personal_chat",
 "id": 42,
 "messages": [
)" + std::string(messages) +
         R"(
 ]
})";
}

}  // namespace

TEST(TelegramText, PlainStringIsTheText) {
  const auto r = import_telegram(chat_with(R"(  {
   "id": 1,
   "type": "message",
   "date": "2023-01-01T10:00:00",
   "date_unixtime": "1672567200",
   "from": "Ana",
   "from_id": "user42",
   "text": "hello there"
  })"));
  ASSERT_TRUE(r.report.ok()) << r.report.status;
  ASSERT_EQ(r.corpus.size(), 1u);
  EXPECT_EQ(r.corpus.text(0), "hello there");
  EXPECT_EQ(r.corpus.messages.kind[0], MessageKind::Text);
}

TEST(TelegramText, EntityArrayIsJoinedExactlyWithoutSeparators) {
  // Parts are concatenated as they are: no space is added between "Link:" and the URL.
  const auto r = import_telegram(chat_with(R"(  {
   "id": 1,
   "type": "message",
   "date": "2023-01-01T10:00:00",
   "from": "Ana",
   "from_id": "user42",
   "text": [
    {
     "type": "bold",
     "text": "Link:"
    },
    {
     "type": "link",
     "text": "https://telegram.org/"
    },
    " and ",
    {
     "type": "text_link",
     "text": "docs",
     "href": "https://core.telegram.org/"
    },
    {
     "type": "mention_name",
     "text": " Bob",
     "user_id": 7
    },
    ""
   ]
  })"));
  ASSERT_TRUE(r.report.ok()) << r.report.status;
  EXPECT_EQ(r.corpus.text(0), "Link:https://telegram.org/ and docs Bob");
}

TEST(TelegramText, SingleEntityAndEmptyArrays) {
  const auto r = import_telegram(chat_with(R"(  {
   "id": 1, "type": "message", "date": "2023-01-01T10:00:00", "from": "Ana", "from_id": "user42",
   "text": [{"type": "link", "text": "https://example.org"}]
  },
  {
   "id": 2, "type": "message", "date": "2023-01-01T10:00:01", "from": "Ana", "from_id": "user42",
   "text": []
  })"));
  ASSERT_TRUE(r.report.ok()) << r.report.status;
  EXPECT_EQ(r.corpus.text(message_with_id(r.corpus, 1)), "https://example.org");
  EXPECT_EQ(r.corpus.text(message_with_id(r.corpus, 2)), "");
}

TEST(TelegramText, TextEntitiesGiveTheSameTextAndAreUsedWhenTextIsMissing) {
  const auto r = import_telegram(chat_with(R"(  {
   "id": 1,
   "type": "message",
   "date": "2023-01-01T10:00:00",
   "from": "Ana",
   "from_id": "user42",
   "text": [{"type": "link", "text": "https://google.com"}, " \ud83d\udc40"],
   "text_entities": [
    {"type": "link", "text": "https://google.com"},
    {"type": "plain", "text": " \ud83d\udc40"}
   ]
  },
  {
   "id": 2,
   "type": "message",
   "date": "2023-01-01T10:00:01",
   "from": "Ana",
   "from_id": "user42",
   "text_entities": [
    {"type": "plain", "text": "only "},
    {"type": "italic", "text": "entities"}
   ]
  })"));
  ASSERT_TRUE(r.report.ok()) << r.report.status;
  EXPECT_EQ(r.corpus.text(message_with_id(r.corpus, 1)), "https://google.com \xF0\x9F\x91\x80");
  EXPECT_EQ(r.corpus.text(message_with_id(r.corpus, 2)), "only entities");
}

TEST(TelegramText, EscapesAreDecoded) {
  const auto r = import_telegram(chat_with(R"(  {
   "id": 1, "type": "message", "date": "2023-01-01T10:00:00", "from": "Ana \"A\"", "from_id": "user42",
   "text": "line one\nline \"two\" \\ caf\u00e9 \ud83d\ude00"
  })"));
  ASSERT_TRUE(r.report.ok()) << r.report.status;
  EXPECT_EQ(r.corpus.text(0), "line one\nline \"two\" \\ caf\xC3\xA9 \xF0\x9F\x98\x80");
  EXPECT_EQ(sender_name(r.corpus, 0), "Ana \"A\"");
}

TEST(TelegramText, PlainTextsAreBorrowedFromTheInputNotCopied) {
  // Thousands of plain messages: the corpus must not hold a second copy of their texts.
  std::string messages;
  const std::string body(200, 'x');
  for (int i = 0; i < 5000; ++i) {
    if (i) messages += ",\n";
    messages += R"(  {"id": )" + std::to_string(i + 1) +
                R"(, "type": "message", "date": "2023-01-01T10:00:00", "from": "Ana", "from_id": "user42", "text": ")" +
                body + R"("})";
  }
  const std::string json = chat_with(messages);
  ImportSession session(kTestToday);
  session.add("result.json", json);
  Corpus c = std::move(session).finish();
  ASSERT_EQ(c.size(), 5000u);
  // Every text lies inside one block: the adopted input.
  const char* first = c.text(0).data();
  for (size_t i = 0; i < c.size(); ++i) {
    ASSERT_EQ(c.text(i), body);
    EXPECT_LT(static_cast<size_t>(std::abs(c.text(i).data() - first)), json.size());
  }
}
