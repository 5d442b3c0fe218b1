#pragma once
// Emoji in text: finding them (on extended grapheme clusters, UAX #29) and describing them (names
// in English and Spanish, group, subgroup, skin-tone variants), from the table generated from
// emojibase-data 17.0.0 (core/data/emoji_table.hpp). Also typed emoticons (":)", "<3").
//
// What counts as one emoji: one grapheme cluster whose code points, without U+FE0F and without
// skin-tone modifiers, are an emoji of Emoji 17.0. So
//  - ZWJ sequences (👨‍👩‍👧‍👦), flags (🇪🇸), keycaps (#️⃣), tag sequences (🏴󠁧󠁢󠁳󠁣󠁴󠁿) are
//  one emoji each;
//  - skin tones are reported beside the base emoji (👍🏽 = 👍 + medium), also for two-person
//    sequences (🧑🏻‍🤝‍🧑🏿 = 🧑‍🤝‍🧑 + light + dark);
//  - unqualified and minimally-qualified forms count (❤ without U+FE0F is ❤️), except single
//    text-style symbols common in ordinary text (© ® ™ ‼ ⁉ arrows, ✔ ✖ ♀ ♂ ♠ ♣ ♦ …), which count
//    only when followed by U+FE0F; anything followed by U+FE0E (text presentation) never counts;
//  - an unknown ZWJ sequence counts as its known parts (as it is displayed); an unknown cluster
//    as its first code point when that is an emoji (👍 followed by a stray combining mark).
// ASCII text is skipped without decoding; only code points that can start an emoji are looked at.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace chatlens {

// Index into the emoji table (0 .. emoji_count()-1), stable for one version of the table.
enum class EmojiId : uint16_t {};
inline constexpr EmojiId kNoEmoji{0xFFFF};

enum class SkinTone : uint8_t { None = 0, Light = 1, MediumLight = 2, Medium = 3, MediumDark = 4, Dark = 5 };

enum class NameLocale : uint8_t { En, Es };

struct EmojiMatch {
  EmojiId id = kNoEmoji;
  SkinTone tone = SkinTone::None;   // the (first person's) skin tone; None when absent or not applicable
  SkinTone tone2 = SkinTone::None;  // the second person's tone when it differs from the first
  uint32_t offset = 0;              // bytes of the matched cluster (or emoticon) in the text
  uint32_t length = 0;
};

struct EmojiInfo {
  std::string_view code;  // fully-qualified form, UTF-8 (as in Unicode's emoji-test.txt)
  std::string_view name_en;
  std::string_view name_es;
  uint8_t group = 0;     // emoji_group(); kNoEmojiGroup for the regional indicator letters
  uint8_t subgroup = 0;  // emoji_subgroup()
  bool takes_skin_tones = false;
  bool component = false;  // skin-tone swatch or hair component
  std::string_view name(NameLocale locale) const { return locale == NameLocale::Es ? name_es : name_en; }
};

struct EmojiGroupName {
  std::string_view key;  // stable identifier: "smileys-emotion", "face-smiling", "medium-dark"
  std::string_view name_en;
  std::string_view name_es;
  std::string_view name(NameLocale locale) const { return locale == NameLocale::Es ? name_es : name_en; }
};

inline constexpr uint8_t kNoEmojiGroup = 255;

size_t emoji_count();
// Precondition: id < emoji_count().
EmojiInfo emoji_info(EmojiId id);
// Names of groups (0 .. emoji_group_count()-1) and subgroups; empty names for kNoEmojiGroup.
size_t emoji_group_count();
size_t emoji_subgroup_count();
EmojiGroupName emoji_group(uint8_t group);
EmojiGroupName emoji_subgroup(uint8_t subgroup);
EmojiGroupName skin_tone_name(SkinTone tone);  // empty for None
// The code of an emoji with the given tone(s), e.g. (👍, Medium) -> "👍🏽"; empty when it has no
// such variant.
std::string_view skin_variant(EmojiId id, SkinTone tone, SkinTone tone2 = SkinTone::None);

// The emoji a whole string is (one cluster, any qualification, with or without skin tones):
// "❤" and "❤️" -> ❤️, "👍🏽" -> 👍 (with match->tone = Medium). nullopt unless the string is
// exactly one emoji.
std::optional<EmojiMatch> match_emoji(std::string_view code);
std::optional<EmojiId> find_emoji(std::string_view code);

// Finds the next emoji in text at or after pos; on success fills out and moves pos past it.
// Invalid UTF-8 is skipped.
bool next_emoji(std::string_view text, size_t& pos, EmojiMatch& out);

template <class F>
void for_each_emoji(std::string_view text, F&& callback) {
  size_t pos = 0;
  EmojiMatch m;
  while (next_emoji(text, pos, m)) callback(m);
}

// Typed emoticons, reported as the emoji they stand for (emojibase's emoticon data):
//   :) :-) -> 🙂   :D :-D -> 😄   xD XD -> 😆   :( :-( -> ☹️   ;) ;-) -> 😉   :P :p :-P -> 😛
//   :O :o :-O -> 😲   :'( -> 😢   <3 -> ❤️   </3 -> 💔
// The last character may repeat (":)))", "xDDD", "<333"). Not inside URLs, not after a digit or
// a colon (times like "10:30", "::"), not followed by a letter or digit ("Re:Pedro"); "xD" only
// at the start of a word.
bool next_emoticon(std::string_view text, size_t& pos, EmojiMatch& out);

template <class F>
void for_each_emoticon(std::string_view text, F&& callback) {
  size_t pos = 0;
  EmojiMatch m;
  while (next_emoticon(text, pos, m)) callback(m);
}

}  // namespace chatlens
