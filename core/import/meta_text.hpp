#pragma once
// Strings of Messenger and Instagram exports ("Download your information", JSON;
// FORMATS.md §3). Meta writes every string's UTF-8 bytes as separate code points
// ("\u00c3\u00a9" for "é"): the mojibake is repaired per string, after JSON
// decoding, and never on the raw file.
#include <optional>
#include <string>
#include <string_view>

namespace chatlens::meta {

// The repaired string, a view of `buffer`, when `s` is such mojibake: every code point is at
// most U+00FF and, taken as bytes, they are valid UTF-8 (put in NFC: decomposed accents occur).
// Nothing when `s` needs no repair (ASCII, `buffer` untouched) or is not mojibake (real text:
// a code point above U+00FF, or bytes that are not UTF-8; `buffer` then holds scraps).
// `buffer` is overwritten, never appended to: one buffer serves every string of an export.
std::optional<std::string_view> repair_mojibake(std::string_view s, std::string& buffer);

// What a content string tells beyond its words. Meta writes group events and reaction
// notices as ordinary messages of their author ("Ana named the group Trip.").
enum class ContentKind : uint8_t {
  Text,
  GroupEvent,      // renames, joins, adds, leaves, removals, photo and nickname changes
  ReactionNotice,  // "Reacted ❤️ to your message", "Ana liked a message"
  Attachment,      // "Ana sent an attachment." with the attachment itself not exported
};
ContentKind classify_content(std::string_view sender, std::string_view content);

}  // namespace chatlens::meta
