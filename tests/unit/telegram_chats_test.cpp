// Chats and their owner: single-chat and full-account exports, chat kinds,
// who "me" is.
#include <gtest/gtest.h>

#include "telegram_test_util.hpp"
#include "test_today.hpp"

using namespace chatlens;
using namespace chatlens::testing;

namespace {

const Chat* chat_titled(const Corpus& c, std::string_view title) {
  for (const Chat& chat : c.chats)
    if (chat.title == title) return &chat;
  ADD_FAILURE() << "no chat titled " << title;
  return nullptr;
}

constexpr std::string_view kFullAccount = R"({
 "about": "Here is the data you requested. Remember: Telegram is ad free, it doesn't use your data for ad targeting.",
 "personal_information": {
  "user_id": 100000001,
  "first_name": "Test",
  "last_name": "User",
  "phone_number": "+00 000 000 0000",
  "bio": "hello"
 },
 "profile_pictures": [{"date": "2023-01-01T00:00:00", "date_unixtime": "1672531200", "photo": "p.jpg"}],
 "contacts": {"about": "contacts", "list": [{"user_id": 5, "first_name": "C", "last_name": "", "phone_number": "1"}]},
 "chats": {
  "about": "This page lists all chats from this export.",
  "list": [
   {
    "name": "Chat One",
    "type": "personal_chat",
    "id": 700000001,
    "messages": [
     {
      "id": 1001,
      "type": "message",
      "date": "2023-01-01T10:00:00",
      "date_unixtime": "1672567200",
      "from": "Alice",
      "from_id": "user300000000",
      "text": "Hello from chat one!"
     },
     {
      "id": 1002,
      "type": "message",
      "date": "2023-01-01T10:01:00",
      "date_unixtime": "1672567260",
      "from": "Test User",
      "from_id": "user100000001",
      "text": "Hi there!"
     }
    ]
   },
   {
    "name": "Chat Two",
    "type": "private_supergroup",
    "id": 700000002,
    "messages": [
     {
      "id": 2001,
      "type": "message",
      "date": "2023-01-02T10:00:00",
      "date_unixtime": "1672653600",
      "from": "Charlie",
      "from_id": "user800000000",
      "text": "Welcome to chat two!"
     }
    ]
   },
   {
    "type": "saved_messages",
    "id": 100000001,
    "messages": []
   },
   {
    "name": "News",
    "type": "public_channel",
    "id": 700000003,
    "messages": [
     {
      "id": 5,
      "type": "message",
      "date": "2023-01-03T10:00:00",
      "date_unixtime": "1672740000",
      "from": "News",
      "from_id": "channel700000003",
      "text": "breaking"
     }
    ]
   }
  ]
 },
 "left_chats": {
  "about": "left",
  "list": [
   {
    "name": "Old Group",
    "type": "private_group",
    "id": 600,
    "messages": [
     {
      "id": 1,
      "type": "message",
      "date": "2020-01-01T10:00:00",
      "from": "Dora",
      "from_id": "user900",
      "text": "bye"
     }
    ]
   }
  ]
 },
 "other_data": {"about": "x", "changes_log": [{"a": 1}]}
})";

}  // namespace

TEST(TelegramChats, FullAccountExportReadsEveryChatAndNamesTheOwner) {
  const auto r = import_telegram(std::string(kFullAccount));
  ASSERT_TRUE(r.report.ok()) << r.report.status;
  EXPECT_EQ(r.report.variant, "full-account");
  EXPECT_EQ(r.report.chats, 5u);
  EXPECT_EQ(r.report.records, 5u);
  const Corpus& c = r.corpus;
  ASSERT_EQ(c.chats.size(), 5u);

  const Chat* one = chat_titled(c, "Chat One");
  const Chat* two = chat_titled(c, "Chat Two");
  const Chat* saved = chat_titled(c, "Saved Messages");
  const Chat* news = chat_titled(c, "News");
  const Chat* left = chat_titled(c, "Old Group");
  ASSERT_TRUE(one && two && saved && news && left);
  EXPECT_EQ(one->kind, ChatKind::Private);
  EXPECT_EQ(one->platform_id, "700000001");
  EXPECT_EQ(one->size(), 2u);
  EXPECT_EQ(two->kind, ChatKind::Group);
  EXPECT_EQ(saved->kind, ChatKind::Saved);
  EXPECT_EQ(saved->size(), 0u);
  EXPECT_EQ(news->kind, ChatKind::Channel);
  EXPECT_EQ(left->kind, ChatKind::Group);

  // personal_information names the owner: same person as their own messages.
  EXPECT_EQ(owner_names(c), "Test User");
  const size_t mine = message_with_id(c, 1002);
  EXPECT_TRUE(c.is_owner(c.messages.sender[mine]));
  EXPECT_FALSE(c.is_owner(c.messages.sender[message_with_id(c, 1001)]));
}

TEST(TelegramChats, OwnerIsDeclaredEvenWhenTheyNeverWrote) {
  std::string json(kFullAccount);
  const std::string mine = R"("from": "Test User",
      "from_id": "user100000001")";
  json.replace(json.find(mine), mine.size(), R"("from": "Alice", "from_id": "user300000000")");
  const auto r = import_telegram(json);
  ASSERT_TRUE(r.report.ok()) << r.report.status;
  EXPECT_EQ(owner_names(r.corpus), "Test User");
  const auto owners = r.corpus.owners();
  ASSERT_EQ(owners.size(), 1u);
  EXPECT_EQ(r.corpus.people[owners[0]].platform_id, "user100000001");
}

TEST(TelegramChats, ChatKindsFollowTheChatType) {
  const std::pair<std::string_view, ChatKind> cases[] = {
      {"personal_chat", ChatKind::Private},    {"bot_chat", ChatKind::Private},
      {"saved_messages", ChatKind::Saved},     {"private_group", ChatKind::Group},
      {"private_supergroup", ChatKind::Group}, {"public_supergroup", ChatKind::Group},
      {"private_channel", ChatKind::Channel},  {"public_channel", ChatKind::Channel},
      {"replies", ChatKind::Unknown},          {"", ChatKind::Unknown},
  };
  for (const auto& [type, kind] : cases) {
    const auto r = import_telegram(R"({"name": "X", "type": ")" + std::string(type) + R"(", "id": 3, "messages": [
  {"id": 1, "type": "message", "date": "2024-01-01T10:00:00", "from": "A", "from_id": "user1", "text": "x"}]})");
    ASSERT_TRUE(r.report.ok()) << type;
    ASSERT_EQ(r.corpus.chats.size(), 1u);
    EXPECT_EQ(r.corpus.chats[0].kind, kind) << type;
    EXPECT_EQ(r.corpus.chats[0].platform, Platform::Telegram);
  }
}

TEST(TelegramChats, SinglePersonalChatOwnerIsTheSenderWhoIsNotTheChatPeer) {
  // The chat id of a personal chat is the other party's user id.
  const auto r = import_telegram(R"({
 "name": "Bob",
 "type": "personal_chat",
 "id": 700000000,
 "messages": [
  {"id": 1, "type": "message", "date": "2023-01-01T10:00:00", "from": "Bob", "from_id": "user700000000", "text": "hi"},
  {"id": 2, "type": "message", "date": "2023-01-01T10:01:00", "from": "Alice", "from_id": "user300000000", "text": "yo"},
  {"id": 3, "type": "service", "date": "2023-01-01T10:02:00", "actor": "Bob", "actor_id": "user700000000",
   "action": "phone_call", "duration_seconds": 5, "text": ""}
 ]
})");
  ASSERT_TRUE(r.report.ok()) << r.report.status;
  EXPECT_EQ(owner_names(r.corpus), "Alice");
  EXPECT_EQ(r.corpus.chats[0].title, "Bob");
  EXPECT_EQ(r.corpus.chats[0].platform_id, "700000000");
}

TEST(TelegramChats, OwnerOfAPersonalChatWhereOnlyTheOwnerWrote) {
  const auto r = import_telegram(R"({"name": "Bob", "type": "personal_chat", "id": 7, "messages": [
  {"id": 1, "type": "message", "date": "2023-01-01T10:00:00", "from": "Me", "from_id": "user3", "text": "anyone?"}]})");
  ASSERT_TRUE(r.report.ok());
  EXPECT_EQ(owner_names(r.corpus), "Me");
}

TEST(TelegramChats, NoOwnerWhenThePersonalChatCannotTell) {
  // Neither sender is the chat peer (anonymised data): never guess.
  const auto r = import_telegram(R"({"name": "Jim", "type": "personal_chat", "id": 5965280513, "messages": [
  {"id": 1, "type": "message", "date": "2023-08-23T13:11:23", "from": "J", "from_id": "user123450513", "text": "a"},
  {"id": 2, "type": "message", "date": "2023-08-23T13:13:20", "from": "B", "from_id": "user6565661032", "text": "b"}
 ]})");
  ASSERT_TRUE(r.report.ok());
  EXPECT_EQ(owner_names(r.corpus), "");
}

TEST(TelegramChats, SavedMessagesBelongToTheirSender) {
  const auto r = import_telegram(R"({"type": "saved_messages", "id": 9999999999, "messages": [
  {"id": 1, "type": "message", "date": "2020-08-01T22:01:49", "from": "Ben", "from_id": 9999999999, "text": "note"},
  {"id": 2, "type": "message", "date": "2020-08-01T22:02:49", "from": "Ben", "from_id": 9999999999,
   "forwarded_from": "Other Person", "saved_from": "Other Person", "text": "kept"}
 ]})");
  ASSERT_TRUE(r.report.ok());
  EXPECT_EQ(r.corpus.chats[0].title, "Saved Messages");
  EXPECT_EQ(r.corpus.chats[0].kind, ChatKind::Saved);
  EXPECT_EQ(owner_names(r.corpus), "Ben");
}

TEST(TelegramChats, ChatKeysMayComeAfterTheMessages) {
  const auto r = import_telegram(R"({"messages": [
  {"id": 1, "type": "message", "date": "2023-01-01T10:00:00", "from": "Bob", "from_id": "user8", "text": "hi"},
  {"id": 2, "type": "message", "date": "2023-01-01T10:01:00", "from": "Me", "from_id": "user3", "text": "hey"}
 ], "id": 8, "type": "personal_chat", "name": "Bob"})");
  ASSERT_TRUE(r.report.ok()) << r.report.status;
  ASSERT_EQ(r.corpus.chats.size(), 1u);
  EXPECT_EQ(r.corpus.chats[0].title, "Bob");
  EXPECT_EQ(r.corpus.chats[0].kind, ChatKind::Private);
  EXPECT_EQ(owner_names(r.corpus), "Me");
}

TEST(TelegramChats, EmptyChatIsStillAChat) {
  const auto r = import_telegram(R"({
 "name": "otherperson",
 "type": "personal_chat",
 "id": 5555555555,
 "messages": [
 ]
})");
  ASSERT_TRUE(r.report.ok()) << r.report.status;
  EXPECT_EQ(r.report.chats, 1u);
  EXPECT_EQ(r.report.records, 0u);
  ASSERT_EQ(r.corpus.chats.size(), 1u);
  EXPECT_EQ(r.corpus.chats[0].title, "otherperson");
  EXPECT_EQ(r.corpus.chats[0].size(), 0u);
}

TEST(TelegramChats, BatchExportWithOnlyAChatList) {
  const auto r = import_telegram(R"({"chats": {"list": [{"name": "Chatname", "messages": [
  {"type": "message", "date_unixtime": "1544006350", "from": "Author 1", "text": "Minimal Message"}]}]}})");
  ASSERT_TRUE(r.report.ok()) << r.report.status;
  EXPECT_EQ(r.report.variant, "full-account");
  ASSERT_EQ(r.corpus.chats.size(), 1u);
  EXPECT_EQ(r.corpus.chats[0].title, "Chatname");
  EXPECT_EQ(r.corpus.text(0), "Minimal Message");
}

TEST(TelegramChats, ImportingTheSameExportTwiceKeepsOneCopyOfEachMessage) {
  // Chats with the same Telegram id are merged (chat_merge.hpp): ids make duplicates exact.
  ImportSession session(kTestToday);
  session.add("a.json", std::string(kFullAccount));
  session.add("b.json", std::string(kFullAccount));
  Corpus c = std::move(session).finish();
  EXPECT_EQ(c.size(), 5u);
  size_t non_empty = 0;
  for (const Chat& chat : c.chats) non_empty += chat.size() > 0;
  EXPECT_EQ(non_empty, 4u);
}
