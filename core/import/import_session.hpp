#pragma once
// Imports any number of inputs into one corpus. Each input gets a SourceReport;
// an input that cannot be read leaves an error in its report and nothing in the
// corpus, and the other inputs are still imported.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "import/importer.hpp"
#include "model/corpus.hpp"
#include "model/corpus_builder.hpp"

namespace chatlens {

class ImportSession {
 public:
  // `today` is the caller's local date: it places dates exported without a year
  // (old Android "Mar 5"). Importers never read a clock.
  explicit ImportSession(CivilDate today, ProgressFn progress = {}) : today_(today), progress_(std::move(progress)) {}

  // `name` is shown in messages; `title_hint` names the chat when the content does not.
  const SourceReport& add(std::string name, std::string bytes, std::string title_hint = {});
  // The same for an input the caller holds otherwise (natively a mapped file). The corpus
  // keeps copies of the texts it needs: `input` is destroyed before add() returns.
  const SourceReport& add(std::string name, std::unique_ptr<InputBytes> input, std::string title_hint = {});
  // Records an input that could not even be opened (unreadable file, broken zip): a failure
  // with an input.* message.
  const SourceReport& add_failure(std::string name, uint64_t bytes, Status error);
  const SourceReport& add_failure(std::string name, uint64_t bytes, const SourceMessage& error) {
    return add_failure(std::move(name), bytes, error.as_error());
  }

  // How much a streaming importer's window reads at a time (tests put piece boundaries
  // everywhere with 1 or 7; the result must not change).
  void set_window_bytes(size_t bytes) { window_bytes_ = bytes; }

  const std::vector<SourceReport>& sources() const { return sources_; }
  bool any_failed() const;
  Corpus finish() &&;

 private:
  CivilDate today_;
  ProgressFn progress_;
  size_t window_bytes_ = InputWindow::kDefaultChunkBytes;
  CorpusBuilder builder_;
  std::vector<SourceReport> sources_;
};

// Why no importer accepted these bytes, in words a user understands.
// `head` is the input's first KiB or more; `size` its whole size.
SourceMessage describe_unrecognised(std::string_view head, uint64_t size);

// Chat title from an export's file name: "WhatsApp Chat with Ana.txt" -> "Ana"; "" for
// names that say nothing about the chat (the platform table's generic names).
std::string title_from_file_name(std::string_view file_name);
// Whether a file name says nothing about the chat: "_chat.txt", "x/result.json".
bool is_generic_file_name(std::string_view file_name);

}  // namespace chatlens
