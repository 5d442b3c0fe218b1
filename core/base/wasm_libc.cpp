// In WebAssembly, the C library's byte functions are base/byte_ops.hpp's (see there why):
// strong definitions here take the place of emscripten's weak ones, for the core and for
// the prebuilt libc++ (std::string copies through memcpy). Natively this file is empty.
//
// Built with -fno-builtin (core/CMakeLists.txt): the compiler must not turn the loops
// below back into calls of the very functions they define.
#if defined(__EMSCRIPTEN__)
#include <cstddef>

#include "base/byte_ops.hpp"

extern "C" {

void* memcpy(void* __restrict d, const void* __restrict s, size_t n) {
  chatlens::bytes::copy(d, s, n);
  return d;
}

void* memset(void* d, int c, size_t n) {
  chatlens::bytes::fill(d, static_cast<unsigned char>(c), n);
  return d;
}

int memcmp(const void* a, const void* b, size_t n) { return chatlens::bytes::compare(a, b, n); }

void* memchr(const void* p, int c, size_t n) {
  const size_t at = chatlens::bytes::find(p, n, static_cast<unsigned char>(c));
  return at == n ? nullptr : const_cast<unsigned char*>(static_cast<const unsigned char*>(p) + at);
}

}  // extern "C"
#endif
