#pragma once
// Who is "me": the owner the report is about. Never guessed silently.
//  1. the export says so (Telegram's personal_information, a WhatsApp
//     "You deleted this message" attributed to a name, ...): importers call
//     CorpusBuilder::declare_owner;
//  2. else the one participant common to all chats of that platform;
//  3. else the one candidate named like an owner found on another platform
//     (comparable_name: case, accents and spacing aside);
//  4. else the caller must name it (--me NAME, a picker in the web app), and is
//     told which names are candidates.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/corpus.hpp"

namespace chatlens {

// How the owner of one platform was found: an i18n key ("owner.named_by_caller",
// "owner.profile_information", "owner.stated_in_export", "owner.inferred_from_export",
// "owner.common_participant", "owner.same_name_elsewhere")
// and the platform ("" for --me).
struct OwnerMethod {
  std::string platform;
  std::string_view key;
};

// Why a candidate may be the owner: in how many of the chats they write, and how much.
struct OwnerCandidate {
  std::string name;
  uint32_t chats = 0;        // chats (not channels) where this name sent a message
  uint32_t total_chats = 0;  // chats with at least one sender
  uint64_t messages = 0;     // messages this name sent (system lines aside)
};

struct OwnerResolution {
  enum class Status { Resolved, Ambiguous, NoSuchPerson, NoMessages } status = Status::NoMessages;
  // For Ambiguous and NoSuchPerson: names to choose from, the likeliest first
  // (present in the most chats, then the most messages), and why, in the same order.
  std::vector<std::string> candidates;
  std::vector<OwnerCandidate> evidence;
  std::vector<OwnerMethod> how;  // one per platform, in platform order
};

// Marks the owner(s) in corpus.people. `me` (case-insensitive, direction marks
// ignored) overrides everything else on the platforms where someone has that name;
// the other platforms keep what their exports say (Signal's "Me", Telegram's
// personal information), or the steps above, and are never reported ambiguous.
OwnerResolution resolve_owner(Corpus& corpus, std::optional<std::string_view> me = std::nullopt);

// The owner's display name, or "" when none.
std::string owner_name(const Corpus& corpus);

}  // namespace chatlens
