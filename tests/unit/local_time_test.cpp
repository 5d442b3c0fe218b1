#include "model/local_time.hpp"

#include <gtest/gtest.h>

using namespace chatlens;

TEST(LocalTime, RoundTripsCivilDatesAndWeekdays) {
  const LocalTime t = LocalTime::from_civil(2022, 3, 18, 14, 56, 1);
  EXPECT_EQ(format_local_iso(t), "2022-03-18T14:56:01");
  EXPECT_EQ(t.hour(), 14);
  EXPECT_EQ(t.weekday(), 4);  // a Friday
  EXPECT_EQ(format_local_iso(LocalTime::from_civil(1969, 12, 31, 23, 0, 0)), "1969-12-31T23:00:00");
  EXPECT_EQ(LocalTime::from_civil(1969, 12, 31, 23, 0, 0).weekday(), 2);  // a Wednesday
  EXPECT_EQ(format_utc_iso(1692821483), "2023-08-23T20:11:23Z");
}

TEST(LocalTime, ValidatesDates) {
  EXPECT_TRUE(is_valid_date(2020, 2, 29));
  EXPECT_FALSE(is_valid_date(2021, 2, 29));
  EXPECT_FALSE(is_valid_date(2021, 13, 1));
  EXPECT_FALSE(is_valid_date(2021, 4, 31));
}
