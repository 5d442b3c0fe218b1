// PLACEHOLDER: replaced by the Telegram importer.
#include "import/importer.hpp"

namespace chatlens {
namespace {
class TelegramJson final : public Importer {
 public:
  std::string_view name() const override { return "telegram-json"; }
  int sniff(std::string_view) const override { return 0; }
  void import(ImportContext& ctx) const override { ctx.report.error = "not implemented"; }
};
}  // namespace
const Importer& telegram_json_importer() {
  static const TelegramJson importer;
  return importer;
}
}  // namespace chatlens
