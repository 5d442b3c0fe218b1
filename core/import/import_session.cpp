#include "import/import_session.hpp"

#include <algorithm>

#include "import/platform_table.hpp"
#include "text/utf16.hpp"
#include "text/utf8.hpp"

namespace chatlens {
namespace {

std::string_view sniff_window(std::string_view bytes) {
  while (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  return bytes.substr(0, 4096);
}

SourceMessage describe_nothing_imported(const SourceReport& report) {
  SourceMessage m{"input.nothing_imported", Json::Object{{"count", report.lines_skipped}}};
  if (!report.skipped_examples.empty()) {
    const SkippedLine& first = report.skipped_examples.front();
    m.key = "input.nothing_imported_first";
    m.params["line"] = first.line;
    m.params["reason"] = first.reason.to_json();
  }
  return m;
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

namespace {
// The file name without folders and without the extensions exports carry.
std::string_view file_stem(std::string_view file_name) {
  if (auto slash = file_name.find_last_of("/\\:"); slash != std::string_view::npos) file_name.remove_prefix(slash + 1);
  for (std::string_view ext : {".txt", ".zip", ".json", ".TXT", ".ZIP", ".JSON"})
    if (file_name.size() > ext.size() && file_name.substr(file_name.size() - ext.size()) == ext)
      file_name.remove_suffix(ext.size());
  return file_name;
}
}  // namespace

bool is_generic_file_name(std::string_view file_name) {
  const std::string_view stem = file_stem(file_name);
  for (const PlatformSpec& row : platform_table())
    for (std::string_view generic : row.generic_names)
      if (stem == generic) return true;
  return false;
}

std::string title_from_file_name(std::string_view file_name) {
  if (is_generic_file_name(file_name)) return {};
  std::string name = normalize_name(file_stem(file_name));
  // Localised export names ("WhatsApp Chat with X", "Chat de WhatsApp con X"), anywhere in
  // the name: downloads get renamed ("2023-01-05 WhatsApp Chat with Ana").
  for (const PlatformSpec& row : platform_table())
    for (std::string_view prefix : row.title_prefixes)
      if (auto at = name.find(prefix); at != std::string::npos && name.size() > at + prefix.size())
        return name.substr(at + prefix.size());
  return name;
}

const SourceReport& ImportSession::add(std::string name, std::string bytes, std::string title_hint) {
  return add(std::move(name), std::make_unique<OwnedInput>(std::move(bytes)), std::move(title_hint));
}

const SourceReport& ImportSession::add(std::string name, std::unique_ptr<InputBytes> input, std::string title_hint) {
  SourceReport& report = sources_.emplace_back();
  const auto source = static_cast<SourceId>(sources_.size() - 1);
  report.file = std::move(name);
  report.bytes = input->bytes().size();
  if (title_hint.empty()) title_hint = title_from_file_name(report.file);
  const Utf16 utf16 = detect_utf16(input->bytes().substr(0, 4096));
  if (utf16 != Utf16::None) {
    // The UTF-16 original is released here.
    input = std::make_unique<OwnedInput>(utf16_to_utf8(input->bytes(), utf16));
    report.notes.push_back({"input.decoded_utf16", Json::Object{{"encoding", to_string(utf16)}}});
  }
  const std::string_view bytes = input->bytes();

  const Importer* best = nullptr;
  int best_score = 0;
  const std::string_view head = sniff_window(bytes);
  for (const Importer* importer : all_importers()) {
    const int score = importer->sniff(head);
    if (score > best_score) best = importer, best_score = score;
  }
  if (!best) {
    report.error = describe_unrecognised(bytes);
    if (utf16 != Utf16::None)
      report.error = SourceMessage{"input.decoded_then",
                                   Json::Object{{"encoding", to_string(utf16)}, {"error", report.error->to_json()}}};
    return report;
  }

  const size_t first_message = builder_.message_count();
  const size_t chat_count = builder_.chat_count();
  ImportContext ctx{report.file, title_hint, bytes, source, builder_, report, progress_ ? &progress_ : nullptr,
                    today_,      input.get()};
  best->import(ctx);
  input.reset();  // the corpus holds copies of the texts it keeps
  // Skipped records and nothing read: an unreadable input, not an empty chat.
  if (report.ok() && report.records == 0 && report.lines_skipped > 0) report.error = describe_nothing_imported(report);
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
