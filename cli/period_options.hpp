#pragma once
// The period options of the commands that build a report (analyze, report):
// --year YYYY, or --from DATE and/or --to DATE (DATE: YYYY-MM-DD, local calendar days,
// both ends included). --year excludes the other two.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.hpp"
#include "model/period.hpp"
#include "option_value.hpp"

namespace chatlens::cli {

struct PeriodArgs {
  std::optional<std::string> year, from, to;
};

// Whether args[i] is a period option ("--opt VALUE" or "--opt=VALUE"); on Yes, `i` is on
// its value. An error names the option (a missing value, an option given twice).
Result<OptionMatch> parse_period_option(const std::vector<std::string>& args, size_t& i, PeriodArgs& out);

// The period the options name (everything without any); an error names the option and the value.
Result<ReportPeriod> period_from_args(const PeriodArgs& args);

// Lines for --help.
extern const char* const kPeriodOptionsHelp;

}  // namespace chatlens::cli
