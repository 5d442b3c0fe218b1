// PLACEHOLDER: replaced by the WhatsApp importer.
#include "import/importer.hpp"

namespace chatlens {
namespace {
class WhatsAppText final : public Importer {
 public:
  std::string_view name() const override { return "whatsapp-text"; }
  int sniff(std::string_view) const override { return 0; }
  void import(ImportContext& ctx) const override { ctx.report.error = "not implemented"; }
};
}  // namespace
const Importer& whatsapp_text_importer() {
  static const WhatsAppText importer;
  return importer;
}
}  // namespace chatlens
