#pragma once
// What an importer says about one input: what it recognised, how much it read,
// and everything it skipped, with line numbers (nothing is dropped silently).
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "base/status.hpp"
#include "json/json.hpp"

namespace chatlens {

// A sentence about an input, for a person: an i18n key ("input.*") and its
// parameters. The report writes it as a message object like every sentence
// (docs/report.schema.json, $defs/message); the words live in the catalogues.
struct SourceMessage {
  std::string key;
  Json params = Json::object();

  Json to_json() const;
  std::string debug() const;  // key and parameters, for logs and test failures

  // The same sentence as a failure (docs/errors.md), its detail the key and parameters;
  // and back, a failure told in plain words only becoming input.text with them.
  Status as_error() const { return Status::user_error(key, params); }
  static SourceMessage of(const Status& failure);
};
std::ostream& operator<<(std::ostream& out, const SourceMessage& m);

// Transitional: a sentence about an input that has no key of its own yet (text from
// importer work merged before the keys existed). Both catalogues show it as it is
// (input.text = "{text}"); each use is a sentence still to give a key.
inline SourceMessage untranslated(std::string text) { return {"input.text", Json::Object{{"text", std::move(text)}}}; }

struct SkippedLine {
  uint64_t line = 0;     // 1-based line number (or byte offset for binary formats, see `offset`)
  uint64_t offset = 0;   // byte offset of the problem in the input
  SourceMessage reason;  // input.line_before_first_header, ...
  std::string excerpt;   // the start of the offending line, at most ~120 bytes, valid UTF-8
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
  std::vector<SourceMessage> notes;           // non-fatal observations worth showing
  // Failed when the input could not be read at all; its message (an input.* key) is the
  // report's "error".
  Status status;

  static constexpr size_t kMaxExamples = 5;
  void skip(uint64_t line, uint64_t offset, SourceMessage reason, std::string_view text);
  bool ok() const { return status.is_ok(); }
  void fail(Status failure) { status = std::move(failure); }
  void fail(const SourceMessage& reason) { status = reason.as_error(); }
};

}  // namespace chatlens
