// Any bytes through the DiscordChatExporter JSON importer.
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  chatlens::fuzz::import_with(chatlens::discord_json_importer(), data, size);
  return 0;
}
