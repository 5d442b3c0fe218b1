// Any bytes through the WhatsApp text importer (Android and iOS exports), whole and from
// pieces placed at random: both must give the same corpus (fuzz_pieces.hpp).
#include "fuzz_pieces.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  chatlens::fuzz::import_whole_and_in_pieces(chatlens::whatsapp_text_importer(), data, size);
  return 0;
}
