#pragma once
// Emoji as the community summary writes them: emojibase hexcodes ("1F602", "2764-FE0F"), checked
// against the project's emoji table (core/text/emoji.hpp, generated from emojibase-data 17.0.0).
//
// Two spellings name one emoji: emojibase's `hexcode` ("2764", without the U+FE0F it drops for
// emoji with a text variant) and the fully-qualified code points ("2764-FE0F", what Unicode's
// emoji-test.txt lists and docs/community-summary.md shows). Both are accepted; the canonical
// spelling, used for storage and publication, is the fully-qualified one. Skin-tone variants,
// text-presentation sequences (U+FE0E) and anything outside the table are not emoji of the table.
#include <optional>
#include <string>
#include <string_view>

namespace chatlens::server {

// The canonical hexcode of the emoji `hexcode` names, or nullopt when it names none.
std::optional<std::string> canonical_emoji_hexcode(std::string_view hexcode);

inline bool is_known_emoji_hexcode(std::string_view hexcode) { return canonical_emoji_hexcode(hexcode).has_value(); }

// Whether `hexcode` is spelled as the schema's pattern says: ^[0-9A-F]{4,6}(-[0-9A-F]{4,6})*$.
bool is_hexcode_syntax(std::string_view hexcode);

// The hexcode of a UTF-8 string: upper-case code points, at least 4 digits, joined by '-'.
std::string hexcode_of(std::string_view utf8);

}  // namespace chatlens::server
