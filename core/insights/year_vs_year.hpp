#pragma once
// year_vs_year: this year against the year before (or the last twelve months against the
// twelve before), only where both have enough data (model/period_coverage.hpp). Its
// statements compare sections the other insights compute on each period.
#include <set>
#include <string_view>

#include "insights/insight.hpp"

namespace chatlens {

// The sections `names` of the registry, computed on `corpus` alone (in registry order).
Json sections_on(const Corpus& corpus, const ReportOptions& options, const std::set<std::string_view>& names);

}  // namespace chatlens
