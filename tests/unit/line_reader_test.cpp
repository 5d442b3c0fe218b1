#include "import/line_reader.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace chatlens {
namespace {

struct Line {
  size_t begin, end;
  uint64_t number;
  bool operator==(const Line&) const = default;
};

std::vector<Line> read_all(std::string_view text, size_t start = 0) {
  LineReader r(text, start);
  std::vector<Line> out;
  size_t b = 0, e = 0;
  while (r.next(b, e)) out.push_back({b, e, r.number});
  return out;
}

std::vector<Line> naive(std::string_view text, size_t start = 0) {
  std::vector<Line> out;
  uint64_t n = 0;
  for (size_t pos = start; pos < text.size();) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    size_t end = nl;
    if (end > pos && text[end - 1] == '\r') --end;
    out.push_back({pos, end, ++n});
    pos = nl == text.size() ? nl : nl + 1;
  }
  return out;
}

TEST(LineReader, SplitsOnNewlinesAndStripsOneCarriageReturn) {
  const std::vector<Line> lines = read_all("a\r\n\nbc\r\r\nlast");
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0], (Line{0, 1, 1}));
  EXPECT_EQ(lines[1], (Line{3, 3, 2}));   // empty line
  EXPECT_EQ(lines[2], (Line{4, 7, 3}));   // "bc\r": only one \r is stripped
  EXPECT_EQ(lines[3], (Line{9, 13, 4}));  // no newline at the end
  EXPECT_TRUE(read_all("").empty());
  EXPECT_EQ(read_all("\n").size(), 1u);
}

TEST(LineReader, AgreesWithNaiveSplittingAcrossBlockBoundaries) {
  std::mt19937 rng(3);
  for (int round = 0; round < 300; ++round) {
    std::string text(rng() % 400, 'x');
    const unsigned density = 1 + rng() % 80;  // from newline-dense to lines much longer than 64 bytes
    for (char& ch : text) {
      const unsigned r = rng() % density;
      ch = r == 0 ? '\n' : r == 1 ? '\r' : static_cast<char>('a' + rng() % 26);
    }
    const size_t start = text.empty() ? 0 : rng() % (text.size() + 1);
    EXPECT_EQ(read_all(text, start), naive(text, start)) << "round " << round;
  }
}

}  // namespace
}  // namespace chatlens
