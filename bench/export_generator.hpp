#pragma once
// Deterministic generator of realistic chat exports (WhatsApp Android/iOS text, Telegram
// Desktop full-account JSON, DiscordChatExporter JSON, Messenger and Instagram "Download your
// information" JSON, signal-export chat.md) for benchmarks, tests and the demo report. The same options
// always give byte-identical output. Everyone in the generated chats is fictional; the
// owner ("me") is always owner_name(). See export_generator.cpp for the format choices.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace chatlens::bench {

enum class ExportFormat { WhatsAppAndroid, WhatsAppIos, Telegram, Discord, Messenger, Instagram, Signal };

std::optional<ExportFormat> parse_export_format(std::string_view s);  // "whatsapp-android", ...
std::string_view to_string(ExportFormat f);

enum class Clock { FromSeed, H24, H12 };  // WhatsApp timestamps; FromSeed: 12-hour when seed % 4 == 3

struct GeneratorOptions {
  ExportFormat format = ExportFormat::WhatsAppAndroid;
  uint64_t messages = 10000;  // records in total, system/service messages included
  uint32_t chats = 0;         // 0: 1 for WhatsApp, 20 for Telegram
  uint64_t seed = 1;
  Clock clock = Clock::FromSeed;
};

struct GeneratedChat {
  std::string title;      // contact name or group title ("" for Telegram's Saved Messages)
  std::string file_name;  // WhatsApp: the chat's file; Telegram: "result.json"
  bool group = false;
  uint64_t messages = 0;  // records, system ones included
  uint64_t system_messages = 0;
};

struct GenerationSummary {
  std::string owner;  // as the export names them ("Alex R." on Discord, "Me" on Signal)
  std::vector<GeneratedChat> chats;
  uint64_t messages = 0;
  uint64_t bytes = 0;
};

// Receives the output: WhatsApp opens one file per chat, Telegram one "result.json".
class ExportSink {
 public:
  virtual ~ExportSink() = default;
  virtual void open(std::string_view file_name) = 0;
  virtual void write(std::string_view bytes) = 0;
  virtual void close() = 0;
};

std::string_view owner_name();  // "Alex Rivera"
uint32_t default_chat_count(ExportFormat f);
bool is_whatsapp(ExportFormat f);
// Whether the export is a folder of files (gen_export's --out is then a directory): several
// WhatsApp or Discord chats, and always Messenger, Instagram (message_N.json per thread) and
// Signal (<chat>/chat.md).
bool writes_folders(ExportFormat f, uint32_t chats);
// The smallest `messages` that fits `chats` chats (each needs its system messages and two texts).
uint64_t minimum_messages(ExportFormat f, uint32_t chats);

// Throws std::invalid_argument for impossible options (too few messages for the chats).
GenerationSummary generate_export(const GeneratorOptions& options, ExportSink& sink);

struct GeneratedFile {
  std::string name;
  std::string bytes;
};
// Everything in memory (tests, small demos).
std::vector<GeneratedFile> generate_export_files(const GeneratorOptions& options, GenerationSummary* summary = nullptr);

}  // namespace chatlens::bench
