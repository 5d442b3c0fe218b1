#pragma once
// Emoji as emojibase "hexcodes": upper-case hexadecimal code points of the
// fully-qualified form joined by '-' ("2764-FE0F"). The community summary
// carries emoji this way (codes only, no text), and the service validates them.
#include <optional>
#include <string>
#include <string_view>

#include "text/emoji.hpp"

namespace chatlens {

std::string emoji_hexcode(EmojiId id);
// The emoji whose hexcode is exactly `hexcode` (base emoji only: no skin-tone variants).
std::optional<EmojiId> emoji_from_hexcode(std::string_view hexcode);

}  // namespace chatlens
