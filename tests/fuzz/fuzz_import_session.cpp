// Any bytes through ImportSession, as the CLI and the web app use it: sniffing
// picks the importer (or explains why none fits), several inputs merge into one
// corpus, then the owner is resolved. The input is split into up to four files
// at each kSeparator line, so chats of several exports are merged too.
#include <string>
#include <string_view>

#include "fuzz_common.hpp"
#include "import/import_session.hpp"

namespace {
constexpr std::string_view kSeparator = "\n--chatlens-fuzz-next-input--\n";
constexpr std::string_view kNames[] = {"WhatsApp Chat with Ana.txt", "_chat.txt", "result.json", "chat.txt"};
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view rest(reinterpret_cast<const char*>(data), size);
  chatlens::ImportSession session(chatlens::CivilDate{2024, 6, 15}, [](uint64_t done, uint64_t total) {
    if (done > total) __builtin_trap();  // progress never passes the end of its input
  });
  for (size_t i = 0; i < 4 && (i == 0 || !rest.empty()); ++i) {
    const size_t cut = i == 3 ? std::string_view::npos : rest.find(kSeparator);
    const std::string_view input = rest.substr(0, cut);
    rest = cut == std::string_view::npos ? std::string_view() : rest.substr(cut + kSeparator.size());
    session.add(std::string(kNames[i]), std::string(input));
  }
  chatlens::fuzz::exercise(std::move(session).finish(), size);
  return 0;
}
