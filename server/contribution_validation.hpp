#pragma once
// Strict validation of POST /api/v1/contributions: the body must be a community_summary exactly as
// docs/community-summary.md and community_summary.schema.json define it (version 1), no more, no
// less; and the request's headers must say so. Every failure is a 4xx with a machine-readable code
// and a message a person can act on. Nothing here touches storage.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "contribution.hpp"

namespace chatlens::server {

inline constexpr size_t kMaxContributionBytes = 4096;
inline constexpr size_t kMinIdempotencyKeyLength = 16;
inline constexpr size_t kMaxIdempotencyKeyLength = 128;

struct ValidationError {
  int http_status = 400;
  std::string code;     // stable, machine-readable: "unknown_field", "not_a_bucket", ...
  std::string message;  // for people: what is wrong and what is allowed
};

// The body (at most kMaxContributionBytes) as a contribution, or why it is not one.
std::variant<Contribution, ValidationError> validate_contribution(std::string_view body);

// Content-Type must be application/json, optionally with charset=utf-8 (415 otherwise).
std::optional<ValidationError> check_content_type(std::string_view content_type);

// An Idempotency-Key: 16 to 128 characters of A-Z a-z 0-9 - _ . : (a UUID fits).
std::optional<ValidationError> check_idempotency_key(std::string_view key);

}  // namespace chatlens::server
