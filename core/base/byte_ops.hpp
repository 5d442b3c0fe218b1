#pragma once
// Byte searches, comparisons, copies and fills 16 bytes at a time: SSE2 natively,
// WebAssembly SIMD in the browser (-msimd128), plain loops elsewhere. One algorithm
// behind a few lane operations, so the native tests cover what the browser runs.
//
// Why: emscripten 3.1.6's libc compares bytes one at a time (memcmp), copies unaligned
// bytes four at a time and hands copies of 512 bytes and more to JavaScript (memcpy).
// In WebAssembly the C library's memchr, memcmp, memcpy and memset are these functions
// (base/wasm_libc.cpp); natively glibc's own stay.
//
// Loads never reach past the bytes given: short tails are read as an overlapping last
// block, or a byte at a time below one block.
#include <cstddef>
#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>
#define CHATLENS_BYTE_SIMD 1
#elif defined(__wasm_simd128__)
#include <wasm_simd128.h>
#define CHATLENS_BYTE_SIMD 1
#endif

namespace chatlens::bytes {

#if defined(CHATLENS_BYTE_SIMD)
namespace lane {
#if defined(__SSE2__)
using V = __m128i;
inline V load(const unsigned char* p) { return _mm_loadu_si128(reinterpret_cast<const V*>(p)); }
inline void store(unsigned char* p, V v) { _mm_storeu_si128(reinterpret_cast<V*>(p), v); }
inline V splat(unsigned char c) { return _mm_set1_epi8(static_cast<char>(c)); }
// Bit i set when byte i of a and b are equal.
inline unsigned eq_mask(V a, V b) { return static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(a, b))); }
#else
using V = v128_t;
inline V load(const unsigned char* p) { return wasm_v128_load(p); }
inline void store(unsigned char* p, V v) { wasm_v128_store(p, v); }
inline V splat(unsigned char c) { return wasm_i8x16_splat(static_cast<int8_t>(c)); }
inline unsigned eq_mask(V a, V b) { return static_cast<unsigned>(wasm_i8x16_bitmask(wasm_i8x16_eq(a, b))); }
#endif
}  // namespace lane
#endif

// Where the first `c` is in p[0, n), or n.
inline size_t find(const void* data, size_t n, unsigned char c) {
  const auto* p = static_cast<const unsigned char*>(data);
  size_t i = 0;
#if defined(CHATLENS_BYTE_SIMD)
  if (n >= 16) {
    const lane::V needle = lane::splat(c);
    for (; i + 16 <= n; i += 16)
      if (const unsigned m = lane::eq_mask(lane::load(p + i), needle)) return i + static_cast<size_t>(__builtin_ctz(m));
    if (i == n) return n;
    // The tail as the last 16 bytes; the bytes before i are known to differ.
    const unsigned m = lane::eq_mask(lane::load(p + n - 16), needle) >> (16 - (n - i));
    return m ? i + static_cast<size_t>(__builtin_ctz(m)) : n;
  }
#endif
  for (; i < n; ++i)
    if (p[i] == c) return i;
  return n;
}

static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "words are read little-endian: byte 0 lowest");

// The lowest differing byte of two unequal little-endian words, as a memcmp answer.
inline int first_difference(uint64_t x, uint64_t y) {
  const int shift = __builtin_ctzll(x ^ y) & ~7;
  return static_cast<int>((x >> shift) & 0xFF) - static_cast<int>((y >> shift) & 0xFF);
}

// memcmp's answer: <0, 0 or >0 as the first differing byte (unsigned) of a is below or above b's.
inline int compare(const void* a_data, const void* b_data, size_t n) {
  const auto* a = static_cast<const unsigned char*>(a_data);
  const auto* b = static_cast<const unsigned char*>(b_data);
  size_t i = 0;
#if defined(CHATLENS_BYTE_SIMD)
  if (n >= 16) {
    for (;;) {
      const unsigned same = lane::eq_mask(lane::load(a + i), lane::load(b + i));
      if (same != 0xFFFF) {
        const size_t at = i + static_cast<size_t>(__builtin_ctz(~same));
        return static_cast<int>(a[at]) - static_cast<int>(b[at]);
      }
      if (i + 16 == n) return 0;
      i = i + 32 <= n ? i + 16 : n - 16;  // the tail as the last 16 bytes
    }
  }
#endif
  // Below 16 bytes (names, words): two overlapping words; in the second, the bytes it shares
  // with the first are equal, so its lowest differing byte is the first difference.
  if (n >= 8) {
    uint64_t x, y;
    __builtin_memcpy(&x, a, 8), __builtin_memcpy(&y, b, 8);
    if (x == y) __builtin_memcpy(&x, a + n - 8, 8), __builtin_memcpy(&y, b + n - 8, 8);
    return x == y ? 0 : first_difference(x, y);
  }
  if (n >= 4) {
    uint32_t x, y;
    __builtin_memcpy(&x, a, 4), __builtin_memcpy(&y, b, 4);
    if (x == y) __builtin_memcpy(&x, a + n - 4, 4), __builtin_memcpy(&y, b + n - 4, 4);
    return x == y ? 0 : first_difference(x, y);
  }
  for (; i < n; ++i)
    if (a[i] != b[i]) return static_cast<int>(a[i]) - static_cast<int>(b[i]);
  return 0;
}

// memcpy: n bytes from s to d, which do not overlap.
inline void copy(void* d_data, const void* s_data, size_t n) {
  auto* d = static_cast<unsigned char*>(d_data);
  const auto* s = static_cast<const unsigned char*>(s_data);
#if defined(CHATLENS_BYTE_SIMD)
  if (n >= 16) {
    size_t i = 0;
    for (; i + 64 <= n; i += 64) {
      const lane::V v0 = lane::load(s + i), v1 = lane::load(s + i + 16), v2 = lane::load(s + i + 32),
                    v3 = lane::load(s + i + 48);
      lane::store(d + i, v0), lane::store(d + i + 16, v1), lane::store(d + i + 32, v2), lane::store(d + i + 48, v3);
    }
    for (; i + 16 <= n; i += 16) lane::store(d + i, lane::load(s + i));
    if (i < n) lane::store(d + n - 16, lane::load(s + n - 16));  // the tail, overlapping
    return;
  }
#endif
  // Below 16 bytes: two overlapping words of the largest size that fits.
  if (n >= 8) {
    uint64_t x, y;
    __builtin_memcpy(&x, s, 8), __builtin_memcpy(&y, s + n - 8, 8);
    __builtin_memcpy(d, &x, 8), __builtin_memcpy(d + n - 8, &y, 8);
  } else if (n >= 4) {
    uint32_t x, y;
    __builtin_memcpy(&x, s, 4), __builtin_memcpy(&y, s + n - 4, 4);
    __builtin_memcpy(d, &x, 4), __builtin_memcpy(d + n - 4, &y, 4);
  } else if (n) {
    const unsigned char first = s[0], middle = s[n / 2], last = s[n - 1];
    d[0] = first, d[n / 2] = middle, d[n - 1] = last;
  }
}

// memset: n bytes at d set to c.
inline void fill(void* d_data, unsigned char c, size_t n) {
  auto* d = static_cast<unsigned char*>(d_data);
  size_t i = 0;
#if defined(CHATLENS_BYTE_SIMD)
  if (n >= 16) {
    const lane::V v = lane::splat(c);
    for (; i + 16 <= n; i += 16) lane::store(d + i, v);
    if (i < n) lane::store(d + n - 16, v);
    return;
  }
#endif
  for (; i < n; ++i) d[i] = c;
}

}  // namespace chatlens::bytes
