#pragma once
// The period options of the commands that build a report (analyze, report):
// --year YYYY, or --from DATE and/or --to DATE (DATE: YYYY-MM-DD, local calendar days,
// both ends included). --year excludes the other two.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "limit_options.hpp"
#include "model/period.hpp"

namespace chatlens::cli {

struct PeriodArgs {
  std::optional<std::string> year, from, to;
};

// Whether args[i] is a period option ("--opt VALUE" or "--opt=VALUE"); on Yes, `i` is on
// its value. Bad: a message naming `command` is already on stderr.
OptionMatch parse_period_option(std::string_view command, const std::vector<std::string>& args, size_t& i,
                                PeriodArgs& out);

// The period the options name (everything without any); nullopt after a message naming
// `command`, the option and the value on stderr.
std::optional<ReportPeriod> period_from_args(std::string_view command, const PeriodArgs& args);

// Lines for --help.
extern const char* const kPeriodOptionsHelp;

}  // namespace chatlens::cli
