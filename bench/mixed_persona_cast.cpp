// The mixed persona's cast: who is on which platform, under which name, writing how much.
// Everyone is invented; the phone number uses a range no real line has.
#include "mixed_persona.hpp"

namespace chatlens::bench {

using P = MixedPlatform;

const std::vector<MixedPerson>& mixed_cast() {
  static const std::vector<MixedPerson> cast = {
      // The owner: named by each export its own way (Signal's chat.md says "Me").
      {"Alex Rivera",
       true,
       false,
       {{P::WhatsApp, "Alex Rivera", 34},
        {P::Telegram, "Alex Rivera", 22},
        {P::Messenger, "Alex Rivera", 16},
        {P::Instagram, "Alex Rivera", 14},
        {P::Discord, "Alex Rivera", 12},
        {P::Signal, "Me", 15}}},
      // Four platforms: the exact name, an abbreviation, and lower case without accents.
      {"Ana Gómez",
       false,
       false,
       {{P::WhatsApp, "Ana Gómez", 30},
        {P::Telegram, "Ana G.", 20},
        {P::Messenger, "Ana Gómez", 15},
        {P::Signal, "ana gomez", 12}}},
      // Three platforms: the exact name, and the name without its accent.
      {"Bruno Díaz",
       false,
       false,
       {{P::WhatsApp, "Bruno Díaz", 18}, {P::Discord, "Bruno Diaz", 14}, {P::Instagram, "Bruno Díaz", 10}}},
      // An unsaved contact: only the phone number, written two ways.
      {"Carla (phone)", false, false, {{P::WhatsApp, "+34 612 34 56 78", 16}, {P::Signal, "+34612345678", 9}}},
      // The same name on three platforms.
      {"Diego Ruiz",
       false,
       false,
       {{P::Messenger, "Diego Ruiz", 11}, {P::Instagram, "Diego Ruiz", 13}, {P::Telegram, "Diego Ruiz", 8}}},
      // One platform each.
      {"Mamá", false, false, {{P::WhatsApp, "Mamá", 10}}},
      {"Irene Vidal", false, false, {{P::Telegram, "Irene Vidal", 7}}},
      {"Elena Mora", false, false, {{P::Messenger, "Elena Mora", 6}}},
      {"Gabi Costa", false, false, {{P::Instagram, "Gabi Costa", 5}}},
      {"Fer Molina", false, false, {{P::Discord, "Fer Molina", 9}}},
      {"Hugo Sanz", false, false, {{P::Signal, "Hugo Sanz", 4}}},
      // A bot: flagged by Discord, never a person in the report.
      {"Quiz Bot", false, true, {{P::Discord, "Quiz Bot", 6}}},
  };
  return cast;
}

std::string_view mixed_chat_title(MixedPlatform p) {
  switch (p) {
    case P::WhatsApp: return "Amigos";
    case P::Telegram: return "Cena de los jueves";
    case P::Messenger: return "Viaje a Lisboa";
    case P::Instagram: return "Fotos del verano";
    case P::Discord: return "general";
    case P::Signal: return "Domingos";
  }
  return "";
}

}  // namespace chatlens::bench
