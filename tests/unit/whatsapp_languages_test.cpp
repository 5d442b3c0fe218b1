// System messages and placeholders in every language of FORMATS.md §1.7.
#include <gtest/gtest.h>

#include "whatsapp_test_util.hpp"

using namespace chatlens;
using namespace chatlens::testing;
using K = MessageKind;

namespace {

// One iOS chat in a language: the strings WhatsApp writes, as they appear in exports.
struct IosStrings {
  std::string_view e2e;          // encryption notice
  std::string_view image;        // "image omitted"
  std::string_view deleted;      // "This message was deleted."
  std::string_view deleted_you;  // "You deleted this message."
  std::string_view location;     // "Location:"
  std::string_view separator = ", ";
  std::string_view mark = "\u200E";
};

void expect_ios_language(const IosStrings& s) {
  const std::string m(s.mark), sep(s.separator);
  const std::string text = "[3/18/22" + sep + "14:56:00] Elon Musk: " + m + std::string(s.e2e) + "\r\n" +  //
                           m + "[3/27/22" + sep + "21:41:55] Dmitry S: " + m + std::string(s.image) + "\r\n" +
                           "[3/27/22" + sep + "21:50:54] Dmitry S: " + m + std::string(s.deleted_you) + "\r\n" +
                           "[3/27/22" + sep + "21:54:45] Elon Musk: " + m + std::string(s.deleted) + "\r\n" +
                           "[3/27/22" + sep + "21:56:45] Dmitry S: " + m + std::string(s.location) +
                           " https://maps.google.com/?q=51.5021456,-0.127397\r\n" +  //
                           "[3/27/22" + sep + "21:57:00] Elon Musk: Hello World";
  auto w = import_whatsapp(text);
  ASSERT_EQ(w.size(), 6u) << s.e2e;
  EXPECT_TRUE(IsMessage(w, 0, "", "2022-03-18T14:56:00", K::System, s.e2e));
  EXPECT_TRUE(IsMessage(w, 1, "Dmitry S", "2022-03-27T21:41:55", K::Media, ""));
  EXPECT_EQ(w.media(1), MediaKind::Image);
  EXPECT_TRUE(IsMessage(w, 2, "Dmitry S", "2022-03-27T21:50:54", K::Deleted, s.deleted_you));
  EXPECT_TRUE(IsMessage(w, 3, "Elon Musk", "2022-03-27T21:54:45", K::Deleted, s.deleted));
  EXPECT_TRUE(IsMessage(w, 4, "Dmitry S", "2022-03-27T21:56:45", K::Location,
                        "https://maps.google.com/?q=51.5021456,-0.127397"));
  EXPECT_TRUE(IsMessage(w, 5, "Elon Musk", "2022-03-27T21:57:00", K::Text, "Hello World"));
  EXPECT_EQ(w.owner(), "Dmitry S");
  EXPECT_EQ(w.chat().kind, ChatKind::Private);
}

}  // namespace

TEST(WhatsAppLanguages, EnglishIos) {
  expect_ios_language(
      {"Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, "
       "can read or listen to them.",
       "image omitted", "This message was deleted.", "You deleted this message.", "Location:"});
}

TEST(WhatsAppLanguages, GermanIos) {
  expect_ios_language(
      {"Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt. Niemand außerhalb dieses Chats kann "
       "sie lesen oder anhören, nicht einmal WhatsApp.",
       "Bild weggelassen", "Diese Nachricht wurde gelöscht.", "Du hast diese Nachricht gelöscht.", "Standort:"});
}

TEST(WhatsAppLanguages, SpanishIos) {
  expect_ios_language(
      {"Los mensajes y las llamadas están cifrados de extremo a extremo. Nadie fuera de este chat, "
       "ni siquiera WhatsApp, puede leerlos ni escucharlos.",
       "imagen omitida", "Se eliminó este mensaje.", "Eliminaste este mensaje.", "Ubicación:"});
}

TEST(WhatsAppLanguages, FrenchIos) {
  expect_ios_language(
      {"Les messages et les appels sont chiffrés de bout en bout. Aucun tiers, pas même WhatsApp, ne "
       "peut les lire ou les écouter.",
       "image absente", "Ce message a été supprimé.", "Vous avez supprimé ce message.", "Localisation:", " "});
}

TEST(WhatsAppLanguages, ItalianIos) {
  expect_ios_language(
      {"I messaggi e le chiamate sono crittografati end-to-end. Nessuno al di fuori di questa chat, "
       "nemmeno WhatsApp, può leggerne o ascoltarne il contenuto.",
       "immagine omessa", "Questo messaggio è stato eliminato.", "Hai eliminato questo messaggio.", "Posizione:"});
}

TEST(WhatsAppLanguages, PortugueseIos) {
  expect_ios_language(
      {"As mensagens e chamadas são encriptadas ponto a ponto. Ninguém fora desta conversa, nem mesmo "
       "o WhatsApp, pode ler ou ouvi-las.",
       "imagem não revelada", "Esta mensagem foi apagada.", "Apagou esta mensagem.", "Localização:", " "});
}

TEST(WhatsAppLanguages, RussianIos) {
  expect_ios_language(
      {"Сообщения и звонки защищены сквозным шифрованием. Третьи лица, включая WhatsApp, "
       "не\u00A0могут прочитать ваши сообщения или прослушать звонки.",
       "изображение отсутствует", "Данное сообщение удалено.", "Вы удалили данное сообщение.", "Местоположение:"});
}

TEST(WhatsAppLanguages, UkrainianIos) {
  expect_ios_language(
      {"Повідомлення й дзвінки захищено наскрізним шифруванням. Прочитати чи прослухати їх не зможе "
       "жодна стороння особа, навіть із WhatsApp.",
       "зображення відсутнє", "Це повідомлення було видалено.", "Ви видалили це повідомлення.", "Розташування:"});
}

TEST(WhatsAppLanguages, CzechIos) {
  expect_ios_language(
      {"Zprávy a hovory jsou opatřeny koncovým šifrováním. Nikdo, kdo není přímým účastníkem této "
       "konverzace, ji nemůže sledovat ani poslouchat. Dokonce ani WhatsApp.",
       "obrázek vynechán", "Tato zpráva byla smazána.", "Tuto zprávu jste smazal/a.", "Poloha:", " "});
}

TEST(WhatsAppLanguages, ArabicIos) {
  expect_ios_language(
      {"الرسائل والمكالمات مشفرة تمامًا بين الطرفين، بحيث لا يستطيع أحد خارج هذه الدردشة، ولا حتى "
       "شركة واتساب نفسها، قراءتها أو الاستماع إليها.",
       "لم يتم إدراج الصورة", "تم حذف هذه الرسالة.", "لقد حذَفت هذه الرسالة.", "موقع:", ", ", "\u200F"});
}

TEST(WhatsAppLanguages, HindiIos) {
  expect_ios_language(
      {"मैसेजेस और कॉल्स एंड-टू-एंड एन्क्रिप्टेड हैं. इस चैट में शामिल लोगों के अलावा कोई भी इन्हें पढ़ "
       "या सुन नहीं सकता, WhatsApp भी नहीं.",
       "फ़ोटो हटाई गई", "यह मैसेज डिलीट कर दिया गया है.", "आपने यह मैसेज डिलीट किया.", "लोकेशन:"});
}

TEST(WhatsAppLanguages, JapaneseIos) {
  expect_ios_language(
      {"メッセージと通話はエンドツーエンド暗号化されています。チャットの参加者以外は、たとえWhatsAppでも"
       "読んだり聞いたりすることはできません。",
       "画像は含まれていません", "このメッセージは削除されました。", "このメッセージを削除しました。",
       "位置情報:", " "});
}

TEST(WhatsAppLanguages, IndonesianIos) {
  expect_ios_language(
      {"Pesan dan panggilan terenkripsi secara end-to-end. Tidak seorang pun di luar chat ini, "
       "termasuk WhatsApp, yang dapat membaca atau mendengarkannya.",
       "gambar tidak disertakan", "Pesan ini dihapus.", "Anda menghapus pesan ini.", "Lokasi:", " "});
}

TEST(WhatsAppLanguages, ThaiIos) {
  expect_ios_language(
      {"ข้อความและการโทรได้รับการเข้ารหัสจากต้นทางถึงปลายทาง ผู้ที่ไม่ได้อยู่ในแชทนี้จะไม่สามารถอ่านหรือฟังได้แม้แต่ "
       "WhatsApp เอง",
       "ไม่มีรูปภาพ", "ข้อความนี้ถูกลบแล้ว", "คุณได้ลบข้อความนี้", "ตำแหน่งที่ตั้ง:", " "});
}

TEST(WhatsAppLanguages, VietnameseIos) {
  // Vietnamese iOS writes the time first; the strings are what matters here.
  const std::string text =
      "[14:56:01, 3/18/22] Musk Elon: \u200ETin nhắn và cuộc gọi được mã hóa đầu cuối. Những người bên ngoài cuộc "
      "trò chuyện này, kể cả WhatsApp, sẽ không đọc hoặc nghe được.\r\n"
      "\u200E[21:41:55, 3/27/22] Dmitry S: \u200Eđã bỏ qua hình ảnh\r\n"
      "[21:50:54, 3/27/22] Dmitry S: \u200EBạn đã xoá tin nhắn này.\r\n"
      "[21:54:45, 3/27/22] Musk Elon: \u200ETin nhắn này đã bị xóa.\r\n"
      "[21:56:46, 3/27/22] Dmitry S: \u200EVị trí: https://maps.google.com/?q=51.5021456,-0.127397";
  auto w = import_whatsapp(text);
  ASSERT_EQ(w.size(), 5u);
  EXPECT_TRUE(IsMessage(w, 0, "", "2022-03-18T14:56:01", K::System,
                        "Tin nhắn và cuộc gọi được mã hóa đầu cuối. Những người bên ngoài cuộc trò chuyện này, kể cả "
                        "WhatsApp, sẽ không đọc hoặc nghe được."));
  EXPECT_TRUE(IsMessage(w, 1, "Dmitry S", "2022-03-27T21:41:55", K::Media, ""));
  EXPECT_EQ(w.media(1), MediaKind::Image);
  EXPECT_TRUE(IsMessage(w, 2, "Dmitry S", "2022-03-27T21:50:54", K::Deleted, "Bạn đã xoá tin nhắn này."));
  EXPECT_TRUE(IsMessage(w, 3, "Musk Elon", "2022-03-27T21:54:45", K::Deleted, "Tin nhắn này đã bị xóa."));
  EXPECT_TRUE(IsMessage(w, 4, "Dmitry S", "2022-03-27T21:56:46", K::Location,
                        "https://maps.google.com/?q=51.5021456,-0.127397"));
  EXPECT_EQ(w.owner(), "Dmitry S");
}

TEST(WhatsAppLanguages, DutchAndroid) {
  auto w = import_whatsapp(
      "23-03-2022 13:31 - Berichten en oproepen worden end-to-end versleuteld. Niemand buiten deze chat kan ze lezen "
      "of beluisteren, zelfs WhatsApp niet. Tik voor meer informatie.\n"
      "23-03-2022 13:32 - Dmitry S: <Media weggelaten>\n"
      "Caption\n"
      "23-03-2022 13:33 - Elon: \u200EAlex.vcf (bestand bijgevoegd)\n"
      "23-03-2022 13:34 - Dmitry S: \u200EPTT-20220323-WA0000.opus (bestand bijgevoegd)\n"
      "23-03-2022 13:44 - Dmitry S: Dit bericht is verwijderd\n"
      "23-03-2022 15:14 - Elon: U hebt dit bericht verwijderd\n"
      "23-03-2022 15:15 - Dmitry S: locatie: https://maps.google.com/?q=36.667,29.113\n"
      "23-03-2022 23:32 - Dmitry S: Gemiste spraakoproep\n",
      "WhatsApp-chat met Dmitry S.txt");
  ASSERT_EQ(w.size(), 8u);
  EXPECT_TRUE(IsMessage(w, 0, "", "2022-03-23T13:31:00", K::System,
                        "Berichten en oproepen worden end-to-end versleuteld. Niemand buiten deze chat kan ze lezen of "
                        "beluisteren, zelfs WhatsApp niet. Tik voor meer informatie."));
  EXPECT_TRUE(IsMessage(w, 1, "Dmitry S", "2022-03-23T13:32:00", K::Media, "Caption"));
  EXPECT_TRUE(IsMessage(w, 2, "Elon", "2022-03-23T13:33:00", K::Contact, "Alex.vcf"));
  EXPECT_TRUE(IsMessage(w, 3, "Dmitry S", "2022-03-23T13:34:00", K::Media, "PTT-20220323-WA0000.opus"));
  EXPECT_EQ(w.media(3), MediaKind::Voice);
  EXPECT_TRUE(IsMessage(w, 4, "Dmitry S", "2022-03-23T13:44:00", K::Deleted, "Dit bericht is verwijderd"));
  EXPECT_TRUE(IsMessage(w, 5, "Elon", "2022-03-23T15:14:00", K::Deleted, "U hebt dit bericht verwijderd"));
  EXPECT_TRUE(
      IsMessage(w, 6, "Dmitry S", "2022-03-23T15:15:00", K::Location, "https://maps.google.com/?q=36.667,29.113"));
  EXPECT_TRUE(IsMessage(w, 7, "Dmitry S", "2022-03-23T23:32:00", K::Call, "Gemiste spraakoproep"));
  EXPECT_EQ(w.owner(), "Elon");
}

TEST(WhatsAppLanguages, RussianAndCzechAndroidPlaceholders) {
  auto ru = import_whatsapp(
      "23.03.2022, 13:32 - Elon: <Без медиафайлов>\n"
      "23.03.2022, 13:33 - Elon: \u200EAlex.vcf (файл добавлен)\n"
      "23.03.2022, 13:44 - Dmitry S: Данное сообщение удалено\n"
      "23.03.2022, 15:13 - Dmitry S: местоположение: https://maps.google.com/?q=51.50,-0.12\n"
      "23.03.2022, 23:32 - Dmitry S: Пропущенный аудиозвонок\n");
  EXPECT_TRUE(IsMessage(ru, 0, "Elon", "2022-03-23T13:32:00", K::Media, ""));
  EXPECT_TRUE(IsMessage(ru, 1, "Elon", "2022-03-23T13:33:00", K::Contact, "Alex.vcf"));
  EXPECT_TRUE(IsMessage(ru, 2, "Dmitry S", "2022-03-23T13:44:00", K::Deleted, "Данное сообщение удалено"));
  EXPECT_TRUE(
      IsMessage(ru, 3, "Dmitry S", "2022-03-23T15:13:00", K::Location, "https://maps.google.com/?q=51.50,-0.12"));
  EXPECT_TRUE(IsMessage(ru, 4, "Dmitry S", "2022-03-23T23:32:00", K::Call, "Пропущенный аудиозвонок"));
  // Capitalised or not, without the iOS marks.
  auto capital = import_whatsapp(
      "23.03.2022, 15:13 - Dmitry S: Местоположение: https://maps.google.com/?q=51.50,-0.12\n"
      "23.03.2022, 15:14 - Dmitry S: данное сообщение удалено\n");
  EXPECT_TRUE(
      IsMessage(capital, 0, "Dmitry S", "2022-03-23T15:13:00", K::Location, "https://maps.google.com/?q=51.50,-0.12"));
  EXPECT_TRUE(IsMessage(capital, 1, "Dmitry S", "2022-03-23T15:14:00", K::Deleted, "данное сообщение удалено"));

  auto cs = import_whatsapp(
      "23.03.22 13:31 - Zprávy a hovory jsou zabezpečeny koncovým šifrováním. Další informace zobrazíte klepnutím.\n"
      "23.03.22 13:32 - Elon: <Média vynechány>\n"
      "23.03.22 13:44 - Dmitry S: Tato zpráva byla odstraněna.\n"
      "23.03.22 15:14 - Elon: Tuto zprávu jste odstranil/a.\n"
      "23.03.22 15:15 - Dmitry S: poloha: https://maps.google.com/?q=51.50,-0.12\n"
      "23.03.22 23:32 - Dmitry S: Zmeškaný hovor\n");
  EXPECT_TRUE(IsMessage(cs, 0, "", "2022-03-23T13:31:00", K::System,
                        "Zprávy a hovory jsou zabezpečeny koncovým šifrováním. Další informace zobrazíte klepnutím."));
  EXPECT_TRUE(IsMessage(cs, 1, "Elon", "2022-03-23T13:32:00", K::Media, ""));
  EXPECT_TRUE(IsMessage(cs, 2, "Dmitry S", "2022-03-23T13:44:00", K::Deleted, "Tato zpráva byla odstraněna."));
  EXPECT_TRUE(IsMessage(cs, 3, "Elon", "2022-03-23T15:14:00", K::Deleted, "Tuto zprávu jste odstranil/a."));
  EXPECT_TRUE(
      IsMessage(cs, 4, "Dmitry S", "2022-03-23T15:15:00", K::Location, "https://maps.google.com/?q=51.50,-0.12"));
  EXPECT_TRUE(IsMessage(cs, 5, "Dmitry S", "2022-03-23T23:32:00", K::Call, "Zmeškaný hovor"));
  EXPECT_EQ(cs.owner(), "Elon");
}

TEST(WhatsAppLanguages, GermanAndroidGroupEvents) {
  auto w = import_whatsapp(
      "29.01.18, 12:00 - Du hast die Gruppe \"Wanderfreunde\" erstellt.\n"
      "29.01.18, 12:01 - Du hast Mallory hinzugefügt.\n"
      "29.01.18, 12:02 - Ana: Hallo\n"
      "29.01.18, 12:03 - Ana: <Medien ausgeschlossen>\n"
      "29.01.18, 12:04 - Ana: Bis später <Diese Nachricht wurde bearbeitet.>\n");
  ASSERT_EQ(w.size(), 5u);
  EXPECT_TRUE(IsMessage(w, 0, "", "2018-01-29T12:00:00", K::System, "Du hast die Gruppe \"Wanderfreunde\" erstellt."));
  EXPECT_TRUE(IsMessage(w, 1, "", "2018-01-29T12:01:00", K::System, "Du hast Mallory hinzugefügt."));
  EXPECT_TRUE(IsMessage(w, 3, "Ana", "2018-01-29T12:03:00", K::Media, ""));
  EXPECT_TRUE(IsMessage(w, 4, "Ana", "2018-01-29T12:04:00", K::Text, "Bis später"));
  EXPECT_TRUE(w.edited(4));
  EXPECT_EQ(w.chat().title, "Wanderfreunde");
  EXPECT_EQ(w.chat().kind, ChatKind::Group);
}
