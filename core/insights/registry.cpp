#include "insights/insight.hpp"

namespace chatlens {

const std::vector<InsightInfo>& all_insights() {
  static const std::vector<InsightInfo> insights = {
      {"overview", overview_insight},
      {"activity", activity_insight},
      {"reply_speed", reply_speed_insight},
      {"comings_goings", comings_goings_insight},
      {"sleep", sleep_insight},
      {"work", work_insight},
      {"shared_groups", shared_groups_insight},
      // Reads the sections above: keep it after them.
      {"privacy", privacy_insight},
  };
  return insights;
}

}  // namespace chatlens
