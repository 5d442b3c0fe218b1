// One test per header shape of FORMATS.md §1.3, through the whole importer.
#include "import/whatsapp_header.hpp"

#include <gtest/gtest.h>

#include <cstring>
#include <string>

#include "whatsapp_test_util.hpp"

using namespace chatlens;
using namespace chatlens::testing;
using chatlens::whatsapp::Header;
using chatlens::whatsapp::parse_header;
using K = MessageKind;

TEST(WhatsAppAndroid, UsTwelveAndTwentyFourHourClocks) {
  auto w = import_whatsapp("1/29/18, 12:24 PM - Ana: Hi\n1/29/18, 11:05 PM - Bo: Late\n");
  EXPECT_TRUE(IsMessage(w, 0, "Ana", "2018-01-29T12:24:00", K::Text, "Hi"));
  EXPECT_TRUE(IsMessage(w, 1, "Bo", "2018-01-29T23:05:00", K::Text, "Late"));
  EXPECT_EQ(w.report.variant, "android");
  EXPECT_EQ(w.report.date_order, "MDY");

  auto h24 = import_whatsapp("1/29/18, 12:24 - Ana: Hi\n1/30/18, 00:05 - Bo: Night\n");
  EXPECT_TRUE(IsMessage(h24, 0, "Ana", "2018-01-29T12:24:00", K::Text, "Hi"));
  EXPECT_TRUE(IsMessage(h24, 1, "Bo", "2018-01-30T00:05:00", K::Text, "Night"));
}

TEST(WhatsAppAndroid, NarrowNoBreakSpaceBeforePm) {
  auto w = import_whatsapp("1/4/23, 7:02\u202FPM - Ana: Since 2023\n1/14/23, 7:02\u202FAM - Bo: ok\n");
  EXPECT_TRUE(IsMessage(w, 0, "Ana", "2023-01-04T19:02:00", K::Text, "Since 2023"));
  EXPECT_TRUE(IsMessage(w, 1, "Bo", "2023-01-14T07:02:00", K::Text, "ok"));
}

TEST(WhatsAppAndroid, BritishAndIndianLowercaseMarkers) {
  auto w = import_whatsapp(
      "23/03/2022, 13:31 - Ana: 24h\n"
      "09/10/2023, 11:11\u202Fam - Bo: morning\n"
      "17/07/2025, 12:33 pm - Ana: noon\n");
  EXPECT_TRUE(IsMessage(w, 0, "Ana", "2022-03-23T13:31:00", K::Text, "24h"));
  EXPECT_TRUE(IsMessage(w, 1, "Bo", "2023-10-09T11:11:00", K::Text, "morning"));
  EXPECT_TRUE(IsMessage(w, 2, "Ana", "2025-07-17T12:33:00", K::Text, "noon"));
  EXPECT_EQ(w.report.date_order, "DMY");
}

TEST(WhatsAppAndroid, CanadianIsoDatesWithDottedMeridiem) {
  auto w = import_whatsapp("2023-12-20, 5:46 p.m. - Ana: eh\n2023-12-21, 5:46 a.m. - Bo: early\n");
  EXPECT_TRUE(IsMessage(w, 0, "Ana", "2023-12-20T17:46:00", K::Text, "eh"));
  EXPECT_TRUE(IsMessage(w, 1, "Bo", "2023-12-21T05:46:00", K::Text, "early"));
  EXPECT_EQ(w.report.date_order, "YMD");

  auto za = import_whatsapp("2023/12/20, 5:46 pm - Ana: howzit\n");
  EXPECT_TRUE(IsMessage(za, 0, "Ana", "2023-12-20T17:46:00", K::Text, "howzit"));
}

TEST(WhatsAppAndroid, DayPeriodsInWords) {
  auto w = import_whatsapp(
      "03/01/2021, 9:15 in the morning - Ana: a\n"
      "03/01/2021, 3:15 in the afternoon - Bo: b\n"
      "03/01/2021, 8:00 in the evening - Ana: c\n"
      "03/01/2021, 11:30 at night - Bo: d\n"
      "13/01/2021, 1:30 at night - Ana: e\n");
  EXPECT_TRUE(IsMessage(w, 0, "Ana", "2021-01-03T09:15:00", K::Text, "a"));
  EXPECT_TRUE(IsMessage(w, 1, "Bo", "2021-01-03T15:15:00", K::Text, "b"));
  EXPECT_TRUE(IsMessage(w, 2, "Ana", "2021-01-03T20:00:00", K::Text, "c"));
  EXPECT_TRUE(IsMessage(w, 3, "Bo", "2021-01-03T23:30:00", K::Text, "d"));
  EXPECT_TRUE(IsMessage(w, 4, "Ana", "2021-01-13T01:30:00", K::Text, "e"));
}

TEST(WhatsAppAndroid, VeryOldHeadersWithMonthNames) {
  auto with_year = import_whatsapp("19:23, 28 Aug 2013 - Ana: old\n08:01, 2 Sep 2013 - Bo: older\n");
  EXPECT_TRUE(IsMessage(with_year, 0, "Ana", "2013-08-28T19:23:00", K::Text, "old"));
  EXPECT_TRUE(IsMessage(with_year, 1, "Bo", "2013-09-02T08:01:00", K::Text, "older"));

  // Without a year the dates land in the most recent possible year (noted in the report).
  auto month_first = import_whatsapp("Mar 5, 8:11 PM - Ana: no year\nMar 6, 9:00 AM - Bo: still none\n");
  ASSERT_EQ(month_first.size(), 2u);
  EXPECT_EQ(month_first.time(0).substr(4), "-03-05T20:11:00");
  EXPECT_EQ(month_first.sender(1), "Bo");
  EXPECT_EQ(month_first.time(1).substr(4), "-03-06T09:00:00");
  EXPECT_FALSE(month_first.report.notes.empty());
  EXPECT_EQ(month_first.report.date_order, "MDY");

  auto day_first = import_whatsapp("18 Mar 12:14 - Ana: day first\n");
  ASSERT_EQ(day_first.size(), 1u);
  EXPECT_EQ(day_first.time(0).substr(4), "-03-18T12:14:00");
  EXPECT_EQ(day_first.text(0), "day first");
  EXPECT_EQ(day_first.report.date_order, "DMY");
}

TEST(WhatsAppAndroid, GermanDottedDates) {
  auto w = import_whatsapp("29.01.18, 12:24 - Ana: Hallo\n06.08.2016, 13:18 - Bo: alt\n");
  EXPECT_TRUE(IsMessage(w, 0, "Bo", "2016-08-06T13:18:00", K::Text, "alt"));
  EXPECT_TRUE(IsMessage(w, 1, "Ana", "2018-01-29T12:24:00", K::Text, "Hallo"));

  auto pm = import_whatsapp("29.01.18, 12:24 PM - Ana: Mittag\n");
  EXPECT_TRUE(IsMessage(pm, 0, "Ana", "2018-01-29T12:24:00", K::Text, "Mittag"));
}

TEST(WhatsAppAndroid, CzechDateWithoutComma) {
  auto w = import_whatsapp("18.03.22 14:56 - Dmitry S: Ahoj\n");
  EXPECT_TRUE(IsMessage(w, 0, "Dmitry S", "2022-03-18T14:56:00", K::Text, "Ahoj"));
}

TEST(WhatsAppAndroid, RussianFourAndTwoDigitYears) {
  auto w = import_whatsapp("23.03.2022, 13:31 - Ольга: Привет\n");
  EXPECT_TRUE(IsMessage(w, 0, "Ольга", "2022-03-23T13:31:00", K::Text, "Привет"));
  auto old = import_whatsapp("17.02.19, 12:28 - +7 982 111-11-11: ждём\n");
  EXPECT_TRUE(IsMessage(old, 0, "+7 982 111-11-11", "2019-02-17T12:28:00", K::Text, "ждём"));
}

TEST(WhatsAppAndroid, DutchDashedDates) {
  auto w = import_whatsapp("23-03-2022 13:31 - Elon: Hallo\n");
  EXPECT_TRUE(IsMessage(w, 0, "Elon", "2022-03-23T13:31:00", K::Text, "Hallo"));
  EXPECT_EQ(w.report.date_order, "DMY");
}

TEST(WhatsAppAndroid, SpanishMeridiemWithInnerSpaces) {
  auto w = import_whatsapp(
      "28/3/2025, 9:29 p.\u00A0m. - Ana: noche\n"
      "20/6/2017 8:28 p. m. - Bo: sin coma\n"
      "21/6/2017, 10:02\u202Fa.\u202Fm. - Ana: mañana\n");
  EXPECT_TRUE(IsMessage(w, 0, "Bo", "2017-06-20T20:28:00", K::Text, "sin coma"));
  EXPECT_TRUE(IsMessage(w, 1, "Ana", "2017-06-21T10:02:00", K::Text, "mañana"));
  EXPECT_TRUE(IsMessage(w, 2, "Ana", "2025-03-28T21:29:00", K::Text, "noche"));
}

TEST(WhatsAppAndroid, FrenchAWordBetweenDateAndTime) {
  auto w = import_whatsapp("12/07/2017 à 22:35 - Jean: Salut :)\n13/07/2017 à 09:12 - Marie: Coucou\n");
  EXPECT_TRUE(IsMessage(w, 0, "Jean", "2017-07-12T22:35:00", K::Text, "Salut :)"));
  EXPECT_TRUE(IsMessage(w, 1, "Marie", "2017-07-13T09:12:00", K::Text, "Coucou"));
}

TEST(WhatsAppAndroid, FinnishKloAndDottedTime) {
  auto w = import_whatsapp("13.6.2018 klo 21.25.15 - a: m\n");
  EXPECT_TRUE(IsMessage(w, 0, "a", "2018-06-13T21:25:15", K::Text, "m"));
}

TEST(WhatsAppAndroid, CroatianSpacedDateWithoutSeparator) {
  auto w = import_whatsapp("13. 6. 2018. 21:25:15 a: m\n14. 6. 2018. 08:00:00 b: n\n");
  EXPECT_TRUE(IsMessage(w, 0, "a", "2018-06-13T21:25:15", K::Text, "m"));
  EXPECT_TRUE(IsMessage(w, 1, "b", "2018-06-14T08:00:00", K::Text, "n"));
}

TEST(WhatsAppAndroid, IndonesianDottedTimeWithoutComma) {
  auto w = import_whatsapp("30/08/25 18.00 - Budi: Halo\n");
  EXPECT_TRUE(IsMessage(w, 0, "Budi", "2025-08-30T18:00:00", K::Text, "Halo"));
}

TEST(WhatsAppAndroid, YearFirstAndStrayDotAfterTime) {
  auto w = import_whatsapp("2019/01/01, 11:25 - John Doe: a\n2022/12/14, 13:34. - Jahn Doe: b\n");
  EXPECT_TRUE(IsMessage(w, 0, "John Doe", "2019-01-01T11:25:00", K::Text, "a"));
  EXPECT_TRUE(IsMessage(w, 1, "Jahn Doe", "2022-12-14T13:34:00", K::Text, "b"));
}

TEST(WhatsAppIos, UsRegionWithSecondsAndMarkers) {
  auto w = import_whatsapp(
      "[3/27/22, 21:41:35] Dmitry S: Hello World\r\n"
      "[1/29/18, 12:24:03 PM] Ana: noon\r\n"
      "[8/15/23, 9:12:33\u202FAM] Bo: morning\r\n");
  EXPECT_TRUE(IsMessage(w, 0, "Ana", "2018-01-29T12:24:03", K::Text, "noon"));
  EXPECT_TRUE(IsMessage(w, 1, "Dmitry S", "2022-03-27T21:41:35", K::Text, "Hello World"));
  EXPECT_TRUE(IsMessage(w, 2, "Bo", "2023-08-15T09:12:33", K::Text, "morning"));
  EXPECT_EQ(w.report.variant, "ios");
}

TEST(WhatsAppIos, OtherRegionsWithFourDigitYears) {
  auto w = import_whatsapp("[10/09/2023, 1:04:31 PM] Ana: a\n[14/10/2021, 3:34:09 PM] Bo: b\n");
  EXPECT_TRUE(IsMessage(w, 0, "Bo", "2021-10-14T15:34:09", K::Text, "b"));
  EXPECT_TRUE(IsMessage(w, 1, "Ana", "2023-09-10T13:04:31", K::Text, "a"));
}

TEST(WhatsAppIos, GermanDottedDates) {
  auto w = import_whatsapp("[29.01.18, 12:24:03] Ana: a\r\n[05.08.23, 5:52:02 PM] Bo: b\r\n");
  EXPECT_TRUE(IsMessage(w, 0, "Ana", "2018-01-29T12:24:03", K::Text, "a"));
  EXPECT_TRUE(IsMessage(w, 1, "Bo", "2023-08-05T17:52:02", K::Text, "b"));
}

TEST(WhatsAppIos, SpaceInsteadOfCommaAfterDate) {
  auto w = import_whatsapp("[3/18/22 14:56:00] Elon Musk: Bonjour\r\n");
  EXPECT_TRUE(IsMessage(w, 0, "Elon Musk", "2022-03-18T14:56:00", K::Text, "Bonjour"));
}

TEST(WhatsAppIos, IndonesianDottedTime) {
  auto w = import_whatsapp("[3/18/22 14.56.01] Elon Musk: Halo\r\n");
  EXPECT_TRUE(IsMessage(w, 0, "Elon Musk", "2022-03-18T14:56:01", K::Text, "Halo"));
}

TEST(WhatsAppIos, FinnishKlo) {
  auto w = import_whatsapp("[12.3.2022 klo 14.08.18] Aino: Moi\r\n");
  EXPECT_TRUE(IsMessage(w, 0, "Aino", "2022-03-12T14:08:18", K::Text, "Moi"));
}

TEST(WhatsAppIos, VietnameseTimeBeforeDate) {
  auto w = import_whatsapp("[14:56:01, 3/18/22] Musk Elon: Xin chào\r\n[21:41:35, 3/27/22] Dmitry S: Hello\r\n");
  EXPECT_TRUE(IsMessage(w, 0, "Musk Elon", "2022-03-18T14:56:01", K::Text, "Xin chào"));
  EXPECT_TRUE(IsMessage(w, 1, "Dmitry S", "2022-03-27T21:41:35", K::Text, "Hello"));
}

TEST(WhatsAppIos, ArabicDigitsAndRlmSeparators) {
  auto w = import_whatsapp(
      "[\u0661\u0668\u200F/\u0663\u200F/\u0662\u0660\u0662\u0662\u060C \u0662:\u0665\u0666:\u0660\u0660\u00A0\u0645] "
      "\u202A+40\u00A0521\u00A0028\u00A061\u00A088\u202C: \u0645\u0631\u062D\u0628\u0627\r\n"
      "[\u0662\u0667\u200F/\u0663\u200F/\u0662\u0660\u0662\u0662\u060C \u0669:\u0664\u0661:\u0663\u0665\u00A0\u0635] "
      "Dmitry S: Hello World\r\n");
  EXPECT_TRUE(IsMessage(w, 0, "+40 521 028 61 88", "2022-03-18T14:56:00", K::Text, "\u0645\u0631\u062D\u0628\u0627"));
  EXPECT_TRUE(IsMessage(w, 1, "Dmitry S", "2022-03-27T09:41:35", K::Text, "Hello World"));
}

TEST(WhatsAppIos, ArabicWesternDigitsWithLeadingRlm) {
  auto w = import_whatsapp("[\u200F27\u200F/3\u200F/2022\u060C 21:41:35] Dmitry S: Hello World\r\n");
  EXPECT_TRUE(IsMessage(w, 0, "Dmitry S", "2022-03-27T21:41:35", K::Text, "Hello World"));
}

TEST(WhatsAppIos, BuddhistCalendarYears) {
  auto w = import_whatsapp("[3/18/2565 BE, 14:56:01] Elon Musk: sawasdee\r\n");
  EXPECT_TRUE(IsMessage(w, 0, "Elon Musk", "2022-03-18T14:56:01", K::Text, "sawasdee"));
}

TEST(WhatsAppIos, JapaneseEraYears) {
  auto w = import_whatsapp("[3/18/R4, 14:56:01] Elon Musk: konnichiwa\r\n[4/30/H31, 09:00:00] Ana: heisei\r\n");
  EXPECT_TRUE(IsMessage(w, 0, "Ana", "2019-04-30T09:00:00", K::Text, "heisei"));
  EXPECT_TRUE(IsMessage(w, 1, "Elon Musk", "2022-03-18T14:56:01", K::Text, "konnichiwa"));
}

TEST(WhatsAppHeaders, CjkDayPeriodsBeforeAndAfterTheTime) {
  auto ko =
      import_whatsapp("[2024/01/02 \uC624\uD6C4 03:06] Minji: annyeong\n[2024/01/03 \uC624\uC804 12:10] Minji: am\n");
  EXPECT_TRUE(IsMessage(ko, 0, "Minji", "2024-01-02T15:06:00", K::Text, "annyeong"));
  EXPECT_TRUE(IsMessage(ko, 1, "Minji", "2024-01-03T00:10:00", K::Text, "am"));

  auto zh = import_whatsapp("02/01/2024 03:04 \u4E0B\u5348 - Wei: ni hao\n");
  EXPECT_TRUE(IsMessage(zh, 0, "Wei", "2024-01-02T15:04:00", K::Text, "ni hao"));

  auto ja = import_whatsapp("[2024/01/02 \u5348\u524D 9:04:00] Yuki: ohayo\n");
  EXPECT_TRUE(IsMessage(ja, 0, "Yuki", "2024-01-02T09:04:00", K::Text, "ohayo"));
}

TEST(WhatsAppHeaders, GermanGreekAndVietnameseDayPeriods) {
  auto de = import_whatsapp("29.01.18, 9:24 vorm. - Ana: a\n29.01.18, 9:24 nachm. - Ana: b\n");
  EXPECT_TRUE(IsMessage(de, 0, "Ana", "2018-01-29T09:24:00", K::Text, "a"));
  EXPECT_TRUE(IsMessage(de, 1, "Ana", "2018-01-29T21:24:00", K::Text, "b"));

  auto el = import_whatsapp("29/1/18, 9:24 \u03C0.\u03BC. - Eleni: a\n29/1/18, 9:24 \u03BC.\u03BC. - Eleni: b\n");
  EXPECT_TRUE(IsMessage(el, 0, "Eleni", "2018-01-29T09:24:00", K::Text, "a"));
  EXPECT_TRUE(IsMessage(el, 1, "Eleni", "2018-01-29T21:24:00", K::Text, "b"));

  auto vi = import_whatsapp("29/1/18, 9:24 SA - Lan: a\n29/1/18, 9:24 CH - Lan: b\n");
  EXPECT_TRUE(IsMessage(vi, 0, "Lan", "2018-01-29T09:24:00", K::Text, "a"));
  EXPECT_TRUE(IsMessage(vi, 1, "Lan", "2018-01-29T21:24:00", K::Text, "b"));
}

TEST(WhatsAppOldIos, ColonAfterTimeInsteadOfBrackets) {
  auto w = import_whatsapp("2016-06-27, 8:04:08 AM: Neil: Hi\n2016-06-27, 8:05:00 PM: Ana: Hey: you\n");
  EXPECT_TRUE(IsMessage(w, 0, "Neil", "2016-06-27T08:04:08", K::Text, "Hi"));
  EXPECT_TRUE(IsMessage(w, 1, "Ana", "2016-06-27T20:05:00", K::Text, "Hey: you"));
  EXPECT_EQ(w.report.variant, "ios-2017");

  auto dotted = import_whatsapp("12.07.2017, 22:35:22: Johannes: Was it good?\n13.06.18 21.25.15: a: m\n");
  EXPECT_TRUE(IsMessage(dotted, 0, "Johannes", "2017-07-12T22:35:22", K::Text, "Was it good?"));
  EXPECT_TRUE(IsMessage(dotted, 1, "a", "2018-06-13T21:25:15", K::Text, "m"));
}

TEST(WhatsAppHeaders, LenientTwelveHourValues) {
  auto w = import_whatsapp(
      "1/29/18, 23:59 PM - Ana: a\n"
      "1/30/18, 00:04 AM - Ana: b\n"
      "1/30/18, 12:00 AM - Ana: c\n"
      "12/10/22 13:37:00 p.m. - Ana: d\n"
      "12/10/22 12:37:00 p.m. - Ana: e\n");
  EXPECT_TRUE(IsMessage(w, 0, "Ana", "2018-01-29T23:59:00", K::Text, "a"));
  EXPECT_TRUE(IsMessage(w, 1, "Ana", "2018-01-30T00:00:00", K::Text, "c"));
  EXPECT_TRUE(IsMessage(w, 2, "Ana", "2018-01-30T00:04:00", K::Text, "b"));
  EXPECT_TRUE(IsMessage(w, 3, "Ana", "2022-12-10T12:37:00", K::Text, "e"));
  EXPECT_TRUE(IsMessage(w, 4, "Ana", "2022-12-10T13:37:00", K::Text, "d"));
}

TEST(WhatsAppHeaders, ParserRejectsWhatIsNotAHeader) {
  Header h;
  EXPECT_FALSE(parse_header("Hello there", h));
  EXPECT_FALSE(parse_header("12:30 tomorrow?", h));
  EXPECT_FALSE(parse_header("2016-04-29 10:30:00", h));  // no separator to a message
  EXPECT_FALSE(parse_header("1. Buy milk - urgent", h));
  EXPECT_FALSE(parse_header("29.01.18, 25:24 - Ana: impossible hour", h));
  EXPECT_FALSE(parse_header("[29.01.18, 12:24:03 Ana: no bracket", h));
  EXPECT_FALSE(parse_header("May I come in?", h));
  ASSERT_TRUE(parse_header("\uFEFF\uFEFF[\uFEFF29.01.18, 12:24:03] Ana: BOMs", h));
  EXPECT_TRUE(h.bom_led);
  EXPECT_EQ(h.field[0], 29);
  EXPECT_EQ(h.second, 3);
}

// Short lines are parsed in place when the buffer goes on after them: whatever follows the
// line break must never change the verdict or the fields.
TEST(WhatsAppHeader, InPlaceParsingOfShortLinesIgnoresWhatFollows) {
  const char* lines[] = {"1/29/18, 12:24 PM - Ana: hi", "1/29/18, 12:24 PM", "1/29/18, 12:24 PM -", "1/29/18, 12:24",
                         "[3/27/22, 21:41:35] Ana: x", "[3/27/22, 21:41:35]", "23/03/2022, 13:31 - ", "12/3",
                         "23/03/2022, 13:31 -", "1/2/20, 3:4", "", "9/9/99, 9:59 am] x", "1/29/18, 12:24 PMx - A: b"};
  const char* after[] = {"\n", "\r\n", "\n5 - Ana: more", "\n:45 PM - Ben: y", "\n] x", "\n- A: b", "\n\n\n\n\n\n\n\n"};
  for (const char* line : lines) {
    Header copy;
    const bool ok = parse_header(line, copy);
    for (const char* tail : after) {
      const std::string buffer = std::string(line) + tail + std::string(64, '7');
      Header in_place;
      const std::string_view view(buffer.data(), std::strlen(line));
      ASSERT_EQ(parse_header(view, buffer.size(), in_place), ok) << line << " + " << tail;
      if (!ok) continue;
      EXPECT_EQ(in_place.body, copy.body) << line;
      EXPECT_EQ(in_place.hour, copy.hour) << line;
      EXPECT_EQ(in_place.minute, copy.minute) << line;
      EXPECT_EQ(in_place.second, copy.second) << line;
      EXPECT_EQ(in_place.period, copy.period) << line;
      EXPECT_EQ(in_place.style, copy.style) << line;
      EXPECT_EQ(in_place.field[0], copy.field[0]) << line;
      EXPECT_EQ(in_place.field[2], copy.field[2]) << line;
    }
  }
}

// The fast path (plain ASCII headers, a space or NNBSP before AM/PM) must read every field
// exactly as the general parser does. Three LRMs in front send a line the general way.
TEST(WhatsAppHeader, FastPathReadsWhatTheGeneralParserReads) {
  const std::string nnbsp = "\u202F";
  const std::string lines[] = {
      "6/1/20, 10:07" + nnbsp + "AM - Ana: hi",  "6/1/20, 10:07" + nnbsp + "pm - Ana: hi",
      "6/1/20, 1:07" + nnbsp + "PM - ",          "6/1/20, 1:07" + nnbsp + "PM -",
      "6/1/20, 1:07" + nnbsp + "PM",             "[8/15/23, 9:12:33" + nnbsp + "AM] Bo: morning",
      "[8/15/23, 9:12:33" + nnbsp + "am]",       "1/29/18, 12:24 PM - Ana: hi",
      "6/1/20, 10:07" + nnbsp + "AMx - Ana: hi", "6/1/20, 10:07" + nnbsp + "A - Ana: hi",
      "6/1/20, 10:07" + nnbsp + " AM - Ana: hi", "6/1/20, 10:07" + nnbsp + "- Ana: hi",
      "6/1/20, 10:07\u2009AM - Ana: hi",         "6/1/20, 10:07\u00A0AM - Ana: hi",
      "6/1/2020, 23:07" + nnbsp + "PM - A: b",   "6/1/20, 10:07" + nnbsp + "AM-Ana",
  };
  const std::string lrm3 = "\u200E\u200E\u200E";
  for (const std::string& line : lines) {
    Header fast, general;
    const bool ok = parse_header(line, fast);
    ASSERT_EQ(parse_header(lrm3 + line, general), ok) << line;
    if (!ok) continue;
    EXPECT_EQ(fast.body + lrm3.size(), general.body) << line;
    EXPECT_EQ(fast.hour, general.hour) << line;
    EXPECT_EQ(fast.minute, general.minute) << line;
    EXPECT_EQ(fast.second, general.second) << line;
    EXPECT_EQ(fast.period, general.period) << line;
    EXPECT_EQ(fast.dotted_period, general.dotted_period) << line;
    EXPECT_EQ(fast.style, general.style) << line;
    EXPECT_EQ(fast.date_sep, general.date_sep) << line;
    EXPECT_EQ(fast.year_at, general.year_at) << line;
    for (int k = 0; k < 3; ++k) EXPECT_EQ(fast.field[k], general.field[k]) << line;
  }
  // The NNBSP shape now parses on the fast path: still a header, AM/PM applied.
  Header h;
  ASSERT_TRUE(parse_header("6/1/20, 10:07" + nnbsp + "PM - Ana: hi", h));
  EXPECT_EQ(h.period, whatsapp::DayPeriod::Pm);
  EXPECT_EQ(whatsapp::hour24(h), 22);
  EXPECT_EQ(h.body, 21u);  // "6/1/20, 10:07" 13 bytes, NNBSP 3, "PM - " 5
}
