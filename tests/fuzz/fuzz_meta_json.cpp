// Any bytes through the Messenger and Instagram importers ("Download your information" JSON):
// the threads' and the profile information's.
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  chatlens::fuzz::import_with(chatlens::meta_json_importer(), data, size);
  chatlens::fuzz::import_with(chatlens::meta_profile_importer(), data, size);
  return 0;
}
