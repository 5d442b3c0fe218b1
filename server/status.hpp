#pragma once
// Errors as values for the service's data path (storage, validation): a Status says ok or why not;
// a Result<T> holds a T or the Status that explains its absence.
#include <string>
#include <utility>
#include <variant>

namespace chatlens::server {

class Status {
 public:
  Status() = default;
  static Status ok() { return Status(); }
  // retryable: a transient failure (database unreachable, conflict between writers); the same
  // request may succeed later.
  static Status error(std::string message, bool retryable = false) { return Status(std::move(message), retryable); }

  bool is_ok() const { return !failed_; }
  explicit operator bool() const { return !failed_; }
  const std::string& message() const { return message_; }
  bool retryable() const { return retryable_; }

 private:
  Status(std::string message, bool retryable) : failed_(true), retryable_(retryable), message_(std::move(message)) {}
  bool failed_ = false;
  bool retryable_ = false;
  std::string message_;
};

template <class T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}
  Result(Status status) : v_(std::move(status)) {}

  bool is_ok() const { return std::holds_alternative<T>(v_); }
  explicit operator bool() const { return is_ok(); }
  T& value() { return std::get<T>(v_); }
  const T& value() const { return std::get<T>(v_); }
  T& operator*() { return value(); }
  const T& operator*() const { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  // The failure; an ok Status when there is a value.
  Status status() const { return is_ok() ? Status::ok() : std::get<Status>(v_); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace chatlens::server
