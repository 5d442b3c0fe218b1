#pragma once
// The words of the terminal: the web app's English catalogue (web/src/i18n/en.json),
// embedded at build time by cli/CMakeLists.txt, so the command and the web app
// say the same things from one source. The report itself carries only keys.
#include <string>
#include <string_view>
#include <unordered_map>

#include "import/source_report.hpp"
#include "json/json.hpp"

namespace chatlens::cli {

class Words {
 public:
  // The embedded English catalogue.
  static const Words& english();

  // The sentence of `key` with its {placeholders} filled from `params` (an object).
  // A numeric "count" (or else "min") picks "key.one"/"key.other" where the catalogue has
  // them; a value ending with "." takes the place of a "." right after it.
  // An unknown key renders as the key itself, like the web app.
  std::string text(std::string_view key, const Json& params = Json::object()) const;
  // A message object {key, params} of the report.
  std::string render(const Json& message) const;
  std::string render(const SourceMessage& message) const { return text(message.key, message.params); }

  bool has(std::string_view key) const { return entries_.count(std::string(key)) > 0; }
  // One parameter value as the sentence shows it: numbers, lists ("a, b and c"),
  // nested messages rendered, null as "—".
  std::string format_value(const Json& value) const;

 private:
  std::unordered_map<std::string, std::string_view> entries_;
};

}  // namespace chatlens::cli
