// bench/export_generator: the same options give the same bytes, and what it writes is a
// well-formed export that chatlens imports completely, with the owner found.
#if __has_include("export_generator.hpp")
#include "export_generator.hpp"

#include <gtest/gtest.h>
#include <simdjson.h>

#include <algorithm>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "import/import_session.hpp"
#include "model/identity.hpp"
#include "test_today.hpp"

namespace {

using chatlens::bench::Clock;
using chatlens::bench::ExportFormat;
using chatlens::bench::GeneratedFile;
using chatlens::bench::GenerationSummary;
using chatlens::bench::GeneratorOptions;

GeneratorOptions options(ExportFormat format, uint64_t messages, uint32_t chats, uint64_t seed = 1,
                         Clock clock = Clock::FromSeed) {
  GeneratorOptions o;
  o.format = format;
  o.messages = messages;
  o.chats = chats;
  o.seed = seed;
  o.clock = clock;
  return o;
}

std::string concatenated(const std::vector<GeneratedFile>& files) {
  std::string all;
  for (const auto& f : files) all += f.name + '\0' + f.bytes + '\0';
  return all;
}

struct Imported {
  chatlens::Corpus corpus;
  uint64_t records = 0, skipped = 0;
  std::string errors, skipped_examples;
  chatlens::OwnerResolution owner;
};

Imported import_all(const std::vector<GeneratedFile>& files) {
  chatlens::ImportSession session(chatlens::testing::kTestToday);
  Imported out;
  for (const auto& f : files) {
    const chatlens::SourceReport& r = session.add(f.name, f.bytes);
    out.records += r.records;
    out.skipped += r.lines_skipped;
    if (!r.ok()) out.errors += f.name + ": " + chatlens::SourceMessage::of(r.status).debug() + "\n";
    for (const auto& s : r.skipped_examples)
      out.skipped_examples += f.name + ":" + std::to_string(s.line) + ": " + s.reason.debug() + ": " + s.excerpt + "\n";
  }
  out.corpus = std::move(session).finish();
  out.owner = chatlens::resolve_owner(out.corpus);
  return out;
}

void expect_complete_import(const std::vector<GeneratedFile>& files, const GenerationSummary& summary) {
  const Imported in = import_all(files);
  EXPECT_EQ(in.errors, "");
  EXPECT_EQ(in.skipped, 0u) << in.skipped_examples;
  EXPECT_EQ(in.corpus.size(), summary.messages);
  EXPECT_EQ(in.corpus.chats.size(), summary.chats.size());
  ASSERT_EQ(in.owner.status, chatlens::OwnerResolution::Status::Resolved)
      << in.owner.candidates.size() << " candidates";
  EXPECT_EQ(chatlens::owner_name(in.corpus), "Alex Rivera");
}

// Lines that start a record; every other line continues the previous record's body.
size_t header_lines(std::string_view text, const std::regex& header) {
  size_t count = 0, pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string line(text.substr(pos, end - pos));
    if (std::regex_search(line, header, std::regex_constants::match_continuous)) ++count;
    pos = end + 1;
  }
  return count;
}

TEST(ExportGenerator, SameSeedGivesTheSameBytes) {
  for (ExportFormat f :
       {ExportFormat::WhatsAppAndroid, ExportFormat::WhatsAppIos, ExportFormat::Telegram, ExportFormat::Discord,
        ExportFormat::Messenger, ExportFormat::Instagram, ExportFormat::Signal}) {
    const auto a = chatlens::bench::generate_export_files(options(f, 3000, 4, 7));
    const auto b = chatlens::bench::generate_export_files(options(f, 3000, 4, 7));
    const auto c = chatlens::bench::generate_export_files(options(f, 3000, 4, 8));
    EXPECT_EQ(concatenated(a), concatenated(b)) << to_string(f);
    EXPECT_NE(concatenated(a), concatenated(c)) << to_string(f);
  }
}

TEST(ExportGenerator, AndroidAndIosHoldTheSameConversations) {
  GenerationSummary android, ios;
  chatlens::bench::generate_export_files(options(ExportFormat::WhatsAppAndroid, 5000, 5), &android);
  chatlens::bench::generate_export_files(options(ExportFormat::WhatsAppIos, 5000, 5), &ios);
  ASSERT_EQ(android.chats.size(), ios.chats.size());
  for (size_t i = 0; i < android.chats.size(); ++i) {
    EXPECT_EQ(android.chats[i].title, ios.chats[i].title);
    EXPECT_EQ(android.chats[i].messages, ios.chats[i].messages);
  }
}

TEST(ExportGenerator, WritesExactlyTheRequestedMessageCount) {
  GenerationSummary s;
  const auto files = chatlens::bench::generate_export_files(options(ExportFormat::WhatsAppAndroid, 12345, 7), &s);
  EXPECT_EQ(s.messages, 12345u);
  ASSERT_EQ(files.size(), 7u);
  EXPECT_EQ(files[1].name, "WhatsApp Chat with Lucía Fernández.txt");
  const std::regex header(R"(\d{1,2}/\d{1,2}/\d{2}, \d{2}:\d{2} - )");
  size_t headers = 0;
  for (const auto& f : files) headers += header_lines(f.bytes, header);
  EXPECT_EQ(headers, 12345u);
}

TEST(ExportGenerator, IosTwelveHourHeadersUseANarrowNoBreakSpace) {
  GenerationSummary s;
  const auto files =
      chatlens::bench::generate_export_files(options(ExportFormat::WhatsAppIos, 4000, 3, 1, Clock::H12), &s);
  const std::regex header("(\u200E)?\\[\\d{1,2}/\\d{1,2}/\\d{2}, \\d{1,2}:\\d{2}:\\d{2}\u202F[AP]M\\] ");
  size_t headers = 0;
  for (const auto& f : files) {
    headers += header_lines(f.bytes, header);
    EXPECT_NE(f.bytes.find("\r\n"), std::string::npos);
    EXPECT_EQ(f.name.rfind("WhatsApp Chat - ", 0), 0u);
  }
  EXPECT_EQ(headers, 4000u);
}

TEST(ExportGenerator, TelegramIsValidJsonWithOneChatPerRequestedChat) {
  GenerationSummary s;
  const auto files = chatlens::bench::generate_export_files(options(ExportFormat::Telegram, 6000, 0), &s);
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].name, "result.json");
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  ASSERT_EQ(parser.parse(simdjson::padded_string(files[0].bytes)).get(root), simdjson::SUCCESS);
  int64_t owner_id = 0;
  ASSERT_EQ(root["personal_information"]["user_id"].get(owner_id), simdjson::SUCCESS);
  simdjson::dom::array chats;
  ASSERT_EQ(root["chats"]["list"].get(chats), simdjson::SUCCESS);
  EXPECT_EQ(chats.size(), 20u);
  uint64_t messages = 0;
  for (simdjson::dom::element chat : chats) {
    int64_t last_id = INT64_MIN;
    int64_t last_time = 0;
    for (simdjson::dom::element m : chat["messages"].get_array()) {
      int64_t id = 0;
      ASSERT_EQ(m["id"].get(id), simdjson::SUCCESS);
      EXPECT_GT(id, last_id);
      last_id = id;
      std::string_view unixtime;
      ASSERT_EQ(m["date_unixtime"].get(unixtime), simdjson::SUCCESS);
      const int64_t t = std::stoll(std::string(unixtime));
      EXPECT_GE(t, last_time);
      last_time = t;
      ++messages;
    }
  }
  EXPECT_EQ(messages, 6000u);
  EXPECT_EQ(s.messages, 6000u);
}

TEST(ExportGenerator, RefusesTooFewMessagesForTheChats) {
  EXPECT_THROW(chatlens::bench::generate_export_files(options(ExportFormat::WhatsAppAndroid, 10, 8)),
               std::invalid_argument);
  const uint64_t minimum = chatlens::bench::minimum_messages(ExportFormat::WhatsAppAndroid, 8);
  GenerationSummary s;
  chatlens::bench::generate_export_files(options(ExportFormat::WhatsAppAndroid, minimum, 8), &s);
  EXPECT_EQ(s.messages, minimum);
}

// The importers read everything the generator writes.

TEST(ExportGeneratorImport, WhatsAppAndroidImportsCompletelyAndFindsTheOwner) {
  GenerationSummary s;
  const auto files = chatlens::bench::generate_export_files(options(ExportFormat::WhatsAppAndroid, 6000, 6), &s);
  expect_complete_import(files, s);
}

TEST(ExportGeneratorImport, WhatsAppAndroidTwelveHourImportsCompletely) {
  GenerationSummary s;
  const auto files =
      chatlens::bench::generate_export_files(options(ExportFormat::WhatsAppAndroid, 4000, 4, 3, Clock::H12), &s);
  expect_complete_import(files, s);
}

TEST(ExportGeneratorImport, WhatsAppIosImportsCompletelyAndFindsTheOwner) {
  GenerationSummary s;
  const auto files = chatlens::bench::generate_export_files(options(ExportFormat::WhatsAppIos, 6000, 6), &s);
  expect_complete_import(files, s);
}

TEST(ExportGeneratorImport, WhatsAppIosTwelveHourImportsCompletely) {
  GenerationSummary s;
  const auto files =
      chatlens::bench::generate_export_files(options(ExportFormat::WhatsAppIos, 4000, 4, 3, Clock::H12), &s);
  expect_complete_import(files, s);
}

TEST(ExportGeneratorImport, TelegramImportsCompletelyAndFindsTheOwner) {
  GenerationSummary s;
  const auto files = chatlens::bench::generate_export_files(options(ExportFormat::Telegram, 8000, 0), &s);
  expect_complete_import(files, s);
}

// Discord and Signal exports of one seed: imported completely, the same people as on WhatsApp
// under each platform's own names (Discord nicknames "Lucía F.", Signal full names, the owner "Me").
TEST(ExportGenerator, DiscordAndSignalImportCompletelyWithThePlatformsNames) {
  for (ExportFormat f : {ExportFormat::Discord, ExportFormat::Signal}) {
    GenerationSummary s;
    const auto files = chatlens::bench::generate_export_files(options(f, 4000, 5), &s);
    EXPECT_EQ(files.size(), 5u) << to_string(f);
    const Imported in = import_all(files);
    EXPECT_EQ(in.errors, "") << to_string(f);
    EXPECT_EQ(in.skipped, 0u) << in.skipped_examples;
    EXPECT_EQ(in.corpus.size(), s.messages) << to_string(f);
    EXPECT_EQ(in.corpus.chats.size(), 5u);
    std::vector<std::string> names;
    for (const auto& p : in.corpus.people) names.push_back(p.name);
    const bool discord = f == ExportFormat::Discord;
    EXPECT_NE(std::find(names.begin(), names.end(), discord ? "Lucía F." : "Lucía Fernández"), names.end())
        << to_string(f);
    EXPECT_NE(std::find(names.begin(), names.end(), discord ? "Alex R." : "Me"), names.end()) << to_string(f);
    for (const auto& c : in.corpus.chats) EXPECT_EQ(to_string(c.platform), discord ? "discord" : "signal");
  }
}

// Messenger and Instagram: message_N.json of at most 10,000 messages per thread, message_1.json
// the newest, newest first inside a file, every string mojibake (only ASCII bytes in the file).
TEST(ExportGenerator, MessengerAndInstagramAreNewestFirstSplitAndMojibake) {
  for (ExportFormat f : {ExportFormat::Messenger, ExportFormat::Instagram}) {
    GenerationSummary s;
    const auto files = chatlens::bench::generate_export_files(options(f, 25000, 1), &s);
    ASSERT_EQ(files.size(), 3u) << to_string(f);
    const std::string root = f == ExportFormat::Messenger ? "your_activity_across_facebook/messages/inbox/"
                                                          : "your_instagram_activity/messages/inbox/";
    uint64_t messages = 0;
    int64_t newer_file_oldest = INT64_MAX;
    for (size_t i = 0; i < files.size(); ++i) {
      EXPECT_EQ(files[i].name.rfind(root, 0), 0u) << files[i].name;
      EXPECT_NE(files[i].name.find("/message_" + std::to_string(i + 1) + ".json"), std::string::npos);
      for (const char c : files[i].bytes) ASSERT_LT(static_cast<unsigned char>(c), 0x80u) << files[i].name;
      simdjson::dom::parser parser;
      simdjson::dom::element doc;
      ASSERT_EQ(parser.parse(simdjson::padded_string(files[i].bytes)).get(doc), simdjson::SUCCESS);
      int64_t last = INT64_MAX;
      for (simdjson::dom::element m : doc["messages"].get_array()) {
        int64_t t = 0;
        ASSERT_EQ(m["timestamp_ms"].get(t), simdjson::SUCCESS);
        EXPECT_LE(t, last);
        EXPECT_LE(t, newer_file_oldest);
        last = t;
        ++messages;
      }
      newer_file_oldest = last;
      // The title "Weekend Hikers 🥾": its UTF-8 bytes F0 9F A5 BE written as code points.
      std::string_view title;
      ASSERT_EQ(doc["title"].get(title), simdjson::SUCCESS);
      EXPECT_EQ(title, "Weekend Hikers \xC3\xB0\xC2\x9F\xC2\xA5\xC2\xBE");
    }
    EXPECT_EQ(messages, 25000u);
    EXPECT_EQ(s.messages, 25000u);
  }
}

}  // namespace

#endif  // without bench/ (the debug preset) the generator is tested by the release preset only
