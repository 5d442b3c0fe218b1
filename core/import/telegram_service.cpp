#include "import/telegram_service.hpp"

namespace chatlens::telegram {

MessageKind service_kind(const Message& m) {
  return m.action == "phone_call" || m.action == "conference_call" ? MessageKind::Call : MessageKind::System;
}

std::string_view describe_service(const Message& m, std::string& out) {
  out.clear();
  if (!m.has_action) {
    out.assign(m.information_text.empty() ? std::string_view("service") : m.information_text);
    return out;
  }
  out.assign(m.action);
  if (!m.title.empty()) {
    out += " \"";
    out += m.title;
    out += '"';
  }
  if (!m.members.empty()) {
    out += ':';
    for (size_t i = 0; i < m.members.size(); ++i) {
      out += i == 0 ? " " : ", ";
      out += m.members[i].empty() ? std::string_view("Deleted Account") : m.members[i];
    }
  }
  if (m.duration_seconds >= 0) {
    out += ' ';
    out += std::to_string(m.duration_seconds);
    out += 's';
  }
  if (!m.discard_reason.empty()) {
    out += ' ';
    out += m.discard_reason;
  }
  if (m.pinned_message != kNoMessageId) {
    out += " #";
    out += std::to_string(m.pinned_message);
  }
  if (!m.inviter.empty()) {
    out += " via ";
    out += m.inviter;
  }
  return out;
}

}  // namespace chatlens::telegram
