// conversations: how the owner's private chats go, contact by contact. A chat's
// messages are split into conversations by silences longer than the gap option
// (as reply_speed does). Per contact: messages sent and received, the share of
// conversations the owner started, the median conversation's length in minutes
// and in messages, the longest conversation, and double texting: writing again,
// at least kDoubleTextSeconds after one's own message, before any answer.
#include <algorithm>
#include <map>

#include "insights/insight.hpp"
#include "insights/section_util.hpp"
#include "insights/stats.hpp"

namespace chatlens {
namespace {

constexpr int64_t kDoubleTextSeconds = 5 * 60;
constexpr size_t kMinConversations = 3;
constexpr size_t kMaxContacts = 20;

struct ContactStats {
  PersonId who = kNoPerson;
  uint64_t sent = 0, received = 0, started = 0, your_double_texts = 0, their_double_texts = 0;
  std::vector<double> minutes, messages;
  uint64_t longest_messages = 0;
  double longest_minutes = 0;
  std::optional<LocalTime> longest_start;
};

}  // namespace

Json conversations_insight(const InsightInput& in) {
  const Corpus& c = in.corpus;
  const int64_t gap = in.options.conversation_gap_seconds;
  std::map<PersonId, ContactStats> contacts;
  uint64_t total_sent = 0, total_received = 0, total_conversations = 0, total_started = 0;
  std::optional<LocalTime> first, last;

  for (const Chat& chat : c.chats) {
    if (chat.kind == ChatKind::Group || chat.kind == ChatKind::Channel) continue;
    PersonId other = kNoPerson;
    bool owner_here = false;
    for (PersonId p : chat.members) {
      if (c.is_owner(p))
        owner_here = true;
      else
        other = p;
    }
    if (!owner_here || other == kNoPerson || chat.members.size() > 2) continue;
    ContactStats& s = contacts[other];
    s.who = other;
    // The conversation being read: its first and previous message.
    std::optional<LocalTime> start, prev;
    bool prev_mine = false;
    uint64_t length = 0;
    auto close = [&] {
      if (!start) return;
      const double minutes = static_cast<double>(prev->seconds - start->seconds) / 60.0;
      s.minutes.push_back(minutes);
      s.messages.push_back(static_cast<double>(length));
      if (length > s.longest_messages)
        s.longest_messages = length, s.longest_minutes = minutes, s.longest_start = start;
    };
    for (uint64_t i = chat.begin; i < chat.end; ++i) {
      if (!is_personal(c, i)) continue;
      const LocalTime t = c.messages.time[i];
      const bool mine = c.is_owner(c.messages.sender[i]);
      if (!first || t < *first) first = t;
      if (!last || *last < t) last = t;
      (mine ? s.sent : s.received)++;
      if (!prev || t.seconds - prev->seconds > gap) {
        close();
        start = t;
        length = 0;
        s.started += mine;
      } else if (mine == prev_mine && t.seconds - prev->seconds >= kDoubleTextSeconds) {
        (mine ? s.your_double_texts : s.their_double_texts)++;
      }
      ++length;
      prev = t;
      prev_mine = mine;
    }
    close();
  }

  std::vector<const ContactStats*> order;
  for (const auto& [who, s] : contacts) {
    total_sent += s.sent;
    total_received += s.received;
    total_conversations += s.minutes.size();
    total_started += s.started;
    if (s.minutes.size() >= kMinConversations) order.push_back(&s);
  }
  std::stable_sort(order.begin(), order.end(), [](const ContactStats* a, const ContactStats* b) {
    return a->sent + a->received > b->sent + b->received;
  });

  Json out = Json::object();
  out["data"] = data_basis(total_sent + total_received, first, last);
  out["data"]["private_chats"] = contacts.size();
  out["data"]["conversations"] = total_conversations;
  out["gap_hours"] = static_cast<double>(gap) / 3600.0;
  out["double_text_minutes"] = kDoubleTextSeconds / 60;
  out["min_conversations"] = kMinConversations;
  if (order.empty()) {
    mark_insufficient(out, "conversations.few_conversations", Json::Object{{"min", kMinConversations}});
    return out;
  }
  out["enough_data"] = true;
  out["sent"] = total_sent;
  out["received"] = total_received;
  out["started_by_you_share"] =
      total_conversations ? static_cast<double>(total_started) / static_cast<double>(total_conversations) : 0.0;

  Json list = Json::array();
  for (size_t k = 0; k < order.size() && k < kMaxContacts; ++k) {
    const ContactStats& s = *order[k];
    Json j = Json::object();
    j["name"] = c.people[s.who].name;
    j["sent"] = s.sent;
    j["received"] = s.received;
    j["conversations"] = s.minutes.size();
    j["started_by_you_share"] = static_cast<double>(s.started) / static_cast<double>(s.minutes.size());
    j["median_minutes"] = quantile(s.minutes, 0.5);
    j["median_messages"] = quantile(s.messages, 0.5);
    Json longest = Json::object();
    longest["messages"] = s.longest_messages;
    longest["minutes"] = s.longest_minutes;
    longest["date"] = format_date(s.longest_start->day());
    j["longest"] = std::move(longest);
    j["your_double_texts"] = s.your_double_texts;
    j["their_double_texts"] = s.their_double_texts;
    list.push(std::move(j));
  }
  out["contacts"] = std::move(list);
  return out;
}

}  // namespace chatlens
