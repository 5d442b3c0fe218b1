// ISO 8601 date-times: every form that names a moment, and nothing else.
#include "model/iso8601.hpp"

#include <gtest/gtest.h>

#include <string>

using namespace chatlens;

namespace {

std::string local(std::string_view s) {
  const std::optional<IsoDateTime> t = parse_iso8601(s);
  return t ? format_local_iso(t->local) : "rejected";
}

int64_t utc(std::string_view s) {
  const std::optional<IsoDateTime> t = parse_iso8601(s);
  return t ? t->utc : -1;
}

}  // namespace

TEST(Iso8601, CalendarDatesExtendedAndBasic) {
  EXPECT_EQ(local("2023-08-23T13:11:23"), "2023-08-23T13:11:23");
  EXPECT_EQ(local("20230823T131123"), "2023-08-23T13:11:23");
  EXPECT_EQ(local("2023-08-23 13:11"), "2023-08-23T13:11:00");
  EXPECT_EQ(local("2023-08-23t13"), "2023-08-23T13:00:00");
  EXPECT_EQ(utc("2023-08-23T13:11:23"), kNoUtc);
}

TEST(Iso8601, FractionsOfTheLastPartAreTruncated) {
  EXPECT_EQ(local("2017-01-01T06:20:09.248Z"), "2017-01-01T06:20:09");
  EXPECT_EQ(local("2017-01-01T06:20:09,999999999999"), "2017-01-01T06:20:09");
  EXPECT_EQ(local("2017-01-01T06:20.5"), "2017-01-01T06:20:30");
  EXPECT_EQ(local("2017-01-01T06.25"), "2017-01-01T06:15:00");
  EXPECT_EQ(local("2017-01-01T06:20:09."), "rejected");
}

TEST(Iso8601, ZonesNameTheInstant) {
  EXPECT_EQ(utc("2017-01-01T06:20:09.248Z"), 1483251609);
  EXPECT_EQ(utc("2017-01-01T08:20:09+02:00"), 1483251609);
  EXPECT_EQ(utc("2017-01-01T08:20:09+0200"), 1483251609);
  EXPECT_EQ(utc("2017-01-01T08:20:09+02"), 1483251609);
  EXPECT_EQ(utc("2017-01-01T00:50:09-05:30"), 1483251609);
  EXPECT_EQ(utc("20170101T062009z"), 1483251609);
  EXPECT_EQ(local("2017-01-01T06:20:09+24:00"), "rejected");
}

TEST(Iso8601, OrdinalAndWeekDates) {
  EXPECT_EQ(local("2024-366T12:00"), "2024-12-31T12:00:00");
  EXPECT_EQ(local("2023-366T12:00"), "rejected");
  EXPECT_EQ(local("2017001T0620"), "2017-01-01T06:20:00");
  EXPECT_EQ(local("2017-W01-1T06:20"), "2017-01-02T06:20:00");  // week 1 of 2017 starts on Monday 2 January
  EXPECT_EQ(local("2020-W53-5T00:00"), "2021-01-01T00:00:00");
  EXPECT_EQ(local("2021-W53-1T00:00"), "rejected");
  EXPECT_EQ(local("2017W521T06"), "2017-12-25T06:00:00");
}

TEST(Iso8601, EndOfDayAndLeapSecond) {
  EXPECT_EQ(local("2023-06-30T24:00:00"), "2023-07-01T00:00:00");
  EXPECT_EQ(local("2023-06-30T24:00:01"), "rejected");
  EXPECT_EQ(local("2016-12-31T23:59:60Z"), "2017-01-01T00:00:00");
}

TEST(Iso8601, WhatIsNotAMoment) {
  for (std::string_view s : {"", "2017-01-01", "2017-13-01T00:00", "2017-02-29T00:00", "2017-01-01T25:00",
                             "2017-01-01T06:60", "01/02/2017 06:20", "2017-01-01T06:20:09Zjunk", "2017-1-1T06:20"})
    EXPECT_EQ(local(s), "rejected") << s;
}
