// Conformance of the Signal importers against the signal-export samples in ../shared/corpus
// (ground truth: SOURCES.md and the source repository's target.json).
#include <gtest/gtest.h>

#include <string>

#include "imported_file.hpp"

using namespace chatlens;
using chatlens::testing::import_corpus_file;
using Imported = chatlens::testing::ImportedFile;

TEST(SignalCorpus, ChatMinerSampleIsSignalNotWhatsApp) {
  REQUIRE_SHARED_CORPUS();
  const Imported r = import_corpus_file("joweich__chat-miner/test__signal__test_export.txt");
  ASSERT_TRUE(r.report.ok()) << r.report.status;
  EXPECT_EQ(r.report.platform, "signal");
  EXPECT_EQ(r.report.variant, "markdown-old");
  EXPECT_EQ(r.report.lines_skipped, 0u);
  const Corpus& c = r.corpus;
  ASSERT_EQ(c.size(), 2u);
  ASSERT_EQ(c.chats.size(), 1u);
  EXPECT_EQ(c.chats[0].platform, Platform::Signal);
  // target.json (newest first): 2020-01-17T21:49 John Doe "Hello Jane!" and 2019-12-24T12:23 Jane
  // Doe "Hello John!". chat-miner joins the lines of a message with a space; the text keeps its break.
  EXPECT_EQ(format_local_iso(c.messages.time[0]), "2019-12-24T12:23:00");
  EXPECT_EQ(c.sender(0)->name, "Jane Doe");
  EXPECT_EQ(c.text(0), "Hello John!");
  EXPECT_EQ(format_local_iso(c.messages.time[1]), "2020-01-17T21:49:00");
  EXPECT_EQ(c.sender(1)->name, "John Doe");
  EXPECT_EQ(c.text(1), "Hello\nJane!");
  EXPECT_EQ(to_string(c.chats[0].platform), "signal");
}
