// Conformance of the DiscordChatExporter importer against the DCE samples in ../shared/corpus
// (pre-2.40 layout; ground truth: SOURCES.md, from chat-analytics' expectedParse).
#include <gtest/gtest.h>

#include <string>

#include "imported_file.hpp"
#include "insights/derived_data.hpp"

using namespace chatlens;
using chatlens::testing::import_corpus_file;
using Imported = chatlens::testing::ImportedFile;

namespace {

Imported import_sample(const std::string& name) {
  return import_corpus_file("mlomb__chat-analytics/tests__samples__discord__" + name + ".json");
}

std::string utc_iso(int64_t utc) { return format_local_iso(LocalTime{utc}); }

}  // namespace

TEST(DiscordCorpus, DirectMessagesWithABotAndACall) {
  REQUIRE_SHARED_CORPUS();
  const Imported r = import_sample("DM_2A_2M");
  ASSERT_TRUE(r.report.ok()) << r.report.status;
  EXPECT_EQ(r.report.platform, "discord");
  EXPECT_EQ(r.report.variant, "dce-pre-2.40");
  EXPECT_EQ(r.report.lines_skipped, 0u);
  const Corpus& c = r.corpus;
  ASSERT_EQ(c.size(), 3u);
  ASSERT_EQ(c.chats.size(), 1u);
  EXPECT_EQ(c.chats[0].title, "Someones name");
  EXPECT_EQ(c.chats[0].kind, ChatKind::Private);
  EXPECT_EQ(c.chats[0].platform_id, "530805775262679064");
  EXPECT_EQ(c.messages.platform_id[0], 530805779645595660);
  EXPECT_EQ(c.text(0), "blah");
  EXPECT_EQ(utc_iso(c.messages.utc[0]), "2019-01-04T17:52:39");
  EXPECT_EQ(c.sender(0)->name, "mlomb");
  EXPECT_FALSE(c.sender(0)->is_bot);
  EXPECT_EQ(c.text(1), "something something text");
  EXPECT_EQ(c.sender(1)->name, "Someones nickname");  // nickname over name
  EXPECT_TRUE(c.sender(1)->is_bot);
  EXPECT_FALSE(is_personal(c, 1));
  EXPECT_EQ(c.messages.kind[2], MessageKind::Call);
  EXPECT_EQ(c.messages.platform_id[2], 100);
  EXPECT_EQ(utc_iso(c.messages.utc[2]), "2020-07-17T17:03:14");
  bool reactions = false;
  for (const SourceMessage& n : r.report.notes) reactions |= n.key == "input.reactions_read";
  EXPECT_TRUE(reactions);  // the 👆 ×42
}

TEST(DiscordCorpus, GroupChatWithAReplyAndSystemMessages) {
  REQUIRE_SHARED_CORPUS();
  const Imported r = import_sample("GC_3A_5M");
  ASSERT_TRUE(r.report.ok()) << r.report.status;
  const Corpus& c = r.corpus;
  ASSERT_EQ(c.size(), 6u);
  EXPECT_EQ(c.chats[0].title, "a group chat");
  EXPECT_EQ(c.chats[0].kind, ChatKind::Group);
  // chat-analytics keeps 3 messages: the channel name and icon changes are system lines here,
  // and its sample's call is counted apart.
  size_t personal = 0, system = 0;
  for (size_t i = 0; i < c.size(); ++i) {
    personal += is_personal(c, i) && c.messages.kind[i] == MessageKind::Text;
    system += c.messages.kind[i] == MessageKind::System;
  }
  EXPECT_EQ(personal, 3u);
  EXPECT_EQ(system, 2u);
  EXPECT_EQ(c.sender(1)->name, "theplant");  // the nickname, not the name "not a plant"
  EXPECT_EQ(c.text(4), "woah nice :custom_emoji:");
  EXPECT_TRUE(c.messages.flags[4] & kReply);
  EXPECT_EQ(c.messages.reply_to[4], 1064990824305274930);
  EXPECT_EQ(c.messages.kind[5], MessageKind::Call);
  EXPECT_EQ(format_local_iso(c.messages.time[0]).substr(0, 10), "2023-01-17");
  EXPECT_EQ(format_local_iso(c.messages.time[4]).substr(0, 10), "2023-01-18");
  EXPECT_EQ(c.chats[0].members.size(), 3u);
}

TEST(DiscordCorpus, ServerChannelWithADuplicateDeletedUserAndMedia) {
  REQUIRE_SHARED_CORPUS();
  const Imported r = import_sample("SV_5A_5M");
  ASSERT_TRUE(r.report.ok()) << r.report.status;
  EXPECT_EQ(r.report.lines_skipped, 1u);  // the same message id twice
  const Corpus& c = r.corpus;
  ASSERT_EQ(c.size(), 4u);
  EXPECT_EQ(c.chats[0].title, "DefleMask / general-chiptune");
  EXPECT_EQ(c.chats[0].kind, ChatKind::Group);
  EXPECT_EQ(c.sender(0)->name, "Deleted User");
  EXPECT_EQ(c.sender(0)->platform_id, "555555555555555555");
  EXPECT_TRUE(c.edited(0));
  EXPECT_EQ(format_local_iso(c.messages.time[0]), "2018-05-20T16:09:44");
  EXPECT_EQ(c.sender(1)->name, "mlomb");  // no nickname: the name
  EXPECT_EQ(c.messages.sender[1], c.messages.sender[2]);
  EXPECT_EQ(c.messages.kind[2], MessageKind::Media);
  EXPECT_EQ(c.messages.media[2], MediaKind::Sticker);
  EXPECT_EQ(c.text(2), "This message has attachments and stickers.");
  EXPECT_EQ(c.text(3), "This message has reactions.");
}
