#pragma once
// What an importer says about one input: what it recognised, how much it read,
// and everything it skipped, with line numbers (nothing is dropped silently).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace chatlens {

struct SkippedLine {
  uint64_t line = 0;    // 1-based line number (or byte offset for binary formats, see `offset`)
  uint64_t offset = 0;  // byte offset of the problem in the input
  std::string reason;   // "line before the first message header", ...
  std::string excerpt;  // the start of the offending line, at most ~120 bytes, valid UTF-8
};

struct SourceReport {
  std::string file;  // display name: "chat.txt", "export.zip:_chat.txt"
  uint64_t bytes = 0;
  std::string platform;    // "whatsapp", "telegram", "signal"; empty when nothing matched
  std::string variant;     // "android", "ios", "ios-2017", "single-chat", "full-account", ...
  std::string date_order;  // "DMY", "MDY", "YMD" where the format leaves it open
  uint64_t records = 0;    // messages read
  uint64_t chats = 0;
  uint64_t lines_skipped = 0;
  std::vector<SkippedLine> skipped_examples;  // the first few skipped lines
  std::vector<std::string> notes;             // non-fatal observations worth showing
  std::optional<std::string> error;           // set when the input could not be read at all

  static constexpr size_t kMaxExamples = 5;
  void skip(uint64_t line, uint64_t offset, std::string reason, std::string_view text);
  bool ok() const { return !error.has_value(); }
};

}  // namespace chatlens
