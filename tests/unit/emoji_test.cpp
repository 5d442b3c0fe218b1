#include "text/emoji.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/utf8.hpp"

using namespace chatlens;

namespace {

// Each match as "code of the base emoji" plus "/tone" or "/tone-tone2" when toned.
std::vector<std::string> emoji_in(std::string_view text) {
  std::vector<std::string> out;
  for_each_emoji(text, [&](const EmojiMatch& m) {
    std::string s(emoji_info(m.id).code);
    if (m.tone != SkinTone::None) (s += '/') += std::to_string(static_cast<int>(m.tone));
    if (m.tone2 != SkinTone::None) (s += '-') += std::to_string(static_cast<int>(m.tone2));
    out.push_back(s);
  });
  return out;
}

std::vector<std::string> emoticons_in(std::string_view text) {
  std::vector<std::string> out;
  for_each_emoticon(text, [&](const EmojiMatch& m) { out.emplace_back(emoji_info(m.id).code); });
  return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST(Emoji, TableHasEmoji17WithEnglishAndSpanishNames) {
  EXPECT_GT(emoji_count(), 1900u);
  const auto joy = find_emoji("\U0001F602");
  ASSERT_TRUE(joy);
  const EmojiInfo info = emoji_info(*joy);
  EXPECT_EQ(info.name_en, "face with tears of joy");
  EXPECT_EQ(info.name_es, "cara llorando de risa");
  EXPECT_EQ(info.name(NameLocale::Es), "cara llorando de risa");
  EXPECT_EQ(emoji_group(info.group).key, "smileys-emotion");
  EXPECT_EQ(emoji_group(info.group).name_en, "smileys & emotion");
  EXPECT_EQ(emoji_group(info.group).name_es, "emoticonos y emoción");
  EXPECT_EQ(emoji_subgroup(info.subgroup).key, "face-smiling");
  EXPECT_FALSE(info.takes_skin_tones);
  // Emoji 17.0: distorted face U+1FAEA.
  EXPECT_TRUE(find_emoji("\U0001FAEA"));
}

TEST(Emoji, FindsEmojiBetweenAsciiAndAccentedText) {
  const std::string text = "hola 😂 qué tal, canción 🎉!";
  std::vector<EmojiMatch> found;
  for_each_emoji(text, [&](const EmojiMatch& m) { found.push_back(m); });
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(text.substr(found[0].offset, found[0].length), "😂");
  EXPECT_EQ(text.substr(found[1].offset, found[1].length), "🎉");
  EXPECT_TRUE(emoji_in("plain ascii text: 10:30, #tag, 3 * 4").empty());
  EXPECT_TRUE(emoji_in("ÁÉÍÓÚ ñ ü — “quotes” … → ≠ 日本語のテキスト。、").empty());
}

TEST(Emoji, ZwjFamilyIsOneEmoji) {
  EXPECT_EQ(emoji_in("👨‍👩‍👧‍👦"), V{"👨‍👩‍👧‍👦"});
  EXPECT_EQ(emoji_in("a👩‍❤️‍💋‍👨b"), V{"👩‍❤️‍💋‍👨"});
  EXPECT_EQ(emoji_in("🏳️‍🌈🏴‍☠️"), (V{"🏳️‍🌈", "🏴‍☠️"}));
  // Emoji 15.1 and 17.0 sequences: phoenix, head shaking, ballet dancer (🧑‍🩰).
  EXPECT_EQ(emoji_in("🐦‍🔥 🙂‍↔️ 🧑‍🩰"), (V{"🐦‍🔥", "🙂‍↔️", "🧑‍🩰"}));
}

TEST(Emoji, FlagsAreRegionalIndicatorPairs) {
  EXPECT_EQ(emoji_in("🇪🇸🇦🇷 vs 🇧🇷"), (V{"🇪🇸", "🇦🇷", "🇧🇷"}));
  const auto es = find_emoji("🇪🇸");
  ASSERT_TRUE(es);
  EXPECT_EQ(emoji_info(*es).name_en, "flag: Spain");
  EXPECT_EQ(emoji_info(*es).name_es, "Bandera: España");
  // A pair that is no flag counts as its two letters.
  EXPECT_EQ(emoji_in("🇦🇦"), (V{"🇦", "🇦"}));
}

TEST(Emoji, KeycapsAndTagSequences) {
  EXPECT_EQ(emoji_in("#️⃣ 1️⃣0️⃣"), (V{"#️⃣", "1️⃣", "0️⃣"}));
  EXPECT_EQ(emoji_in("5⃣"), V{"5️⃣"});  // unqualified keycap
  EXPECT_EQ(emoji_in("🏴󠁧󠁢󠁳󠁣󠁴󠁿 🏴󠁧󠁢󠁥󠁮󠁧󠁿"),
            (V{"🏴󠁧󠁢󠁳󠁣󠁴󠁿", "🏴󠁧󠁢󠁥󠁮󠁧󠁿"}));
  EXPECT_EQ(emoji_info(*find_emoji("🏴󠁧󠁢󠁳󠁣󠁴󠁿")).name_en, "flag: Scotland");
  EXPECT_TRUE(emoji_in("# 1 *").empty());
}

TEST(Emoji, SkinTonesReportBaseAndTone) {
  EXPECT_EQ(emoji_in("👍🏽"), V{"👍/3"});
  EXPECT_EQ(emoji_in("👋🏻👋🏿"), (V{"👋/1", "👋/5"}));
  // ZWJ sequence with a tone: woman technologist, dark skin tone.
  EXPECT_EQ(emoji_in("👩🏿‍💻"), V{"👩‍💻/5"});
  // Two people, two tones; the handshake of two hands is 🤝.
  EXPECT_EQ(emoji_in("🧑🏻‍🤝‍🧑🏿"), V{"🧑‍🤝‍🧑/1-5"});
  EXPECT_EQ(emoji_in("🫱🏻‍🫲🏼"), V{"🤝/1-2"});
  EXPECT_EQ(emoji_in("👩🏽‍❤️‍👨🏽"), V{"👩‍❤️‍👨/3"});
  // A swatch on its own is the component emoji, not a tone.
  EXPECT_EQ(emoji_in("🏾"), V{"🏾"});

  const auto m = match_emoji("👍🏽");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->tone, SkinTone::Medium);
  EXPECT_TRUE(emoji_info(m->id).takes_skin_tones);
  EXPECT_EQ(skin_variant(m->id, SkinTone::Medium), "👍🏽");
  EXPECT_EQ(skin_variant(*find_emoji("🧑‍🤝‍🧑"), SkinTone::Light, SkinTone::Dark),
            "🧑🏻‍🤝‍🧑🏿");
  EXPECT_EQ(skin_variant(*find_emoji("😀"), SkinTone::Light), "");
  EXPECT_EQ(skin_tone_name(SkinTone::MediumDark).name_en, "medium-dark skin tone");
  EXPECT_EQ(skin_tone_name(SkinTone::Light).name_es, "tono de piel claro");
}

TEST(Emoji, UnqualifiedHeartsAreEmoji) {
  EXPECT_EQ(emoji_in("te quiero ❤"), V{"❤️"});
  EXPECT_EQ(emoji_in("❤️"), V{"❤️"});
  EXPECT_EQ(emoji_in("☺ ✌"), (V{"☺️", "✌️"}));
  EXPECT_EQ(emoji_in("❤‍🔥"), V{"❤️‍🔥"});  // minimally qualified ZWJ sequence
  EXPECT_EQ(find_emoji("❤"), find_emoji("❤️"));
}

TEST(Emoji, TextStyleSymbolsNeedEmojiPresentation) {
  EXPECT_TRUE(emoji_in("© 2024 ACME™ ‼ ↔ ✔ ♀").empty());
  EXPECT_EQ(emoji_in("✔️ ™️"), (V{"✔️", "™️"}));
  EXPECT_TRUE(emoji_in("❤︎").empty());  // U+FE0E asks for text
}

TEST(Emoji, UnknownZwjSequenceCountsAsItsParts) {
  // Not an RGI sequence: thumbs up + ZWJ + red heart.
  EXPECT_EQ(emoji_in("👍‍❤️"), (V{"👍", "❤️"}));
  // An emoji followed by a stray combining mark is still that emoji.
  EXPECT_EQ(emoji_in("😀\u0301"), V{"😀"});
}

TEST(Emoji, InvalidUtf8IsSkipped) {
  EXPECT_EQ(emoji_in("\xF0\x9F 😀 \xFF\xFE"), V{"😀"});
  EXPECT_EQ(emoji_in("\xF0\x9F\x98"), V{});
}

TEST(Emoticons, TypedFacesBecomeEmoji) {
  EXPECT_EQ(emoticons_in("hola :) que tal :-) genial :D"), (V{"🙂", "🙂", "😄"}));
  EXPECT_EQ(emoticons_in("xD XD jaja xDDD"), (V{"😆", "😆", "😆"}));
  EXPECT_EQ(emoticons_in(":( ;) :P :p :'( :O <3 </3"), (V{"☹️", "😉", "😛", "😛", "😢", "😲", "❤️", "💔"}));
  EXPECT_EQ(emoticons_in("bien:) gracias<3 :))))"), (V{"🙂", "❤️", "🙂"}));
}

TEST(Emoticons, NotInsideUrlsTimesOrWords) {
  EXPECT_TRUE(emoticons_in("https://example.com/:D/x http://a.b/;)").empty());
  EXPECT_TRUE(emoticons_in("www.example.com/:P").empty());
  EXPECT_TRUE(emoticons_in("a las 10:30 o 12:00, 3:Over").empty());
  EXPECT_TRUE(emoticons_in("Re:Pedro C:Desktop std::map x<30 fixD max:Ok").empty());
  EXPECT_TRUE(emoticons_in("xDia xDD3").empty());
}

TEST(Emoticons, OffsetsPointAtTheEmoticon) {
  const std::string text = "ok :-) ya";
  std::vector<EmojiMatch> found;
  for_each_emoticon(text, [&](const EmojiMatch& m) { found.push_back(m); });
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(text.substr(found[0].offset, found[0].length), ":-)");
}

// Emoji at the edges of a text and between ASCII and other text, as the fast path for a lone
// code point (or one with U+FE0F) sees them: whole, once, with the right bytes.
TEST(Emoji, FindsEmojiAtTheEdgesOfTextsAndOfAsciiRuns) {
  EXPECT_TRUE(emoji_in("").empty());
  EXPECT_TRUE(emoticons_in("").empty());
  EXPECT_EQ(emoji_in("🥰"), V{"🥰"});
  EXPECT_EQ(emoji_in("❤"), V{"❤️"});
  EXPECT_EQ(emoji_in("❤️"), V{"❤️"});
  EXPECT_EQ(emoji_in("Hasta mañana! 🥰"), V{"🥰"});
  EXPECT_EQ(emoji_in("ok❤️ok❤ok"), (V{"❤️", "❤️"}));
  EXPECT_EQ(emoji_in("👍🏽 at the start, at the end 👍🏽"), (V{"👍/3", "👍/3"}));
  EXPECT_EQ(emoji_in("🏽"), V{"🏽"});  // a swatch alone, untoned
  EXPECT_EQ(emoji_in("🇪🇸"), V{"🇪🇸"});
  EXPECT_EQ(emoji_in("flag 🇪"), V{"🇪"});
  EXPECT_EQ(emoji_in("#️⃣ 1️⃣"), (V{"#️⃣", "1️⃣"}));
  EXPECT_EQ(emoji_in("©"), V{});  // text-style alone
  EXPECT_EQ(emoji_in("©️ ™️"), (V{"©️", "™️"}));
  EXPECT_EQ(emoji_in("❤︎"), V{});  // text presentation asked for
  EXPECT_EQ(emoji_in("👨‍👩‍👧 x"), V{"👨‍👩‍👧"});
  std::vector<EmojiMatch> found;
  const std::string text = "a😂b❤️c";
  for_each_emoji(text, [&](const EmojiMatch& m) { found.push_back(m); });
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(text.substr(found[0].offset, found[0].length), "😂");
  EXPECT_EQ(text.substr(found[1].offset, found[1].length), "❤️");
}

// Every code point that may start an emoji, alone or with U+FE0F, before an ASCII byte or the
// end (the fast path) and before "é" (the general path, through the break algorithm): the
// same matches.
TEST(Emoji, LoneCodePointsMatchAsTheGeneralPathMatchesThem) {
  auto matches = [](const std::string& text) {
    std::vector<std::string> out;
    for_each_emoji(text, [&](const EmojiMatch& m) {
      out.push_back(std::to_string(static_cast<int>(m.id)) + "@" + std::to_string(m.offset) + "+" +
                    std::to_string(m.length) + "/" + std::to_string(static_cast<int>(m.tone)));
    });
    return out;
  };
  size_t found = 0;
  for (char32_t cp = 0x80; cp < 0x1FB00; ++cp) {
    if (cp == 0x3300) cp = 0x1F000;
    std::string e;
    append_utf8(e, cp);
    for (const std::string& form : {e, e + "\xEF\xB8\x8F"}) {
      const auto general = matches("a" + form + "\xC3\xA9");
      found += general.size();
      ASSERT_EQ(matches("a" + form), general) << "U+" << std::hex << static_cast<uint32_t>(cp);
      ASSERT_EQ(matches("a" + form + " b"), general) << "U+" << std::hex << static_cast<uint32_t>(cp);
    }
  }
  EXPECT_GT(found, 2000u);
}
