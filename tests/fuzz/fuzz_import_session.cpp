// Any bytes through ImportSession, as the CLI and the web app use it: sniffing
// picks the importer (or explains why none fits), several inputs merge into one
// corpus, then the owner is resolved. The input is split into up to four files
// at each kSeparator line, so chats of several exports are merged too. The whole session
// is run again with every input arriving in pieces placed at random (fuzz_pieces.hpp):
// the corpus and every input's report must be the same.
#include <string>
#include <string_view>

#include "fuzz_pieces.hpp"
#include "import/import_session.hpp"

namespace {
constexpr std::string_view kSeparator = "\n--chatlens-fuzz-next-input--\n";
constexpr std::string_view kNames[] = {"WhatsApp Chat with Ana.txt", "_chat.txt", "result.json", "chat.txt"};

// The session over every input of `all`, each whole or (with `p`) from pieces; what it gave, described.
std::string run_session(std::string_view all, const chatlens::fuzz::Pieces* p) {
  std::string_view rest = all;
  chatlens::ImportSession session(chatlens::CivilDate{2024, 6, 15}, [](uint64_t done, uint64_t total) {
    if (done > total) __builtin_trap();  // progress never passes the end of its input
  });
  if (p) session.set_window_bytes(p->window);
  for (size_t i = 0; i < 4 && (i == 0 || !rest.empty()); ++i) {
    const size_t cut = i == 3 ? std::string_view::npos : rest.find(kSeparator);
    const std::string_view input = rest.substr(0, cut);
    rest = cut == std::string_view::npos ? std::string_view() : rest.substr(cut + kSeparator.size());
    if (p)
      session.add(std::string(kNames[i]),
                  std::make_unique<chatlens::testing::ChunkedInput>(std::string(input), p->piece));
    else
      session.add(std::string(kNames[i]), std::string(input));
  }
  std::string described;
  for (const chatlens::SourceReport& r : session.sources()) described += chatlens::testing::fingerprint(r);
  chatlens::Corpus corpus = std::move(session).finish();
  described += chatlens::testing::fingerprint(corpus);
  chatlens::fuzz::exercise(std::move(corpus), all.size());
  return described;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view all(reinterpret_cast<const char*>(data), size);
  const chatlens::fuzz::Pieces p = chatlens::fuzz::pieces_for(all);
  chatlens::fuzz::require_same(run_session(all, nullptr), run_session(all, &p), p);
  return 0;
}
