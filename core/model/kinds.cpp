#include "model/kinds.hpp"

#include <array>

namespace chatlens {
namespace {
constexpr std::array<std::string_view, 8> kMessageKinds = {"text", "media",   "location", "contact",
                                                           "poll", "deleted", "system",   "call"};
constexpr std::array<std::string_view, 9> kMediaKinds = {"",        "image", "video",    "audio", "voice",
                                                         "sticker", "gif",   "document", "other"};
}  // namespace

std::string_view to_string(Platform p) {
  switch (p) {
    case Platform::WhatsApp: return "whatsapp";
    case Platform::Telegram: return "telegram";
    case Platform::Signal: return "signal";
    case Platform::Discord: return "discord";
  }
  return "unknown";
}

std::string_view to_string(ChatKind k) {
  switch (k) {
    case ChatKind::Private: return "private";
    case ChatKind::Group: return "group";
    case ChatKind::Channel: return "channel";
    case ChatKind::Saved: return "saved";
    case ChatKind::Unknown: break;
  }
  return "unknown";
}

std::string_view to_string(MessageKind k) { return kMessageKinds[static_cast<size_t>(k)]; }
std::string_view to_string(MediaKind k) { return kMediaKinds[static_cast<size_t>(k)]; }

std::optional<MessageKind> parse_message_kind(std::string_view s) {
  for (size_t i = 0; i < kMessageKinds.size(); ++i)
    if (kMessageKinds[i] == s) return static_cast<MessageKind>(i);
  return std::nullopt;
}

std::optional<MediaKind> parse_media_kind(std::string_view s) {
  for (size_t i = 1; i < kMediaKinds.size(); ++i)
    if (kMediaKinds[i] == s) return static_cast<MediaKind>(i);
  return std::nullopt;
}

}  // namespace chatlens
