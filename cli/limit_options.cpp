#include "limit_options.hpp"

namespace chatlens::cli {

const char* const kLimitOptionsHelp =
    "  --max-input-size SIZE  refuse an input (a file, or what a zip entry inflates to) larger than SIZE\n"
    "                         (bytes, or with K, M, G, T; default 4G)\n"
    "  --max-zip-ratio N      refuse zip entries compressed more than N:1 once past 32 MiB (default 100)\n"
    "  Only regular files and folders are read (no FIFOs or devices); inside a Telegram message, arrays\n"
    "  and objects nest at most 64 levels (deeper messages are skipped and counted). See docs/limits.md.\n";

Result<OptionMatch> parse_limit_option(const std::vector<std::string>& args, size_t& i, InputLimits& limits) {
  for (std::string_view option : {"--max-input-size", "--max-zip-ratio"}) {
    Result<std::optional<std::string>> value = option_value(args, i, option);
    if (!value) return value.status();
    if (!*value) continue;
    const std::string& v = **value;
    const std::optional<uint64_t> n = parse_byte_size(v);
    const bool ratio = option == "--max-zip-ratio";
    if (!n || *n == 0 || (ratio && v.find_first_not_of("0123456789") != std::string::npos))
      return Status::error(std::string(option) + " must be " +
                           (ratio ? "a positive whole number" : "a size such as 4G, 500M or 1048576") + ", not \"" + v +
                           "\"");
    (ratio ? limits.max_zip_ratio : limits.max_input_bytes) = *n;
    return OptionMatch::Yes;
  }
  return OptionMatch::No;
}

}  // namespace chatlens::cli
