// chatlens analyze PATH... [--me NAME] [-o report.json]
#include <cstdio>
#include <fstream>
#include <optional>
#include <string>

#include "commands.hpp"
#include "import_inputs.hpp"
#include "model/identity.hpp"
#include "report/report.hpp"
#include "terminal_summary.hpp"

namespace chatlens::cli {

int run_analyze(const std::vector<std::string>& args) {
  std::vector<std::string> paths;
  std::optional<std::string> me, output;
  ReportOptions options;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](const char* flag) -> std::optional<std::string> {
      if (i + 1 >= args.size()) {
        std::fprintf(stderr, "chatlens analyze: %s needs a value\n", flag);
        return std::nullopt;
      }
      return args[++i];
    };
    if (a == "--me") {
      if (!(me = value("--me"))) return kUsage;
    } else if (a == "-o" || a == "--output") {
      if (!(output = value("-o"))) return kUsage;
    } else if (a == "--gap-hours") {
      auto v = value("--gap-hours");
      if (!v) return kUsage;
      const double hours = std::atof(v->c_str());
      if (hours <= 0) {
        std::fprintf(stderr, "chatlens analyze: --gap-hours must be a positive number\n");
        return kUsage;
      }
      options.conversation_gap_seconds = static_cast<int64_t>(hours * 3600);
    } else if (a.rfind("-", 0) == 0 && a != "-") {
      std::fprintf(stderr, "chatlens analyze: unknown option %s\n", a.c_str());
      return kUsage;
    } else {
      paths.push_back(a);
    }
  }
  if (paths.empty()) {
    std::fprintf(stderr, "usage: chatlens analyze PATH... [--me NAME] [-o report.json]\n");
    return kUsage;
  }

  ImportedInputs in = import_inputs(paths);
  const OwnerResolution owner = resolve_owner(in.corpus, me);
  if (owner.status == OwnerResolution::Status::Ambiguous || owner.status == OwnerResolution::Status::NoSuchPerson) {
    if (owner.status == OwnerResolution::Status::Ambiguous)
      std::fprintf(stderr, "chatlens analyze: cannot tell which participant is you; name yourself with --me NAME.\n");
    else
      std::fprintf(stderr, "chatlens analyze: nobody called \"%s\" in these chats.\n", me->c_str());
    std::fprintf(stderr, "Candidates:\n");
    for (const std::string& name : owner.candidates) std::fprintf(stderr, "  %s\n", name.c_str());
    return kUsage;
  }

  const Json report = build_report(in.corpus, in.sources, owner, options);
  if (!output) {
    std::fputs(render_summary(report).c_str(), stdout);
  } else if (*output == "-") {
    const std::string text = report.dump(1) + "\n";
    std::fwrite(text.data(), 1, text.size(), stdout);
  } else {
    std::ofstream file(*output, std::ios::binary);
    const std::string text = report.dump(1) + "\n";
    file.write(text.data(), static_cast<std::streamsize>(text.size()));
    if (!file.good()) {
      std::fprintf(stderr, "chatlens analyze: cannot write %s\n", output->c_str());
      return kOutputError;
    }
    std::fprintf(stderr, "chatlens: report written to %s\n", output->c_str());
  }
  return in.any_failed ? kInputUnreadable : kOk;
}

}  // namespace chatlens::cli
