#pragma once
// Differential fuzzing of piece boundaries: the same bytes imported whole and from pieces
// (a ChunkedInput read through a window of its own size) must give the same corpus and
// report. The piece and window sizes are derived from the first bytes and the length of the
// input without consuming them, so the seeds (and the real exports given as extra seeds)
// stay what they are while every mutation moves the boundaries.
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "../unit/chunked_input.hpp"
#include "../unit/corpus_fingerprint.hpp"
#include "fuzz_common.hpp"

namespace chatlens::fuzz {

struct Pieces {
  size_t piece = 1;   // bytes per read() of the input
  size_t window = 1;  // the window's chunk (what it asks the input for at least)
};

inline Pieces pieces_for(std::string_view bytes) {
  uint64_t h = 1469598103934665603ULL ^ bytes.size();  // FNV-1a over the first bytes and the length
  for (size_t i = 0; i < bytes.size() && i < 32; ++i) h = (h ^ static_cast<unsigned char>(bytes[i])) * 1099511628211ULL;
  h ^= h >> 29;
  // Mostly small sizes (boundaries everywhere), sometimes large ones (few boundaries).
  constexpr size_t kScale[] = {3, 16, 256, 8192};
  return {1 + (h & 0xFFFF) % kScale[(h >> 16) & 3], 1 + ((h >> 24) & 0xFFFF) % kScale[(h >> 40) & 3]};
}

// Aborts, showing where the two descriptions first differ.
inline void require_same(const std::string& whole, const std::string& pieces, const Pieces& p) {
  if (whole == pieces) return;
  size_t at = 0;
  while (at < whole.size() && at < pieces.size() && whole[at] == pieces[at]) ++at;
  const size_t from = at < 200 ? 0 : at - 200;
  std::fprintf(stderr, "pieces of %zu, window %zu differ from the whole input at %zu:\nwhole:  %s\npieces: %s\n",
               p.piece, p.window, at, whole.substr(from, 400).c_str(), pieces.substr(from, 400).c_str());
  __builtin_trap();
}

// One importer on `bytes` as the session runs it (through a window when it streams), from
// pieces when `p` is set; returns the description of what it gave, and exercises the corpus.
inline std::string import_described(const Importer& importer, std::string_view bytes, const Pieces* p) {
  CorpusBuilder builder;
  SourceReport report;
  report.file = "fuzz-input";
  report.bytes = bytes.size();
  std::unique_ptr<InputBytes> input;
  if (p)
    input = std::make_unique<testing::ChunkedInput>(std::string(bytes), p->piece);
  else
    input = std::make_unique<OwnedInput>(std::string(bytes));
  InputWindow window(*input, p ? p->window : InputWindow::kDefaultChunkBytes);
  const std::string_view whole = input->whole() ? *input->whole() : std::string_view();
  ImportContext ctx{report.file,
                    "Fuzz Chat",
                    importer.streams() ? std::string_view() : whole,
                    0,
                    builder,
                    report,
                    nullptr,
                    CivilDate{2024, 6, 15},
                    input.get()};
  if (importer.streams()) ctx.window = &window;
  importer.import(ctx);
  if (report.ok() && window.error()) report.fail(*window.error());
  input.reset();
  if (!report.ok()) builder.rollback(0, 0);
  Corpus corpus = std::move(builder).finish();
  std::string described = testing::fingerprint(report) + testing::fingerprint(corpus);
  exercise(std::move(corpus), bytes.size());
  return described;
}

// The importer on `bytes` whole and in pieces: any difference aborts.
inline void import_whole_and_in_pieces(const Importer& importer, const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)importer.sniff(bytes.substr(0, 4096));
  const std::string whole = import_described(importer, bytes, nullptr);
  if (!importer.streams()) return;  // the session hands it the whole input either way
  const Pieces p = pieces_for(bytes);
  require_same(whole, import_described(importer, bytes, &p), p);
}

}  // namespace chatlens::fuzz
