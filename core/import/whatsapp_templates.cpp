#include "import/whatsapp_templates.hpp"

#include <algorithm>
#include <bit>
#include <cstring>

#include "text/utf8.hpp"

namespace chatlens::whatsapp {
namespace {

char32_t fold_code_point(char32_t c) {
  switch (c) {
    case 0x00A0:
    case 0x202F:
    case 0x2007:
    case 0x2009:
    case 0x200A:
    case 0x3000: return ' ';
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x00AB:
    case 0x00BB:
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2039:
    case 0x203A:
    case 0x300C:
    case 0x300D:
    case 0x300E:
    case 0x300F: return '"';
    case 0xFF1A: return ':';
    case 0xFF08: return '(';
    case 0xFF09: return ')';
    case 0x3002: return '.';
    case 0x0178: return 0x00FF;
    default: break;
  }
  // Simple case folding for the scripts of the localised strings (Latin, Greek, Cyrillic);
  // every mapping keeps the UTF-8 length.
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 0x20;
  if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177)) return c | 1;
  if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return (c & 1) ? c + 1 : c;
  if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) return c + 0x20;
  if (c >= 0x410 && c <= 0x42F) return c + 0x20;
  if (c >= 0x400 && c <= 0x40F) return c + 0x50;
  if ((c >= 0x460 && c <= 0x481) || (c >= 0x48A && c <= 0x4BF) || (c >= 0x4D0 && c <= 0x4FF)) return c | 1;
  if (c >= 0x1E00 && c <= 0x1EFF) return c | 1;
  return c;
}

// The capital of a letter fold_code_point() lowercases (the first letter of a template).
char32_t upper_code_point(char32_t c) {
  if ((c >= 0xE0 && c <= 0xFE && c != 0xF7) || (c >= 0x3B1 && c <= 0x3C9 && c != 0x3C2) || (c >= 0x430 && c <= 0x44F))
    return c - 0x20;
  if (c >= 0x450 && c <= 0x45F) return c - 0x50;
  if ((c >= 0x101 && c <= 0x137) || (c >= 0x14B && c <= 0x177) || (c >= 0x461 && c <= 0x4FF) ||
      (c >= 0x1E01 && c <= 0x1EFF))
    return (c & 1) ? c - 1 : c;
  if ((c >= 0x13A && c <= 0x148) || (c >= 0x17A && c <= 0x17E)) return (c & 1) ? c : c - 1;
  return c;
}

// Folds the character at s[i] into out (0..4 bytes; 0 for dropped marks) and advances i.
size_t fold_one(std::string_view s, size_t& i, char* out) {
  const auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) {
    ++i;
    char c = static_cast<char>(b);
    if (c >= 'A' && c <= 'Z')
      c = static_cast<char>(c + 32);
    else if (c == '\'' || c == '`')
      c = '"';
    else if (c == '\t')
      c = ' ';
    out[0] = c;
    return 1;
  }
  const auto b1 = i + 1 < s.size() ? static_cast<unsigned char>(s[i + 1]) : 0;
  const auto b2 = i + 2 < s.size() ? static_cast<unsigned char>(s[i + 2]) : 0;
  // Characters that fold to themselves, copied without decoding: lowercase
  // Latin-1 letters, lowercase Cyrillic, Arabic (but ALM), and the three-byte
  // scripts without case or marks (Devanagari, Thai, CJK but its punctuation, Hangul).
  const bool cont1 = (b1 & 0xC0) == 0x80, cont2 = (b2 & 0xC0) == 0x80;
  if (cont1 && ((b == 0xC3 && b1 >= 0x9F) || (b == 0xD0 && b1 >= 0xB0) || (b == 0xD1 && b1 < 0xA0) ||
                (b >= 0xD8 && b <= 0xDB && !(b == 0xD8 && b1 == 0x9C)))) {
    out[0] = static_cast<char>(b), out[1] = static_cast<char>(b1);
    i += 2;
    return 2;
  }
  if (cont1 && cont2 && (b == 0xE0 || (b >= 0xE4 && b <= 0xED) || (b == 0xE3 && b1 != 0x80))) {
    out[0] = static_cast<char>(b), out[1] = static_cast<char>(b1), out[2] = static_cast<char>(b2);
    i += 3;
    return 3;
  }
  char32_t cp;
  if (b >= 0xC2 && b <= 0xDF && cont1) {
    // Two-byte characters (accented Latin, Greek, Cyrillic, Arabic) decoded here: the common case.
    cp = (static_cast<char32_t>(b & 0x1F) << 6) | (b1 & 0x3F);
    i += 2;
  } else {
    cp = decode_utf8(s, i);
  }
  if (is_direction_mark(cp)) return 0;
  cp = fold_code_point(cp);
  if (cp < 0x80) return out[0] = static_cast<char>(cp), 1;
  if (cp < 0x800) {
    out[0] = static_cast<char>(0xC0 | (cp >> 6));
    out[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (cp >> 12));
    out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (cp >> 18));
  out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

std::string fold(std::string_view s) {
  std::string out;
  fold_append(s, out);
  return std::string(trim_loose(out));
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }
bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// ---------------------------------------------------------------------------
// Tables. Sources: the WhatsApp app strings in
// shared/corpus/_reference/whatsapp_ui_strings_tables__from_starkdmi_whats_json_tool_data.json
// (one app version, ~2022), completed with the strings seen in real exports
// (FORMATS.md §1.6-1.7). Several Android and iOS variants of one language differ.

struct ExactRow {
  std::string_view text;
  Placeholder kind;
};

constexpr ExactRow kExact[] = {
    // Android, export without media: the type is unknown.
    {"<Media omitted>", Placeholder::MediaOmitted},
    {"<Medien ausgeschlossen>", Placeholder::MediaOmitted},
    {"<Medien weggelassen>", Placeholder::MediaOmitted},
    {"<Multimedia omitido>", Placeholder::MediaOmitted},
    {"<Archivo omitido>", Placeholder::MediaOmitted},
    {"<Médias omis>", Placeholder::MediaOmitted},
    {"<Fichier omis>", Placeholder::MediaOmitted},
    {"<Media omessi>", Placeholder::MediaOmitted},
    {"<Media omesso>", Placeholder::MediaOmitted},
    {"<Mídia oculta>", Placeholder::MediaOmitted},
    {"<Arquivo de mídia oculto>", Placeholder::MediaOmitted},
    {"<Mídia omitida>", Placeholder::MediaOmitted},
    {"<Ficheiro não revelado>", Placeholder::MediaOmitted},
    {"<Multimédia omitido>", Placeholder::MediaOmitted},
    {"<Без медиафайлов>", Placeholder::MediaOmitted},
    {"<Файл пропущен>", Placeholder::MediaOmitted},
    {"<Медіа пропущено>", Placeholder::MediaOmitted},
    {"<Без медіафайлів>", Placeholder::MediaOmitted},
    {"<تم استبعاد الوسائط>", Placeholder::MediaOmitted},
    {"<الوسائط محذوفة>", Placeholder::MediaOmitted},
    {"<मीडिया के बिना>", Placeholder::MediaOmitted},
    {"<मीडिया हटाया गया>", Placeholder::MediaOmitted},
    {"<メディアは含まれていません>", Placeholder::MediaOmitted},
    {"<メディアなし>", Placeholder::MediaOmitted},
    {"<Medya atlanmış>", Placeholder::MediaOmitted},
    {"<Medya dahil edilmedi>", Placeholder::MediaOmitted},
    {"<Media weggelaten>", Placeholder::MediaOmitted},
    {"<Media tidak disertakan>", Placeholder::MediaOmitted},
    {"<省略多媒体文件>", Placeholder::MediaOmitted},
    {"<媒体文件已省略>", Placeholder::MediaOmitted},
    {"<미디어 파일을 생략한 대화내용>", Placeholder::MediaOmitted},
    {"<미디어 파일 생략>", Placeholder::MediaOmitted},
    {"<pliki pominięto>", Placeholder::MediaOmitted},
    {"<Pominięto multimedia>", Placeholder::MediaOmitted},
    {"< Média vynechána >", Placeholder::MediaOmitted},
    {"<Média vynechána>", Placeholder::MediaOmitted},
    {"<Média vynechány>", Placeholder::MediaOmitted},
    {"<Bỏ qua Media>", Placeholder::MediaOmitted},
    {"<Đã bỏ qua tệp phương tiện>", Placeholder::MediaOmitted},
    {"<สื่อถูกลบ>", Placeholder::MediaOmitted},
    {"<ไม่รวมสื่อ>", Placeholder::MediaOmitted},
    // iOS, by type
    {"image omitted", Placeholder::ImageOmitted},
    {"Bild weggelassen", Placeholder::ImageOmitted},
    {"imagen omitida", Placeholder::ImageOmitted},
    {"image absente", Placeholder::ImageOmitted},
    {"immagine omessa", Placeholder::ImageOmitted},
    {"imagem ocultada", Placeholder::ImageOmitted},
    {"imagem não revelada", Placeholder::ImageOmitted},
    {"изображение отсутствует", Placeholder::ImageOmitted},
    {"зображення відсутнє", Placeholder::ImageOmitted},
    {"لم يتم إدراج الصورة", Placeholder::ImageOmitted},
    {"फ़ोटो हटाई गई", Placeholder::ImageOmitted},
    {"画像は含まれていません", Placeholder::ImageOmitted},
    {"görüntü dahil edilmedi", Placeholder::ImageOmitted},
    {"afbeelding weggelaten", Placeholder::ImageOmitted},
    {"gambar tidak disertakan", Placeholder::ImageOmitted},
    {"照片已忽略", Placeholder::ImageOmitted},
    {"이미지 생략됨", Placeholder::ImageOmitted},
    {"obraz pominięty", Placeholder::ImageOmitted},
    {"obrázek vynechán", Placeholder::ImageOmitted},
    {"đã bỏ qua hình ảnh", Placeholder::ImageOmitted},
    {"ไม่มีรูปภาพ", Placeholder::ImageOmitted},
    //
    {"video omitted", Placeholder::VideoOmitted},
    {"Video weggelassen", Placeholder::VideoOmitted},
    {"Video omitido", Placeholder::VideoOmitted},
    {"vidéo absente", Placeholder::VideoOmitted},
    {"video omesso", Placeholder::VideoOmitted},
    {"vídeo omitido", Placeholder::VideoOmitted},
    {"vídeo não revelado", Placeholder::VideoOmitted},
    {"видео отсутствует", Placeholder::VideoOmitted},
    {"відео відсутнє", Placeholder::VideoOmitted},
    {"لم يتم إدراج الفيديوهات", Placeholder::VideoOmitted},
    {"वीडियो छोड़ा गया", Placeholder::VideoOmitted},
    {"ビデオは含まれていません", Placeholder::VideoOmitted},
    {"video dahil edilmedi", Placeholder::VideoOmitted},
    {"video weggelaten", Placeholder::VideoOmitted},
    {"video tidak disertakan", Placeholder::VideoOmitted},
    {"视频已忽略", Placeholder::VideoOmitted},
    {"비디오 생략됨", Placeholder::VideoOmitted},
    {"wideo pominięte", Placeholder::VideoOmitted},
    {"video vynecháno", Placeholder::VideoOmitted},
    {"đã bỏ video", Placeholder::VideoOmitted},
    {"วิดีโอถูกลบ", Placeholder::VideoOmitted},
    //
    {"audio omitted", Placeholder::AudioOmitted},
    {"Audio weggelassen", Placeholder::AudioOmitted},
    {"audio omitido", Placeholder::AudioOmitted},
    {"audio omis", Placeholder::AudioOmitted},
    {"audio omesso", Placeholder::AudioOmitted},
    {"áudio ocultado", Placeholder::AudioOmitted},
    {"ficheiro de áudio não revelado", Placeholder::AudioOmitted},
    {"аудиофайл отсутствует", Placeholder::AudioOmitted},
    {"аудіо відсутнє", Placeholder::AudioOmitted},
    {"لم يتم إدراج المقاطع الصوتية", Placeholder::AudioOmitted},
    {"ऑडियो हटाई गयी", Placeholder::AudioOmitted},
    {"音声は含まれていません", Placeholder::AudioOmitted},
    {"ses dahil edilmedi", Placeholder::AudioOmitted},
    {"audio weggelaten", Placeholder::AudioOmitted},
    {"audio tidak disertakan", Placeholder::AudioOmitted},
    {"音频已忽略", Placeholder::AudioOmitted},
    {"오디오 생략됨", Placeholder::AudioOmitted},
    {"audio pominięte", Placeholder::AudioOmitted},
    {"zvukový soubor vynechán", Placeholder::AudioOmitted},
    {"bỏ qua tệp âm thanh", Placeholder::AudioOmitted},
    {"ไม่มีไฟล์เสียง", Placeholder::AudioOmitted},
    //
    {"sticker omitted", Placeholder::StickerOmitted},
    {"Sticker weggelassen", Placeholder::StickerOmitted},
    {"sticker omitido", Placeholder::StickerOmitted},
    {"sticker omis", Placeholder::StickerOmitted},
    {"sticker non incluso", Placeholder::StickerOmitted},
    {"figurinha omitida", Placeholder::StickerOmitted},
    {"sticker não revelado", Placeholder::StickerOmitted},
    {"стикер не добавлен", Placeholder::StickerOmitted},
    {"Наклейку не додано", Placeholder::StickerOmitted},
    {"تم حذف الملصقات", Placeholder::StickerOmitted},
    {"स्टिकर छोड़ा गया", Placeholder::StickerOmitted},
    {"スタンプは含まれていません", Placeholder::StickerOmitted},
    {"Çıkartma dahil edilmedi", Placeholder::StickerOmitted},
    {"sticker weggelaten", Placeholder::StickerOmitted},
    {"stiker tidak disertakan", Placeholder::StickerOmitted},
    {"贴图已省略", Placeholder::StickerOmitted},
    {"스티커 제외됨", Placeholder::StickerOmitted},
    {"pominięto naklejkę", Placeholder::StickerOmitted},
    {"nálepka vynechána", Placeholder::StickerOmitted},
    {"đã bỏ sticker", Placeholder::StickerOmitted},
    {"ไม่มีสติกเกอร์", Placeholder::StickerOmitted},
    //
    {"GIF omitted", Placeholder::GifOmitted},
    {"GIF weggelassen", Placeholder::GifOmitted},
    {"GIF omitido", Placeholder::GifOmitted},
    {"GIF retiré", Placeholder::GifOmitted},
    {"GIF esclusa", Placeholder::GifOmitted},
    {"GIF não revelada", Placeholder::GifOmitted},
    {"GIF отсутствует", Placeholder::GifOmitted},
    {"GIF-анімацію пропущено", Placeholder::GifOmitted},
    {"لم يتم إدراج صورة GIF", Placeholder::GifOmitted},
    {"GIF छोड़ा गया", Placeholder::GifOmitted},
    {"GIFは含まれていません", Placeholder::GifOmitted},
    {"GIF dahil edilmedi", Placeholder::GifOmitted},
    {"GIF weggelaten", Placeholder::GifOmitted},
    {"GIF tidak disertakan", Placeholder::GifOmitted},
    {"GIF 动态图已被忽略", Placeholder::GifOmitted},
    {"GIF 생략됨", Placeholder::GifOmitted},
    {"Plik GIF pominięty", Placeholder::GifOmitted},
    {"GIF vynechán", Placeholder::GifOmitted},
    {"Đã bỏ qua ảnh GIF", Placeholder::GifOmitted},
    {"ละเว้น GIF", Placeholder::GifOmitted},
    //
    {"document omitted", Placeholder::DocumentOmitted},
    {"Dokument weggelassen", Placeholder::DocumentOmitted},
    {"documento omitido", Placeholder::DocumentOmitted},
    {"document manquant", Placeholder::DocumentOmitted},
    {"documento omesso", Placeholder::DocumentOmitted},
    {"documento não revelado", Placeholder::DocumentOmitted},
    {"документ отсутствует", Placeholder::DocumentOmitted},
    {"документ пропущено", Placeholder::DocumentOmitted},
    {"لم يتم إدراج المستند", Placeholder::DocumentOmitted},
    {"डॉक्यूमेंट छोड़ा गया", Placeholder::DocumentOmitted},
    {"ドキュメントは含まれていません", Placeholder::DocumentOmitted},
    {"belge dahil edilmedi", Placeholder::DocumentOmitted},
    {"document weggelaten", Placeholder::DocumentOmitted},
    {"dokumen tidak disertakan", Placeholder::DocumentOmitted},
    {"文档已省略", Placeholder::DocumentOmitted},
    {"문서 생략됨", Placeholder::DocumentOmitted},
    {"dokument pominięty", Placeholder::DocumentOmitted},
    {"dokument vynechán", Placeholder::DocumentOmitted},
    {"đã bỏ qua tài liệu", Placeholder::DocumentOmitted},
    {"ละเว้นเอกสาร", Placeholder::DocumentOmitted},
    //
    {"Contact card omitted", Placeholder::ContactOmitted},
    {"Kontaktkarte ausgelassen", Placeholder::ContactOmitted},
    {"Tarjeta de contacto omitida", Placeholder::ContactOmitted},
    {"Fiche contact manquante", Placeholder::ContactOmitted},
    {"Scheda contatto omessa", Placeholder::ContactOmitted},
    {"Cartão do contato omitido", Placeholder::ContactOmitted},
    {"Contacto não revelado", Placeholder::ContactOmitted},
    {"Карточка контакта отсутствует", Placeholder::ContactOmitted},
    {"Картка контакту відсутня", Placeholder::ContactOmitted},
    {"لم يتم إدراج بطاقة جهة اتصال", Placeholder::ContactOmitted},
    {"कॉन्टैक्ट कार्ड छोड़ा गया", Placeholder::ContactOmitted},
    {"連絡先カードを省略", Placeholder::ContactOmitted},
    {"Kişi kartı dahil edilmedi", Placeholder::ContactOmitted},
    {"Visitekaartje weggelaten", Placeholder::ContactOmitted},
    {"Kartu kontak tidak disertakan", Placeholder::ContactOmitted},
    {"联系人卡片已忽略", Placeholder::ContactOmitted},
    {"연락처 카드 생략됨", Placeholder::ContactOmitted},
    {"Pominięta wizytówka kontaktu", Placeholder::ContactOmitted},
    {"Vizitka vynechána", Placeholder::ContactOmitted},
    {"Bỏ qua thẻ liên lạc", Placeholder::ContactOmitted},
    {"บัตรรายชื่อที่ละเว้น", Placeholder::ContactOmitted},
    // Deleted, by someone else (Android, iOS, observed)
    {"This message was deleted", Placeholder::DeletedByOther},
    {"Diese Nachricht wurde gelöscht", Placeholder::DeletedByOther},
    {"Este mensaje fue eliminado", Placeholder::DeletedByOther},
    {"Ce message a été supprimé", Placeholder::DeletedByOther},
    {"Questo messaggio è stato eliminato", Placeholder::DeletedByOther},
    {"Esta mensagem foi apagada", Placeholder::DeletedByOther},
    {"Esta mensagem foi apagada pelo remetente.", Placeholder::DeletedByOther},
    {"Данное сообщение удалено", Placeholder::DeletedByOther},
    {"Це повідомлення було видалено", Placeholder::DeletedByOther},
    {"تم حذف هذه الرسالة", Placeholder::DeletedByOther},
    {"यह संदेश मिटाया गया", Placeholder::DeletedByOther},
    {"このメッセージは削除されました", Placeholder::DeletedByOther},
    {"Bu mesaj silindi", Placeholder::DeletedByOther},
    {"Dit bericht is verwijderd", Placeholder::DeletedByOther},
    {"Pesan ini telah dihapus", Placeholder::DeletedByOther},
    {"信息已删除", Placeholder::DeletedByOther},
    {"이 메시지는 삭제되었습니다", Placeholder::DeletedByOther},
    {"Ta wiadomość została usunięta", Placeholder::DeletedByOther},
    {"Tato zpráva byla odstraněna", Placeholder::DeletedByOther},
    {"Tin nhắn này đã bị xoá", Placeholder::DeletedByOther},
    {"ข้อความนี้ได้ถูกลบ", Placeholder::DeletedByOther},
    {"This message was deleted.", Placeholder::DeletedByOther},
    {"Diese Nachricht wurde gelöscht.", Placeholder::DeletedByOther},
    {"Se eliminó este mensaje.", Placeholder::DeletedByOther},
    {"Ce message a été supprimé.", Placeholder::DeletedByOther},
    {"Questo messaggio è stato eliminato.", Placeholder::DeletedByOther},
    {"Mensagem apagada", Placeholder::DeletedByOther},
    {"Esta mensagem foi apagada.", Placeholder::DeletedByOther},
    {"Данное сообщение удалено.", Placeholder::DeletedByOther},
    {"Це повідомлення було видалено.", Placeholder::DeletedByOther},
    {"تم حذف هذه الرسالة.", Placeholder::DeletedByOther},
    {"यह मैसेज डिलीट कर दिया गया है.", Placeholder::DeletedByOther},
    {"このメッセージは削除されました。", Placeholder::DeletedByOther},
    {"Bu mesaj silindi.", Placeholder::DeletedByOther},
    {"Dit bericht is verwijderd.", Placeholder::DeletedByOther},
    {"Pesan ini dihapus.", Placeholder::DeletedByOther},
    {"这条消息已被删除。", Placeholder::DeletedByOther},
    {"이 메시지는 삭제되었습니다.", Placeholder::DeletedByOther},
    {"Ta wiadomość została usunięta.", Placeholder::DeletedByOther},
    {"Tato zpráva byla smazána.", Placeholder::DeletedByOther},
    {"Tin nhắn này đã bị xóa.", Placeholder::DeletedByOther},
    {"ข้อความนี้ถูกลบแล้ว", Placeholder::DeletedByOther},
    {"Tato zpráva byla odstraněna.", Placeholder::DeletedByOther},
    {"Это сообщение было удалено", Placeholder::DeletedByOther},
    {"Pesan ini dihapus", Placeholder::DeletedByOther},
    {"Tin nhắn này đã bị xóa", Placeholder::DeletedByOther},
    {"यह मैसेज डिलीट कर दिया गया है", Placeholder::DeletedByOther},
    {"این پیام حذف شد", Placeholder::DeletedByOther},
    // Deleted by the owner of the export
    {"You deleted this message", Placeholder::DeletedByYou},
    {"Du hast diese Nachricht gelöscht", Placeholder::DeletedByYou},
    {"Eliminaste este mensaje", Placeholder::DeletedByYou},
    {"Vous avez supprimé ce message", Placeholder::DeletedByYou},
    {"Hai eliminato questo messaggio", Placeholder::DeletedByYou},
    {"Você apagou esta mensagem", Placeholder::DeletedByYou},
    {"Esta mensagem foi apagada.", Placeholder::DeletedByYou},
    {"Вы удалили данное сообщение", Placeholder::DeletedByYou},
    {"Ви видалили це повідомлення.", Placeholder::DeletedByYou},
    {"أنت حذفت هذه الرسالة", Placeholder::DeletedByYou},
    {"आपने यह संदेश मिटाया", Placeholder::DeletedByYou},
    {"このメッセージを削除しました", Placeholder::DeletedByYou},
    {"Bu mesajı sildiniz", Placeholder::DeletedByYou},
    {"U hebt dit bericht verwijderd", Placeholder::DeletedByYou},
    {"Anda telah menghapus pesan ini", Placeholder::DeletedByYou},
    {"您删除这个信息", Placeholder::DeletedByYou},
    {"삭제한 메시지입니다", Placeholder::DeletedByYou},
    {"Usunąłeś(aś) tę wiadomość", Placeholder::DeletedByYou},
    {"Tuto zprávu jste odstranil/a", Placeholder::DeletedByYou},
    {"Bạn đã xoá tin nhắn này", Placeholder::DeletedByYou},
    {"คุณลบข้อความนี้", Placeholder::DeletedByYou},
    {"You deleted this message.", Placeholder::DeletedByYou},
    {"Du hast diese Nachricht gelöscht.", Placeholder::DeletedByYou},
    {"Eliminaste este mensaje.", Placeholder::DeletedByYou},
    {"Vous avez supprimé ce message.", Placeholder::DeletedByYou},
    {"Hai eliminato questo messaggio.", Placeholder::DeletedByYou},
    {"Mensagem apagada", Placeholder::DeletedByYou},
    {"Apagou esta mensagem.", Placeholder::DeletedByYou},
    {"Вы удалили данное сообщение.", Placeholder::DeletedByYou},
    {"لقد حذَفت هذه الرسالة.", Placeholder::DeletedByYou},
    {"आपने यह मैसेज डिलीट किया.", Placeholder::DeletedByYou},
    {"このメッセージを削除しました。", Placeholder::DeletedByYou},
    {"Bu mesajı sildiniz.", Placeholder::DeletedByYou},
    {"U hebt dit bericht verwijderd.", Placeholder::DeletedByYou},
    {"Anda menghapus pesan ini.", Placeholder::DeletedByYou},
    {"您已删除这条消息。", Placeholder::DeletedByYou},
    {"이 메시지를 삭제했습니다.", Placeholder::DeletedByYou},
    {"Usunąłeś(-ęłaś) tę wiadomość.", Placeholder::DeletedByYou},
    {"Tuto zprávu jste smazal/a.", Placeholder::DeletedByYou},
    {"Bạn đã xoá tin nhắn này.", Placeholder::DeletedByYou},
    {"คุณได้ลบข้อความนี้", Placeholder::DeletedByYou},
    {"Tuto zprávu jste odstranil/a.", Placeholder::DeletedByYou},
    {"Вы удалили это сообщение", Placeholder::DeletedByYou},
    {"أنت حذفت هذه الرسالة.", Placeholder::DeletedByYou},
    {"لقد حذفت هذه الرسالة", Placeholder::DeletedByYou},
    {"Bạn đã xóa tin nhắn này", Placeholder::DeletedByYou},
    {"Je hebt dit bericht verwijderd", Placeholder::DeletedByYou},
    {"Anda menghapus pesan ini", Placeholder::DeletedByYou},
    // Missed calls (Android has an author on them)
    {"Missed voice call", Placeholder::MissedCall},
    {"Verpasster Sprachanruf", Placeholder::MissedCall},
    {"Llamada de voz perdida", Placeholder::MissedCall},
    {"Appel vocal manqué", Placeholder::MissedCall},
    {"Chiamata vocale persa", Placeholder::MissedCall},
    {"Chamada de voz perdida", Placeholder::MissedCall},
    {"Пропущенный аудиозвонок", Placeholder::MissedCall},
    {"Пропущений аудіодзвінок", Placeholder::MissedCall},
    {"مكالمة صوتية فائتة", Placeholder::MissedCall},
    {"छूटी हुई ध्वनि कॉल", Placeholder::MissedCall},
    {"不在着信", Placeholder::MissedCall},
    {"Cevapsız sesli arama", Placeholder::MissedCall},
    {"Gemiste spraakoproep", Placeholder::MissedCall},
    {"Panggilan suara tak terjawab", Placeholder::MissedCall},
    {"未接语音通话", Placeholder::MissedCall},
    {"부재중 전화", Placeholder::MissedCall},
    {"Nieodebrane połączenie", Placeholder::MissedCall},
    {"Zmeškaný hlasový hovor", Placeholder::MissedCall},
    {"Cuộc gọi nhỡ", Placeholder::MissedCall},
    {"สายที่ไม่ได้รับ", Placeholder::MissedCall},
    {"Missed video call", Placeholder::MissedCall},
    {"Missed group voice call", Placeholder::MissedCall},
    {"Missed group video call", Placeholder::MissedCall},
    {"Verpasster Videoanruf", Placeholder::MissedCall},
    {"Videollamada perdida", Placeholder::MissedCall},
    {"Appel vidéo manqué", Placeholder::MissedCall},
    {"Videochiamata persa", Placeholder::MissedCall},
    {"Chamada de vídeo perdida", Placeholder::MissedCall},
    {"Пропущенный видеозвонок", Placeholder::MissedCall},
    {"Пропущений відеодзвінок", Placeholder::MissedCall},
    {"مكالمة فيديو فائتة", Placeholder::MissedCall},
    {"छूटा हुआ वॉइस कॉल", Placeholder::MissedCall},
    {"छूटा हुआ वीडियो कॉल", Placeholder::MissedCall},
    {"Cevapsız görüntülü arama", Placeholder::MissedCall},
    {"Gemiste video-oproep", Placeholder::MissedCall},
    {"Panggilan video tak terjawab", Placeholder::MissedCall},
    {"未接视频通话", Placeholder::MissedCall},
    {"부재중 음성 통화", Placeholder::MissedCall},
    {"부재중 영상 통화", Placeholder::MissedCall},
    {"Nieodebrane połączenie głosowe", Placeholder::MissedCall},
    {"Nieodebrane połączenie wideo", Placeholder::MissedCall},
    {"Zmeškaný hovor", Placeholder::MissedCall},
    {"Zmeškaný videohovor", Placeholder::MissedCall},
    {"Cuộc gọi thoại bị nhỡ", Placeholder::MissedCall},
    {"Cuộc gọi video bị nhỡ", Placeholder::MissedCall},
    // Live location
    {"live location shared", Placeholder::LiveLocation},
    {"Live-Standort wird geteilt", Placeholder::LiveLocation},
    {"ubicación en tiempo real compartida", Placeholder::LiveLocation},
    {"Localisation en direct partagée", Placeholder::LiveLocation},
    {"posizione attuale condivisa", Placeholder::LiveLocation},
    {"localização atual compartilhada", Placeholder::LiveLocation},
    {"Está a partilhar a sua localização", Placeholder::LiveLocation},
    {"Геоданные отправлены", Placeholder::LiveLocation},
    {"геодані надіслано", Placeholder::LiveLocation},
    {"تمت مشاركة الموقع المباشر", Placeholder::LiveLocation},
    {"लाइव स्थान साझा किया गया", Placeholder::LiveLocation},
    {"ライブロケーション共有", Placeholder::LiveLocation},
    {"Mevcut konum paylaşıldı", Placeholder::LiveLocation},
    {"live locatie gedeeld", Placeholder::LiveLocation},
    {"Lokasi terkini dibagikan", Placeholder::LiveLocation},
    {"共享实时位置", Placeholder::LiveLocation},
    {"공유한 실시간 위치", Placeholder::LiveLocation},
    {"udostępniona transmisja położenia", Placeholder::LiveLocation},
    {"byla sdílena aktuální poloha", Placeholder::LiveLocation},
    {"vị trí hiện thời được chia sẻ", Placeholder::LiveLocation},
    {"ตำแหน่งปัจจุบันถูกแบ่งปัน", Placeholder::LiveLocation},
    // View-once media (Android writes the literal "null").
    {"null", Placeholder::ViewOnce},
    // Could not be decrypted.
    {"Waiting for this message", Placeholder::Waiting},
    {"Waiting for this message. This may take a while.", Placeholder::Waiting},
    {"Warten auf diese Nachricht. Dies kann etwas dauern.", Placeholder::Waiting},
    {"Esperando el mensaje. Esto puede tomar tiempo.", Placeholder::Waiting},
    {"En attente de ce message. Cela peut prendre du temps.", Placeholder::Waiting},
    {"In attesa di questo messaggio. L'operazione potrebbe richiedere del tempo.", Placeholder::Waiting},
    {"Aguardando mensagem. Isso pode levar alguns instantes.", Placeholder::Waiting},
    {"Ожидание сообщения. Это может занять некоторое время.", Placeholder::Waiting},
};

struct LabelRow {
  std::string_view text;
  Label kind;
};

constexpr LabelRow kLabels[] = {
    // End-to-end encryption notices: the first clause is enough (the rest changed over the years).
    {"Messages and calls are end-to-end encrypted", Label::E2E},
    {"Messages to this chat and calls are now secured with end-to-end encryption", Label::E2E},
    {"Messages you send to this chat and calls are now secured with end-to-end encryption", Label::E2E},
    {"Messages to this group are now secured with end-to-end encryption", Label::E2EGroup},
    {"Messages you send to this group are now secured with end-to-end encryption", Label::E2EGroup},
    {"Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt", Label::E2E},
    {"Nachrichten an diese Gruppe sind jetzt mit Ende-zu-Ende-Verschlüsselung geschützt", Label::E2EGroup},
    {"Los mensajes y las llamadas están cifrados de extremo a extremo", Label::E2E},
    {"Los mensajes que envíes a este grupo ahora están protegidos con cifrado de extremo a extremo", Label::E2EGroup},
    {"Les messages et les appels sont chiffrés de bout en bout", Label::E2E},
    {"Les messages envoyés dans cette discussion et les appels sont désormais protégés", Label::E2E},
    {"Les messages envoyés dans ce groupe sont désormais protégés", Label::E2EGroup},
    {"I messaggi e le chiamate sono crittografati end-to-end", Label::E2E},
    {"I messaggi inviati a questo gruppo sono ora protetti con la crittografia end-to-end", Label::E2EGroup},
    {"As mensagens e chamadas são encriptadas ponto a ponto", Label::E2E},
    {"As mensagens e as chamadas são protegidas com a criptografia de ponta a ponta", Label::E2E},
    {"As mensagens enviadas para este grupo estão protegidas com a criptografia de ponta a ponta", Label::E2EGroup},
    {"Сообщения и звонки защищены сквозным шифрованием", Label::E2E},
    {"Сообщения, отправляемые в эту группу, теперь защищены сквозным шифрованием", Label::E2EGroup},
    {"Повідомлення й дзвінки захищено наскрізним шифруванням", Label::E2E},
    {"Повідомлення та дзвінки захищені наскрізним шифруванням", Label::E2E},
    {"Zprávy a hovory jsou opatřeny koncovým šifrováním", Label::E2E},
    {"Zprávy a hovory jsou zabezpečeny koncovým šifrováním", Label::E2E},
    {"الرسائل والمكالمات مشفرة تمامًا بين الطرفين", Label::E2E},
    {"मैसेजेस और कॉल्स एंड-टू-एंड एन्क्रिप्टेड हैं", Label::E2E},
    {"संदेश और कॉल एंड-टू-एंड एन्क्रिप्टेड हैं", Label::E2E},
    {"メッセージと通話はエンドツーエンド暗号化されています", Label::E2E},
    {"Pesan dan panggilan terenkripsi secara end-to-end", Label::E2E},
    {"ข้อความและการโทรได้รับการเข้ารหัสจากต้นทางถึงปลายทาง", Label::E2E},
    {"Tin nhắn và cuộc gọi được mã hóa đầu cuối", Label::E2E},
    {"Berichten en oproepen worden end-to-end versleuteld", Label::E2E},
    {"Berichten en gesprekken worden end-to-end versleuteld", Label::E2E},
    {"Mesajlar ve aramalar uçtan uca şifrelidir", Label::E2E},
    {"消息和通话都进行端到端加密", Label::E2E},
    {"메시지 및 전화는 종단간 암호화되어", Label::E2E},
    {"Wiadomości i połączenia są w pełni zaszyfrowane", Label::E2E},
    // Location labels, followed by a maps URL.
    {"location:", Label::Location},
    {"Standort:", Label::Location},
    {"ubicación:", Label::Location},
    {"localisation:", Label::Location},
    {"localisation :", Label::Location},
    {"posizione:", Label::Location},
    {"localização:", Label::Location},
    {"местоположение:", Label::Location},
    {"розташування:", Label::Location},
    {"місцезнаходження:", Label::Location},
    {"موقع:", Label::Location},
    {"الموقع:", Label::Location},
    {"लोकेशन:", Label::Location},
    {"स्थान :", Label::Location},
    {"स्थान:", Label::Location},
    {"位置情報:", Label::Location},
    {"konum:", Label::Location},
    {"locatie:", Label::Location},
    {"lokasi:", Label::Location},
    {"lokasi :", Label::Location},
    {"位置:", Label::Location},
    {"위치:", Label::Location},
    {"położenie:", Label::Location},
    {"poloha:", Label::Location},
    {"vị trí:", Label::Location},
    {"ตำแหน่งที่ตั้ง:", Label::Location},
    // Polls: "POLL:" / question / "OPTION: ... (n votes)".
    {"POLL:", Label::Poll},
};

// Android "NAME (file attached)".
constexpr std::string_view kAttachedSuffixes[] = {
    " (file attached)",    " (Datei angehängt)", " (archivo adjunto)",    " (archivo adjuntado)",
    " (fichier joint)",    " (file allegato)",   " (arquivo anexado)",    " (ficheiro anexado)",
    " (файл добавлен)",    " (файл додано)",     " (الملف مرفق)",         " (फाइल अटैच कर दी गई है)",
    " (添付ファイル有り)", " (dosya ekli)",      " (bestand bijgevoegd)", " (file terlampir)",
    " (文件附件)",         " (파일 첨부됨)",     " (załączony plik)",     " (soubor byl přiložen)",
    " (tệp đính kèm)",     " (ไฟล์ที่แนบ)",
};

// iOS "<attached: NAME>" after the '<'.
constexpr std::string_view kAttachPrefixes[] = {
    "attached:",     "anhang:",       "adjunto:",     "pièce jointe :", "pièce jointe:", "allegato:",
    "anexado:",      "anexo:",        "прикреплено:", "додано:",        "المُرفق:",       "المرفق:",
    "अटैच किया गया:", "添付ファイル:", "bijgevoegd:",  "terlampir:",     "附件:",         "첨부됨:",
    "załączono:",    "příloha:",      "đính kèm:",    "แนบ:",
};

// Appended to edited messages (2023+); only the English and German ones are confirmed by exports.
constexpr std::string_view kEditedMarkers[] = {
    "<This message was edited>",
    "<Diese Nachricht wurde bearbeitet>",
    "<Este mensaje fue editado>",
    "<Se editó este mensaje>",
    "<Ce message a été modifié>",
    "<Questo messaggio è stato modificato>",
    "<Esta mensagem foi editada>",
    "<Mensagem editada>",
    "<Сообщение изменено>",
    "<Это сообщение было изменено>",
    "<Повідомлення змінено>",
    "<Dit bericht is bewerkt>",
    "<Bu mesaj düzenlendi>",
    "<Pesan ini telah diedit>",
    "<Pesan ini diedit>",
    "<Tato zpráva byla upravena>",
    "<Ta wiadomość została edytowana>",
    "<Wiadomość została edytowana>",
    "<Tin nhắn này đã được chỉnh sửa>",
    "<このメッセージは編集されました>",
    "<此消息已编辑>",
    "<메시지가 수정되었습니다>",
    "<ข้อความนี้ถูกแก้ไขแล้ว>",
    "<تم تعديل هذه الرسالة>",
    "<यह मैसेज एडिट किया गया था>",
};

struct EventRow {
  std::string_view pattern;  // %1..%3 hold names, %* anything (also nothing)
  Event event;
  int name_slot;  // %n holding the group name, 0 if none
};

constexpr EventRow kEvents[] = {
    // Observed in exports (FORMATS.md §1.7) and not in the app strings below.
    {"%1 changed the subject from \"%2\" to \"%3\"", Event::GroupRenamed, 3},
    {"%1 changed the group name from \"%2\" to \"%3\"", Event::GroupRenamed, 3},
    {"%1 changed the group name to \"%2\"", Event::GroupRenamed, 2},
    {"%1 created this group", Event::GroupEvent, 0},
    {"%1 changed the group description", Event::GroupEvent, 0},
    {"%1 deleted the group description", Event::GroupEvent, 0},
    {"%1 changed this group's settings%*", Event::GroupEvent, 0},
    {"%1 changed the group settings%*", Event::GroupEvent, 0},
    {"%1 deleted this group's icon", Event::GroupEvent, 0},
    {"%1 reset this group's invite link", Event::GroupEvent, 0},
    {"You're now an admin", Event::GroupEvent, 0},
    {"You are now an admin", Event::GroupEvent, 0},
    {"%1 is now an admin", Event::GroupEvent, 0},
    {"You're no longer an admin", Event::GroupEvent, 0},
    {"%1 joined using your invite link", Event::GroupEvent, 0},
    {"Du hast %1 hinzugefügt", Event::GroupEvent, 0},
    {"Du hast %1 entfernt", Event::GroupEvent, 0},
    {"Du hast die Gruppe verlassen", Event::GroupEvent, 0},
    {"Du hast das Gruppenbild geändert", Event::GroupEvent, 0},
    {"Du hast den Gruppennamen von \"%1\" zu \"%2\" geändert", Event::GroupRenamed, 2},
    {"%1 hat den Gruppennamen von \"%2\" zu \"%3\" geändert", Event::GroupRenamed, 3},
    {"%1 changed their phone number%*", Event::ChatEvent, 0},
    {"%1 changed to %2", Event::ChatEvent, 0},
    {"You blocked this contact%*", Event::ChatEvent, 0},
    {"You unblocked this contact%*", Event::ChatEvent, 0},
    {"%1 turned on disappearing messages%*", Event::ChatEvent, 0},
    {"%1 turned off disappearing messages%*", Event::ChatEvent, 0},
    {"%1 updated the message timer%*", Event::ChatEvent, 0},
    {"Waiting for this message%*", Event::ChatEvent, 0},
    {"%1 pinned a message", Event::ChatEvent, 0},
    {"This chat is with a business account%*", Event::ChatEvent, 0},
    // From the app strings (Android strings.xml and iOS Localizable.strings), generated.
    {"%1 created group \"%2\"", Event::GroupCreated, 2},                                        // en
    {"%1 hat die Gruppe \"%2\" erstellt", Event::GroupCreated, 2},                              // de
    {"%1 creó el grupo \"%2\"", Event::GroupCreated, 2},                                        // es
    {"%1 a créé le groupe \"%2\"", Event::GroupCreated, 2},                                     // fr
    {"%1 ha creato il gruppo “%2”", Event::GroupCreated, 2},                                    // it
    {"%1 criou o grupo \"%2\"", Event::GroupCreated, 2},                                        // pt-rBR
    {"%1 создал(-а) группу \"%2\"", Event::GroupCreated, 2},                                    // ru
    {"%1 створив групу \"%2\"", Event::GroupCreated, 2},                                        // uk
    {"%1 أنشأ مجموعة \"%2\"", Event::GroupCreated, 2},                                          // ar
    {"%1 ने \"%2\" समूह बनाया", Event::GroupCreated, 2},                                          // hi-v16
    {"%1がグループ「%2」を作成しました", Event::GroupCreated, 2},                               // ja
    {"%1 , \"%2\" grubunu oluşturdu", Event::GroupCreated, 2},                                  // tr
    {"%1 heeft de groep '%2' aangemaakt", Event::GroupCreated, 2},                              // nl
    {"%1 membuat grup \"%2\"", Event::GroupCreated, 2},                                         // in
    {"%1 创建了 \"%2\" 群组", Event::GroupCreated, 2},                                          // zh-rCN
    {"%1님이 “%2”그룹을 만들었습니다", Event::GroupCreated, 2},                                 // ko
    {"%1 utworzył(a) grupę \"%2\"", Event::GroupCreated, 2},                                    // pl
    {"%1 vytvořil/a skupinu %2.", Event::GroupCreated, 2},                                      // cs
    {"%1 đã tạo nhóm \"%2\"", Event::GroupCreated, 2},                                          // vi
    {"%1 ได้สร้างกลุ่ม \"%2\"", Event::GroupCreated, 2},                                            // th
    {"You created group \"%1\"", Event::GroupCreated, 1},                                       // en
    {"Du hast die Gruppe \"%1\" erstellt", Event::GroupCreated, 1},                             // de
    {"Creaste el grupo \"%1\"", Event::GroupCreated, 1},                                        // es
    {"Vous avez créé le groupe “%1”", Event::GroupCreated, 1},                                  // fr
    {"Hai creato il gruppo “%1”", Event::GroupCreated, 1},                                      // it
    {"Você criou o grupo \"%1\"", Event::GroupCreated, 1},                                      // pt-rBR
    {"Criou o grupo \"%1\"", Event::GroupCreated, 1},                                           // pt
    {"Вы создали группу \"%1\"", Event::GroupCreated, 1},                                       // ru
    {"Ви створили групу \"%1\"", Event::GroupCreated, 1},                                       // uk
    {"أنت أنشأت مجموعة \"%1\"", Event::GroupCreated, 1},                                        // ar
    {"आपने \"%1\" समूह बनाया", Event::GroupCreated, 1},                                           // hi-v16
    {"グループ \"%1\"を作成しました", Event::GroupCreated, 1},                                  // ja
    {"\"%1\" grubunu oluşturdunuz", Event::GroupCreated, 1},                                    // tr
    {"U hebt de groep '%1' gemaakt", Event::GroupCreated, 1},                                   // nl
    {"Anda membuat grup \"%1\"", Event::GroupCreated, 1},                                       // in
    {"你创建了群组\"%1\"", Event::GroupCreated, 1},                                             // zh-rCN
    {"“%1”그룹을 만들었습니다", Event::GroupCreated, 1},                                        // ko
    {"Utworzyłeś(aś) grupę \"%1\"", Event::GroupCreated, 1},                                    // pl
    {"Vytvořil/a jste skupinu %1.", Event::GroupCreated, 1},                                    // cs
    {"Bạn đã tạo nhóm \"%1\"", Event::GroupCreated, 1},                                         // vi
    {"คุณได้สร้างกลุ่ม \"%1\"", Event::GroupCreated, 1},                                             // th
    {"%1 created group “%2”", Event::GroupCreated, 2},                                          // EN
    {"%1 hat die Gruppe „%2“ erstellt.", Event::GroupCreated, 2},                               // DE
    {"%1 creó el grupo “%2”", Event::GroupCreated, 2},                                          // ES-SP
    {"%1 a créé le groupe “%2”", Event::GroupCreated, 2},                                       // FR
    {"%1 ha creato il gruppo \"%2\".", Event::GroupCreated, 2},                                 // IT
    {"%1 criou o grupo “%2”", Event::GroupCreated, 2},                                          // PT-BR
    {"%1 создал(-а) группу “%2”", Event::GroupCreated, 2},                                      // RU
    {"%1 створив(-ла) групу «%2»", Event::GroupCreated, 2},                                     // UKR
    {"%1 ने ग्रुप “%2” बनाया", Event::GroupCreated, 2},                                            // HI
    {"%1 “%2” grubunu oluşturdu.", Event::GroupCreated, 2},                                     // TR
    {"%1 heeft de groep %2 gemaakt", Event::GroupCreated, 2},                                   // NL
    {"%1 membuat grup “%2”", Event::GroupCreated, 2},                                           // ID
    {"%1 创建了 “%2” 群组", Event::GroupCreated, 2},                                            // ZH-Hans
    {"%1님이 “%2” 그룹을 만들었습니다.", Event::GroupCreated, 2},                               // KO
    {"%1 utworzył(a) grupę „%2”", Event::GroupCreated, 2},                                      // PL
    {"%1 đã tạo nhóm “%2”", Event::GroupCreated, 2},                                            // VI
    {"%1 ได้สร้างกลุ่ม “%2”", Event::GroupCreated, 2},                                              // TH
    {"%1 changed the subject to \"%2\"", Event::GroupRenamed, 2},                               // en
    {"%1 hat den Betreff zu \"%2\" geändert", Event::GroupRenamed, 2},                          // de
    {"%1 cambió el asunto a \"%2\"", Event::GroupRenamed, 2},                                   // es
    {"%1 a modifié le sujet en “%2”", Event::GroupRenamed, 2},                                  // fr
    {"%1 ha cambiato l'oggetto in “%2”", Event::GroupRenamed, 2},                               // it
    {"%1 alterou o nome do grupo para \"%2\"", Event::GroupRenamed, 2},                         // pt-rBR
    {"%1 alterou o assunto da conversa para \"%2\"", Event::GroupRenamed, 2},                   // pt
    {"%1 изменил(-а) тему на \"%2\"", Event::GroupRenamed, 2},                                  // ru
    {"%1 змінив(-ла) тему на \"%2\"", Event::GroupRenamed, 2},                                  // uk
    {"%1 غيّر اسم المجموعة إلى \"%2\"", Event::GroupRenamed, 2},                                 // ar
    {"%1 ने विषय को \"%2\" में बदला", Event::GroupRenamed, 2},                                     // hi-v16
    {"%1 がグループ名を「%2」に変更しました", Event::GroupRenamed, 2},                          // ja
    {"%1 grup konusunu “%2” olarak değiştirdi", Event::GroupRenamed, 2},                        // tr
    {"%1 heeft het onderwerp gewijzigd naar '%2'", Event::GroupRenamed, 2},                     // nl
    {"%1 mengubah subjek menjadi \"%2\"", Event::GroupRenamed, 2},                              // in
    {"%1 更改了主题为 \"%2\"", Event::GroupRenamed, 2},                                         // zh-rCN
    {"%1님이 그룹 이름을 “%2”로 변경했습니다.", Event::GroupRenamed, 2},                        // ko
    {"%1 zmienił(a) temat na \"%2\"", Event::GroupRenamed, 2},                                  // pl
    {"%1 změnil/a téma na %2.", Event::GroupRenamed, 2},                                        // cs
    {"%1 đã đổi tên nhóm thành \"%2\"", Event::GroupRenamed, 2},                                // vi
    {"%1 ได้เปลี่ยนหัวข้อเป็น \"%2\"", Event::GroupRenamed, 2},                                       // th
    {"%1 added %2", Event::GroupEvent, 0},                                                      // en
    {"%1 hat %2 hinzugefügt", Event::GroupEvent, 0},                                            // de
    {"%1 añadió a %2", Event::GroupEvent, 0},                                                   // es
    {"%1 a ajouté %2", Event::GroupEvent, 0},                                                   // fr
    {"%1 ha aggiunto %2", Event::GroupEvent, 0},                                                // it
    {"%1 adicionou %2", Event::GroupEvent, 0},                                                  // pt-rBR
    {"%1 adicionou %2 a este grupo", Event::GroupEvent, 0},                                     // pt
    {"%1 добавил(-а) %2", Event::GroupEvent, 0},                                                // ru
    {"%1 додав(-ла) %2", Event::GroupEvent, 0},                                                 // uk
    {"%1 أضاف %2", Event::GroupEvent, 0},                                                       // ar
    {"%1 ने %2 को जोडा", Event::GroupEvent, 0},                                                  // hi-v16
    {"%1が%2を追加しました", Event::GroupEvent, 0},                                             // ja
    {"%1, %2 kişisini ekledi", Event::GroupEvent, 0},                                           // tr
    {"%1 heeft %2 toegevoegd", Event::GroupEvent, 0},                                           // nl
    {"%1 menambahkan %2", Event::GroupEvent, 0},                                                // in
    {"%1 添加了 %2", Event::GroupEvent, 0},                                                     // zh-rCN
    {"%1님이 %2님을 추가했습니다", Event::GroupEvent, 0},                                       // ko
    {"%1 dodał(a) %2", Event::GroupEvent, 0},                                                   // pl
    {"%1 přidal/a uživatele %2.", Event::GroupEvent, 0},                                        // cs
    {"%1 đã thêm %2 vào nhóm", Event::GroupEvent, 0},                                           // vi
    {"%1 ได้เพิ่ม %2 เข้ากลุ่ม", Event::GroupEvent, 0},                                               // th
    {"%1 added you", Event::GroupEvent, 0},                                                     // en
    {"%1 hat dich hinzugefügt", Event::GroupEvent, 0},                                          // de
    {"%1 te añadió", Event::GroupEvent, 0},                                                     // es
    {"%1 vous a ajouté", Event::GroupEvent, 0},                                                 // fr
    {"%1 ti ha aggiunto", Event::GroupEvent, 0},                                                // it
    {"%1 adicionou você", Event::GroupEvent, 0},                                                // pt-rBR
    {"Foi adicionado a este grupo por %1", Event::GroupEvent, 0},                               // pt
    {"%1 добавил(-а) вас", Event::GroupEvent, 0},                                               // ru
    {"%1 додав(-ла) вас", Event::GroupEvent, 0},                                                // uk
    {"%1 أضافك", Event::GroupEvent, 0},                                                         // ar
    {"%1 आपको शामिल किया", Event::GroupEvent, 0},                                               // hi-v16
    {"%1があなたを追加しました", Event::GroupEvent, 0},                                         // ja
    {"%1 sizi ekledi", Event::GroupEvent, 0},                                                   // tr
    {"%1 heeft u toegevoegd", Event::GroupEvent, 0},                                            // nl
    {"%1 telah menambahkan Anda", Event::GroupEvent, 0},                                        // in
    {"%1 添加了您", Event::GroupEvent, 0},                                                      // zh-rCN
    {"%1님에게 초대받았습니다", Event::GroupEvent, 0},                                          // ko
    {"%1 dodał(a) Cię", Event::GroupEvent, 0},                                                  // pl
    {"%1 vás přidal/a.", Event::GroupEvent, 0},                                                 // cs
    {"%1 đã thêm bạn vào nhóm", Event::GroupEvent, 0},                                          // vi
    {"%1 ได้เพิ่มคุณเข้ากลุ่ม", Event::GroupEvent, 0},                                                 // th
    {"You were added", Event::GroupEvent, 0},                                                   // en
    {"Du wurdest hinzugefügt", Event::GroupEvent, 0},                                           // de
    {"Se te añadió al grupo", Event::GroupEvent, 0},                                            // es
    {"Vous avez été ajouté(e)", Event::GroupEvent, 0},                                          // fr
    {"Sei stato aggiunto", Event::GroupEvent, 0},                                               // it
    {"Você foi adicionado", Event::GroupEvent, 0},                                              // pt-rBR
    {"Foi adicionado a este grupo", Event::GroupEvent, 0},                                      // pt
    {"Вы были добавлены", Event::GroupEvent, 0},                                                // ru
    {"Вас додано", Event::GroupEvent, 0},                                                       // uk
    {"تمت إضافتك", Event::GroupEvent, 0},                                                       // ar
    {"आपको शामिल किया गया", Event::GroupEvent, 0},                                              // hi-v16
    {"グループに追加されました", Event::GroupEvent, 0},                                         // ja
    {"Eklendiniz", Event::GroupEvent, 0},                                                       // tr
    {"U bent toegevoegd", Event::GroupEvent, 0},                                                // nl
    {"Anda telah ditambahkan", Event::GroupEvent, 0},                                           // in
    {"您已被添加", Event::GroupEvent, 0},                                                       // zh-rCN
    {"그룹에 추가되었습니다.", Event::GroupEvent, 0},                                           // ko
    {"Zostałeś(aś) dodany(a)", Event::GroupEvent, 0},                                           // pl
    {"Byl/a jste přidán/a.", Event::GroupEvent, 0},                                             // cs
    {"Bạn đã được thêm vào nhóm", Event::GroupEvent, 0},                                        // vi
    {"คุณได้เข้าร่วมกลุ่ม", Event::GroupEvent, 0},                                                    // th
    {"%1 left", Event::GroupEvent, 0},                                                          // en
    {"%1 hat die Gruppe verlassen", Event::GroupEvent, 0},                                      // de
    {"%1 salió", Event::GroupEvent, 0},                                                         // es
    {"%1 est parti", Event::GroupEvent, 0},                                                     // fr
    {"%1 ha abbandonato", Event::GroupEvent, 0},                                                // it
    {"%1 saiu", Event::GroupEvent, 0},                                                          // pt-rBR
    {"%1 saiu do grupo", Event::GroupEvent, 0},                                                 // pt
    {"%1 покинул(-а) группу", Event::GroupEvent, 0},                                            // ru
    {"%1 покинув(-ла) групу", Event::GroupEvent, 0},                                            // uk
    {"%1 غادر", Event::GroupEvent, 0},                                                          // ar
    {"%1 नें छोड़ा", Event::GroupEvent, 0},                                                        // hi-v16
    {"%1 が退出", Event::GroupEvent, 0},                                                        // ja
    {"%1 ayrıldı", Event::GroupEvent, 0},                                                       // tr
    {"%1 heeft de groep verlaten", Event::GroupEvent, 0},                                       // nl
    {"%1 keluar", Event::GroupEvent, 0},                                                        // in
    {"%1 退出了", Event::GroupEvent, 0},                                                        // zh-rCN
    {"%1님이 퇴장하였습니다", Event::GroupEvent, 0},                                            // ko
    {"%1 opuścił(a)", Event::GroupEvent, 0},                                                    // pl
    {"%1 opustil/a skupinu", Event::GroupEvent, 0},                                             // cs
    {"%1 đã rời nhóm", Event::GroupEvent, 0},                                                   // vi
    {"%1 ออกจากกลุ่ม", Event::GroupEvent, 0},                                                     // th
    {"%1 removed %2", Event::GroupEvent, 0},                                                    // en
    {"%1 hat %2 entfernt", Event::GroupEvent, 0},                                               // de
    {"%1 eliminó a %2", Event::GroupEvent, 0},                                                  // es
    {"%1 a retiré %2", Event::GroupEvent, 0},                                                   // fr
    {"%1 ha rimosso %2", Event::GroupEvent, 0},                                                 // it
    {"%1 removeu %2", Event::GroupEvent, 0},                                                    // pt-rBR
    {"%1 removeu %2 deste grupo", Event::GroupEvent, 0},                                        // pt
    {"%1 удалил(-а) %2", Event::GroupEvent, 0},                                                 // ru
    {"%1 видалив(-ла) %2", Event::GroupEvent, 0},                                               // uk
    {"%1 أزال %2", Event::GroupEvent, 0},                                                       // ar
    {"%1 ने %2 को हटा दिया", Event::GroupEvent, 0},                                              // hi-v16
    {"%1が%2を削除しました", Event::GroupEvent, 0},                                             // ja
    {"%1, %2 kişisini çıkardı", Event::GroupEvent, 0},                                          // tr
    {"%1 heeft %2 verwijderd", Event::GroupEvent, 0},                                           // nl
    {"%1 mengeluarkan %2", Event::GroupEvent, 0},                                               // in
    {"%1 移除了 %2", Event::GroupEvent, 0},                                                     // zh-rCN
    {"%1님이 %2님을 그룹에서 퇴장시켰습니다", Event::GroupEvent, 0},                            // ko
    {"%1 usunął(ęła) %2", Event::GroupEvent, 0},                                                // pl
    {"%1 odebral(a) uživatele %2.", Event::GroupEvent, 0},                                      // cs
    {"%1 đã bỏ %2 khỏi nhóm", Event::GroupEvent, 0},                                            // vi
    {"%1 ได้ลบ %2 ออก", Event::GroupEvent, 0},                                                   // th
    {"%1 joined using this group's invite link", Event::GroupEvent, 0},                         // en
    {"%1 ist dieser Gruppe mit dem Einladungslink beigetreten", Event::GroupEvent, 0},          // de
    {"%1 se unió usando el enlace de invitación de este grupo", Event::GroupEvent, 0},          // es
    {"%1 a intégré ce groupe grâce au lien d'invitation", Event::GroupEvent, 0},                // fr
    {"%1 è entrato usando il link d'invito al gruppo", Event::GroupEvent, 0},                   // it
    {"%1 entrou usando o link de convite deste grupo", Event::GroupEvent, 0},                   // pt-rBR
    {"%1 entrou no grupo através da ligação de convite", Event::GroupEvent, 0},                 // pt
    {"%1 присоединился(-ась) к группе, используя приглашение.", Event::GroupEvent, 0},          // ru
    {"%1 приєднався(-лася) до групи, використовуючи запрошення.", Event::GroupEvent, 0},        // uk
    {"%1 انضم إلى المجموعة عبر استخدام رابط الدعوة الخاص بها", Event::GroupEvent, 0},           // ar
    {"समूह निमंत्रण लिंक का उपयोग कर के %1 जुड़े", Event::GroupEvent, 0},                               // hi-v16
    {"%1 がこのグループの招待リンクから参加しました", Event::GroupEvent, 0},                    // ja
    {"%1 bu grubun davet bağlantısını kullanarak katıldı.", Event::GroupEvent, 0},              // tr
    {"%1 is deelnemer geworden via de uitnodigingslink van deze groep", Event::GroupEvent, 0},  // nl
    {"%1 telah bergabung menggunakan tautan undangan grup ini", Event::GroupEvent, 0},          // in
    {"%1 使用了群组邀请连结加入群组", Event::GroupEvent, 0},                                    // zh-rCN
    {"%1님이 이 그룹 초대 링크로 참여했습니다", Event::GroupEvent, 0},                          // ko
    {"%1 dołączył(a) do grupy używając linku z zaproszeniem.", Event::GroupEvent, 0},           // pl
    {"%1 se připojil/a k této skupině pomocí zvacího odkazu.", Event::GroupEvent, 0},           // cs
    {"%1 đã tham gia nhóm này bằng liên kết mời", Event::GroupEvent, 0},                        // vi
    {"%1 เข้าร่วมโดยใช้ลิงค์เชิญของกลุ่มนี้", Event::GroupEvent, 0},                                      // th
    {"%1 changed this group's icon", Event::GroupEvent, 0},                                     // en
    {"%1 hat das Gruppenbild geändert", Event::GroupEvent, 0},                                  // de
    {"%1 cambió el icono de este grupo", Event::GroupEvent, 0},                                 // es
    {"%1 a changé l'icône de ce groupe", Event::GroupEvent, 0},                                 // fr
    {"%1 ha cambiato l'immagine del gruppo", Event::GroupEvent, 0},                             // it
    {"%1 alterou a imagem deste grupo", Event::GroupEvent, 0},                                  // pt-rBR
    {"%1 alterou o ícone deste grupo", Event::GroupEvent, 0},                                   // pt
    {"%1 изменил(-а) картинку группы", Event::GroupEvent, 0},                                   // ru
    {"%1 змінив(-ла) іконку цієї групи", Event::GroupEvent, 0},                                 // uk
    {"%1 غيّر أيقونة هذه المجموعة", Event::GroupEvent, 0},                                       // ar
    {"%1 ने समूह का चिन्ह बदल दिया", Event::GroupEvent, 0},                                        // hi-v16
    {"%1がグループ画像を変更しました", Event::GroupEvent, 0},                                   // ja
    {"%1 bu grubun simgesini değiştirdi", Event::GroupEvent, 0},                                // tr
    {"%1 heeft de groepsafbeelding gewijzigd", Event::GroupEvent, 0},                           // nl
    {"%1 telah mengubah ikon grup ini", Event::GroupEvent, 0},                                  // in
    {"%1 更改了本群组图标", Event::GroupEvent, 0},                                              // zh-rCN
    {"%1님이 그룹아이콘을 변경했습니다", Event::GroupEvent, 0},                                 // ko
    {"%1 zmienił(a) ikonę tej grupy", Event::GroupEvent, 0},                                    // pl
    {"%1 změnil/a ikonu této skupiny.", Event::GroupEvent, 0},                                  // cs
    {"%1 đã thay đổi biểu tượng nhóm này", Event::GroupEvent, 0},                               // vi
    {"%1 ได้เปลี่ยนไอคอนกลุ่มนี้", Event::GroupEvent, 0},                                              // th
    {"%1 hat die Gruppe verlassen.", Event::GroupEvent, 0},                                     // DE
    {"%1 salió del grupo.", Event::GroupEvent, 0},                                              // ES-SP
    {"%1 est parti·e", Event::GroupEvent, 0},                                                   // FR
    {"%1 ha abbandonato.", Event::GroupEvent, 0},                                               // IT
    {"%1 вийшов(-ла) з групи", Event::GroupEvent, 0},                                           // UKR
    {"%1 غادر المجموعة", Event::GroupEvent, 0},                                                 // AR
    {"%1 ने छोड़ा", Event::GroupEvent, 0},                                                        // HI
    {"%1が退出しました", Event::GroupEvent, 0},                                                 // JA
    {"%1님이 그룹에서 나갔습니다", Event::GroupEvent, 0},                                       // KO
    {"%1 opuścił(a) grupę", Event::GroupEvent, 0},                                              // PL
    {"%1 opustil/a skupinu.", Event::GroupEvent, 0},                                            // CS
    {"%1's security code changed%*", Event::ChatEvent, 0},                                      // en
    {"Die Sicherheitsnummer von %1 hat sich geändert%*", Event::ChatEvent, 0},                  // de
    {"El código de seguridad de %1 cambió%*", Event::ChatEvent, 0},                             // es
    {"Le code de sécurité de %1 a changé%*", Event::ChatEvent, 0},                              // fr
    {"Il codice sicurezza di %1 è cambiato%*", Event::ChatEvent, 0},                            // it
    {"O código de segurança de %1 mudou%*", Event::ChatEvent, 0},                               // pt-rBR
    {"O código de segurança de %1 foi alterado%*", Event::ChatEvent, 0},                        // pt
    {"Код безопасности пользователя %1 изменился%*", Event::ChatEvent, 0},                      // ru
    {"Код безпеки користувача %1 змінився%*", Event::ChatEvent, 0},                             // uk
    {"تغير رمز أمان %1", Event::ChatEvent, 0},                                                  // ar
    {"%1 का सुरक्षा कोड बदल गया है%*", Event::ChatEvent, 0},                                       // hi-v16
    {"%1 のセキュリティコードが変更されました%*", Event::ChatEvent, 0},                         // ja
    {"%1 kişisinin güvenlik kodu değişti%*", Event::ChatEvent, 0},                              // tr
    {"%1's beveiligingscode is gewijzigd%*", Event::ChatEvent, 0},                              // nl
    {"Kode keamanan %1 berubah%*", Event::ChatEvent, 0},                                        // in
    {"%1 的安全编码已更改%*", Event::ChatEvent, 0},                                             // zh-rCN
    {"%1님의 보안 코드가 변경되었습니다%*", Event::ChatEvent, 0},                               // ko
    {"Kod zabezpieczenia %1 uległ zmianie%*", Event::ChatEvent, 0},                             // pl
    {"Bezpečnostní kód uživatele %1 byl změněn%*", Event::ChatEvent, 0},                        // cs
    {"Mã bảo mật của %1 đã thay đổi%*", Event::ChatEvent, 0},                                   // vi
    {"รหัสความปลอดภัยของ %1 ถูกเปลี่ยน%*", Event::ChatEvent, 0},                                     // th
    {"Your security code with %1 changed%*", Event::ChatEvent, 0},                              // EN
    {"Deine Sicherheitsnummer für %1 hat sich geändert%*", Event::ChatEvent, 0},                // DE
    {"Cambió tu código de seguridad con %1", Event::ChatEvent, 0},                              // ES-SP
    {"Votre code de sécurité avec %1 a changé%*", Event::ChatEvent, 0},                         // FR
    {"Il tuo codice di sicurezza con %1 è cambiato%*", Event::ChatEvent, 0},                    // IT
    {"Seu código de segurança com %1 mudou%*", Event::ChatEvent, 0},                            // PT-BR
    {"O seu código de segurança partilhado com %1 mudou%*", Event::ChatEvent, 0},               // PT-PT
    {"Ваш код безопасности с контактом %1 изменился%*", Event::ChatEvent, 0},                   // RU
    {"Код безпеки з контактом %1 змінився%*", Event::ChatEvent, 0},                             // UKR
    {"تغيّر رمز أمانك المُستخدَم مع %1", Event::ChatEvent, 0},                                     // AR
    {"%1 के लिए आपका सुरक्षा कोड बदल गया है%*", Event::ChatEvent, 0},                               // HI
    {"%1とのセキュリティコードが変更されました%*", Event::ChatEvent, 0},                        // JA
    {"%1 ile aranızdaki güvenlik kodu değişti%*", Event::ChatEvent, 0},                         // TR
    {"Uw beveiligingscode voor %1 is gewijzigd%*", Event::ChatEvent, 0},                        // NL
    {"Kode keamanan Anda dengan %1 telah berubah%*", Event::ChatEvent, 0},                      // ID
    {"您和 %1 的安全代码已更改%*", Event::ChatEvent, 0},                                        // ZH-Hans
    {"%1님과의 보안 코드가 변경되었습니다%*", Event::ChatEvent, 0},                             // KO
    {"Twój kod zabezpieczeń z użytkownikiem %1 zmienił się%*", Event::ChatEvent, 0},            // PL
    {"Bezpečnostní kód mezi vámi a uživatelem %1 byl změněn%*", Event::ChatEvent, 0},           // CS
    {"Mã bảo mật của bạn với %1 đã thay đổi%*", Event::ChatEvent, 0},                           // VI
    {"รหัสความปลอดภัยของคุณกับ %1 มีการเปลี่ยนแปลง%*", Event::ChatEvent, 0},                           // TH
};

Templates::Pattern compile(std::string_view pattern, Event event, int name_slot) {
  Templates::Pattern p;
  p.event = event;
  std::vector<int> slots;
  std::string raw;
  auto flush = [&] {
    std::string folded;
    fold_append(raw, folded);
    p.pieces.push_back(std::move(folded));
    raw.clear();
  };
  for (size_t i = 0; i < pattern.size(); ++i) {
    const char next = i + 1 < pattern.size() ? pattern[i + 1] : 0;
    if (pattern[i] == '%' && ((next >= '1' && next <= '9') || next == '*')) {
      flush();
      p.wildcard.push_back(next == '*');
      slots.push_back(next == '*' ? 0 : next - '0');
      ++i;
    } else {
      raw += pattern[i];
    }
  }
  flush();
  // Texts are compared trimmed (no leading spaces, no trailing spaces or periods).
  std::string& first = p.pieces.front();
  first.erase(0, first.find_first_not_of(' ') == std::string::npos ? first.size() : first.find_first_not_of(' '));
  std::string& last = p.pieces.back();
  while (!last.empty() && (last.back() == ' ' || last.back() == '.')) last.pop_back();
  // "%1%*" at the end: the name hole already takes the rest.
  const size_t holes = p.wildcard.size();
  if (holes >= 2 && p.wildcard.back() && p.pieces[holes - 1].empty() && p.pieces[holes].empty()) {
    p.wildcard.pop_back();
    p.pieces.pop_back();
    slots.pop_back();
  }
  for (size_t h = 0; h < slots.size(); ++h)
    if (name_slot && slots[h] == name_slot) p.name_hole = static_cast<int>(h);
  return p;
}

bool match(const Templates::Pattern& p, std::string_view text, std::string_view& name) {
  if (!starts_with(text, p.pieces[0])) return false;
  size_t pos = p.pieces[0].size();
  const size_t holes = p.wildcard.size();
  if (holes == 0) return pos == text.size();
  std::string_view captured;
  for (size_t h = 0; h < holes; ++h) {
    const std::string& next = p.pieces[h + 1];
    const size_t min_len = p.wildcard[h] ? 0 : 1;
    size_t end = 0;
    if (h + 1 == holes) {
      if (!ends_with(text, next) || text.size() - next.size() < pos + min_len) return false;
      end = text.size() - next.size();
    } else {
      if (next.empty()) return false;
      end = text.find(next, pos + min_len);
      if (end == std::string_view::npos) return false;
    }
    if (static_cast<int>(h) == p.name_hole) captured = text.substr(pos, end - pos);
    pos = end + next.size();
  }
  name = captured;
  return true;
}

bool ios_kind(Placeholder p) { return p >= Placeholder::ImageOmitted && p <= Placeholder::ContactOmitted; }

}  // namespace

void fold_append(std::string_view s, std::string& out, std::vector<uint32_t>* map) {
  // Written in place: a character never folds to more than 3 bytes per input byte (U+FFFD for a bad byte).
  const size_t base = out.size();
  out.resize(base + 3 * s.size());
  char* w = out.data() + base;
  const size_t map_base = map ? map->size() : 0;
  if (map) map->resize(map_base + 3 * s.size());
  uint32_t* m = map ? map->data() + map_base : nullptr;
  for (size_t i = 0; i < s.size();) {
    const size_t at = i;
    const auto b = static_cast<unsigned char>(s[i]);
    size_t n = 1;
    if (b < 0x80 && b != '\'' && b != '`' && b != '\t') {
      *w = static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b);
      ++i;
    } else {
      n = fold_one(s, i, w);
    }
    w += n;
    if (m)
      for (size_t k = 0; k < n; ++k) *m++ = static_cast<uint32_t>(at);
  }
  out.resize(static_cast<size_t>(w - out.data()));
  if (map) map->resize(static_cast<size_t>(m - map->data()));
}

namespace {

// The exact key: the first eight bytes of the loose form.
uint64_t exact_key(std::string_view s) {
  char buf[4];
  uint64_t key = 0;
  int have = 0;
  for (size_t i = 0; i < s.size() && have < 8;) {
    const size_t n = fold_one(s, i, buf);
    for (size_t k = 0; k < n && have < 8; ++k) {
      if (have == 0 && buf[k] == ' ') continue;
      key |= static_cast<uint64_t>(static_cast<unsigned char>(buf[k])) << (8 * have++);
    }
  }
  return key;
}

}  // namespace

uint64_t fold_key_general(const char* data, size_t size) {
  std::string_view s(data, size);
  // Leading spaces and marks (LRM, RLM, BOM) do not count.
  for (;;) {
    const auto b0 = s.empty() ? 0 : static_cast<unsigned char>(s[0]);
    if (b0 == ' ') {
      s.remove_prefix(1);
    } else if (s.size() >= 3 && ((b0 == 0xE2 && s[1] == '\x80' && (s[2] == '\x8E' || s[2] == '\x8F')) ||
                                 (b0 == 0xEF && s[1] == '\xBB' && s[2] == '\xBF'))) {
      s.remove_prefix(3);
    } else {
      break;
    }
  }
  if constexpr (std::endian::native != std::endian::little) return exact_key(s);
  // Byte-wise and branch-free: ASCII lowercased, every other byte as it is (see Templates::remember_start).
  constexpr uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  uint64_t w = 0;
  if (s.size() >= 8)
    std::memcpy(&w, s.data(), 8);
  else
    for (size_t i = 0; i < s.size(); ++i) w |= static_cast<uint64_t>(static_cast<unsigned char>(s[i])) << (8 * i);
  auto has = [&](unsigned char c) {
    const uint64_t x = w ^ (kOnes * c);
    return ((x - kOnes) & ~x & kHigh) != 0;
  };
  if (has('\'') || has('`') || has('\t')) return exact_key(s);  // the loose form changes these
  const uint64_t low7 = w & ~kHigh;
  const uint64_t upper = (low7 + kOnes * (0x80 - 'A')) & ~(low7 + kOnes * (0x7F - 'Z')) & ~w & kHigh;
  return w | (upper >> 2);
}

std::string_view trim_loose(std::string_view f) {
  while (!f.empty() && f.front() == ' ') f.remove_prefix(1);
  while (!f.empty() && (f.back() == ' ' || f.back() == '.')) f.remove_suffix(1);
  return f;
}

const Templates& Templates::get() {
  static const Templates templates;
  return templates;
}

void Templates::remember_start(std::string_view text) {
  // fold_key() lowercases ASCII only: a string is remembered as written, in its
  // loose form and capitalised ("Местоположение:" for "местоположение:").
  std::string folded;
  fold_append(text, folded);
  std::string capitalised;
  size_t i = 0;
  if (!folded.empty()) append_utf8(capitalised, upper_code_point(decode_utf8(folded, i)));
  capitalised.append(folded, i, std::string::npos);
  for (std::string_view form : {text, std::string_view(folded), std::string_view(capitalised)}) {
    const uint64_t key = fold_key(form);
    const bool is_long = form.size() >= 8;
    const uint32_t s = slot(is_long ? key : key & 0xFFFFFFFF);
    (is_long ? long_ : short_)[s >> 6] |= uint64_t{1} << (s & 63);
  }
}

Templates::Templates() {
  for (const ExactRow& row : kExact) {
    std::string f = fold(row.text);
    // The first meaning wins: strings that mean "deleted" by either side in some language stay "by someone else".
    const bool known = std::any_of(exact_.begin(), exact_.end(), [&](const auto& e) { return e.first == f; });
    if (!known) {
      remember_start(row.text);
      if (ios_kind(row.kind)) omitted_.emplace_back(f, row.kind);
      exact_.emplace_back(std::move(f), row.kind);
    }
  }
  std::sort(exact_.begin(), exact_.end());
  for (const auto& [text, kind] : exact_) exact_index_.emplace(text, kind);
  for (const LabelRow& row : kLabels) {
    remember_start(row.text);
    labels_.emplace_back(fold(row.text), row.kind);
  }
  for (std::string_view s : kAttachedSuffixes) fold_append(s, attached_suffixes_.emplace_back());
  for (std::string_view s : kAttachPrefixes) fold_append(s, attach_prefixes_.emplace_back());
  for (std::string_view s : kEditedMarkers) fold_append(s, edited_.emplace_back());
  shortest_edited_ = edited_.front().size();
  for (const std::string& e : edited_) shortest_edited_ = std::min(shortest_edited_, e.size());
  for (const EventRow& row : kEvents) events_.push_back(compile(row.pattern, row.event, row.name_slot));
}

Placeholder Templates::placeholder(std::string_view folded) const {
  const auto it = exact_index_.find(folded);
  return it == exact_index_.end() ? Placeholder::None : it->second;
}

Label Templates::label(std::string_view folded, size_t& length) const {
  for (const auto& [text, kind] : labels_)
    if (starts_with(folded, text)) return length = text.size(), kind;
  return Label::None;
}

size_t Templates::attached_suffix(std::string_view folded) const {
  for (const std::string& s : attached_suffixes_)
    if (ends_with(folded, s)) return s.size();
  return 0;
}

Placeholder Templates::omitted_suffix(std::string_view folded, size_t& length) const {
  for (const auto& [text, kind] : omitted_) {
    if (!ends_with(folded, text)) continue;
    const size_t before = folded.size() - text.size();
    if (before == 0 || folded[before - 1] == ' ') return length = text.size(), kind;
  }
  return Placeholder::None;
}

size_t Templates::attach_prefix(std::string_view folded) const {
  const size_t spaces = std::min(folded.find_first_not_of(' '), folded.size());
  const std::string_view rest = folded.substr(spaces);
  for (const std::string& p : attach_prefixes_)
    if (starts_with(rest, p)) return spaces + p.size();
  return 0;
}

bool Templates::edited_marker(std::string_view folded) const {
  std::string normalised(folded);
  // "<Diese Nachricht wurde bearbeitet.>": the period inside the brackets is optional.
  if (normalised.size() >= 2 && normalised[normalised.size() - 2] == '.') normalised.erase(normalised.size() - 2, 1);
  return std::find(edited_.begin(), edited_.end(), normalised) != edited_.end();
}

Event Templates::event(std::string_view folded, std::string_view& name) const {
  name = {};
  for (const Pattern& p : events_)
    if (match(p, folded, name)) return p.event;
  return Event::None;
}

}  // namespace chatlens::whatsapp
