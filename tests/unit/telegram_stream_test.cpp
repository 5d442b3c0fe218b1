// Large exports stream through in chunks: every layout (Telegram's own
// pretty-printing, CRLF, minified, hand-edited indentation that misleads the
// chunk guesser) must give exactly the same messages.
#include <gtest/gtest.h>

#include <vector>

#include "telegram_test_util.hpp"
#include "test_today.hpp"

using namespace chatlens;
using namespace chatlens::testing;

namespace {

enum class Layout { Telegram, Crlf, Minified, Misleading };

// The text message i carries, built to cross chunk boundaries in every way.
std::string expected_text(int i) {
  switch (i % 4) {
    case 0: return "message " + std::to_string(i);
    case 1: return "bold " + std::to_string(i) + " https://example.org/" + std::to_string(i);
    case 2: return "quote \"" + std::to_string(i) + "\" and ] } brackets";
    default: return std::string(300 + i % 50, 'z');
  }
}

// One message object; `ind` is the indentation of its '{', `step` one level.
std::string message_json(int i, const std::string& ind, const std::string& step, const std::string& nl, Layout layout) {
  const std::string in = ind + step;
  std::string text;
  switch (i % 4) {
    case 0: text = "\"message " + std::to_string(i) + "\""; break;
    case 1: {
      // Entity objects; in the misleading layout they sit at the messages' indentation.
      const std::string entity_ind = layout == Layout::Misleading ? ind : in + step;
      text = "[" + nl + entity_ind + "{" + nl + entity_ind + step + "\"type\": \"bold\"," + nl + entity_ind + step +
             "\"text\": \"bold " + std::to_string(i) + "\"" + nl + entity_ind + "}," + nl + entity_ind + "\" \"," + nl +
             entity_ind + "{" + nl + entity_ind + step + "\"type\": \"link\"," + nl + entity_ind + step +
             "\"text\": \"https://example.org/" + std::to_string(i) + "\"" + nl + entity_ind + "}" + nl + in + "]";
      break;
    }
    case 2: text = "\"quote \\\"" + std::to_string(i) + "\\\" and ] } brackets\""; break;
    default: text = "\"" + std::string(300 + i % 50, 'z') + "\""; break;
  }
  return ind + "{" + nl + in + "\"id\": " + std::to_string(i) + "," + nl + in + "\"type\": \"message\"," + nl + in +
         "\"date\": \"2023-01-01T10:00:00\"," + nl + in + "\"date_unixtime\": \"" + std::to_string(1672567200 + i) +
         "\"," + nl + in + "\"from\": \"Sender " + std::to_string(i % 3) + "\"," + nl + in + "\"from_id\": \"user" +
         std::to_string(i % 3) + "\"," + nl + in + "\"text\": " + text + nl + ind + "}";
}

std::string chat_json(int first, int count, const std::string& ind, Layout layout, int chat_id) {
  const bool minified = layout == Layout::Minified;
  const std::string nl = minified ? "" : layout == Layout::Crlf ? "\r\n" : "\n";
  const std::string step = minified ? "" : " ";
  const std::string in = ind + step;
  std::string out = ind + "{" + nl + in + "\"name\": \"Chat " + std::to_string(chat_id) + "\"," + nl + in +
                    "\"type\": \"private_group\"," + nl + in + "\"id\": " + std::to_string(chat_id) + "," + nl + in +
                    "\"messages\": [";
  for (int i = first; i < first + count; ++i) {
    out += (i == first ? "" : ",") + nl;
    out += message_json(i, in + step, step, nl, layout);
  }
  out += nl + in + "]" + nl + ind + "}";
  return out;
}

std::string single_chat(int count, Layout layout) { return chat_json(0, count, "", layout, 1); }

void expect_messages(const Imported& r, int first, int count) {
  ASSERT_TRUE(r.report.ok()) << r.report.status;
  const Corpus& c = r.corpus;
  std::vector<bool> seen(static_cast<size_t>(count));
  for (size_t i = 0; i < c.size(); ++i) {
    const int64_t id = c.messages.platform_id[i];
    ASSERT_GE(id, first);
    ASSERT_LT(id, first + count);
    ASSERT_FALSE(seen[static_cast<size_t>(id - first)]) << "duplicate " << id;
    seen[static_cast<size_t>(id - first)] = true;
    ASSERT_EQ(c.text(i), expected_text(static_cast<int>(id))) << id;
    ASSERT_EQ(c.messages.utc[i], 1672567200 + id);
  }
  EXPECT_EQ(c.size(), static_cast<size_t>(count));
  EXPECT_EQ(r.report.lines_skipped, 0u);
}

}  // namespace

TEST(TelegramStream, TelegramLayoutSpanningManyChunks) {
  const std::string json = single_chat(8000, Layout::Telegram);
  ASSERT_GT(json.size(), size_t{2} << 20);
  expect_messages(import_telegram(json), 0, 8000);
}

TEST(TelegramStream, CrlfLineEndings) { expect_messages(import_telegram(single_chat(6000, Layout::Crlf)), 0, 6000); }

TEST(TelegramStream, MinifiedJsonUsesExactBoundaries) {
  expect_messages(import_telegram(single_chat(6000, Layout::Minified)), 0, 6000);
}

TEST(TelegramStream, MisleadingIndentationStillGivesEveryMessageOnce) {
  expect_messages(import_telegram(single_chat(6000, Layout::Misleading)), 0, 6000);
}

TEST(TelegramStream, ManyChatsSmallAndLargeInAFullAccountExport) {
  std::string json =
      "{\n \"personal_information\": {\"user_id\": 1, \"first_name\": \"Me\"},\n \"chats\": {\n  \"list\": [";
  int next = 0, chats = 0;
  const int sizes[] = {1, 3, 3000, 2, 0, 2500, 1, 5, 1500, 1};
  for (int round = 0; round < 2; ++round)
    for (const int size : sizes) {
      json += (chats ? ",\n" : "\n") + chat_json(next, size, "   ", Layout::Telegram, 1000 + chats);
      next += size;
      ++chats;
    }
  json += "\n  ]\n }\n}\n";
  const auto r = import_telegram(json);
  expect_messages(r, 0, next);
  EXPECT_EQ(r.report.chats, static_cast<uint64_t>(chats));
  EXPECT_EQ(r.corpus.chats.size(), static_cast<size_t>(chats));
  for (const Chat& chat : r.corpus.chats)
    for (uint64_t i = chat.begin; i < chat.end; ++i) ASSERT_EQ(r.corpus.messages.chat[i], &chat - &r.corpus.chats[0]);
}

TEST(TelegramStream, ProgressIsReportedInOrderAndEndsComplete) {
  // 3000 messages of 5 KB: 15 MB.
  std::string json = R"({"name": "A", "type": "personal_chat", "id": 1, "messages": [)";
  const std::string text(5000, 'p');
  for (int i = 0; i < 3000; ++i)
    json += std::string(i ? "," : "") + "\n  {\"id\": " + std::to_string(i) +
            R"(, "type": "message", "date": "2024-01-01T10:00:00", "from": "A", "from_id": "user1", "text": ")" + text +
            "\"}";
  json += "\n ]\n}\n";
  std::vector<std::pair<uint64_t, uint64_t>> calls;
  ImportSession session(kTestToday, [&](uint64_t done, uint64_t total) { calls.emplace_back(done, total); });
  session.add("result.json", json);
  ASSERT_TRUE(session.sources()[0].ok());
  ASSERT_GE(calls.size(), 3u);
  for (size_t i = 1; i < calls.size(); ++i) EXPECT_GE(calls[i].first, calls[i - 1].first);
  EXPECT_EQ(calls.back(), std::make_pair(uint64_t{json.size()}, uint64_t{json.size()}));
}

TEST(TelegramStream, AMessageLargerThanAChunk) {
  const std::string huge(3u << 20, 'h');
  std::string json = "{\n \"name\": \"A\",\n \"type\": \"personal_chat\",\n \"id\": 1,\n \"messages\": [";
  for (int i = 0; i < 5; ++i) {
    json += std::string(i ? "," : "") + "\n  {\n   \"id\": " + std::to_string(i) +
            ",\n   \"type\": \"message\",\n   \"date\": \"2024-01-01T10:00:00\",\n   \"from\": \"A\",\n   \"from_id\": "
            "\"user1\",\n   \"text\": \"" +
            (i == 2 ? huge : "small") + "\"\n  }";
  }
  json += "\n ]\n}\n";
  const auto r = import_telegram(json);
  ASSERT_TRUE(r.report.ok()) << r.report.status;
  ASSERT_EQ(r.corpus.size(), 5u);
  EXPECT_EQ(r.corpus.text(message_with_id(r.corpus, 2)).size(), huge.size());
  EXPECT_EQ(r.corpus.text(message_with_id(r.corpus, 4)), "small");
}

TEST(TelegramStream, DeeplyNestedUnknownValuesAreSkipped) {
  const std::string nested = std::string(200, '[') + std::string(200, ']');
  const auto r = import_telegram(R"({"name": "A", "type": "personal_chat", "id": 1, "messages": [
  {"id": 1, "type": "message", "date": "2024-01-01T10:00:00", "from": "A", "from_id": "user1", "x": )" +
                                 nested + R"(, "text": "after"}
 ]})");
  ASSERT_TRUE(r.report.ok()) << r.report.status;
  EXPECT_EQ(r.corpus.text(0), "after");
}
