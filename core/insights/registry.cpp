#include "insights/insight.hpp"

namespace chatlens {

const std::vector<InsightInfo>& all_insights() {
  static const std::vector<InsightInfo> insights = {
      {"overview", overview_insight},
      {"activity", activity_insight},
      {"reply_speed", reply_speed_insight},
      {"conversations", conversations_insight},
      {"mood", mood_insight},
      {"comings_goings", comings_goings_insight},
      {"topics", topics_insight},
      {"sleep", sleep_insight},
      {"work", work_insight},
      {"shared_groups", shared_groups_insight},
      {"emoji_wall", emoji_wall_insight},
      {"media", media_insight},
      // Reads the sections above (of this period) and recomputes some on the period before.
      {"year_vs_year", year_vs_year_insight, true},
      // Reads the sections above: keep it after them.
      {"privacy", privacy_insight},
      {"community_summary", community_summary_insight},
  };
  return insights;
}

}  // namespace chatlens
