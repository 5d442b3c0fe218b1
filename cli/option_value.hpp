#pragma once
// How the commands read an option that takes a value: "--opt VALUE" or "--opt=VALUE".
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.hpp"

namespace chatlens::cli {

// Whether an option parser took args[i] (and its value).
enum class OptionMatch { No, Yes };

// The value when args[i] is `option` (then `i` is on the value); nullopt when args[i] is
// something else; an error when the value is missing ("--year needs a value").
Result<std::optional<std::string>> option_value(const std::vector<std::string>& args, size_t& i,
                                                std::string_view option);

}  // namespace chatlens::cli
