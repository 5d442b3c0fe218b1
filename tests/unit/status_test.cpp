// The one error convention (core/base/status.hpp): what a Status and a Result<T> carry.
#include "base/status.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <sstream>
#include <string>

namespace chatlens {
namespace {

Result<int> half(int n) {
  if (n % 2 != 0) return Status::error(std::to_string(n) + " is odd");
  return n / 2;
}

TEST(Status, OkByDefaultWithNothingToSay) {
  const Status s;
  EXPECT_TRUE(s.is_ok());
  EXPECT_TRUE(static_cast<bool>(s));
  EXPECT_EQ(s.detail(), "");
  EXPECT_FALSE(s.has_message());
  EXPECT_TRUE(s.message_json().is_null());
  EXPECT_TRUE(Status::ok().is_ok());
}

TEST(Status, ErrorKeepsItsDetailAndRetryable) {
  const Status s = Status::error("database is locked", true);
  EXPECT_FALSE(s.is_ok());
  EXPECT_FALSE(static_cast<bool>(s));
  EXPECT_EQ(s.detail(), "database is locked");
  EXPECT_TRUE(s.retryable());
  EXPECT_FALSE(Status::error("no such table").retryable());
  EXPECT_FALSE(s.has_message());  // for logs only: no sentence for a person
}

TEST(Status, UserErrorCarriesAnI18nMessageLikeTheReport) {
  const Status s =
      Status::user_error("input.cannot_open", Json::Object{{"file", "chat.txt"}}, "open: Permission denied");
  EXPECT_FALSE(s.is_ok());
  ASSERT_TRUE(s.has_message());
  EXPECT_EQ(s.key(), "input.cannot_open");
  EXPECT_EQ(s.params().find("file")->as_string(), "chat.txt");
  EXPECT_EQ(s.detail(), "open: Permission denied");
  EXPECT_EQ(s.message_json().dump(), R"({"key":"input.cannot_open","params":{"file":"chat.txt"}})");
}

TEST(Status, UserErrorWithoutDetailLogsItsKeyAndParameters) {
  const Status s = Status::user_error("input.empty", Json::Object{{"file", "a.json"}});
  EXPECT_EQ(s.detail(), R"(input.empty {"file":"a.json"})");
}

TEST(Status, WithinPrefixesWhereOnlyOnFailure) {
  EXPECT_EQ(Status::error("not UTF-8 text").within("links.txt:3").detail(), "links.txt:3: not UTF-8 text");
  EXPECT_TRUE(Status::ok().within("links.txt:3").is_ok());
  EXPECT_EQ(Status::ok().within("links.txt:3").detail(), "");
  const Status user = Status::user_error("input.empty").within("a.json");
  EXPECT_EQ(user.key(), "input.empty");  // the sentence for a person is kept
  EXPECT_TRUE(Status::error("x", true).within("y").retryable());
}

TEST(Status, PrintsItsDetailForTestFailures) {
  std::ostringstream out;
  out << Status::error("boom") << " / " << Status::ok();
  EXPECT_EQ(out.str(), "boom / ok");
}

TEST(Result, HoldsAValueOrTheStatusOfItsAbsence) {
  const Result<int> good = half(8);
  ASSERT_TRUE(good.is_ok());
  EXPECT_EQ(*good, 4);
  EXPECT_TRUE(good.status().is_ok());

  const Result<int> bad = half(7);
  EXPECT_FALSE(bad.is_ok());
  EXPECT_FALSE(static_cast<bool>(bad));
  EXPECT_EQ(bad.status().detail(), "7 is odd");
}

TEST(Result, MovesItsValueOut) {
  Result<std::unique_ptr<std::string>> r = std::make_unique<std::string>("corpus");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->get()->size(), 6u);
  std::unique_ptr<std::string> taken = std::move(r).value();
  ASSERT_NE(taken, nullptr);
  EXPECT_EQ(*taken, "corpus");
}

TEST(Result, KeepsAUserErrorsMessage) {
  const Result<std::string> r = Status::user_error("input.too_large", Json::Object{{"limit", 10}});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.status().key(), "input.too_large");
  EXPECT_EQ(r.status().params().find("limit")->as_int(), 10);
}

}  // namespace
}  // namespace chatlens
