// WhatsApp "Export chat" text (the .txt, or _chat.txt inside the .zip): the
// record loop. Header shapes and day/month order are in whatsapp_header,
// localised strings in whatsapp_templates, what a body is in whatsapp_classify.
//
// Two passes over the bytes: the first finds the header shape the file starts
// with (the most frequent among its first headers) and its day/month order (over
// all headers of that shape, FORMATS.md §1.5, stopping early only once the
// evidence is overwhelmingly one-sided), the second cuts records and adds
// messages. A file can change shape partway (the phone's locale changed, exports
// were joined): the second pass then starts a new run with its own shape and
// order, deciding the order of each shape once. The builder copies the texts; the
// bytes behind the cursor are released as the passes go (ImportContext::release_before).
//
// Every pass reads lines through the input's window (window_lines.hpp): in place for a
// whole input (a mapped file), otherwise piece by piece in bounded memory, the open record
// kept in view. Looking ahead from a header (is a new run starting? which order has it?)
// reads through a second window, so the record loop's view stays put.
#include <algorithm>
#include <cstring>
#include <deque>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "base/byte_ops.hpp"
#include "import/importer.hpp"
#include "import/line_reader.hpp"
#include "import/whatsapp_classify.hpp"
#include "import/whatsapp_header.hpp"
#include "import/window_lines.hpp"
#include "text/utf8.hpp"

namespace chatlens {
namespace {

using namespace whatsapp;

constexpr uint64_t kProgressStep = uint64_t{4} << 20;
// Headers a new shape must go on for, without the current one coming back, to start
// a new run inside a message (fewer: lines pasted into that message).
constexpr int kRunWindow = 32;

// Cheap test before parsing: a header starts with a digit, '[', an uppercase
// month name, or a mark / Arabic digit (non-ASCII lead byte).
bool may_start_header(char c) {
  const auto b = static_cast<unsigned char>(c);
  return (b >= '0' && b <= '9') || b == '[' || (b >= 'A' && b <= 'Z') || b >= 0xC0;
}

bool is_blank(std::string_view line) {
  for (char c : line)
    if (c != ' ' && c != '\t') return false;
  return true;
}

// ", “, ”, „, «, 「: quotes around group names in system lines.
bool has_quote(std::string_view s) {
  // Names are short and mostly ASCII: eight bytes at a time while none is '"' or >= 0x80.
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    constexpr uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    const uint64_t q = w ^ (kOnes * '"');
    if ((w | ((q - kOnes) & ~q)) & kHigh) break;
  }
  for (; i < s.size(); ++i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b == '"') return true;
    if (b < 0xC2 || i + 1 >= s.size()) continue;
    const auto b1 = static_cast<unsigned char>(s[i + 1]);
    if (b == 0xC2 && b1 == 0xAB) return true;
    if (i + 2 >= s.size()) continue;
    const auto b2 = static_cast<unsigned char>(s[i + 2]);
    if (b == 0xE2 && b1 == 0x80 && b2 >= 0x9C && b2 <= 0x9E) return true;
    if (b == 0xE3 && b1 == 0x80 && b2 == 0x8C) return true;
  }
  return false;
}

// The first ": " (the author/body separator).
size_t find_colon_space(std::string_view s) {
  for (size_t at = 0; (at += bytes::find(s.data() + at, s.size() - at, ':')) < s.size(); ++at)
    if (at + 1 < s.size() && s[at + 1] == ' ') return at;
  return std::string_view::npos;
}

bool iequal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x + 32);
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y + 32);
    if (x != y) return false;
  }
  return true;
}

// A line's shape with every run of ASCII digits written as one '9' and every run
// of ASCII letters as one 'a': "12/31/22, 21:0" -> "9/9/9, 9:9".
std::string shape_of_line(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    const char c = s[i];
    const bool digit = c >= '0' && c <= '9', letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!digit && !letter) {
      out += c;
      ++i;
      continue;
    }
    out += digit ? '9' : 'a';
    while (i < s.size() && ((s[i] >= '0' && s[i] <= '9') == digit) &&
           (digit || (s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')))
      ++i;
  }
  return out;
}

// LRM, RLM, LRE..RLO at `p` (three bytes): the marks around names and notices.
bool mark3(const char* p) {
  const auto b1 = static_cast<unsigned char>(p[1]), b2 = static_cast<unsigned char>(p[2]);
  return static_cast<unsigned char>(p[0]) == 0xE2 && b1 == 0x80 &&
         (b2 == 0x8E || b2 == 0x8F || (b2 >= 0xAA && b2 <= 0xAE));
}

// Whether `text` starts with the name `author` (direction marks aside) followed by a space
// or "'s"; rare outside system notices.
__attribute__((noinline)) bool names_author(std::string_view text, std::string_view author) {
  while (text.size() >= 3 && mark3(text.data())) text.remove_prefix(3);
  while (author.size() >= 3 && mark3(author.data())) author.remove_prefix(3);
  while (author.size() >= 3 && mark3(author.data() + author.size() - 3)) author.remove_suffix(3);
  if (author.empty() || text.size() <= author.size() || text[0] != author[0] ||
      text.compare(0, author.size(), author) != 0)
    return false;
  const auto next = static_cast<unsigned char>(text[author.size()]);
  return next == ' ' || next == '\'' || next == 0xE2;  // "X turned on…", "X's security code…", "X’s…"
}

// The same for the header line's "Author: text" (author up to `colon`): decided on the
// first byte for nearly every message, the common case kept out of the record loop.
__attribute__((always_inline)) inline bool text_names_author(std::string_view line, size_t colon) {
  const size_t at = colon + 2;
  if (at >= line.size() || colon == 0) return false;
  const auto t0 = static_cast<unsigned char>(line[at]), a0 = static_cast<unsigned char>(line[0]);
  if (t0 != a0 && t0 != 0xE2 && a0 != 0xE2) return false;
  return names_author(line.substr(at), line.substr(0, colon));
}

// a == b, by pointers and sizes: string_view's operator== takes its views by value, through
// memory in WebAssembly when not inlined (see parse_header).
inline bool same_bytes(const char* a, size_t a_size, const char* b, size_t b_size) {
  return a_size == b_size && (a_size == 0 || std::memcmp(a, b, a_size) == 0);
}

// Bytes someone else holds, read in place.
class ViewInput final : public WholeInput {
 public:
  explicit ViewInput(std::string_view bytes) : bytes_(bytes) {}
  std::string_view bytes() const override { return bytes_; }

 private:
  std::string_view bytes_;
};

std::string_view variant_name(HeaderStyle style) {
  switch (style) {
    case HeaderStyle::Dash: return "android";
    case HeaderStyle::Bracket: return "ios";
    case HeaderStyle::Colon: return "ios-2017";
    case HeaderStyle::Space: return "no-separator";
  }
  return "android";
}

// The whole import of one file; lives for one call.
class Reader {
 public:
  Reader(ImportContext& ctx, InputWindow& window, InputBytes* input)
      : ctx_(ctx), window_(window), input_(input), size_(window.size()) {}
  void run();

 private:
  struct Record {
    LocalTime time;
    uint64_t body = 0;       // where the text after the header starts
    uint64_t first_end = 0;  // end of the header line
    uint64_t end = 0;        // end of the last line with content
    uint64_t line = 0;       // of the header
    uint64_t begin = 0;      // of the header line: what the window keeps while the record is open
  };

  bool choose_shape();
  bool detect();
  void progress(uint64_t done) const {
    if (ctx_.progress) (*ctx_.progress)(done, size_);
  }
  // A whole input's pages behind `offset` go back; a window drops what lies behind its views
  // by itself (the views of `lines` would not survive an explicit release).
  void release_before(const WindowLines& lines, uint64_t offset) const {
    if (lines.is_whole()) ctx_.release_before(offset);
  }
  // Lines from `from` for a look ahead: in place for a whole input, else through a second window.
  WindowLines ahead(uint64_t from);
  static bool is_header(const WindowLines& lines, Header& h);
  bool header_at(const WindowLines& lines, bool open, Header& h, LocalTime& time);
  bool switch_shape(uint64_t begin, uint64_t number, bool open, const Header& h);
  // The last line of a file that ends without a line break, cut inside a header:
  // "12/31/22, 21:0" (the date or time), or "12/31/22, 21:05 - An" (the author).
  bool cut_inside_header(std::string_view line, std::string_view last_header) const;
  bool cut_inside_author(std::string_view line, const Header& h) const;
  bool run_starts(uint64_t begin, const HeaderShape& shape, bool open);
  DateOrder order_for(int layout, uint64_t from);
  void flush(const WindowLines& lines, const Record& r);
  bool is_event_noinline(std::string_view text);
  // The author as pointer and size: see parse_header (whatsapp_header.hpp).
  PersonId person(const char* data, size_t size);
  void finish_chat();

  ImportContext& ctx_;
  InputWindow& window_;
  InputBytes* input_;                 // what window_ reads, for the look-ahead window
  std::optional<InputWindow> ahead_;  // that window, made on the first look ahead
  uint64_t size_;
  uint64_t start_ = 0;         // after leading BOMs
  HeaderShape shape_;          // of the current run of lines
  int layout_ = kYearLayouts;  // year layout of the last header; order_ is its order
  DateOrder order_ = DateOrder::DMY;
  HeaderStyle file_style_ = HeaderStyle::Dash;  // of the first run, for the report
  DateOrder file_order_ = DateOrder::DMY;       // of the most frequent layout of the first run, for the report
  struct KnownOrder {
    HeaderShape shape;
    int layout;
    DateOrder order;
  };
  std::vector<KnownOrder> orders_;  // decided once per shape and year layout
  uint64_t order_budget_ = 0;       // bytes later runs may still read to decide their order
  uint64_t text_until_ = 0;         // headers of another shape before this offset are pasted text
  uint64_t shape_changes_ = 0, first_change_line_ = 0;
  bool month_names_ = false;
  uint64_t expected_records_ = 0;

  // Month-name headers without a year ("Mar 5"): the year is counted back from the
  // caller's today, one year per month roll-over still ahead, and one more when the
  // last such date would fall after today.
  uint64_t yearless_rollovers_ = 0;
  int yearless_year_ = 0;
  int last_yearless_month_ = 0;
  uint64_t last_written_ = UINT64_MAX;  // the last date as written (fields, year position), and its day
  int64_t last_day_ = 0;

  BodyClassifier classifier_;
  ChatId chat_ = 0;
  uint64_t records_ = 0;
  // Authors as written, keyed by views of names_ (the input's bytes do not stay).
  std::deque<std::string> names_;
  std::unordered_map<std::string_view, PersonId> people_;
  uint64_t record_line_ = 0;  // the header line of the record being flushed
  std::string_view last_author_;
  PersonId last_person_ = kNoPerson;
  struct CachedAuthor {
    std::string_view name;
    PersonId person = kNoPerson;
  } cache_[64];
  std::unordered_set<PersonId> senders_;
  bool group_events_ = false;
  bool appended_export_ = false;
  std::string group_name_;
  std::string notice_author_;  // who iOS attributed the encryption notice to
  bool owner_declared_ = false;
};

bool Reader::choose_shape() {
  // The most frequent shape among the first headers, so that a preface line that
  // happens to look like a header cannot impose its shape on the whole file.
  struct Seen {
    HeaderShape shape;
    int count;
  };
  std::vector<Seen> seen;
  WindowLines lines(window_, start_);
  Header h;
  for (int headers = 0; headers < 64 && lines.next();) {
    const std::string_view line = lines.line();
    if (line.empty() || !may_start_header(line[0])) continue;
    if (!parse_header(line, h) || !plausible_date(h)) continue;
    ++headers;
    const HeaderShape shape = HeaderShape::of(h);
    auto it = std::find_if(seen.begin(), seen.end(), [&](const Seen& s) { return s.shape.same(shape); });
    if (it == seen.end())
      seen.push_back({shape, 1});
    else
      ++it->count;
  }
  if (seen.empty()) return false;
  // The first of the most frequent shapes.
  shape_ =
      std::max_element(seen.begin(), seen.end(), [](const Seen& a, const Seen& b) { return a.count < b.count; })->shape;
  return true;
}

bool Reader::detect() {
  if (!choose_shape()) return false;
  WindowLines lines(window_, start_);
  // One detector per year layout: "6/30/23" and "30/6/2023" in one file have different orders.
  DateOrderDetector detectors[kYearLayouts];
  uint64_t observed[kYearLayouts] = {};
  int unsettled = 0;
  Header h;
  bool stopped = false;
  uint64_t headers = 0;
  int last_month = 0, last_day = 0;
  uint64_t next_progress = kProgressStep;
  while (lines.next()) {
    if (lines.pos() >= next_progress) {
      progress(lines.pos() / 4);  // the first pass is about a quarter of the work
      release_before(lines, lines.begin());
      next_progress = lines.pos() + kProgressStep;
    }
    const std::string_view line = lines.line();
    if (line.empty() || !may_start_header(line[0])) continue;
    if (!parse_header(line, lines.readable(lines.begin()), h) || !plausible_date(h) || !shape_.accepts(h)) continue;
    const int layout = year_layout(h);
    DateOrderDetector& detector = detectors[layout];
    if (observed[layout]++ == 0) ++unsettled;
    const bool was_settled = detector.settled();
    detector.observe(h);
    ++headers;
    if (!was_settled && detector.settled() && --unsettled == 0) {
      stopped = true;
      break;
    }
    month_names_ |= h.month_name;
    if (h.month_name && !h.has_year) {
      if (last_month && h.field[1] < last_month) ++yearless_rollovers_;
      last_month = h.field[1];
      last_day = h.field[0];
    }
  }
  int most = 0;
  for (int layout = 0; layout < kYearLayouts; ++layout) {
    if (!observed[layout]) continue;
    orders_.push_back({shape_, layout, detectors[layout].decide()});
    if (observed[layout] > observed[most]) most = layout;
  }
  file_order_ = detectors[most].decide();
  file_style_ = shape_.style;
  order_budget_ = size_;
  // Messages to expect: exact when every line was read, else extrapolated with a little slack.
  const uint64_t scanned = lines.pos() - start_, total = size_ - start_;
  expected_records_ = stopped && scanned ? headers * total / scanned + headers / 16 + 16 : headers;
  const CivilDate today = ctx_.today;
  const bool after_today = last_month > today.month || (last_month == today.month && last_day > today.day);
  yearless_year_ = today.year - static_cast<int>(yearless_rollovers_) - (last_month && after_today ? 1 : 0);
  return true;
}

bool Reader::is_header(const WindowLines& lines, Header& h) {
  const std::string_view line = lines.line();
  return !line.empty() && may_start_header(line[0]) && parse_header(line, lines.readable(lines.begin()), h) &&
         plausible_date(h);
}

WindowLines Reader::ahead(uint64_t from) {
  if (window_.is_whole() || !input_) return WindowLines(window_, from);
  if (!ahead_) ahead_.emplace(*input_, window_.chunk_bytes());
  return WindowLines(*ahead_, from);
}

// Whether a run of `shape` starts at the header line at `begin`: the next header has that
// shape too (unless an earlier run had it: exports joined A, B, A) and, inside a message
// (`open`), the current shape does not come back within kRunWindow headers. When it does
// come back, every header before it is pasted text.
bool Reader::run_starts(uint64_t begin, const HeaderShape& shape, bool open) {
  const bool known =
      std::any_of(orders_.begin(), orders_.end(), [&](const KnownOrder& k) { return k.shape.same(shape); });
  WindowLines lines = ahead(begin);
  lines.next();  // the line itself
  Header h;
  int seen = 0;
  while (lines.next()) {
    if (!is_header(lines, h)) continue;
    if (shape_.accepts(h)) {
      if (open) text_until_ = lines.begin();
      return false;
    }
    if (seen == 0 && !known && !shape.accepts(h)) return false;  // a single line of a new shape
    if (!open || ++seen >= kRunWindow) return true;
  }
  return seen > 0 || known;
}

// The day/month order of the headers of the current shape and this year layout, from
// `from` on: decided once per shape and layout, within a budget of one more reading of the
// file whatever the number of runs.
DateOrder Reader::order_for(int layout, uint64_t from) {
  for (const KnownOrder& k : orders_)
    if (k.layout == layout && k.shape.same(shape_)) return k.order;
  DateOrderDetector detector;
  WindowLines lines = ahead(from);
  Header h;
  while (order_budget_ && lines.next()) {
    order_budget_ -= std::min<uint64_t>(order_budget_, lines.pos() - lines.begin());
    if (!is_header(lines, h) || !shape_.accepts(h) || year_layout(h) != layout) continue;
    detector.observe(h);
    if (detector.settled()) break;
  }
  const DateOrder order = detector.decide();
  orders_.push_back({shape_, layout, order});
  return order;
}

// A header of another shape than the current run's. It starts a new run when it follows a
// BOM (an export appended to another) or when run_starts() says so; else it is text.
bool Reader::switch_shape(uint64_t begin, uint64_t number, bool open, const Header& h) {
  if (!plausible_date(h)) return false;
  const HeaderShape shape = HeaderShape::of(h);
  if (h.bom_led)
    appended_export_ = true;
  else if ((open && begin < text_until_) || !run_starts(begin, shape, open))
    return false;
  shape_ = shape;
  layout_ = kYearLayouts;  // the order is looked up again
  last_written_ = UINT64_MAX;
  month_names_ |= h.month_name;
  if (open && shape_changes_++ == 0) first_change_line_ = number;
  return true;
}

bool Reader::header_at(const WindowLines& lines, bool open, Header& h, LocalTime& time) {
  const std::string_view line = lines.line();
  if (line.empty() || !may_start_header(line[0]) || !parse_header(line, lines.readable(lines.begin()), h)) return false;
  if (!shape_.accepts(h) && !switch_shape(lines.begin(), lines.number(), open, h)) return false;
  if (h.month_name && !h.has_year) {
    if (last_yearless_month_ && h.field[1] < last_yearless_month_) ++yearless_year_;
    last_yearless_month_ = h.field[1];
  }
  // Consecutive messages mostly share their date as written: it is resolved once per date.
  // The year layout is part of what is written, so its order is looked up here too.
  const uint64_t written = h.field[0] | uint64_t{h.field[1]} << 16 | uint64_t{h.field[2]} << 32 |
                           uint64_t{static_cast<uint8_t>(h.year_at)} << 48 | uint64_t{h.month_name} << 56;
  if (written != last_written_ || (h.month_name && !h.has_year)) {
    const int was_layout = layout_;
    const DateOrder was_order = order_;
    if (const int layout = year_layout(h); layout != layout_) {
      order_ = order_for(layout, lines.begin());
      layout_ = layout;
    }
    int y = 0, m = 0, d = 0;
    if (!resolve_date(h, order_, yearless_year_, y, m, d)) {
      layout_ = was_layout, order_ = was_order;  // not a header: the current run goes on
      return false;
    }
    const bool new_layout = was_layout != layout_ && was_layout != kYearLayouts;
    last_written_ = written;
    last_day_ = days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
    if (new_layout && open && shape_changes_++ == 0) first_change_line_ = lines.number();
  }
  time.seconds = last_day_ * 86400 + hour24(h) * 3600 + h.minute * 60 + h.second;
  return true;
}

PersonId Reader::person(const char* data, size_t size) {
  const std::string_view raw(data, size);
  if (same_bytes(data, size, last_author_.data(), last_author_.size()) && last_person_ != kNoPerson)
    return last_person_;
  // A small direct-mapped cache in front of the map: chats have few authors.
  const auto* b = reinterpret_cast<const unsigned char*>(raw.data());
  const size_t slot = raw.empty() ? 0 : (raw.size() * 131 + b[0] * 31 + b[raw.size() - 1] * 7 + b[raw.size() / 2]) & 63;
  if (cache_[slot].person != kNoPerson && same_bytes(data, size, cache_[slot].name.data(), cache_[slot].name.size())) {
    last_author_ = cache_[slot].name;
    return last_person_ = cache_[slot].person;
  }
  auto it = people_.find(raw);
  if (it == people_.end()) {
    const std::string_view key = names_.emplace_back(raw);
    std::string name = normalize_name(raw);
    if (name.empty()) name.push_back('?');  // an author made of marks only
    const PersonId id = ctx_.builder.person(Platform::WhatsApp, name);
    ctx_.builder.note_first_seen(id, ctx_.source, record_line_);
    it = people_.emplace(key, id).first;
    senders_.insert(id);
  }
  cache_[slot] = {it->first, it->second};
  last_author_ = it->first;
  last_person_ = it->second;
  return it->second;
}

bool Reader::cut_inside_header(std::string_view line, std::string_view last_header) const {
  if (last_header.empty() || line.size() >= last_header.size() + 2) return false;
  const std::string cut = shape_of_line(line), whole = shape_of_line(last_header);
  return cut.size() >= 3 && cut.size() < whole.size() && whole.compare(0, cut.size(), cut) == 0;
}

bool Reader::cut_inside_author(std::string_view line, const Header& h) const {
  const std::string_view body = line.substr(h.body);
  if (body.empty()) return true;
  if (find_colon_space(body) != std::string_view::npos || body.back() == ':') return false;
  // A real system line never reads as the start of a participant's name.
  for (const auto& [author, person] : people_)
    if (author.substr(0, body.size()) == body) return true;
  return false;
}

// "John Doe:." — a disappearing message: media of unknown type.
Body vanished_body() {
  Body b;
  b.kind = MessageKind::Media;
  b.media = MediaKind::Other;
  return b;
}

// Out of the record loop's way: rarely reached (the text starts with its author's name).
__attribute__((noinline)) bool Reader::is_event_noinline(std::string_view text) { return classifier_.is_event(text); }

void Reader::flush(const WindowLines& lines, const Record& r) {
  record_line_ = r.line;
  const std::string_view all = lines.view(r.body, r.end);
  const std::string_view first = lines.view(r.body, r.first_end);

  // Author and body split at the first ": " of the header line.
  std::string_view author, body;
  bool authored = false, vanished = false, same_line = true;
  if (const size_t colon = find_colon_space(first); colon != std::string_view::npos) {
    author = first.substr(0, colon);
    body = all.substr(colon + 2);
    authored = true;
  } else if (!first.empty() && first.back() == ':') {
    // "Carol:" with nothing after it
    author = first.substr(0, first.size() - 1);
    body = all.substr(first.size());
    while (!body.empty() && (body.front() == '\r' || body.front() == '\n')) body.remove_prefix(1);
    authored = true;
    same_line = false;
  } else if (first.size() > 2 && first.substr(first.size() - 2) == ":.") {
    // "John Doe:." — a disappearing message in chat-miner's historic samples
    author = first.substr(0, first.size() - 2);
    authored = vanished = true;
  }
  // System texts may contain ": " inside quoted group names.
  if (authored && (is_blank(author) || (has_quote(author) && classifier_.is_event(first)))) authored = false;
  // An encryption notice without author whose text happens to contain ": " (names are shorter).
  if (authored && author.size() > 24 && Templates::get().may_start(fold_key(first)) && classifier_.is_notice(first))
    authored = false;

  MessageDraft m;
  m.chat = chat_;
  m.time = r.time;
  if (authored) {
    // Built in place (a Body assigned from a returned one is copied in wide words the
    // classifier wrote in narrow ones: a stall per message in WebAssembly).
    Body b = vanished
                 ? vanished_body()
                 : classifier_.authored_bytes(body.data(), body.size(),
                                              same_line ? first.size() - author.size() - 2 : std::string_view::npos);
    bool notice_by_author = false;
    if (!vanished) {
      // "X: X updated the message timer. …": a system notice written with its subject as author.
      if (b.kind == MessageKind::Text && same_line && text_names_author(first, author.size()) &&
          is_event_noinline(first.substr(author.size() + 2))) {
        const SystemLine s = classifier_.system(body);
        b.kind = MessageKind::System;
        b.text = s.text;
        notice_by_author = true;
        group_events_ |= s.group_event;
        if (!s.group_name.empty()) group_name_ = s.group_name;
      }
    }
    m.kind = b.kind;
    m.media = b.media;
    m.text = std::string_view(b.text.data(), b.text.size());  // field by field, as b was written
    m.flags = b.edited ? kEdited : 0;
    if (b.notice) {
      if (notice_author_.empty() && b.kind == MessageKind::System)
        notice_author_.assign(author.data(), author.size());  // author's address kept out of memory
    } else if (!notice_by_author) {
      m.sender = person(author.data(), author.size());
      if (b.deleted_by_owner) ctx_.builder.infer_owner(m.sender), owner_declared_ = true;
    }
  } else {
    const SystemLine s = classifier_.system(all);
    m.kind = MessageKind::System;
    m.text = s.text;
    group_events_ |= s.group_event;
    if (!s.group_name.empty()) group_name_ = s.group_name;
  }
  ctx_.builder.add(m);
  ++records_;
}

void Reader::finish_chat() {
  Chat& chat = ctx_.builder.chat(chat_);
  chat.kind = senders_.size() > 2 || group_events_ ? ChatKind::Group : ChatKind::Private;
  // iOS attributes the encryption notice to the chat: a name that never writes is the chat's name.
  std::string notice_name = normalize_name(notice_author_);
  for (PersonId p : senders_)
    if (ctx_.builder.person_info(p).name == notice_name) notice_name.clear();
  if (!ctx_.title_hint.empty())
    chat.title = std::string(ctx_.title_hint);
  else if (!group_name_.empty())
    chat.title = group_name_;
  else if (!notice_name.empty())
    chat.title = std::move(notice_name);
  else
    chat.title = std::string(ctx_.name);

  // "WhatsApp Chat with Ana": in a private chat the other participant is the owner
  // (unless the file itself already said who the owner is).
  if (chat.kind == ChatKind::Private && senders_.size() == 2 && !ctx_.title_hint.empty() && !owner_declared_) {
    const std::string hint = normalize_name(ctx_.title_hint);
    PersonId named = kNoPerson, other = kNoPerson;
    for (PersonId p : senders_) (iequal(ctx_.builder.person_info(p).name, hint) ? named : other) = p;
    if (named != kNoPerson && other != kNoPerson) ctx_.builder.infer_owner(other);
  }
}

void Reader::run() {
  SourceReport& report = ctx_.report;
  while (window_.span(start_, 3) == "\xEF\xBB\xBF") start_ += 3;
  if (!detect()) {
    report.fail(SourceMessage{"input.no_whatsapp_header"});
    return;
  }

  ChatDraft draft;
  draft.platform = Platform::WhatsApp;
  draft.source = ctx_.source;
  chat_ = ctx_.builder.add_chat(std::move(draft));
  ctx_.builder.reserve(static_cast<size_t>(expected_records_));

  WindowLines lines(window_, start_);
  Record record;
  bool open = false;
  Header h;
  LocalTime time;
  uint64_t next_progress = kProgressStep;
  // The open record stays in view until it is flushed.
  while (lines.next(open ? record.begin : WindowLines::kKeepNothing)) {
    const uint64_t begin = lines.begin(), end = lines.end();
    if (lines.pos() >= next_progress) {
      progress(size_ / 4 + lines.pos() / 4 * 3);
      release_before(lines, open ? std::min(record.begin, begin) : begin);  // the open record is still to be read
      next_progress = lines.pos() + kProgressStep;
    }
    const std::string_view line = lines.line();
    const bool unterminated = lines.unterminated();
    if (header_at(lines, open, h, time)) {
      if (unterminated && cut_inside_author(line, h)) {
        report.skip(lines.number(), begin, {"input.header_cut_off"}, line);
        continue;
      }
      if (open) flush(lines, record);
      record.time = time;
      record.begin = begin;
      record.body = begin + h.body;
      record.first_end = record.end = end;
      record.line = lines.number();
      open = true;
    } else if (is_blank(line)) {
      // Kept when more text follows (empty lines inside a body count), dropped at the end of a body.
    } else if (open) {
      if (unterminated && cut_inside_header(line, lines.view(record.begin, record.body))) {
        report.skip(lines.number(), begin, {"input.header_cut_off"}, line);
        continue;
      }
      record.end = end;
    } else {
      report.skip(lines.number(), begin, {"input.line_before_first_header"}, line);
    }
  }
  if (open) flush(lines, record);
  finish_chat();
  progress(size_);

  report.platform = "whatsapp";
  report.variant = std::string(variant_name(file_style_));
  report.date_order = std::string(month_names_ ? (shape_.month_first ? "MDY" : "DMY") : to_string(file_order_));
  report.records = records_;
  report.chats = 1;
  if (yearless_rollovers_ || month_names_) report.notes.push_back({"input.dates_without_year"});
  if (appended_export_) report.notes.push_back({"input.second_export_appended"});
  if (shape_changes_)
    report.notes.push_back(
        shape_changes_ == 1 ? SourceMessage{"input.header_format_change", Json::Object{{"line", first_change_line_}}}
                            : SourceMessage{"input.header_format_changes",
                                            Json::Object{{"line", first_change_line_}, {"count", shape_changes_ - 1}}});
}

class WhatsAppText final : public Importer {
 public:
  std::string_view name() const override { return "whatsapp-text"; }

  int sniff(std::string_view head) const override {
    LineReader lines{head};
    size_t begin = 0, end = 0;
    int headers = 0, nonblank = 0;
    bool first_is_header = false;
    Header h;
    while (lines.number < 40 && lines.next(begin, end)) {
      const std::string_view line = head.substr(begin, end - begin);
      if (is_blank(line)) continue;
      ++nonblank;
      if (may_start_header(line[0]) && parse_header(line, h) && plausible_date(h)) {
        ++headers;
        first_is_header |= nonblank == 1;
      }
    }
    if (!headers) return 0;
    // A header on the first line is strong evidence; more headers add a little.
    return (first_is_header ? 80 : 60) + std::min(headers, 4) * 3;
  }

  bool streams() const override { return true; }

  void import(ImportContext& ctx) const override {
    if (ctx.window) return Reader(ctx, *ctx.window, ctx.input).run();
    // Called with the bytes alone (a fuzz target, a tool): read them in place.
    ViewInput input(ctx.bytes);
    InputWindow window(input);
    Reader(ctx, window, &input).run();
  }
};

}  // namespace

const Importer& whatsapp_text_importer() {
  static const WhatsAppText importer;
  return importer;
}

}  // namespace chatlens
