#include <gtest/gtest.h>

#include <string>

#include "insight_test_util.hpp"
#include "model/period.hpp"
#include "report/report.hpp"

namespace chatlens {
namespace {

using testing::CorpusSketch;

// Two years of the owner writing in two chats, with words and emoji that change between the
// years (a guitar, then a football): enough for year_vs_year to compare them
// (kMinPeriodOwnerMessages, kMinPeriodOwnerActiveDays).
Corpus two_years() {
  CorpusSketch s;
  const ChatId ana = s.chat("Ana"), team = s.chat("Team", ChatKind::Group);
  for (int year : {2023, 2024})
    for (int month = 1; month <= 12; ++month)
      for (int day = 1; day <= 28; day += 3) {
        char when[32];
        std::snprintf(when, sizeof when, "%04d-%02d-%02d %02d:%02d", year, month, day, 8 + day % 12, day);
        const std::string topic = year == 2023 ? "guitar concert rehearsal" : "marathon training kilometres";
        s.say(ana, "Me", when, "about the " + topic + (year == 2023 ? " \xF0\x9F\x8E\xB8" : " \xE2\x9A\xBD"));
        s.say(ana, "Ana", when, year == 2023 ? "lovely guitar" : "great marathon pace");
        s.say(team, day % 2 ? "Ben" : "Me", when, "the quarterly budget review \xE2\x9D\xA4\xEF\xB8\x8F");
      }
  return s.build();
}

Json without_added(Json section) {  // build_report adds these to every section
  Json out = Json::object();
  for (const auto& [key, value] : section.as_object())
    if (key != "platforms" && key != "covers") out[key] = value;
  return out;
}

// year_vs_year runs after every other section, once the period's corpus and derived data are
// released: its section, and every other, is what computing them all in registry order on the
// period's corpus gives, and it keeps its place in the report.
TEST(ReportSections, YearVsYearComputedAfterThePeriodDataIsReleasedIsTheSame) {
  Corpus whole = two_years();
  const OwnerResolution owner = resolve_owner(whole, std::string_view("Me"));
  ReportOptions options;
  options.period = ReportPeriod::year(2024);
  const Json report = build_report(whole, {}, owner, options);

  const Corpus seen = slice_corpus(whole, options.period);
  DerivedData derived(seen, options.conversation_gap_seconds);
  Json want = Json::object();
  const InsightInput input{seen, options, derived, &want, &whole};
  for (const InsightInfo& insight : all_insights()) want[insight.name] = insight.compute(input);

  const Json& got = *report.find("sections");
  ASSERT_EQ(got.size(), all_insights().size());
  size_t k = 0;
  for (const auto& [name, section] : got.as_object()) {
    EXPECT_EQ(name, all_insights()[k++].name);  // registry order
    EXPECT_EQ(without_added(section).dump(), without_added(*want.find(name)).dump()) << name;
  }
  const Json& yvy = *got.find("year_vs_year");
  ASSERT_TRUE(yvy.find("enough_data")->as_bool());  // the comparison really ran
  EXPECT_EQ(yvy.find("messages")->find("previous")->as_int(), yvy.find("messages")->find("this")->as_int());
  EXPECT_FALSE(yvy.find("topics")->dump().empty());
}

// year_vs_year's topics on both years read only the terms by period: without the emoji scan
// they are the same.
TEST(ReportSections, TopicsForTheComparisonHaveTheSameTermsByPeriodAndNoEmojiScan) {
  const Corpus c = two_years();
  ReportOptions options;
  options.topics_by_year = true;
  const Json full = testing::run_insight(topics_insight, c, options);
  options.topics_for_comparison = true;
  const Json compared = testing::run_insight(topics_insight, c, options);
  ASSERT_TRUE(full.find("enough_data")->as_bool());
  ASSERT_EQ(full.find("by_period")->size(), 2u);  // 2023 and 2024
  EXPECT_EQ(compared.find("by_period")->dump(), full.find("by_period")->dump());
  EXPECT_GT(full.find("emoji_subgroups")->size(), 0u);
  EXPECT_EQ(compared.find("emoji_subgroups")->size(), 0u);
}

}  // namespace
}  // namespace chatlens
