#include "terminal_output.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>

#include "text/printable.hpp"

namespace chatlens::cli {
namespace {

Status write_error(int error) {
  return Status::error(std::string("cannot write to standard output: ") + std::strerror(error ? error : EIO));
}

}  // namespace

int fail(std::string_view command, const Status& status, int exit_code) {
  std::string_view rest = status.detail();
  do {
    const size_t end = rest.find('\n');
    const std::string_view line = rest.substr(0, end);
    std::fprintf(stderr, "chatlens %.*s: %.*s\n", static_cast<int>(command.size()), command.data(),
                 static_cast<int>(line.size()), line.data());
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
  } while (!rest.empty());
  return exit_code;
}

Status write_stdout(std::string_view text) {
  errno = 0;
  if (std::fwrite(text.data(), 1, text.size(), stdout) == text.size() && !std::ferror(stdout)) return Status::ok();
  return write_error(errno);
}

Status flush_stdout() {
  errno = 0;
  if (std::fflush(stdout) == 0 && !std::ferror(stdout)) return Status::ok();
  return write_error(errno);
}

Status print_stdout(std::string_view text) {
  if (Status s = write_stdout(text); !s) return s;
  return flush_stdout();
}

void print_owner_problem(std::string_view command, const OwnerResolution& owner, const Corpus& corpus,
                         const std::vector<SourceReport>& sources, const std::string* me) {
  const int n = static_cast<int>(command.size());
  if (owner.status == OwnerResolution::Status::Ambiguous)
    std::fprintf(stderr, "chatlens %.*s: cannot tell which participant is you; name yourself with --me NAME.\n", n,
                 command.data());
  else
    std::fprintf(stderr, "chatlens %.*s: nobody called \"%s\" in these chats.\n", n, command.data(),
                 me ? printable(*me).c_str() : "");
  // How many candidates look the same where invalid bytes are shown as U+FFFD.
  std::map<std::string, int> look_alike;
  for (const std::string& name : owner.candidates) ++look_alike[replace_invalid_utf8(name)];
  std::fprintf(stderr, "Candidates:\n");
  for (const std::string& name : owner.candidates) {
    std::string line = "  " + printable(name);
    if (look_alike[replace_invalid_utf8(name)] > 1) {
      for (const Person& p : corpus.people) {
        if (p.name != name || p.first_line == 0 || p.first_source >= sources.size()) continue;
        line +=
            " (first in " + printable(sources[p.first_source].file) + ", line " + std::to_string(p.first_line) + ")";
        break;
      }
    }
    std::fprintf(stderr, "%s\n", line.c_str());
  }
}

}  // namespace chatlens::cli
