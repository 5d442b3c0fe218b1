#pragma once
// Small named enums shared by importers, the corpus and the report.
#include <cstdint>
#include <optional>
#include <string_view>

namespace chatlens {

// Each value has a row in core/import/platform_table.cpp (its names, importers, file rules).
enum class Platform : uint8_t { WhatsApp, Telegram, Signal, Messenger, Instagram, Discord };
// The last value, for tests that walk every platform.
inline constexpr Platform kLastPlatform = Platform::Discord;
enum class ChatKind : uint8_t { Private, Group, Channel, Saved, Unknown };
enum class MessageKind : uint8_t { Text, Media, Location, Contact, Poll, Deleted, System, Call };
enum class MediaKind : uint8_t { None, Image, Video, Audio, Voice, Sticker, Gif, Document, Other };

std::string_view to_string(Platform p);  // defined with the platform table
std::string_view to_string(ChatKind k);
std::string_view to_string(MessageKind k);
std::string_view to_string(MediaKind k);  // "" for None

std::optional<MessageKind> parse_message_kind(std::string_view s);
std::optional<MediaKind> parse_media_kind(std::string_view s);

}  // namespace chatlens
