#pragma once
// The emoji table, generated from emojibase-data 17.0.0 (Emoji 17.0) by core/data/generator into
// core/data/generated/emoji_table.cpp. Plain sorted arrays: no constructor runs at startup.
// Use it through core/text/emoji.hpp; this header only describes the layout.
#include <cstddef>
#include <cstdint>

#include "data/str_ref.hpp"

namespace chatlens::data {

// flags of an EmojiRow
inline constexpr uint8_t kEmojiTakesSkinTones = 1;  // has skin-tone variants
inline constexpr uint8_t kEmojiTextDefault = 2;     // a single code point shown as text unless followed by U+FE0F
inline constexpr uint8_t kEmojiComponent = 4;       // skin-tone swatch or hair component
inline constexpr uint8_t kNoGroup = 255;            // group/subgroup of the regional indicator letters

// One emoji; its index in kEmojiRows is its EmojiId. Ordered as Unicode orders emoji (emojibase's
// `order`), regional indicator letters last. Strings are in kEmojiStrings.
struct EmojiRow {
  StrRef code;       // fully-qualified form (as in Unicode's emoji-test.txt), UTF-8
  StrRef name_en;    // CLDR short name, English ("thumbs up")
  StrRef name_es;    // CLDR short name, Spanish ("pulgar hacia arriba")
  uint8_t group;     // index into kEmojiGroups, or kNoGroup
  uint8_t subgroup;  // index into kEmojiSubgroups, or kNoGroup
  uint8_t flags;
};

// Lookup key -> emoji. The key of a grapheme cluster is its code points without U+FE0F and without
// skin-tone modifiers (a lone modifier keeps itself), UTF-8 encoded; sorted by bytes. Besides one key
// per emoji there are keys for two-person skin-tone sequences whose toneless form is another
// sequence (🫱🏻‍🫲🏼 -> 🤝). Strings are in kEmojiKeyStrings.
struct EmojiKeyRow {
  StrRef key;
  uint16_t emoji;
};

// A skin-tone variant of an emoji (👍🏽 of 👍). tone and tone2 are 1..5 (light..dark); tone2 is 0
// unless the sequence has two different tones (🧑🏻‍🤝‍🧑🏿: tone 1, tone2 5). Sorted by (emoji, tone,
// tone2).
struct SkinVariantRow {
  StrRef code;  // fully-qualified, in kEmojiStrings
  uint16_t emoji;
  uint8_t tone;
  uint8_t tone2;
};

// Name of a group, a subgroup or a skin tone: stable key ("smileys-emotion") and display names.
struct NameRow {
  StrRef key;
  StrRef name_en;
  StrRef name_es;
};

extern const char kEmojiDataSource[];  // "emojibase-data 17.0.0"
extern const EmojiRow kEmojiRows[];
extern const size_t kEmojiRowCount;
extern const EmojiKeyRow kEmojiKeys[];
extern const size_t kEmojiKeyCount;
extern const SkinVariantRow kSkinVariants[];
extern const size_t kSkinVariantCount;
extern const NameRow kEmojiGroups[];
extern const size_t kEmojiGroupCount;
extern const NameRow kEmojiSubgroups[];
extern const size_t kEmojiSubgroupCount;
extern const NameRow kSkinToneNames[];  // 5 rows: tone 1..5
extern const char kEmojiStrings[];
extern const size_t kEmojiStringsSize;
extern const char kEmojiKeyStrings[];
extern const size_t kEmojiKeyStringsSize;

}  // namespace chatlens::data
