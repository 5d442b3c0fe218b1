// One chat per WhatsApp file: its title, whether it is a group, and who owns the export.
#include <gtest/gtest.h>

#include "whatsapp_test_util.hpp"

using namespace chatlens;
using namespace chatlens::testing;

namespace {
const char* const kPrivate =
    "23/03/2022, 13:31 - Dmitry S: Hello\n"
    "23/03/2022, 13:32 - Elon: Hi\n";
}

TEST(WhatsAppChat, TitleComesFromTheHintFirst) {
  auto w = import_whatsapp(kPrivate, "export.txt", "Dmitry S");
  EXPECT_EQ(w.chat().title, "Dmitry S");
  EXPECT_EQ(w.chat().platform, Platform::WhatsApp);
}

TEST(WhatsAppChat, TitleFromTheLocalisedFileName) {
  auto w = import_whatsapp(kPrivate, "WhatsApp Chat with Dmitry S.txt");
  EXPECT_EQ(w.chat().title, "Dmitry S");
}

TEST(WhatsAppChat, TitleFromTheCreatedGroupWhenTheFileNameSaysNothing) {
  auto w = import_whatsapp(
      "[1/11/23, 16:11:21] \u200EYou created group \u201CGroup Chat\u201D\r\n"
      "[1/11/23, 16:26:02] Dmitry S: Hello all\r\n",
      "_chat.txt");
  EXPECT_EQ(w.chat().title, "Group Chat");
  EXPECT_EQ(w.chat().kind, ChatKind::Group);
}

TEST(WhatsAppChat, LatestSubjectChangeNamesTheGroup) {
  auto w = import_whatsapp(
      "11/01/2023, 16:11 - Dmitry S created group \"Group Chat\"\n"
      "11/01/2023, 16:14 - You changed the subject from \"Group Chat\" to \"Group Chat XXX\"\n"
      "11/01/2023, 16:26 - Dmitry S: Hello all\n",
      "_chat.txt");
  EXPECT_EQ(w.chat().title, "Group Chat XXX");
}

TEST(WhatsAppChat, TitleFromWhomIosAttributesTheEncryptionNoticeTo) {
  auto w = import_whatsapp(
      "[1/11/23, 16:11:21] Football Sunday: \u200EMessages and calls are end-to-end encrypted. No one outside of "
      "this chat, not even WhatsApp, can read or listen to them.\r\n"
      "[1/11/23, 16:26:02] Dmitry S: Hello all\r\n",
      "_chat.txt");
  EXPECT_EQ(w.chat().title, "Football Sunday");
  EXPECT_EQ(w.corpus.people.size(), 1u);
}

TEST(WhatsAppChat, TitleFallsBackToTheFileName) {
  auto w = import_whatsapp(kPrivate, "_chat.txt");
  EXPECT_EQ(w.chat().title, "_chat.txt");
}

TEST(WhatsAppChat, TwoSendersWithoutGroupEventsArePrivate) {
  auto w = import_whatsapp(kPrivate);
  EXPECT_EQ(w.chat().kind, ChatKind::Private);
  EXPECT_EQ(w.chat().members.size(), 2u);
}

TEST(WhatsAppChat, MoreThanTwoSendersIsAGroup) {
  auto w = import_whatsapp(std::string(kPrivate) + "23/03/2022, 13:33 - Ana: Hey\n");
  EXPECT_EQ(w.chat().kind, ChatKind::Group);
}

TEST(WhatsAppChat, GroupEventsMakeAGroupEvenWithFewSenders) {
  auto w = import_whatsapp("23/03/2022, 13:30 - Elon added you\n" + std::string(kPrivate));
  EXPECT_EQ(w.chat().kind, ChatKind::Group);
  auto old = import_whatsapp(
      "06/03/2017, 00:45 - Messages to this group are now secured with end-to-end encryption. Tap for more info.\n"
      "06/03/2017, 00:46 - Ana: hi\n");
  EXPECT_EQ(old.chat().kind, ChatKind::Group);
}

TEST(WhatsAppChat, PrivateChatNamedAfterOneParticipantMakesTheOtherTheOwner) {
  auto w = import_whatsapp(kPrivate, "WhatsApp Chat with Dmitry S.txt");
  EXPECT_EQ(w.owner(), "Elon");
  auto none = import_whatsapp(kPrivate, "notes.txt");
  EXPECT_EQ(none.owner(), "");
  // A group named like a member says nothing about the owner.
  auto group = import_whatsapp(std::string(kPrivate) + "23/03/2022, 13:33 - Ana: Hey\n", "Dmitry S.txt");
  EXPECT_EQ(group.owner(), "");
}
