#include "base/chunks.hpp"

#include <gtest/gtest.h>

#include <utility>
#include <vector>

namespace chatlens {
namespace {

std::vector<std::pair<uint64_t, uint64_t>> chunks_of(uint64_t begin, uint64_t end, uint64_t chunk) {
  std::vector<std::pair<uint64_t, uint64_t>> out;
  for_each_chunk(
      begin, end, [&](uint64_t b, uint64_t e) { out.emplace_back(b, e); }, chunk);
  return out;
}

// Consecutive, non-empty, at most `chunk` long, covering [begin, end) exactly, in order: a loop
// split this way sees every index once, as the plain loop would.
TEST(Chunks, CoverTheRangeInOrderAtEverySizeAroundTheChunk) {
  for (uint64_t chunk : {uint64_t{1}, uint64_t{4}, kChunkSize})
    for (uint64_t begin : {uint64_t{0}, uint64_t{7}})
      for (uint64_t n : {uint64_t{0}, uint64_t{1}, chunk - 1, chunk, chunk + 1, 3 * chunk + 2}) {
        const auto got = chunks_of(begin, begin + n, chunk);
        uint64_t at = begin;
        for (const auto& [b, e] : got) {
          EXPECT_EQ(b, at) << "chunk " << chunk << ", n " << n;
          EXPECT_LT(b, e);
          EXPECT_LE(e - b, chunk);
          at = e;
        }
        EXPECT_EQ(at, begin + n) << "chunk " << chunk << ", n " << n;
        EXPECT_EQ(got.size(), (n + chunk - 1) / chunk) << "chunk " << chunk << ", n " << n;
      }
}

TEST(Chunks, AnEmptyOrReversedRangeCallsNothing) {
  EXPECT_TRUE(chunks_of(5, 5, 4).empty());
  EXPECT_TRUE(chunks_of(9, 5, 4).empty());
}

}  // namespace
}  // namespace chatlens
