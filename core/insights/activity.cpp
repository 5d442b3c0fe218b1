// activity: when the owner writes and, separately, when the owner replies,
// as 7x24 weekday-by-hour grids (Monday first), compared with everyone else.
#include <algorithm>
#include <numeric>

#include "insights/insight.hpp"
#include "insights/section_util.hpp"

namespace chatlens {
namespace {

constexpr uint64_t kMinMessages = 50;

void add(std::vector<uint64_t>& grid, LocalTime t) { ++grid[static_cast<size_t>(t.weekday() * 24 + t.hour())]; }

std::vector<uint64_t> by_hour(const std::vector<uint64_t>& grid) {
  std::vector<uint64_t> h(24, 0);
  for (size_t i = 0; i < grid.size(); ++i) h[i % 24] += grid[i];
  return h;
}

Json peak_hours(const std::vector<uint64_t>& grid, size_t n) {
  const std::vector<uint64_t> hours = by_hour(grid);
  std::vector<int> idx(24);
  std::iota(idx.begin(), idx.end(), 0);
  std::stable_sort(idx.begin(), idx.end(), [&](int a, int b) { return hours[a] > hours[b]; });
  Json out = Json::array();
  for (size_t i = 0; i < n; ++i)
    if (hours[idx[i]] > 0) out.push(idx[i]);
  return out;
}

// Messages per calendar weekday vs weekend day, so 5 vs 2 days compare fairly.
Json weekday_vs_weekend(const std::vector<uint64_t>& grid) {
  uint64_t weekday = 0, weekend = 0;
  for (size_t i = 0; i < grid.size(); ++i) (i / 24 < 5 ? weekday : weekend) += grid[i];
  Json j = Json::object();
  j["weekday_messages"] = weekday;
  j["weekend_messages"] = weekend;
  const double per_weekday = static_cast<double>(weekday) / 5.0, per_weekend = static_cast<double>(weekend) / 2.0;
  j["weekend_to_weekday_ratio"] = per_weekday > 0 ? Json(per_weekend / per_weekday) : Json();
  return j;
}

}  // namespace

Json activity_insight(const InsightInput& in) {
  const Corpus& c = in.corpus;
  std::vector<uint64_t> owner(168, 0), owner_replies(168, 0), others(168, 0);
  const auto& order = in.derived.by_time();
  uint64_t owner_count = 0;
  for (uint64_t i : order) {
    if (c.is_owner(c.messages.sender[i]))
      add(owner, c.messages.time[i]), ++owner_count;
    else
      add(others, c.messages.time[i]);
  }
  uint64_t reply_count = 0;
  in.derived.for_each_reply([&](const Reply& r) {
    if (c.is_owner(c.messages.sender[r.reply])) add(owner_replies, c.messages.time[r.reply]), ++reply_count;
  });

  Json out = Json::object();
  const auto& mine = in.derived.owner_by_time();
  out["data"] = data_basis(owner_count, mine.empty() ? std::nullopt : std::optional(c.messages.time[mine.front()]),
                           mine.empty() ? std::nullopt : std::optional(c.messages.time[mine.back()]));
  out["data"]["owner_replies"] = reply_count;
  out["data"]["others_messages"] = order.size() - owner_count;
  out["weekdays"] = Json(Json::Array{"mon", "tue", "wed", "thu", "fri", "sat", "sun"});
  out["enough_data"] = owner_count >= kMinMessages;
  if (owner_count < kMinMessages) mark_insufficient(out, "activity.few_messages", Json::Object{{"min", kMinMessages}});
  out["owner_messages"] = grid_json(owner);
  out["owner_replies"] = grid_json(owner_replies);
  out["others_messages"] = grid_json(others);
  Json hours = Json::object();
  auto hour_list = [](const std::vector<uint64_t>& g) {
    Json a = Json::array();
    for (uint64_t v : by_hour(g)) a.push(v);
    return a;
  };
  hours["owner_messages"] = hour_list(owner);
  hours["owner_replies"] = hour_list(owner_replies);
  hours["others_messages"] = hour_list(others);
  out["by_hour"] = std::move(hours);
  out["peak_hours"] = Json::object();
  out["peak_hours"]["owner_messages"] = peak_hours(owner, 3);
  out["peak_hours"]["owner_replies"] = peak_hours(owner_replies, 3);
  out["peak_hours"]["others_messages"] = peak_hours(others, 3);
  out["weekday_vs_weekend"] = Json::object();
  out["weekday_vs_weekend"]["owner"] = weekday_vs_weekend(owner);
  out["weekday_vs_weekend"]["others"] = weekday_vs_weekend(others);
  return out;
}

}  // namespace chatlens
