#include "import/platform_table.hpp"

#include <gtest/gtest.h>

#include <set>

#include "import/zip_entries.hpp"

using namespace chatlens;

// Every Platform value has exactly one row, and every row is a Platform value: a new
// enum value without a row (or a row for a value that does not exist) fails here.
TEST(PlatformTable, EveryPlatformHasExactlyOneRow) {
  std::set<int> seen;
  for (const PlatformSpec& row : platform_table()) {
    EXPECT_LE(static_cast<int>(row.id), static_cast<int>(kLastPlatform)) << row.name;
    EXPECT_TRUE(seen.insert(static_cast<int>(row.id)).second) << "two rows for " << row.name;
  }
  for (int p = 0; p <= static_cast<int>(kLastPlatform); ++p) EXPECT_EQ(seen.count(p), 1u) << "no row for value " << p;
  EXPECT_EQ(seen.size(), platform_table().size());
}

TEST(PlatformTable, NamesRoundTripAndAreDistinct) {
  std::set<std::string_view> names;
  for (const PlatformSpec& row : platform_table()) {
    EXPECT_TRUE(names.insert(row.name).second) << row.name;
    EXPECT_EQ(to_string(row.id), row.name);
    EXPECT_EQ(parse_platform(row.name), row.id);
    EXPECT_EQ(&platform_spec(row.id), &row);
    EXPECT_FALSE(row.display_name.empty());
    EXPECT_FALSE(row.guides.empty()) << row.name << " has no export guide";
    EXPECT_EQ(row.file_hint, "upload.hint." + std::string(row.name));
  }
  EXPECT_EQ(parse_platform("myspace"), std::nullopt);
}

TEST(PlatformTable, RegistryHoldsEveryRowsImportersOnceInTableOrder) {
  std::vector<const Importer*> expected;
  for (const PlatformSpec& row : platform_table())
    for (ImporterFn make : row.importers)
      if (std::find(expected.begin(), expected.end(), &make()) == expected.end()) expected.push_back(&make());
  EXPECT_EQ(all_importers(), expected);
  EXPECT_EQ(all_importers().front()->name(), "whatsapp-text");  // first in a sniffing tie
}

// The native reader and the browser both take a zip's chats and their titles from here.
TEST(PlatformTable, NestedResultJsonIsTitledByTheArchiveLikeATopLevelOne) {
  const std::vector<std::string> nested = {"ChatExport_2024-01-01/photos/a.jpg", "ChatExport_2024-01-01/result.json"};
  const std::vector<ChatEntry> plan = plan_chat_entries(nested, "/home/u/Telegram Ana.zip");
  ASSERT_EQ(plan.size(), 1u);
  EXPECT_EQ(plan[0].index, 1u);
  EXPECT_EQ(plan[0].title_hint, "Telegram Ana");
  const std::vector<ChatEntry> top = plan_chat_entries({"result.json"}, "Telegram Ana.zip");
  ASSERT_EQ(top.size(), 1u);
  EXPECT_EQ(top[0].title_hint, "Telegram Ana");
}

TEST(PlatformTable, EntriesNamedAfterTheChatKeepTheirOwnTitle) {
  const std::vector<ChatEntry> plan =
      plan_chat_entries({"x/WhatsApp Chat with Ana.txt", "x/WhatsApp Chat with Bo.txt"}, "two chats.zip");
  ASSERT_EQ(plan.size(), 2u);
  EXPECT_EQ(plan[0].title_hint, "Ana");
  EXPECT_EQ(plan[1].title_hint, "Bo");
  const std::vector<ChatEntry> ios = plan_chat_entries({"notes.txt", "_chat.txt"}, "WhatsApp Chat - Familia.zip");
  ASSERT_EQ(ios.size(), 1u);  // _chat.txt: the archive's other .txt files are attachments
  EXPECT_EQ(ios[0].index, 1u);
  EXPECT_EQ(ios[0].title_hint, "Familia");
}

TEST(PlatformTable, FolderFilesFollowTheRows) {
  EXPECT_TRUE(may_be_export_file("export/WhatsApp Chat with Ana.txt"));
  EXPECT_TRUE(may_be_export_file("export/ChatExport/result.json"));
  EXPECT_TRUE(may_be_export_file("signal/Ana/chat.md"));
  EXPECT_TRUE(may_be_export_file("parts/part1.ZIP"));
  EXPECT_FALSE(may_be_export_file("export/00000046-Some file.txt"));
  EXPECT_FALSE(may_be_export_file("export/photos/a.jpg"));
  EXPECT_FALSE(may_be_export_file("__MACOSX/export/._chat.txt"));
  EXPECT_FALSE(may_be_export_file("signal/Ana/notes.md"));
}

// "Download your information" zips, in both layouts and split in parts: every message_N.json is a chat
// part (merged by thread later), and the profile information names the owner; nothing else is read.
TEST(PlatformTable, MetaDownloadsInBothLayoutsAndParts) {
  const std::vector<std::string> part1 = {
      "messages/inbox/ana_123/message_1.json",
      "messages/inbox/ana_123/photos/1.jpg",
      "your_activity_across_facebook/messages/inbox/bo_456/message_1.json",
      "your_activity_across_facebook/messages/inbox/bo_456/message_2.json",
      "your_instagram_activity/messages/inbox/cy_789/message_1.json",
      "personal_information/profile_information/profile_information.json",
      "messages/inbox/ana_123/message_x.json",
      "profile_information/profile_information.json",
      "personal_information/personal_information.json",
      "personal_information/profile_information/profile_update_history.json",
      "personal_information/account_information.json",
  };
  EXPECT_EQ(choose_chat_entries(part1), (std::vector<size_t>{0, 2, 3, 4, 5, 7, 8}));
  const std::vector<ChatEntry> plan = plan_chat_entries(part1, "facebook-ana-2024-01-01-part1.zip");
  EXPECT_EQ(plan[0].title_hint, "message_1");  // the JSON's own "title" names the chat
  EXPECT_TRUE(may_be_export_file("fb/messages/inbox/ana_123/message_12.json"));
  EXPECT_FALSE(may_be_export_file("fb/messages/inbox/ana_123/photos/1.jpg"));
}
