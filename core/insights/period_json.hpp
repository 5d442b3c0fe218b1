#pragma once
// A period as the report states it: {kind, from, to}, dates of the local calendar. Open ends
// (everything, or a range with one bound) are filled with the first or last day of the data.
#include "json/json.hpp"
#include "model/corpus.hpp"
#include "model/period.hpp"
#include "model/period_coverage.hpp"

namespace chatlens {

// `seen`: the messages of the period (for its open ends).
Json period_json(const ReportPeriod& period, const Corpus& seen);

// The report's list of years: [{year, messages, owner_messages, owner_active_days, enough_data}].
Json years_json(const std::vector<YearCoverage>& years);

}  // namespace chatlens
