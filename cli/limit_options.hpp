#pragma once
// The options every importing command takes (analyze, messages, report):
// --max-input-size SIZE and --max-zip-ratio N (docs/limits.md).
#include <string>
#include <string_view>
#include <vector>

#include "base/status.hpp"
#include "input_limits.hpp"
#include "option_value.hpp"

namespace chatlens::cli {

// Whether args[i] is a limit option ("--opt VALUE" or "--opt=VALUE"); on Yes, `i`
// is on its value. An error names the option and the value at fault.
Result<OptionMatch> parse_limit_option(const std::vector<std::string>& args, size_t& i, InputLimits& limits);

// Lines for --help.
extern const char* const kLimitOptionsHelp;

}  // namespace chatlens::cli
