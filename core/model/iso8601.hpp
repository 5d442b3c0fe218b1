#pragma once
// ISO 8601 date-times as exporters and other tools write them: "2023-08-23T13:11:23",
// "2017-01-01T06:20:09.248Z", "2019-01-04T17:52:39.762+00:00", "20170101T062009Z",
// "2017-001T06:20" (ordinal), "2017-W01-7T06:20" (week date), "2023-06-30 24:00".
#include <cstdint>
#include <optional>
#include <string_view>

#include "model/local_time.hpp"

namespace chatlens {

struct IsoDateTime {
  LocalTime local;       // the wall clock as written (fractions of a second dropped)
  int64_t utc = kNoUtc;  // the instant, when a zone is written ("Z", "+02:00", "-0530", "+01")
};

// Every ISO 8601 form that names a moment: a calendar, ordinal or week date, then 'T'
// (or 't', or a space as RFC 3339 allows), a time of hours with optional minutes and
// seconds in the extended or basic format, a decimal fraction (',' or '.') of its last
// part, and an optional zone. Nothing for anything else, a date alone included (the only
// failure is "not such a date-time": docs/errors.md).
std::optional<IsoDateTime> parse_iso8601(std::string_view s);

// A calendar date alone, "2024-06-15" (how callers hand over "today"); nothing otherwise.
std::optional<CivilDate> parse_iso_date(std::string_view s);

}  // namespace chatlens
