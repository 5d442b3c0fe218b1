// Any bytes through the Telegram Desktop JSON importer (single chat and full account),
// differentially: the whole input read in place, then the same bytes arriving in pieces
// through a window, with piece and window sizes taken from the first two bytes (the input
// itself is all the bytes, so seeds stay exports). Any difference between the two imports
// (messages, people, chats, skipped records with their lines and offsets, notes, errors) aborts.
#include <cstdio>
#include <cstdlib>

#include "../unit/chunked_input.hpp"
#include "../unit/corpus_fingerprint.hpp"
#include "fuzz_common.hpp"

namespace {

using namespace chatlens;

// Imports `input` through a window of `window_bytes` as the session does; the corpus is
// exercised, and what it holds returned as text.
std::string import_through_window(InputBytes& input, size_t window_bytes, size_t seed) {
  InputWindow window(input, window_bytes);
  CorpusBuilder builder;
  SourceReport report;
  report.file = "fuzz-input";
  report.bytes = input.size();
  ImportContext ctx{report.file, "Fuzz Chat", {}, 0, builder, report, nullptr, CivilDate{2024, 6, 15}, &input};
  ctx.window = &window;
  telegram_json_importer().import(ctx);
  if (!report.ok()) builder.rollback(0, 0);
  Corpus corpus = std::move(builder).finish();
  std::string print = testing::corpus_fingerprint(corpus, report);
  fuzz::exercise(std::move(corpus), seed);
  return print;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  const size_t a = size > 0 ? data[0] : 0, b = size > 1 ? data[1] : 0;
  const size_t piece = 1 + (a * 251 + b) % 1024;
  const size_t window = 1 + (b * 131 + a) % 2048;

  (void)telegram_json_importer().sniff(std::string_view(bytes).substr(0, 4096));
  auto whole = std::make_unique<OwnedInput>(bytes);
  const std::string expected = import_through_window(*whole, window, size);
  whole.reset();  // the corpus must own every text it keeps
  testing::ChunkedInput pieces(bytes, piece);
  const std::string got = import_through_window(pieces, window, size);
  if (got != expected) {
    std::fprintf(stderr, "pieces of %zu, window %zu differ from the whole input:\n--- whole\n%s\n--- pieces\n%s\n",
                 piece, window, expected.c_str(), got.c_str());
    std::abort();
  }
  // And without a window at all (ctx.bytes only), as importers may still be called.
  fuzz::import_with(telegram_json_importer(), data, size);
  return 0;
}
