// chatlens analyze PATH... [--me NAME] [-o report.json]
#include <cstdio>
#include <fstream>
#include <optional>
#include <string>

#include "commands.hpp"
#include "import_inputs.hpp"
#include "limit_options.hpp"
#include "model/identity.hpp"
#include "period_options.hpp"
#include "report/report.hpp"
#include "same_options.hpp"
#include "terminal_output.hpp"
#include "terminal_summary.hpp"
#include "text/printable.hpp"

namespace chatlens::cli {
namespace {

constexpr const char* kAnalyzeUsage =
    "usage: chatlens analyze PATH... [--me NAME] [-o report.json] [--gap-hours H]\n"
    "                        [--same \"A=B\"]... [--same-file FILE]\n"
    "                        [--year YYYY | --from DATE --to DATE]\n"
    "                        [--max-input-size SIZE] [--max-zip-ratio N]\n"
    "  Prints a summary of your report, or writes the full report as JSON with -o (\"-o -\": stdout).\n"
    "  --me NAME              who you are, when the exports leave it open\n"
    "  -o FILE                the full report as JSON (\"-\": standard output)\n"
    "  --gap-hours H          silence that ends a conversation (default 6)\n";

}  // namespace

int run_analyze(const std::vector<std::string>& args) {
  std::vector<std::string> paths;
  std::optional<std::string> me, output;
  ReportOptions options;
  InputLimits limits;
  std::vector<SamePerson> links;
  PeriodArgs period_args;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-h" || a == "--help") {
      std::fputs(kAnalyzeUsage, stdout);
      std::fputs(kSameOptionsHelp, stdout);
      std::fputs(kPeriodOptionsHelp, stdout);
      std::fputs(kLimitOptionsHelp, stdout);
      return kOk;
    }
    if (Result<OptionMatch> m = parse_limit_option(args, i, limits); !m)
      return fail("analyze", m.status(), kUsage);
    else if (*m == OptionMatch::Yes)
      continue;
    if (Result<OptionMatch> m = parse_same_option(args, i, links); !m)
      return fail("analyze", m.status(), kUsage);
    else if (*m == OptionMatch::Yes)
      continue;
    if (Result<OptionMatch> m = parse_period_option(args, i, period_args); !m)
      return fail("analyze", m.status(), kUsage);
    else if (*m == OptionMatch::Yes)
      continue;
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
    std::fputs(kAnalyzeUsage, stderr);
    return kUsage;
  }
  if (Result<ReportPeriod> period = period_from_args(period_args))
    options.period = *period;
  else
    return fail("analyze", period.status(), kUsage);

  ImportedInputs in = import_inputs(paths, limits);
  const OwnerResolution owner = resolve_owner(in.corpus, me);
  if (owner.status == OwnerResolution::Status::Ambiguous || owner.status == OwnerResolution::Status::NoSuchPerson) {
    print_owner_problem("analyze", owner, in.corpus, in.sources, me ? &*me : nullptr);
    return kUsage;
  }

  if (Status s = apply_links(in.corpus, links); !s) return fail("analyze", s, kUsage);

  const Json report = build_report(in.corpus, in.sources, owner, options);
  // Who might be one person: never linked until confirmed (docs/person-links.md).
  const std::string suggestions = link_suggestions_text(in.corpus);
  if (!output) {
    // Names and file names come from the exports: escaped for the terminal.
    if (Status s =
            print_stdout(printable(render_summary(report) + (suggestions.empty() ? "" : "\n" + suggestions), true));
        !s)
      return fail("analyze", s, kOutputError);
  } else if (*output == "-") {
    if (Status s = print_stdout(report.dump(1) + "\n"); !s) return fail("analyze", s, kOutputError);
  } else {
    std::ofstream file(*output, std::ios::binary);
    const std::string text = report.dump(1) + "\n";
    file.write(text.data(), static_cast<std::streamsize>(text.size()));
    file.close();
    if (!file.good()) {
      std::fprintf(stderr, "chatlens analyze: cannot write %s\n", printable(*output).c_str());
      return kOutputError;
    }
    std::fprintf(stderr, "chatlens: report written to %s\n", printable(*output).c_str());
  }
  if (output && !suggestions.empty()) std::fputs(printable(suggestions, true).c_str(), stderr);
  return in.any_failed ? kInputUnreadable : kOk;
}

}  // namespace chatlens::cli
