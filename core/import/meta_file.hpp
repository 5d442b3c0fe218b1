#pragma once
// The file walk Messenger and Instagram readers share (meta_json.cpp: a thread's part,
// meta_profile.cpp: the profile information): a "Download your information" JSON file is
// small, one object, and read whole with simdjson On-Demand; a file that cannot be read
// becomes the input's error, told where.
#include <simdjson.h>

#include <string_view>
#include <utility>

#include "import/importer.hpp"

namespace chatlens::meta {

// The file after its byte order marks (some tools write one per pass).
std::string_view without_boms(std::string_view bytes);

// A Meta file opens with an object: what both importers' sniffers check first.
bool opens_object(std::string_view head);

// Why `json` could not be read after simdjson said `error`: the first syntax error, with its
// line and column (the scanner finds it; simdjson does not say where), or when the JSON is
// well formed, what simdjson met (a wrong type where an object was expected, ...).
SourceMessage unreadable(std::string_view json, simdjson::error_code error);

// Calls `visit` (error_code(simdjson::ondemand::field&)) on each field of `object` in order;
// the first error ends the walk and is returned.
template <class Visit>
simdjson::error_code for_each_field(simdjson::ondemand::object& object, Visit&& visit) {
  for (auto f : object) {
    simdjson::ondemand::field field;
    if (auto e = std::move(f).get(field)) return e;
    if (auto e = visit(field)) return e;
  }
  return simdjson::SUCCESS;
}

// Parses `json` (the file without its BOMs) with `parser` and hands the document to
// `read_root` (error_code(simdjson::ondemand::document&)). False, with ctx.report failed,
// when either fails.
template <class ReadRoot>
bool read_document(ImportContext& ctx, simdjson::ondemand::parser& parser, simdjson::padded_string_view json,
                   ReadRoot&& read_root) {
  simdjson::ondemand::document doc;
  simdjson::error_code e = parser.iterate(json).get(doc);
  if (!e) e = read_root(doc);
  if (!e) return true;
  ctx.report.fail(unreadable(std::string_view(json.data(), json.length()), e));
  return false;
}

}  // namespace chatlens::meta
