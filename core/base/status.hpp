#pragma once
// Errors as values, one convention for the whole project (core, command, service), after
// LevelDB's Status and simdjson's simdjson_result: bad input and an unreachable database
// are expected outcomes, so they are returned, never thrown; exceptions stay for
// programmer errors. docs/errors.md says when to use which form.
//
// A failure explains itself to two readers:
//  - detail: plain words for logs, the terminal and test failures (the service's log line,
//    "chatlens analyze: --year must be ...");
//  - message (optional): an i18n key with its parameters for a person, the same {key, params}
//    shape as SourceMessage and the report's message objects, because the core never holds
//    sentences and the web app must be able to translate what went wrong.
#include <cassert>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "json/json.hpp"

namespace chatlens {

class Status {
 public:
  Status() = default;  // ok
  static Status ok() { return Status(); }

  // A failure told in plain words (logs, terminal). retryable: a transient failure (a database
  // unreachable, writers in conflict) after which the same request may succeed.
  static Status error(std::string detail, bool retryable = false) {
    Status s;
    s.failed_ = true;
    s.retryable_ = retryable;
    s.detail_ = std::move(detail);
    return s;
  }

  // A failure a person will read: `key` is in both web catalogues. Without a detail, logs
  // show the key and its parameters.
  static Status user_error(std::string key, Json params = Json::object(), std::string detail = {}) {
    if (detail.empty()) detail = key + " " + params.dump();
    Status s = error(std::move(detail));
    s.key_ = std::move(key);
    s.params_ = std::move(params);
    return s;
  }

  bool is_ok() const { return !failed_; }
  explicit operator bool() const { return !failed_; }
  const std::string& detail() const { return detail_; }
  bool retryable() const { return retryable_; }

  // The sentence for a person, when there is one: key is empty otherwise.
  bool has_message() const { return !key_.empty(); }
  const std::string& key() const { return key_; }
  const Json& params() const { return params_; }
  // The report's message object {"key", "params"}; null when there is no key.
  Json message_json() const {
    if (key_.empty()) return Json();
    Json m = Json::object();
    m["key"] = key_;
    m["params"] = params_;
    return m;
  }

  // The same failure, its detail prefixed with where it happened ("links.txt:3: ...").
  Status within(std::string_view where) const {
    if (!failed_) return *this;
    Status s = *this;
    s.detail_ = std::string(where) + ": " + detail_;
    return s;
  }

 private:
  bool failed_ = false;
  bool retryable_ = false;
  std::string detail_;
  std::string key_;
  Json params_ = Json::object();
};

inline std::ostream& operator<<(std::ostream& out, const Status& s) {
  return out << (s.is_ok() ? std::string("ok") : s.detail());
}

// A T, or the Status that explains its absence. Built from a failed Status only: an ok
// Status without a value is a programmer error.
template <class T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}
  Result(Status status) : v_(std::move(status)) { assert(!std::get<Status>(v_).is_ok()); }

  bool is_ok() const { return std::holds_alternative<T>(v_); }
  explicit operator bool() const { return is_ok(); }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  // The failure; an ok Status when there is a value.
  Status status() const { return is_ok() ? Status::ok() : std::get<Status>(v_); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace chatlens
