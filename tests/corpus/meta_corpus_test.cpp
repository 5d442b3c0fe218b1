// Conformance of the Messenger and Instagram importer against the "Download your
// information" samples in ../shared/corpus (ground truth: SOURCES.md, the source
// repositories' expected outputs).
#include <gtest/gtest.h>

#include <string>

#include "imported_file.hpp"

using namespace chatlens;
using chatlens::testing::import_corpus_file;
using Imported = chatlens::testing::ImportedFile;

namespace {

std::string sender(const Corpus& c, size_t i) { return c.sender(i) ? c.sender(i)->name : ""; }

}  // namespace

TEST(MetaCorpus, ChatAnalyticsMessengerSampleWithBomAndMedia) {
  REQUIRE_SHARED_CORPUS();
  const Imported r = import_corpus_file("mlomb__chat-analytics/tests__samples__messenger__2A_7M.json");
  ASSERT_TRUE(r.report.ok()) << r.report.status;
  EXPECT_EQ(r.report.platform, "messenger");
  EXPECT_EQ(r.report.lines_skipped, 0u);
  const Corpus& c = r.corpus;
  ASSERT_EQ(c.chats.size(), 1u);
  EXPECT_EQ(c.chats[0].platform_id, "inbox/alice_aaaaaaaaaa");
  EXPECT_EQ(c.chats[0].kind, ChatKind::Private);
  // expectedParse: 7 messages ascending, Bob image … Alice "Hello".
  ASSERT_EQ(c.size(), 7u);
  EXPECT_EQ(c.messages.utc[0], 1415147240);
  EXPECT_EQ(sender(c, 0), "Bob");
  EXPECT_EQ(c.messages.media[0], MediaKind::Image);
  EXPECT_EQ(c.messages.media[1], MediaKind::Sticker);
  EXPECT_EQ(sender(c, 2), "Alice");
  EXPECT_EQ(c.messages.media[2], MediaKind::Audio);
  EXPECT_EQ(c.messages.media[3], MediaKind::Document);
  EXPECT_EQ(c.text(4), "you what");
  EXPECT_EQ(c.text(5), "Whats up!");
  EXPECT_EQ(sender(c, 6), "Alice");
  EXPECT_EQ(c.text(6), "Hello");
  EXPECT_EQ(c.messages.utc[6], 1415147732);
}

TEST(MetaCorpus, ChatMinerInstagramSampleRepairsMojibake) {
  REQUIRE_SHARED_CORPUS();
  const Imported r = import_corpus_file("joweich__chat-miner/HIST_71990a9__test__instagram__testlog.json");
  ASSERT_TRUE(r.report.ok()) << r.report.status;
  EXPECT_EQ(r.report.platform, "instagram");
  const Corpus& c = r.corpus;
  ASSERT_EQ(c.size(), 13u);  // the 11 rows of the target and the two poll notices chat-miner filters out
  EXPECT_EQ(c.chats[0].title, "Test Log");
  EXPECT_EQ(c.chats[0].kind, ChatKind::Group);
  // testlog_target.csv (times in UTC here; the target shows Europe/Berlin): oldest is the join.
  EXPECT_EQ(format_local_iso(c.messages.time[0]), "2014-12-24T17:08:00");
  EXPECT_EQ(c.messages.kind[0], MessageKind::System);
  EXPECT_EQ(c.text(0), "Jane Doe joined the group.");
  bool emoji_name = false, emoji_only = false;
  for (size_t i = 0; i < c.size(); ++i) {
    if (c.text(i) == "Testing username with emoji: J\u2764\uFE0Fhn Doe")
      emoji_name = sender(c, i) == "J\u2764\uFE0Fhn Doe";
    if (c.text(i) == "Testing username only emoji: \u2764\uFE0F") emoji_only = sender(c, i) == "\u2764\uFE0F";
    if (c.messages.utc[i] == 1569367800) {  // "John Doe sent an attachment." with a share: Lionel Messi's share
      EXPECT_EQ(sender(c, i), "Lionel Messi");
      EXPECT_EQ(c.messages.kind[i], MessageKind::Media);
    }
  }
  EXPECT_TRUE(emoji_name);
  EXPECT_TRUE(emoji_only);
}

TEST(MetaCorpus, ChatMinerMinimalSamplesWithoutParticipants) {
  REQUIRE_SHARED_CORPUS();
  const Imported ig = import_corpus_file("joweich__chat-miner/test__instagram__test_export.json");
  ASSERT_TRUE(ig.report.ok()) << ig.report.status;
  ASSERT_EQ(ig.corpus.size(), 2u);
  // target.json (UTC): 2019-12-24T11:23 Jane Doe "Hello John!", 2020-01-17T20:49 John Doe "Hello Jane!".
  EXPECT_EQ(format_local_iso(ig.corpus.messages.time[0]), "2019-12-24T11:23:00");
  EXPECT_EQ(sender(ig.corpus, 0), "Jane Doe");
  EXPECT_EQ(ig.corpus.text(1), "Hello Jane!");

  const Imported fb = import_corpus_file("joweich__chat-miner/HIST_30734a8__test__facebookMessenger__testlog.json");
  ASSERT_TRUE(fb.report.ok()) << fb.report.status;
  EXPECT_EQ(fb.report.platform, "messenger");
  ASSERT_EQ(fb.corpus.size(), 2u);
  // Both at 1668628203612 ms; newest first in the file, so "Hello Allan" (John Doe) came first.
  EXPECT_EQ(fb.corpus.text(0), "Hello Allan");
  EXPECT_EQ(fb.corpus.text(1), "Hello John");
}
