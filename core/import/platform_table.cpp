#include "import/platform_table.hpp"

#include <array>

namespace chatlens {
namespace {

std::string_view without_folder(std::string_view path) { return base_name(path); }

bool is_ios_attachment(std::string_view base) {
  // "00000046-Some file.txt": eight digits and a dash.
  if (base.size() < 10 || base[8] != '-') return false;
  for (size_t i = 0; i < 8; ++i)
    if (base[i] < '0' || base[i] > '9') return false;
  return true;
}

// Whether `path`'s folder also holds an entry named `base`.
bool has_sibling(std::span<const std::string> names, std::string_view path, std::string_view base) {
  const std::string_view folder = path.substr(0, path.size() - base_name(path).size());
  for (const std::string& n : names)
    if (n.size() == folder.size() + base.size() && std::string_view(n).substr(0, folder.size()) == folder &&
        base_name(n) == base)
      return true;
  return false;
}

// "message_1.json" … "message_12.json": one part of a Messenger or Instagram thread.
bool is_meta_message_part(std::string_view base) {
  if (base.substr(0, 8) != "message_" || !ends_with_ci(base, ".json")) return false;
  const std::string_view digits = base.substr(8, base.size() - 8 - 5);
  if (digits.empty()) return false;
  for (char c : digits)
    if (c < '0' || c > '9') return false;
  return true;
}

// ---- WhatsApp: "<title>.txt", or "_chat.txt" in an iOS zip (then nothing else is a chat).
EntryMatch whatsapp_entry(std::string_view path, std::span<const std::string>) {
  const std::string_view base = without_folder(path);
  if (base == "_chat.txt") return EntryMatch::OnlyChats;
  return ends_with_ci(base, ".txt") && !is_ios_attachment(base) ? EntryMatch::Chat : EntryMatch::None;
}
bool whatsapp_file(std::string_view path) {
  const std::string_view base = without_folder(path);
  return ends_with_ci(base, ".txt") && !is_ios_attachment(base);
}
constexpr std::array<ImporterFn, 1> kWhatsAppImporters = {&whatsapp_text_importer};
// Anywhere in the name: downloads get renamed ("2023-01-05 WhatsApp Chat with Ana").
constexpr std::array<std::string_view, 16> kWhatsAppPrefixes = {"WhatsApp Chat with ",
                                                                "WhatsApp Chat - ",
                                                                "WhatsApp Chat mit ",
                                                                "Chat de WhatsApp con ",
                                                                "Conversa do WhatsApp com ",
                                                                "Chat WhatsApp con ",
                                                                "Discussion WhatsApp avec ",
                                                                "WhatsApp-chat met ",
                                                                "Чат WhatsApp с контактом ",
                                                                "Чат WhatsApp с ",
                                                                "Chat WhatsApp s uživatelem ",
                                                                "Chat WhatsApp s ",
                                                                "WhatsApp Chat: ",
                                                                "Chat di WhatsApp con ",
                                                                "Czat WhatsApp z ",
                                                                "WhatsApp Sohbeti: "};
constexpr std::array<std::string_view, 1> kWhatsAppGeneric = {"_chat"};
constexpr std::array<std::string_view, 2> kWhatsAppGuides = {"android", "iphone"};

// ---- Telegram Desktop: result.json, at any depth of the archive.
EntryMatch telegram_entry(std::string_view path, std::span<const std::string>) {
  return without_folder(path) == "result.json" ? EntryMatch::Chat : EntryMatch::None;
}
bool any_json_file(std::string_view path) { return ends_with_ci(without_folder(path), ".json"); }
constexpr std::array<ImporterFn, 1> kTelegramImporters = {&telegram_json_importer};
constexpr std::array<std::string_view, 1> kTelegramGeneric = {"result"};
constexpr std::array<std::string_view, 1> kTelegramGuides = {"telegram"};

// ---- Signal (signal-export): a folder per chat with chat.md, or data.json when alone.
EntryMatch signal_entry(std::string_view path, std::span<const std::string> names) {
  const std::string_view base = without_folder(path);
  if (base == "chat.md" || (base == "data.json" && !has_sibling(names, path, "chat.md"))) return EntryMatch::Chat;
  return EntryMatch::None;
}
bool signal_file(std::string_view path) { return without_folder(path) == "chat.md" || any_json_file(path); }
constexpr std::array<ImporterFn, 2> kSignalImporters = {&signal_markdown_importer, &signal_json_importer};
constexpr std::array<std::string_view, 1> kSignalGeneric = {"chat"};
constexpr std::array<std::string_view, 1> kSignalGuides = {"signal"};

// The account's profile information, which names the owner (meta_profile.cpp): Facebook's
// [personal_information/]profile_information/profile_information.json, Instagram's
// personal_information/personal_information.json. Not a chat, but read with the chats.
bool is_meta_profile(std::string_view path) {
  return ends_with_ci(path, "profile_information/profile_information.json") ||
         ends_with_ci(path, "personal_information/personal_information.json");
}

// ---- Messenger and Instagram ("Download your information", JSON): message_N.json per
// thread, under messages/inbox/ (and the newer your_*_activity/messages/ layouts), and the
// profile information.
EntryMatch meta_entry(std::string_view path, std::span<const std::string>) {
  return is_meta_message_part(without_folder(path)) || is_meta_profile(path) ? EntryMatch::Chat : EntryMatch::None;
}
bool meta_file(std::string_view path) { return is_meta_message_part(without_folder(path)) || is_meta_profile(path); }
constexpr std::array<ImporterFn, 2> kMetaImporters = {&meta_json_importer, &meta_profile_importer};
constexpr std::array<std::string_view, 1> kMessengerGuides = {"messenger"};
constexpr std::array<std::string_view, 1> kInstagramGuides = {"instagram"};
constexpr std::array<std::string_view, 0> kNone = {};

// ---- DiscordChatExporter: "<Guild> - <channel> [<channel id>].json". Only that name is
// taken from a folder or a zip: downloads of other platforms hold many unrelated .json files.
bool is_discord_export_name(std::string_view base) {
  if (!ends_with_ci(base, "].json")) return false;
  const std::string_view stem = base.substr(0, base.size() - 6);
  const size_t open = stem.rfind(" [");
  if (open == std::string_view::npos || open + 2 == stem.size()) return false;
  for (char c : stem.substr(open + 2))
    if (c < '0' || c > '9') return false;
  return true;
}
EntryMatch discord_entry(std::string_view path, std::span<const std::string>) {
  return is_discord_export_name(without_folder(path)) ? EntryMatch::Chat : EntryMatch::None;
}
bool discord_file(std::string_view path) { return is_discord_export_name(without_folder(path)); }
constexpr std::array<ImporterFn, 1> kDiscordImporters = {&discord_json_importer};
constexpr std::array<std::string_view, 1> kDiscordGuides = {"discord"};

// Order matters: importers are sniffed in this order (the first wins a tie), and the
// web app shows the export guides in this order.
const std::array<PlatformSpec, 6> kTable = {{
    {Platform::WhatsApp, "whatsapp", "WhatsApp", kWhatsAppImporters, &whatsapp_entry, &whatsapp_file, kWhatsAppPrefixes,
     kWhatsAppGeneric, kWhatsAppGuides, "upload.hint.whatsapp"},
    {Platform::Telegram, "telegram", "Telegram", kTelegramImporters, &telegram_entry, &any_json_file, kNone,
     kTelegramGeneric, kTelegramGuides, "upload.hint.telegram"},
    {Platform::Signal, "signal", "Signal", kSignalImporters, &signal_entry, &signal_file, kNone, kSignalGeneric,
     kSignalGuides, "upload.hint.signal"},
    {Platform::Messenger, "messenger", "Messenger", kMetaImporters, &meta_entry, &meta_file, kNone, kNone,
     kMessengerGuides, "upload.hint.messenger"},
    // The same "Download your information" format: read by the Messenger row's importer,
    // which tells the two apart by the export's folders.
    {Platform::Instagram,
     "instagram",
     "Instagram",
     {},
     &meta_entry,
     &meta_file,
     kNone,
     kNone,
     kInstagramGuides,
     "upload.hint.instagram"},
    {Platform::Discord, "discord", "Discord", kDiscordImporters, &discord_entry, &discord_file, kNone, kNone,
     kDiscordGuides, "upload.hint.discord"},
}};

}  // namespace

std::string_view base_name(std::string_view path) {
  if (auto slash = path.find_last_of('/'); slash != std::string_view::npos) path.remove_prefix(slash + 1);
  return path;
}

bool ends_with_ci(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (size_t i = 0; i < suffix.size(); ++i) {
    char c = s[s.size() - suffix.size() + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != suffix[i]) return false;
  }
  return true;
}

std::span<const PlatformSpec> platform_table() { return kTable; }

const PlatformSpec& platform_spec(Platform p) {
  for (const PlatformSpec& row : kTable)
    if (row.id == p) return row;
  return kTable[0];  // unreachable while every value has a row (the table's test checks it)
}

std::optional<Platform> parse_platform(std::string_view name) {
  for (const PlatformSpec& row : kTable)
    if (row.name == name) return row.id;
  return std::nullopt;
}

// Declared in model/kinds.hpp: the names come from the table.
std::string_view to_string(Platform p) {
  for (const PlatformSpec& row : kTable)
    if (row.id == p) return row.name;
  return "unknown";
}

const std::vector<const Importer*>& all_importers() {
  static const std::vector<const Importer*> importers = [] {
    std::vector<const Importer*> out;
    for (const PlatformSpec& row : kTable)
      for (ImporterFn make : row.importers) out.push_back(&make());
    return out;
  }();
  return importers;
}

}  // namespace chatlens
