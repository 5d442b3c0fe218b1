#include "import/import_session.hpp"

#include <algorithm>

#include "text/utf8.hpp"

namespace chatlens {
namespace {

std::string_view sniff_window(std::string_view bytes) {
  while (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  return bytes.substr(0, 4096);
}

}  // namespace

SourceMessage describe_unrecognised(std::string_view bytes) {
  if (bytes.empty()) return {"input.empty_file"};
  std::string_view head = sniff_window(bytes);
  if (head.substr(0, 4) == "PK\x03\x04" || head.substr(0, 4) == "PK\x05\x06") return {"input.zip_as_text"};
  size_t first = head.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && (head[first] == '{' || head[first] == '[')) return {"input.json_not_telegram"};
  if (!is_valid_utf8(head.substr(0, std::min<size_t>(head.size(), 1024))) || head.find('\0') != std::string_view::npos)
    return {"input.binary"};
  return {"input.unrecognised_text"};
}

std::string title_from_file_name(std::string_view file_name) {
  // Last path component (zip entries and paths), without extension.
  if (auto slash = file_name.find_last_of("/\\:"); slash != std::string_view::npos) file_name.remove_prefix(slash + 1);
  for (std::string_view ext : {".txt", ".zip", ".json", ".TXT", ".ZIP", ".JSON"})
    if (file_name.size() > ext.size() && file_name.substr(file_name.size() - ext.size()) == ext)
      file_name.remove_suffix(ext.size());
  std::string name = normalize_name(file_name);
  // Localised export names, e.g. "WhatsApp Chat with X", "WhatsApp Chat - X", "Chat de WhatsApp con X".
  static const std::string_view kPrefixes[] = {"WhatsApp Chat with ",
                                               "WhatsApp Chat - ",
                                               "WhatsApp Chat mit ",
                                               "Chat de WhatsApp con ",
                                               "Conversa do WhatsApp com ",
                                               "Chat WhatsApp con ",
                                               "Discussion WhatsApp avec ",
                                               "WhatsApp-chat met ",
                                               "Чат WhatsApp с контактом ",
                                               "Чат WhatsApp с ",
                                               "Chat WhatsApp s uživatelem ",
                                               "Chat WhatsApp s ",
                                               "WhatsApp Chat: ",
                                               "Chat di WhatsApp con ",
                                               "Czat WhatsApp z ",
                                               "WhatsApp Sohbeti: "};
  // Anywhere in the name: downloads get renamed ("2023-01-05 WhatsApp Chat with Ana").
  for (std::string_view prefix : kPrefixes)
    if (auto at = name.find(prefix); at != std::string::npos && name.size() > at + prefix.size())
      return name.substr(at + prefix.size());
  if (name == "_chat" || name == "result" || name == "chat") return {};
  return name;
}

const SourceReport& ImportSession::add(std::string name, std::string bytes, std::string title_hint) {
  SourceReport& report = sources_.emplace_back();
  const auto source = static_cast<SourceId>(sources_.size() - 1);
  report.file = std::move(name);
  report.bytes = bytes.size();
  if (title_hint.empty()) title_hint = title_from_file_name(report.file);

  const Importer* best = nullptr;
  int best_score = 0;
  const std::string_view head = sniff_window(bytes);
  for (const Importer* importer : all_importers()) {
    const int score = importer->sniff(head);
    if (score > best_score) best = importer, best_score = score;
  }
  if (!best) {
    report.error = describe_unrecognised(bytes);
    return report;
  }

  const size_t first_message = builder_.message_count();
  const size_t chat_count = builder_.chat_count();
  const std::string_view adopted = builder_.adopt(std::move(bytes));
  ImportContext ctx{report.file, title_hint, adopted, source, builder_, report, progress_ ? &progress_ : nullptr};
  best->import(ctx);
  if (!report.ok()) {
    builder_.rollback(first_message, chat_count);
    report.records = 0;
    report.chats = 0;
  }
  return report;
}

const SourceReport& ImportSession::add_failure(std::string name, uint64_t bytes, SourceMessage error) {
  SourceReport& report = sources_.emplace_back();
  report.file = std::move(name);
  report.bytes = bytes;
  report.error = std::move(error);
  return report;
}

bool ImportSession::any_failed() const {
  return std::any_of(sources_.begin(), sources_.end(), [](const SourceReport& r) { return !r.ok(); });
}

Corpus ImportSession::finish() && { return std::move(builder_).finish(); }

}  // namespace chatlens
