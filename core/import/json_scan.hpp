#pragma once
// Byte-level JSON scanning for the parts of an input that are walked rather
// than parsed with simdjson: the outer structure of an export (root object,
// chat lists), skipping values nobody reads, finding exact element boundaries
// when the fast path cannot guess them, and explaining a syntax error with the
// byte offset where it starts. Strict RFC 8259 (UTF-8 checked inside strings),
// iterative, so deeply nested input cannot exhaust the stack.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace chatlens {

struct JsonSyntaxError {
  size_t offset = 0;
  std::string expected;  // e.g. "',' or '}' after an object member"
};

class JsonScanner {
 public:
  explicit JsonScanner(std::string_view bytes, size_t pos = 0) : s_(bytes), pos_(pos) {}

  std::string_view bytes() const { return s_; }
  size_t pos() const { return pos_; }
  void seek(size_t pos) { pos_ = pos; }

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

  // Records an error at `offset` (keeps the first one).
  bool fail(size_t offset, std::string_view expected);
  bool failed() const { return failed_; }
  const JsonSyntaxError& error() const { return error_; }

 private:
  bool scan_string();  // cursor on the opening quote
  bool scan_number();
  bool scan_literal();

  std::string_view s_;
  size_t pos_ = 0;
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

// "invalid JSON at byte 57 (line 4, column 3): expected ',' or '}' after an object member, found '\"'".
std::string describe_json_error(std::string_view bytes, const JsonSyntaxError& error);

}  // namespace chatlens
