#include "import/whatsapp_classify.hpp"

#include <algorithm>
#include <cstring>

#include "text/utf8.hpp"

namespace chatlens::whatsapp {
namespace {

using Byte = unsigned char;
constexpr size_t npos = std::string_view::npos;

// Length of the direction mark or BOM at s[i] (see is_direction_mark), else 0.
size_t mark_len(std::string_view s, size_t i) {
  const size_t left = s.size() - i;
  const auto b0 = static_cast<Byte>(s[i]);
  if (b0 == 0xE2 && left >= 3) {
    const auto b1 = static_cast<Byte>(s[i + 1]), b2 = static_cast<Byte>(s[i + 2]);
    if (b1 == 0x80 && (b2 == 0x8E || b2 == 0x8F || (b2 >= 0xAA && b2 <= 0xAE))) return 3;
    if (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9) return 3;
  } else if (b0 == 0xEF && left >= 3) {
    if (static_cast<Byte>(s[i + 1]) == 0xBB && static_cast<Byte>(s[i + 2]) == 0xBF) return 3;
  } else if (b0 == 0xD8 && left >= 2) {
    if (static_cast<Byte>(s[i + 1]) == 0x9C) return 2;
  }
  return 0;
}

// Whether `s` holds a mark or a \r. Every mark starts with D8, E2 or EF, so
// eight bytes at a time are skipped while none of them is >= D8 or \r.
bool needs_cleaning(std::string_view s) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  const auto* p = reinterpret_cast<const Byte*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  for (;;) {
    for (; i + 8 <= n; i += 8) {
      uint64_t w;
      std::memcpy(&w, p + i, 8);
      const uint64_t high = ((w & ~kHigh) + 0x2828282828282828ULL) & w & kHigh;  // bytes >= 0xD8
      const uint64_t cr = w ^ (kOnes * '\r');
      if (high | ((cr - kOnes) & ~cr & kHigh)) break;
    }
    const size_t stop = i + 8 <= n ? i + 8 : n;
    if (i >= stop) return false;
    for (; i < stop; ++i) {
      const Byte b = p[i];
      if (b == '\r') return true;
      if ((b == 0xE2 || b == 0xEF || b == 0xD8) && mark_len(s, i)) return true;
    }
  }
}

// Marks in a first line, found in one pass: any mark (the text then needs
// cleaning) and LRM/RLM in particular (iOS puts one before "document omitted").
// Bits of one integer rather than bools: reading back bools written one by one stalls.
enum LineTrait : unsigned { kLrm = 1, kMarks = 2 };
using LineTraits = unsigned;

LineTraits scan_marks(std::string_view s) {
  constexpr uint64_t kHigh = 0x8080808080808080ULL;
  // Every mark starts with a byte in D8..EF: words without one (plain text, emoji) are skipped.
  auto high = [](const char* at) {
    uint64_t w;
    std::memcpy(&w, at, 8);
    const uint64_t low7 = w & ~kHigh;
    const uint64_t from_d8 = (low7 + 0x2828282828282828ULL) & w & kHigh, from_f0 = (low7 + 0x1010101010101010ULL) & w;
    return (from_d8 & ~from_f0) != 0;
  };
  LineTraits t = 0;
  const char* p = s.data();
  const size_t n = s.size();
  auto check = [&](size_t from, size_t to) {
    for (size_t i = from; i < to; ++i) {
      const char c = p[i];
      if (c == '\xE2' || c == '\xEF' || c == '\xD8') {
        if (mark_len(s, i)) t |= kMarks;
        if (c == '\xE2' && i + 2 < n && p[i + 1] == '\x80' && (p[i + 2] == '\x8E' || p[i + 2] == '\x8F')) t |= kLrm;
      }
    }
  };
  // Eight bytes at a time; the tail as the (overlapping) last eight bytes.
  size_t i = 0;
  for (; i + 8 <= n; i += 8)
    if (high(p + i)) check(i, i + 8);
  if (i < n && (n < 8 || high(p + n - 8))) check(i, n);
  return t;
}

// Whether the line's last byte but spaces is ')': most texts are ruled out of being an
// Android attachment here, without passing the line through memory to android_attachment.
bool ends_with_paren(std::string_view line) {
  size_t last = line.size();
  while (last && line[last - 1] == ' ') --last;
  return last && line[last - 1] == ')';
}

// iOS venue: "Name (Address): https://foursquare.com/v/..." — the URL is the last word.
bool ios_venue(std::string_view line) {
  if (line.size() < 30) return false;
  const size_t at = line.find(": https://foursquare.com/", line.size() > 160 ? line.size() - 160 : 0);
  return at != npos && line.find(' ', at + 2) == npos;
}

// Without spaces and marks at either end.
std::string_view trim_marks(std::string_view s) {
  for (;;) {
    if (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
      s.remove_prefix(1);
    } else if (const size_t n = s.empty() ? 0 : mark_len(s, 0)) {
      s.remove_prefix(n);
    } else {
      break;
    }
  }
  for (;;) {
    if (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
      s.remove_suffix(1);
    } else if (s.size() >= 3 && mark_len(s, s.size() - 3) == 3) {
      s.remove_suffix(3);
    } else if (s.size() >= 2 && mark_len(s, s.size() - 2) == 2) {
      s.remove_suffix(2);
    } else {
      break;
    }
  }
  return s;
}

std::string_view skip_line_breaks(std::string_view s) {
  while (!s.empty() && (s.front() == '\r' || s.front() == '\n' || s.front() == ' ')) s.remove_prefix(1);
  return s;
}

bool contains(std::string_view s, std::string_view part) { return s.find(part) != npos; }

MediaKind media_of(Placeholder p) {
  switch (p) {
    case Placeholder::ImageOmitted: return MediaKind::Image;
    case Placeholder::VideoOmitted: return MediaKind::Video;
    case Placeholder::AudioOmitted: return MediaKind::Audio;
    case Placeholder::StickerOmitted: return MediaKind::Sticker;
    case Placeholder::GifOmitted: return MediaKind::Gif;
    case Placeholder::DocumentOmitted: return MediaKind::Document;
    default: return MediaKind::Other;
  }
}

}  // namespace

MessageKind kind_of_file(std::string_view name, MediaKind& media) {
  char ext[8] = {};
  const size_t dot = name.rfind('.');
  if (dot != npos && name.size() - dot - 1 < sizeof ext)
    for (size_t i = dot + 1, k = 0; i < name.size(); ++i, ++k)
      ext[k] = static_cast<char>(name[i] >= 'A' && name[i] <= 'Z' ? name[i] + 32 : name[i]);
  const std::string_view e(ext);
  if (e == "vcf") {
    media = MediaKind::None;
    return MessageKind::Contact;
  }
  if (contains(name, "PTT-"))
    media = MediaKind::Voice;
  else if (contains(name, "STK-") || contains(name, "-STICKER-"))
    media = MediaKind::Sticker;
  else if (contains(name, "-GIF-") || name.substr(0, 4) == "GIF-")
    media = MediaKind::Gif;
  else if (contains(name, "IMG-") || contains(name, "-PHOTO-"))
    media = MediaKind::Image;
  else if (contains(name, "VID-") || contains(name, "-VIDEO-"))
    media = MediaKind::Video;
  else if (contains(name, "AUD-") || contains(name, "-AUDIO-"))
    media = MediaKind::Audio;
  else if (contains(name, "DOC-"))
    media = MediaKind::Document;
  else if (e == "jpg" || e == "jpeg" || e == "png" || e == "heic" || e == "heif" || e == "bmp" || e == "tif" ||
           e == "tiff")
    media = MediaKind::Image;
  else if (e == "webp")
    media = MediaKind::Sticker;
  else if (e == "gif")
    media = MediaKind::Gif;
  else if (e == "mp4" || e == "mov" || e == "3gp" || e == "mkv" || e == "avi" || e == "webm" || e == "m4v")
    media = MediaKind::Video;
  else if (e == "opus")
    media = MediaKind::Voice;
  else if (e == "ogg" || e == "m4a" || e == "mp3" || e == "aac" || e == "wav" || e == "amr" || e == "flac")
    media = MediaKind::Audio;
  else if (e.empty())
    media = MediaKind::Other;
  else
    media = MediaKind::Document;  // WhatsApp sends every other file as a document
  return MessageKind::Media;
}

std::string_view BodyClassifier::clean(std::string_view s) {
  if (!needs_cleaning(s)) return s;
  text_.clear();
  text_.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    if (const size_t n = mark_len(s, i)) {
      i += n;
    } else if (s[i] == '\r') {
      if (i + 1 >= s.size() || s[i + 1] != '\n') text_ += '\n';
      ++i;
    } else {
      text_ += s[i++];
    }
  }
  return text_;
}

std::string_view BodyClassifier::strip_edited(std::string_view body, bool& edited) {
  size_t end = body.size();
  while (end && (body[end - 1] == ' ' || body[end - 1] == '\r' || body[end - 1] == '\n')) --end;
  if (!end || body[end - 1] != '>') return body;
  const size_t lt = body.rfind('<', end - 1);
  // Folding never lengthens a text: shorter than the shortest marker ("<Media omitted>") is none.
  if (lt == npos || end - lt > 200 || end - lt < templates_.shortest_edited_marker()) return body;
  window_.clear();
  fold_append(body.substr(lt, end - lt), window_);
  if (!templates_.edited_marker(window_)) return body;
  edited = true;
  size_t cut = lt;
  for (;;) {  // the space or line break and the marks before the marker
    if (cut && (body[cut - 1] == ' ' || body[cut - 1] == '\n' || body[cut - 1] == '\r'))
      --cut;
    else if (cut >= 3 && mark_len(body, cut - 3) == 3)
      cut -= 3;
    else if (cut >= 2 && mark_len(body, cut - 2) == 2)
      cut -= 2;
    else
      break;
  }
  return body.substr(0, cut);
}

Body BodyClassifier::authored_bytes(const char* data, size_t size, size_t first_line) {
  std::string_view body(data, size);
  Body out;
  if (!body.empty() && (body.back() == '>' || body.back() == ' ')) body = strip_edited(body, out.edited);
  first_line = std::min(first_line == npos ? body.find('\n') : first_line, body.size());

  // iOS starts placeholders and notices with LRM (RLM in Arabic), notices with two or three.
  size_t lead = 0;
  int marks = 0;
  while (lead < first_line) {
    if (const size_t n = mark_len(body, lead))
      lead += n, ++marks;
    else if (body[lead] == ' ')
      ++lead;
    else
      break;
  }
  const std::string_view content = body.substr(lead);
  if (content.empty()) {
    // "Carol:" with nothing after it: a self-destructing photo in 2018 exports.
    out.kind = MessageKind::Media;
    out.media = MediaKind::Other;
    return out;
  }
  std::string_view first = body.substr(lead, first_line - lead);
  if (!first.empty() && first.back() == '\r') first.remove_suffix(1);
  size_t next = first_line;
  if (next < body.size() && body[next] == '\r') ++next;
  if (next < body.size() && body[next] == '\n') ++next;
  const std::string_view rest = body.substr(next);

  // No placeholder or label starts beyond the BMP: an emoji-first text needs no key.
  if (marks || (!first.empty() && static_cast<Byte>(first[0]) < 0xF0 && templates_.may_start(fold_key(first)))) {
    folded_.clear();
    fold_append(first, folded_);  // the offset map is only needed for a location, built there
    const std::string_view folded = trim_loose(folded_);
    Placeholder p = templates_.placeholder(folded);
    if (p == Placeholder::None) {
      // iOS "Missed voice call, Tap to call back"
      const size_t comma = folded.find(',');
      if (comma != npos && templates_.placeholder(trim_loose(folded.substr(0, comma))) == Placeholder::MissedCall)
        p = Placeholder::MissedCall;
    }
    switch (p) {
      case Placeholder::None: break;
      case Placeholder::MediaOmitted:  // the caption, if any, is on the next lines
        out.kind = MessageKind::Media;
        out.media = MediaKind::Other;
        out.text = clean(rest);
        return out;
      case Placeholder::ImageOmitted:
      case Placeholder::VideoOmitted:
      case Placeholder::AudioOmitted:
      case Placeholder::StickerOmitted:
      case Placeholder::GifOmitted:
      case Placeholder::DocumentOmitted:
        out.kind = MessageKind::Media;
        out.media = media_of(p);
        out.text = clean(rest);
        return out;
      case Placeholder::ContactOmitted:
        out.kind = MessageKind::Contact;
        out.text = clean(rest);
        return out;
      case Placeholder::DeletedByYou: out.deleted_by_owner = true; [[fallthrough]];
      case Placeholder::DeletedByOther:
        out.kind = MessageKind::Deleted;
        out.text = clean(content);
        return out;
      case Placeholder::MissedCall:
        out.kind = MessageKind::Call;
        out.text = clean(content);
        return out;
      case Placeholder::ViewOnce:
        out.kind = MessageKind::Media;
        out.media = MediaKind::Other;
        return out;
      case Placeholder::LiveLocation:
        out.kind = MessageKind::Location;
        out.text = clean(rest);
        return out;
      case Placeholder::Waiting:
        out.kind = MessageKind::System;
        out.notice = true;
        out.text = clean(content);
        return out;
    }
    size_t label_len = 0;
    switch (templates_.label(folded, label_len)) {
      case Label::E2E:
      case Label::E2EGroup:
        out.kind = MessageKind::System;
        out.notice = true;
        out.text = clean(content);
        return out;
      case Label::Location: {
        size_t at = static_cast<size_t>(folded.data() - folded_.data()) + label_len;
        while (at < folded_.size() && folded_[at] == ' ') ++at;
        if (folded_.compare(at, 4, "http") == 0) {
          window_.clear();
          map_.clear();
          fold_append(first, window_, &map_);
          out.kind = MessageKind::Location;
          out.text = clean(first.substr(map_[at]));
          return out;
        }
        break;
      }
      case Label::Poll:
        if (folded.size() == label_len && !rest.empty()) {
          out.kind = MessageKind::Poll;
          out.text = poll_text(rest);
          return out;
        }
        break;
      case Label::None: break;
    }
  }

  const LineTraits traits = scan_marks(first);
  // iOS attachments end with '>' ("<attached: NAME>"), or start with '<' when an export broke the name over lines.
  if (!first.empty() && (first.back() == '>' || first.front() == '<') && attachment(content, first, rest, out))
    return out;
  if (ends_with_paren(first) && android_attachment(first, rest, out)) return out;
  if ((marks || (traits & kLrm)) && omitted_document(first, out)) return out;
  // Notices attributed to a contact or the chat: "<LRM><LRM>Your security code with X changed."
  // Only a template makes one: Android texts may start with marks too (FORMATS.md §1.7).
  if (marks && is_event(first)) {
    out.kind = MessageKind::System;
    out.notice = true;
    out.text = clean(content);
    return out;
  }
  // Venues: Android "Name\nAddress\nhttps://foursquare.com/v/...", iOS "Name (Address): https://foursquare.com/v/..."
  const std::string_view last_line = rest.empty() ? std::string_view() : content.substr(content.rfind('\n') + 1);
  if ((!rest.empty() && last_line.substr(0, 23) == "https://foursquare.com/") || (rest.empty() && ios_venue(first))) {
    out.kind = MessageKind::Location;
    out.text = clean(content);
    return out;
  }
  out.kind = MessageKind::Text;
  // A one-line text without marks is the input itself (the common case: no scan, no copy).
  const std::string_view text = marks ? content : body;
  out.text = rest.empty() && !(traits & kMarks) ? text : clean(text);
  return out;
}

bool BodyClassifier::attachment(std::string_view content, std::string_view first, std::string_view rest, Body& out) {
  for (size_t lt = first.find('<'); lt != npos; lt = first.find('<', lt + 1)) {
    size_t pos = lt + 1;
    bool found = false;
    for (;;) {  // a broken export repeats the prefix: "<attached: <attached: NAME>"
      const std::string_view window = first.substr(pos, 48);
      window_.clear();
      window_map_.clear();
      fold_append(window, window_, &window_map_);
      const size_t n = templates_.attach_prefix(window_);
      if (!n) break;
      found = true;
      pos += n < window_.size() ? window_map_[n] : window.size();
      while (pos < first.size()) {
        if (first[pos] == ' ')
          ++pos;
        else if (const size_t m = mark_len(first, pos))
          pos += m;
        else
          break;
      }
      if (pos < first.size() && first[pos] == '<') {
        ++pos;
        continue;
      }
      break;
    }
    if (!found) continue;
    // A corrupted export may break the name over lines.
    const size_t gt = content.find('>', pos);
    std::string_view name = content.substr(pos, gt == npos ? npos : gt - pos);
    if (name.find_first_of("\r\n") != npos) {
      scratch_.clear();
      for (char c : name)
        if (c != '\r' && c != '\n') scratch_ += c;
      name = scratch_;
    }
    name = trim_marks(name);
    out.kind = kind_of_file(name, out.media);
    const std::string_view caption = gt == npos ? std::string_view() : skip_line_breaks(content.substr(gt + 1));
    out.text = clean(caption.empty() ? name : caption);
    return true;
  }
  // Older forms: "NAME <<LRM>attached>" (2015) and Turkish "<NAME eklendi>".
  folded_.clear();
  map_.clear();
  fold_append(first, folded_, &map_);
  const std::string_view f = trim_loose(folded_);
  const size_t f0 = static_cast<size_t>(f.data() - folded_.data());
  std::string_view name;
  if (f.size() > 10 && f.substr(f.size() - 10) == "<attached>") {
    name = first.substr(0, map_[f0 + f.size() - 10]);
  } else if (f.size() > 10 && f.front() == '<' && f.substr(f.size() - 9) == " eklendi>") {
    const size_t b = map_[f0 + 1], e = map_[f0 + f.size() - 9];
    name = first.substr(b, e - b);
  } else {
    return false;
  }
  name = trim_marks(name);
  out.kind = kind_of_file(name, out.media);
  const std::string_view caption = skip_line_breaks(rest);
  out.text = clean(caption.empty() ? name : caption);
  return true;
}

bool BodyClassifier::android_attachment(std::string_view first, std::string_view rest, Body& out) {
  size_t last = first.size();
  while (last && first[last - 1] == ' ') --last;
  if (!last || first[last - 1] != ')') return false;  // most texts: decided without trimming
  // "NAME (file attached)": a space, then a short parenthesis closing the line (not ":)").
  const size_t open = first.rfind('(', last - 1);
  if (open == npos || open == 0 || first[open - 1] != ' ' || last - open > 64) return false;
  const std::string_view line = trim_marks(first);
  if (line.size() < 4 || line.back() != ')') return false;
  size_t start = line.size() > 96 ? line.size() - 96 : 0;
  while (start < line.size() && (static_cast<Byte>(line[start]) & 0xC0) == 0x80) ++start;
  window_.clear();
  window_map_.clear();
  fold_append(line.substr(start), window_, &window_map_);
  const size_t n = templates_.attached_suffix(window_);
  if (!n || n >= window_.size()) return false;
  const std::string_view name = trim_marks(line.substr(0, start + window_map_[window_.size() - n]));
  if (name.empty()) return false;
  out.kind = kind_of_file(name, out.media);
  const std::string_view caption = skip_line_breaks(rest);
  out.text = clean(caption.empty() ? name : caption);
  return true;
}

bool BodyClassifier::omitted_document(std::string_view first, Body& out) {
  folded_.clear();
  map_.clear();
  fold_append(first, folded_, &map_);
  const std::string_view f = trim_loose(folded_);
  size_t len = 0;
  const Placeholder p = templates_.omitted_suffix(f, len);
  if (p == Placeholder::None || len >= f.size()) return false;
  const size_t cut = static_cast<size_t>(f.data() - folded_.data()) + f.size() - len;
  std::string_view name = first.substr(0, map_[cut]);
  // "Resume.pdf • <LRM>2 pages <LRM>document omitted": the page count is not part of the name.
  if (const size_t bullet = name.find(" \u2022 "); bullet != npos) name = name.substr(0, bullet);
  name = trim_marks(name);
  if (p == Placeholder::ContactOmitted) {
    out.kind = MessageKind::Contact;
  } else {
    out.kind = MessageKind::Media;
    out.media = media_of(p);
  }
  out.text = clean(name);
  return true;
}

std::string_view BodyClassifier::poll_text(std::string_view rest) {
  scratch_.clear();
  for (size_t pos = 0; pos <= rest.size();) {
    size_t nl = rest.find('\n', pos);
    if (nl == npos) nl = rest.size();
    std::string_view line = trim_marks(rest.substr(pos, nl - pos));
    if (line.substr(0, 7) == "OPTION:") {
      line = trim_marks(line.substr(7));
      // "Yes (8 votes)", "Friday (1 vote)"
      const size_t paren = line.rfind(" (");
      if (paren != npos && line.back() == ')' && contains(line.substr(paren), "vote")) line = line.substr(0, paren);
    }
    if (!line.empty()) {
      if (!scratch_.empty()) scratch_ += '\n';
      scratch_.append(line);
    }
    pos = nl + 1;
  }
  return clean(scratch_);
}

SystemLine BodyClassifier::system(std::string_view text) {
  SystemLine out;
  const size_t nl = text.find('\n');
  std::string_view first = text.substr(0, nl);
  if (!first.empty() && first.back() == '\r') first.remove_suffix(1);
  folded_.clear();
  map_.clear();
  fold_append(first, folded_, &map_);
  const std::string_view f = trim_loose(folded_);
  size_t len = 0;
  const Label label = templates_.label(f, len);
  if (label == Label::E2EGroup) {
    out.group_event = true;
  } else if (label != Label::E2E) {
    std::string_view name;
    const Event event = templates_.event(f, name);
    out.group_event = event == Event::GroupCreated || event == Event::GroupRenamed || event == Event::GroupEvent;
    if (!name.empty()) {
      const size_t b = static_cast<size_t>(name.data() - folded_.data()), e = b + name.size();
      const size_t ob = map_[b], oe = e < map_.size() ? map_[e] : first.size();
      out.group_name = normalize_name(first.substr(ob, oe - ob));
    }
  }
  size_t lead = 0;
  while (lead < text.size()) {
    if (const size_t n = mark_len(text, lead))
      lead += n;
    else if (text[lead] == ' ')
      ++lead;
    else
      break;
  }
  out.text = clean(text.substr(lead));
  return out;
}

bool BodyClassifier::is_event(std::string_view line) {
  folded_.clear();
  fold_append(line, folded_);
  const std::string_view f = trim_loose(folded_);
  size_t len = 0;
  std::string_view name;
  return templates_.label(f, len) != Label::None || templates_.event(f, name) != Event::None;
}

bool BodyClassifier::is_notice(std::string_view line) {
  folded_.clear();
  fold_append(line, folded_);
  size_t len = 0;
  const Label label = templates_.label(trim_loose(folded_), len);
  return label == Label::E2E || label == Label::E2EGroup;
}

}  // namespace chatlens::whatsapp
