// Native inputs are mapped, and the pages an importer has moved past are handed back:
// the bytes read again after that must be the file's, and a mapped import must give
// the same corpus as one from a string.
#include "mapped_file.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "input_files.hpp"

namespace fs = std::filesystem;

namespace chatlens {
namespace {

class MappedFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("chatlens-mapped-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path write(const std::string& name, const std::string& bytes) {
    const fs::path p = dir_ / name;
    std::ofstream(p, std::ios::binary) << bytes;
    return p;
  }
  fs::path dir_;
};

std::string big_chat() {
  std::string chat;
  for (int i = 0; chat.size() < (size_t{9} << 20); ++i)
    chat += "1/2/24, 10:" + std::to_string(10 + i % 50) + " - " + (i % 3 ? "Ana" : "Bea") + ": mensaje número " +
            std::to_string(i) + (i % 7 ? "\n" : "\nwith a second line\n");
  return chat;
}

TEST_F(MappedFileTest, ReleasedPagesReadBackAsTheFile) {
  const std::string bytes = big_chat();
  const fs::path p = write("chat.txt", bytes);
  Result<std::unique_ptr<MappedFile>> opened = MappedFile::open(p, bytes.size());
  ASSERT_TRUE(opened) << opened.status();
  MappedFile* mapped = opened->get();
  ASSERT_EQ(mapped->bytes(), bytes);
  mapped->release_before(size_t{5} << 20);
  EXPECT_EQ(mapped->released(), size_t{5} << 20);  // whole pages, 5 MiB is a multiple of any page size
  mapped->release_before(size_t{3} << 20);         // a second pass starts over
  EXPECT_EQ(mapped->released(), size_t{8} << 20);
  EXPECT_EQ(mapped->bytes(), bytes);  // faulted back in from the file
}

TEST_F(MappedFileTest, EmptyFileMapsToNothing) {
  Result<std::unique_ptr<MappedFile>> opened = MappedFile::open(write("empty.txt", ""), 0);
  ASSERT_TRUE(opened) << opened.status();
  MappedFile* mapped = opened->get();
  EXPECT_TRUE(mapped->bytes().empty());
  mapped->release_before(100);
  EXPECT_EQ(mapped->released(), 0u);
}

TEST_F(MappedFileTest, MissingFileIsAnError) {
  const Status failed = MappedFile::open(dir_ / "nope.txt", 10).status();
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.key(), "input.cannot_open");
  // The system's words, for the logs and as the message's detail.
  EXPECT_NE(failed.detail().find("No such file"), std::string::npos) << failed;
  EXPECT_EQ(failed.params().find("detail")->as_string(), failed.detail());
}

TEST_F(MappedFileTest, MappedImportEqualsStringImport) {
  const std::string bytes = big_chat();
  const fs::path p = write("WhatsApp Chat with Ana.txt", bytes);
  ImportSession from_file(CivilDate{2024, 6, 15});
  load_path(from_file, p);
  ImportSession from_string(CivilDate{2024, 6, 15});
  from_string.add(p.string(), std::string(bytes));
  ASSERT_TRUE(from_file.sources().at(0).ok());
  EXPECT_EQ(from_file.sources().at(0).records, from_string.sources().at(0).records);
  const Corpus a = std::move(from_file).finish(), b = std::move(from_string).finish();
  ASSERT_EQ(a.size(), b.size());
  ASSERT_GT(a.size(), 100000u);
  for (size_t i = 0; i < a.size(); ++i) {
    ASSERT_EQ(a.text(i), b.text(i)) << i;
    ASSERT_EQ(a.messages.time[i].seconds, b.messages.time[i].seconds) << i;
    ASSERT_EQ(a.messages.sender[i], b.messages.sender[i]) << i;
  }
}

}  // namespace
}  // namespace chatlens
