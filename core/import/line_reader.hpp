#pragma once
// Lines of a text split on \n, one trailing \r stripped; `number` is 1-based after next().
// Chat lines are short (about 50 bytes), so a memchr call per line costs more in call
// and setup than in scanning: with SSE2 (natively) or WebAssembly SIMD (-msimd128, the
// browser) the newlines of each 64-byte block are found at once as a bit mask and handed
// out one by one.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#define CHATLENS_LINE_SIMD 1
#elif defined(__wasm_simd128__)
#include <wasm_simd128.h>
#define CHATLENS_LINE_SIMD 1
#endif

namespace chatlens {

struct LineReader {
  explicit LineReader(std::string_view text, size_t start = 0) : bytes(text), pos(start) {}

  std::string_view bytes;
  size_t pos = 0;  // where the next line starts
  uint64_t number = 0;

  bool next(size_t& begin, size_t& end) {
    if (pos >= bytes.size()) return false;
    begin = pos;
    end = newline_from(pos);
    pos = end < bytes.size() ? end + 1 : bytes.size();
    if (end > begin && bytes[end - 1] == '\r') --end;
    ++number;
    return true;
  }

 private:
#if defined(CHATLENS_LINE_SIMD)
  size_t block_ = SIZE_MAX;  // start of the block whose newlines are in mask_
  uint64_t mask_ = 0;

  size_t newline_from(size_t from) {
    const size_t block = from & ~size_t{63};
    if (block != block_) block_ = block, mask_ = newlines(block);
    uint64_t m = mask_ & (~uint64_t{0} << (from & 63));
    while (m == 0) {
      block_ += 64;
      if (block_ >= bytes.size()) return bytes.size();
      m = mask_ = newlines(block_);
    }
    return block_ + static_cast<size_t>(__builtin_ctzll(m));
  }

  uint64_t newlines(size_t block) const {
    const char* p = bytes.data() + block;
    if (bytes.size() - block < 64) {
      uint64_t m = 0;
      for (size_t i = 0; i < bytes.size() - block; ++i) m |= uint64_t{p[i] == '\n'} << i;
      return m;
    }
    uint64_t m = 0;
#if defined(__SSE2__)
    const __m128i nl = _mm_set1_epi8('\n');
    for (int k = 0; k < 4; ++k) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * k));
      m |= static_cast<uint64_t>(static_cast<uint16_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, nl)))) << (16 * k);
    }
#else
    const v128_t nl = wasm_i8x16_splat('\n');
    for (int k = 0; k < 4; ++k) {
      const v128_t v = wasm_v128_load(p + 16 * k);
      m |= static_cast<uint64_t>(static_cast<uint16_t>(wasm_i8x16_bitmask(wasm_i8x16_eq(v, nl)))) << (16 * k);
    }
#endif
    return m;
  }
#else
  size_t newline_from(size_t from) const {
    const void* nl = std::memchr(bytes.data() + from, '\n', bytes.size() - from);
    return nl ? static_cast<size_t>(static_cast<const char*>(nl) - bytes.data()) : bytes.size();
  }
#endif
};

}  // namespace chatlens
