// community_summary: the only thing that may ever leave the user's computer, and
// only on request (docs/community-summary.md). No names, no text, no dates; every
// number rounded to a coarse bucket.
#include <algorithm>
#include <cmath>
#include <map>

#include "insights/insight.hpp"
#include "insights/section_util.hpp"
#include "report/community_buckets.hpp"
#include "text/utf8.hpp"

namespace chatlens {
namespace {

constexpr size_t kMinMessages = 100;
constexpr size_t kMinDays = 7;
constexpr int64_t kSessionGap = 5 * 60;

}  // namespace

Json community_summary_insight(const InsightInput& in) {
  const Corpus& c = in.corpus;
  const auto& mine = in.derived.owner_by_time();
  Json out = Json::object();
  out["data"] = data_basis(mine.size(), mine.empty() ? std::nullopt : std::optional(c.messages.time[mine.front()]),
                           mine.empty() ? std::nullopt : std::optional(c.messages.time[mine.back()]));
  out["documentation"] = "docs/community-summary.md";

  double text_chars = 0, texts = 0;
  std::vector<double> hours(24, 0);
  std::map<int64_t, int64_t> minutes_per_day;
  int64_t session_start = 0, session_end = 0;
  bool in_session = false;
  auto close_session = [&] {
    if (in_session) minutes_per_day[LocalTime{session_start}.day()] += (session_end - session_start) / 60 + 1;
  };
  for (uint64_t i : mine) {
    const LocalTime t = c.messages.time[i];
    hours[static_cast<size_t>(t.hour())] += 1;
    if (c.messages.kind[i] == MessageKind::Text) {
      text_chars += static_cast<double>(count_code_points(c.text(i)));
      texts += 1;
    }
    if (in_session && t.seconds - session_end < kSessionGap) {
      session_end = t.seconds;
    } else {
      close_session();
      session_start = session_end = t.seconds;
      in_session = true;
    }
  }
  close_session();
  // Distinct days, counted as they come: `mine` is in time order (no per-message array).
  uint64_t active_days = 0;
  for (size_t k = 0; k < mine.size(); ++k)
    active_days += k == 0 || c.messages.time[mine[k]].day() != c.messages.time[mine[k - 1]].day();
  out["data"]["active_days"] = active_days;

  if (mine.size() < kMinMessages || active_days < kMinDays) {
    mark_insufficient(out, "community_summary.too_little",
                      Json::Object{{"messages", kMinMessages}, {"days", kMinDays}});
    return out;
  }
  out["enough_data"] = true;

  Json summary = Json::object();
  summary["schema"] = kCommunitySummarySchema;
  summary["version"] = kCommunitySummaryVersion;
  Json top = Json::array();
  for (const auto& code : in.derived.owner_top_emoji_hexcodes(kMaxTopEmoji)) top.push(code);
  summary["top_emoji"] = std::move(top);
  summary["avg_text_length"] = round_text_length(texts > 0 ? text_chars / texts : 0.0);
  summary["messages_per_active_day"] =
      floor_bucket(kMessagesPerDayBuckets, static_cast<double>(mine.size()) / static_cast<double>(active_days));
  int64_t total_minutes = 0;
  for (const auto& [day, minutes] : minutes_per_day) total_minutes += minutes;
  summary["minutes_per_day"] =
      floor_bucket(kMinutesPerDayBuckets, static_cast<double>(total_minutes) / static_cast<double>(active_days));
  Json profile = Json::array();
  for (double h : hours) profile.push(static_cast<int>(std::lround(100.0 * h / static_cast<double>(mine.size()))));
  summary["hour_profile"] = std::move(profile);
  out["summary"] = std::move(summary);
  return out;
}

}  // namespace chatlens
