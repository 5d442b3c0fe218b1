#include "import/meta_text.hpp"

#include <simdjson.h>
#include <utf8proc.h>

#include <array>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <optional>

namespace chatlens::meta {
namespace {

// The first byte at or after `i` that is not ASCII (or the end), eight bytes at a time:
// most of every export is ASCII, and it is copied through untouched.
size_t skip_ascii(std::string_view s, size_t i) {
  while (i + 8 <= s.size()) {
    uint64_t word;
    std::memcpy(&word, s.data() + i, 8);
    if (word & 0x8080808080808080ULL) break;
    i += 8;
  }
  while (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) ++i;
  return i;
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }
bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Group events as Meta writes them after the author's name (English and Spanish exports).
constexpr std::array<std::string_view, 16> kGroupEventMiddles = {" named the group ",
                                                                 " changed the group name to ",
                                                                 " to the group.",
                                                                 " joined the group",
                                                                 " left the group",
                                                                 " from the group.",
                                                                 " created the group",
                                                                 " changed the group photo",
                                                                 " set the nickname for ",
                                                                 " set your nickname to ",
                                                                 " set their own nickname to ",
                                                                 " cambió el nombre del grupo a ",
                                                                 " se unió al grupo",
                                                                 " salió del grupo",
                                                                 " al grupo.",
                                                                 " creó el grupo"};

}  // namespace

std::optional<std::string_view> repair_mojibake(std::string_view s, std::string& buffer) {
  size_t i = skip_ascii(s, 0);
  if (i == s.size()) return std::nullopt;  // ASCII: nothing to repair
  buffer.assign(s.data(), i);
  bool combining = false;  // a combining mark (U+0300–U+036F starts with CC or CD): only then can NFC change anything
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      const size_t run = skip_ascii(s, i);
      buffer.append(s.data() + i, run - i);
      i = run;
    } else if ((c == 0xC2 || c == 0xC3) && i + 1 < s.size() && (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80) {
      const auto byte = static_cast<unsigned char>(((c & 0x03) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3F));
      combining |= byte == 0xCC || byte == 0xCD;
      buffer += static_cast<char>(byte);
      i += 2;
    } else {
      return std::nullopt;  // a code point above U+00FF: real text
    }
  }
  if (!simdjson::validate_utf8(buffer)) return std::nullopt;  // genuine Latin-1 text ("café" written right)
  if (combining) {
    if (utf8proc_uint8_t* nfc = utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(buffer.c_str()))) {
      buffer.assign(reinterpret_cast<const char*>(nfc));
      std::free(nfc);
    }
  }
  return std::string_view(buffer);
}

ContentKind classify_content(std::string_view sender, std::string_view content) {
  if (content.empty()) return ContentKind::Text;
  if (starts_with(content, "Reacted ") && ends_with(content, " to your message")) return ContentKind::ReactionNotice;
  if (ends_with(content, " liked a message") || ends_with(content, " reaccionó a tu mensaje"))
    return ContentKind::ReactionNotice;
  // Written with the sharer's name or another participant's (Instagram shares): any name.
  if (ends_with(content, " sent an attachment.") || ends_with(content, " envió un archivo adjunto."))
    return ContentKind::Attachment;
  // Events are written by their author: "Ana named the group …", "You named the group …".
  std::string_view rest;
  if (!sender.empty() && starts_with(content, sender))
    rest = content.substr(sender.size());
  else if (starts_with(content, "You "))
    rest = content.substr(3);
  else
    return ContentKind::Text;
  for (std::string_view middle : kGroupEventMiddles)
    if (starts_with(rest, middle) || (middle.back() == '.' && ends_with(rest, middle))) return ContentKind::GroupEvent;
  return ContentKind::Text;
}

}  // namespace chatlens::meta
