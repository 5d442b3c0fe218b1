#include "words.hpp"

#include <cmath>
#include <cstdio>

namespace chatlens::cli {

// Generated from web/src/i18n/en.json (cli/CMakeLists.txt): {key, text} rows.
struct CatalogueRow {
  const char* key;
  const char* text;
};
extern const CatalogueRow kCatalogueEn[];
extern const size_t kCatalogueEnSize;

const Words& Words::english() {
  static const Words words = [] {
    Words w;
    for (size_t i = 0; i < kCatalogueEnSize; ++i) w.entries_.emplace(kCatalogueEn[i].key, kCatalogueEn[i].text);
    return w;
  }();
  return words;
}

std::string Words::format_value(const Json& value) const {
  if (value.is_null()) return "—";
  if (value.is_bool()) return text(value.as_bool() ? "common.yes" : "common.no");
  if (value.is_string()) return value.as_string();
  if (value.is_number()) {
    const double d = value.as_double();
    char buf[32];
    if (d == std::floor(d) && std::fabs(d) < 1e15)
      std::snprintf(buf, sizeof buf, "%.0f", d);
    else
      std::snprintf(buf, sizeof buf, "%.1f", d);
    return buf;
  }
  if (value.is_object()) return value.find("key") ? render(value) : value.dump();
  // A list in English: "a", "a and b", "a, b and c".
  std::string out;
  const auto& items = value.as_array();
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? " and " : ", ";
    out += format_value(items[i]);
  }
  return out;
}

std::string Words::text(std::string_view key, const Json& params) const {
  std::string k(key);
  // The plural follows "count", or else the threshold "min" ("Fewer than {min} ..."), as in the web app.
  const Json* count = params.is_object() ? params.find("count") : nullptr;
  if (!count || !count->is_number()) count = params.is_object() ? params.find("min") : nullptr;
  if (count && count->is_number()) {
    // English plural rules (Intl.PluralRules("en")): one for exactly 1, other otherwise.
    const std::string plural = k + (count->as_double() == 1 ? ".one" : ".other");
    if (entries_.count(plural)) k = plural;
  }
  auto it = entries_.find(k);
  if (it == entries_.end()) return std::string(key);
  const std::string_view t = it->second;
  std::string out;
  for (size_t i = 0; i < t.size(); ++i) {
    const size_t close = t[i] == '{' ? t.find('}', i) : std::string_view::npos;
    const Json* value = nullptr;
    if (close != std::string_view::npos && params.is_object()) value = params.find(t.substr(i + 1, close - i - 1));
    if (value) {
      const std::string v = format_value(*value);
      out += v;
      i = close;
      // A value ending with its own full stop ("Ana G.") where the sentence puts one: one dot.
      if (!v.empty() && v.back() == '.' && i + 1 < t.size() && t[i + 1] == '.') ++i;
    } else {
      out += t[i];
    }
  }
  return out;
}

std::string Words::render(const Json& message) const {
  const Json* key = message.is_object() ? message.find("key") : nullptr;
  if (!key || !key->is_string()) return message.dump();
  const Json* params = message.find("params");
  return text(key->as_string(), params ? *params : Json::object());
}

}  // namespace chatlens::cli
