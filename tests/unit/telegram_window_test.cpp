// A Telegram export read in pieces holds only a bounded window of its bytes, however long
// the export: a generated full-account export of about 30 MB, in pieces of 64 KiB, gives
// the corpus the whole input gives while the window stays a small fraction of it. And a
// broken export read in pieces of any size, through windows of any size, reports the same
// error (message, line, offset) and skips the same records as the whole input.
#include <gtest/gtest.h>

#include <algorithm>
#include <initializer_list>
#include <memory>
#include <string>

#include "chunked_input.hpp"
#include "corpus_fingerprint.hpp"
#include "import/importer.hpp"
#include "import/input_window.hpp"
#include "test_today.hpp"

using namespace chatlens;
using namespace chatlens::testing;

namespace {

// Telegram Desktop's layout: one-space indentation, every member on its own line.
std::string message(int chat, int i) {
  const std::string id = std::to_string(i);
  const std::string from = std::to_string(100 + (i + chat) % 7);
  std::string m = "    {\n     \"id\": " + id + ",\n     \"type\": \"message\",\n     \"date\": \"2023-0" +
                  std::to_string(1 + i % 9) + "-1" + std::to_string(i % 10) + "T1" + std::to_string(i % 10) +
                  ":00:00\",\n     \"date_unixtime\": \"" + std::to_string(1672531200 + i * 60) +
                  "\",\n     \"from\": \"Person " + from + "\",\n     \"from_id\": \"user" + from + "\",\n";
  if (i % 5 == 0) m += "     \"reply_to_message_id\": " + std::to_string(i - 1) + ",\n";
  m += "     \"text\": \"message " + id + " of chat " + std::to_string(chat) + " \\u00e9 " +
       std::string(static_cast<size_t>(150 + i % 200), 'x') + "\",\n     \"text_entities\": [\n      {\n       " +
       "\"type\": \"plain\",\n       \"text\": \"message " + id + "\"\n      }\n     ]\n    }";
  return m;
}

std::string chat(int c, int messages) {
  std::string s = "   {\n    \"name\": \"Chat " + std::to_string(c) +
                  "\",\n    \"type\": \"personal_chat\",\n    \"id\": " + std::to_string(1000 + c) +
                  ",\n    \"messages\": [\n";
  for (int i = 1; i <= messages; ++i) s += message(c, i) + (i < messages ? ",\n" : "\n");
  return s + "    ]\n   }";
}

std::string full_account(int chats, int messages) {
  std::string s =
      "{\n \"about\": \"Here is the data you requested.\",\n \"personal_information\": {\n  \"user_id\": 1,\n  "
      "\"first_name\": \"Me\",\n  \"last_name\": \"Myself\"\n },\n \"contacts\": {\n  \"about\": \"\",\n  \"list\": "
      "[\n";
  for (int i = 0; i < 3000; ++i)
    s += "   {\n    \"user_id\": " + std::to_string(i) +
         ",\n    \"first_name\": \"Contact\",\n    \"phone_number\": "
         "\"+00 000\"\n   }" +
         (i < 2999 ? ",\n" : "\n");
  s += "  ]\n },\n \"chats\": {\n  \"about\": \"\",\n  \"list\": [\n";
  for (int c = 0; c < chats; ++c) s += chat(c, messages) + (c + 1 < chats ? ",\n" : "\n");
  return s + "  ]\n },\n \"left_chats\": {\n  \"about\": \"\",\n  \"list\": [\n" + chat(chats, 3) + "\n  ]\n }\n}\n";
}

TEST(TelegramWindow, ALongFullAccountExportInPiecesHoldsABoundedWindow) {
  const std::string json = full_account(250, 250);
  ASSERT_GT(json.size(), size_t{25} << 20);

  ImportSession session(kTestToday);
  session.add("result.json", json);
  const SourceReport whole_report = session.sources().at(0);
  ASSERT_TRUE(whole_report.ok()) << whole_report.status;
  const Corpus whole = std::move(session).finish();
  ASSERT_EQ(whole.size(), 250u * 250u + 3u);

  // The importer on its own, to see its window.
  constexpr size_t kPiece = size_t{64} << 10;
  ChunkedInput input(json, kPiece);
  InputWindow window(input, kPiece);
  CorpusBuilder builder;
  SourceReport report;
  report.file = "result.json";
  report.bytes = json.size();
  ImportContext ctx{report.file, "", {}, 0, builder, report, nullptr, kTestToday, &input};
  ctx.window = &window;
  telegram_json_importer().import(ctx);
  ASSERT_TRUE(report.ok()) << report.status;
  const Corpus pieces = std::move(builder).finish();
  EXPECT_EQ(corpus_fingerprint(pieces, report), corpus_fingerprint(whole, whole_report));

  // A chunk of messages (half a megabyte) and what surrounds it, never the export.
  EXPECT_LE(window.peak_buffer(), size_t{3} << 20) << "of " << json.size();
  // Each byte is read about once: no second pass over the input.
  EXPECT_LE(input.rewinds(), 2u);
}

// Messages far smaller than the importer's first guess (bytes / 400): the columns get room
// for the rest at the rate seen early on, not regrown past the guess in doublings (the old
// columns' hole stays in WebAssembly memory).
TEST(TelegramWindow, ColumnsAreReservedAtTheRateOfMessagesSeen) {
  std::string json = R"({"name": "Ana", "type": "personal_chat", "id": 7, "messages": [)";
  constexpr int kMessages = 150000;
  for (int i = 1; i <= kMessages; ++i)
    json += (i > 1 ? ",\n" : "\n") + std::string(R"({"id": )") + std::to_string(i) +
            R"(, "type": "message", "date": "2023-01-01T10:00:00", "from": "Ana", "from_id": "user1", "text": "hola"})";
  json += "\n]}\n";
  ASSERT_LT(json.size() / 400, size_t{kMessages} / 3);  // the first guess: under a third
  for (size_t piece : {size_t{0}, size_t{1} << 20}) {
    std::unique_ptr<InputBytes> input;
    if (piece == 0)
      input = std::make_unique<OwnedInput>(json);
    else
      input = std::make_unique<ChunkedInput>(json, piece);
    InputWindow window(*input, piece == 0 ? InputWindow::kDefaultChunkBytes : piece);
    CorpusBuilder builder;
    SourceReport report;
    report.file = "result.json";
    ImportContext ctx{report.file, "", {}, 0, builder, report, nullptr, kTestToday, input.get()};
    ctx.window = &window;
    telegram_json_importer().import(ctx);
    ASSERT_TRUE(report.ok()) << report.status;
    ASSERT_EQ(builder.message_count(), size_t{kMessages});
    EXPECT_LE(builder.column_capacity(), size_t{kMessages} * 23 / 20) << "pieces of " << piece;
  }
}

// The importer on `json` through a window of `window` bytes, the input arriving in pieces
// of `piece` bytes (0: whole, read in place); what it gave, as text.
std::string read_telegram(const std::string& json, size_t piece, size_t window, SourceReport* out = nullptr) {
  std::unique_ptr<InputBytes> input;
  if (piece == 0)
    input = std::make_unique<OwnedInput>(json);
  else
    input = std::make_unique<ChunkedInput>(json, piece);
  InputWindow in(*input, window);
  CorpusBuilder builder;
  SourceReport report;
  report.file = "result.json";
  report.bytes = json.size();
  ImportContext ctx{report.file, "", {}, 0, builder, report, nullptr, kTestToday, input.get()};
  ctx.window = &in;
  telegram_json_importer().import(ctx);
  if (!report.ok()) builder.rollback(0, 0);
  const Corpus corpus = std::move(builder).finish();
  if (out) *out = report;
  return corpus_fingerprint(corpus, report);
}

// The whole input's error, checked against what the test expects of it; then every piece
// and window size in the lists must give exactly what the whole input gave.
void expect_same_error_in_pieces(const std::string& json, std::string_view expected, size_t offset, uint64_t line,
                                 std::initializer_list<size_t> pieces, std::initializer_list<size_t> windows) {
  SourceReport whole_report;
  const std::string whole = read_telegram(json, 0, InputWindow::kDefaultChunkBytes, &whole_report);
  ASSERT_FALSE(whole_report.ok());
  const SourceMessage error = SourceMessage::of(whole_report.status);
  EXPECT_EQ(error.key, "input.invalid_json");
  EXPECT_EQ(error.params.find("expected")->as_string(), expected);
  EXPECT_EQ(error.params.find("offset")->as_int(), static_cast<int64_t>(offset));
  EXPECT_EQ(error.params.find("line")->as_int(), static_cast<int64_t>(line));
  for (const size_t piece : pieces)
    for (const size_t window : windows)
      ASSERT_EQ(read_telegram(json, piece, window), whole) << "pieces of " << piece << ", window " << window;
}

// `text` with the `nth` (0-based) occurrence of `from` replaced by `to`.
std::string replaced(std::string text, std::string_view from, std::string_view to, size_t nth = 0) {
  size_t at = text.find(from);
  for (size_t i = 0; i < nth && at != std::string::npos; ++i) at = text.find(from, at + 1);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

// Whether the messages are pretty-printed (chunk ends guessed, parsed by simdjson, which
// does not validate what it skips) or not (exact ends, every byte validated) is decided from
// the same bytes whole and in pieces: here more than a view's 4 KiB of blanks lie between
// '[' and the first message, which hides a syntax error in a member nobody reads.
TEST(TelegramWindow, TheMessagesLayoutIsDecidedAlikeWholeAndInPieces) {
  std::string json = "{\n \"name\": \"Ana\",\n \"type\": \"personal_chat\",\n \"id\": 1,\n \"messages\": [" +
                     std::string(5000, ' ') + "\n" + message(1, 1) + ",\n" + message(1, 2) + ",\n" + message(1, 3) +
                     "\n ]\n}\n";
  json = replaced(json, "\"type\": \"message\",", "\"type\": \"message\",\n     \"junk\": [1 2],", 1);
  const size_t two = json.find("1 2]") + 2;
  const uint64_t line = 1 + static_cast<uint64_t>(std::count(json.begin(), json.begin() + two, '\n'));
  expect_same_error_in_pieces(json, "',' or ']' after an array element", two, line, {1, 7, 164, 1024},
                              {1, 130, 1434, 8192});
}

// Errors found by the importer's own walk (after a messages array, between chats, in the
// root object) are placed in the input, not in the scanner's view of it: the fuzzers'
// finding read in pieces named a byte 1,386 bytes further on, on another line.
TEST(TelegramWindow, AStrayBracketAfterASkippedDeepMessageIsPlacedAsInTheWholeInput) {
  // fuzz_import_session's finding, small: a message nested too deeply (skipped, counted),
  // then one ']' too many, where the root object wants ',' or '}'.
  const std::string deep = std::string(70, '[') + std::string(70, ']');
  const std::string json =
      "{\"name\": \"Ana\", \"type\": \"personal_chat\", \"id\": 1, \"messages\": [\n"
      "  {\"id\": 1, \"type\": \"message\", \"date\": \"2022-12-31T21:05:09\", \"from\": \"Ana\", "
      "\"from_id\": \"user1\", \"text\": \"hi\"},\n  " +
      deep + "]]\n ]\n}\n";
  const size_t stray = json.find("]]\n ]") + 1;
  expect_same_error_in_pieces(json, "',' or '}' after an object member", stray, 3, {1, 4, 8, 64, 1024},
                              {1, 4, 129, 1434});
}

TEST(TelegramWindow, AStrayBracketAfterAnUnknownMemberIsPlacedAsInTheWholeInput) {
  // fuzz_telegram_json's finding, small: "chaTs" is no key the importer reads, so its
  // chat list (over 4 KiB) is only skipped; one ']' too many follows it in the root object.
  const std::string json = "{\n \"about\": \"Here is the data you requested.\",\n \"chaTs\": {\n  \"list\": [\n" +
                           chat(1, 12) + "\n  ]\n }\n    ]\n}\n";
  const size_t stray = json.rfind(']');
  const uint64_t line = 1 + static_cast<uint64_t>(std::count(json.begin(), json.begin() + stray, '\n'));
  expect_same_error_in_pieces(json, "',' or '}' after an object member", stray, line, {1, 7, 64, 164, 1024},
                              {1, 7, 130, 1434});
}

TEST(TelegramWindow, EveryErrorOfTheImportersOwnWalkIsPlacedAsInTheWholeInput) {
  // Each error lies over 4 KiB into the input, past what a scanner's view keeps behind it.
  const std::string good = chat(1, 12);
  const std::string list = "{\n \"chats\": {\n  \"list\": [\n" + good;
  const struct {
    std::string json;
    std::string_view expected;
    std::string_view at;  // the error is at the first byte of its last occurrence
  } cases[] = {
      {good + "\n   x", "the end of the input after the root object", "x"},
      {"{\"name\": \"A\",\n  " + std::string(5000, ' ') + "7: 1}", "a string key", "7"},
      {list + "\n   {}\n   ]\n  }\n}", "',' or ']' after a chat", "{}"},
      {list + "\n  ]\n ]\n}", "',' or '}' after an object member", "]\n}"},
      {"{\"messages\": [\n" + message(1, 1) + ",\n  " + std::string(5000, ' ') + "]}", "a message after ','", "]}"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.expected);
    const size_t at = c.json.rfind(c.at);
    const uint64_t line = 1 + static_cast<uint64_t>(std::count(c.json.begin(), c.json.begin() + at, '\n'));
    expect_same_error_in_pieces(c.json, c.expected, at, line, {1, 7, 100}, {1, 64, 4096});
  }
}

// Brute force: one small full-account export, broken in several ways, at every piece size
// from 1 to 64 bytes and several windows, gives what the whole input gives.
TEST(TelegramWindow, BrokenExportsGiveTheSameErrorAtEveryPieceSize) {
  const std::string good =
      "{\n \"about\": \"Here is the data you requested.\",\n \"personal_information\": {\n  \"user_id\": 100,\n"
      "  \"first_name\": \"Me\"\n },\n \"chats\": {\n  \"about\": \"\",\n  \"list\": [\n" +
      chat(1, 6) + ",\n" + chat(2, 5) + "\n  ]\n }\n}\n";
  SourceReport good_report;
  read_telegram(good, 0, InputWindow::kDefaultChunkBytes, &good_report);
  ASSERT_TRUE(good_report.ok()) << good_report.status;
  const std::string list_end = "\n  ]\n }";
  const std::string deep = std::string(70, '[') + std::string(70, ']');
  const std::string broken[] = {
      good.substr(0, good.size() * 2 / 3),                                     // truncated
      replaced(good, "    },\n    {", "    }\n    {", 1),                      // a missing comma between messages
      replaced(good, "\"type\": \"message\",", "\"type\": \"message\"],", 5),  // a stray ']' in a message
      replaced(good, "\\u00e9", "\\x00e9", 2),                                 // a bad string escape
      replaced(good, "\"from\": \"Person", "\"from\": Person", 4),             // a broken message in chats.list
      replaced(good, list_end, "\n  ]]\n }"),                                  // a stray ']' after the list
      // the same after a message nested too deeply (skipped, counted)
      replaced(replaced(good, list_end, "\n  ]]\n }"), "\n    ]\n   }", ",\n    " + deep + "\n    ]\n   }", 1),
  };
  for (const std::string& json : broken) {
    SourceReport whole_report;
    const std::string whole = read_telegram(json, 0, InputWindow::kDefaultChunkBytes, &whole_report);
    ASSERT_FALSE(whole_report.ok()) << json;
    EXPECT_EQ(whole_report.status.key(), "input.invalid_json");
    for (size_t piece = 1; piece <= 64; ++piece)
      for (const size_t window : {1, 61, 4096})
        ASSERT_EQ(read_telegram(json, piece, window), whole)
            << "pieces of " << piece << ", window " << window << ", error "
            << SourceMessage::of(whole_report.status).to_json().dump();
  }
}

}  // namespace
