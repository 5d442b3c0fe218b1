// Conformance of the WhatsApp text importer against the real exports in
// ../shared/corpus and the ground truth recorded in SOURCES.md / MANIFEST.json.
//
// Where a source repository's expectation encodes its own conventions rather
// than the export, the test says so:
//  * whats_json counts media placeholders, deleted messages and calls as
//    "system"; chatlens has kinds for them, so those counts are compared as sums.
//  * chat-miner joins the lines of a multi-line message with spaces and turns
//    NBSP into spaces; chatlens keeps "\n" and the NBSP (compared normalised).
//  * Pustur expects a trailing "\n" on the last message of short-chat.txt (an
//    artefact of splitting the file's final line break); chatlens drops it.
//  * With a caption, an attachment's text is the caption, not the file name.
// Every export is also imported from pieces of 7 and 4096 bytes (as the browser reads a
// File): the corpus and report must be those of the whole file.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "import/import_session.hpp"
#include "imported_file.hpp"
#include "unit/chunked_input.hpp"
#include "unit/corpus_fingerprint.hpp"

using namespace chatlens;
using chatlens::testing::read_file;
using chatlens::testing::shared_corpus_dir;
using K = MessageKind;
using M = MediaKind;

namespace {

struct Imported : chatlens::testing::ImportedFile {
  size_t size() const { return corpus.size(); }
  std::string sender(size_t i) const { return corpus.sender(i) ? corpus.sender(i)->name : ""; }
  std::string time(size_t i) const { return format_local_iso(corpus.messages.time[i]); }
  std::string text(size_t i) const { return std::string(corpus.text(i)); }
  size_t count(K kind) const {
    size_t n = 0;
    for (size_t i = 0; i < size(); ++i) n += corpus.messages.kind[i] == kind;
    return n;
  }
  size_t count(M media) const {
    size_t n = 0;
    for (size_t i = 0; i < size(); ++i) n += corpus.messages.kind[i] == K::Media && corpus.messages.media[i] == media;
    return n;
  }
  std::string owner() const {
    for (const Person& p : corpus.people)
      if (p.is_owner) return p.name;
    return "";
  }
  // Index of the first message with this text, or size().
  size_t find(std::string_view text) const {
    for (size_t i = 0; i < size(); ++i)
      if (corpus.text(i) == text) return i;
    return size();
  }
};

Imported import_file(const std::string& relative) {
  Imported out{chatlens::testing::import_corpus_file(relative)};
  EXPECT_TRUE(out.report.ok()) << relative << ": " << (out.report.status.detail());
  EXPECT_EQ(out.report.platform, "whatsapp") << relative;
  const std::string whole = chatlens::testing::fingerprint(out.report) + chatlens::testing::fingerprint(out.corpus);
  const auto path = shared_corpus_dir() / relative;
  for (size_t piece : {7, 4096}) {
    ImportSession in_pieces(chatlens::testing::kTestToday);
    const SourceReport report =
        chatlens::testing::add_in_pieces(in_pieces, path.filename().string(), read_file(path), piece);
    const Corpus corpus = std::move(in_pieces).finish();
    EXPECT_EQ(chatlens::testing::fingerprint(report) + chatlens::testing::fingerprint(corpus), whole)
        << relative << " in pieces of " << piece;
  }
  return out;
}

std::string replace_all(const std::string& s, std::string_view from, std::string_view to) {
  std::string out;
  size_t at = 0;
  for (size_t hit = s.find(from); hit != std::string::npos; hit = s.find(from, at)) {
    out.append(s, at, hit - at).append(to);
    at = hit + from.size();
  }
  return out.append(s, at, std::string::npos);
}

// chat-miner's view of a text: lines joined by spaces, NBSP as space.
std::string joined(const std::string& s) { return replace_all(replace_all(s, "\n", " "), "\u00A0", " "); }

// Rows of a small CSV file (quoted fields may hold commas, quotes and line breaks).
std::vector<std::vector<std::string>> read_csv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"')
        field += '"', ++i;
      else if (c == '"')
        quoted = false;
      else
        field += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(std::move(field)), field.clear();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      rows.back().push_back(std::move(field)), field.clear();
      rows.emplace_back();
    } else {
      field += c;
    }
  }
  if (!field.empty() || !rows.back().empty()) rows.back().push_back(std::move(field));
  while (!rows.empty() && (rows.back().empty() || (rows.back().size() == 1 && rows.back()[0].empty()))) rows.pop_back();
  return rows;
}

// Every row of a chat-miner target (timestamp, author, message) is one of our
// messages: same minute-or-second time, same author ("System": none), same text.
void expect_chat_miner_target(const Imported& w, const std::string& target_csv) {
  const auto rows = read_csv(read_file(shared_corpus_dir() / target_csv));
  ASSERT_GT(rows.size(), 1u);
  std::vector<bool> used(w.size(), false);
  for (size_t r = 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    ASSERT_GE(row.size(), 3u) << target_csv << " row " << r;
    const std::string time = replace_all(row[0], " ", "T");
    const std::string author = row[1] == "System" ? "" : row[1];
    bool found = false;
    for (size_t i = 0; i < w.size() && !found; ++i) {
      if (used[i] || w.time(i) != time || w.sender(i) != author) continue;
      const bool vanished = row[2] == "<Disappearing Message>";
      if (vanished ? w.corpus.messages.kind[i] != K::Media : joined(w.text(i)) != row[2]) continue;
      used[i] = found = true;
    }
    EXPECT_TRUE(found) << target_csv << ": no message " << row[0] << " | " << row[1] << " | " << row[2];
  }
  EXPECT_EQ(w.size(), rows.size() - 1) << target_csv;
}

// whats_json's "iOS" expectation for the language files: 23 messages, 4 text,
// 2 locations, 17 "system" (which, for chatlens, are 13 media, 1 contact card,
// 2 deleted messages and the encryption notice).
void expect_whats_json_ios_language(const std::string& file) {
  SCOPED_TRACE(file);
  const Imported w = import_file("starkdmi__whats_json/" + file);
  EXPECT_EQ(w.size(), 23u);
  EXPECT_EQ(w.count(K::Text), 4u);
  EXPECT_EQ(w.count(K::Location), 2u);
  EXPECT_EQ(w.count(K::Media) + w.count(K::Contact) + w.count(K::Deleted) + w.count(K::System), 17u);
  EXPECT_EQ(w.count(M::Image), 4u);
  EXPECT_EQ(w.count(M::Video), 2u);
  EXPECT_EQ(w.count(M::Audio), 1u);
  EXPECT_EQ(w.count(M::Sticker), 2u);
  EXPECT_EQ(w.count(M::Gif), 1u);
  EXPECT_EQ(w.count(M::Document), 3u);
  EXPECT_EQ(w.count(K::Contact), 1u);
  EXPECT_EQ(w.count(K::Deleted), 2u);
  EXPECT_EQ(w.count(K::System), 1u);
  ASSERT_GT(w.size(), 0u);
  EXPECT_EQ(w.sender(0), "");  // the encryption notice, whoever iOS attributed it to
  EXPECT_EQ(w.time(0).substr(0, 16), "2022-03-18T14:56");
  EXPECT_EQ(w.corpus.chats.at(0).kind, ChatKind::Private);
  EXPECT_FALSE(w.owner().empty());  // "You deleted this message" names the owner
  EXPECT_EQ(w.report.lines_skipped, 0u);
}

// whats_json's "Android" expectation: 60 messages, 15 text, 2 files (contact
// cards), 3 locations, 40 "system" (for chatlens: 29 media, 8 deleted, 2 calls, 1 notice).
void expect_whats_json_android_language(const std::string& file) {
  SCOPED_TRACE(file);
  const Imported w = import_file("starkdmi__whats_json/" + file);
  EXPECT_EQ(w.size(), 60u);
  EXPECT_EQ(w.count(K::Text), 15u);
  EXPECT_EQ(w.count(K::Contact), 2u);
  EXPECT_EQ(w.count(K::Location), 3u);
  EXPECT_EQ(w.count(K::Media), 29u);
  EXPECT_EQ(w.count(K::Deleted), 8u);
  EXPECT_EQ(w.count(K::Call), 2u);
  EXPECT_EQ(w.count(K::System), 1u);
  EXPECT_EQ(w.owner(), "Elon");
  EXPECT_EQ(w.report.date_order, "DMY");
}

}  // namespace

TEST(WhatsAppCorpus, EveryTextExportImportsWithAllItsHeaders) {
  REQUIRE_SHARED_CORPUS();
  simdjson::dom::parser parser;
  simdjson::dom::element manifest;
  ASSERT_EQ(parser.load((shared_corpus_dir() / "MANIFEST.json").string()).get(manifest), simdjson::SUCCESS);
  size_t checked = 0;
  for (simdjson::dom::element file : manifest["files"].get_array()) {
    std::string_view kind, platform, path;
    if (file["kind"].get(kind) || file["platform"].get(platform) || file["path"].get(path)) continue;
    if (kind != "export" || platform.substr(0, 8) != "whatsapp" || path.size() < 4 ||
        path.substr(path.size() - 4) != ".txt")
      continue;  // other platforms, and zips (read by the native layer)
    SCOPED_TRACE(std::string(path));
    const Imported w = import_file(std::string(path));
    int64_t headers = 0;
    if (file["stats"]["header_lines"].get(headers) == simdjson::SUCCESS && platform != "whatsapp (synthetic mix)") {
      EXPECT_EQ(w.size(), static_cast<size_t>(headers));  // one message per header line, nothing lost
    }
    EXPECT_GT(w.size(), 0u);
    EXPECT_EQ(w.report.lines_skipped, 0u);
    EXPECT_EQ(w.report.records, w.size());
    ++checked;
  }
  EXPECT_GE(checked, 45u);
}

TEST(WhatsAppCorpus, WhatsJsonIosLanguageFiles) {
  REQUIRE_SHARED_CORPUS();
  for (const char* lang : {"arabic", "arabic2", "czech", "deutch", "english", "french", "hindi", "indonesian",
                           "italian", "japanese", "portugal", "russian", "spanish", "thai", "ukrainian", "vietnamese"})
    expect_whats_json_ios_language(std::string("test__data__languages__") + lang + "_ios.txt");
  expect_whats_json_ios_language("test__data__chats_unique__WhatsApp Chat - Arabic_NoMedia Dmitry S.txt");
}

TEST(WhatsAppCorpus, WhatsJsonAndroidLanguageFiles) {
  REQUIRE_SHARED_CORPUS();
  for (const char* lang : {"english", "czech", "russian"})
    expect_whats_json_android_language(std::string("test__data__languages__") + lang + "_android.txt");
}

TEST(WhatsAppCorpus, WhatsJsonAndroidWithMedia) {
  REQUIRE_SHARED_CORPUS();
  // 60 messages; 15 text; 2 image; 2 video; 1 audio (a voice note); 4 sticker; 2 file; 3 location; 31 "system".
  const Imported w = import_file("starkdmi__whats_json/test__data__languages__english_android_media.txt");
  EXPECT_EQ(w.size(), 60u);
  EXPECT_EQ(w.count(K::Text), 15u);
  EXPECT_EQ(w.count(M::Image), 2u);
  EXPECT_EQ(w.count(M::Video), 2u);
  EXPECT_EQ(w.count(M::Voice), 1u);
  EXPECT_EQ(w.count(M::Sticker), 4u);
  EXPECT_EQ(w.count(K::Contact), 2u);
  EXPECT_EQ(w.count(K::Location), 3u);
  EXPECT_EQ(w.count(M::Other) + w.count(K::Deleted) + w.count(K::Call) + w.count(K::System), 31u);
  // Captions stay with their media.
  const size_t caption = w.find("\u0422\u0438\u0442\u043B");  // "Титл"
  ASSERT_LT(caption, w.size());
  EXPECT_EQ(w.corpus.messages.media[caption], M::Image);
}

TEST(WhatsAppCorpus, WhatsJsonIosWithMedia) {
  REQUIRE_SHARED_CORPUS();
  // 25 messages; 4 text; 3 image; 2 video; 1 audio; 1 gif; 2 sticker; 4 file; 2 location; 6 "system"
  // (their system: the view-once "image omitted", 2 deleted, the notice and 2 security-code lines).
  for (const char* file : {"starkdmi__whats_json/test__data__languages__english_ios_media.txt",
                           "starkdmi__whats_json/example___chat_with_media.txt"}) {
    SCOPED_TRACE(file);
    const Imported w = import_file(file);
    EXPECT_EQ(w.size(), 25u);
    EXPECT_EQ(w.count(K::Text), 4u);
    EXPECT_EQ(w.count(M::Image), 3u + 1u);
    EXPECT_EQ(w.count(M::Video), 2u);
    EXPECT_EQ(w.count(M::Audio), 1u);
    EXPECT_EQ(w.count(M::Gif), 1u);
    EXPECT_EQ(w.count(M::Sticker), 2u);
    EXPECT_EQ(w.count(M::Document) + w.count(K::Contact), 4u);
    EXPECT_EQ(w.count(K::Location), 2u);
    EXPECT_EQ(w.count(K::Deleted) + w.count(K::System) + 1u, 6u);
  }
}

TEST(WhatsAppCorpus, WhatsJsonDmitrySWithMedia) {
  REQUIRE_SHARED_CORPUS();
  const Imported w = import_file("starkdmi__whats_json/test__data__chats_unique__WhatsApp Chat - Dmitry S.txt");
  ASSERT_EQ(w.size(), 23u);
  EXPECT_EQ(w.time(0), "2022-03-18T14:56:01");
  EXPECT_EQ(w.time(22), "2022-03-27T21:56:46");
  const size_t hello = w.find("Hello World");
  ASSERT_LT(hello, w.size());
  EXPECT_EQ(w.sender(hello), "Dmitry S");
  EXPECT_EQ(w.time(hello), "2022-03-27T21:41:35");
  size_t hellos = 0, texts_deleted = 0;
  for (size_t i = 0; i < w.size(); ++i) {
    hellos += w.text(i) == "Hello World" && w.corpus.messages.kind[i] == K::Text;
    texts_deleted += w.corpus.messages.kind[i] == K::Text &&
                     (w.text(i) == "You deleted this message." || w.text(i) == "This message was deleted.");
  }
  EXPECT_EQ(hellos, 2u);
  EXPECT_EQ(texts_deleted, 0u);
  EXPECT_EQ(w.corpus.messages.kind[w.find("\U0001F60A")], K::Text);
  EXPECT_EQ(w.corpus.messages.kind[w.find("This message is reply to another")], K::Text);
  const std::map<std::string, std::pair<K, M>> files = {
      {"00000035-PHOTO-2022-03-27-21-41-55.jpg", {K::Media, M::Image}},
      {"00000055-PHOTO-2022-03-27-21-53-56.jpg", {K::Media, M::Image}},
      {"00000057-VIDEO-2022-03-27-21-55-12.mp4", {K::Media, M::Video}},
      {"00000038-AUDIO-2022-03-27-21-44-47.opus", {K::Media, M::Audio}},
      {"00000051-GIF-2022-03-27-21-51-57.mp4", {K::Media, M::Gif}},
      {"00000046-Some file.txt", {K::Media, M::Document}},
      {"00000047-Resume-Dmitry-Starkov.pdf", {K::Media, M::Document}},
      {"00000048-Template.docx", {K::Media, M::Document}},
      {"00000042-TR.vcf", {K::Contact, M::None}},
      {"00000043-STICKER-2022-03-27-21-49-16.webp", {K::Media, M::Sticker}},
      {"00000044-STICKER-2022-03-27-21-49-19.webp", {K::Media, M::Sticker}},
  };
  for (const auto& [name, kinds] : files) {
    const size_t i = w.find(name);
    ASSERT_LT(i, w.size()) << name;
    EXPECT_EQ(w.corpus.messages.kind[i], kinds.first) << name;
    EXPECT_EQ(w.corpus.messages.media[i], kinds.second) << name;
  }
  const size_t pin = w.find("https://maps.google.com/?q=51.5021456,-0.127397");
  ASSERT_LT(pin, w.size());
  EXPECT_EQ(w.corpus.messages.kind[pin], K::Location);
  size_t venue = w.size();
  for (size_t i = 0; i < w.size(); ++i)
    if (w.text(i).rfind("Pimlico Gardens (London, United Kingdom)", 0) == 0) venue = i;
  ASSERT_LT(venue, w.size());
  EXPECT_EQ(w.corpus.messages.kind[venue], K::Location);
  // The phone number the notice and a deletion are attributed to (one without its closing PDF).
  EXPECT_EQ(w.sender(w.find("This message was deleted.")), "+40 521 028 62 18");
}

TEST(WhatsAppCorpus, WhatsJsonBadFileDoesNotFail) {
  REQUIRE_SHARED_CORPUS();
  const Imported w =
      import_file("starkdmi__whats_json/test__data__chats_unique__WhatsApp Chat - Bad +90 531 022 21 53.txt");
  EXPECT_EQ(w.size(), 8u);
  EXPECT_EQ(w.corpus.messages.media[w.find("00000035-PHOTO-2022-03-27-21-41-55.jpg")], M::Image);
}

TEST(WhatsAppCorpus, WhatsJsonGroups) {
  REQUIRE_SHARED_CORPUS();
  const Imported ios = import_file("starkdmi__whats_json/test__data__chats_unique__WhatsApp Chat - Group Chat XXX.txt");
  EXPECT_EQ(ios.size(), 17u);
  EXPECT_EQ(ios.count(K::System), 15u);
  EXPECT_EQ(ios.count(K::Text), 2u);
  EXPECT_EQ(ios.corpus.chats.at(0).kind, ChatKind::Group);
  EXPECT_EQ(ios.time(0), "2023-01-11T16:11:21");  // M/D/YY as on the Android copy of the same chat

  const Imported android =
      import_file("starkdmi__whats_json/test__data__android__WhatsApp Chat with Group Chat XXX Android.txt");
  EXPECT_EQ(android.size(), 20u);
  EXPECT_EQ(android.count(K::System), 16u);
  EXPECT_EQ(android.corpus.chats.at(0).kind, ChatKind::Group);
  EXPECT_EQ(android.time(0).substr(0, 10), "2023-01-11");

  // skipSystem counts: 3, 12 and 4 (whats_json also skips "image omitted").
  const Imported g2017 =
      import_file("starkdmi__whats_json/test__data__chats_unique__WhatsApp Chat - Group_NoMedia 2017.txt");
  EXPECT_EQ(g2017.size() - g2017.count(K::System), 3u);
  EXPECT_EQ(g2017.text(4), "How are you?\nIs everything alright?");
  const Imported ru =
      import_file("starkdmi__whats_json/test__data__chats_unique__WhatsApp Chat - Group_NoMedia 2019 RU.txt");
  EXPECT_EQ(ru.size() - ru.count(K::System), 12u);
  const Imported football = import_file(
      "starkdmi__whats_json/test__data__chats_unique__WhatsApp Chat - Group_NoMedia Football Sunday 10am.txt");
  EXPECT_EQ(football.size(), 12u);
  EXPECT_EQ(football.count(K::Text), 4u);
  const size_t roster = football.find("koray\nmatt\nrich\nmel \ndave \nvictor\ndimitri?\nAlex?");
  ASSERT_LT(roster, football.size());
  EXPECT_EQ(football.time(roster), "2022-02-01T18:13:27");
  EXPECT_EQ(football.sender(roster), "+90 514 771 05 38");
  for (size_t i = 0; i < football.size(); ++i)
    if (football.corpus.messages.kind[i] != K::System) {
      EXPECT_NE(football.text(i).rfind("You were added", 0), 0u);
      EXPECT_NE(football.text(i), "+90 535 540 20 75 left");
    }
}

TEST(WhatsAppCorpus, WhatsJsonDutchAndroid) {
  REQUIRE_SHARED_CORPUS();
  for (const char* file : {"starkdmi__whats_json/test__data__languages__deutch_android_media.txt",
                           "starkdmi__whats_json/test__data__chats_unique__WhatsApp-chat met Dmitry S.txt"}) {
    SCOPED_TRACE(file);
    const Imported w = import_file(file);
    EXPECT_EQ(w.size(), 41u);
    EXPECT_EQ(w.count(K::Location), 3u);
    EXPECT_EQ(w.count(K::Contact), 2u);
    EXPECT_EQ(w.count(K::Call), 2u);
    EXPECT_EQ(w.count(K::System), 1u);
    EXPECT_EQ(w.count(M::Voice), 1u);
    EXPECT_EQ(w.owner(), "Elon");
  }
}

TEST(WhatsAppCorpus, ChatMinerTargets) {
  REQUIRE_SHARED_CORPUS();
  const std::string dir = "joweich__chat-miner/";
  for (int n : {1, 2, 3, 4, 5}) {
    const std::string base = dir + "HIST_71990a9__test__whatsapp__test_dateformat" + std::to_string(n);
    SCOPED_TRACE(base);
    expect_chat_miner_target(import_file(base + ".txt"), base + "_target.csv");
  }
  expect_chat_miner_target(import_file(dir + "HIST_62d255f__test__whatsapp__test_dateformat6.txt"),
                           dir + "HIST_62d255f__test__whatsapp__test_dateformat6_target.csv");
  expect_chat_miner_target(import_file(dir + "HIST_71990a9__test__whatsapp__test_unicode.txt"),
                           dir + "HIST_71990a9__test__whatsapp__test_unicode_target.csv");
}

TEST(WhatsAppCorpus, ChatMinerJsonTargetForEveryDateFormat) {
  REQUIRE_SHARED_CORPUS();
  simdjson::dom::parser parser;
  simdjson::dom::element target;
  ASSERT_EQ(parser.load((shared_corpus_dir() / "joweich__chat-miner/test__whatsapp__target.json").string()).get(target),
            simdjson::SUCCESS);
  for (const char* file : {"test__whatsapp__test_[mmddyy]_24hrs.txt", "test__whatsapp__test_ddmmyy_24hrs.txt",
                           "test__whatsapp__test_mmddyy_24hrs.txt", "test__whatsapp__test_mmddyyyy_12hrs.txt",
                           "test__whatsapp__test_yyyymmdd_24hrs.txt"}) {
    SCOPED_TRACE(file);
    const Imported w = import_file(std::string("joweich__chat-miner/") + file);
    // Their target drops the 2 system lines and the "John Doe:." record (a media item for chatlens).
    EXPECT_EQ(w.size(), 9u);
    EXPECT_EQ(w.count(K::System), 2u);
    EXPECT_EQ(w.count(K::Media), 1u);
    std::vector<size_t> texts;
    for (size_t i = 0; i < w.size(); ++i)
      if (w.corpus.messages.kind[i] == K::Text) texts.insert(texts.begin(), i);  // newest first, as the target
    ASSERT_EQ(texts.size(), target.get_array().size());
    size_t k = 0;
    for (simdjson::dom::element row : target.get_array()) {
      const size_t i = texts[k++];
      EXPECT_EQ(w.time(i), row["timestamp"].get_string().value());
      EXPECT_EQ(w.sender(i), row["author"].get_string().value());
      EXPECT_EQ(joined(w.text(i)), row["message"].get_string().value());
    }
  }
}

TEST(WhatsAppCorpus, ChatAnalyticsSamples) {
  REQUIRE_SHARED_CORPUS();
  const Imported two = import_file("mlomb__chat-analytics/tests__samples__whatsapp__2A_5M.txt");
  ASSERT_EQ(two.size(), 5u);
  const char* const want[][4] = {{"A", "2021-01-01T12:00:00", "text", "Hi"},
                                 {"B", "2021-01-01T12:01:00", "text", "Whats up?"},
                                 {"A", "2021-01-01T12:02:00", "text", "All good"},
                                 {"A", "2021-01-01T12:02:00", "text", "This message should be reordered"},
                                 {"B", "2021-01-01T12:03:00", "media", ""}};
  for (size_t i = 0; i < 5; ++i) {
    EXPECT_EQ(two.sender(i), want[i][0]);
    EXPECT_EQ(two.time(i), want[i][1]);
    EXPECT_EQ(to_string(two.corpus.messages.kind[i]), want[i][2]);
    EXPECT_EQ(two.text(i), want[i][3]);
  }
  EXPECT_EQ(two.corpus.chats.at(0).kind, ChatKind::Private);

  const Imported group = import_file("mlomb__chat-analytics/tests__samples__whatsapp__4A_11M.txt");
  EXPECT_EQ(group.corpus.chats.at(0).kind, ChatKind::Group);
  std::vector<std::string> authors;
  for (PersonId p : group.corpus.chats.at(0).members) authors.push_back(group.corpus.people[p].name);
  std::sort(authors.begin(), authors.end());
  EXPECT_EQ(authors, (std::vector<std::string>{"Alice", "Bob", "Eve", "Mallory", "Trent"}));
  EXPECT_EQ(group.count(K::Text), 11u);
  for (const char* text : {"boiii", "\U0001F469\U0001F3FB\u200D\u2696\uFE0F"}) {
    const size_t i = group.find(text);
    ASSERT_LT(i, group.size()) << text;
    EXPECT_EQ(group.time(i), "2020-09-12T23:55:00");
  }
}

TEST(WhatsAppCorpus, WhatstkSamples) {
  REQUIRE_SHARED_CORPUS();
  const Imported pokemon = import_file("lucasrodes__whatstk/chats__whatsapp__pokemon.txt");
  for (const Person& p : pokemon.corpus.people) EXPECT_NE(p.name, "Pokemon Chat");
  EXPECT_EQ(pokemon.sender(0), "");
  const char* const head[][3] = {{"2016-08-06T13:23:00", "Ash Ketchum", "Hey guys!"},
                                 {"2016-08-06T13:25:00", "Brock", ""},
                                 {"2016-08-06T13:30:00", "Misty", ""},
                                 {"2016-08-06T13:45:00", "Ash Ketchum", ""},
                                 {"2016-08-06T14:30:00", "Misty", ""}};
  for (size_t k = 0; k < 5; ++k) {
    EXPECT_EQ(pokemon.time(k + 2), head[k][0]);
    EXPECT_EQ(pokemon.sender(k + 2), head[k][1]);
    if (*head[k][2]) {
      EXPECT_EQ(pokemon.text(k + 2), head[k][2]);
    }
  }

  const Imported lorem = import_file("lucasrodes__whatstk/chats__whatsapp__lorem.txt");
  EXPECT_EQ(lorem.size(), 500u);
  EXPECT_EQ(lorem.time(0), "2020-01-15T02:22:56");
  EXPECT_EQ(lorem.sender(0), "Mary");
  EXPECT_EQ(lorem.text(0), "Nostrud exercitation magna id. ");  // the export's trailing space is kept
  EXPECT_EQ(lorem.time(4), "2020-01-15T06:56:00");
  EXPECT_EQ(lorem.sender(4), "Mary");

  const Imported lorem2000 = import_file("lucasrodes__whatstk/chats__whatsapp__lorem-2000.txt");
  EXPECT_EQ(lorem2000.size(), 2000u);
  EXPECT_EQ(lorem2000.time(0), "2019-04-16T02:09:00");
  EXPECT_EQ(lorem2000.sender(0), "+1 123 456 789");
  EXPECT_EQ(lorem2000.sender(1), "Mary");
  EXPECT_EQ(lorem2000.time(2), "2019-04-17T12:56:00");
  EXPECT_EQ(lorem2000.sender(2), "John");

  const Imported part1 = import_file("lucasrodes__whatstk/chats__whatsapp__lorem-merge-part1.txt");
  EXPECT_EQ(part1.size(), 300u);
  EXPECT_EQ(part1.time(0), "2019-10-20T10:16:00");
  EXPECT_EQ(part1.text(0), "Laborum sed excepteur id eu cillum sunt ut. ");
  const Imported part2 = import_file("lucasrodes__whatstk/chats__whatsapp__lorem-merge-part2.txt");
  EXPECT_EQ(part2.size(), 300u);
  EXPECT_EQ(part2.time(0), "2020-06-20T10:16:00");
  EXPECT_EQ(part2.text(0), "Elit incididunt lorem sed nostrud. ");
}

TEST(WhatsAppCorpus, PusturSamples) {
  REQUIRE_SHARED_CORPUS();
  const Imported shortchat = import_file("Pustur__whatsapp-chat-parser/samples__short-chat.txt");
  ASSERT_EQ(shortchat.size(), 5u);
  // Pustur: "How are you?\n\nIs everything alright?\n" — the final "\n" is the file's last line break.
  EXPECT_EQ(shortchat.text(4), "How are you?\n\nIs everything alright?");
  EXPECT_EQ(shortchat.sender(4), "+410123456789");

  const Imported site =
      import_file("Pustur__whatsapp-chat-parser-website/src__assets__whatsapp-chat-parser-example.zip__in___chat.txt");
  EXPECT_EQ(site.corpus.chats.at(0).kind, ChatKind::Group);
  EXPECT_EQ(site.count(K::Poll), 1u);
  const size_t poll = site.find(
      "When can we meet?\nThursday 15 evening\nFriday 16 afternoon\nFriday 16 evening\nSaturday 17 afternoon\n"
      "Saturday 17 evening");
  ASSERT_LT(poll, site.size());
  EXPECT_EQ(site.sender(poll), "Loris");
  EXPECT_EQ(site.count(M::Image), 1u);
  EXPECT_EQ(site.count(M::Video), 1u);
  EXPECT_EQ(site.count(M::Audio), 1u);
  EXPECT_EQ(site.count(M::Document), 1u);
  EXPECT_LT(site.find("Come on...\ndon't be so mysterious and show us!"), site.size());  // CRLF inside → \n

  const Imported nested = import_file(
      "Pustur__whatsapp-chat-parser-website/"
      "src__assets__whatsapp-chat-parser-example.zip__in__00000004-whatsapp-chat-parser-example.zip__in___chat.txt");
  EXPECT_EQ(nested.size(), 100u);
  EXPECT_EQ(nested.sender(0), "");
}

TEST(WhatsAppCorpus, PusturParserLines) {
  REQUIRE_SHARED_CORPUS();
  const std::string tsv =
      read_file(shared_corpus_dir() / "Pustur__whatsapp-chat-parser/EXTRACTED__tests__parser.test.ts.lines.tsv");
  simdjson::dom::parser parser;
  size_t checked = 0;
  for (size_t pos = 0; pos < tsv.size();) {
    size_t end = tsv.find('\n', pos);
    if (end == std::string::npos) end = tsv.size();
    const std::string line = tsv.substr(pos, end - pos);
    pos = end + 1;
    if (line.empty() || line[0] != '"') continue;
    const size_t tab = line.find('\t');
    std::string_view input;
    simdjson::padded_string json(line.substr(0, tab));
    ASSERT_EQ(parser.parse(json).get(input), simdjson::SUCCESS) << line;
    const std::string expected = line.substr(tab + 1, line.find('\t', tab + 1) - tab - 1);
    SCOPED_TRACE(line);
    ImportSession session(chatlens::testing::kTestToday);
    session.add("chat.txt", std::string(input));
    const Corpus c = std::move(session).finish();
    ASSERT_GE(c.size(), 1u);
    if (expected.rfind("attachment=", 0) == 0) {
      const std::string name = expected.substr(11);
      EXPECT_EQ(c.messages.kind[0], K::Media);
      EXPECT_EQ(c.messages.media[0], M::Image);
      // With a caption the text is the caption (chatlens), else the file name.
      if (input.find('\n') == std::string_view::npos) {
        EXPECT_EQ(c.text(0), name);
      }
    } else if (expected.find(" / ") != std::string::npos) {
      ASSERT_EQ(c.size(), 2u);
      EXPECT_EQ(format_local_iso(c.messages.time[0]), expected.substr(0, expected.find(" / ")));
      EXPECT_EQ(format_local_iso(c.messages.time[1]), expected.substr(expected.find(" / ") + 3));
    } else {
      EXPECT_EQ(format_local_iso(c.messages.time[0]), expected);
    }
    ++checked;
  }
  EXPECT_EQ(checked, 19u);
}

TEST(WhatsAppCorpus, RwhatsappSample) {
  REQUIRE_SHARED_CORPUS();
  const Imported w = import_file("JBGruber__rwhatsapp/inst__extdata__sample.txt");
  const auto rows =
      read_csv(read_file(shared_corpus_dir() / "JBGruber__rwhatsapp/EXPECTED__tests__files__rwa_read.RDS.csv"));
  ASSERT_EQ(rows.size(), 10u);  // header + 9 messages
  ASSERT_EQ(w.size(), 9u);
  for (size_t i = 0; i < 9; ++i) {
    const auto& row = rows[i + 1];
    ASSERT_EQ(row.size(), 3u);
    EXPECT_EQ(w.time(i).substr(0, 16), row[0].substr(0, 16));  // rwhatsapp adds stray seconds
    EXPECT_EQ(w.sender(i), row[1]);
    if (row[2] == "<Media omitted>")
      EXPECT_EQ(w.corpus.messages.kind[i], K::Media);  // a placeholder, not text, for chatlens
    else
      EXPECT_EQ(w.text(i), row[2]);
  }
  EXPECT_EQ(w.count(K::System), 2u);
}

TEST(WhatsAppCorpus, RwhatsappLinePairs) {
  REQUIRE_SHARED_CORPUS();
  // Synthetic shapes from rwhatsapp's tests that no WhatsApp version writes: dates
  // separated by commas or spaces, "- time;" and the "weirdo" time-first form without year.
  const std::vector<std::string> unsupported = {"07,12,2017", "20 09 17", "- 22:35:22;", "10:35 PM, 07 20"};
  const std::string tsv =
      read_file(shared_corpus_dir() / "JBGruber__rwhatsapp/EXTRACTED__tests__testthat__test-rwhatsapp.R.lines.tsv");
  size_t checked = 0;
  for (size_t pos = 0; pos < tsv.size();) {
    size_t end = tsv.find('\n', pos);
    if (end == std::string::npos) end = tsv.size();
    const std::string line = tsv.substr(pos, end - pos);
    pos = end + 1;
    if (line.empty() || line[0] == '#') continue;
    const size_t tab1 = line.find('\t'), tab2 = line.find('\t', tab1 + 1);
    const std::string first = line.substr(0, tab1), second = line.substr(tab1 + 1, tab2 - tab1 - 1);
    const std::string note = tab2 == std::string::npos ? "" : line.substr(tab2 + 1);
    bool skip = false;
    for (const std::string& u : unsupported) skip |= first.find(u) != std::string::npos;
    if (skip) continue;
    SCOPED_TRACE(first);
    ImportSession session(chatlens::testing::kTestToday);
    session.add("chat.txt", first + "\n---> Another line - with a dash\n" + second + "\n");
    const Corpus c = std::move(session).finish();
    ASSERT_EQ(c.size(), 2u);
    std::string want1 = "2017-07-12T22:35", want2 = "2017-07-13T09:12";
    if (note.find("2015-05-07") != std::string::npos) want1 = "2015-05-07T22:35", want2 = "2015-05-08T09:12";
    if (note.find("10:35 / ") != std::string::npos || note.find("2017-07-12T10:35") != std::string::npos)
      want1 = "2017-07-12T10:35", want2 = "2017-07-13T22:36";
    if (first.find("20.09.17") != std::string::npos || first.find("[20.09.17") != std::string::npos)
      want1 = "2017-09-20T16:54", want2 = "2017-09-20T16:54";
    if (first.find("10:35 PM - Johannes Gruber: Was it good?") != std::string::npos &&
        second.find("10:36 PM") != std::string::npos)
      want2 = "2017-07-13T22:36";
    EXPECT_EQ(format_local_iso(c.messages.time[0]).substr(0, 16), want1);
    EXPECT_EQ(format_local_iso(c.messages.time[1]).substr(0, 16), want2);
    if (first.find("Johannes Gruber: Was it good?") != std::string::npos) {
      EXPECT_EQ(c.text(0), "Was it good?\n---> Another line - with a dash");
    }
    ++checked;
  }
  EXPECT_GE(checked, 60u);
}
