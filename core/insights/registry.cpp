#include "insights/insight.hpp"

namespace chatlens {

const std::vector<InsightInfo>& all_insights() {
  static const std::vector<InsightInfo> insights = {
      {"overview", overview_insight},
  };
  return insights;
}

}  // namespace chatlens
