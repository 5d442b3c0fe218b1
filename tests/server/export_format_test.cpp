// The warehouse feed's line format and file layout (docs/warehouse-feed.md), and when a day closes.
#include <gtest/gtest.h>

#include "community_export.hpp"

namespace chatlens::server {
namespace {

using namespace std::chrono;

system_clock::time_point at(int y, unsigned m, unsigned d, int hour, int minute) {
  return sys_days{year{y} / month{m} / day{d}} + hours{hour} + minutes{minute};
}

TEST(ExportFormat, OneLineWithTheDocumentedFieldsInOrder) {
  StoredContribution row;
  row.id = "5f0c2a9be1d34c7a8e6b1f2d3c4b5a69";
  row.day = "2026-03-01";
  row.summary_version = 1;
  row.contribution.avg_text_length = 35;
  row.contribution.messages_per_active_day = 25;
  row.contribution.minutes_per_day = 45;
  row.contribution.hour_profile = {0, 0, 0, 0, 0, 0, 1, 3, 5, 6, 6, 7, 7, 6, 6, 6, 6, 6, 6, 6, 6, 5, 4, 2};
  row.contribution.top_emoji = {"1F602"};
  EXPECT_EQ(feed_line(row),
            R"({"contribution_id":"5f0c2a9be1d34c7a8e6b1f2d3c4b5a69","day":"2026-03-01","summary_version":1,)"
            R"("avg_text_length":35,)"
            R"("messages_per_active_day":25,"minutes_per_day":45,)"
            R"("hour_profile":[0,0,0,0,0,0,1,3,5,6,6,7,7,6,6,6,6,6,6,6,6,5,4,2],"top_emoji":["1F602"]})");
  EXPECT_EQ(feed_file("2026-03-01").string(), "day=2026-03-01/chatlens-contributions-2026-03-01.ndjson.gz");
  EXPECT_EQ(last_closed_day(at(2026, 3, 5, 0, 14), minutes(15)), "2026-03-03");
  EXPECT_EQ(last_closed_day(at(2026, 3, 5, 0, 15), minutes(15)), "2026-03-04");
}

TEST(ExportFormat, EscapesWhatJsonNeedsEscaped) {
  StoredContribution row;
  row.day = "2026-03-01";
  row.contribution.top_emoji = {"a\"b\\c\n"};
  EXPECT_NE(feed_line(row).find(R"("top_emoji":["a\"b\\c\u000a"])"), std::string::npos) << feed_line(row);
}

}  // namespace
}  // namespace chatlens::server
