// A Telegram export read in pieces holds only a bounded window of its bytes, however long
// the export: a generated full-account export of about 30 MB, in pieces of 64 KiB, gives
// the corpus the whole input gives while the window stays a small fraction of it.
#include <gtest/gtest.h>

#include <string>

#include "chunked_input.hpp"
#include "corpus_fingerprint.hpp"
#include "import/importer.hpp"
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

}  // namespace
