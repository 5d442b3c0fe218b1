#pragma once
// The options every importing command takes (analyze, messages, report):
// --max-input-size SIZE and --max-zip-ratio N (docs/limits.md).
#include <string>
#include <string_view>
#include <vector>

#include "input_limits.hpp"

namespace chatlens::cli {

enum class OptionMatch { No, Yes, Bad };

// Whether args[i] is a limit option ("--opt VALUE" or "--opt=VALUE"); on Yes, `i`
// is on its value. Bad: a message naming `command` is already on stderr.
OptionMatch parse_limit_option(std::string_view command, const std::vector<std::string>& args, size_t& i,
                               InputLimits& limits);

// Lines for --help.
extern const char* const kLimitOptionsHelp;

}  // namespace chatlens::cli
