#pragma once
// Byte scans over message texts, eight bytes at a time (one 64-bit word: as fast in
// WebAssembly as natively). Most bytes of most chat texts are ASCII, and texts are short:
// a scan that stops on the word holding the byte it looks for and then walks byte by byte
// spends most of its time in that walk, so these find the byte within the word at once.
// Loads never reach past the bytes given.
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace chatlens::ascii {

inline constexpr uint64_t kOnes = 0x0101010101010101ull;
inline constexpr uint64_t kHigh = 0x8080808080808080ull;

inline uint64_t load_word(const char* p) {
  uint64_t w;
  std::memcpy(&w, p, 8);
  return w;
}

// Index (0..7) of the lowest byte whose bit 7 is set in m (m != 0; words are little-endian).
inline size_t lowest_byte(uint64_t m) { return static_cast<size_t>(__builtin_ctzll(m)) >> 3; }

// Index of the first byte >= 0x80 in p[i, n), or n.
inline size_t skip_ascii(const char* p, size_t i, size_t n) {
  for (; i + 8 <= n; i += 8)
    if (const uint64_t m = load_word(p + i) & kHigh) return i + lowest_byte(m);
  if (i >= n) return n;
  if (n >= 8) {
    // The tail as the last eight bytes, without the ones before i (they may be anything).
    const uint64_t m = (load_word(p + n - 8) & kHigh) >> (8 * (i - (n - 8)));
    return m ? i + lowest_byte(m) : n;
  }
  while (i < n && static_cast<unsigned char>(p[i]) < 0x80) ++i;
  return i;
}

// Bit 7 set in each byte of x that is zero, exactly for the lowest one (bytes above a zero byte
// may be flagged too, never bytes below it).
inline uint64_t zero_bytes(uint64_t x) { return (x - kOnes) & ~x & kHigh; }

// Where in p[k, n) an emoticon may start (one of : ; < x X, and a few control bytes that look
// alike to the test), eight bytes at a time: the first such byte, or n. Fewer than eight bytes
// left: k, for the caller to check byte by byte. The caller checks the byte it lands on.
inline size_t next_emoticon_candidate(const char* p, size_t k, size_t n) {
  for (; k + 8 <= n; k += 8) {
    const uint64_t v = load_word(p + k) | (kOnes * 0x20);  // 'X' -> 'x'; ':' ';' '<' have the bit already
    const uint64_t m = zero_bytes(v ^ (kOnes * ':')) | zero_bytes(v ^ (kOnes * ';')) | zero_bytes(v ^ (kOnes * '<')) |
                       zero_bytes(v ^ (kOnes * 'x'));
    if (m) return k + lowest_byte(m);
  }
  return k;
}

}  // namespace chatlens::ascii
