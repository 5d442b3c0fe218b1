#include "json/json.hpp"

#include <gtest/gtest.h>

using namespace chatlens;

TEST(Json, KeepsKeyOrderAndEscapesStrings) {
  Json j = Json::object();
  j["b"] = 1;
  j["a"] = "quote \" backslash \\ newline \n tab \t bell \x07";
  j["list"].push(true);
  j["list"].push(nullptr);
  j["list"].push(2.5);
  EXPECT_EQ(j.dump(), R"({"b":1,"a":"quote \" backslash \\ newline \n tab \t bell \u0007","list":[true,null,2.5]})");
}

TEST(Json, InvalidUtf8BecomesReplacementCharacter) {
  std::string out;
  append_json_string(out, std::string("ok \xFF end \xC3\xA9"));
  EXPECT_EQ(out, "\"ok \xEF\xBF\xBD end \xC3\xA9\"");
}

TEST(Json, NonFiniteNumbersAreNull) {
  std::string out;
  append_json_number(out, 0.0 / 0.0);
  EXPECT_EQ(out, "null");
}
