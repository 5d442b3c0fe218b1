// Any bytes through POST /api/v1/contributions' validation (server/contribution_validation.hpp):
// the first line is the Content-Type header, the second the Idempotency-Key, the rest the body.
// Whatever is accepted must survive a round trip: its canonical JSON validates to the same value.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <variant>

#include "contribution_validation.hpp"
#include "summary_emoji.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace chatlens::server;
  std::string_view in(reinterpret_cast<const char*>(data), size);
  auto line = [&in]() {
    const size_t nl = in.find('\n');
    std::string_view out = in.substr(0, nl);
    in = nl == std::string_view::npos ? std::string_view() : in.substr(nl + 1);
    return out;
  };
  (void)check_content_type(line());
  (void)check_idempotency_key(line());
  (void)canonical_emoji_hexcode(in.substr(0, 64));
  auto result = validate_contribution(in);
  if (auto* c = std::get_if<Contribution>(&result)) {
    auto again = validate_contribution(to_summary_json(*c));
    if (!std::holds_alternative<Contribution>(again) || std::get<Contribution>(again) != *c) __builtin_trap();
    if (in.size() > kMaxContributionBytes) __builtin_trap();
  } else {
    const ValidationError& e = std::get<ValidationError>(result);
    if (e.http_status < 400 || e.http_status > 499 || e.code.empty() || e.message.empty()) __builtin_trap();
  }
  return 0;
}
