#pragma once
// What every fuzz target does after an import: finish the corpus, resolve the
// owner (also with an explicit --me, as the CLI allows) and read every message,
// so that a text view pointing outside its buffer shows up under ASan.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "import/importer.hpp"
#include "model/corpus.hpp"
#include "model/identity.hpp"

namespace chatlens::fuzz {

inline void exercise(Corpus&& corpus, size_t seed) {
  volatile size_t sink = 0;
  for (size_t i = 0; i < corpus.size(); ++i) {
    const std::string_view text = corpus.text(i);
    if (!text.empty()) sink = sink + static_cast<unsigned char>(text.front()) + static_cast<unsigned char>(text.back());
    if (const Person* p = corpus.sender(i)) sink = sink + p->name.size();
  }
  for (const Chat& chat : corpus.chats) {
    if (chat.begin > chat.end || chat.end > corpus.size()) __builtin_trap();  // chats own message ranges
  }
  OwnerResolution owner = resolve_owner(corpus);
  if (!owner.candidates.empty()) {
    const std::string me = owner.candidates[seed % owner.candidates.size()];
    resolve_owner(corpus, me);
  }
  sink = sink + owner_name(corpus).size();
}

// Runs one importer on `bytes` as ImportSession does, but without sniffing first:
// an importer must survive any input it is handed, not only those it claims.
inline void import_with(const Importer& importer, const uint8_t* data, size_t size) {
  const std::string_view head(reinterpret_cast<const char*>(data), size < 4096 ? size : 4096);
  (void)importer.sniff(head);
  CorpusBuilder builder;
  SourceReport report;
  report.file = "fuzz-input";
  report.bytes = size;
  // A copy the importer cannot read past, destroyed before the corpus is used: the corpus
  // must own every text it keeps.
  auto input = std::make_unique<OwnedInput>(std::string(reinterpret_cast<const char*>(data), size));
  ImportContext ctx{report.file, "Fuzz Chat", input->bytes(),         0,          builder,
                    report,      nullptr,     CivilDate{2024, 6, 15}, input.get()};
  importer.import(ctx);
  input.reset();
  if (!report.ok()) builder.rollback(0, 0);
  exercise(std::move(builder).finish(), size);
}

}  // namespace chatlens::fuzz
