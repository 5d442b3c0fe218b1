#pragma once
// Long loops split into calls, so that WebAssembly runs them optimised.
// V8 first runs a WebAssembly function as baseline code (Liftoff) and swaps in the
// optimised code (TurboFan) at a later call once the function has done enough work:
// there is no on-stack replacement. A loop over millions of messages in a function
// entered once per report therefore runs baseline code to its end (about 17 % of the
// report's samples in session 8). Run as one call per chunk, the same work runs
// optimised after the first chunks. Natively this is the plain loop.
#include <algorithm>
#include <cstdint>

namespace chatlens {

inline constexpr uint64_t kChunkSize = uint64_t{1} << 16;

namespace chunks_detail {
// Never inlined (LLVM's attribute), and called from two places in for_each_chunk: Binaryen
// inlines any function with a single call site into its caller whatever its size, which would
// put the loop back into the function entered once.
template <class Body>
[[gnu::noinline]] void run_chunk(Body& body, uint64_t begin, uint64_t end) {
  body(begin, end);
}
}  // namespace chunks_detail

// Calls body(b, e) for consecutive ranges [b, e) of at most `chunk` covering [begin, end), in
// order; never for an empty range.
template <class Body>
void for_each_chunk(uint64_t begin, uint64_t end, Body&& body, uint64_t chunk = kChunkSize) {
  if (begin >= end) return;
  uint64_t e = begin + std::min(chunk, end - begin);
  chunks_detail::run_chunk(body, begin, e);
  for (uint64_t b = e; b < end; b = e) {
    e = b + std::min(chunk, end - b);
    chunks_detail::run_chunk(body, b, e);
  }
}

}  // namespace chatlens
