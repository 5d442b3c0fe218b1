// Any bytes through both Signal importers (signal-export's chat.md and data.json).
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  chatlens::fuzz::import_with(chatlens::signal_markdown_importer(), data, size);
  chatlens::fuzz::import_with(chatlens::signal_json_importer(), data, size);
  return 0;
}
