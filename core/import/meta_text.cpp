#include "import/meta_text.hpp"

#include <utf8proc.h>

#include <array>
#include <cstdlib>

#include "text/utf8.hpp"

namespace chatlens::meta {
namespace {

// Combining diacritical marks (U+0300–U+036F) start with these bytes: only then can NFC change anything.
bool may_need_nfc(std::string_view s) {
  for (unsigned char c : s)
    if (c == 0xCC || c == 0xCD) return true;
  return false;
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

bool repair_mojibake(std::string_view s, std::string& out) {
  size_t i = 0;
  while (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) ++i;
  if (i == s.size()) return false;  // ASCII: nothing to repair
  std::string bytes(s.substr(0, i));
  bytes.reserve(s.size());
  for (; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      bytes += static_cast<char>(c);
    } else if ((c == 0xC2 || c == 0xC3) && i + 1 < s.size() && (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80) {
      bytes += static_cast<char>(((c & 0x03) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3F));
      ++i;
    } else {
      return false;  // a code point above U+00FF: real text
    }
  }
  if (!is_valid_utf8(bytes)) return false;  // genuine Latin-1 text ("café" written right)
  if (may_need_nfc(bytes)) {
    if (utf8proc_uint8_t* nfc = utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(bytes.c_str()))) {
      bytes.assign(reinterpret_cast<const char*>(nfc));
      std::free(nfc);
    }
  }
  out = std::move(bytes);
  return true;
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
