// Messenger and Instagram chats from "Download your information" in JSON (FORMATS.md §3):
// one file per part of a thread (message_1.json … message_N.json, merged afterwards by
// the thread's id), messages newest first, times as UTC epoch milliseconds, every
// string in Meta's mojibake (meta_text.hpp).
//   {"participants": [{"name": …}], "messages": [{"sender_name": …, "timestamp_ms": …,
//    "content": …, "photos": [{"uri": …}], "reactions": [{"reaction": …, "actor": …}],
//    "is_unsent": …, "call_duration": …, "type": "Generic"|"Share"|"Call"|"Subscribe"|…}],
//   "title": …, "thread_type": "Regular"|"RegularGroup"|…, "thread_path": "inbox/ana_123"}
// A thread's file is small (Meta cuts threads into parts of ~10,000 messages): it is
// parsed whole with simdjson On-Demand.
#include <simdjson.h>

#include <algorithm>
#include <cstring>
#include <deque>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "import/importer.hpp"
#include "import/json_scan.hpp"
#include "import/meta_file.hpp"
#include "import/meta_text.hpp"
#include "text/utf8.hpp"

namespace chatlens {
namespace {

namespace od = simdjson::ondemand;
using simdjson::error_code;

constexpr uint32_t kNoSender = UINT32_MAX;

// Fields as the file has them: strings are simdjson's unescaped bytes, still in mojibake,
// repaired one at a time as the message is added (no string of its own per message).
struct Message {
  std::string_view content, type, link;
  uint32_t sender = kNoSender;  // in Reader::senders_
  int64_t timestamp_ms = 0;
  bool has_time = false, bad_time = false, unsent = false, call = false;
  MediaKind media = MediaKind::None;
  uint32_t reactions = 0;
};

// Someone who sent a message: the name repaired once, the person found once.
struct Sender {
  std::string_view token;  // the name as written in the file, quotes included
  std::string name;        // repaired
  PersonId person = kNoPerson;
  bool resolved = false;
};

// Buffers kept from one file to the next, per thread: Meta cuts a thread into files of
// ~10,000 messages (~2 MB), and a fresh parser and padded copy for each would fault their
// pages in again every time. Buffers grown for a big input are let go afterwards.
struct Scratch {
  static constexpr size_t kKeepBytes = size_t{8} << 20;
  od::parser parser;
  std::unique_ptr<char[]> json;
  size_t capacity = 0;
  std::string text, link;  // the repaired content and link of the message being added

  simdjson::padded_string_view copy(std::string_view bytes) {
    if (capacity < bytes.size() + simdjson::SIMDJSON_PADDING) {
      capacity = bytes.size() + simdjson::SIMDJSON_PADDING;
      json.reset(new char[capacity]);
    }
    std::memcpy(json.get(), bytes.data(), bytes.size());
    std::memset(json.get() + bytes.size(), 0, simdjson::SIMDJSON_PADDING);
    return simdjson::padded_string_view(json.get(), bytes.size(), capacity);
  }
  void let_go_if_big() {
    if (capacity <= kKeepBytes) return;
    json.reset();
    capacity = 0;
    parser = od::parser{};
  }
};

Scratch& scratch() {
  thread_local Scratch s;
  return s;
}

bool contains_ci(std::string_view s, std::string_view lower) {
  if (s.size() < lower.size()) return false;
  for (size_t i = 0; i + lower.size() <= s.size(); ++i) {
    size_t k = 0;
    for (; k < lower.size(); ++k) {
      char c = s[i + k];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != lower[k]) break;
    }
    if (k == lower.size()) return true;
  }
  return false;
}

// "…/inbox/ana_123/message_2.json" -> "inbox/ana_123": the thread's id when the file has no thread_path.
std::string_view thread_folder(std::string_view name) {
  const size_t file = name.find_last_of("/\\");
  if (file == std::string_view::npos) return {};
  const std::string_view dir = name.substr(0, file);
  size_t parent = dir.find_last_of("/\\:");
  if (parent == std::string_view::npos) return dir;
  const size_t grand = parent == 0 ? std::string_view::npos : dir.find_last_of("/\\:", parent - 1);
  return dir.substr(grand == std::string_view::npos ? 0 : grand + 1);
}

// Keys compared as written (Meta never escapes a character of a key), with the length known
// at compile time so that the comparison is a few loads rather than a call. The padding
// after the input keeps reads past a short key inside the buffer.
template <size_t N>
bool is(const od::raw_json_string& key, const char (&name)[N]) {
  const char* raw = key.raw();
  return raw[N - 1] == '"' && std::memcmp(raw, name, N - 1) == 0;
}

std::string_view trim_right(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n' || s.back() == '\r' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

// The repaired form of `s`, in `buffer` when it needed repair.
std::string_view repaired(std::string_view s, std::string& buffer) {
  return meta::repair_mojibake(s, buffer).value_or(s);
}

class Reader {
 public:
  explicit Reader(ImportContext& ctx) : ctx_(ctx), scratch_(scratch()) {}
  ~Reader() { scratch_.let_go_if_big(); }
  Reader(const Reader&) = delete;
  Reader& operator=(const Reader&) = delete;

  void run() {
    const std::string_view bytes = meta::without_boms(ctx_.bytes);
    const simdjson::padded_string_view json = scratch_.copy(bytes);
    json_begin_ = json.data();
    bom_ = ctx_.bytes.size() - bytes.size();
    if (!meta::read_document(ctx_, scratch_.parser, json, [this](od::document& doc) { return read_root(doc); })) return;
    finish();  // while the parser still holds the unescaped strings
  }

 private:
  // A string, repaired, kept until the import ends; null or another type: empty. For the
  // thread's few strings (title, participants): messages' strings are repaired as added.
  error_code read_string(od::value v, std::string_view& out) {
    od::json_type t;
    if (auto e = v.type().get(t)) return e;
    if (t != od::json_type::string) return simdjson::SUCCESS;
    if (auto e = v.get_string().get(out)) return e;
    std::string fixed;
    if (meta::repair_mojibake(out, fixed)) out = strings_.emplace_back(std::move(fixed));
    return simdjson::SUCCESS;
  }

  // A string as simdjson unescaped it (valid while the parser holds this file); else empty.
  static error_code read_raw_string(od::value v, od::json_type t, std::string_view& out) {
    return t == od::json_type::string ? v.get_string().get(out) : simdjson::SUCCESS;
  }

  // A thread has a handful of senders and thousands of messages: each is told by the bytes
  // of its name, repaired and looked up once.
  error_code read_sender(od::value v, od::json_type t, uint32_t& index) {
    if (t != od::json_type::string) return simdjson::SUCCESS;
    const std::string_view token = trim_right(v.raw_json_token());
    if (last_sender_ < senders_.size() && senders_[last_sender_].token == token) {
      index = last_sender_;
      return simdjson::SUCCESS;
    }
    if (auto it = sender_index_.find(token); it != sender_index_.end()) {
      index = last_sender_ = it->second;
      return simdjson::SUCCESS;
    }
    std::string_view name;
    if (auto e = v.get_string().get(name)) return e;
    std::string fixed;
    if (!meta::repair_mojibake(name, fixed)) fixed.assign(name);
    index = last_sender_ = static_cast<uint32_t>(senders_.size());
    senders_.push_back(Sender{token, std::move(fixed)});
    sender_index_.emplace(token, index);
    return simdjson::SUCCESS;
  }

  error_code count_items(od::value v, uint32_t& n) {
    od::array list;
    if (auto e = v.get_array().get(list)) return e;
    for (auto item : list) {
      od::value x;
      if (auto e = item.get(x)) return e;
      ++n;
    }
    return simdjson::SUCCESS;
  }

  // [{"name": …}, …]: participants of the thread.
  error_code read_participants(od::value v) {
    od::array list;
    if (auto e = v.get_array().get(list)) return e;
    for (auto item : list) {
      od::object person;
      if (item.get_object().get(person)) continue;
      if (auto e = meta::for_each_field(person, [&](od::field& field) -> error_code {
            if (!is(field.key(), "name")) return simdjson::SUCCESS;
            std::string_view name;
            if (auto e2 = read_string(field.value(), name)) return e2;
            if (!name.empty()) participants_.push_back(normalize_name(name));
            return simdjson::SUCCESS;
          }))
        return e;
    }
    return simdjson::SUCCESS;
  }

  // {"link": …} of a share.
  static error_code read_link(od::value v, std::string_view& link) {
    od::object object;
    if (auto e = v.get_object().get(object)) return e;
    return meta::for_each_field(object, [&](od::field& field) -> error_code {
      if (!is(field.key(), "link")) return simdjson::SUCCESS;
      od::value value = field.value();
      od::json_type t;
      if (auto e = value.type().get(t)) return e;
      return read_raw_string(value, t, link);
    });
  }

  static MediaKind media_of(const od::raw_json_string& key) {
    if (is(key, "photos")) return MediaKind::Image;
    if (is(key, "videos")) return MediaKind::Video;
    if (is(key, "audio_files")) return MediaKind::Audio;
    if (is(key, "gifs")) return MediaKind::Gif;
    if (is(key, "files")) return MediaKind::Document;
    return MediaKind::None;
  }

  error_code read_message(od::object object, Message& m) {
    for (auto f : object) {
      od::field field;
      if (auto e = std::move(f).get(field)) return e;
      const od::raw_json_string key = field.key();
      od::value v = field.value();
      od::json_type t;
      if (auto e = v.type().get(t)) return e;
      error_code e = simdjson::SUCCESS;
      uint32_t items = 0;
      MediaKind media = MediaKind::None;
      if (is(key, "sender_name")) {
        e = read_sender(v, t, m.sender);
      } else if (is(key, "timestamp_ms")) {
        if (t == od::json_type::number) {
          // Milliseconds between the years 1 and 9999; anything else (a fraction, 1e21) is not a time.
          constexpr int64_t kFirst = -62135596800000, kLast = 253402300799999;
          int64_t ms = 0;
          m.has_time = v.get_int64().get(ms) == simdjson::SUCCESS && ms >= kFirst && ms <= kLast;
          m.bad_time = !m.has_time;
          if (m.has_time) m.timestamp_ms = ms;
        }
      } else if (is(key, "content")) {
        e = read_raw_string(v, t, m.content);
      } else if (is(key, "type")) {
        e = read_raw_string(v, t, m.type);
      } else if (is(key, "is_unsent")) {
        bool b = false;
        if (t == od::json_type::boolean && !(e = v.get_bool().get(b))) m.unsent = b;
      } else if (is(key, "call_duration")) {
        m.call = true;
      } else if (is(key, "reactions")) {
        if (t == od::json_type::array) e = count_items(v, m.reactions);
      } else if (is(key, "share")) {
        if (t == od::json_type::object) e = read_link(v, m.link);
      } else if (is(key, "sticker")) {
        if (t == od::json_type::object) m.media = MediaKind::Sticker;
      } else if (t == od::json_type::array && (media = media_of(key)) != MediaKind::None) {
        if (!(e = count_items(v, items)) && items > 0 && m.media == MediaKind::None) m.media = media;
      }
      if (e) return e;
    }
    return simdjson::SUCCESS;
  }

  error_code read_messages(od::value v) {
    od::array list;
    if (auto e = v.get_array().get(list)) return e;
    size_t index = 0;
    for (auto item : list) {
      ++index;
      od::value value;
      if (auto e = item.get(value)) return e;
      const char* at = nullptr;
      if (auto e = value.current_location().get(at)) return e;
      const size_t offset = static_cast<size_t>(at - json_begin_);
      od::json_type t;
      if (auto e = value.type().get(t)) return e;
      Message m;
      if (t == od::json_type::object) {
        od::object object;
        if (auto e = value.get_object().get(object)) return e;
        if (auto e = read_message(object, m)) return e;
      }
      if (t != od::json_type::object) {
        skip(offset, {"input.not_a_message_object"});
      } else if (m.bad_time) {
        skip(offset, {"input.meta_unreadable_time", Json::Object{{"index", index}}});
      } else if (!m.has_time) {
        skip(offset, {"input.meta_message_without_time", Json::Object{{"index", index}}});
      } else {
        messages_.push_back(m);
      }
    }
    return simdjson::SUCCESS;
  }

  error_code read_root(od::document& doc) {
    od::object root;
    if (auto e = doc.get_object().get(root)) return e;
    return meta::for_each_field(root, [&](od::field& field) -> error_code {
      const od::raw_json_string key = field.key();
      od::value v = field.value();
      od::json_type t;
      if (auto e = v.type().get(t)) return e;
      error_code e = simdjson::SUCCESS;
      if (is(key, "participants") && t == od::json_type::array) {
        e = read_participants(v);
      } else if (is(key, "messages") && t == od::json_type::array) {
        // ~200 bytes a message as Meta pretty-prints them.
        messages_.reserve(ctx_.bytes.size() / 150);
        e = read_messages(v);
        saw_messages_ = true;
      } else if (is(key, "title")) {
        e = read_string(v, title_);
      } else if (is(key, "thread_type")) {
        e = read_string(v, thread_type_);
      } else if (is(key, "thread_path")) {
        e = read_string(v, thread_path_);
      } else if (is(key, "joinable_mode") && t == od::json_type::object) {
        od::object mode;
        if (!(e = v.get_object().get(mode)))
          e = meta::for_each_field(mode, [&](od::field& mfield) -> error_code {
            std::string_view link;
            if (!is(mfield.key(), "link")) return simdjson::SUCCESS;
            if (auto e2 = read_string(mfield.value(), link)) return e2;
            if (contains_ci(link, "ig.me/")) instagram_ = true;
            return simdjson::SUCCESS;
          });
      }
      return e;
    });
  }

  // `offset` counts from after the BOM, like the parsed copy.
  void skip(size_t offset, SourceMessage reason) {
    const std::string_view bytes = ctx_.bytes;
    offset += bom_;
    const TextPosition pos = text_position(bytes, std::min(offset, bytes.size()));
    const std::string_view rest = bytes.substr(std::min(offset, bytes.size()));
    ctx_.report.skip(pos.line, offset, std::move(reason), rest.substr(0, rest.find('\n')));
  }

  PersonId person(Sender& s) {
    if (!s.resolved) {
      const std::string normal = normalize_name(s.name);
      s.person = normal.empty() ? kNoPerson : ctx_.builder.person(platform_, normal);
      s.resolved = true;
    }
    return s.person;
  }

  void finish() {
    if (!saw_messages_) {
      ctx_.report.fail(SourceMessage{"input.meta_without_messages"});
      return;
    }
    // Which app: the newer layouts name it, the older share one folder name; Instagram's
    // group links are ig.me links.
    instagram_ = instagram_ || contains_ci(ctx_.name, "instagram");
    platform_ = instagram_ ? Platform::Instagram : Platform::Messenger;

    ChatDraft draft;
    draft.platform = platform_;
    draft.source = ctx_.source;
    draft.title = normalize_name(title_);
    const std::string_view folder = thread_folder(ctx_.name);
    draft.platform_id = !thread_path_.empty() ? std::string(thread_path_)
                        : !folder.empty()     ? std::string(folder)
                                              : draft.title;
    // No title (minimal exports): the thread's folder ("ana_123"), else the file's name.
    if (draft.title.empty() && !folder.empty()) draft.title = normalize_name(folder.substr(folder.find('/') + 1));
    if (draft.title.empty()) draft.title = std::string(ctx_.title_hint);
    const bool group =
        thread_type_.find("Group") != std::string_view::npos || (thread_type_.empty() && participants_.size() > 2);
    draft.kind = group ? ChatKind::Group : ChatKind::Private;
    const ChatId chat = ctx_.builder.add_chat(std::move(draft));

    // Newest first in the file: added oldest first, so that equal times keep their order.
    uint64_t reactions = 0;
    ctx_.builder.reserve(messages_.size());
    for (auto it = messages_.rbegin(); it != messages_.rend(); ++it) {
      const Message& m = *it;
      Sender* sender = m.sender == kNoSender ? nullptr : &senders_[m.sender];
      const std::string_view content = repaired(m.content, scratch_.text);
      MessageDraft d;
      d.chat = chat;
      d.sender = sender ? person(*sender) : kNoPerson;
      d.utc = m.timestamp_ms >= 0 ? m.timestamp_ms / 1000 : -((-m.timestamp_ms + 999) / 1000);
      d.time = LocalTime{d.utc};  // the export carries no zone: local time is UTC (docs)
      d.text = content;
      reactions += m.reactions;
      const meta::ContentKind kind = meta::classify_content(sender ? sender->name : std::string_view{}, content);
      if (m.unsent) {
        d.kind = MessageKind::Deleted;
        d.text = {};
      } else if (m.call || m.type == "Call") {
        d.kind = MessageKind::Call;
      } else if (m.type == "Subscribe" || m.type == "Unsubscribe" || kind == meta::ContentKind::GroupEvent ||
                 kind == meta::ContentKind::ReactionNotice) {
        d.kind = MessageKind::System;
        d.sender = kNoPerson;
      } else if (m.media != MediaKind::None) {
        d.kind = MessageKind::Media;
        d.media = m.media;
        // Meta's voice messages are audio files named "audioclip…".
        if (m.media == MediaKind::Audio && contains_ci(content, "audioclip")) d.media = MediaKind::Voice;
        if (kind == meta::ContentKind::Attachment) d.text = {};
      } else if (kind == meta::ContentKind::Attachment) {
        d.kind = MessageKind::Media;
        d.media = MediaKind::Other;
        d.text = repaired(m.link, scratch_.link);  // a shared post's link, or nothing
      } else if (content.empty() && !m.link.empty()) {
        d.text = repaired(m.link, scratch_.link);  // a shared link without words
      }
      ctx_.builder.add(d);
    }
    SourceReport& report = ctx_.report;
    report.platform = std::string(to_string(platform_));
    report.variant = "dyi";  // "Download your information"
    report.records = messages_.size();
    report.chats = 1;
    report.notes.push_back({"input.meta_times_utc"});
    if (reactions) report.notes.push_back({"input.reactions_read", Json::Object{{"count", reactions}}});
  }

  ImportContext& ctx_;
  Scratch& scratch_;
  const char* json_begin_ = nullptr;  // the parsed copy's first byte
  size_t bom_ = 0;                    // bytes of BOM before it in the input
  std::deque<std::string> strings_;   // repaired strings of the thread, alive until the import ends
  std::vector<Message> messages_;
  std::vector<Sender> senders_;
  std::unordered_map<std::string_view, uint32_t> sender_index_;  // by Sender::token
  uint32_t last_sender_ = kNoSender;
  std::vector<std::string> participants_;
  std::string_view title_, thread_type_, thread_path_;
  bool saw_messages_ = false, instagram_ = false;
  Platform platform_ = Platform::Messenger;
};

class MetaJson final : public Importer {
 public:
  std::string_view name() const override { return "meta-json"; }

  // An object whose keys are Meta's: "participants" first, "sender_name"/"timestamp_ms" in messages.
  int sniff(std::string_view head) const override {
    if (!meta::opens_object(head)) return 0;
    const bool participants = head.find("\"participants\"") != std::string_view::npos;
    const bool message_keys = head.find("\"sender_name\"") != std::string_view::npos &&
                              head.find("\"timestamp_ms\"") != std::string_view::npos;
    if (participants && message_keys) return 95;
    if (message_keys || (participants && (head.find("\"thread_path\"") != std::string_view::npos ||
                                          head.find("\"is_still_participant\"") != std::string_view::npos)))
      return 80;
    return 0;
  }

  void import(ImportContext& ctx) const override { Reader(ctx).run(); }
};

}  // namespace

const Importer& meta_json_importer() {
  static const MetaJson importer;
  return importer;
}

}  // namespace chatlens
