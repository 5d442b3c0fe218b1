#pragma once
// Conventions every section follows: a "data" object saying what it was computed
// from, and "enough_data": false with a plain "note" instead of noise.
#include <optional>
#include <string>
#include <string_view>

#include "json/json.hpp"
#include "model/local_time.hpp"

namespace chatlens {

inline Json data_basis(uint64_t messages, std::optional<LocalTime> first, std::optional<LocalTime> last) {
  Json d = Json::object();
  d["messages"] = messages;
  d["from"] = first ? Json(format_date(first->day())) : Json();
  d["to"] = last ? Json(format_date(last->day())) : Json();
  return d;
}

// A sentence for a person: an i18n key with its parameters. The words live in
// the catalogues, never in the report.
inline Json message(std::string_view key, Json params = Json::object()) {
  Json m = Json::object();
  m["key"] = key;
  m["params"] = std::move(params);
  return m;
}

inline void mark_insufficient(Json& section, const std::string& note) {
  section["enough_data"] = false;
  section["note"] = note;
}

inline std::string hour_label(int minutes_of_day) {
  minutes_of_day = ((minutes_of_day % 1440) + 1440) % 1440;
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", minutes_of_day / 60, minutes_of_day % 60);
  return buf;
}

inline Json grid_json(const std::vector<uint64_t>& grid7x24) {
  Json rows = Json::array();
  for (int d = 0; d < 7; ++d) {
    Json row = Json::array();
    for (int h = 0; h < 24; ++h) row.push(grid7x24[static_cast<size_t>(d * 24 + h)]);
    rows.push(std::move(row));
  }
  return rows;
}

}  // namespace chatlens
