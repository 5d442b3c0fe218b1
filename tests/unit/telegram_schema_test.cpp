// The schema across Telegram Desktop versions: dates, sender ids, edits,
// replies, forwards, unknown keys, negative ids.
#include <gtest/gtest.h>

#include "telegram_test_util.hpp"

using namespace chatlens;
using namespace chatlens::testing;

TEST(TelegramSchema, CurrentSchemaKeepsLocalTimeAndUtcInstantApart) {
  // Exported at UTC-7: "date" is the exporting computer's wall clock, date_unixtime the instant.
  const auto r = import_telegram(R"({
 "name": "Jim",
 "type": "personal_chat",
 "id": 5965280513,
 "messages": [
  {
   "id": 1,
   "type": "message",
   "date": "2023-08-23T13:11:23",
   "date_unixtime": "1692821483",
   "from": "Jim",
   "from_id": "user5965280513",
   "text": "hi",
   "text_entities": [{"type": "plain", "text": "hi"}]
  }
 ]
})");
  ASSERT_TRUE(r.report.ok()) << r.report.status;
  ASSERT_EQ(r.corpus.size(), 1u);
  EXPECT_EQ(format_local_iso(r.corpus.messages.time[0]), "2023-08-23T13:11:23");
  EXPECT_EQ(r.corpus.messages.utc[0], 1692821483);
  EXPECT_EQ(format_utc_iso(r.corpus.messages.utc[0]), "2023-08-23T20:11:23Z");
  EXPECT_EQ(sender_id(r.corpus, 0), "user5965280513");
  EXPECT_EQ(r.corpus.messages.platform_id[0], 1);
  EXPECT_EQ(r.report.platform, "telegram");
  EXPECT_EQ(r.report.variant, "single-chat");
  EXPECT_EQ(r.report.records, 1u);
  EXPECT_EQ(r.report.chats, 1u);
  EXPECT_TRUE(r.report.notes.empty());
}

TEST(TelegramSchema, OldSchemaWithIntegerIdsNoUnixtimeAndEpochZeroEdited) {
  // Before v2.1.9 every message carries "edited", with the epoch-0 local date when never edited;
  // before v2.7.2 from_id is a bare integer; before v3.7.6 there is no date_unixtime.
  const auto r = import_telegram(R"({
 "name": "Ben",
 "type": "personal_chat",
 "id": 9999999999,
 "messages": [
  {
   "id": 10,
   "type": "message",
   "date": "2020-10-13T23:31:04",
   "edited": "1970-01-01T03:00:00",
   "from": "Ben",
   "from_id": 9999999999,
   "text": "never edited, UTC+3 exporter"
  },
  {
   "id": 11,
   "type": "message",
   "date": "2020-10-13T23:31:05",
   "edited": "1969-12-31T19:00:00",
   "from": "Me",
   "from_id": 1234,
   "text": "never edited either, UTC-5 exporter"
  },
  {
   "id": 12,
   "type": "message",
   "date": "2020-10-13T23:32:00",
   "edited": "2020-10-13T23:40:00",
   "from": "Me",
   "from_id": 1234,
   "text": "really edited"
  }
 ]
})");
  ASSERT_TRUE(r.report.ok()) << r.report.status;
  ASSERT_EQ(r.corpus.size(), 3u);
  const size_t a = message_with_id(r.corpus, 10), b = message_with_id(r.corpus, 11), c = message_with_id(r.corpus, 12);
  EXPECT_FALSE(r.corpus.edited(a));
  EXPECT_FALSE(r.corpus.edited(b));
  EXPECT_TRUE(r.corpus.edited(c));
  EXPECT_EQ(sender_id(r.corpus, a), "user9999999999");
  EXPECT_EQ(sender_id(r.corpus, b), "user1234");
  EXPECT_EQ(r.corpus.messages.utc[a], kNoUtc);
  EXPECT_EQ(format_local_iso(r.corpus.messages.time[a]), "2020-10-13T23:31:04");
}

TEST(TelegramSchema, EditedUnixtimeMarksAnEdit) {
  const auto r = import_telegram(R"({"name": "A", "type": "personal_chat", "id": 1, "messages": [
  {"id": 1, "type": "message", "date": "2024-01-01T10:00:00", "date_unixtime": "1704103200",
   "edited": "2024-01-01T10:05:00", "edited_unixtime": "1704103500",
   "from": "A", "from_id": "user1", "text": "fixed typo"},
  {"id": 2, "type": "message", "date": "2024-01-01T10:00:00", "date_unixtime": "1704103200",
   "from": "A", "from_id": "user1", "text": "untouched"}
 ]})");
  ASSERT_TRUE(r.report.ok()) << r.report.status;
  EXPECT_TRUE(r.corpus.edited(message_with_id(r.corpus, 1)));
  EXPECT_FALSE(r.corpus.edited(message_with_id(r.corpus, 2)));
}

TEST(TelegramSchema, RepliesAndForwardsAreFlagged) {
  const auto r = import_telegram(R"({"name": "G", "type": "private_supergroup", "id": 77, "messages": [
  {"id": 1, "type": "message", "date": "2024-01-01T10:00:00", "from": "A", "from_id": "user1", "text": "question"},
  {"id": 2, "type": "message", "date": "2024-01-01T10:01:00", "from": "B", "from_id": "user2",
   "reply_to_message_id": 1, "text": "answer"},
  {"id": 3, "type": "message", "date": "2024-01-01T10:02:00", "from": "B", "from_id": "user2",
   "forwarded_from": "Some Channel", "text": "look"},
  {"id": 4, "type": "message", "date": "2024-01-01T10:03:00", "from": "A", "from_id": "user1",
   "forwarded_from": null, "reply_to_message_id": 999, "reply_to_peer_id": "channel5", "text": "hidden origin"}
 ]})");
  ASSERT_TRUE(r.report.ok()) << r.report.status;
  const Corpus& c = r.corpus;
  const size_t q = message_with_id(c, 1), a = message_with_id(c, 2), f = message_with_id(c, 3),
               h = message_with_id(c, 4);
  EXPECT_EQ(c.messages.flags[q], 0);
  EXPECT_EQ(c.messages.flags[a], kReply);
  EXPECT_EQ(c.messages.reply_to[a], 1);
  EXPECT_EQ(c.messages.reply_to[q], kNoMessageId);
  EXPECT_EQ(c.messages.flags[f], kForwarded);
  EXPECT_EQ(c.messages.flags[h], kForwarded | kReply);
  EXPECT_EQ(c.messages.reply_to[h], 999);
}

TEST(TelegramSchema, UnknownKeysAndNegativeIdsAreFine) {
  // Messages migrated from a legacy group get id - 1e9; newer keys unknown to chatlens are skipped.
  const auto r = import_telegram(R"({"name": "S", "type": "public_supergroup", "id": 9888888888, "messages": [
  {"id": -999678449, "type": "message", "date": "2021-03-18T15:20:37", "from": "Ben", "from_id": 9999999999,
   "reactions": [{"type": "emoji", "count": 2, "emoji": "\u2764", "recent": [{"from": "A", "from_id": "user1", "date": "x"}]}],
   "inline_bot_buttons": [[{"type": "url", "text": "Open", "data": "https://x"}]],
   "media_spoiler": true, "via_bot": "@gif", "author": "sig", "future_key": {"nested": [1, 2.5e3, null, false]},
   "text": "asdsf"},
  {"id": 1, "type": "message", "date": "2021-03-22T15:56:27", "from": "Ben", "from_id": 9999999999, "text": "after"}
 ]})");
  ASSERT_TRUE(r.report.ok()) << r.report.status;
  ASSERT_EQ(r.corpus.size(), 2u);
  const size_t old = message_with_id(r.corpus, -999678449);
  EXPECT_EQ(r.corpus.text(old), "asdsf");
  EXPECT_EQ(r.corpus.chats[0].kind, ChatKind::Group);
  EXPECT_EQ(r.corpus.chats[0].platform_id, "9888888888");
}

TEST(TelegramSchema, UnixtimeOnlyMessagesUseTheUtcInstantAsLocalTimeWithANote) {
  const auto r = import_telegram(R"({"messages": [
  {"type": "message", "date_unixtime": "1544006350", "from": "Author 1", "text": "Minimal Message"},
  {"type": "message", "date_unixtime": "1544006964", "from": "Author 2", "text": "second"}
 ]})",
                                 "my chat.json");
  ASSERT_TRUE(r.report.ok()) << r.report.status;
  ASSERT_EQ(r.corpus.size(), 2u);
  EXPECT_EQ(format_local_iso(r.corpus.messages.time[0]), "2018-12-05T10:39:10");
  EXPECT_EQ(r.corpus.messages.utc[0], 1544006350);
  EXPECT_EQ(r.corpus.messages.platform_id[0], kNoMessageId);
  // No sender ids: people are keyed by name.
  EXPECT_EQ(sender_name(r.corpus, 0), "Author 1");
  EXPECT_EQ(sender_id(r.corpus, 0), "");
  // The chat names itself nowhere: the file name does.
  EXPECT_EQ(r.corpus.chats[0].title, "my chat");
  ASSERT_EQ(r.report.notes.size(), 1u);
  EXPECT_EQ(r.report.notes[0].debug(), R"(input.local_time_from_utc {"count":2})");
}

TEST(TelegramSchema, MessagesWithoutAnyDateAreSkippedAndCounted) {
  const auto r = import_telegram(R"({"name": "A", "type": "personal_chat", "id": 1, "messages": [
  {"id": 1, "type": "message", "from": "A", "from_id": "user1", "text": "when?"},
  {"id": 2, "type": "message", "date": "not a date", "from": "A", "from_id": "user1", "text": "bad"},
  {"id": 3, "type": "message", "date": "2024-01-01T10:00:00", "from": "A", "from_id": "user1", "text": "ok"}
 ]})");
  ASSERT_TRUE(r.report.ok()) << r.report.status;
  ASSERT_EQ(r.corpus.size(), 1u);
  EXPECT_EQ(r.report.records, 1u);
  EXPECT_EQ(r.report.lines_skipped, 2u);
  ASSERT_EQ(r.report.skipped_examples.size(), 2u);
  EXPECT_EQ(r.report.skipped_examples[0].reason.debug(), R"(input.message_without_date {"id":1})");
  EXPECT_EQ(r.report.skipped_examples[0].line, 2u);
}

TEST(TelegramSchema, DeletedAccountsAreStillPeopleKeyedByTheirId) {
  const auto r = import_telegram(R"({"name": "G", "type": "private_group", "id": 5, "messages": [
  {"id": 1, "type": "message", "date": "2024-01-01T10:00:00", "from": null, "from_id": "user66", "text": "gone"},
  {"id": 2, "type": "message", "date": "2024-01-01T10:01:00", "from": null, "from_id": "user66", "text": "still gone"},
  {"id": 3, "type": "message", "date": "2024-01-01T10:02:00", "from": null, "from_id": "user67", "text": "other"},
  {"id": 4, "type": "message", "date": "2024-01-01T10:03:00", "from": "Back Again", "from_id": "user67", "text": "hi"}
 ]})");
  ASSERT_TRUE(r.report.ok()) << r.report.status;
  const Corpus& c = r.corpus;
  EXPECT_EQ(c.messages.sender[message_with_id(c, 1)], c.messages.sender[message_with_id(c, 2)]);
  EXPECT_EQ(sender_name(c, message_with_id(c, 1)), "Deleted Account");
  EXPECT_EQ(sender_id(c, message_with_id(c, 1)), "user66");
  // A later message that names the account names the person.
  EXPECT_EQ(sender_name(c, message_with_id(c, 3)), "Back Again");
}

TEST(TelegramSchema, UnsupportedMessagesAreSkippedAndCounted) {
  const auto r = import_telegram(R"({"name": "A", "type": "personal_chat", "id": 1, "messages": [
  {"id": 100, "type": "message", "date": "2024-01-01T10:00:00", "from": "A", "from_id": "user1", "text": "ok"},
  {
   "id": 101,
   "type": "unsupported"
  },
  {"id": 102, "type": "unsupported"}
 ]})");
  ASSERT_TRUE(r.report.ok()) << r.report.status;
  EXPECT_EQ(r.corpus.size(), 1u);
  EXPECT_EQ(r.report.records, 1u);
  EXPECT_EQ(r.report.lines_skipped, 2u);
  ASSERT_EQ(r.report.skipped_examples.size(), 2u);
  EXPECT_EQ(r.report.skipped_examples[0].reason.debug(), R"(input.unsupported_message {"id":101})");
  EXPECT_EQ(r.report.skipped_examples[0].line, 3u);
  EXPECT_EQ(r.report.skipped_examples[1].reason.debug(), R"(input.unsupported_message {"id":102})");
  EXPECT_EQ(r.report.skipped_examples[1].line, 7u);
  EXPECT_EQ(r.report.skipped_examples[1].excerpt.substr(0, 12), "{\"id\": 102, ");
}

TEST(TelegramSchema, SchemaViolationsAreReadAsFarAsPossible) {
  const auto r = import_telegram(R"({"type": "saved_messages", "id": 9, "messages": [
  {"id": 1, "type": "ERROR:wrong_type", "date": "2020-08-01T22:01:49", "from": "Ben", "from_id": 9,
   "photo": "photos/p.jpg", "text": "photo with odd type"},
  {"id": 2, "type": "message", "date": "2020-08-04T10:49:13", "from": "Ben", "from_id": 9,
   "text": {"error": "text is object"}},
  {"ERROR:id": 3, "type": "message", "date": "2020-08-05T10:49:13", "from": "Ben", "from_id": 9, "text": "no id"},
  {"id": "4", "type": "message", "date": "2020-08-06T10:49:13", "from": ["Ben"], "from_id": true,
   "reply_to_message_id": "x", "media_type": 5, "poll": "no", "text": 12},
  {"id": 5, "type": "service", "date": "2020-08-07T10:49:13", "from": "Ben", "from_id": 9,
   "file": "voice.ogg", "media_type": "voice_message", "text": ""},
  "not a message",
  {"id": 6, "type": "message", "date": "2020-08-08T10:49:13", "from": "Ben", "from_id": 9, "text": "last"}
 ]})");
  ASSERT_TRUE(r.report.ok()) << r.report.status;
  const Corpus& c = r.corpus;
  EXPECT_EQ(c.size(), 6u);
  EXPECT_EQ(c.messages.kind[message_with_id(c, 1)], MessageKind::Media);
  EXPECT_EQ(c.text(message_with_id(c, 1)), "photo with odd type");
  EXPECT_EQ(c.text(message_with_id(c, 2)), "");
  EXPECT_EQ(c.text(message_with_id(c, kNoMessageId)), "no id");
  const size_t odd = message_with_id(c, 4);
  EXPECT_EQ(c.text(odd), "");
  EXPECT_EQ(c.messages.sender[odd], kNoPerson);
  EXPECT_EQ(c.messages.flags[odd], 0);
  EXPECT_EQ(c.messages.kind[message_with_id(c, 5)], MessageKind::System);
  EXPECT_EQ(c.text(message_with_id(c, 6)), "last");
  EXPECT_EQ(r.report.lines_skipped, 1u);
  ASSERT_EQ(r.report.skipped_examples.size(), 1u);
  EXPECT_EQ(r.report.skipped_examples[0].reason.debug(), "input.not_a_message_object {}");
  ASSERT_EQ(r.report.notes.size(), 2u);
  EXPECT_EQ(r.report.notes[0].debug(), R"(input.unknown_type {"count":1,"type":"ERROR:wrong_type"})");
  EXPECT_EQ(r.report.notes[1].key, "input.unexpected_values_in_message");
  EXPECT_EQ(r.report.notes[1].params.find("count")->as_int(), 2);
  EXPECT_EQ(r.report.notes[1].params.find("message_id")->as_int(), 2);
  EXPECT_EQ(r.report.notes[1].params.find("issue")->find("key")->as_string().rfind("input.issue_", 0), 0u);
}

TEST(TelegramSchema, IsoDatesWithFractionsAndZonesFromOtherTools) {
  const auto r = import_telegram(R"({"name": "A", "type": "personal_chat", "id": 1, "messages": [
  {"id": 1, "type": "message", "date": "2017-01-01T06:20:09.248Z", "from": "A", "from_id": "user1", "text": "z"},
  {"id": 2, "type": "message", "date": "2017-01-01T08:21:00+02:00", "from": "A", "from_id": "user1", "text": "offset"},
  {"id": 3, "type": "message", "date": "2017-01-01T06:22:00.5", "from": "A", "from_id": "user1", "text": "naive"},
  {"id": 4, "type": "message", "date": "2017-01-01T01:00:00-05:30", "date_unixtime": "1483252800", "from": "A",
   "from_id": "user1", "text": "unixtime wins"}
 ]})");
  ASSERT_TRUE(r.report.ok()) << r.report.status;
  ASSERT_EQ(r.corpus.size(), 4u);
  EXPECT_EQ(r.report.lines_skipped, 0u);
  const Corpus& c = r.corpus;
  // The wall clock as written, and the instant the zone names.
  EXPECT_EQ(format_local_iso(c.messages.time[message_with_id(c, 1)]), "2017-01-01T06:20:09");
  EXPECT_EQ(c.messages.utc[message_with_id(c, 1)], 1483251609);
  EXPECT_EQ(format_local_iso(c.messages.time[message_with_id(c, 2)]), "2017-01-01T08:21:00");
  EXPECT_EQ(c.messages.utc[message_with_id(c, 2)], 1483251660);
  EXPECT_EQ(c.messages.utc[message_with_id(c, 3)], kNoUtc);
  EXPECT_EQ(c.messages.utc[message_with_id(c, 4)], 1483252800);
}

TEST(TelegramSchema, AnUnreadableDateIsQuotedNotCalledMissing) {
  const auto r = import_telegram(R"({"name": "A", "type": "personal_chat", "id": 1, "messages": [
  {"id": 1, "type": "message", "date": "01/02/2017 06:20", "from": "A", "from_id": "user1", "text": "bad"},
  {"id": 2, "type": "message", "date": 1483251609.5, "from": "A", "from_id": "user1", "text": "number"},
  {"id": 3, "type": "message", "date": "2024-01-01T10:00:00", "from": "A", "from_id": "user1", "text": "ok"}
 ]})");
  ASSERT_TRUE(r.report.ok()) << r.report.status;
  ASSERT_EQ(r.corpus.size(), 1u);
  ASSERT_EQ(r.report.skipped_examples.size(), 2u);
  EXPECT_EQ(r.report.skipped_examples[0].reason.debug(), R"(input.unreadable_date {"id":1,"date":"01/02/2017 06:20"})");
  EXPECT_EQ(r.report.skipped_examples[1].reason.debug(), R"(input.unreadable_date {"id":2,"date":"1483251609.5"})");
}
