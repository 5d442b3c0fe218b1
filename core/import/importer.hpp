#pragma once
// An importer turns the bytes of one export into chats and messages. Importers
// are chosen by sniffing the content (never by file name alone); adding one is
// adding its files and a row in platform_table.cpp (docs/adding-a-platform.md).
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "import/input_bytes.hpp"
#include "import/input_window.hpp"
#include "import/source_report.hpp"
#include "model/corpus_builder.hpp"
#include "model/local_time.hpp"

namespace chatlens {

// Progress of the current input, in bytes consumed.
using ProgressFn = std::function<void(uint64_t done, uint64_t total)>;

struct ImportContext {
  std::string_view name;        // display name of the input
  std::string_view title_hint;  // e.g. the file or zip name without extension, for chat titles
  // The whole input, for importers that do not stream (streams() false); empty for those that
  // do, which read through `window`. Valid until import() returns: the builder copies the texts it keeps.
  std::string_view bytes;
  SourceId source = 0;
  CorpusBuilder& builder;
  SourceReport& report;
  const ProgressFn* progress = nullptr;  // may be null
  // The caller's date of the import: dates written without a year ("Mar 5") are placed
  // before it. Passed in, never read from a clock, so the same bytes give the same corpus.
  CivilDate today{2000, 1, 1};
  InputBytes* input = nullptr;    // owner of the bytes, may be null
  InputWindow* window = nullptr;  // the input, for importers that stream; set by the session

  // The importer is done with bytes[0, offset) for now: call it as the cursor moves
  // (every few megabytes), so the platform can hand those pages back.
  void release_before(uint64_t offset) const {
    if (window)
      window->release_before(offset);
    else if (input)
      input->release_before(offset);
  }
};

class Importer {
 public:
  virtual ~Importer() = default;
  virtual std::string_view name() const = 0;  // "whatsapp-text", "telegram-json"
  // Confidence 0..100 that `head` (the first KiB of the input) is this format.
  virtual int sniff(std::string_view head) const = 0;
  // Whether import() reads through ctx.window (inputs of any size, in bounded memory) rather
  // than ctx.bytes (the session then holds the whole input for it).
  virtual bool streams() const { return false; }
  // Reads the whole input. On a fatal problem fails ctx.report (SourceReport::fail) and returns;
  // the session then discards whatever this input had added.
  virtual void import(ImportContext& ctx) const = 0;
};

// Every row's importers of the platform table, in its order.
const std::vector<const Importer*>& all_importers();

// Defined by each importer's own file.
const Importer& whatsapp_text_importer();
const Importer& telegram_json_importer();
const Importer& signal_markdown_importer();
const Importer& signal_json_importer();
const Importer& meta_json_importer();     // Messenger and Instagram threads (one format)
const Importer& meta_profile_importer();  // their profile information: the owner's name
const Importer& discord_json_importer();

}  // namespace chatlens
