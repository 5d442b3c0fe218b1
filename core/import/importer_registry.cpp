#include "import/importer.hpp"

namespace chatlens {

const std::vector<const Importer*>& all_importers() {
  static const std::vector<const Importer*> importers = {
      &whatsapp_text_importer(),
      &telegram_json_importer(),
      &signal_markdown_importer(),
      &signal_json_importer(),
      &discord_json_importer(),
  };
  return importers;
}

}  // namespace chatlens
