#pragma once
// What the command prints for people: checked writes to standard output (a full
// disk or a closed pipe is exit status 4, with a message, never a silent 0),
// and names from exports escaped before they reach a terminal.
#include <string>
#include <string_view>
#include <vector>

#include "import/source_report.hpp"
#include "model/corpus.hpp"
#include "model/identity.hpp"

namespace chatlens::cli {

// Writes `text` to stdout; false (after a message naming `command`) when it fails.
bool write_stdout(std::string_view command, std::string_view text);
// Flushes stdout; false (after a message) when anything written to it was lost.
bool flush_stdout(std::string_view command);

// "cannot tell which participant is you" / "nobody called ..." and the
// candidates, escaped; candidates that would look alike once invalid bytes are
// replaced are told apart by the file and line where each first appears.
void print_owner_problem(std::string_view command, const OwnerResolution& owner, const Corpus& corpus,
                         const std::vector<SourceReport>& sources, const std::string* me);

}  // namespace chatlens::cli
