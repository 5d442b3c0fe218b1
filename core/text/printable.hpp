#pragma once
// Text from an export made safe to print on a terminal: a sender name must not
// be able to move the cursor, recolour the screen, retitle the window or
// reorder what follows. Control characters (C0, DEL, C1), bidirectional
// overrides and isolates, and bytes that are not UTF-8 are written as escapes.
#include <string>
#include <string_view>

namespace chatlens {

// "\x1b" for C0 controls and DEL, "\u009b" for C1 controls and bidi controls,
// "\xff" for each invalid byte. Tabs stay; line breaks stay when `keep_newlines`
// (multi-line output such as the summary), else become "\n".
std::string printable(std::string_view s, bool keep_newlines = false);

// Invalid bytes replaced by U+FFFD, as a browser or JSON consumer shows them.
std::string replace_invalid_utf8(std::string_view s);

}  // namespace chatlens
