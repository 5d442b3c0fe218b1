#include "text/emoji_hexcode.hpp"

#include <gtest/gtest.h>

using namespace chatlens;

TEST(EmojiHexcode, RoundTripsFullyQualifiedEmoji) {
  const auto heart = find_emoji("\u2764\uFE0F");
  ASSERT_TRUE(heart);
  EXPECT_EQ(emoji_hexcode(*heart), "2764-FE0F");
  EXPECT_EQ(emoji_from_hexcode("2764-FE0F"), heart);
  const auto family = find_emoji("\U0001F468\u200D\U0001F469\u200D\U0001F467");
  ASSERT_TRUE(family);
  EXPECT_EQ(emoji_hexcode(*family), "1F468-200D-1F469-200D-1F467");
  EXPECT_EQ(emoji_from_hexcode("1F602"), find_emoji("\U0001F602"));
}

TEST(EmojiHexcode, RejectsNonCanonicalAndUnknownCodes) {
  EXPECT_FALSE(emoji_from_hexcode("2764"));         // unqualified spelling
  EXPECT_FALSE(emoji_from_hexcode("1f602"));        // lower case
  EXPECT_FALSE(emoji_from_hexcode("1F44D-1F3FD"));  // a skin-tone variant, not a base emoji
  EXPECT_FALSE(emoji_from_hexcode("0041"));         // the letter A
  EXPECT_FALSE(emoji_from_hexcode("1F602-"));
  EXPECT_FALSE(emoji_from_hexcode(""));
  EXPECT_FALSE(emoji_from_hexcode("1F602-1F602"));  // two emoji
  EXPECT_FALSE(emoji_from_hexcode("FFFFFFF"));
}
