// What a message carries: media kinds, stickers, polls, contacts, locations,
// and service messages.
#include <gtest/gtest.h>

#include "telegram_test_util.hpp"

using namespace chatlens;
using namespace chatlens::testing;

namespace {

std::string chat_with(std::string_view messages) {
  return R"json({"name": "G", "type": "private_group", "id": 5, "messages": [
)json" + std::string(messages) +
         "\n]}";
}

}  // namespace

TEST(TelegramContent, MediaKindsFollowPhotoFileAndMediaType) {
  const auto r = import_telegram(chat_with(R"json(
  {"id": 1, "type": "message", "date": "2024-01-01T10:00:00", "from": "A", "from_id": "user1",
   "photo": "photos/photo_1@01-08-2020_22-01-49.jpg", "width": 904, "height": 1280, "text": "caption"},
  {"id": 2, "type": "message", "date": "2024-01-01T10:00:01", "from": "A", "from_id": "user1",
   "photo": "(File not included. Change data exporting settings to download.)", "text": ""},
  {"id": 3, "type": "message", "date": "2024-01-01T10:00:02", "from": "A", "from_id": "user1",
   "file": "video_files/v.mp4", "media_type": "video_file", "mime_type": "video/mp4", "text": ""},
  {"id": 4, "type": "message", "date": "2024-01-01T10:00:03", "from": "A", "from_id": "user1",
   "file": "round_video_messages/r.mp4", "media_type": "video_message", "text": ""},
  {"id": 5, "type": "message", "date": "2024-01-01T10:00:04", "from": "A", "from_id": "user1",
   "file": "voice_messages/a.ogg", "media_type": "voice_message", "duration_seconds": 9, "text": ""},
  {"id": 6, "type": "message", "date": "2024-01-01T10:00:05", "from": "A", "from_id": "user1",
   "file": "files/song.mp3", "media_type": "audio_file", "performer": "P", "title": "T", "text": ""},
  {"id": 7, "type": "message", "date": "2024-01-01T10:00:06", "from": "A", "from_id": "user1",
   "file": "animations/g.mp4", "media_type": "animation", "text": "lol"},
  {"id": 8, "type": "message", "date": "2024-01-01T10:00:07", "from": "A", "from_id": "user1",
   "file": "files/report.pdf", "file_name": "report.pdf", "mime_type": "application/pdf", "text": "see"},
  {"id": 9, "type": "message", "date": "2024-01-01T10:00:08", "from": "A", "from_id": "user1",
   "file": "files/x", "media_type": "something_new", "text": ""})json"));
  ASSERT_TRUE(r.report.ok()) << r.report.status;
  const Corpus& c = r.corpus;
  const std::pair<int64_t, MediaKind> expected[] = {
      {1, MediaKind::Image}, {2, MediaKind::Image},    {3, MediaKind::Video},
      {4, MediaKind::Video}, {5, MediaKind::Voice},    {6, MediaKind::Audio},
      {7, MediaKind::Gif},   {8, MediaKind::Document}, {9, MediaKind::Other},
  };
  for (const auto& [id, media] : expected) {
    const size_t i = message_with_id(c, id);
    EXPECT_EQ(c.messages.kind[i], MessageKind::Media) << id;
    EXPECT_EQ(c.messages.media[i], media) << id;
  }
  EXPECT_EQ(c.text(message_with_id(c, 1)), "caption");
  EXPECT_EQ(c.text(message_with_id(c, 7)), "lol");
  EXPECT_EQ(c.text(message_with_id(c, 8)), "see");
}

TEST(TelegramContent, StickersCarryTheirEmojiAsText) {
  const auto r = import_telegram(chat_with(R"json(
  {"id": 1, "type": "message", "date": "2024-01-01T10:00:00", "from": "A", "from_id": "user1",
   "file": "stickers/sticker.webp", "thumbnail": "stickers/sticker.webp_thumb.jpg",
   "media_type": "sticker", "sticker_emoji": "\ud83e\udd2d", "width": 500, "height": 512, "text": ""},
  {"id": 2, "type": "message", "date": "2024-01-01T10:00:01", "from": "A", "from_id": "user1",
   "file": "(File not included. Change data exporting settings to download.)",
   "media_type": "sticker", "text": ""},
  {"id": 3, "type": "message", "date": "2024-01-01T10:00:02", "from": "A", "from_id": "user1",
   "file": "stickers/s.webp", "media_type": "sticker", "sticker_emoji": "\u2764", "text": "DoNotChange"})json"));
  ASSERT_TRUE(r.report.ok()) << r.report.status;
  const Corpus& c = r.corpus;
  const size_t a = message_with_id(c, 1);
  EXPECT_EQ(c.messages.media[a], MediaKind::Sticker);
  EXPECT_EQ(c.text(a), "\xF0\x9F\xA4\xAD");
  EXPECT_EQ(c.messages.media[message_with_id(c, 2)], MediaKind::Sticker);
  EXPECT_EQ(c.text(message_with_id(c, 2)), "");
  // A text, if a sticker ever has one, is never replaced.
  EXPECT_EQ(c.text(message_with_id(c, 3)), "DoNotChange");
}

TEST(TelegramContent, PollsContactsAndLocations) {
  const auto r = import_telegram(chat_with(R"json(
  {"id": 1, "type": "message", "date": "2024-01-01T10:00:00", "from": "A", "from_id": "user1",
   "poll": {"question": "Lunch?", "closed": false, "total_voters": 1,
            "answers": [{"text": "Pizza", "voters": 1, "chosen": true}, {"text": "Sushi", "voters": 0, "chosen": false}]},
   "text": ""},
  {"id": 2, "type": "message", "date": "2024-01-01T10:00:01", "from": "A", "from_id": "user1",
   "poll": {"question": [{"type": "bold", "text": "Rich"}, " question"], "closed": true, "total_voters": 0,
            "answers": [{"text": [{"type": "italic", "text": "one"}], "voters": 0, "chosen": false}]},
   "text": ""},
  {"id": 3, "type": "message", "date": "2024-01-01T10:00:02", "from": "A", "from_id": "user1",
   "contact_information": {"first_name": "Carla", "last_name": "Diaz", "phone_number": "+34 600 000 000"},
   "contact_vcard": "contacts/contact_1.vcard", "text": ""},
  {"id": 4, "type": "message", "date": "2024-01-01T10:00:03", "from": "A", "from_id": "user1",
   "location_information": {"latitude": 40.4, "longitude": -3.7}, "live_location_period_seconds": 900, "text": ""},
  {"id": 5, "type": "message", "date": "2024-01-01T10:00:04", "from": "A", "from_id": "user1",
   "place_name": "Cafe Central", "address": "Plaza 1, Madrid",
   "location_information": {"latitude": 40.4, "longitude": -3.7}, "text": ""},
  {"id": 6, "type": "message", "date": "2024-01-01T10:00:05", "from": "A", "from_id": "user1",
   "location_information": null, "text": ""})json"));
  ASSERT_TRUE(r.report.ok()) << r.report.status;
  const Corpus& c = r.corpus;
  EXPECT_EQ(c.messages.kind[message_with_id(c, 1)], MessageKind::Poll);
  EXPECT_EQ(c.text(message_with_id(c, 1)), "Lunch?\nPizza\nSushi");
  EXPECT_EQ(c.text(message_with_id(c, 2)), "Rich question\none");
  EXPECT_EQ(c.messages.kind[message_with_id(c, 3)], MessageKind::Contact);
  EXPECT_EQ(c.text(message_with_id(c, 3)), "Carla Diaz");  // never the phone number
  EXPECT_EQ(c.messages.kind[message_with_id(c, 4)], MessageKind::Location);
  EXPECT_EQ(c.text(message_with_id(c, 4)), "");
  EXPECT_EQ(c.text(message_with_id(c, 5)), "Cafe Central, Plaza 1, Madrid");
  EXPECT_EQ(c.messages.kind[message_with_id(c, 6)], MessageKind::Location);
}

TEST(TelegramContent, PhoneCallsAreCallsByTheirActor) {
  const auto r = import_telegram(chat_with(R"json(
  {"id": 3674, "type": "service", "date": "2023-08-10T23:11:02", "date_unixtime": "1691719862",
   "actor": "Alice", "actor_id": "user300000000", "action": "phone_call",
   "duration_seconds": 56, "discard_reason": "hangup", "text": "", "text_entities": []},
  {"id": 3675, "type": "service", "date": "2023-08-10T23:15:00",
   "actor": "Bob", "actor_id": "user700000000", "action": "phone_call", "discard_reason": "missed", "text": ""})json"));
  ASSERT_TRUE(r.report.ok()) << r.report.status;
  const Corpus& c = r.corpus;
  const size_t call = message_with_id(c, 3674);
  EXPECT_EQ(c.messages.kind[call], MessageKind::Call);
  EXPECT_EQ(sender_name(c, call), "Alice");
  EXPECT_EQ(c.messages.utc[call], 1691719862);
  EXPECT_EQ(c.text(call), "phone_call 56s hangup");
  EXPECT_EQ(c.text(message_with_id(c, 3675)), "phone_call missed");
}

TEST(TelegramContent, ServiceMessagesAreSystemMessagesWithAShortDescription) {
  const auto r = import_telegram(chat_with(R"json(
  {"id": 1, "type": "service", "date": "2021-03-18T15:20:24", "actor": "Ben", "actor_id": 9999999999,
   "action": "create_group", "title": "test", "members": ["Ben", "BenBot"], "text": ""},
  {"id": 2, "type": "service", "date": "2021-03-18T15:21:00", "actor": "Ben", "actor_id": 9999999999,
   "action": "invite_members", "members": ["Ana", null], "text": ""},
  {"id": 3, "type": "service", "date": "2021-03-18T15:22:00", "actor": "Ben", "actor_id": 9999999999,
   "action": "pin_message", "message_id": 1, "text": ""},
  {"id": 4, "type": "service", "date": "2021-03-18T15:23:00", "actor": "Ben", "actor_id": 9999999999,
   "action": "edit_group_title", "title": "renamed", "text": ""},
  {"id": 5, "type": "service", "date": "2021-03-18T15:24:00", "actor": "Cy", "actor_id": "user12",
   "action": "join_group_by_link", "inviter": "Ben", "text": ""},
  {"id": 6, "type": "service", "date": "2021-03-18T15:25:00", "actor": "Ben", "actor_id": 9999999999,
   "action": "joined_telegram", "text": "", "text_entities": []},
  {"id": 7, "type": "service", "date": "2021-03-18T15:26:00", "actor": "Ben", "actor_id": 9999999999,
   "information_text": "Ben did something new", "text": ""},
  {"id": 8, "type": "service", "date": "2021-03-18T15:27:00", "action": "send_payment",
   "amount": 100, "currency": "EUR", "text": ""},
  {"id": 9, "type": "service", "date": "2021-03-18T15:28:00", "actor": "Ben", "actor_id": "user9999999999",
   "action": "group_call", "duration": 20, "text": ""})json"));
  ASSERT_TRUE(r.report.ok()) << r.report.status;
  const Corpus& c = r.corpus;
  const std::pair<int64_t, std::string_view> expected[] = {
      {1, "create_group \"test\": Ben, BenBot"},
      {2, "invite_members: Ana, Deleted Account"},
      {3, "pin_message #1"},
      {4, "edit_group_title \"renamed\""},
      {5, "join_group_by_link via Ben"},
      {6, "joined_telegram"},
      {7, "Ben did something new"},
      {8, "send_payment"},
      {9, "group_call"},
  };
  for (const auto& [id, text] : expected) {
    const size_t i = message_with_id(c, id);
    EXPECT_EQ(c.messages.kind[i], MessageKind::System) << id;
    EXPECT_EQ(c.text(i), text) << id;
  }
  EXPECT_EQ(sender_name(c, message_with_id(c, 1)), "Ben");
  EXPECT_EQ(sender_id(c, message_with_id(c, 1)), "user9999999999");
  // Integer and string actor ids name the same person.
  EXPECT_EQ(c.messages.sender[message_with_id(c, 1)], c.messages.sender[message_with_id(c, 9)]);
  // Actions without an actor have no sender.
  EXPECT_EQ(c.messages.sender[message_with_id(c, 8)], kNoPerson);
}
