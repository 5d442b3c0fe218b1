#pragma once
// Telegram service messages ("type": "service"): what happened in the chat
// rather than what someone wrote. Their kind is Call for phone_call and
// conference_call, System for every other action.
//
// Their text is a short, language-neutral description built from the action
// name and the details worth keeping (the exporter's own "text" is empty):
//   create_group "Friends": Ana, Ben      action "title": members
//   invite_members: Ana, Deleted Account  (null member: deleted account)
//   phone_call 56s hangup                 duration, discard reason
//   pin_message #3                        the pinned message id
//   join_group_by_link via Ana            the inviter
//   joined_telegram                       the bare action otherwise
// A custom action (no "action" key) keeps its "information_text" verbatim.
#include <string>
#include <string_view>

#include "import/telegram_message.hpp"
#include "model/kinds.hpp"

namespace chatlens::telegram {

MessageKind service_kind(const Message& m);

// Writes the description into `out` and returns a view of it.
std::string_view describe_service(const Message& m, std::string& out);

}  // namespace chatlens::telegram
