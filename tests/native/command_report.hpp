#pragma once
// What the end-to-end tests of the chatlens command share: running it, reading the report
// it prints, and finding things in that report.
#include <gtest/gtest.h>
#include <simdjson.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <initializer_list>
#include <iterator>
#include <stdexcept>
#include <string>
#include <string_view>

#include "json/json.hpp"

namespace chatlens::testing {

struct CliRun {
  int status = -1;  // the exit status; -1 when the command did not exit (a signal)
  std::string out, err;
};

// Runs `command` in the shell, its stderr into `err_file` (read back into err).
inline CliRun run_command(const std::string& command, const std::filesystem::path& err_file) {
  CliRun r;
  FILE* pipe = popen((command + " 2>'" + err_file.string() + "'").c_str(), "r");
  if (!pipe) return r;
  char buf[1 << 14];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) r.out.append(buf, n);
  const int status = pclose(pipe);
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream e(err_file);
  r.err.assign(std::istreambuf_iterator<char>(e), std::istreambuf_iterator<char>());
  return r;
}

inline Json from_dom(simdjson::dom::element e) {
  switch (e.type()) {
    case simdjson::dom::element_type::OBJECT: {
      Json o = Json::object();
      const simdjson::dom::object object = e.get_object().value_unsafe();
      for (auto field : object) o[field.key] = from_dom(field.value);
      return o;
    }
    case simdjson::dom::element_type::ARRAY: {
      Json a = Json::array();
      const simdjson::dom::array array = e.get_array().value_unsafe();
      for (auto item : array) a.push(from_dom(item));
      return a;
    }
    case simdjson::dom::element_type::STRING: return Json(std::string_view(e.get_string().value_unsafe()));
    case simdjson::dom::element_type::INT64: return Json(e.get_int64().value_unsafe());
    case simdjson::dom::element_type::UINT64: return Json(e.get_uint64().value_unsafe());
    case simdjson::dom::element_type::DOUBLE: return Json(e.get_double().value_unsafe());
    case simdjson::dom::element_type::BOOL: return Json(e.get_bool().value_unsafe());
    case simdjson::dom::element_type::NULL_VALUE: return Json();
  }
  return Json();
}

// The report a command printed; a test failure and an empty object when it is not JSON.
inline Json parse_report(const std::string& text) {
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  if (parser.parse(text).get(doc)) {
    ADD_FAILURE() << "not JSON: " << text.substr(0, 200);
    return Json::object();
  }
  return from_dom(doc);
}

// The value at `path`; a missing key ends the test with its name (thrown: gtest reports it).
inline const Json& at(const Json& j, std::initializer_list<std::string_view> path) {
  const Json* p = &j;
  for (std::string_view key : path) {
    p = p->find(key);
    if (!p) throw std::runtime_error("no " + std::string(key));
  }
  return *p;
}

// The item of `list` whose string `key` is `value`; null when none is.
inline const Json* entry(const Json& list, std::string_view key, std::string_view value) {
  for (const Json& item : list.as_array())
    if (const Json* v = item.find(key); v && v->is_string() && v->as_string() == value) return &item;
  return nullptr;
}

// Every object with a string "name" below `j`, with the path of the list it is in.
inline void each_named(const Json& j, const std::string& path,
                       const std::function<void(const std::string& path, const std::string& name)>& fn) {
  if (j.is_object()) {
    if (const Json* name = j.find("name"); name && name->is_string()) fn(path, name->as_string());
    for (const auto& [key, value] : j.as_object()) each_named(value, path + "." + key, fn);
  } else if (j.is_array()) {
    for (const Json& item : j.as_array()) each_named(item, path, fn);
  }
}

}  // namespace chatlens::testing
