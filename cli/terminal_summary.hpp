#pragma once
// A few lines about a report for the terminal, when no output file was asked for,
// in the words of the English catalogue (cli/words.hpp).
#include <string>

#include "json/json.hpp"

namespace chatlens::cli {

std::string render_summary(const Json& report);

}  // namespace chatlens::cli
