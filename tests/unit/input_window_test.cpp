// InputWindow: the same bytes whatever the piece boundaries, bounded buffers, errors kept.
#include "import/input_window.hpp"

#include <gtest/gtest.h>

#include <string>

#include "chunked_input.hpp"

namespace chatlens {
namespace {

using testing::ChunkedInput;

std::string sample(size_t n) {
  std::string s;
  for (size_t i = 0; i < n; ++i) s.push_back(static_cast<char>('a' + (i * 7 + i / 13) % 26));
  return s;
}

// An input whose reads fail from a given offset on.
class FailingInput final : public InputBytes {
 public:
  FailingInput(std::string bytes, size_t fail_at) : bytes_(std::move(bytes)), fail_at_(fail_at) {}
  uint64_t size() const override { return bytes_.size(); }
  InputRead read(uint64_t offset, char* dst, size_t n) override {
    if (offset >= fail_at_) return {0, SourceMessage{"input.cannot_read", Json::Object{{"detail", "gone"}}}};
    n = std::min<size_t>(n, fail_at_ - offset);
    std::memcpy(dst, bytes_.data() + offset, n);
    return {n, std::nullopt};
  }

 private:
  std::string bytes_;
  size_t fail_at_;
};

TEST(InputWindow, WholeInputIsHandedOutInPlace) {
  OwnedInput input("hello, world");
  InputWindow window(input, 1);
  EXPECT_TRUE(window.is_whole());
  const std::string_view v = window.at(7);
  EXPECT_EQ(v, "world");
  EXPECT_EQ(v.data(), input.bytes().data() + 7);  // no copy
  EXPECT_EQ(window.peak_buffer(), 0u);
  EXPECT_TRUE(window.at(12).empty());
}

TEST(InputWindow, SameBytesForEveryPieceAndChunkSize) {
  const std::string bytes = sample(10007);
  for (size_t piece : {1, 7, 64, 4096, 20000}) {
    for (size_t chunk : {1, 7, 4096}) {
      ChunkedInput input(bytes, piece);
      InputWindow window(input, chunk);
      ASSERT_FALSE(window.is_whole());
      std::string seen;
      uint64_t pos = 0;
      // Records of varying length, each asked for from its start as a streaming importer does.
      for (size_t len = 1; pos < bytes.size(); len = len % 97 + 13) {
        const std::string_view v = window.at(pos, len);
        ASSERT_GE(v.size(), std::min<size_t>(len, bytes.size() - pos)) << piece << "/" << chunk;
        ASSERT_EQ(v.substr(0, len), std::string_view(bytes).substr(pos, len)) << piece << "/" << chunk << " @" << pos;
        seen.append(v.substr(0, len));
        pos += v.substr(0, len).size();
      }
      EXPECT_EQ(seen, bytes);
      EXPECT_FALSE(window.error());
      EXPECT_EQ(input.rewinds(), 0u);  // forward reading never re-reads
    }
  }
}

TEST(InputWindow, BufferStaysBoundedOnALongInput) {
  const std::string bytes = sample(1 << 20);
  ChunkedInput input(bytes, 4096);
  InputWindow window(input, 4096);
  for (uint64_t pos = 0; pos < bytes.size(); pos += 100)
    ASSERT_EQ(window.at(pos, 100).substr(0, 100), bytes.substr(pos, 100));
  EXPECT_LE(window.peak_buffer(), 3u * 4096);
}

TEST(InputWindow, AnEarlierOffsetIsReadAgain) {
  const std::string bytes = sample(5000);
  ChunkedInput input(bytes, 512);
  InputWindow window(input, 512);
  EXPECT_EQ(window.span(4000, 100), bytes.substr(4000, 100));
  window.release_before(4000);
  EXPECT_EQ(window.span(10, 20), bytes.substr(10, 20));  // a second pass
  EXPECT_GE(input.rewinds(), 1u);
}

TEST(InputWindow, SpanLongerThanTheRestIsShort) {
  ChunkedInput input("abcdef", 2);
  InputWindow window(input, 2);
  EXPECT_EQ(window.span(3, 100), "def");
  EXPECT_EQ(window.head(4), "abcd");
  EXPECT_FALSE(window.error());
}

TEST(InputWindow, AReadErrorIsKeptAndTheViewIsShort) {
  FailingInput input(sample(1000), 600);
  InputWindow window(input, 256);
  EXPECT_EQ(window.span(0, 500).size(), 500u);
  const std::string_view v = window.at(500, 300);
  EXPECT_EQ(v.size(), 100u);
  ASSERT_TRUE(window.error());
  EXPECT_EQ(window.error()->key, "input.cannot_read");
}

TEST(InputWindow, SessionReportsAReadErrorAndKeepsNothing) {
  // A WhatsApp chat whose second half cannot be read: the input fails as a whole.
  std::string chat;
  for (int i = 0; i < 200; ++i) chat += "1/2/24, 10:00 - Ana: hola " + std::to_string(i) + "\n";
  ImportSession session(CivilDate{2024, 6, 1});
  session.set_window_bytes(64);
  const SourceReport& r = session.add("chat.txt", std::make_unique<FailingInput>(chat, chat.size() / 2));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status.key(), "input.cannot_read");
  EXPECT_EQ(r.records, 0u);
  EXPECT_EQ(std::move(session).finish().size(), 0u);
}

TEST(InputWindow, PiecesGiveTheSameCorpusAsAWholeInput) {
  // Every importer, streaming or not, sees the same bytes through the session.
  const std::string chat =
      "1/2/24, 10:00 - Ana: hola\n1/2/24, 10:01 - Bea: qué tal\nsegunda línea\n1/2/24, 10:02 - Ana: bien\n";
  for (size_t piece : {0, 1, 7, 4096}) {
    ImportSession session(CivilDate{2024, 6, 1});
    const SourceReport& r = testing::add_in_pieces(session, "chat.txt", chat, piece);
    ASSERT_TRUE(r.ok()) << piece;
    EXPECT_EQ(r.bytes, chat.size());
    const Corpus corpus = std::move(session).finish();
    ASSERT_EQ(corpus.size(), 3u) << piece;
    EXPECT_EQ(corpus.text(1), "qué tal\nsegunda línea") << piece;
  }
}

TEST(InputWindow, EmptyInputInPiecesIsAnEmptyFile) {
  ImportSession session(CivilDate{2024, 6, 1});
  const SourceReport& r = testing::add_in_pieces(session, "empty.txt", "", 7);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status.key(), "input.empty_file");
}

}  // namespace
}  // namespace chatlens
