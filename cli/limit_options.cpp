#include "limit_options.hpp"

#include <cstdio>

namespace chatlens::cli {

const char* const kLimitOptionsHelp =
    "  --max-input-size SIZE  refuse an input (a file, or what a zip entry inflates to) larger than SIZE\n"
    "                         (bytes, or with K, M, G, T; default 4G)\n"
    "  --max-zip-ratio N      refuse zip entries compressed more than N:1 once past 32 MiB (default 100)\n"
    "  Only regular files and folders are read (no FIFOs or devices); inside a Telegram message, arrays\n"
    "  and objects nest at most 64 levels (deeper messages are skipped and counted). See docs/limits.md.\n";

OptionMatch parse_limit_option(std::string_view command, const std::vector<std::string>& args, size_t& i,
                               InputLimits& limits) {
  const std::string& a = args[i];
  std::string value;
  std::string_view name;
  for (std::string_view option : {"--max-input-size", "--max-zip-ratio"}) {
    if (a == option) {
      if (i + 1 >= args.size()) {
        std::fprintf(stderr, "chatlens %.*s: %.*s needs a value\n", static_cast<int>(command.size()), command.data(),
                     static_cast<int>(option.size()), option.data());
        return OptionMatch::Bad;
      }
      name = option, value = args[++i];
    } else if (a.size() > option.size() && a.compare(0, option.size(), option) == 0 && a[option.size()] == '=') {
      name = option, value = a.substr(option.size() + 1);
    }
  }
  if (name.empty()) return OptionMatch::No;
  const std::optional<uint64_t> n = parse_byte_size(value);
  const bool ratio = name == "--max-zip-ratio";
  if (!n || *n == 0 || (ratio && value.find_first_not_of("0123456789") != std::string::npos)) {
    std::fprintf(stderr, "chatlens %.*s: %.*s must be %s, not \"%s\"\n", static_cast<int>(command.size()),
                 command.data(), static_cast<int>(name.size()), name.data(),
                 ratio ? "a positive whole number" : "a size such as 4G, 500M or 1048576", value.c_str());
    return OptionMatch::Bad;
  }
  (ratio ? limits.max_zip_ratio : limits.max_input_bytes) = *n;
  return OptionMatch::Yes;
}

}  // namespace chatlens::cli
