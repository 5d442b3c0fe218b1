// chatlens: your messaging history, analysed on your own computer.
#include <cstdio>
#include <new>
#include <stdexcept>
#include <string>
#include <vector>

#include "commands.hpp"
#include "limit_options.hpp"
#include "terminal_output.hpp"

namespace {

constexpr const char* kUsageText =
    "usage: chatlens <command> [options]\n"
    "\n"
    "commands:\n"
    "  analyze PATH... [--me NAME] [-o report.json] [--gap-hours H] [--year YYYY | --from DATE --to DATE]\n"
    "                  [--same \"A=B\"]... [--same-file FILE]\n"
    "                      your report: a summary here, or the full JSON with -o (\"-o -\" for stdout)\n"
    "  messages PATH... [--format jsonl|csv] [--same \"A=B\"]... [--same-file FILE]\n"
    "                      the normalised messages, one per line\n"
    "  report PATH... [--me NAME] [-o report.html] [--gap-hours H] [--template FILE] [--same ...]\n"
    "                 [--year YYYY | --from DATE --to DATE]\n"
    "                      your report as one HTML file that opens offline\n"
    "  serve [--port 8080] [--bind 127.0.0.1] [--db sqlite:PATH | postgresql://...] [--web DIR]\n"
    "                      the web app and the community service (all options: chatlens serve --help)\n"
    "  export-community --out DIR [--db ...] [--from DAY] [--to DAY]\n"
    "                      the stored contributions as daily gzip NDJSON files (a warehouse feed)\n"
    "  healthcheck [--url http://127.0.0.1:8080/healthz]\n"
    "                      exit 0 when the service answers 200 (a container's HEALTHCHECK)\n"
    "\n"
    "PATH: WhatsApp exports (.txt or .zip), Telegram Desktop exports (result.json or its folder).\n"
    "\n"
    "Limits on inputs (analyze, messages, report):\n"
    "Exit status: 0 ok, 2 usage error, 3 an input could not be read (the others were still used),\n"
    "4 the output could not be written.\n";

int run(const std::string& command, const std::vector<std::string>& args) {
  using namespace chatlens::cli;
  if (command == "messages") return run_messages(args);
  if (command == "analyze") return run_analyze(args);
  if (command == "report") return run_report(args);
  if (command == "serve") return run_serve(args);
  if (command == "export-community") return run_export_community(args);
  if (command == "healthcheck") return run_healthcheck(args);
  std::fprintf(stderr, "chatlens: unknown command '%s'\n\n", command.c_str());
  return -1;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace chatlens::cli;
  using chatlens::Status;
  std::vector<std::string> args(argv + 1, argv + argc);
  const auto usage = [](FILE* out) {
    // The limits' lines sit between PATH and the exit statuses.
    const std::string text = kUsageText;
    const size_t at = text.find("Exit status:");
    std::fputs(text.substr(0, at).c_str(), out);
    std::fputs(kLimitOptionsHelp, out);
    std::fputc('\n', out);
    std::fputs(text.c_str() + at, out);
  };
  if (args.empty() || args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
    usage(args.empty() ? stderr : stdout);
    if (args.empty()) return kUsage;
    const Status s = flush_stdout();
    return s ? kOk : fail("--help", s, kOutputError);
  }
  if (args[0] == "--version") {
    std::puts("chatlens 0.1.0");
    const Status s = flush_stdout();
    return s ? kOk : fail("--version", s, kOutputError);
  }
  const std::string command = args[0];
  args.erase(args.begin());
  int status;
  try {
    status = run(command, args);
  } catch (const std::bad_alloc&) {
    // An input too large for this machine's memory: refused like any unreadable input.
    std::fprintf(stderr,
                 "chatlens %s: out of memory while reading the inputs; try fewer or smaller inputs "
                 "(--max-input-size)\n",
                 command.c_str());
    return kInputUnreadable;
  } catch (const std::length_error&) {
    std::fprintf(stderr, "chatlens %s: an input is too large to hold in memory\n", command.c_str());
    return kInputUnreadable;
  }
  if (status < 0) {
    usage(stderr);
    return kUsage;
  }
  // Anything still buffered for stdout must reach it: a full disk is an error, not a 0.
  if (status != kOutputError)
    if (Status s = flush_stdout(); !s) return fail(command, s, kOutputError);
  return status;
}
