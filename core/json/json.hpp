#pragma once
// A small JSON value for building report sections (objects keep insertion order,
// so reports are stable and diffable), plus a fast string escaper for streaming.
#include <cstdint>
#include <initializer_list>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace chatlens {

class Json {
 public:
  using Array = std::vector<Json>;
  using Object = std::vector<std::pair<std::string, Json>>;

  Json() : v_(nullptr) {}
  Json(std::nullptr_t) : v_(nullptr) {}
  Json(bool b) : v_(b) {}
  Json(int i) : v_(static_cast<int64_t>(i)) {}
  Json(unsigned i) : v_(static_cast<int64_t>(i)) {}
  Json(long i) : v_(static_cast<int64_t>(i)) {}
  Json(unsigned long i) : v_(static_cast<int64_t>(i)) {}
  Json(long long i) : v_(static_cast<int64_t>(i)) {}
  Json(unsigned long long i) : v_(static_cast<int64_t>(i)) {}
  Json(double d) : v_(d) {}
  Json(const char* s) : v_(std::string(s)) {}
  Json(std::string s) : v_(std::move(s)) {}
  Json(std::string_view s) : v_(std::string(s)) {}
  Json(Array a) : v_(std::move(a)) {}
  Json(Object o) : v_(std::move(o)) {}

  static Json object() { return Json(Object{}); }
  static Json array() { return Json(Array{}); }

  // Object access: inserts the key (at the end) when missing.
  Json& operator[](std::string_view key);
  const Json* find(std::string_view key) const;
  // Array append.
  Json& push(Json v);

  bool is_null() const { return std::holds_alternative<std::nullptr_t>(v_); }
  bool is_object() const { return std::holds_alternative<Object>(v_); }
  bool is_array() const { return std::holds_alternative<Array>(v_); }
  bool is_bool() const { return std::holds_alternative<bool>(v_); }
  bool is_string() const { return std::holds_alternative<std::string>(v_); }
  bool is_number() const { return std::holds_alternative<int64_t>(v_) || std::holds_alternative<double>(v_); }
  const Array& as_array() const { return std::get<Array>(v_); }
  Array& as_array() { return std::get<Array>(v_); }
  const Object& as_object() const { return std::get<Object>(v_); }
  const std::string& as_string() const { return std::get<std::string>(v_); }
  double as_double() const;
  int64_t as_int() const;
  bool as_bool() const { return std::get<bool>(v_); }
  size_t size() const;

  // indent < 0: compact; otherwise pretty with that many spaces.
  std::string dump(int indent = -1) const;
  void dump_to(std::string& out, int indent = -1, int depth = 0) const;

 private:
  std::variant<std::nullptr_t, bool, int64_t, double, std::string, Array, Object> v_;
};

// Appends s as a quoted JSON string. Invalid UTF-8 becomes U+FFFD so output is always valid JSON.
void append_json_string(std::string& out, std::string_view s);
// Shortest round-trip-ish formatting for doubles (finite; NaN/inf become null).
void append_json_number(std::string& out, double d);

}  // namespace chatlens
