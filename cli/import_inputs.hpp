#pragma once
// Shared by the subcommands: import PATH... with a progress line on stderr and
// a clear message per input that could not be read.
#include <string>
#include <vector>

#include "import/import_session.hpp"
#include "input_limits.hpp"
#include "model/corpus.hpp"

namespace chatlens::cli {

struct ImportedInputs {
  Corpus corpus;
  std::vector<SourceReport> sources;
  bool any_failed = false;
};

// Problems are printed with names and excerpts escaped (terminal_output.hpp).
ImportedInputs import_inputs(const std::vector<std::string>& paths, const InputLimits& limits = {});

}  // namespace chatlens::cli
