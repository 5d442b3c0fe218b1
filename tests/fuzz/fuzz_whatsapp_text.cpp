// Any bytes through the WhatsApp text importer (Android and iOS exports).
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  chatlens::fuzz::import_with(chatlens::whatsapp_text_importer(), data, size);
  return 0;
}
