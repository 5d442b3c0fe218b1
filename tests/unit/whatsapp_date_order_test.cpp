// Day/month order is decided once per file over all headers (FORMATS.md §1.5).
#include <gtest/gtest.h>

#include "whatsapp_test_util.hpp"

using namespace chatlens;
using namespace chatlens::testing;
using K = MessageKind;

TEST(WhatsAppDateOrder, DayFirstWhenTheFirstFieldExceedsTwelveAnywhere) {
  // Only the last header settles it; the first ones are read the same way.
  auto w = import_whatsapp(
      "01/02/21, 10:00 - Ana: a\n"
      "05/03/21, 10:00 - Bo: b\n"
      "25/03/21, 10:00 - Ana: c\n");
  EXPECT_EQ(w.report.date_order, "DMY");
  EXPECT_TRUE(IsMessage(w, 0, "Ana", "2021-02-01T10:00:00", K::Text, "a"));
  EXPECT_TRUE(IsMessage(w, 1, "Bo", "2021-03-05T10:00:00", K::Text, "b"));
  EXPECT_TRUE(IsMessage(w, 2, "Ana", "2021-03-25T10:00:00", K::Text, "c"));
}

TEST(WhatsAppDateOrder, MonthFirstWhenTheSecondFieldExceedsTwelve) {
  auto w = import_whatsapp("01/02/21, 10:00 - Ana: a\n03/05/21, 10:00 - Bo: b\n03/25/21, 10:00 - Ana: c\n");
  EXPECT_EQ(w.report.date_order, "MDY");
  EXPECT_TRUE(IsMessage(w, 0, "Ana", "2021-01-02T10:00:00", K::Text, "a"));
  EXPECT_TRUE(IsMessage(w, 1, "Bo", "2021-03-05T10:00:00", K::Text, "b"));
  EXPECT_TRUE(IsMessage(w, 2, "Ana", "2021-03-25T10:00:00", K::Text, "c"));

  auto dotted = import_whatsapp("[06.13.18 21:25:15] a: m\n");  // dots do not imply day-first
  EXPECT_TRUE(IsMessage(dotted, 0, "a", "2018-06-13T21:25:15", K::Text, "m"));
}

TEST(WhatsAppDateOrder, LeadingFourDigitYearMeansYearMonthDay) {
  auto w = import_whatsapp("[2019-04-16 02:09] Mary: a\n[2019-04-03 03:01] John: b\n");
  EXPECT_EQ(w.report.date_order, "YMD");
  EXPECT_TRUE(IsMessage(w, 0, "John", "2019-04-03T03:01:00", K::Text, "b"));
  EXPECT_TRUE(IsMessage(w, 1, "Mary", "2019-04-16T02:09:00", K::Text, "a"));
}

TEST(WhatsAppDateOrder, YearInTheMiddleIsMonthYearDay) {
  auto w = import_whatsapp("[06/2018/13, 21:25:15] a: m\n");
  EXPECT_EQ(w.report.date_order, "MYD");
  EXPECT_TRUE(IsMessage(w, 0, "a", "2018-06-13T21:25:15", K::Text, "m"));
}

TEST(WhatsAppDateOrder, MonthRolloverDecidesWhenNoFieldExceedsTwelve) {
  // 10/01 -> 02/02: read day-first the day drops exactly when the month moves on.
  auto w = import_whatsapp("10/01/21, 10:00 - Ana: a\n11/01/21, 10:00 - Bo: b\n02/02/21, 10:00 - Ana: c\n");
  EXPECT_EQ(w.report.date_order, "DMY");
  EXPECT_TRUE(IsMessage(w, 2, "Ana", "2021-02-02T10:00:00", K::Text, "c"));

  auto us = import_whatsapp("01/10/21, 10:00 - Ana: a\n01/11/21, 10:00 - Bo: b\n02/02/21, 10:00 - Ana: c\n");
  EXPECT_EQ(us.report.date_order, "MDY");
  EXPECT_TRUE(IsMessage(us, 1, "Bo", "2021-01-11T10:00:00", K::Text, "b"));
}

TEST(WhatsAppDateOrder, TheFieldThatChangesMostIsTheDay) {
  auto w = import_whatsapp("1/3/21, 10:00 - Ana: a\n2/3/21, 10:00 - Bo: b\n3/3/21, 10:00 - Ana: c\n");
  EXPECT_EQ(w.report.date_order, "DMY");
  EXPECT_TRUE(IsMessage(w, 2, "Ana", "2021-03-03T10:00:00", K::Text, "c"));

  auto us = import_whatsapp("3/1/21, 10:00 - Ana: a\n3/2/21, 10:00 - Bo: b\n3/3/21, 10:00 - Ana: c\n");
  EXPECT_EQ(us.report.date_order, "MDY");
  EXPECT_TRUE(IsMessage(us, 1, "Bo", "2021-03-02T10:00:00", K::Text, "b"));
}

TEST(WhatsAppDateOrder, UndecidableDatesDefaultToDayFirst) {
  auto w = import_whatsapp("12/9/20, 23:55 - Alice: boiii\n12/9/20, 23:56 - Trent: heh\n");
  EXPECT_EQ(w.report.date_order, "DMY");
  EXPECT_TRUE(IsMessage(w, 0, "Alice", "2020-09-12T23:55:00", K::Text, "boiii"));
}

TEST(WhatsAppDateOrder, UndecidableIosBracketsWithShortYearAreUsRegion) {
  // iOS writes M/D/YY whenever the phone region is the US, whatever the language.
  auto w = import_whatsapp("[1/11/23, 16:26:02] Dmitry S: Hello all\r\n");
  EXPECT_EQ(w.report.date_order, "MDY");
  EXPECT_TRUE(IsMessage(w, 0, "Dmitry S", "2023-01-11T16:26:02", K::Text, "Hello all"));
  // Spanish-style markers keep the default.
  auto es = import_whatsapp("[3/6/18 1:55:00 p. m.] a: m\n");
  EXPECT_TRUE(IsMessage(es, 0, "a", "2018-06-03T13:55:00", K::Text, "m"));
}

TEST(WhatsAppDateOrder, ImpossibleDateOfTheDetectedOrderStaysText) {
  auto w = import_whatsapp("25/03/21, 10:00 - Ana: look\n03/25/21, 10:00 - Bo: pasted\n26/03/21, 10:00 - Bo: ok\n");
  ASSERT_EQ(w.size(), 2u);
  EXPECT_TRUE(IsMessage(w, 0, "Ana", "2021-03-25T10:00:00", K::Text, "look\n03/25/21, 10:00 - Bo: pasted"));
  EXPECT_TRUE(IsMessage(w, 1, "Bo", "2021-03-26T10:00:00", K::Text, "ok"));
}
