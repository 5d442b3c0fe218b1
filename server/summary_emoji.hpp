#pragma once
// Emoji in a community summary: emojibase hexcodes ("1F602", "2764-FE0F"), checked against the
// project's emoji table (core/text/emoji_hexcode.hpp, emojibase-data 17.0.0).
//
// Two spellings name one emoji: the fully-qualified code points ("2764-FE0F": what the report
// writes, what Unicode's emoji-test.txt lists, the canonical spelling) and emojibase's own
// `hexcode` field, which leaves out U+FE0F for emoji that also have a text form ("2764"). Both are
// accepted; the service stores and publishes the canonical one, so they count as one emoji.
// Skin-tone variants, text-presentation sequences (U+FE0E) and anything outside the table are not
// emoji of the table.
#include <optional>
#include <string>
#include <string_view>

namespace chatlens::server {

// The canonical hexcode of the emoji `hexcode` names, or nullopt when it names none.
std::optional<std::string> canonical_emoji_hexcode(std::string_view hexcode);

inline bool is_known_emoji_hexcode(std::string_view hexcode) { return canonical_emoji_hexcode(hexcode).has_value(); }

// Whether `hexcode` is spelled as the schema's pattern says: ^[0-9A-F]{4,6}(-[0-9A-F]{4,6})*$.
bool is_hexcode_syntax(std::string_view hexcode);

}  // namespace chatlens::server
