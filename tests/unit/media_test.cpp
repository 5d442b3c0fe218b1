// media: planted photos, voice notes, stickers and links, counted by direction,
// month and contact.
#include <gtest/gtest.h>

#include "insight_test_util.hpp"

namespace chatlens {
namespace {

using testing::CorpusSketch;
using testing::run_insight;

int64_t count(const Json& counts, const char* kind) { return counts.find(kind)->as_int(); }

TEST(MediaInsight, CountsWhatTheOwnerSendsAndReceivesPerMonthAndContact) {
  CorpusSketch s;
  const ChatId ana = s.chat("Ana"), group = s.chat("Trip", ChatKind::Group);
  s.say(ana, "Ana", "2024-01-01 09:00", "hola");  // Ana is a member of the private chat
  for (int i = 0; i < 4; ++i) s.send(ana, "Me", "2024-01-02 10:00", MediaKind::Image);
  s.send(ana, "Me", "2024-02-03 10:00", MediaKind::Voice);
  s.send(ana, "Ana", "2024-02-03 11:00", MediaKind::Audio);
  s.send(ana, "Ana", "2024-02-04 11:00", MediaKind::Sticker);
  s.say(ana, "Ana", "2024-02-05 12:00", "look https://example.org/x");
  s.say(ana, "Me", "2024-02-05 12:01", "nice, no link here");
  s.say(group, "Me", "2024-02-06 12:00", "hi all");
  s.say(group, "Cy", "2024-02-06 12:00", "hey");  // three members: a group, not a private chat
  s.say(group, "Ben", "2024-02-06 12:01", "see www.example.com");
  s.send(group, "Ben", "2024-02-06 12:02", MediaKind::Video);
  s.send(group, "Me", "2024-02-06 12:03", MediaKind::Gif);
  const Corpus c = s.build();
  const Json m = run_insight(media_insight, c);

  ASSERT_TRUE(m.find("enough_data")->as_bool());
  EXPECT_EQ(count(*m.find("sent"), "photos"), 4);
  EXPECT_EQ(count(*m.find("sent"), "voice_notes"), 1);
  EXPECT_EQ(count(*m.find("sent"), "videos"), 1);  // a GIF counts as a video
  EXPECT_EQ(count(*m.find("sent"), "links"), 0);
  EXPECT_EQ(count(*m.find("received"), "voice_notes"), 1);  // "audio omitted" is a voice note
  EXPECT_EQ(count(*m.find("received"), "stickers"), 1);
  EXPECT_EQ(count(*m.find("received"), "links"), 2);
  EXPECT_EQ(count(*m.find("received"), "videos"), 1);
  EXPECT_EQ(m.find("data")->find("sent")->as_int(), 6);
  EXPECT_EQ(m.find("data")->find("received")->as_int(), 5);

  const auto& months = m.find("by_month")->as_array();
  ASSERT_EQ(months.size(), 2u);
  EXPECT_EQ(months[0].find("month")->as_string(), "2024-01");
  EXPECT_EQ(count(*months[0].find("sent"), "photos"), 4);
  EXPECT_EQ(count(*months[1].find("received"), "links"), 2);

  // Per contact: sent only in private chats (the GIF went to the group), received anywhere.
  const auto& contacts = m.find("by_contact")->as_array();
  ASSERT_EQ(contacts.size(), 2u);
  EXPECT_EQ(contacts[0].find("name")->as_string(), "Ana");
  EXPECT_EQ(contacts[0].find("total")->as_int(), 8);
  EXPECT_EQ(count(*contacts[0].find("sent"), "photos"), 4);
  EXPECT_EQ(count(*contacts[0].find("received"), "stickers"), 1);
  EXPECT_EQ(contacts[1].find("name")->as_string(), "Ben");
  EXPECT_EQ(count(*contacts[1].find("sent"), "videos"), 0);
  EXPECT_EQ(count(*contacts[1].find("received"), "videos"), 1);
}

TEST(MediaInsight, SaysSoWhenThereIsTooLittle) {
  CorpusSketch s;
  const ChatId ana = s.chat("Ana");
  s.say(ana, "Ana", "2024-01-01 09:00", "hola");
  s.send(ana, "Me", "2024-01-02 10:00", MediaKind::Image);
  const Corpus c = s.build();
  const Json m = run_insight(media_insight, c);
  EXPECT_FALSE(m.find("enough_data")->as_bool());
  EXPECT_EQ(m.find("note")->find("key")->as_string(), "media.too_few");
  EXPECT_EQ(m.find("note")->find("params")->find("min")->as_int(), 10);
  EXPECT_EQ(count(*m.find("sent"), "photos"), 1);  // the totals are still there
  EXPECT_EQ(m.find("by_month"), nullptr);
}

}  // namespace
}  // namespace chatlens
