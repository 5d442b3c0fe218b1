// The cheap key that rules texts out before they are folded and looked up as templates.
#include "import/whatsapp_templates.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

using namespace chatlens::whatsapp;

// fold_key keys most texts inline; fold_key_general keys every text: both agree.
TEST(WhatsAppTemplates, TheInlineKeyIsTheGeneralOne) {
  const std::string_view texts[] = {"Did you watch the game?",
                                    "HELLO THERE",
                                    "MiXeD CaSe words",
                                    "Let's go tomorrow",
                                    "`quoted` text",
                                    "tab\there and there",
                                    "  leading spaces",
                                    "\u200EImage omitted",
                                    "\uFEFFBOM first text",
                                    "short",
                                    "",
                                    "Qu\u00E9 golazo, incre\u00EDble",
                                    "\u041F\u0440\u0438\u0432\u0435\u0442 \u043C\u0438\u0440",
                                    "12345678",
                                    "@[]{}~^_AZaz",
                                    "\u00C9T\u00C9 \u00C0 PARIS"};
  for (std::string_view t : texts) EXPECT_EQ(fold_key(t), fold_key_general(t.data(), t.size())) << t;
}

// Every placeholder and label passes the key's filter, whatever the locale, with or without
// iOS's leading mark; plain chat texts mostly do not.
TEST(WhatsAppTemplates, ThePrefilterLetsEveryTemplateThroughAndFewTexts) {
  const Templates& t = Templates::get();
  const std::string_view templates[] = {"<Media omitted>",
                                        "<Medien weggelassen>",
                                        "<M\u00EDdia omitida>",
                                        "image omitted",
                                        "\u200Eimage omitted",
                                        "Bild weggelassen",
                                        "imagen omitida",
                                        "Tarjeta de contacto omitida",
                                        "Diese Nachricht wurde gel\u00F6scht.",
                                        "Este mensaje fue eliminado",
                                        "Du hast diese Nachricht gel\u00F6scht",
                                        "Live-Standort wird geteilt",
                                        "Standort: https://maps.google.com/?q=1,2",
                                        "GIF omitted",
                                        "IMAGE OMITTED"};
  for (std::string_view s : templates) EXPECT_TRUE(t.may_start(fold_key(s))) << s;
  const std::string_view texts[] = {"Did you watch the game?",
                                    "hahahaha",
                                    "Qu\u00E9 golazo",
                                    "El martes jugamos a las 9",
                                    "What a goal",
                                    "Llevo el bal\u00F3n jajajaj",
                                    "lololol",
                                    "Climbing on Wednesday?",
                                    "Sounds good",
                                    "Cuenta conmigo",
                                    "Tomorrow then",
                                    "Headache all day",
                                    "Same here",
                                    "Ma\u00F1ana m\u00E1s",
                                    "Gracias! \U0001F37B",
                                    "Normal",
                                    "Me duele la cabeza",
                                    "Slept terribly",
                                    "Vale vale",
                                    "See you at 8"};
  int passed = 0;
  for (std::string_view s : texts) passed += t.may_start(fold_key(s));
  EXPECT_LE(passed, 2);
}
