#pragma once
// Builds small corpora for insight tests: chats, people and timed messages,
// with "Me" as the owner.
#include <cstdio>
#include <string>
#include <vector>

#include "insights/insight.hpp"
#include "model/corpus_builder.hpp"
#include "model/identity.hpp"

namespace chatlens::testing {

inline LocalTime t(const char* iso) {  // "2023-01-02 10:30" or "2023-01-02 10:30:15"
  int y, mo, d, h, mi, s = 0;
  std::sscanf(iso, "%d-%d-%d %d:%d:%d", &y, &mo, &d, &h, &mi, &s);
  return LocalTime::from_civil(y, mo, d, h, mi, s);
}

class CorpusSketch {
 public:
  ChatId chat(const std::string& title, ChatKind kind = ChatKind::Private) {
    return b_.add_chat(ChatDraft{Platform::WhatsApp, title, kind, {}, 0});
  }
  void say(ChatId chat, const std::string& who, LocalTime when, const std::string& text = "hi") {
    texts_.push_back(text);
    MessageDraft m;
    m.chat = chat;
    m.sender = b_.person(Platform::WhatsApp, who);
    m.time = when;
    m.text = texts_.back();
    b_.add(m);
  }
  void say(ChatId chat, const std::string& who, const char* when, const std::string& text = "hi") {
    say(chat, who, t(when), text);
  }
  // A media message (photo, voice note, ...) without text.
  void send(ChatId chat, const std::string& who, const char* when, MediaKind media) {
    MessageDraft m;
    m.chat = chat;
    m.sender = b_.person(Platform::WhatsApp, who);
    m.time = t(when);
    m.kind = MessageKind::Media;
    m.media = media;
    b_.add(m);
  }
  // A sticker, with the emoji it stands for as its text.
  void sticker(ChatId chat, const std::string& who, const char* when, const std::string& emoji) {
    texts_.push_back(emoji);
    MessageDraft m;
    m.chat = chat;
    m.sender = b_.person(Platform::WhatsApp, who);
    m.time = t(when);
    m.kind = MessageKind::Media;
    m.media = MediaKind::Sticker;
    m.text = texts_.back();
    b_.add(m);
  }
  Corpus build(const std::string& owner = "Me") {
    Corpus c = std::move(b_).finish();
    resolve_owner(c, std::string_view(owner));
    return c;
  }

 private:
  CorpusBuilder b_;
  std::deque<std::string> texts_;
};

inline Json run_insight(InsightFn fn, const Corpus& c, ReportOptions options = {}) {
  DerivedData derived(c, options.conversation_gap_seconds);
  return fn(InsightInput{c, options, derived});
}

}  // namespace chatlens::testing
