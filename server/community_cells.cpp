#include "community_cells.hpp"

namespace chatlens::server {

std::string hour_metric(int hour) {
  std::string out = "hour.";
  out += static_cast<char>('0' + hour / 10);
  out += static_cast<char>('0' + hour % 10);
  return out;
}

void add_cells(const Contribution& c, CellDeltas& deltas) {
  deltas[{kTotalMetric, ""}] += 1;
  deltas[{"avg_text_length", std::to_string(c.avg_text_length)}] += 1;
  deltas[{"messages_per_active_day", std::to_string(c.messages_per_active_day)}] += 1;
  deltas[{"minutes_per_day", std::to_string(c.minutes_per_day)}] += 1;
  for (int h = 0; h < 24; ++h) deltas[{hour_metric(h), std::to_string(c.hour_profile[static_cast<size_t>(h)])}] += 1;
  for (const std::string& e : c.top_emoji) deltas[{kEmojiMetric, e}] += 1;
}

}  // namespace chatlens::server
