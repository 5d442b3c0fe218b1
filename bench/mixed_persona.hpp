#pragma once
// The mixed persona: one fictional owner's exports on all six platforms chatlens reads
// (WhatsApp, Telegram, Messenger, Instagram, Discord, Signal), one file each, whose contacts
// overlap the way real contact lists do: the same friend under the exact same name, an
// abbreviation ("Ana G."), another case or no accents, or only a phone number; people found on
// one platform only; and one Discord bot. Beside the files, the truth: per real person the
// messages on each platform and in total, and the links a user should confirm.
// (tests/native/mixed_run_test.cpp, web/tests/e2e/mixed-run.mjs; `gen_export --format mixed`.)
#include <cstdint>
#include <string_view>
#include <vector>

#include "export_generator.hpp"
#include "json/json.hpp"

namespace chatlens::bench {

enum class MixedPlatform : uint8_t { WhatsApp, Telegram, Messenger, Instagram, Discord, Signal };
inline constexpr int kMixedPlatforms = 6;

std::string_view to_string(MixedPlatform p);  // chatlens' platform names: "whatsapp", ...

// One person as one platform shows them, and how many messages they write there.
struct MixedAlias {
  MixedPlatform platform;
  std::string_view name;
  uint16_t messages;
};

// A real person (or the bot) of the cast; `who` is the name the truth uses.
struct MixedPerson {
  std::string_view who;
  bool owner = false;
  bool bot = false;
  std::vector<MixedAlias> aliases;  // the first is the one the others link to
};

// The cast, a data table (mixed_persona_cast.cpp).
const std::vector<MixedPerson>& mixed_cast();
// The one chat each platform's file holds: its title.
std::string_view mixed_chat_title(MixedPlatform p);

struct MixedExport {
  std::vector<GeneratedFile> files;  // one per platform, in MixedPlatform order; names are relative paths
  Json truth;                        // see mixed_persona.cpp for the fields
};

// Deterministic: the same seed gives the same bytes (the seed only varies the phrases).
MixedExport generate_mixed(uint64_t seed = 1);

}  // namespace chatlens::bench
