// chatlens: your messaging history, analysed on your own computer.
#include <cstdio>
#include <string>
#include <vector>

#include "commands.hpp"

namespace {

constexpr const char* kUsageText =
    "usage: chatlens <command> [options]\n"
    "\n"
    "commands:\n"
    "  analyze PATH... [--me NAME] [-o report.json] [--gap-hours H]\n"
    "                      your report: a summary here, or the full JSON with -o (\"-o -\" for stdout)\n"
    "  messages PATH... [--format jsonl|csv]\n"
    "                      the normalised messages, one per line\n"
    "  report PATH... [--me NAME] [-o report.html] [--gap-hours H] [--template FILE]\n"
    "                      your report as one HTML file that opens offline\n"
    "  serve [--port 8080] [--bind 127.0.0.1] [--db sqlite:PATH | postgresql://...] [--web DIR]\n"
    "                      the web app and the community service (all options: chatlens serve --help)\n"
    "  export-community --out DIR [--db ...] [--from DAY] [--to DAY]\n"
    "                      the stored contributions as daily gzip NDJSON files (a warehouse feed)\n"
    "  healthcheck [--url http://127.0.0.1:8080/healthz]\n"
    "                      exit 0 when the service answers 200 (a container's HEALTHCHECK)\n"
    "\n"
    "PATH: WhatsApp exports (.txt or .zip), Telegram Desktop exports (result.json or its folder).\n"
    "Exit status: 0 ok, 2 usage error, 3 an input could not be read (the others were still used),\n"
    "4 the output could not be written.\n";

}  // namespace

int main(int argc, char** argv) {
  using namespace chatlens::cli;
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
    std::fputs(kUsageText, args.empty() ? stderr : stdout);
    return args.empty() ? kUsage : kOk;
  }
  if (args[0] == "--version") {
    std::puts("chatlens 0.1.0");
    return kOk;
  }
  const std::string command = args[0];
  args.erase(args.begin());
  if (command == "messages") return run_messages(args);
  if (command == "analyze") return run_analyze(args);
  if (command == "report") return run_report(args);
  if (command == "serve") return run_serve(args);
  if (command == "export-community") return run_export_community(args);
  if (command == "healthcheck") return run_healthcheck(args);
  std::fprintf(stderr, "chatlens: unknown command '%s'\n\n%s", command.c_str(), kUsageText);
  return kUsage;
}
