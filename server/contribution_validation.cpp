#include "contribution_validation.hpp"

#include <simdjson.h>

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "json/json.hpp"
#include "report/community_buckets.hpp"
#include "summary_emoji.hpp"

namespace chatlens::server {
namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

// Field names, in the schema's order; a bit per field tracks which were seen.
constexpr std::string_view kFields[] = {
    "schema", "version", "top_emoji", "avg_text_length", "messages_per_active_day", "minutes_per_day", "hour_profile"};
constexpr size_t kFieldCount = sizeof(kFields) / sizeof(kFields[0]);
constexpr const char* kAllowedFields =
    "schema, version, top_emoji, avg_text_length, messages_per_active_day, minutes_per_day, hour_profile";

// A piece of the client's input, shortened and made safe to quote in a message.
std::string quote(std::string_view s) {
  constexpr size_t kMax = 40;
  std::string out;
  append_json_string(out, s.size() > kMax ? s.substr(0, kMax) : s);
  if (s.size() > kMax) out.insert(out.size() - 1, "...");
  return out;
}

ValidationError error(std::string code, std::string message, int status = 422) {
  return ValidationError{status, std::move(code), std::move(message)};
}

const char* type_name(element_type t) {
  switch (t) {
    case element_type::ARRAY: return "an array";
    case element_type::OBJECT: return "an object";
    case element_type::INT64:
    case element_type::UINT64:
    case element_type::DOUBLE: return "a number";
    case element_type::STRING: return "a string";
    case element_type::BOOL: return "a boolean";
    case element_type::NULL_VALUE: return "null";
  }
  return "something else";
}

template <size_t N>
std::string list(const std::array<int, N>& values) {
  std::string out;
  for (size_t i = 0; i < N; ++i) {
    if (i) out += ", ";
    out += std::to_string(values[i]);
  }
  return out;
}

// An integer as JSON Schema sees one: any number with no fractional part (35, 35.0, 3.5e1).
std::optional<int64_t> integer_of(element e) {
  switch (e.type()) {
    case element_type::INT64: return int64_t(e.get_int64().value_unsafe());
    case element_type::UINT64: return std::nullopt;  // above INT64_MAX: out of every range here
    case element_type::DOUBLE: {
      const double d = e.get_double().value_unsafe();
      if (!std::isfinite(d) || std::floor(d) != d || d < -1e15 || d > 1e15) return std::nullopt;
      return static_cast<int64_t>(d);
    }
    default: return std::nullopt;
  }
}

std::optional<ValidationError> read_integer(element e, std::string_view field, int64_t& out) {
  if (e.type() != element_type::INT64 && e.type() != element_type::UINT64 && e.type() != element_type::DOUBLE)
    return error("wrong_type", std::string(field) + " must be an integer, not " + type_name(e.type()));
  const std::optional<int64_t> v = integer_of(e);
  if (!v) return error("out_of_range", std::string(field) + " must be a whole number in its allowed range");
  out = *v;
  return std::nullopt;
}

std::optional<ValidationError> read_top_emoji(element e, Contribution& c) {
  if (e.type() != element_type::ARRAY)
    return error("wrong_type",
                 std::string("top_emoji must be an array of hexcode strings, not ") + type_name(e.type()));
  const simdjson::dom::array items = e.get_array().value_unsafe();
  if (items.size() > kMaxTopEmoji)
    return error("too_many_emoji", "top_emoji has " + std::to_string(items.size()) + " items; at most " +
                                       std::to_string(kMaxTopEmoji) + " are allowed");
  size_t index = 0;
  for (element item : items) {
    const std::string where = "top_emoji[" + std::to_string(index++) + "]";
    if (item.type() != element_type::STRING)
      return error("wrong_type", where + " must be a string, not " + type_name(item.type()));
    const std::string_view code = item.get_string().value_unsafe();
    if (!is_hexcode_syntax(code))
      return error("bad_emoji_format", where + " = " + quote(code) +
                                           " is not an emoji hexcode (upper-case hexadecimal code points joined by "
                                           "'-', e.g. \"1F602\" or \"2764-FE0F\")");
    std::optional<std::string> canonical = canonical_emoji_hexcode(code);
    if (!canonical)
      return error("unknown_emoji", where + " = " + quote(code) +
                                        " is not an emoji of the emoji table (emojibase-data 17.0.0; skin tones are "
                                        "folded into the base emoji)");
    if (std::find(c.top_emoji.begin(), c.top_emoji.end(), *canonical) != c.top_emoji.end())
      return error("duplicate_emoji", where + " = " + quote(code) + " appears more than once in top_emoji");
    c.top_emoji.push_back(std::move(*canonical));
  }
  return std::nullopt;
}

std::optional<ValidationError> read_hour_profile(element e, Contribution& c) {
  if (e.type() != element_type::ARRAY)
    return error("wrong_type", std::string("hour_profile must be an array of 24 integers, not ") + type_name(e.type()));
  const simdjson::dom::array items = e.get_array().value_unsafe();
  if (items.size() != 24)
    return error("hour_profile_length",
                 "hour_profile must have exactly 24 values (hours 0-23), not " + std::to_string(items.size()));
  size_t hour = 0;
  int sum = 0;
  for (element item : items) {
    const std::string where = "hour_profile[" + std::to_string(hour) + "]";
    int64_t v = 0;
    if (auto err = read_integer(item, where, v)) return err;
    if (v < 0 || v > 100) return error("out_of_range", where + " must be a percentage from 0 to 100");
    c.hour_profile[hour++] = static_cast<int>(v);
    sum += static_cast<int>(v);
  }
  // 24 shares each rounded to the nearest percent: their sum is within 100 +- 12.
  if (sum < 88 || sum > 112)
    return error("hour_profile_sum", "hour_profile sums to " + std::to_string(sum) +
                                         "; rounded shares of one day sum to between 88 and 112");
  return std::nullopt;
}

}  // namespace

std::variant<Contribution, ValidationError> validate_contribution(std::string_view body) {
  if (body.empty()) return error("empty_body", "the request has no body; send a community_summary as JSON", 400);
  if (body.size() > kMaxContributionBytes)
    return error("body_too_large", "the body is larger than " + std::to_string(kMaxContributionBytes) + " bytes", 413);

  // One parser per thread, sized once for the largest body allowed: no allocation per request.
  thread_local simdjson::dom::parser parser(kMaxContributionBytes);
  element root;
  if (const auto err = parser.parse(body.data(), body.size()).get(root))
    return error("invalid_json", std::string("the body is not valid JSON (") + simdjson::error_message(err) + ")", 400);
  if (root.type() != element_type::OBJECT)
    return error("not_an_object", std::string("the body must be a JSON object, not ") + type_name(root.type()));

  Contribution c;
  unsigned seen = 0;
  const simdjson::dom::object object = root.get_object().value_unsafe();
  for (const simdjson::dom::key_value_pair field : object) {
    size_t index = kFieldCount;
    for (size_t i = 0; i < kFieldCount; ++i)
      if (field.key == kFields[i]) index = i;
    if (index == kFieldCount)
      return error("unknown_field", "unknown field " + quote(field.key) + "; the fields are " + kAllowedFields);
    if (seen & (1u << index)) return error("duplicate_field", "field " + quote(field.key) + " appears more than once");
    seen |= 1u << index;

    const element value = field.value;
    int64_t n = 0;
    switch (index) {
      case 0:  // schema
        if (value.type() != element_type::STRING || value.get_string().value_unsafe() != kCommunitySummarySchema)
          return error("wrong_schema", std::string("schema must be \"") + kCommunitySummarySchema + "\"");
        break;
      case 1:  // version
        if (auto err = read_integer(value, "version", n)) return *err;
        if (n != kCommunitySummaryVersion)
          return error("wrong_version", "version must be " + std::to_string(kCommunitySummaryVersion) +
                                            " (the only version this service accepts)");
        break;
      case 2:
        if (auto err = read_top_emoji(value, c)) return *err;
        break;
      case 3:  // avg_text_length
        if (auto err = read_integer(value, "avg_text_length", n)) return *err;
        if (n < 0 || n > kMaxTextLength || n % kTextLengthStep != 0)
          return error("not_a_bucket", "avg_text_length must be a multiple of " + std::to_string(kTextLengthStep) +
                                           " from 0 to " + std::to_string(kMaxTextLength));
        c.avg_text_length = static_cast<int>(n);
        break;
      case 4:  // messages_per_active_day
        if (auto err = read_integer(value, "messages_per_active_day", n)) return *err;
        if (!is_bucket(kMessagesPerDayBuckets, n))
          return error("not_a_bucket", "messages_per_active_day must be one of " + list(kMessagesPerDayBuckets));
        c.messages_per_active_day = static_cast<int>(n);
        break;
      case 5:  // minutes_per_day
        if (auto err = read_integer(value, "minutes_per_day", n)) return *err;
        if (!is_bucket(kMinutesPerDayBuckets, n))
          return error("not_a_bucket", "minutes_per_day must be one of " + list(kMinutesPerDayBuckets));
        c.minutes_per_day = static_cast<int>(n);
        break;
      case 6:
        if (auto err = read_hour_profile(value, c)) return *err;
        break;
    }
  }
  for (size_t i = 0; i < kFieldCount; ++i)
    if (!(seen & (1u << i)))
      return error("missing_field",
                   "field \"" + std::string(kFields[i]) + "\" is missing; every field is required: " + kAllowedFields);
  return c;
}

std::optional<ValidationError> check_content_type(std::string_view content_type) {
  auto lower = [](std::string_view s) {
    std::string out(s);
    for (char& ch : out)
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    return out;
  };
  auto trim = [](std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
  };
  const std::string value = lower(content_type);
  std::string_view rest(value);
  const size_t semi = rest.find(';');
  const std::string_view media = trim(rest.substr(0, semi));
  bool ok = media == "application/json";
  if (ok && semi != std::string_view::npos) {
    // Only one parameter is meaningful for JSON: charset, and it must be UTF-8.
    std::string_view params = rest.substr(semi + 1);
    while (ok && !params.empty()) {
      const size_t next = params.find(';');
      std::string_view param = trim(params.substr(0, next));
      params = next == std::string_view::npos ? std::string_view() : params.substr(next + 1);
      if (param.empty()) continue;
      ok = param == "charset=utf-8" || param == "charset=\"utf-8\"";
    }
  }
  if (ok) return std::nullopt;
  return error("unsupported_media_type",
               "Content-Type must be application/json (optionally with charset=utf-8), not " + quote(content_type),
               415);
}

std::optional<ValidationError> check_idempotency_key(std::string_view key) {
  bool ok = key.size() >= kMinIdempotencyKeyLength && key.size() <= kMaxIdempotencyKeyLength;
  for (char ch : key)
    ok = ok && ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' ||
                ch == '_' || ch == '.' || ch == ':');
  if (ok) return std::nullopt;
  return error("bad_idempotency_key",
               "Idempotency-Key must be " + std::to_string(kMinIdempotencyKeyLength) + " to " +
                   std::to_string(kMaxIdempotencyKeyLength) + " characters of A-Z a-z 0-9 - _ . : (a random UUID)",
               400);
}

}  // namespace chatlens::server
