#include "period_options.hpp"

#include "model/iso8601.hpp"

namespace chatlens::cli {

const char* const kPeriodOptionsHelp =
    "  --year YYYY            the report of one calendar year (1 January to 31 December)\n"
    "  --from DATE, --to DATE the report of these days only, both included (DATE: YYYY-MM-DD; either\n"
    "                         alone leaves the other end open). --year excludes --from and --to.\n"
    "                         Days are those of the phone's clock, as the exports show them.\n";

namespace {

Result<int64_t> parse_day(std::string_view option, const std::string& value) {
  const std::optional<CivilDate> d = value.size() == 10 ? parse_iso_date(value) : std::nullopt;
  if (!d)
    return Status::error(std::string(option) + " must be a date like 2024-06-15 (YYYY-MM-DD), not \"" + value + "\"");
  return days_from_civil(d->year, d->month, d->day);
}

}  // namespace

Result<OptionMatch> parse_period_option(const std::vector<std::string>& args, size_t& i, PeriodArgs& out) {
  for (std::string_view option : {"--year", "--from", "--to"}) {
    Result<std::optional<std::string>> value = option_value(args, i, option);
    if (!value) return value.status();
    if (!*value) continue;
    std::optional<std::string>& slot = option == "--year" ? out.year : option == "--from" ? out.from : out.to;
    if (slot) return Status::error(std::string(option) + " given twice");
    slot = std::move(*value);
    return OptionMatch::Yes;
  }
  return OptionMatch::No;
}

Result<ReportPeriod> period_from_args(const PeriodArgs& args) {
  if (args.year) {
    if (args.from || args.to)
      return Status::error("--year cannot be combined with --from or --to (use --from DATE --to DATE for other days)");
    const std::string& y = *args.year;
    if (y.size() != 4 || y.find_first_not_of("0123456789") != std::string::npos || y < "1970")
      return Status::error("--year must be a year like 2024 (four digits, 1970 or later), not \"" + y + "\"");
    return ReportPeriod::year(std::stoi(y));
  }
  std::optional<int64_t> from, to;
  if (args.from) {
    Result<int64_t> day = parse_day("--from", *args.from);
    if (!day) return day.status();
    from = *day;
  }
  if (args.to) {
    Result<int64_t> day = parse_day("--to", *args.to);
    if (!day) return day.status();
    to = *day;
  }
  if (from && to && *from > *to) return Status::error("--from " + *args.from + " is after --to " + *args.to);
  return ReportPeriod::range(from, to);
}

}  // namespace chatlens::cli
