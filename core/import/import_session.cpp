#include "import/import_session.hpp"

#include <algorithm>
#include <optional>

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

SourceMessage describe_unrecognised(std::string_view bytes, uint64_t size) {
  if (size == 0) return {"input.empty_file"};
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

namespace {
// Sniffing reads this much of the start (BOMs first, then sniff_window's 4 KiB).
constexpr size_t kHeadBytes = 8192;

// Every byte of `input` in one string, for what needs the whole input at once (UTF-16
// decoding, importers that do not stream). An error when the input cannot be read to its end.
std::optional<SourceMessage> read_all(InputBytes& input, std::string& out) {
  out.resize(static_cast<size_t>(input.size()));
  size_t have = 0;
  while (have < out.size()) {
    const InputRead r = input.read(have, out.data() + have, out.size() - have);
    if (r.error) return r.error;
    if (r.bytes == 0) return SourceMessage{"input.truncated", Json::Object{{"offset", have}}};
    have += r.bytes;
  }
  return std::nullopt;
}
}  // namespace

const SourceReport& ImportSession::add(std::string name, std::unique_ptr<InputBytes> input, std::string title_hint) {
  SourceReport& report = sources_.emplace_back();
  const auto source = static_cast<SourceId>(sources_.size() - 1);
  report.file = std::move(name);
  report.bytes = input->size();
  if (title_hint.empty()) title_hint = title_from_file_name(report.file);

  // Holds the input in one string, replacing `input` and the window over it.
  std::optional<InputWindow> window;
  window.emplace(*input, window_bytes_);
  auto hold_whole = [&](auto convert) -> bool {
    std::string all;
    if (auto error = read_all(*input, all)) {
      report.fail(*error);
      return false;
    }
    window.reset();
    input = std::make_unique<OwnedInput>(convert(std::move(all)));
    window.emplace(*input, window_bytes_);
    return true;
  };

  std::string_view head = window->head(kHeadBytes);
  if (window->error()) {
    report.fail(*window->error());
    return report;
  }
  const Utf16 utf16 = detect_utf16(head.substr(0, 4096));
  if (utf16 != Utf16::None) {
    // The UTF-16 original is released here.
    if (!hold_whole([utf16](std::string all) { return utf16_to_utf8(all, utf16); })) return report;
    head = window->head(kHeadBytes);
    report.notes.push_back({"input.decoded_utf16", Json::Object{{"encoding", to_string(utf16)}}});
  }

  const Importer* best = nullptr;
  int best_score = 0;
  const std::string_view sniffed = sniff_window(head);
  for (const Importer* importer : all_importers()) {
    const int score = importer->sniff(sniffed);
    if (score > best_score) best = importer, best_score = score;
  }
  if (!best) {
    const SourceMessage why = describe_unrecognised(head, input->size());
    report.fail(utf16 == Utf16::None ? why
                                     : SourceMessage{"input.decoded_then", Json::Object{{"encoding", to_string(utf16)},
                                                                                        {"error", why.to_json()}}});
    return report;
  }
  // An importer that does not stream reads the whole input in place.
  if (!best->streams() && !input->whole() && !hold_whole([](std::string all) { return all; })) return report;
  const std::string_view bytes = best->streams() ? std::string_view() : *input->whole();

  const size_t first_message = builder_.message_count();
  const size_t chat_count = builder_.chat_count();
  ImportContext ctx{report.file, title_hint, bytes, source, builder_, report, progress_ ? &progress_ : nullptr,
                    today_,      input.get()};
  if (best->streams()) ctx.window = &*window;
  best->import(ctx);
  // A piece that could not be read ends the input, whatever the importer made of it.
  if (report.ok() && window->error()) report.fail(*window->error());
  window.reset();
  input.reset();  // the corpus holds copies of the texts it keeps
  // Skipped records and nothing read: an unreadable input, not an empty chat.
  if (report.ok() && report.records == 0 && report.lines_skipped > 0) report.fail(describe_nothing_imported(report));
  if (!report.ok()) {
    builder_.rollback(first_message, chat_count);
    report.records = 0;
    report.chats = 0;
  }
  return report;
}

const SourceReport& ImportSession::add_failure(std::string name, uint64_t bytes, Status error) {
  SourceReport& report = sources_.emplace_back();
  report.file = std::move(name);
  report.bytes = bytes;
  report.fail(std::move(error));
  return report;
}

bool ImportSession::any_failed() const {
  return std::any_of(sources_.begin(), sources_.end(), [](const SourceReport& r) { return !r.ok(); });
}

Corpus ImportSession::finish() && { return std::move(builder_).finish(); }

}  // namespace chatlens
