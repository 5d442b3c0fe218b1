#include "text/utf8.hpp"

#include <gtest/gtest.h>

using namespace chatlens;

TEST(Utf8, NormalizeNameStripsMarksAndNonBreakingSpaces) {
  EXPECT_EQ(normalize_name("\u202A+90\u00A0514\u00A0771\u00A005\u00A038\u202C"), "+90 514 771 05 38");
  EXPECT_EQ(normalize_name("  \u200EAna\u202FMaría  "), "Ana María");
}

TEST(Utf8, StripDirectionMarksKeepsZeroWidthJoiners) {
  const std::string family = "\U0001F468\u200D\U0001F469\u200D\U0001F467";
  EXPECT_EQ(strip_direction_marks("\u200E\uFEFF" + family + "\u200F"), family);
  EXPECT_TRUE(has_direction_marks("a\u200Eb"));
  EXPECT_FALSE(has_direction_marks(family));
}

TEST(Utf8, ExcerptCutsAtCodePointsAndRepairsInvalidBytes) {
  EXPECT_EQ(utf8_excerpt("héllo wörld", 3), "hé\u2026");
  EXPECT_EQ(utf8_excerpt("a\xFF"
                         "b",
                         10),
            "a\uFFFDb");
  EXPECT_TRUE(is_valid_utf8(utf8_excerpt("\xF0\x9F\x98", 10)));
}
