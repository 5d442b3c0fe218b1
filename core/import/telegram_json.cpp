// Telegram Desktop "Export chat history" / "Export Telegram data" (result.json).
//
// Two shapes (FORMATS.md §2.1): a single chat, whose root object is the chat
// ({"name", "type", "id", "messages"}), and a full-account export, whose root
// holds "personal_information" and chat lists ("chats", "left_chats": {"list":
// [chat, ...]}). The outer structure is walked with JsonScanner (strict, exact
// error offsets); each "messages" array streams through simdjson in chunks
// (telegram_stream.hpp), so memory stays flat however large the export. The importer
// streams: a whole input (a mapped file) is read in place, one arriving in pieces through
// the session's window, of which only the bytes around the cursor are held.
//
// The owner ("me"): stated by personal_information.user_id in full-account
// exports. Otherwise inferred where the export leaves no doubt: in a
// personal_chat the chat id is the other party, so the one sender with another
// id is the owner; in saved_messages the chat id is the owner's own. Chats that
// disagree leave the owner undeclared (identity resolution then decides).
#include <algorithm>
#include <optional>

#include "import/importer.hpp"
#include "import/json_scan.hpp"
#include "import/telegram_chat.hpp"
#include "import/telegram_people.hpp"
#include "import/telegram_stream.hpp"
#include "text/utf8.hpp"

namespace chatlens {
namespace {

using telegram::ChatInfo;
using telegram::ChatSink;

bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

// `"key"` followed by ':' and the string `"value"`, whitespace allowed between.
bool has_string_field(std::string_view head, std::string_view key, std::string_view value) {
  for (size_t at = head.find(key); at != std::string_view::npos; at = head.find(key, at + 1)) {
    size_t i = at + key.size();
    while (i < head.size() && (head[i] == ' ' || head[i] == '\n' || head[i] == '\r' || head[i] == '\t')) ++i;
    if (i >= head.size() || head[i] != ':') continue;
    ++i;
    while (i < head.size() && (head[i] == ' ' || head[i] == '\n' || head[i] == '\r' || head[i] == '\t')) ++i;
    if (head.substr(i, value.size()) == value) return true;
  }
  return false;
}

std::string decode_string(std::string_view raw) {
  return raw.find('\\') == std::string_view::npos ? std::string(raw) : json_unescape(raw);
}

class TelegramImport {
 public:
  explicit TelegramImport(ImportContext& ctx)
      : ctx_(ctx),
        scan_(ctx.window ? JsonScanner(*ctx.window) : JsonScanner(ctx.bytes)),
        people_(ctx.builder),
        lines_(scan_),
        progress_(
            ctx.progress, scan_.size(),
            [this](uint64_t done) {
              // Line numbers are counted up to here while these bytes are still at hand, then released.
              lines_.line_at(done);
              ctx_.release_before(done);
              project(done);
            },
            // Read in pieces, the window drops what lies behind often: count lines before it does.
            scan_.in_place() ? kReleaseStep : kWindowReleaseStep) {}

  void run() {
    ctx_.report.platform = "telegram";
    // Pretty-printed messages take about 250 (old schema) to 450 bytes (current) each: room
    // for the first sixteenth, then for the rest at the rate seen there (project).
    ctx_.builder.reserve(scan_.size() / 400 / 16);
    const bool read = read_root();
    if (ctx_.window && ctx_.window->error()) {
      ctx_.report.fail(*ctx_.window->error());  // a piece that could not be read, not bad JSON
      return;
    }
    if (!read) {
      ctx_.report.fail(!scan_.failed() ? SourceMessage{"input.telegram_unreadable"}
                       : ctx_.window   ? describe_json_error(*ctx_.window, scan_.error())
                                       : describe_json_error(ctx_.bytes, scan_.error()));
      return;
    }
    people_.name_deleted_accounts();
    declare_owner();
    ctx_.report.variant = full_account_ ? "full-account" : "single-chat";
    ctx_.report.records = tally_.records;
    ctx_.report.chats = tally_.chats;
    add_notes();
    progress_.finish();
  }

 private:
  bool read_root() {
    while (scan_.view(scan_.pos(), 3).substr(0, 3) == "\xEF\xBB\xBF") scan_.seek(scan_.pos() + 3);
    if (!scan_.expect('{', "'{' (a Telegram export is a JSON object)")) return false;
    ChatSink root(ctx_, people_, reader_, tally_, lines_);
    ChatInfo info;
    bool root_is_chat = false;
    if (!read_members([&](std::string_view key) {
          if (key == "chats" || key == "left_chats") {
            full_account_ = true;
            return scan_.peek() == '{' ? read_chat_list() : scan_.skip_value();
          }
          if (key == "personal_information") {
            full_account_ = true;
            return scan_.peek() == '{' ? read_personal_information() : scan_.skip_value();
          }
          if (key == "about") full_account_ = true;
          if (key == "messages") root_is_chat = true;
          return read_chat_member(key, root, info);
        }))
      return false;
    scan_.peek();  // past trailing whitespace
    if (scan_.pos() < scan_.size()) return scan_.fail(scan_.pos(), "the end of the input after the root object");
    if (root_is_chat) {
      root.finish(info, ctx_.title_hint);
      infer_owner(info, root);
    }
    return true;
  }

  // Members of the object whose '{' was just consumed; `on_member` reads each value.
  template <class OnMember>
  bool read_members(OnMember&& on_member) {
    if (scan_.consume('}')) return true;
    for (;;) {
      std::string_view raw;
      if (scan_.peek() != '"') return scan_.fail(scan_.pos(), "a string key");
      // Done with what lies well behind (a messages array still looks back to its line's start).
      progress_.at(scan_.pos() > kKeepBehind ? scan_.pos() - kKeepBehind : 0);
      if (!scan_.read_string(raw)) return false;
      const std::string key = decode_string(raw);  // before the view `raw` may move on
      if (!scan_.expect(':', "':' after an object key")) return false;
      if (!on_member(key)) return false;
      if (scan_.consume(',')) continue;
      if (scan_.consume('}')) return true;
      return scan_.fail(scan_.pos(), "',' or '}' after an object member");
    }
  }

  // A key of a chat object (the root of a single-chat export, or a list element).
  bool read_chat_member(std::string_view key, ChatSink& sink, ChatInfo& info) {
    if (key == "messages") {
      if (scan_.peek() == '[') return arrays_.read(scan_, sink, progress_);
      const size_t at = scan_.pos();
      if (!scan_.skip_value()) return false;
      const uint64_t line = lines_.line_at(at);
      ctx_.report.skip(line, at, {"input.messages_not_an_array"}, lines_.text_at(at, 200));
      return true;
    }
    if (key == "name") return read_string_value(info.name, &info.name_null);
    if (key == "type") return read_string_value(info.type, nullptr);
    if (key == "id") return read_id_value(info.id);
    return scan_.skip_value();
  }

  // {"about": ..., "list": [chat, ...]}
  bool read_chat_list() {
    scan_.consume('{');
    return read_members([&](std::string_view key) {
      if (key != "list" || scan_.peek() != '[') return scan_.skip_value();
      scan_.consume('[');
      if (scan_.consume(']')) return true;
      for (;;) {
        if (scan_.peek() == '{') {
          if (!read_chat()) return false;
        } else {
          const size_t at = scan_.pos();
          if (!scan_.skip_value()) return false;
          const uint64_t line = lines_.line_at(at);
          ctx_.report.skip(line, at, {"input.not_a_chat_object"}, lines_.text_at(at, 200));
        }
        if (scan_.consume(',')) continue;
        if (scan_.consume(']')) return true;
        return scan_.fail(scan_.pos(), "',' or ']' after a chat");
      }
    });
  }

  bool read_chat() {
    scan_.consume('{');
    ChatSink sink(ctx_, people_, reader_, tally_, lines_);
    ChatInfo info;
    if (!read_members([&](std::string_view key) { return read_chat_member(key, sink, info); })) return false;
    sink.finish(info, {});
    infer_owner(info, sink);
    return true;
  }

  // {"user_id": 123, "first_name": "...", "last_name": "...", ...}
  bool read_personal_information() {
    scan_.consume('{');
    std::string id, first, last;
    if (!read_members([&](std::string_view key) {
          if (key == "user_id") return read_id_value(id);
          if (key == "first_name") return read_string_value(first, nullptr);
          if (key == "last_name") return read_string_value(last, nullptr);
          return scan_.skip_value();
        }))
      return false;
    if (!id.empty()) {
      std::string name = first;
      if (!first.empty() && !last.empty()) name += ' ';
      name += last;
      stated_owner_ = people_.owner("user" + id, name);
    }
    return true;
  }

  // A string (decoded) or null; anything else is skipped and leaves `out` empty.
  bool read_string_value(std::string& out, bool* is_null) {
    const char c = scan_.peek();
    if (c == '"') {
      std::string_view raw;
      if (!scan_.read_string(raw)) return false;
      out = decode_string(raw);
      return true;
    }
    if (c == 'n' && is_null) *is_null = true;
    return scan_.skip_value();
  }

  // An integer id written as a number or a string, kept as its decimal text.
  bool read_id_value(std::string& out) {
    const char c = scan_.peek();
    std::string_view token;
    if (c == '"') {
      if (!scan_.read_string(token)) return false;
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      if (!scan_.read_number(token)) return false;
    } else {
      return scan_.skip_value();
    }
    int64_t value = 0;
    if (telegram::parse_int64(token, value)) out = std::to_string(value);
    return true;
  }

  void infer_owner(const ChatInfo& info, const ChatSink& sink) {
    if (info.id.empty() || sink.too_many_senders()) return;
    const std::string chat_peer = "user" + info.id;
    std::optional<PersonId> found;
    size_t others = 0;
    for (const PersonId p : sink.senders()) {
      const bool is_chat_peer = people_.info(p).platform_id == chat_peer;
      if (info.type == "personal_chat" && !is_chat_peer) found = p, ++others;
      if (info.type == "saved_messages" && is_chat_peer) found = p, others = 1;
    }
    if (info.type == "saved_messages" && !found && sink.senders().size() == 1) found = sink.senders()[0], others = 1;
    if (found && others == 1) inferred_owners_.push_back(*found);
  }

  void declare_owner() {
    if (stated_owner_) {
      if (*stated_owner_ != kNoPerson) ctx_.builder.declare_owner(*stated_owner_);
      return;
    }
    if (inferred_owners_.empty()) return;
    for (const PersonId p : inferred_owners_) {
      if (p != inferred_owners_[0]) {
        ctx_.report.notes.push_back({"input.owner_undecided"});
        return;
      }
    }
    ctx_.builder.infer_owner(inferred_owners_[0]);
  }

  void add_notes() {
    auto& notes = ctx_.report.notes;
    if (tally_.local_from_utc)
      notes.push_back({"input.local_time_from_utc", Json::Object{{"count", tally_.local_from_utc}}});
    if (tally_.unknown_type)
      notes.push_back(
          {"input.unknown_type", Json::Object{{"count", tally_.unknown_type}, {"type", tally_.first_unknown_type}}});
    if (tally_.with_issues) {
      SourceMessage note{"input.unexpected_values", Json::Object{{"count", tally_.with_issues}}};
      SourceMessage issue{std::string(telegram::describe_issue(tally_.first_issue))};
      note.params["issue"] = issue.to_json();  // a sentence inside the sentence
      if (tally_.first_issue_message != kNoMessageId) {
        note.key = "input.unexpected_values_in_message";
        note.params["message_id"] = tally_.first_issue_message;
      }
      notes.push_back(std::move(note));
    }
  }

  // Once a sixteenth of the input is read, the columns get room for the rest at the rate of
  // messages seen: the first guess (bytes / 400) is off by half either way, and growing the
  // columns past it at millions of messages leaves the old ones as a hole WebAssembly memory
  // keeps (2.7M messages in 991 MB: columns for 2.5M, then 3.3M).
  // At most one message per 100 bytes (Telegram Desktop's layout takes 170 at the least): a
  // first sixteenth of tiny messages must not reserve for millions that never come.
  void project(uint64_t done) {
    if (projected_ || done < scan_.size() / 16) return;
    projected_ = true;
    const uint64_t so_far = ctx_.builder.message_count() - first_message_;
    const double at_rate = static_cast<double>(so_far) * static_cast<double>(scan_.size()) / static_cast<double>(done);
    const uint64_t expected = std::min<uint64_t>(static_cast<uint64_t>(at_rate), scan_.size() / 100);
    if (expected > so_far) ctx_.builder.reserve(static_cast<size_t>(expected - so_far));
  }

  static constexpr uint64_t kReleaseStep = uint64_t{4} << 20;
  static constexpr uint64_t kWindowReleaseStep = uint64_t{256} << 10;
  static constexpr size_t kKeepBehind = 4096;

  ImportContext& ctx_;
  JsonScanner scan_;
  telegram::People people_;
  telegram::MessageReader reader_;
  telegram::MessageArrayReader arrays_;
  telegram::Tally tally_;
  telegram::LineCounter lines_;
  telegram::ProgressTicker progress_;
  bool full_account_ = false;
  const size_t first_message_ = ctx_.builder.message_count();  // before this input's
  bool projected_ = false;
  std::optional<PersonId> stated_owner_;
  std::vector<PersonId> inferred_owners_;
};

class TelegramJson final : public Importer {
 public:
  std::string_view name() const override { return "telegram-json"; }
  bool streams() const override { return true; }

  // A JSON object with Telegram's top-level keys, and at least one thing only
  // Telegram writes; other JSON (Discord, Messenger, ...) scores 0.
  int sniff(std::string_view head) const override {
    const size_t first = head.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos || head[first] != '{') return 0;
    const bool layout = contains(head, "\"messages\"") || contains(head, "\"chats\"") ||
                        contains(head, "\"personal_information\"") || contains(head, "\"about\"");
    if (!layout) return 0;
    static constexpr std::string_view kKeys[] = {
        "\"personal_information\"", "\"left_chats\"",    "\"frequent_contacts\"",
        "\"date_unixtime\"",        "\"from_id\"",       "\"actor_id\"",
        "\"text_entities\"",        "\"sticker_emoji\"", "\"forwarded_from\"",
        "\"reply_to_message_id\""};
    static constexpr std::string_view kChatTypes[] = {
        "\"personal_chat\"",      "\"bot_chat\"",          "\"saved_messages\"",  "\"private_group\"",
        "\"private_supergroup\"", "\"public_supergroup\"", "\"private_channel\"", "\"public_channel\""};
    for (std::string_view key : kKeys)
      if (contains(head, key)) return 90;
    for (std::string_view type : kChatTypes)
      if (has_string_field(head, "\"type\"", type)) return 90;
    if (has_string_field(head, "\"type\"", "\"message\"") || has_string_field(head, "\"type\"", "\"service\""))
      return 70;
    return 0;
  }

  void import(ImportContext& ctx) const override { TelegramImport(ctx).run(); }
};

}  // namespace

const Importer& telegram_json_importer() {
  static const TelegramJson importer;
  return importer;
}

}  // namespace chatlens
