// What a WhatsApp body is: media placeholders and attachments, deleted and
// edited messages, locations, contacts, polls, calls and notices.
#include <gtest/gtest.h>

#include "import/whatsapp_classify.hpp"
#include "whatsapp_test_util.hpp"

using namespace chatlens;
using namespace chatlens::testing;
using K = MessageKind;
using M = MediaKind;

TEST(WhatsAppContent, AndroidMediaOmittedKeepsTheCaption) {
  auto w = import_whatsapp(
      "18/03/2022, 15:10 - Dmitry S: <Media omitted>\n"
      "18/03/2022, 15:11 - Dmitry S: <Media omitted>\n"
      "Caption line\n"
      "second line\n"
      "18/03/2022, 15:12 - Dmitry S: <media omitted>\n");
  EXPECT_TRUE(IsMessage(w, 0, "Dmitry S", "2022-03-18T15:10:00", K::Media, ""));
  EXPECT_EQ(w.media(0), M::Other);
  EXPECT_TRUE(IsMessage(w, 1, "Dmitry S", "2022-03-18T15:11:00", K::Media, "Caption line\nsecond line"));
  EXPECT_TRUE(IsMessage(w, 2, "Dmitry S", "2022-03-18T15:12:00", K::Media, ""));
}

TEST(WhatsAppContent, AndroidAttachedFilesAreTypedByTheirName) {
  auto w = import_whatsapp(
      "23/03/2022, 13:01 - Elon: IMG-20220323-WA0002.jpg (file attached)\n"
      "23/03/2022, 13:02 - Elon: IMG-20220323-WA0003.jpg (file attached)\n"
      "A caption\n"
      "23/03/2022, 13:03 - Elon: VID-20220327-WA0001.mp4 (file attached)\n"
      "23/03/2022, 13:04 - Elon: PTT-20220323-WA0000.opus (file attached)\n"
      "23/03/2022, 13:05 - Elon: AUD-20220323-WA0001.mp3 (file attached)\n"
      "23/03/2022, 13:06 - Elon: STK-20220323-WA0003.webp (file attached)\n"
      "23/03/2022, 13:07 - Elon: DOC-20220323-WA0004.pdf (file attached)\n"
      "23/03/2022, 13:08 - Elon: Budget 2022.xlsx (file attached)\n"
      "23/03/2022, 13:09 - Elon: \u200E4f2680f1db95.jpg (Datei angeh\u00E4ngt)\n"
      "Frohe Ostern\n");
  const M want[] = {M::Image, M::Image, M::Video, M::Voice, M::Audio, M::Sticker, M::Document, M::Document, M::Image};
  ASSERT_EQ(w.size(), 9u);
  for (size_t i = 0; i < 9; ++i) {
    EXPECT_EQ(w.kind(i), K::Media) << i;
    EXPECT_EQ(w.media(i), want[i]) << i;
  }
  EXPECT_TRUE(IsMessage(w, 0, "Elon", "2022-03-23T13:01:00", K::Media, "IMG-20220323-WA0002.jpg"));
  EXPECT_TRUE(IsMessage(w, 1, "Elon", "2022-03-23T13:02:00", K::Media, "A caption"));
  EXPECT_TRUE(IsMessage(w, 7, "Elon", "2022-03-23T13:08:00", K::Media, "Budget 2022.xlsx"));
  EXPECT_TRUE(IsMessage(w, 8, "Elon", "2022-03-23T13:09:00", K::Media, "Frohe Ostern"));
}

TEST(WhatsAppContent, IosAttachmentsAndDocuments) {
  auto w = import_whatsapp(
      "\u200E[3/27/22, 21:41:55] Dmitry S: \u200E<attached: 00000035-PHOTO-2022-03-27-21-41-55.jpg>\r\n"
      "\u200E[3/27/22, 21:44:16] Dmitry S: \u200E<attached: 00000037-VIDEO-2022-03-27-21-44-16.mp4>\r\n"
      "\u200E[3/27/22, 21:44:47] Dmitry S: \u200E<attached: 00000038-AUDIO-2022-03-27-21-44-47.opus>\r\n"
      "\u200E[3/27/22, 21:49:16] Dmitry S: \u200E<attached: 00000043-STICKER-2022-03-27-21-49-16.webp>\r\n"
      "\u200E[3/27/22, 21:50:09] Dmitry S: Some file.txt \u200E<attached: 00000046-Some file.txt>\r\n"
      "\u200E[3/27/22, 21:51:57] Dmitry S: \u200E<attached: 00000051-GIF-2022-03-27-21-51-57.mp4>\r\n"
      "[3/27/22, 21:52:00] Ana: <attached: 00000001-PHOTO-2019-06-20-16-00-15.jpg>\r\n"
      "[3/27/22, 21:52:10] Ana: < attached: 00000042-PHOTO-2020-06-07-15-13-20.jpg >\r\n"
      "[3/27/22, 21:52:20] Ana: 2015-08-04-PHOTO-00004762.jpg <\u200Eattached>\r\n"
      "[3/27/22, 21:52:30] Ana: \u200E<Anhang: 00000050-PHOTO-2022-03-27-21-52-30.jpg>\r\n");
  const M want[] = {M::Image, M::Video, M::Audio, M::Sticker, M::Document,
                    M::Gif,   M::Image, M::Image, M::Image,   M::Image};
  ASSERT_EQ(w.size(), 10u);
  for (size_t i = 0; i < 10; ++i) {
    EXPECT_EQ(w.kind(i), K::Media) << i;
    EXPECT_EQ(w.media(i), want[i]) << i;
  }
  EXPECT_TRUE(IsMessage(w, 0, "Dmitry S", "2022-03-27T21:41:55", K::Media, "00000035-PHOTO-2022-03-27-21-41-55.jpg"));
  EXPECT_TRUE(IsMessage(w, 4, "Dmitry S", "2022-03-27T21:50:09", K::Media, "00000046-Some file.txt"));
  EXPECT_TRUE(IsMessage(w, 7, "Ana", "2022-03-27T21:52:10", K::Media, "00000042-PHOTO-2020-06-07-15-13-20.jpg"));
  EXPECT_TRUE(IsMessage(w, 8, "Ana", "2022-03-27T21:52:20", K::Media, "2015-08-04-PHOTO-00004762.jpg"));
}

TEST(WhatsAppContent, IosOmittedPlaceholdersByType) {
  auto w = import_whatsapp(
      "\u200E[3/27/22, 21:41:55] Dmitry S: \u200Eimage omitted\r\n"
      "\u200E[3/27/22, 21:44:16] Dmitry S: \u200Evideo omitted\r\n"
      "\u200E[3/27/22, 21:44:47] Dmitry S: \u200Eaudio omitted\r\n"
      "\u200E[3/27/22, 21:49:16] Dmitry S: \u200Esticker omitted\r\n"
      "\u200E[3/27/22, 21:49:20] Dmitry S: \u200EGIF omitted\r\n"
      "\u200E[3/27/22, 21:50:09] Dmitry S: Some file.txt \u200Edocument omitted\r\n"
      "\u200E[3/27/22, 21:50:25] Dmitry S: Resume.pdf \u2022 \u200E2 pages \u200Edocument omitted\r\n");
  const M want[] = {M::Image, M::Video, M::Audio, M::Sticker, M::Gif, M::Document, M::Document};
  ASSERT_EQ(w.size(), 7u);
  for (size_t i = 0; i < 7; ++i) {
    EXPECT_EQ(w.kind(i), K::Media) << i;
    EXPECT_EQ(w.media(i), want[i]) << i;
  }
  EXPECT_TRUE(IsMessage(w, 0, "Dmitry S", "2022-03-27T21:41:55", K::Media, ""));
  EXPECT_TRUE(IsMessage(w, 5, "Dmitry S", "2022-03-27T21:50:09", K::Media, "Some file.txt"));
  EXPECT_TRUE(IsMessage(w, 6, "Dmitry S", "2022-03-27T21:50:25", K::Media, "Resume.pdf"));
}

TEST(WhatsAppContent, ViewOnceMediaIsNullOnAndroid) {
  auto w = import_whatsapp("27/03/2022, 15:10 - Dmitry S: null\n27/03/2022, 15:10 - Dmitry S: nullable\n");
  EXPECT_TRUE(IsMessage(w, 0, "Dmitry S", "2022-03-27T15:10:00", K::Media, ""));
  EXPECT_EQ(w.media(0), M::Other);
  EXPECT_TRUE(IsMessage(w, 1, "Dmitry S", "2022-03-27T15:10:00", K::Text, "nullable"));
}

TEST(WhatsAppContent, DeletedMessagesAndWhoDeletedThem) {
  auto w = import_whatsapp(
      "[3/27/22, 21:50:54] Dmitry S: \u200EYou deleted this message.\r\n"
      "[3/27/22, 21:54:45] Elon Musk: \u200EThis message was deleted.\r\n"
      "[3/27/22, 21:55:00] Elon Musk: This message was deleted\r\n");
  EXPECT_TRUE(IsMessage(w, 0, "Dmitry S", "2022-03-27T21:50:54", K::Deleted, "You deleted this message."));
  EXPECT_TRUE(IsMessage(w, 1, "Elon Musk", "2022-03-27T21:54:45", K::Deleted, "This message was deleted."));
  EXPECT_TRUE(IsMessage(w, 2, "Elon Musk", "2022-03-27T21:55:00", K::Deleted, "This message was deleted"));
  // "You deleted" written under a name is the export's owner speaking.
  EXPECT_EQ(w.owner(), "Dmitry S");
}

TEST(WhatsAppContent, EditedMarkerIsStrippedAndFlagged) {
  auto w = import_whatsapp(
      "[1/2/24, 10:00:00] Ana: See you at 8 <This message was edited>\r\n"
      "[1/2/24, 10:00:01] Ana: Bis gleich \u200E<Diese Nachricht wurde bearbeitet.>\r\n"
      "[1/2/24, 10:00:02] Ana: two\nlines <This message was edited>\r\n"
      "[1/2/24, 10:00:03] Ana: not <edited>\r\n");
  EXPECT_TRUE(IsMessage(w, 0, "Ana", "2024-01-02T10:00:00", K::Text, "See you at 8"));
  EXPECT_TRUE(w.edited(0));
  EXPECT_TRUE(IsMessage(w, 1, "Ana", "2024-01-02T10:00:01", K::Text, "Bis gleich"));
  EXPECT_TRUE(w.edited(1));
  EXPECT_TRUE(IsMessage(w, 2, "Ana", "2024-01-02T10:00:02", K::Text, "two\nlines"));
  EXPECT_TRUE(w.edited(2));
  EXPECT_TRUE(IsMessage(w, 3, "Ana", "2024-01-02T10:00:03", K::Text, "not <edited>"));
  EXPECT_FALSE(w.edited(3));
}

TEST(WhatsAppContent, LocationsPinsAndVenues) {
  auto w = import_whatsapp(
      "27/03/2022, 21:40 - Dmitry S: location: https://maps.google.com/?q=51.50,-0.12\n"
      "27/03/2022, 21:41 - Dmitry S: Pimlico Gardens\n"
      "London, United Kingdom\n"
      "https://foursquare.com/v/4e89af95e5fa82ad4c0aa03b\n"
      "27/03/2022, 21:42 - Dmitry S: live location shared\n"
      "27/03/2022, 21:43 - Dmitry S: Location: my house, tomorrow\n");
  EXPECT_TRUE(
      IsMessage(w, 0, "Dmitry S", "2022-03-27T21:40:00", K::Location, "https://maps.google.com/?q=51.50,-0.12"));
  EXPECT_TRUE(IsMessage(w, 1, "Dmitry S", "2022-03-27T21:41:00", K::Location,
                        "Pimlico Gardens\nLondon, United Kingdom\nhttps://foursquare.com/v/4e89af95e5fa82ad4c0aa03b"));
  EXPECT_TRUE(IsMessage(w, 2, "Dmitry S", "2022-03-27T21:42:00", K::Location, ""));
  EXPECT_TRUE(IsMessage(w, 3, "Dmitry S", "2022-03-27T21:43:00", K::Text, "Location: my house, tomorrow"));

  auto ios = import_whatsapp(
      "[3/27/22, 21:46:03] Dmitry S: Pimlico Gardens (London, United Kingdom): https://foursquare.com/v/4e89af9\r\n"
      "[3/27/22, 21:56:45] Dmitry S: \u200ELocation: https://maps.google.com/?q=51.5021456,-0.127397\r\n");
  EXPECT_TRUE(IsMessage(ios, 0, "Dmitry S", "2022-03-27T21:46:03", K::Location,
                        "Pimlico Gardens (London, United Kingdom): https://foursquare.com/v/4e89af9"));
  EXPECT_TRUE(IsMessage(ios, 1, "Dmitry S", "2022-03-27T21:56:45", K::Location,
                        "https://maps.google.com/?q=51.5021456,-0.127397"));
}

TEST(WhatsAppContent, ContactCards) {
  auto w = import_whatsapp(
      "[3/27/22, 21:47:00] Dmitry S: \u200EContact card omitted\r\n"
      "[3/27/22, 21:47:55] Dmitry S: \u200E<attached: 00000042-TR.vcf>\r\n");
  EXPECT_TRUE(IsMessage(w, 0, "Dmitry S", "2022-03-27T21:47:00", K::Contact, ""));
  EXPECT_TRUE(IsMessage(w, 1, "Dmitry S", "2022-03-27T21:47:55", K::Contact, "00000042-TR.vcf"));

  auto android = import_whatsapp("23/03/2022, 13:33 - Elon: Alex.vcf (file attached)\n");
  EXPECT_TRUE(IsMessage(android, 0, "Elon", "2022-03-23T13:33:00", K::Contact, "Alex.vcf"));
}

TEST(WhatsAppContent, PollsKeepQuestionAndOptions) {
  auto w = import_whatsapp(
      "[20.06.19, 16:30:44] Loris: POLL:\n"
      "When can we meet?\n"
      "OPTION: Thursday 15 evening (2 votes)\n"
      "OPTION: Friday 16 afternoon (1 vote)\n"
      "OPTION: Saturday (meh) (0 votes)\n"
      "[20.06.19, 16:44:30] Loris: Well I guess that's it\r\n");
  ASSERT_EQ(w.size(), 2u);
  EXPECT_TRUE(IsMessage(w, 0, "Loris", "2019-06-20T16:30:44", K::Poll,
                        "When can we meet?\nThursday 15 evening\nFriday 16 afternoon\nSaturday (meh)"));
}

TEST(WhatsAppContent, MissedCallsKeepTheirAuthor) {
  auto w = import_whatsapp(
      "07/01/2023, 23:32 - Dmitry S: Missed voice call\n"
      "07/01/2023, 23:33 - Dmitry S: Missed video call\n"
      "07/01/2023, 23:34 - Dmitry S: \u200EMissed voice call, \u200ETap to call back\n");
  EXPECT_TRUE(IsMessage(w, 0, "Dmitry S", "2023-01-07T23:32:00", K::Call, "Missed voice call"));
  EXPECT_TRUE(IsMessage(w, 1, "Dmitry S", "2023-01-07T23:33:00", K::Call, "Missed video call"));
  EXPECT_TRUE(IsMessage(w, 2, "Dmitry S", "2023-01-07T23:34:00", K::Call, "Missed voice call, Tap to call back"));
}

TEST(WhatsAppContent, EncryptionNoticeAttributedToTheChatOrAPhoneIsSystem) {
  const std::string phone = "\u202A+40\u00A0521\u00A0028\u00A062\u00A018\u202C";
  auto w = import_whatsapp(
      "[1/11/23, 16:11:21] Group Chat XXX: \u200EMessages and calls are end-to-end encrypted. No one outside of "
      "this chat, not even WhatsApp, can read or listen to them.\r\n"
      "[1/11/23, 16:11:22] " +
      phone + ": \u200EMessages and calls are end-to-end encrypted. Tap to learn more.\r\n" +
      "[1/11/23, 16:11:23] Dmitry S: hi\r\n");
  ASSERT_EQ(w.size(), 3u);
  EXPECT_TRUE(IsMessage(w, 0, "", "2023-01-11T16:11:21", K::System,
                        "Messages and calls are end-to-end encrypted. No one outside of this chat, not even "
                        "WhatsApp, can read or listen to them."));
  EXPECT_TRUE(IsMessage(w, 1, "", "2023-01-11T16:11:22", K::System,
                        "Messages and calls are end-to-end encrypted. Tap to learn more."));
  // Neither the chat name nor the phone became a participant.
  EXPECT_EQ(w.corpus.people.size(), 1u);

  auto android = import_whatsapp("15.04.2016, 15:04 - Pokemon Chat: Messages and calls are end-to-end encrypted.\n");
  EXPECT_TRUE(
      IsMessage(android, 0, "", "2016-04-15T15:04:00", K::System, "Messages and calls are end-to-end encrypted."));
}

TEST(WhatsAppContent, SecurityCodeAndNumberChangesAreSystem) {
  auto w = import_whatsapp(
      "[4/28/22, 20:17:30] Elon Musk: \u200E\u200EYour security code with Elon changed. \u200ETap to learn more.\r\n"
      "[4/28/22, 20:18:00] \u200E\u200E\u202A+965 9260 8562\u202C changed their phone number to a new number. "
      "\u200ETap to message or add the new number.\r\n"
      "[4/28/22, 20:19:00] Elon Musk: hi\r\n");
  EXPECT_TRUE(IsMessage(w, 0, "", "2022-04-28T20:17:30", K::System,
                        "Your security code with Elon changed. Tap to learn more."));
  EXPECT_TRUE(IsMessage(w, 1, "", "2022-04-28T20:18:00", K::System,
                        "+965 9260 8562 changed their phone number to a new number. Tap to message or add the new "
                        "number."));
  EXPECT_EQ(w.chat().kind, ChatKind::Private);
}

TEST(WhatsAppContent, FileNamesDecideTheMediaKind) {
  MediaKind media = MediaKind::None;
  EXPECT_EQ(whatsapp::kind_of_file("PTT-20180129-WA0025.opus", media), K::Media);
  EXPECT_EQ(media, M::Voice);
  EXPECT_EQ(whatsapp::kind_of_file("00000038-AUDIO-2022-03-27-21-44-47.opus", media), K::Media);
  EXPECT_EQ(media, M::Audio);
  EXPECT_EQ(whatsapp::kind_of_file("00000051-GIF-2022-03-27-21-51-57.mp4", media), K::Media);
  EXPECT_EQ(media, M::Gif);
  EXPECT_EQ(whatsapp::kind_of_file("holiday.HEIC", media), K::Media);
  EXPECT_EQ(media, M::Image);
  EXPECT_EQ(whatsapp::kind_of_file("archive.zip", media), K::Media);
  EXPECT_EQ(media, M::Document);
  EXPECT_EQ(whatsapp::kind_of_file("", media), K::Media);
  EXPECT_EQ(media, M::Other);
  EXPECT_EQ(whatsapp::kind_of_file("Alex.vcf", media), K::Contact);
}

TEST(WhatsAppContent, DirectionMarksAtTheStartOfAnAndroidTextKeepTheSender) {
  // Android texts copied from right-to-left apps start with one or two LRMs: still Ana's messages.
  auto w = import_whatsapp(
      "12/9/20, 23:16 - Ana: \u200E\u200Ehola\n"
      "12/9/20, 23:17 - Ana: \u200Eque tal\n"
      "12/9/20, 23:18 - Bo: \u200F\u200F\u200Fbien\n");
  ASSERT_EQ(w.size(), 3u);
  EXPECT_TRUE(IsMessage(w, 0, "Ana", "2020-09-12T23:16:00", K::Text, "hola"));
  EXPECT_TRUE(IsMessage(w, 1, "Ana", "2020-09-12T23:17:00", K::Text, "que tal"));
  EXPECT_TRUE(IsMessage(w, 2, "Bo", "2020-09-12T23:18:00", K::Text, "bien"));
}

TEST(WhatsAppContent, NoticesWrittenWithTheirSubjectAsAuthorAreSystem) {
  auto w = import_whatsapp(
      "12/9/20, 23:16 - Ana: Ana updated the message timer. New messages will disappear from this chat 24 hours "
      "after they're sent, except when kept.\n"
      "12/9/20, 23:17 - Bo: Bo turned off disappearing messages.\n"
      "12/9/20, 23:18 - Ana: Ana is here and happy\n"
      "12/9/20, 23:19 - Bo: Ana turned on disappearing messages.\n");
  ASSERT_EQ(w.size(), 4u);
  EXPECT_TRUE(IsMessage(w, 0, "", "2020-09-12T23:16:00", K::System,
                        "Ana updated the message timer. New messages will disappear from this chat 24 hours after "
                        "they're sent, except when kept."));
  EXPECT_TRUE(IsMessage(w, 1, "", "2020-09-12T23:17:00", K::System, "Bo turned off disappearing messages."));
  // The author's name starting a text that is no notice, and a notice about someone else, stay texts.
  EXPECT_TRUE(IsMessage(w, 2, "Ana", "2020-09-12T23:18:00", K::Text, "Ana is here and happy"));
  EXPECT_TRUE(IsMessage(w, 3, "Bo", "2020-09-12T23:19:00", K::Text, "Ana turned on disappearing messages."));
}

// The cheap ')' test before the attachment suffix: trailing spaces do not hide it, and
// texts that merely end in a parenthesis stay texts.
TEST(WhatsAppContent, AttachedSuffixIsFoundPastTrailingSpacesOnly) {
  whatsapp::BodyClassifier c;
  whatsapp::Body b = c.authored("IMG-20220323-WA0002.jpg (file attached)  ");
  EXPECT_EQ(b.kind, K::Media);
  EXPECT_EQ(b.media, M::Image);
  EXPECT_EQ(b.text, "IMG-20220323-WA0002.jpg");
  b = c.authored("see you then :)");
  EXPECT_EQ(b.kind, K::Text);
  EXPECT_EQ(b.text, "see you then :)");
  b = c.authored("IMG-1.jpg (file attached) and more");
  EXPECT_EQ(b.kind, K::Text);
}

// The classifier reads exactly the bytes it is given by pointer and size, not what follows.
TEST(WhatsAppContent, ABodyGivenByPointerAndSizeEndsWhereItIsCut) {
  const std::string buffer = "VID-20220327-WA0001.mp4 (file attached)\n23/03/2022, 13:04 - Elon: x";
  whatsapp::BodyClassifier c;
  const whatsapp::Body b = c.authored_bytes(buffer.data(), buffer.find('\n'), std::string_view::npos);
  EXPECT_EQ(b.kind, K::Media);
  EXPECT_EQ(b.media, M::Video);
  EXPECT_EQ(b.text, "VID-20220327-WA0001.mp4");
  const whatsapp::Body cut = c.authored_bytes(buffer.data(), 10, std::string_view::npos);
  EXPECT_EQ(cut.kind, K::Text);
  EXPECT_EQ(cut.text, "VID-202203");
}
