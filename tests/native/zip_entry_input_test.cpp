// Zip entries stream: a chat inside a zip is inflated as the importer reads it, gives the
// same corpus as the unzipped file, and a corrupt entry becomes that input's error.
#include "zip_entry_input.hpp"

#include <gtest/gtest.h>
#include <unistd.h>
#include <zip.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "input_files.hpp"
#include "test_today.hpp"
#include "unit/corpus_fingerprint.hpp"

namespace fs = std::filesystem;

namespace chatlens {
namespace {

// A chat of about `bytes` bytes that deflates well but not absurdly (no zip-bomb ratio).
std::string chat_of(size_t bytes) {
  std::string chat;
  for (int i = 0; chat.size() < bytes; ++i)
    chat += "1/2/24, 10:" + std::to_string(10 + i % 50) + " - " + (i % 3 ? "Ana" : "Bea") + ": mensaje " +
            std::to_string(i * 7919 % 100003) + (i % 11 ? "\n" : " con\nuna segunda línea\n");
  return chat;
}

// A zip archive (deflated) holding `entries`, as bytes.
std::string zip_of(const std::vector<std::pair<std::string, std::string>>& entries) {
  const fs::path path = fs::temp_directory_path() / ("chatlens-zip-entry-" + std::to_string(::getpid()) + ".zip");
  int error = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  EXPECT_NE(z, nullptr);
  for (const auto& [name, content] : entries)
    zip_file_add(z, name.c_str(), zip_source_buffer(z, content.data(), content.size(), 0), ZIP_FL_OVERWRITE);
  EXPECT_EQ(zip_close(z), 0);
  std::ostringstream bytes;
  bytes << std::ifstream(path, std::ios::binary).rdbuf();
  fs::remove(path);
  return bytes.str();
}

std::string imported(ImportSession&& session) {
  std::string out;
  for (const SourceReport& r : session.sources()) {
    SourceReport named = r;
    named.file.clear();  // "chat.zip:_chat.txt" and "_chat.txt" name the same chat
    out += testing::fingerprint(named);
  }
  return out + testing::fingerprint(std::move(session).finish());
}

TEST(ZipEntryInput, AZippedChatImportsLikeTheUnzippedFile) {
  const std::string chat = chat_of(size_t{3} << 20);
  ImportSession plain(testing::kTestToday);
  plain.add("_chat.txt", chat, "Ana");
  ImportSession zipped(testing::kTestToday);
  load_zip(zipped, "WhatsApp Chat - Ana.zip", zip_of({{"_chat.txt", chat}}));
  ASSERT_TRUE(zipped.sources().at(0).ok()) << zipped.sources().at(0).status.detail();
  EXPECT_EQ(zipped.sources().at(0).file, "WhatsApp Chat - Ana.zip:_chat.txt");
  EXPECT_EQ(imported(std::move(zipped)), imported(std::move(plain)));
}

TEST(ZipEntryInput, ReadsForwardAndReopensForAnEarlierOffset) {
  const std::string chat = chat_of(size_t{1} << 20);
  const std::string archive_bytes = zip_of({{"_chat.txt", chat}});
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(archive_bytes.data(), archive_bytes.size(), 0, &error);
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  ASSERT_NE(archive, nullptr);
  uint64_t inflated = 0;
  ZipEntryInput input(archive, 0, chat.size(), {archive_bytes.size(), archive_bytes.size(), {}, &inflated});
  EXPECT_EQ(input.size(), chat.size());
  std::string piece(5000, '\0');
  for (uint64_t at : {uint64_t{0}, uint64_t{700000}, uint64_t{12345}, uint64_t{chat.size() - 100}}) {
    const InputRead r = input.read(at, piece.data(), piece.size());
    ASSERT_FALSE(r.error) << r.error->debug();
    ASSERT_EQ(r.bytes, std::min<size_t>(piece.size(), chat.size() - at));
    EXPECT_EQ(piece.substr(0, r.bytes), chat.substr(at, r.bytes)) << at;
  }
  EXPECT_EQ(input.opens(), 2);  // 12345 came after 700000: one reopen
  EXPECT_EQ(inflated, chat.size());
  zip_discard(archive);
}

TEST(ZipEntryInput, ACorruptEntryMidWayIsThatInputsErrorAndNothingIsKept) {
  const std::string chat = chat_of(size_t{2} << 20);
  std::string archive = zip_of({{"_chat.txt", chat}});
  // Garble compressed bytes in the middle of the entry's data (the directories stay intact).
  for (size_t i = archive.size() / 2; i < archive.size() / 2 + 64; ++i)
    archive[i] = static_cast<char>(archive[i] ^ 0x5A);
  ImportSession session(testing::kTestToday);
  session.add("ok.txt", chat_of(2000));
  load_zip(session, "broken.zip", std::move(archive));
  ASSERT_EQ(session.sources().size(), 2u);
  const SourceReport& r = session.sources().at(1);
  EXPECT_EQ(r.file, "broken.zip:_chat.txt");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status.key(), "input.zip_entry_corrupt") << r.status;
  EXPECT_EQ(r.records, 0u);
  const Corpus corpus = std::move(session).finish();
  EXPECT_EQ(corpus.chats.size(), 1u);  // only ok.txt
}

}  // namespace
}  // namespace chatlens
