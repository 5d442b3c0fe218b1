#include "text/ascii_scan.hpp"

#include <gtest/gtest.h>

#include <string>

using namespace chatlens;

namespace {

size_t naive_skip_ascii(const std::string& s, size_t i) {
  while (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) ++i;
  return i;
}

bool is_emoticon_start(char c) { return c == ':' || c == ';' || c == '<' || c == 'x' || c == 'X'; }

size_t naive_emoticon(const std::string& s, size_t k) {
  while (k < s.size() && !is_emoticon_start(s[k])) ++k;
  return k;
}

}  // namespace

// Every start, every length up to three words and a non-ASCII byte at every place (or none):
// the first non-ASCII byte, never one before the start, nothing read past the end.
TEST(AsciiScan, SkipAsciiFindsTheFirstHighByteAtEveryBoundary) {
  for (size_t n = 0; n <= 24; ++n)
    for (size_t high = 0; high <= n; ++high)
      for (unsigned char byte : {0x80, 0xC3, 0xF0, 0xFF}) {
        std::string s(n, 'a');
        if (high < n) s[high] = static_cast<char>(byte);
        // A high byte before the start must be ignored, so place one there too.
        for (size_t i = 0; i <= n; ++i) {
          std::string t = s;
          if (i > 0 && high >= i) t[i - 1] = static_cast<char>(0xE2);
          // A copy of exactly n bytes: ASan flags any read past it.
          const std::string exact = t;
          EXPECT_EQ(ascii::skip_ascii(exact.data(), i, exact.size()), naive_skip_ascii(exact, i))
              << "n=" << n << " high=" << high << " start=" << i;
        }
      }
  EXPECT_EQ(ascii::skip_ascii("", 0, 0), 0u);
}

// Never past an emoticon's first character; on one exactly whenever it stops before the last
// seven bytes (there it leaves the rest to its caller, byte by byte).
TEST(AsciiScan, EmoticonCandidatesAreNeverSkipped) {
  const std::string fillers[] = {"abcdefgh", "\x1a\x1b\x1c 9A\xC3\xA9", "wxyz0123"};
  for (const std::string& filler : fillers)
    for (size_t n = 0; n <= 24; ++n)
      for (size_t at = 0; at <= n; ++at)
        for (char c : {':', ';', '<', 'x', 'X'}) {
          std::string s;
          for (size_t k = 0; k < n; ++k) s += filler[k % filler.size()];
          if (at < n) s[at] = c;
          for (size_t k = 0; k <= n; ++k) {
            const size_t r = ascii::next_emoticon_candidate(s.data(), k, s.size());
            const size_t first = naive_emoticon(s, k);
            ASSERT_GE(r, k);
            ASSERT_LE(r, first) << "skipped a candidate: n=" << n << " at=" << at << " k=" << k;
            if (r < first) {
              EXPECT_TRUE(n - r < 8 || s[r] == '\x1a' || s[r] == '\x1b' || s[r] == '\x1c');
            }
            if (first - k >= 8 && n - k >= 16 && filler.find('\x1a') == std::string::npos) {
              EXPECT_GT(r, k);  // whole words without one are skipped
            }
          }
        }
}
