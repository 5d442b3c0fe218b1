// chatlens report PATH... [--me NAME] [-o report.html] [--gap-hours H] [--template FILE]
//
// Writes one self-contained HTML file: the web app's report views (built by
// `npm run build` in web/ as web/dist-report/report.html, all JS and CSS inlined)
// with this report's JSON embedded in its <script type="application/json"
// id="chatlens-report"> block. It opens offline by double-click and connects nowhere.
//
// The template is looked for, in order: --template FILE; $CHATLENS_REPORT_TEMPLATE;
// beside the executable (report.html, ../share/chatlens/report.html); the source
// tree this binary was built from (web/dist-report/report.html).
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "commands.hpp"
#include "import_inputs.hpp"
#include "limit_options.hpp"
#include "model/identity.hpp"
#include "period_options.hpp"
#include "report/report.hpp"
#include "same_options.hpp"
#include "terminal_output.hpp"
#include "text/printable.hpp"

namespace chatlens::cli {
namespace {

namespace fs = std::filesystem;

constexpr const char* kReportUsage =
    "usage: chatlens report PATH... [--me NAME] [-o report.html] [--gap-hours H] [--template FILE]\n"
    "                       [--year YYYY | --from DATE --to DATE]\n"
    "                       [--same \"A=B\"]... [--same-file FILE] [--max-input-size SIZE] [--max-zip-ratio N]\n"
    "  Writes your report as one HTML file that opens offline (default: report.html).\n";

// The block the web build leaves for the report (web/report.html).
constexpr std::string_view kMarker =
    R"(<script type="application/json" id="chatlens-report">__CHATLENS_REPORT_JSON__</script>)";
constexpr std::string_view kOpen = R"(<script type="application/json" id="chatlens-report">)";

std::vector<fs::path> template_candidates(const std::optional<std::string>& option) {
  std::vector<fs::path> out;
  if (option) return {fs::path(*option)};
  if (const char* env = std::getenv("CHATLENS_REPORT_TEMPLATE"); env && *env) out.emplace_back(env);
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    out.push_back(exe.parent_path() / "report.html");
    out.push_back(exe.parent_path() / ".." / "share" / "chatlens" / "report.html");
  }
  // This file is <repo>/cli/command_report.cpp: the build records its absolute path.
  const fs::path source(__FILE__);
  if (source.is_absolute()) out.push_back(source.parent_path().parent_path() / "web" / "dist-report" / "report.html");
  return out;
}

bool read_file(const fs::path& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return in.good() || in.eof();
}

// JSON made safe inside <script type="application/json">: "<", ">" and "&" only
// occur inside JSON strings, where their \u escapes mean the same; so "</script>"
// and "<!--" can never appear in the block.
std::string escape_json_for_script(std::string_view json) {
  std::string out;
  out.reserve(json.size() + json.size() / 32);
  for (char c : json) {
    if (c == '<')
      out += "\\u003c";
    else if (c == '>')
      out += "\\u003e";
    else if (c == '&')
      out += "\\u0026";
    else
      out += c;
  }
  return out;
}

}  // namespace

int run_report(const std::vector<std::string>& args) {
  std::vector<std::string> paths;
  std::optional<std::string> me, output, template_option;
  ReportOptions options;
  InputLimits limits;
  std::vector<SamePerson> links;
  PeriodArgs period_args;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](const char* flag) -> std::optional<std::string> {
      if (i + 1 >= args.size()) {
        std::fprintf(stderr, "chatlens report: %s needs a value\n", flag);
        return std::nullopt;
      }
      return args[++i];
    };
    if (Result<OptionMatch> m = parse_limit_option(args, i, limits); !m)
      return fail("report", m.status(), kUsage);
    else if (*m == OptionMatch::Yes)
      continue;
    if (Result<OptionMatch> m = parse_same_option(args, i, links); !m)
      return fail("report", m.status(), kUsage);
    else if (*m == OptionMatch::Yes)
      continue;
    if (Result<OptionMatch> m = parse_period_option(args, i, period_args); !m)
      return fail("report", m.status(), kUsage);
    else if (*m == OptionMatch::Yes)
      continue;
    if (a == "-h" || a == "--help") {
      std::fputs(kReportUsage, stdout);
      std::fputs(kSameOptionsHelp, stdout);
      std::fputs(kPeriodOptionsHelp, stdout);
      std::fputs(kLimitOptionsHelp, stdout);
      return kOk;
    } else if (a == "--me") {
      if (!(me = value("--me"))) return kUsage;
    } else if (a == "-o" || a == "--output") {
      if (!(output = value("-o"))) return kUsage;
    } else if (a == "--template") {
      if (!(template_option = value("--template"))) return kUsage;
    } else if (a == "--gap-hours") {
      auto v = value("--gap-hours");
      if (!v) return kUsage;
      const double hours = std::atof(v->c_str());
      if (hours <= 0) {
        std::fprintf(stderr, "chatlens report: --gap-hours must be a positive number\n");
        return kUsage;
      }
      options.conversation_gap_seconds = static_cast<int64_t>(hours * 3600);
    } else if (a.rfind("-", 0) == 0) {
      std::fprintf(stderr, "chatlens report: unknown option %s\n", a.c_str());
      return kUsage;
    } else {
      paths.push_back(a);
    }
  }
  if (paths.empty()) {
    std::fputs(kReportUsage, stderr);
    return kUsage;
  }
  if (Result<ReportPeriod> period = period_from_args(period_args))
    options.period = *period;
  else
    return fail("report", period.status(), kUsage);

  // The template first: no point reading gigabytes of chats to fail at the end.
  std::string html;
  fs::path template_path;
  for (const fs::path& candidate : template_candidates(template_option)) {
    if (read_file(candidate, html)) {
      template_path = candidate;
      break;
    }
  }
  if (template_path.empty()) {
    std::fprintf(stderr,
                 "chatlens report: the report template (report.html) was not found.\n"
                 "Build it with: (cd web && npm ci && npm run build)  -> web/dist-report/report.html,\n"
                 "or point to it with --template FILE or CHATLENS_REPORT_TEMPLATE.\n");
    return kOutputError;
  }
  const size_t at = html.rfind(kMarker);
  if (at == std::string::npos) {
    std::fprintf(stderr, "chatlens report: %s is not a chatlens report template (no report placeholder)\n",
                 template_path.string().c_str());
    return kOutputError;
  }

  ImportedInputs in = import_inputs(paths, limits);
  const OwnerResolution owner = resolve_owner(in.corpus, me);
  if (owner.status == OwnerResolution::Status::Ambiguous || owner.status == OwnerResolution::Status::NoSuchPerson) {
    print_owner_problem("report", owner, in.corpus, in.sources, me ? &*me : nullptr);
    return kUsage;
  }
  if (Status s = apply_links(in.corpus, links); !s) return fail("report", s, kUsage);
  const Json report = build_report(in.corpus, in.sources, owner, options);

  std::string page;
  page.reserve(html.size() + 1024);
  page.append(html, 0, at);
  page += kOpen;
  page += escape_json_for_script(report.dump());
  page += "</script>";
  page.append(html, at + kMarker.size(), std::string::npos);

  const std::string target = output.value_or("report.html");
  std::ofstream file(target, std::ios::binary | std::ios::trunc);
  file.write(page.data(), static_cast<std::streamsize>(page.size()));
  file.close();
  if (!file.good()) {
    std::fprintf(stderr, "chatlens report: cannot write %s\n", printable(target).c_str());
    return kOutputError;
  }
  std::fprintf(stderr, "chatlens: report written to %s (open it in a browser; it works offline)\n",
               printable(target).c_str());
  return in.any_failed ? kInputUnreadable : kOk;
}

}  // namespace chatlens::cli
