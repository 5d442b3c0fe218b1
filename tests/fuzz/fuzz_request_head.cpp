// Any bytes through the strict request head check (server/request_head.hpp), which the connection
// stage runs on every byte a client sends before anything else sees it. The first byte chooses
// how the rest is cut into the pieces the network would deliver: the verdict must not depend on
// the cuts, and a complete head must end where the blank line is.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "request_head.hpp"

namespace {

struct Verdict {
  bool malformed, complete;
  size_t head_size;
  std::string problem;
  std::optional<size_t> body;
  bool operator==(const Verdict&) const = default;
};

Verdict check(std::string_view in, size_t piece) {
  chatlens::server::RequestHeadCheck head;
  head.reset();
  for (size_t at = 0; at < in.size() && !head.malformed() && !head.head_complete(); at += piece) {
    const std::string_view part = in.substr(at, piece);
    head.feed(part.data(), part.size());
  }
  Verdict v{head.malformed(), head.head_complete(), head.head_size(), head.problem(), std::nullopt};
  if (v.complete) v.body = head.declared_body_size();
  return v;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const size_t piece = 1 + data[0] % 17;
  const std::string_view in(reinterpret_cast<const char*>(data) + 1, size - 1);
  const Verdict whole = check(in, in.size() + 1);
  if (!(check(in, piece) == whole)) __builtin_trap();
  if (whole.malformed && (whole.complete || whole.problem.empty())) __builtin_trap();
  if (whole.complete) {
    if (whole.head_size > in.size() || whole.head_size < 4) __builtin_trap();
    if (in.substr(whole.head_size - 4, 4) != "\r\n\r\n") __builtin_trap();
    if (in.substr(0, whole.head_size - 2).find("\r\n\r\n") != std::string_view::npos) __builtin_trap();
  }
  return 0;
}
