#include "import/zip_entries.hpp"

#include <gtest/gtest.h>

using namespace chatlens;

TEST(ZipEntries, IosExportPicksOnlyChatTxtAndSkipsMacosxJunk) {
  const std::vector<std::string> names = {"__MACOSX/._chat.txt", "00000046-Some file.txt", "_chat.txt",
                                          "00000035-PHOTO-2022-03-27-21-41-55.jpg", "nested.zip"};
  EXPECT_EQ(choose_chat_entries(names), (std::vector<size_t>{2}));
}

TEST(ZipEntries, AndroidZipPicksTheChatTxtButNotAttachments) {
  const std::vector<std::string> names = {"IMG-20210428-WA0001.jpg", "WhatsApp Chat with Ana.txt", "notes/",
                                          "00000046-Some file.txt"};
  EXPECT_EQ(choose_chat_entries(names), (std::vector<size_t>{1}));
}

TEST(ZipEntries, ZippedTelegramExportPicksResultJson) {
  const std::vector<std::string> names = {"ChatExport_2024-01-01/photos/photo_1.jpg",
                                          "ChatExport_2024-01-01/result.json"};
  EXPECT_EQ(choose_chat_entries(names), (std::vector<size_t>{1}));
}

TEST(ZipEntries, NothingUsableGivesNothing) {
  EXPECT_TRUE(choose_chat_entries({"a.jpg", "__MACOSX/x.txt", "._y.txt"}).empty());
}

#include "import/import_session.hpp"

TEST(TitleFromFileName, StripsLocalisedExportNamesAnywhereAndGenericNames) {
  EXPECT_EQ(title_from_file_name("/home/u/WhatsApp Chat with Ana.txt"), "Ana");
  EXPECT_EQ(title_from_file_name("2023-01-05 WhatsApp Chat - Familia.zip"), "Familia");
  EXPECT_EQ(title_from_file_name("Chat de WhatsApp con Luis.txt"), "Luis");
  EXPECT_EQ(title_from_file_name("export.zip:_chat.txt"), "");
  EXPECT_EQ(title_from_file_name("ChatExport_2024/result.json"), "");
  EXPECT_EQ(title_from_file_name("notes.txt"), "notes");
}

TEST(FolderScan, KeepsExportsAndSkipsAttachmentsAndJunk) {
  EXPECT_TRUE(may_be_export_file("WhatsApp Chat with Ana.txt"));
  EXPECT_TRUE(may_be_export_file("ChatExport_2024-01-01/result.json"));
  EXPECT_TRUE(may_be_export_file("backup/Family.ZIP"));
  EXPECT_FALSE(may_be_export_file("00000046-Some file.txt"));
  EXPECT_FALSE(may_be_export_file("__MACOSX/._chat.txt"));
  EXPECT_FALSE(may_be_export_file("photos/photo_1.jpg"));
}
