// POST /api/v1/contributions bodies and headers: what docs/community-summary.md allows, and only that.
#include <gtest/gtest.h>

#include <variant>

#include "contribution_validation.hpp"
#include "report/community_buckets.hpp"
#include "summary_emoji.hpp"
#include "test_support.hpp"

namespace chatlens::server {
namespace {

using testing::kValidBody;
using testing::summary_body;

ValidationError rejection(std::string_view body) {
  auto r = validate_contribution(body);
  if (auto* e = std::get_if<ValidationError>(&r)) return *e;
  ADD_FAILURE() << "accepted: " << body;
  return {};
}

Contribution accepted(std::string_view body) {
  auto r = validate_contribution(body);
  if (auto* c = std::get_if<Contribution>(&r)) return *c;
  ADD_FAILURE() << std::get<ValidationError>(r).code << ": " << std::get<ValidationError>(r).message << "\n" << body;
  return {};
}

std::string replace(std::string s, const std::string& from, const std::string& to) {
  const size_t at = s.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

TEST(ContributionValidation, TheDocumentedExampleIsAccepted) {
  const Contribution c = accepted(kValidBody);
  EXPECT_EQ(c.avg_text_length, 35);
  EXPECT_EQ(c.messages_per_active_day, 25);
  EXPECT_EQ(c.minutes_per_day, 30);
  EXPECT_EQ(c.hour_profile[11], 7);
  EXPECT_EQ(c.top_emoji, (std::vector<std::string>{"1F602", "2764-FE0F", "1F44D"}));
}

TEST(ContributionValidation, FieldOrderAndWhitespaceDoNotMatter) {
  const std::string body =
      "{ \"hour_profile\" : [1,0,0,0,0,0,1,3,5,6,6,7,7,6,6,6,6,6,6,6,6,5,4,2],\n"
      "  \"minutes_per_day\": 30, \"messages_per_active_day\": 25, \"avg_text_length\": 35,\n"
      "  \"top_emoji\": [], \"version\": 1, \"schema\": \"chatlens.community_summary\" }";
  EXPECT_TRUE(accepted(body).top_emoji.empty());
}

TEST(ContributionValidation, IntegersMayBeWrittenAsWholeNumbersWithAFraction) {
  // JSON Schema's "integer" is any number without a fractional part.
  const Contribution c = accepted(replace(kValidBody, "\"avg_text_length\":35", "\"avg_text_length\":3.5e1"));
  EXPECT_EQ(c.avg_text_length, 35);
  EXPECT_EQ(rejection(replace(kValidBody, "\"avg_text_length\":35", "\"avg_text_length\":35.5")).code, "out_of_range");
}

TEST(ContributionValidation, EmojibaseHexcodeAndFullyQualifiedFormAreTheSameEmoji) {
  EXPECT_EQ(accepted(summary_body(35, 25, 30, {"2764"})).top_emoji, std::vector<std::string>{"2764-FE0F"});
  EXPECT_EQ(rejection(summary_body(35, 25, 30, {"2764", "2764-FE0F"})).code, "duplicate_emoji");
}

TEST(ContributionValidation, UnknownFieldsAreRefused) {
  const ValidationError e = rejection(replace(kValidBody, "\"version\":1", "\"version\":1,\"name\":\"Ana\""));
  EXPECT_EQ(e.http_status, 422);
  EXPECT_EQ(e.code, "unknown_field");
  EXPECT_NE(e.message.find("\"name\""), std::string::npos);
}

TEST(ContributionValidation, EveryFieldIsRequired) {
  for (const char* field : {"\"schema\":\"chatlens.community_summary\",", "\"version\":1,", "\"avg_text_length\":35,",
                            "\"messages_per_active_day\":25,", "\"minutes_per_day\":30,"}) {
    const ValidationError e = rejection(replace(kValidBody, field, ""));
    EXPECT_EQ(e.code, "missing_field") << field;
  }
  EXPECT_EQ(rejection(replace(kValidBody, R"("top_emoji":["1F602","2764-FE0F","1F44D"],)", "")).code, "missing_field");
}

TEST(ContributionValidation, DuplicateKeysAreRefused) {
  EXPECT_EQ(rejection(replace(kValidBody, "\"version\":1", "\"version\":1,\"version\":1")).code, "duplicate_field");
}

TEST(ContributionValidation, BucketsAreTheDocumentedOnes) {
  EXPECT_EQ(rejection(summary_body(36, 25, 30, {})).code, "not_a_bucket");
  EXPECT_EQ(rejection(summary_body(505, 25, 30, {})).code, "not_a_bucket");
  EXPECT_EQ(rejection(summary_body(-5, 25, 30, {})).code, "not_a_bucket");
  EXPECT_EQ(rejection(summary_body(35, 4, 30, {})).code, "not_a_bucket");
  EXPECT_EQ(rejection(summary_body(35, 25, 31, {})).code, "not_a_bucket");
  EXPECT_EQ(rejection(summary_body(35, 0, 30, {})).code, "not_a_bucket");
  for (int v : chatlens::kMessagesPerDayBuckets) accepted(summary_body(35, v, 30, {}));
  for (int v : chatlens::kMinutesPerDayBuckets) accepted(summary_body(35, 25, v, {}));
  accepted(summary_body(0, 1, 0, {}));
  accepted(summary_body(500, 500, 480, {}));
}

TEST(ContributionValidation, NumbersOfTheWrongTypeOrOutOfRange) {
  EXPECT_EQ(rejection(replace(kValidBody, "\"avg_text_length\":35", "\"avg_text_length\":\"35\"")).code, "wrong_type");
  EXPECT_EQ(rejection(replace(kValidBody, "\"avg_text_length\":35", "\"avg_text_length\":true")).code, "wrong_type");
  EXPECT_EQ(rejection(replace(kValidBody, "\"avg_text_length\":35", "\"avg_text_length\":null")).code, "wrong_type");
  EXPECT_EQ(rejection(replace(kValidBody, "\"avg_text_length\":35", "\"avg_text_length\":1e400")).code, "invalid_json");
  EXPECT_EQ(rejection(replace(kValidBody, "\"avg_text_length\":35", "\"avg_text_length\":18446744073709551615")).code,
            "out_of_range");
  EXPECT_EQ(rejection(replace(kValidBody, "\"version\":1", "\"version\":2")).code, "wrong_version");
  EXPECT_EQ(rejection(replace(kValidBody, "\"version\":1", "\"version\":\"1\"")).code, "wrong_type");
  EXPECT_EQ(rejection(replace(kValidBody, "chatlens.community_summary", "chatlens.report")).code, "wrong_schema");
}

TEST(ContributionValidation, HourProfileHas24PercentagesSummingToAboutOneHundred) {
  EXPECT_EQ(rejection(replace(kValidBody, "[1,0,0,0,0,0,1,3", "[0,0,0,0,0,1,3")).code, "hour_profile_length");
  EXPECT_EQ(rejection(replace(kValidBody, "[1,0,0,0,0,0,1,3", "[1,1,0,0,0,0,0,1,3")).code, "hour_profile_length");
  EXPECT_EQ(rejection(replace(kValidBody, "[1,0,0,0,0,0,1,3", "[101,0,0,0,0,0,1,3")).code, "out_of_range");
  EXPECT_EQ(rejection(replace(kValidBody, "[1,0,0,0,0,0,1,3", "[-1,0,0,0,0,0,1,3")).code, "out_of_range");
  EXPECT_EQ(rejection(replace(kValidBody, "[1,0,0,0,0,0,1,3", "[\"1\",0,0,0,0,0,1,3")).code, "wrong_type");
  const std::string all_zero = "[0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0]";
  EXPECT_EQ(rejection(summary_body(35, 25, 30, {}, all_zero)).code, "hour_profile_sum");
  accepted(summary_body(35, 25, 30, {}, "[88,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0]"));
  accepted(summary_body(35, 25, 30, {}, "[100,12,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0]"));
  EXPECT_EQ(rejection(summary_body(35, 25, 30, {}, "[100,13,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0]")).code,
            "hour_profile_sum");
}

TEST(ContributionValidation, EmojiMustBeInTheEmojiTable) {
  EXPECT_EQ(rejection(summary_body(35, 25, 30, {"1F000"})).code, "unknown_emoji");        // not an emoji
  EXPECT_EQ(rejection(summary_body(35, 25, 30, {"0041"})).code, "unknown_emoji");         // "A"
  EXPECT_EQ(rejection(summary_body(35, 25, 30, {"1F44D-1F3FD"})).code, "unknown_emoji");  // skin tone: folded
  EXPECT_EQ(rejection(summary_body(35, 25, 30, {"2764-FE0E"})).code, "unknown_emoji");    // text presentation
  EXPECT_EQ(rejection(summary_body(35, 25, 30, {"1F602-FE0F"})).code, "unknown_emoji");   // not a spelling of 😂
  EXPECT_EQ(rejection(summary_body(35, 25, 30, {"1f602"})).code, "bad_emoji_format");     // lower case
  EXPECT_EQ(rejection(summary_body(35, 25, 30, {"D83D"})).code, "unknown_emoji");         // a surrogate
  EXPECT_EQ(rejection(summary_body(35, 25, 30, {"110000"})).code, "unknown_emoji");       // beyond Unicode
  EXPECT_EQ(rejection(summary_body(35, 25, 30, {""})).code, "bad_emoji_format");
  EXPECT_EQ(rejection(summary_body(35, 25, 30, {"1F602 "})).code, "bad_emoji_format");
  EXPECT_EQ(accepted(summary_body(35, 25, 30, {"\\u0031F602"})).top_emoji[0], "1F602");  // JSON escapes decode first
  // A ZWJ sequence, a flag, a keycap, a tag sequence: whole emoji of the table.
  accepted(summary_body(
      35, 25, 30,
      {"1F468-200D-1F469-200D-1F467", "1F1EA-1F1F8", "0023-FE0F-20E3", "1F3F4-E0067-E0062-E0073-E0063-E0074-E007F"}));
}

TEST(ContributionValidation, AtMostTenDistinctEmoji) {
  const std::vector<std::string> ten = {"1F602", "2764-FE0F", "1F44D", "1F60D", "1F62D",
                                        "1F64F", "1F60A",     "1F525", "1F973", "2728"};
  EXPECT_EQ(accepted(summary_body(35, 25, 30, ten)).top_emoji.size(), 10u);
  std::vector<std::string> eleven = ten;
  eleven.push_back("1F389");
  EXPECT_EQ(rejection(summary_body(35, 25, 30, eleven)).code, "too_many_emoji");
  EXPECT_EQ(rejection(summary_body(35, 25, 30, {"1F602", "1F602"})).code, "duplicate_emoji");
  EXPECT_EQ(rejection(replace(kValidBody, R"(["1F602","2764-FE0F","1F44D"])", R"(["1F602",1])")).code, "wrong_type");
  EXPECT_EQ(rejection(replace(kValidBody, R"(["1F602","2764-FE0F","1F44D"])", R"("1F602")")).code, "wrong_type");
}

TEST(ContributionValidation, NotJsonOrNotAnObject) {
  EXPECT_EQ(rejection("").code, "empty_body");
  EXPECT_EQ(rejection("{").code, "invalid_json");
  EXPECT_EQ(rejection(std::string(kValidBody) + "x").code, "invalid_json");
  EXPECT_EQ(rejection(std::string(kValidBody) + "{}").code, "invalid_json");
  EXPECT_EQ(rejection("[]").code, "not_an_object");
  EXPECT_EQ(rejection("\"text\"").code, "not_an_object");
  EXPECT_EQ(rejection(replace(kValidBody, "chatlens.community_summary", "chatlens.\xC3\x28")).code, "invalid_json");
  EXPECT_EQ(rejection(std::string(2000, '[') + std::string(2000, ']')).http_status / 100, 4);
}

TEST(ContributionValidation, BodiesOver4KBAreRefused) {
  std::string big = kValidBody;
  big.insert(big.size() - 1, std::string(kMaxContributionBytes, ' '));
  const ValidationError e = rejection(big);
  EXPECT_EQ(e.http_status, 413);
  EXPECT_EQ(e.code, "body_too_large");
}

TEST(ContributionValidation, MessagesQuoteInputSafelyAndBriefly) {
  const ValidationError e = rejection(replace(kValidBody, "\"version\":1", "\"" + std::string(500, 'k') + "\\\"\":1"));
  EXPECT_EQ(e.code, "unknown_field");
  EXPECT_LT(e.message.size(), 200u);
}

TEST(ContributionValidation, CanonicalJsonRoundTrips) {
  const Contribution c = accepted(kValidBody);
  EXPECT_EQ(to_summary_json(c), kValidBody);
  EXPECT_EQ(accepted(to_summary_json(c)), c);
  Contribution other = c;
  other.avg_text_length = 40;
  EXPECT_NE(fingerprint(c), fingerprint(other));
}

TEST(ContributionHeaders, ContentTypeMustBeJson) {
  EXPECT_FALSE(check_content_type("application/json"));
  EXPECT_FALSE(check_content_type("application/json; charset=utf-8"));
  EXPECT_FALSE(check_content_type("Application/JSON;charset=UTF-8"));
  EXPECT_EQ(check_content_type("text/plain")->http_status, 415);
  EXPECT_TRUE(check_content_type("application/json; charset=latin1"));
  EXPECT_TRUE(check_content_type("application/jsonx"));
  EXPECT_TRUE(check_content_type("application/x-www-form-urlencoded"));
  EXPECT_TRUE(check_content_type(""));
}

TEST(ContributionHeaders, IdempotencyKeysAreShortTokens) {
  EXPECT_FALSE(check_idempotency_key("6f1c2f0e-8a4b-4c1d-9b7e-2f3a4b5c6d7e"));
  EXPECT_TRUE(check_idempotency_key("short"));
  EXPECT_TRUE(check_idempotency_key(std::string(129, 'a')));
  EXPECT_TRUE(check_idempotency_key("6f1c2f0e 8a4b 4c1d 9b7e"));
  EXPECT_TRUE(check_idempotency_key("6f1c2f0e-8a4b-4c1d-9b7e-\xC3\xA9"));
}

TEST(EmojiHexcode, CanonicalSpellings) {
  EXPECT_EQ(canonical_emoji_hexcode("1F602"), "1F602");
  EXPECT_EQ(canonical_emoji_hexcode("2764"), "2764-FE0F");
  EXPECT_EQ(canonical_emoji_hexcode("2764-FE0F"), "2764-FE0F");
  EXPECT_EQ(canonical_emoji_hexcode("263A"), "263A-FE0F");
  EXPECT_EQ(canonical_emoji_hexcode("1F44D"), "1F44D");
  EXPECT_FALSE(canonical_emoji_hexcode("1F44D-FE0F"));
  EXPECT_TRUE(is_hexcode_syntax("0023-FE0F-20E3"));
  EXPECT_FALSE(is_hexcode_syntax("23-FE0F"));
  EXPECT_FALSE(is_hexcode_syntax("1F602-"));
  EXPECT_FALSE(is_hexcode_syntax("1234567"));
}

}  // namespace
}  // namespace chatlens::server
