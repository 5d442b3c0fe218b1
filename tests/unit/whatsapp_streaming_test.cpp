// The WhatsApp importer on inputs that arrive in pieces: bounded memory, records carried
// across boundaries, read errors. (Every other WhatsApp test also runs in pieces, through
// whatsapp_test_util.hpp.)
#include <gtest/gtest.h>

#include <cstring>
#include <memory>
#include <string>

#include "chunked_input.hpp"
#include "import/importer.hpp"
#include "test_today.hpp"

namespace chatlens {
namespace {

// About `bytes` of chat; `messages` says how many.
std::string long_chat(size_t bytes, size_t* messages = nullptr) {
  std::string text;
  text.reserve(bytes + 128);
  int i = 0;
  for (; text.size() < bytes; ++i) {
    text += "12/9/20, 23:";
    text += static_cast<char>('0' + i % 6);
    text += static_cast<char>('0' + i % 10);
    text += i % 3 ? " - Alice: a message of an ordinary length, number " : " - Bob: and an answer\nover two lines ";
    text += std::to_string(i);
    text += '\n';
  }
  if (messages) *messages = static_cast<size_t>(i);
  return text;
}

// The importer run as the session runs it, through a window over `input`.
struct Imported {
  SourceReport report;
  Corpus corpus;
  size_t peak = 0;
};

Imported import_through_window(InputBytes& input, size_t window_bytes) {
  Imported run;
  CorpusBuilder builder;
  InputWindow window(input, window_bytes);
  ImportContext ctx{"chat.txt", "", {}, 0, builder, run.report, nullptr, testing::kTestToday, &input};
  ctx.window = &window;
  whatsapp_text_importer().import(ctx);
  if (run.report.ok() && window.error()) run.report.fail(*window.error());
  run.corpus = std::move(builder).finish();
  run.peak = window.peak_buffer();
  return run;
}

TEST(WhatsAppStreaming, TheWindowStaysBoundedOnALongChat) {
  constexpr size_t kPiece = 64 << 10;
  size_t messages = 0;
  const std::string text = long_chat(size_t{20} << 20, &messages);
  testing::ChunkedInput input(text, kPiece);
  const Imported run = import_through_window(input, kPiece);
  ASSERT_TRUE(run.report.ok());
  EXPECT_EQ(run.corpus.size(), messages);
  EXPECT_EQ(run.report.lines_skipped, 0u);
  EXPECT_GT(run.peak, 0u);
  EXPECT_LE(run.peak, 4 * kPiece);  // a few windows, never the 20 MB input
  // The passes (shape, day/month order, records) each start over at most once.
  EXPECT_LE(input.rewinds(), 2u);
}

TEST(WhatsAppStreaming, AMessageLongerThanTheWindowIsReadWhole) {
  std::string body;
  for (int i = 0; i < 5000; ++i) body += "line " + std::to_string(i) + " of a very long pasted text\n";
  body.pop_back();
  const std::string text = "12/9/20, 23:55 - Alice: " + body + "\n12/9/20, 23:56 - Bob: ok\n";
  for (size_t piece : {size_t{1}, size_t{4096}}) {
    testing::ChunkedInput input(text, piece);
    const Imported run = import_through_window(input, piece);
    ASSERT_TRUE(run.report.ok()) << piece;
    ASSERT_EQ(run.corpus.size(), 2u) << piece;
    EXPECT_EQ(run.corpus.text(0), body) << piece;
    EXPECT_EQ(run.corpus.text(1), "ok") << piece;
  }
}

// Pieces that stop coming: the window's error is the input's.
class FailingInput final : public InputBytes {
 public:
  FailingInput(std::string bytes, size_t fail_at) : bytes_(std::move(bytes)), fail_at_(fail_at) {}
  uint64_t size() const override { return bytes_.size(); }
  InputRead read(uint64_t offset, char* dst, size_t n) override {
    if (offset + n > fail_at_) return {0, SourceMessage{"input.cannot_read"}};
    std::memcpy(dst, bytes_.data() + offset, n);
    return {n, std::nullopt};
  }

 private:
  std::string bytes_;
  size_t fail_at_;
};

TEST(WhatsAppStreaming, AReadErrorMidWayIsTheInputsErrorAndNothingIsKept) {
  ImportSession session(testing::kTestToday);
  session.set_window_bytes(4096);
  const std::string text = long_chat(size_t{1} << 20);
  const SourceReport& r = session.add("chat.txt", std::make_unique<FailingInput>(text, text.size() / 2));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status.key(), "input.cannot_read");
  EXPECT_EQ(std::move(session).finish().size(), 0u);
}

}  // namespace
}  // namespace chatlens
