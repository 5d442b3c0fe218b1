#pragma once
// What the command prints for people: failures (fail()), checked writes to standard output
// (a full disk or a closed pipe is exit status 4, with a message, never a silent 0),
// and names from exports escaped before they reach a terminal.
#include <string>
#include <string_view>
#include <vector>

#include "base/status.hpp"
#include "import/source_report.hpp"
#include "model/corpus.hpp"
#include "model/identity.hpp"

namespace chatlens::cli {

// Prints a failure on stderr, each line of its detail as "chatlens COMMAND: line", and
// returns `exit_code`, so a command ends with `return fail("analyze", s, kUsage);`.
int fail(std::string_view command, const Status& status, int exit_code);

// Writes `text` to stdout; an error says why it failed.
Status write_stdout(std::string_view text);
// Flushes stdout; an error when anything written to it was lost.
Status flush_stdout();
// Writes `text` and flushes.
Status print_stdout(std::string_view text);

// "cannot tell which participant is you" / "nobody called ..." and the
// candidates, escaped; candidates that would look alike once invalid bytes are
// replaced are told apart by the file and line where each first appears.
void print_owner_problem(std::string_view command, const OwnerResolution& owner, const Corpus& corpus,
                         const std::vector<SourceReport>& sources, const std::string* me);

}  // namespace chatlens::cli
