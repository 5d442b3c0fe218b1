// Conformance of the Telegram JSON importer against the real exports in
// ../shared/corpus and the ground truth recorded in SOURCES.md.
//
// Some source repositories join the parts of a formatted text with spaces
// (chat-miner: "Link: https://telegram.org/", chat-analytics:
// " https://google.com  👀"). That is their joining rule, not the message:
// these tests assert the true concatenation of the parts.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <string>
#include <vector>

#include "../unit/corpus_fingerprint.hpp"
#include "import/importer.hpp"
#include "imported_file.hpp"

using namespace chatlens;
using chatlens::testing::import_corpus_file;
using chatlens::testing::read_file;
using chatlens::testing::shared_corpus_dir;
using Imported = chatlens::testing::ImportedFile;

namespace {

size_t with_id(const Corpus& c, int64_t id) {
  for (size_t i = 0; i < c.size(); ++i)
    if (c.messages.platform_id[i] == id) return i;
  ADD_FAILURE() << "no message with id " << id;
  return 0;
}

std::string name_of(const Corpus& c, size_t i) { return c.sender(i) ? c.sender(i)->name : "<none>"; }
std::string id_of(const Corpus& c, size_t i) { return c.sender(i) ? c.sender(i)->platform_id : "<none>"; }

std::string owners(const Corpus& c) {
  std::string out;
  for (const Person& p : c.people)
    if (p.is_owner) out += (out.empty() ? "" : ",") + p.name;
  return out;
}

struct ManifestEntry {
  std::string path, platform;
};

std::vector<ManifestEntry> manifest() {
  std::vector<ManifestEntry> out;
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  const std::string text = read_file(shared_corpus_dir() / "MANIFEST.json");
  if (parser.parse(text).get(root)) {
    ADD_FAILURE() << "MANIFEST.json does not parse";
    return out;
  }
  simdjson::dom::array files;
  if (root["files"].get_array().get(files)) return out;
  for (simdjson::dom::element file : files) {
    std::string_view path, platform;
    if (file["path"].get_string().get(path) || file["platform"].get_string().get(platform)) continue;
    out.push_back({std::string(path), std::string(platform)});
  }
  return out;
}

constexpr const char* kInner = "innerdvations__telegram-chat-parser/tests__data__";

}  // namespace

TEST(TelegramCorpus, EveryTelegramJsonExportImports) {
  REQUIRE_SHARED_CORPUS();
  size_t checked = 0;
  for (const ManifestEntry& entry : manifest()) {
    if (entry.platform.rfind("telegram-json", 0) != 0) continue;
    ++checked;
    const Imported r = import_corpus_file(entry.path);
    // Read in pieces (as the browser reads a File), the same corpus, skips and errors.
    const Imported pieces = import_corpus_file(entry.path, 4096);
    EXPECT_EQ(chatlens::testing::corpus_fingerprint(pieces.corpus, pieces.report),
              chatlens::testing::corpus_fingerprint(r.corpus, r.report))
        << entry.path;
    if (entry.path.find("tests__data__error.json") != std::string::npos) {
      EXPECT_FALSE(r.report.ok()) << entry.path;  // the deliberately broken file
      continue;
    }
    ASSERT_TRUE(r.report.ok()) << entry.path << ": " << r.report.status;
    EXPECT_EQ(r.report.platform, "telegram") << entry.path;
    EXPECT_GE(r.report.chats, 1u) << entry.path;
    EXPECT_EQ(r.report.records, r.corpus.size()) << entry.path;
  }
  EXPECT_EQ(checked, 15u);
}

TEST(TelegramCorpus, OtherJsonAndTelegramHtmlAreNotTakenForTelegramJson) {
  REQUIRE_SHARED_CORPUS();
  size_t checked = 0;
  for (const ManifestEntry& entry : manifest()) {
    const bool json = entry.path.size() > 5 && entry.path.substr(entry.path.size() - 5) == ".json";
    if (entry.platform.rfind("telegram-json", 0) == 0) continue;
    if (!json && entry.platform != "telegram-html") continue;
    std::string bytes = read_file(shared_corpus_dir() / entry.path);
    while (bytes.rfind("\xEF\xBB\xBF", 0) == 0) bytes.erase(0, 3);
    EXPECT_EQ(telegram_json_importer().sniff(std::string_view(bytes).substr(0, 4096)), 0) << entry.path;
    ++checked;
  }
  EXPECT_GE(checked, 10u);
}

TEST(TelegramCorpus, LangchainLocalDateAndUtcInstantDiffer) {
  REQUIRE_SHARED_CORPUS();
  const Imported r = import_corpus_file(
      "langchain-ai__langchain/"
      "libs__langchain__tests__unit_tests__chat_loaders__data__telegram_chat_json__result.json");
  ASSERT_TRUE(r.report.ok()) << r.report.status;
  const Corpus& c = r.corpus;
  ASSERT_EQ(c.size(), 4u);
  ASSERT_EQ(c.chats.size(), 1u);
  EXPECT_EQ(c.chats[0].title, "Jimmeny");
  EXPECT_EQ(c.chats[0].kind, ChatKind::Private);
  const char* expected[][2] = {{"Jimmeny Marvelton", "i refuse to converse with you"},
                               {"Batman & Robin", "Hi nemesis"},
                               {"Jimmeny Marvelton", "we meet again"},
                               {"Jimmeny Marvelton", "you will not trick me this time"}};
  for (size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(name_of(c, i), expected[i][0]);
    EXPECT_EQ(c.text(i), expected[i][1]);
  }
  EXPECT_EQ(format_local_iso(c.messages.time[0]), "2023-08-23T13:11:23");
  EXPECT_EQ(format_utc_iso(c.messages.utc[0]), "2023-08-23T20:11:23Z");
  // Anonymised ids: neither sender is the chat peer (user5965280513), so the owner is left undecided.
  EXPECT_EQ(owners(c), "");
}

TEST(TelegramCorpus, ChatAnalyticsDirectMessages) {
  REQUIRE_SHARED_CORPUS();
  const Imported r = import_corpus_file("mlomb__chat-analytics/tests__samples__telegram__DM_2A_7M.json");
  ASSERT_TRUE(r.report.ok()) << r.report.status;
  const Corpus& c = r.corpus;
  ASSERT_EQ(c.chats.size(), 1u);
  EXPECT_EQ(c.chats[0].platform_id, "700000000");
  EXPECT_EQ(c.chats[0].kind, ChatKind::Private);
  EXPECT_EQ(c.size(), 8u);

  const size_t link = with_id(c, 3644);
  EXPECT_EQ(id_of(c, link), "user700000000");
  EXPECT_EQ(name_of(c, link), "Bob");
  // Ground truth " https://google.com  👀" is chat-analytics' space join; the parts concatenate to:
  EXPECT_EQ(c.text(link), "https://google.com \xF0\x9F\x91\x80");
  EXPECT_EQ(format_local_iso(c.messages.time[link]), "2019-07-12T16:55:32");
  EXPECT_EQ(c.messages.utc[link], kNoUtc);

  const size_t hello = with_id(c, 3645);
  EXPECT_EQ(c.text(hello), "hello world");
  EXPECT_EQ(id_of(c, hello), "user300000000");
  EXPECT_EQ(name_of(c, hello), "Alice");
  EXPECT_EQ(format_local_iso(c.messages.time[hello]), "2022-03-08T13:07:42");

  EXPECT_EQ(c.text(with_id(c, 3662)), "world?");
  EXPECT_EQ(c.messages.utc[with_id(c, 3662)], 1652135033);
  EXPECT_EQ(c.text(with_id(c, 3663)), "blah blah");
  EXPECT_EQ(c.messages.utc[with_id(c, 3663)], 1652138769);
  for (const auto& [id, utc] : {std::pair<int64_t, int64_t>{3672, 1654898798}, {3673, 1654898799}}) {
    const size_t i = with_id(c, id);
    EXPECT_EQ(c.messages.kind[i], MessageKind::Media);
    EXPECT_EQ(c.messages.media[i], MediaKind::Image);
    EXPECT_EQ(c.messages.utc[i], utc);
  }
  const size_t call = with_id(c, 3674);
  EXPECT_EQ(c.messages.kind[call], MessageKind::Call);
  EXPECT_EQ(name_of(c, call), "Alice");
  EXPECT_EQ(c.messages.utc[call], 1691719862);
  EXPECT_EQ(c.text(call), "phone_call 56s hangup");  // ends 56 s after the start
  const size_t joined = with_id(c, 2675);
  EXPECT_EQ(c.messages.kind[joined], MessageKind::System);
  EXPECT_EQ(name_of(c, joined), "Bob");
  // The chat id is Bob's: the owner is Alice.
  EXPECT_EQ(owners(c), "Alice");
  // Four messages have only date_unixtime.
  ASSERT_EQ(r.report.notes.size(), 1u);
  EXPECT_EQ(r.report.notes[0].debug(), R"(input.local_time_from_utc {"count":4})");
}

TEST(TelegramCorpus, ChatAnalyticsMultiChatAccountExport) {
  REQUIRE_SHARED_CORPUS();
  const Imported r = import_corpus_file("mlomb__chat-analytics/tests__samples__telegram__MultiChat_2C_6M.json");
  ASSERT_TRUE(r.report.ok()) << r.report.status;
  EXPECT_EQ(r.report.variant, "full-account");
  const Corpus& c = r.corpus;
  ASSERT_EQ(c.chats.size(), 2u);
  EXPECT_EQ(c.chats[0].title, "Chat One");
  EXPECT_EQ(c.chats[0].platform_id, "700000001");
  EXPECT_EQ(c.chats[0].kind, ChatKind::Private);
  EXPECT_EQ(c.chats[1].title, "Chat Two");
  EXPECT_EQ(c.chats[1].platform_id, "700000002");
  EXPECT_EQ(c.chats[1].kind, ChatKind::Group);
  EXPECT_EQ(c.size(), 6u);

  std::vector<std::string> authors;
  for (size_t i = 0; i < c.size(); ++i)
    if (std::find(authors.begin(), authors.end(), name_of(c, i)) == authors.end()) authors.push_back(name_of(c, i));
  EXPECT_EQ(authors.size(), 5u);
  EXPECT_EQ(owners(c), "Test User");

  EXPECT_EQ(c.text(with_id(c, 1001)), "Hello from chat one!");
  EXPECT_EQ(c.text(with_id(c, 1002)), "Hi there!");
  EXPECT_EQ(c.text(with_id(c, 2001)), "Welcome to chat two!");
  EXPECT_EQ(c.text(with_id(c, 2002)), "Group chat is fun!");
  const size_t call = with_id(c, 2003);
  EXPECT_EQ(c.messages.kind[call], MessageKind::Call);
  EXPECT_EQ(id_of(c, call), "user800000000");
  EXPECT_EQ(c.messages.utc[call], 1672660980);
  EXPECT_EQ(c.text(call), "phone_call 120s");
  const size_t photo = with_id(c, 2004);
  EXPECT_EQ(c.messages.media[photo], MediaKind::Image);
  EXPECT_EQ(name_of(c, photo), "Eve");
}

TEST(TelegramCorpus, InnerdvationsSavedMessages) {
  REQUIRE_SHARED_CORPUS();
  const Imported r = import_corpus_file(std::string(kInner) + "saved.json");
  ASSERT_TRUE(r.report.ok()) << r.report.status;
  const Corpus& c = r.corpus;
  EXPECT_EQ(c.size(), 21u);
  ASSERT_EQ(c.chats.size(), 1u);
  EXPECT_EQ(c.chats[0].platform_id, "9999999999");
  EXPECT_EQ(c.chats[0].kind, ChatKind::Saved);
  EXPECT_EQ(c.chats[0].title, "Saved Messages");
  // Plain-string parts are " " here, so the true concatenation equals their expectation.
  EXPECT_EQ(c.text(with_id(c, 173430)),
            "bold italic strikethrough underline @person http://google.com monospace http://mystery.knightlab.com/");
  EXPECT_EQ(c.text(with_id(c, 176169)), "Learning SQL by solving an SQL murder mystery\nhttp://mystery.knightlab.com/");
  EXPECT_EQ(c.text(with_id(c, 225569)),
            "Check out \xC2\xAB"
            "Cat     @farsisticker\xC2\xBB sticker set: https://t.me/addstickers/cat_farsi");
  const size_t reply = with_id(c, 7);
  EXPECT_TRUE(c.messages.flags[reply] & kReply);
  EXPECT_EQ(c.messages.reply_to[reply], 6);
  EXPECT_FALSE(c.messages.flags[with_id(c, 8)] & kReply);
  EXPECT_EQ(c.messages.media[with_id(c, 173429)], MediaKind::Image);
  EXPECT_EQ(c.messages.kind[with_id(c, 5)], MessageKind::Poll);
  EXPECT_EQ(c.messages.kind[with_id(c, 183290)], MessageKind::Text);
  EXPECT_EQ(c.messages.media[with_id(c, 318170)], MediaKind::Video);
  EXPECT_EQ(c.messages.media[with_id(c, 226106)], MediaKind::Gif);
  EXPECT_EQ(c.messages.media[with_id(c, 217584)], MediaKind::Voice);
  EXPECT_EQ(c.messages.media[with_id(c, 278329)], MediaKind::Sticker);
  EXPECT_EQ(c.text(with_id(c, 278329)), "DoNotChange");
  EXPECT_TRUE(c.messages.flags[with_id(c, 176390)] & kForwarded);
  EXPECT_EQ(c.messages.kind[with_id(c, 4)], MessageKind::System);
  EXPECT_EQ(owners(c), "Ben");
}

TEST(TelegramCorpus, InnerdvationsChatTypesAndServiceMessages) {
  REQUIRE_SHARED_CORPUS();
  const std::tuple<const char*, ChatKind, size_t> cases[] = {
      {"bot.json", ChatKind::Private, 2},
      {"personal.json", ChatKind::Private, 0},
      {"private_channel.json", ChatKind::Channel, 7},
      {"public_channel.json", ChatKind::Channel, 7},
      {"private_group.json", ChatKind::Group, 2},
      {"public_supergroup.json", ChatKind::Group, 4},
  };
  for (const auto& [file, kind, count] : cases) {
    const Imported r = import_corpus_file(std::string(kInner) + file);
    ASSERT_TRUE(r.report.ok()) << file << ": " << r.report.status;
    ASSERT_EQ(r.corpus.chats.size(), 1u) << file;
    EXPECT_EQ(r.corpus.chats[0].kind, kind) << file;
    EXPECT_EQ(r.corpus.size(), count) << file;
  }

  const Imported bot = import_corpus_file(std::string(kInner) + "bot.json");
  EXPECT_EQ(bot.corpus.chats[0].title, "Bot User");
  EXPECT_EQ(bot.corpus.text(with_id(bot.corpus, 223690)), "/start");
  EXPECT_EQ(id_of(bot.corpus, with_id(bot.corpus, 223690)), "user8888888888");
  EXPECT_EQ(bot.corpus.text(with_id(bot.corpus, 223691)), "This is a sample message.");

  EXPECT_EQ(import_corpus_file(std::string(kInner) + "personal.json").corpus.chats[0].title, "otherperson");

  const Imported channel = import_corpus_file(std::string(kInner) + "private_channel.json");
  const Corpus& c = channel.corpus;
  EXPECT_EQ(c.text(with_id(c, 1)), "create_channel \"test\"");
  EXPECT_EQ(c.text(with_id(c, 4)), "pin_message #3");
  EXPECT_EQ(c.text(with_id(c, 5)), "Poll question\noption 1\noption 2");
  EXPECT_EQ(c.messages.reply_to[with_id(c, 3)], 2);
  EXPECT_EQ(id_of(c, with_id(c, 2)), "user10036995664");  // a channel post: the channel id, old integer form

  const Imported group = import_corpus_file(std::string(kInner) + "private_group.json");
  EXPECT_EQ(group.corpus.text(with_id(group.corpus, 321550)), "create_group \"test\": Ben, BenBot");

  const Imported super = import_corpus_file(std::string(kInner) + "public_supergroup.json");
  EXPECT_EQ(super.corpus.text(with_id(super.corpus, -999678449)), "asdsf");
  EXPECT_EQ(super.corpus.text(with_id(super.corpus, -999675685)), "migrate_to_supergroup");
  EXPECT_EQ(super.corpus.text(with_id(super.corpus, 1)), "migrate_from_group \"test\"");
}

TEST(TelegramCorpus, InnerdvationsUsers) {
  REQUIRE_SHARED_CORPUS();
  const Imported r = import_corpus_file(std::string(kInner) + "users_test.json");
  ASSERT_TRUE(r.report.ok()) << r.report.status;
  EXPECT_EQ(r.corpus.size(), 9u);
  // Ground truth: 4 participants (forwarded_from / saved_from names are not people who wrote here).
  EXPECT_EQ(r.corpus.people.size(), 4u);
  EXPECT_EQ(r.corpus.chats[0].members.size(), 4u);
  EXPECT_EQ(owners(r.corpus), "User1");  // the saved-messages chat id is its owner's
}

TEST(TelegramCorpus, InnerdvationsInvalidJsonIsRejectedWithItsPosition) {
  REQUIRE_SHARED_CORPUS();
  const Imported r = import_corpus_file(std::string(kInner) + "error.json");
  ASSERT_FALSE(r.report.ok());
  EXPECT_EQ(
      r.report.status.detail(),
      R"(input.invalid_json {"offset":67,"line":5,"column":3,"expected":"',' or '}' after an object member","found":"'\"'"})");
  EXPECT_EQ(r.corpus.size(), 0u);
  EXPECT_EQ(r.corpus.chats.size(), 0u);
}

TEST(TelegramCorpus, InnerdvationsSchemaViolationsAreReadAsFarAsPossible) {
  REQUIRE_SHARED_CORPUS();
  const Imported r = import_corpus_file(std::string(kInner) + "error-unexpected.json");
  ASSERT_TRUE(r.report.ok()) << r.report.status;
  const Corpus& c = r.corpus;
  EXPECT_EQ(c.size(), 16u);
  // Ground truth: message 176169, whose text is an object, has the text "".
  EXPECT_EQ(c.text(with_id(c, 176169)), "");
  EXPECT_FALSE(r.report.notes.empty());
}

TEST(TelegramCorpus, ChatMinerSingleAndBatchExports) {
  REQUIRE_SHARED_CORPUS();
  for (const char* file : {"joweich__chat-miner/test__telegram__test_single_export.json",
                           "joweich__chat-miner/test__telegram__test_batch_export.json"}) {
    const Imported r = import_corpus_file(file);
    ASSERT_TRUE(r.report.ok()) << file << ": " << r.report.status;
    const Corpus& c = r.corpus;
    ASSERT_EQ(c.size(), 2u) << file;
    EXPECT_EQ(name_of(c, 0), "Author 1");
    EXPECT_EQ(c.text(0), "Minimal Message");
    EXPECT_EQ(format_utc_iso(c.messages.utc[0]), "2018-12-05T10:39:10Z");
    EXPECT_EQ(format_local_iso(c.messages.time[0]), "2018-12-05T10:39:10");
    EXPECT_EQ(name_of(c, 1), "Author 2");
    // Target "Link: https://telegram.org/" is chat-miner's space join of the two entities.
    EXPECT_EQ(c.text(1), "Link:https://telegram.org/");
    EXPECT_EQ(format_utc_iso(c.messages.utc[1]), "2018-12-05T10:49:24Z");
  }
  EXPECT_EQ(import_corpus_file("joweich__chat-miner/test__telegram__test_batch_export.json").corpus.chats[0].title,
            "Chatname");
}
