// Any bytes through the Messenger and Instagram importer ("Download your information" JSON).
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  chatlens::fuzz::import_with(chatlens::meta_json_importer(), data, size);
  return 0;
}
