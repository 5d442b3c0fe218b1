// Signal chats exported by signal-export as markdown (chat.md, FORMATS.md §5):
//   [2023-05-01 10:20:30] Ana: text  \n        (then an empty line: written with print)
//   [2019-12-24, 12:23] Jane Doe: Hello John!    (older output: a comma, no seconds)
// A record runs until the next header; what a body holds is signal_content's job.
#include <algorithm>
#include <string>

#include "import/importer.hpp"
#include "import/line_reader.hpp"
#include "import/signal_chat.hpp"
#include "import/signal_content.hpp"

namespace chatlens {
namespace {

struct MarkdownHeader {
  LocalTime time;
  bool old_style = false;  // "[2019-12-24, 12:23]"
  size_t body = 0;         // offset in the line after "] "
};

bool digits(std::string_view s, size_t at, size_t n, int& value) {
  value = 0;
  if (at + n > s.size()) return false;
  for (size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    value = value * 10 + (s[i] - '0');
  }
  return true;
}

// "[YYYY-MM-DD HH:MM:SS] " or "[YYYY-MM-DD, HH:MM] ".
bool parse_header(std::string_view line, MarkdownHeader& h) {
  int y = 0, mo = 0, d = 0, hh = 0, mi = 0, ss = 0;
  if (line.size() < 19 || line[0] != '[' || !digits(line, 1, 4, y) || line[5] != '-' || !digits(line, 6, 2, mo) ||
      line[8] != '-' || !digits(line, 9, 2, d))
    return false;
  size_t at = 11;
  h.old_style = line[at] == ',';
  if (h.old_style) ++at;
  if (at >= line.size() || line[at] != ' ') return false;
  ++at;
  if (!digits(line, at, 2, hh) || at + 2 >= line.size() || line[at + 2] != ':' || !digits(line, at + 3, 2, mi))
    return false;
  at += 5;
  if (!h.old_style) {
    if (at >= line.size() || line[at] != ':' || !digits(line, at + 1, 2, ss)) return false;
    at += 3;
  }
  if (at >= line.size() || line[at] != ']') return false;
  ++at;
  if (at < line.size() && line[at] == ' ') ++at;
  if (!is_valid_date(y, mo, d) || hh > 23 || mi > 59 || ss > 59) return false;
  h.time = LocalTime::from_civil(y, mo, d, hh, mi, ss);
  h.body = at;
  return true;
}

bool is_blank(std::string_view line) { return line.find_first_not_of(" \t") == std::string_view::npos; }

class Reader {
 public:
  explicit Reader(ImportContext& ctx) : ctx_(ctx), bytes_(ctx.bytes), chat_(ctx) {}

  void run() {
    size_t start = 0;
    while (bytes_.substr(start, 3) == "\xEF\xBB\xBF") start += 3;
    LineReader lines{bytes_, start};
    size_t begin = 0, end = 0;
    MarkdownHeader h;
    while (lines.next(begin, end)) {
      const std::string_view line = bytes_.substr(begin, end - begin);
      if (parse_header(line, h)) {
        if (open_) flush();
        open_ = true;
        old_style_ |= h.old_style;
        new_style_ |= !h.old_style;
        time_ = h.time;
        line_ = lines.number;
        body_ = begin + h.body;
        end_ = end;
      } else if (is_blank(line)) {
        // Kept when more text follows; every record is followed by one.
      } else if (open_) {
        end_ = end;
      } else {
        ctx_.report.skip(lines.number, begin, "line before the first message header", line);
      }
    }
    if (open_) flush();
    chat_.finish(old_style_ && !new_style_ ? "markdown-old" : "markdown");
  }

 private:
  void flush() {
    std::string_view record = bytes_.substr(body_, end_ - body_);
    if (record.find('\r') != std::string_view::npos) {  // written on Windows: CRLF
      crlf_.clear();
      for (char c : record)
        if (c != '\r') crlf_ += c;
      record = crlf_;
    }
    // "Sender: body": the first ": " (or a line ending in ':' when the body starts below).
    const size_t first_end = std::min(record.find('\n'), record.size());
    size_t colon = record.substr(0, first_end).find(": ");
    size_t body_at = colon + 2;
    if (colon == std::string_view::npos && first_end > 0 && record[first_end - 1] == ':')
      colon = first_end - 1, body_at = first_end;
    if (colon == std::string_view::npos) {
      ctx_.report.skip(line_, body_, "message header without \"Sender: \"", record.substr(0, first_end));
      return;
    }
    const std::string_view sender = record.substr(0, colon);
    const signal::Content content = reader_.markdown(record.substr(body_at));
    chat_.add(sender, time_, kNoUtc, content);
  }

  ImportContext& ctx_;
  std::string_view bytes_;
  signal::ChatWriter chat_;
  signal::ContentReader reader_;
  std::string crlf_;
  bool open_ = false, old_style_ = false, new_style_ = false;
  LocalTime time_;
  uint64_t line_ = 0;
  size_t body_ = 0, end_ = 0;
};

class SignalMarkdown final : public Importer {
 public:
  std::string_view name() const override { return "signal-markdown"; }

  // WhatsApp iOS headers look alike ("[2022-03-27 21:41:35] Ana: hi"): only claim the
  // input when signal-export's own traces are there. Its older output has no seconds (iOS
  // always writes them); its current one ends every record with two spaces and an empty
  // line (markdown line break, then print's newline).
  int sniff(std::string_view head) const override {
    LineReader lines{head};
    size_t begin = 0, end = 0;
    MarkdownHeader h;
    int headers = 0, old_style = 0, signed_off = 0, after_blank = 0;
    bool last_was_record_end = false, last_blank = false;
    while (lines.number < 60 && lines.next(begin, end)) {
      const std::string_view line = head.substr(begin, end - begin);
      const bool blank = is_blank(line);
      if (parse_header(line, h)) {
        after_blank += headers > 0 && last_blank;  // every record but the first follows an empty line
        ++headers;
        old_style += h.old_style;
      }
      // A non-blank line ending in two spaces, followed by an empty line.
      if (blank && last_was_record_end) ++signed_off;
      last_was_record_end = !blank && line.size() >= 2 && line.substr(line.size() - 2) == "  ";
      last_blank = blank;
    }
    if (!headers) return 0;
    if (old_style == headers) return 95;
    if (old_style == 0 && (signed_off * 2 >= headers || (headers >= 2 && after_blank * 2 >= headers))) return 95;
    return 0;
  }

  void import(ImportContext& ctx) const override { Reader(ctx).run(); }
};

}  // namespace

const Importer& signal_markdown_importer() {
  static const SignalMarkdown importer;
  return importer;
}

}  // namespace chatlens
