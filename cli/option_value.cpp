#include "option_value.hpp"

namespace chatlens::cli {

Result<std::optional<std::string>> option_value(const std::vector<std::string>& args, size_t& i,
                                                std::string_view option) {
  const std::string& a = args[i];
  if (a == option) {
    if (i + 1 >= args.size()) return Status::error(std::string(option) + " needs a value");
    return std::optional<std::string>(args[++i]);
  }
  if (a.size() > option.size() && a.compare(0, option.size(), option) == 0 && a[option.size()] == '=')
    return std::optional<std::string>(a.substr(option.size() + 1));
  return std::optional<std::string>();
}

}  // namespace chatlens::cli
