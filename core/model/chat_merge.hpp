#pragma once
// The same chat imported more than once (overlapping exports, the Android and
// the iOS copy, the zip and the txt) must appear once, without duplicated or
// lost messages.
//
// Which chats are the same: on Telegram, the same chat id. On WhatsApp (no ids),
// the same title, or the same set of senders with at least half of the smaller
// chat's messages also present in the larger.
//
// Which messages are duplicates: messages are compared by a key (minute of the
// local time, since Android exports drop the seconds; sender; kind; and the text
// for texts, or the platform message id where there is one). The merged chat
// holds each key as many times as the copy that has it most often, so distinct
// messages sharing second, sender and text inside one export are all kept.
#include <functional>
#include <string_view>
#include <vector>

#include "model/corpus.hpp"

namespace chatlens {

struct MergePlan {
  std::vector<ChatId> target;  // per chat: the chat it is merged into (itself if kept)
  std::vector<bool> keep;      // per message: false for a duplicate of a merged copy; empty: keep all
};

MergePlan plan_chat_merge(const std::vector<Chat>& chats, const MessageColumns& messages,
                          const std::function<std::string_view(TextRef)>& text);

}  // namespace chatlens
