// DiscordChatExporter JSON (FORMATS.md §4): one channel per file,
//   {"guild": {...}, "channel": {...}, "dateRange": {...}, "exportedAt": "…",
//    "messages": [...], "messageCount": N}
// every exporter version (keys missing before 2.40 simply absent). The outer object is
// walked with JsonScanner (strict, exact error offsets); the "messages" array streams
// through simdjson in chunks (telegram_stream.hpp), so memory stays flat. DCE exports
// say nothing of who exported them: the owner is left to identity resolution.
#include "import/discord_chat.hpp"
#include "import/importer.hpp"
#include "import/json_scan.hpp"
#include "import/telegram_stream.hpp"

namespace chatlens {
namespace {

using discord::ChannelInfo;

std::string decode_string(std::string_view raw) {
  return raw.find('\\') == std::string_view::npos ? std::string(raw) : json_unescape(raw);
}

bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

class DiscordImport {
 public:
  explicit DiscordImport(ImportContext& ctx)
      : ctx_(ctx), scan_(ctx.bytes), lines_(ctx.bytes), progress_(ctx.progress, ctx.bytes.size()) {}

  void run() {
    ctx_.report.platform = "discord";
    // Pretty-printed messages take about 700 bytes each.
    ctx_.builder.reserve(ctx_.bytes.size() / 700);
    discord::ChatSink sink(ctx_, tally_, lines_);
    if (!read_root(sink)) {
      ctx_.report.fail(scan_.failed() ? describe_json_error(ctx_.bytes, scan_.error())
                                      : SourceMessage{"input.discord_unreadable"});
      return;
    }
    sink.finish(info_);
    ctx_.report.variant = exported_at_ ? "dce" : "dce-pre-2.40";
    ctx_.report.records = tally_.records;
    ctx_.report.chats = 1;
    add_notes();
    progress_.finish();
  }

 private:
  bool read_root(discord::ChatSink& sink) {
    while (ctx_.bytes.substr(scan_.pos(), 3) == "\xEF\xBB\xBF") scan_.seek(scan_.pos() + 3);
    if (!scan_.expect('{', "'{' (a DiscordChatExporter export is a JSON object)")) return false;
    if (!read_members([&](std::string_view key) {
          if (key == "guild")
            return read_object([&](std::string_view k) {
              if (k == "id") return read_string_value(info_.guild_id);
              if (k == "name") return read_string_value(info_.guild_name);
              return scan_.skip_value();
            });
          if (key == "channel")
            return read_object([&](std::string_view k) {
              if (k == "id") return read_string_value(info_.id);
              if (k == "type") return read_string_value(info_.type);
              if (k == "name") return read_string_value(info_.name);
              if (k == "category") return read_string_value(info_.category);
              return scan_.skip_value();
            });
          if (key == "exportedAt") exported_at_ = true;
          if (key == "messages") {
            if (scan_.peek() == '[') return arrays_.read(scan_, sink, progress_);
            const size_t at = scan_.pos();
            if (!scan_.skip_value()) return false;
            ctx_.report.skip(lines_.line_at(at), at, {"input.messages_not_an_array"}, ctx_.bytes.substr(at, 200));
            return true;
          }
          return scan_.skip_value();
        }))
      return false;
    scan_.peek();  // past trailing whitespace
    if (scan_.pos() < ctx_.bytes.size()) return scan_.fail(scan_.pos(), "the end of the input after the root object");
    return true;
  }

  // Members of the object whose '{' was just consumed; `on_member` reads each value.
  template <class OnMember>
  bool read_members(OnMember&& on_member) {
    if (scan_.consume('}')) return true;
    for (;;) {
      std::string_view raw;
      if (scan_.peek() != '"') return scan_.fail(scan_.pos(), "a string key");
      if (!scan_.read_string(raw) || !scan_.expect(':', "':' after an object key")) return false;
      if (!on_member(decode_string(raw))) return false;
      if (scan_.consume(',')) continue;
      if (scan_.consume('}')) return true;
      return scan_.fail(scan_.pos(), "',' or '}' after an object member");
    }
  }

  // An object value read member by member; null or another type is skipped.
  template <class OnMember>
  bool read_object(OnMember&& on_member) {
    if (!scan_.consume('{')) return scan_.skip_value();
    return read_members(on_member);
  }

  // A string (decoded); anything else is skipped and leaves `out` empty.
  bool read_string_value(std::string& out) {
    if (scan_.peek() != '"') return scan_.skip_value();
    std::string_view raw;
    if (!scan_.read_string(raw)) return false;
    out = decode_string(raw);
    return true;
  }

  void add_notes() {
    auto& notes = ctx_.report.notes;
    if (tally_.duplicates) notes.push_back({"input.duplicate_messages", Json::Object{{"count", tally_.duplicates}}});
    if (tally_.bots) notes.push_back({"input.bots_left_out", Json::Object{{"count", tally_.bots}}});
    if (tally_.unknown_type)
      notes.push_back(
          {"input.unknown_type", Json::Object{{"count", tally_.unknown_type}, {"type", tally_.first_unknown_type}}});
    if (tally_.reactions) notes.push_back({"input.reactions_read", Json::Object{{"count", tally_.reactions}}});
    if (tally_.with_issues) {
      SourceMessage note{"input.unexpected_values", Json::Object{{"count", tally_.with_issues}}};
      SourceMessage issue{std::string(telegram::describe_issue(tally_.first_issue))};
      note.params["issue"] = issue.to_json();
      if (tally_.first_issue_message != kNoMessageId) {
        note.key = "input.unexpected_values_in_message";
        note.params["message_id"] = tally_.first_issue_message;
      }
      notes.push_back(std::move(note));
    }
  }

  ImportContext& ctx_;
  JsonScanner scan_;
  telegram::LineCounter lines_;
  telegram::ProgressTicker progress_;
  telegram::MessageArrayReader arrays_;
  discord::Tally tally_;
  ChannelInfo info_;
  bool exported_at_ = false;
};

class DiscordJson final : public Importer {
 public:
  std::string_view name() const override { return "discord-json"; }

  // DCE writes "guild" first, then "channel": both in the head, nothing else writes that pair.
  int sniff(std::string_view head) const override {
    const size_t first = head.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos || head[first] != '{') return 0;
    if (!contains(head, "\"guild\"")) return 0;
    return contains(head, "\"channel\"") || contains(head, "\"messages\"") ? 95 : 60;
  }

  void import(ImportContext& ctx) const override { DiscordImport(ctx).run(); }
};

}  // namespace

const Importer& discord_json_importer() {
  static const DiscordJson importer;
  return importer;
}

}  // namespace chatlens
