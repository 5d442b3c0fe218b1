#include "base/byte_ops.hpp"

#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

namespace chatlens {
namespace {

// Every length 0..80 at every offset 0..15 of a buffer, so that each of the 16-byte
// blocks, the overlapping tails and the short paths meet their edge cases; bytes above
// 0x7F included (memcmp compares unsigned bytes).
constexpr size_t kMaxLen = 80, kOffsets = 16;

std::vector<unsigned char> pattern(size_t n, unsigned seed) {
  std::vector<unsigned char> v(n);
  for (size_t i = 0; i < n; ++i) v[i] = static_cast<unsigned char>((i * 37 + seed * 11 + 1) % 251 | 1);  // never 0
  return v;
}

TEST(ByteOps, FindsTheFirstByteAtEveryPositionAndNonePastTheEnd) {
  for (size_t off = 0; off < kOffsets; ++off)
    for (size_t n = 0; n <= kMaxLen; ++n) {
      std::vector<unsigned char> buf(off + n + 16, 0);  // zeros after the range: must not be found
      for (size_t i = 0; i < n; ++i) buf[off + i] = static_cast<unsigned char>('a' + i % 20);
      const unsigned char* p = buf.data() + off;
      EXPECT_EQ(bytes::find(p, n, 0), n) << "n=" << n << " off=" << off;
      for (size_t at = 0; at < n; ++at) {
        const unsigned char was = buf[off + at];
        buf[off + at] = 0xE2;                      // a non-ASCII needle
        if (at + 1 < n) buf[off + at + 1] = 0xE2;  // a second one after it: the first wins
        EXPECT_EQ(bytes::find(p, n, 0xE2), at) << "n=" << n << " off=" << off;
        buf[off + at] = was;
        if (at + 1 < n) buf[off + at + 1] = static_cast<unsigned char>('a' + (at + 1) % 20);
      }
    }
}

TEST(ByteOps, ComparesLikeMemcmpOnEveryLengthAndDifference) {
  auto sign = [](int v) { return (v > 0) - (v < 0); };
  for (size_t off = 0; off < kOffsets; ++off)
    for (size_t n = 0; n <= kMaxLen; ++n) {
      const std::vector<unsigned char> a = pattern(n + off, 3);
      std::vector<unsigned char> b(a.begin() + off, a.end());
      b.insert(b.begin(), 7, 0);  // b at another alignment than a
      const unsigned char* pa = a.data() + off;
      unsigned char* pb = b.data() + 7;
      EXPECT_EQ(bytes::compare(pa, pb, n), 0) << "n=" << n;
      for (size_t at = 0; at < n; ++at)
        for (unsigned char to : {static_cast<unsigned char>(0), static_cast<unsigned char>(0xFF),
                                 static_cast<unsigned char>(pa[at] ^ 0x80)}) {
          const unsigned char was = pb[at];
          pb[at] = to;
          // A later difference the other way must not count.
          if (at + 1 < n) pb[at + 1] = static_cast<unsigned char>(~pb[at + 1]);
          EXPECT_EQ(sign(bytes::compare(pa, pb, n)), sign(std::memcmp(pa, pb, n))) << "n=" << n << " at=" << at;
          EXPECT_EQ(bytes::compare(pa, pb, n) == 0, pa[at] == to);
          if (at + 1 < n) pb[at + 1] = static_cast<unsigned char>(~pb[at + 1]);
          pb[at] = was;
        }
    }
}

TEST(ByteOps, CopiesAndFillsExactlyTheBytesAsked) {
  for (size_t off = 0; off < kOffsets; ++off)
    for (size_t n = 0; n <= kMaxLen; ++n) {
      const std::vector<unsigned char> src = pattern(n + 3, static_cast<unsigned>(n));
      std::vector<unsigned char> dst(off + n + 16, 0x5A);
      bytes::copy(dst.data() + off, src.data() + 3, n);
      for (size_t i = 0; i < dst.size(); ++i)
        ASSERT_EQ(dst[i], i >= off && i < off + n ? src[3 + i - off] : 0x5A) << "n=" << n << " off=" << off;
      bytes::fill(dst.data() + off, 0xC3, n);
      for (size_t i = 0; i < dst.size(); ++i)
        ASSERT_EQ(dst[i], i >= off && i < off + n ? 0xC3 : 0x5A) << "n=" << n << " off=" << off;
    }
}

// Long runs: the 64-byte copy loop and many blocks.
TEST(ByteOps, LongBuffers) {
  const std::vector<unsigned char> src = pattern(100000, 9);
  std::vector<unsigned char> dst(src.size() + 1, 0);
  bytes::copy(dst.data() + 1, src.data(), src.size());
  EXPECT_EQ(std::memcmp(dst.data() + 1, src.data(), src.size()), 0);
  EXPECT_EQ(dst[0], 0);
  EXPECT_EQ(bytes::compare(dst.data() + 1, src.data(), src.size()), 0);
  dst[1 + 99990] ^= 1;
  EXPECT_NE(bytes::compare(dst.data() + 1, src.data(), src.size()), 0);
  EXPECT_EQ(bytes::find(src.data(), src.size(), 0), src.size());
  std::vector<unsigned char> with(src);
  with[77777] = 0;
  EXPECT_EQ(bytes::find(with.data(), with.size(), 0), 77777u);
}

}  // namespace
}  // namespace chatlens
