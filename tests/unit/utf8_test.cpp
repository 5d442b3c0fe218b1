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

TEST(Utf8, CountsCodePointsAsTheBytesThatContinueNone) {
  EXPECT_EQ(count_code_points(""), 0u);
  EXPECT_EQ(count_code_points("hola"), 4u);
  EXPECT_EQ(count_code_points("canción ñandú 😀 日本語"), 19u);
  // Every length and alignment, valid or not, against the byte-by-byte rule.
  const std::string mixed =
      "a\xC3\xB1"
      "b\xE2\x80\x8E"
      "c\xF0\x9F\x98\x80\x80\x80\xFF\xC3"
      "dé日本";
  for (size_t from = 0; from < mixed.size(); ++from)
    for (size_t len = 0; from + len <= mixed.size(); ++len) {
      const std::string_view s = std::string_view(mixed).substr(from, len);
      size_t expected = 0;
      for (unsigned char c : s) expected += (c & 0xC0) != 0x80;
      EXPECT_EQ(count_code_points(s), expected) << from << "+" << len;
    }
}
