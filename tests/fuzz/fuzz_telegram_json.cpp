// Any bytes through the Telegram Desktop JSON importer (single chat and full account).
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  chatlens::fuzz::import_with(chatlens::telegram_json_importer(), data, size);
  return 0;
}
