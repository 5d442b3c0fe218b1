// The byte-level JSON scanner: strict validation, and errors that say where.
#include "import/json_scan.hpp"

#include <gtest/gtest.h>

using namespace chatlens;

namespace {

// Offset and expectation of the first error, or {npos, ""} when `json` is one valid value.
std::pair<size_t, std::string> first_error(std::string_view json) {
  JsonScanner scan(json);
  if (scan.skip_value()) {
    scan.peek();
    if (scan.pos() == json.size()) return {std::string::npos, ""};
    scan.fail(scan.pos(), "the end of the input");
  }
  return {scan.error().offset, scan.error().expected};
}

}  // namespace

TEST(JsonScan, AcceptsEveryKindOfValue) {
  for (std::string_view json :
       {"0", "-0", "12.5e-3", "-1E+9", "true", "false", "null", "\"\"", "\"a\\\"b\\\\c\\/\\b\\f\\n\\r\\t\\u00e9\"",
        "\"\\ud83d\\ude00\"", "\"caf\xC3\xA9 \xF0\x9F\x98\x80\"", "[]", "{}", " [ 1 , [ 2 , { \"a\" : [ ] } ] ] ",
        "{\"a\": {\"b\": {\"c\": [null, true, \"x\"]}}, \"d\": -5}"})
    EXPECT_EQ(first_error(json).first, std::string::npos) << json;
}

TEST(JsonScan, RejectsWithTheOffsetWhereTheProblemStarts) {
  const std::tuple<std::string_view, size_t, std::string_view> cases[] = {
      {"{\"a\": 1 \"b\": 2}", 8, "',' or '}' after an object member"},
      {"[1 2]", 3, "',' or ']' after an array element"},
      {"{\"a\" 1}", 5, "':' after an object key"},
      {"{1: 2}", 1, "a string key or '}'"},
      {"{\"a\": 1,}", 8, "a string key after ','"},
      {"[1,]", 3, "a value"},
      {"01", 1, "the end of the input"},
      {"-", 1, "a digit"},
      {"1.", 2, "a digit after the decimal point"},
      {"1e", 2, "a digit in the exponent"},
      {"nul", 0, "a value"},
      {"\"abc", 0, "a string closed by '\"' (this one never ends)"},
      {"\"a\\x\"", 2, "a valid escape sequence (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)"},
      {"\"\\u12g4\"", 1, "four hexadecimal digits after \\u"},
      {"\"\\ud83d\"", 1, "a low surrogate \\u escape after this high surrogate"},
      {"\"\\ude00\"", 1, "a high surrogate before this low surrogate \\u escape"},
      {"\"a\nb\"", 2, "no raw control character inside a string (it must be escaped)"},
      {"\"\xC3\"", 1, "valid UTF-8"},
      {"\"\xE0\x80\xAF\"", 1, "valid UTF-8"},      // overlong
      {"\"\xED\xA0\x80\"", 1, "valid UTF-8"},      // encoded surrogate
      {"\"\xF4\x90\x80\x80\"", 1, "valid UTF-8"},  // beyond U+10FFFF
      {"[[[", 3, "a value"},
      {"", 0, "a value"},
  };
  for (const auto& [json, offset, expected] : cases) {
    const auto [at, what] = first_error(json);
    EXPECT_EQ(at, offset) << json;
    EXPECT_EQ(what, expected) << json;
  }
}

TEST(JsonScan, DeepNestingDoesNotExhaustTheStack) {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  EXPECT_EQ(first_error(deep).first, std::string::npos);
  EXPECT_EQ(first_error(std::string(100000, '[')).first, 100000u);
}

TEST(JsonScan, ReadsStringsAndNumbersRaw) {
  JsonScanner scan(R"(  "a\"b"  -12.5e3 )");
  std::string_view raw, number;
  ASSERT_TRUE(scan.read_string(raw));
  EXPECT_EQ(raw, "a\\\"b");
  ASSERT_TRUE(scan.read_number(number));
  EXPECT_EQ(number, "-12.5e3");
  EXPECT_TRUE(scan.at_end());
}

TEST(JsonScan, UnescapesStrings) {
  EXPECT_EQ(json_unescape("plain"), "plain");
  EXPECT_EQ(json_unescape("a\\\"b\\\\c\\/d\\n\\t"), "a\"b\\c/d\n\t");
  EXPECT_EQ(json_unescape("caf\\u00e9 \\u20AC"), "caf\xC3\xA9 \xE2\x82\xAC");
  EXPECT_EQ(json_unescape("\\ud83d\\ude00"), "\xF0\x9F\x98\x80");
}

TEST(JsonScan, ErrorsAreDescribedWithLineAndColumn) {
  const std::string_view json = "{\n  \"a\": 1\n  \"b\": 2\n}";
  JsonScanner scan(json);
  ASSERT_FALSE(scan.skip_value());
  EXPECT_EQ(
      describe_json_error(json, scan.error()).debug(),
      R"(input.invalid_json {"offset":13,"line":3,"column":3,"expected":"',' or '}' after an object member","found":"'\"'"})");
  EXPECT_EQ(
      describe_json_error("[", JsonSyntaxError{1, "a value"}).debug(),
      R"(input.invalid_json {"offset":1,"line":1,"column":2,"expected":"a value","found":"the end of the input"})");
  const TextPosition p = text_position("ab\ncd\r\nef", 8);
  EXPECT_EQ(p.line, 3u);
  EXPECT_EQ(p.column, 2u);
}
