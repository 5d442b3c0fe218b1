#include "period_options.hpp"

#include <cstdio>

#include "model/iso8601.hpp"

namespace chatlens::cli {

const char* const kPeriodOptionsHelp =
    "  --year YYYY            the report of one calendar year (1 January to 31 December)\n"
    "  --from DATE, --to DATE the report of these days only, both included (DATE: YYYY-MM-DD; either\n"
    "                         alone leaves the other end open). --year excludes --from and --to.\n"
    "                         Days are those of the phone's clock, as the exports show them.\n";

namespace {

void complain(std::string_view command, std::string_view what) {
  std::fprintf(stderr, "chatlens %.*s: %.*s\n", static_cast<int>(command.size()), command.data(),
               static_cast<int>(what.size()), what.data());
}

std::optional<int64_t> parse_day(std::string_view command, std::string_view option, const std::string& value) {
  CivilDate d{};
  if (value.size() != 10 || !parse_iso_date(value, d)) {
    complain(command, std::string(option) + " must be a date like 2024-06-15 (YYYY-MM-DD), not \"" + value + "\"");
    return std::nullopt;
  }
  return days_from_civil(d.year, d.month, d.day);
}

}  // namespace

OptionMatch parse_period_option(std::string_view command, const std::vector<std::string>& args, size_t& i,
                                PeriodArgs& out) {
  const std::string& a = args[i];
  for (std::string_view option : {"--year", "--from", "--to"}) {
    std::optional<std::string> value;
    if (a == option) {
      if (i + 1 >= args.size()) {
        complain(command, std::string(option) + " needs a value");
        return OptionMatch::Bad;
      }
      value = args[++i];
    } else if (a.size() > option.size() && a.compare(0, option.size(), option) == 0 && a[option.size()] == '=') {
      value = a.substr(option.size() + 1);
    } else {
      continue;
    }
    std::optional<std::string>& slot = option == "--year" ? out.year : option == "--from" ? out.from : out.to;
    if (slot) {
      complain(command, std::string(option) + " given twice");
      return OptionMatch::Bad;
    }
    slot = std::move(value);
    return OptionMatch::Yes;
  }
  return OptionMatch::No;
}

std::optional<ReportPeriod> period_from_args(std::string_view command, const PeriodArgs& args) {
  if (args.year) {
    if (args.from || args.to) {
      complain(command, "--year cannot be combined with --from or --to (use --from DATE --to DATE for other days)");
      return std::nullopt;
    }
    const std::string& y = *args.year;
    if (y.size() != 4 || y.find_first_not_of("0123456789") != std::string::npos || y < "1970") {
      complain(command, "--year must be a year like 2024 (four digits, 1970 or later), not \"" + y + "\"");
      return std::nullopt;
    }
    return ReportPeriod::year(std::stoi(y));
  }
  std::optional<int64_t> from, to;
  if (args.from && !(from = parse_day(command, "--from", *args.from))) return std::nullopt;
  if (args.to && !(to = parse_day(command, "--to", *args.to))) return std::nullopt;
  if (from && to && *from > *to) {
    complain(command, "--from " + *args.from + " is after --to " + *args.to);
    return std::nullopt;
  }
  return ReportPeriod::range(from, to);
}

}  // namespace chatlens::cli
