#include "import/meta_file.hpp"

#include "import/json_scan.hpp"

namespace chatlens::meta {

std::string_view without_boms(std::string_view bytes) {
  while (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  return bytes;
}

bool opens_object(std::string_view head) {
  const size_t first = head.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && head[first] == '{';
}

SourceMessage unreadable(std::string_view json, simdjson::error_code error) {
  JsonScanner scanner(json);
  if (scanner.skip_value() && scanner.at_end())
    return {"input.meta_unreadable", Json::Object{{"detail", simdjson::error_message(error)}}};
  return describe_json_error(json, scanner.error());
}

}  // namespace chatlens::meta
