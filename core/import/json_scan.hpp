#pragma once
// Byte-level JSON scanning for the parts of an input that are walked rather
// than parsed with simdjson: the outer structure of an export (root object,
// chat lists), skipping values nobody reads, finding exact element boundaries
// when the fast path cannot guess them, and explaining a syntax error with the
// byte offset where it starts. Strict RFC 8259 (UTF-8 checked inside strings),
// iterative, so deeply nested input cannot exhaust the stack.
//
// It reads a whole input in place, or an InputWindow of an input arriving in pieces: then
// it holds only a view of the bytes around the cursor, asks the window for more at the
// end of the view, and scans a token that runs past the view again from its start with a
// larger one. Offsets (pos, seek, errors) are the input's either way.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "import/input_window.hpp"
#include "import/source_report.hpp"

namespace chatlens {

struct JsonSyntaxError {
  size_t offset = 0;
  std::string expected;  // e.g. "',' or '}' after an object member"
};

class JsonScanner {
 public:
  explicit JsonScanner(std::string_view bytes, size_t pos = 0)
      : s_(bytes), pos_(pos), size_(bytes.size()), limit_(bytes.size()) {}
  // In place when the window's input is whole, else through the window's buffer.
  explicit JsonScanner(InputWindow& window, size_t pos = 0);
  // A scanner of the same input from `pos` (sharing the window, if any).
  JsonScanner fresh(size_t pos) const;

  size_t size() const { return size_; }  // of the whole input
  bool in_place() const { return window_ == nullptr; }
  size_t pos() const { return base_ + pos_; }
  void seek(size_t pos);
  // The input's bytes from `offset`: at least `min` of them, or all that remain. Valid
  // until the next call on this scanner or on the window.
  std::string_view view(size_t offset, size_t min);
  // Keep the bytes from `offset` (at or before the cursor) at hand until release_hold(), so
  // that a view() of them later needs no re-read.
  void hold(size_t offset) { hold_ = offset; }
  void release_hold() { hold_ = SIZE_MAX; }
  // The first byte still at hand without a re-read (0 in place).
  size_t held_from() const { return window_ ? static_cast<size_t>(window_->held_from()) : 0; }
  // The 1-based line of `offset`, for a scanner over a window: newlines are counted as the
  // view moves on, before the window drops them, so asking costs no second read.
  uint64_t line_at(size_t offset);

  // Skips whitespace; the next byte, or '\0' at the end of the input.
  char peek();
  bool at_end() { return peek() == '\0' && pos_ >= s_.size(); }
  // Skips whitespace, then consumes `c` when it is next.
  bool consume(char c);
  // Like consume(), but a mismatch is an error saying what was expected.
  bool expect(char c, std::string_view what);

  // The raw content between the quotes of the string at the cursor (escapes
  // kept), validated; the cursor moves past the closing quote.
  bool read_string(std::string_view& raw);
  // The token of the number at the cursor, validated.
  bool read_number(std::string_view& token);
  // Validates and skips one value of any type.
  bool skip_value();
  // From now on skip_value() fails, with too_deep() true, on arrays and objects
  // nested more than `levels` deep (counted from the value it skips).
  void limit_depth(size_t levels) { max_depth_ = levels; }
  bool too_deep() const { return too_deep_; }

  // Records an error at the input's byte `offset`, as pos() counts (keeps the first one).
  bool fail(size_t offset, std::string_view expected);
  bool failed() const { return failed_; }
  const JsonSyntaxError& error() const { return error_; }

 private:
  // fail() at byte `i` of the view (the scanning loops count in s_, not in the input).
  bool fail_in_view(size_t i, std::string_view expected) { return fail(base_ + i, expected); }
  bool scan_string();  // cursor on the opening quote
  bool scan_number();
  bool scan_literal();
  // Scans one token with `scan` (cursor at its start); when the view ended before the
  // token did, again with a larger view.
  template <class Scan>
  bool token(Scan scan);
  bool more() const { return base_ + s_.size() < limit_; }  // input past the view
  bool starve() {
    starved_ = true;
    return false;
  }
  void sync();                          // a view again if the window moved under this one
  void cover(size_t from, size_t end);  // a view holding [from, end) and the cursor

  std::string_view s_;  // input bytes [base_, base_ + s_.size())
  size_t base_ = 0;
  size_t pos_ = 0;  // the cursor, in s_
  size_t size_ = 0;
  size_t limit_ = 0;  // where the input ends for the scanner (its size, or a failed read)
  InputWindow* window_ = nullptr;
  uint64_t generation_ = 0;
  size_t hold_ = SIZE_MAX;
  bool starved_ = false;
  size_t mark_ = 0;  // newlines before this offset are counted: mark_line_ - 1 of them
  uint64_t mark_line_ = 1;
  bool failed_ = false;
  bool too_deep_ = false;
  size_t max_depth_ = SIZE_MAX;
  JsonSyntaxError error_;
};

// Decodes the raw content of a valid JSON string (as returned by read_string).
std::string json_unescape(std::string_view raw);

// 1-based line and column (in bytes) of `offset`.
struct TextPosition {
  uint64_t line = 1;
  uint64_t column = 1;
};
TextPosition text_position(std::string_view bytes, size_t offset);

// input.invalid_json with offset, line, column, expected (e.g. "',' or '}' after an
// object member") and found (e.g. "'\"'").
SourceMessage describe_json_error(std::string_view bytes, const JsonSyntaxError& error);
// The same for an input read through a window (its line is counted by reading it again).
SourceMessage describe_json_error(InputWindow& input, const JsonSyntaxError& error);

}  // namespace chatlens
