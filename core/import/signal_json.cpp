// Signal chats exported by signal-export as data.json (FORMATS.md §5): JSON Lines, one
// object per message, from models.py Message.dict():
//   {"date": "2023-05-01T10:20:30.123000", "sender": "Me", "body": "hi  ", "quote": "",
//    "sticker": null, "reactions": [["Bo", "👍"]], "attachments": [{"name": …, "path": …}],
//    "deleted": false, "call": false, "missed": false}
// A call line ("call": true) is a call even when its body is empty ("missed": a missed one).
// Each line is parsed on its own (simdjson On-Demand, one small padded buffer): a broken
// line is skipped and reported, the others are read.
#include <simdjson.h>

#include <algorithm>
#include <string>

#include "import/importer.hpp"
#include "import/line_reader.hpp"
#include "import/signal_chat.hpp"
#include "import/signal_content.hpp"
#include "model/iso8601.hpp"

namespace chatlens {
namespace {

namespace od = simdjson::ondemand;

struct Line {
  std::string_view date, sender, body, quote, attachment, sticker_text;
  bool sticker = false, deleted = false, call = false, missed = false;
  uint32_t reactions = 0;
  std::string date_copy, sender_copy, body_copy, quote_copy, attachment_copy, sticker_copy;
};

// The JSON type of a value; never throws (a broken value is an error code, as everywhere here).
simdjson::error_code type_of(od::value& v, od::json_type& t) { return v.type().get(t); }

// A string value copied out (simdjson's string buffer is reused by later strings of the line).
// Null or another type: as if absent.
simdjson::error_code read_string(od::value v, std::string& copy, std::string_view& out) {
  od::json_type t;
  if (auto e = type_of(v, t)) return e;
  if (t != od::json_type::string) return simdjson::SUCCESS;
  std::string_view s;
  if (auto e = v.get_string().get(s)) return e;
  copy.assign(s.data(), s.size());
  out = copy;
  return simdjson::SUCCESS;
}

// The first attachment's name (or the file of its path): [{"name": ..., "path": ...}, ...].
simdjson::error_code read_attachments(od::value v, Line& m) {
  od::array list;
  if (auto e = v.get_array().get(list)) return e;
  for (auto item : list) {
    od::value a;
    if (auto e = item.get(a)) return e;
    od::json_type t;
    if (auto e = type_of(a, t)) return e;
    if (!m.attachment.empty() || t != od::json_type::object) continue;
    od::object att;
    if (auto e = a.get_object().get(att)) return e;
    std::string_view name, path;
    std::string path_copy;
    for (auto f : att) {
      od::field af;
      if (auto e = std::move(f).get(af)) return e;
      std::string_view k;
      if (auto e = af.unescaped_key().get(k)) return e;
      simdjson::error_code e = simdjson::SUCCESS;
      if (k == "name")
        e = read_string(af.value(), m.attachment_copy, name);
      else if (k == "path")
        e = read_string(af.value(), path_copy, path);
      if (e) return e;
    }
    if (name.empty() && !path.empty()) {
      m.attachment_copy.assign(path.substr(path.find_last_of('/') + 1));
      name = m.attachment_copy;
    }
    m.attachment = name.empty() ? std::string_view("attachment") : name;
  }
  return simdjson::SUCCESS;
}

// "" or null: none; an emoji string; or an object with "emoji" (other versions).
simdjson::error_code read_sticker(od::value v, Line& m) {
  od::json_type t;
  if (auto e = type_of(v, t)) return e;
  if (t == od::json_type::string) {
    if (auto e = read_string(v, m.sticker_copy, m.sticker_text)) return e;
    m.sticker = !m.sticker_text.empty();
  } else if (t == od::json_type::object) {
    od::object st;
    if (auto e = v.get_object().get(st)) return e;
    m.sticker = true;
    for (auto f : st) {
      od::field sf;
      if (auto e = std::move(f).get(sf)) return e;
      std::string_view k;
      if (auto e = sf.unescaped_key().get(k)) return e;
      if (k == "emoji")
        if (auto e = read_string(sf.value(), m.sticker_copy, m.sticker_text)) return e;
    }
    if (m.sticker_text.empty()) m.sticker_text = "sticker";
  }
  return simdjson::SUCCESS;
}

simdjson::error_code read_line(od::document& doc, Line& m) {
  od::object object;
  if (auto e = doc.get_object().get(object)) return e;
  for (auto field_result : object) {
    od::field field;
    if (auto e = std::move(field_result).get(field)) return e;
    std::string_view key;
    if (auto e = field.unescaped_key().get(key)) return e;
    od::value v = field.value();
    od::json_type t;
    if (auto e = type_of(v, t)) return e;
    simdjson::error_code e = simdjson::SUCCESS;
    if (key == "date") {
      e = read_string(v, m.date_copy, m.date);
    } else if (key == "sender") {
      e = read_string(v, m.sender_copy, m.sender);
    } else if (key == "body") {
      e = read_string(v, m.body_copy, m.body);
    } else if (key == "quote") {
      e = read_string(v, m.quote_copy, m.quote);
    } else if (key == "deleted" && t == od::json_type::boolean) {
      bool b = false;
      if ((e = v.get_bool().get(b)) == simdjson::SUCCESS) m.deleted = b;
    } else if ((key == "call" || key == "missed") && t == od::json_type::boolean) {
      bool b = false;
      if ((e = v.get_bool().get(b)) == simdjson::SUCCESS) (key == "call" ? m.call : m.missed) = b;
    } else if (key == "reactions" && t == od::json_type::array) {
      od::array list;
      if ((e = v.get_array().get(list))) return e;
      for (auto item : list) {
        od::value r;
        if ((e = item.get(r))) return e;
        ++m.reactions;
      }
    } else if (key == "attachments" && t == od::json_type::array) {
      e = read_attachments(v, m);
    } else if (key == "sticker") {
      e = read_sticker(v, m);
    }
    if (e) return e;
  }
  return simdjson::SUCCESS;
}

class Reader {
 public:
  explicit Reader(ImportContext& ctx) : ctx_(ctx), bytes_(ctx.bytes), chat_(ctx) {}

  void run() {
    size_t start = 0;
    while (bytes_.substr(start, 3) == "\xEF\xBB\xBF") start += 3;
    LineReader lines{bytes_, start};
    size_t begin = 0, end = 0;
    while (lines.next(begin, end)) {
      const std::string_view text = bytes_.substr(begin, end - begin);
      if (text.find_first_not_of(" \t") == std::string_view::npos) continue;
      read(text, lines.number, begin);
    }
    chat_.finish("json");
  }

 private:
  void read(std::string_view text, uint64_t number, size_t offset) {
    if (buffer_.size() < text.size() + simdjson::SIMDJSON_PADDING)
      buffer_.resize(text.size() * 2 + simdjson::SIMDJSON_PADDING);
    std::copy(text.begin(), text.end(), buffer_.begin());
    Line m;
    od::document doc;
    simdjson::error_code e = parser_.iterate(buffer_.data(), text.size(), buffer_.size()).get(doc);
    if (!e) e = read_line(doc, m);
    if (e) {
      ctx_.report.skip(number, offset,
                       {"input.not_a_json_message", Json::Object{{"detail", simdjson::error_message(e)}}}, text);
      return;
    }
    if (m.date.empty()) {
      ctx_.report.skip(number, offset, {"input.message_without_date_plain"}, text);
      return;
    }
    const std::optional<IsoDateTime> when = parse_iso8601(m.date);
    if (!when) {
      ctx_.report.skip(number, offset, {"input.unreadable_date", Json::Object{{"date", m.date.substr(0, 40)}}}, text);
      return;
    }
    const signal::Content content = reader_.fields(m.body, m.quote, m.attachment, m.sticker, m.sticker_text, m.deleted,
                                                   m.reactions, m.call || m.missed, m.missed);
    chat_.add(m.sender, when->local, when->utc, content);
  }

  ImportContext& ctx_;
  std::string_view bytes_;
  signal::ChatWriter chat_;
  signal::ContentReader reader_;
  od::parser parser_;
  std::string buffer_;
};

class SignalJson final : public Importer {
 public:
  std::string_view name() const override { return "signal-json"; }

  // One object per line whose first keys are signal-export's.
  int sniff(std::string_view head) const override {
    const size_t first = head.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos || head[first] != '{') return 0;
    const std::string_view line = head.substr(first, head.find('\n', first) - first);
    for (std::string_view key : {"\"date\"", "\"sender\"", "\"body\""})
      if (line.find(key) == std::string_view::npos) return 0;
    return 95;
  }

  void import(ImportContext& ctx) const override { Reader(ctx).run(); }
};

}  // namespace

const Importer& signal_json_importer() {
  static const SignalJson importer;
  return importer;
}

}  // namespace chatlens
