#include "import/signal_content.hpp"

#include <algorithm>
#include <array>

namespace chatlens::signal {
namespace {

constexpr std::string_view kDeleted = "(This message was deleted)";

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\n' || s.front() == '\r' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n' || s.back() == '\r' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

std::string lower_extension(std::string_view name) {
  const size_t dot = name.rfind('.');
  std::string ext;
  if (dot == std::string_view::npos || name.size() - dot > 8) return ext;
  for (char c : name.substr(dot + 1)) ext += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return ext;
}

// create.py's _format_call: "Incoming voice call (accepted, 1m 5s)", "Missed video call",
// "Outgoing call (unanswered)", legacy "Incoming call".
bool is_call(std::string_view s) {
  for (std::string_view lead : {"Incoming ", "Outgoing ", "Missed "}) {
    if (!starts_with(s, lead)) continue;
    std::string_view rest = s.substr(lead.size());
    if (starts_with(rest, "voice ")) rest.remove_prefix(6);
    if (starts_with(rest, "video ")) rest.remove_prefix(6);
    return rest == "call" || starts_with(rest, "call (");
  }
  return false;
}

// One markdown link "[name](target)" or "![name](target)" at s[at] whose target is an
// exported file; its end and name, else false.
// Markdown links on one line, found without searching the line again for every '[' (a
// body full of '[' and no "](" would otherwise cost the square of its length).
class LinkFinder {
 public:
  // `line`: the text up to the end of the current line.
  void on_line(std::string_view line) { line_ = line, close_ = 0, paren_ = 0; }

  // A link to an attachment ("[name](./media/x)", "![name](media/x)") or a sticker
  // ("[name](../exported_stickers/x)") at `at`: where it ends, its name, which of the two.
  bool at(size_t at, size_t& end, std::string_view& name, bool& sticker) {
    size_t i = at;
    if (i < line_.size() && line_[i] == '!') ++i;
    if (i >= line_.size() || line_[i] != '[') return false;
    // The first "](" after i: the one found for an earlier '[' while it lies past i.
    if (close_ <= i) close_ = std::min(line_.find("](", i + 1), line_.size());
    if (close_ >= line_.size()) return false;
    if (paren_ <= close_ + 1) paren_ = std::min(line_.find(')', close_ + 2), line_.size());
    if (paren_ >= line_.size()) return false;
    const std::string_view target = line_.substr(close_ + 2, paren_ - close_ - 2);
    sticker = starts_with(target, "../exported_stickers/");
    if (!sticker && !starts_with(target, "./media/") && !starts_with(target, "media/")) return false;
    name = line_.substr(i + 1, close_ - i - 1);
    end = paren_ + 1;
    return true;
  }

 private:
  std::string_view line_;
  size_t close_ = 0, paren_ = 0;
};

}  // namespace

MediaKind media_of_file(std::string_view name) {
  static constexpr std::array<std::string_view, 9> kImage = {"png",  "jpg",  "jpeg", "gif", "tif",
                                                             "tiff", "webp", "apng", "svg"};
  static constexpr std::array<std::string_view, 7> kAudio = {"m4a", "aac", "mp3", "ogg", "opus", "wav", "flac"};
  static constexpr std::array<std::string_view, 6> kVideo = {"mp4", "mov", "mkv", "mpeg", "webm", "qt"};
  const std::string ext = lower_extension(name);
  for (std::string_view e : kImage)
    if (ext == e) return ext == "gif" ? MediaKind::Gif : MediaKind::Image;
  for (std::string_view e : kAudio)
    if (ext == e) return MediaKind::Audio;
  for (std::string_view e : kVideo)
    if (ext == e) return MediaKind::Video;
  return MediaKind::Document;
}

Content ContentReader::markdown(std::string_view body) {
  // create.py writes body + "  ", then to_md appends "\n(- reactions -)", a sticker and the
  // attachment links; a quote "\n\n> line\n> line\n\n" goes before the body.
  Content out;
  if (trim(body) == kDeleted) {
    out.kind = MessageKind::Deleted;
    out.text = kDeleted;
    return out;
  }
  bool reply = false;
  std::string_view rest = body;
  {
    // A quote: the header line ends at "Sender: ", a blank line, then "> " lines.
    const std::string_view lead = rest.substr(0, rest.find_first_not_of(" \n\r"));
    if (lead.find('\n') != std::string_view::npos && rest.size() > lead.size() && rest[lead.size()] == '>') {
      size_t pos = lead.size();
      while (pos < rest.size() && rest[pos] == '>') {
        const size_t nl = rest.find('\n', pos);
        pos = nl == std::string_view::npos ? rest.size() : nl + 1;
      }
      reply = true;
      rest = rest.substr(pos);
    }
  }
  // Reactions, sticker and attachment links: cut out, the rest is the text.
  scratch_.clear();
  std::string_view attachment, sticker_text;
  bool sticker = false;
  uint32_t reactions = 0;
  LinkFinder links;
  std::string_view line;  // `rest` up to the end of the current line
  for (size_t i = 0; i < rest.size();) {
    const bool line_start = i == 0 || rest[i - 1] == '\n';
    if (line_start || i >= line.size()) {
      line = rest.substr(0, std::min(rest.find('\n', i), rest.size()));
      links.on_line(line);
    }
    // Reactions follow the body on a line of their own: "(- Name: emoji, Name: emoji -)".
    if (line_start && i > 0 && starts_with(rest.substr(i), "(- ")) {
      const size_t close = line.find(" -)", i + 3);
      if (close != std::string_view::npos) {
        const std::string_view list = rest.substr(i + 3, close - i - 3);
        uint32_t n = 0;
        bool named = true;
        for (size_t from = 0; named && from <= list.size(); ++n) {
          const size_t comma = std::min(list.find(", ", from), list.size());
          named = list.substr(from, comma - from).find(": ") != std::string_view::npos;
          from = comma + 2;
        }
        if (named) {
          reactions += n;
          i = close + 3;
          continue;
        }
      }
    }
    if (line_start && starts_with(rest.substr(i), "(( ")) {
      const size_t close = line.find(" ))", i + 3);
      if (close != std::string_view::npos) {
        sticker = true;
        sticker_text = rest.substr(i + 3, close - i - 3);
        i = close + 3;
        continue;
      }
    }
    if (rest[i] == '!' || rest[i] == '[') {
      size_t end = 0;
      std::string_view name;
      bool is_sticker = false;
      if (links.at(i, end, name, is_sticker)) {
        if (is_sticker) {
          sticker = true;
          sticker_text = name;
        } else if (attachment.empty()) {
          attachment = name;
        }
        i = end;
        continue;
      }
    }
    scratch_ += rest[i++];
  }
  out = finish(scratch_, attachment, sticker, sticker_text);
  out.reply = reply;
  out.reactions = reactions;
  return out;
}

Content ContentReader::fields(std::string_view body, std::string_view quote, std::string_view attachment, bool sticker,
                              std::string_view sticker_text, bool deleted, uint32_t reactions, bool call, bool missed) {
  Content out;
  if (deleted) {
    out.kind = MessageKind::Deleted;
    out.text = kDeleted;
  } else {
    out = finish(body, attachment, sticker, sticker_text);
    if (call) {
      out.kind = MessageKind::Call;
      out.media = MediaKind::None;
      if (out.text.empty()) out.text = missed ? "Missed call" : "Call";
    }
  }
  out.reply = !trim(quote).empty();
  out.reactions = reactions;
  return out;
}

Content ContentReader::finish(std::string_view text, std::string_view attachment, bool sticker,
                              std::string_view sticker_text) {
  Content out;
  const std::string_view t = trim(text);
  if (t.size() != text.size() || t.data() != text.data()) {
    text_.assign(t.data(), t.size());  // `text` may be scratch_: copied before it is reused
    out.text = text_;
  } else {
    out.text = text;
  }
  if (sticker) {
    out.kind = MessageKind::Media;
    out.media = MediaKind::Sticker;
    if (out.text.empty()) text_.assign(sticker_text.data(), sticker_text.size()), out.text = text_;
  } else if (!attachment.empty()) {
    out.kind = MessageKind::Media;
    out.media = media_of_file(attachment);
    if (out.text.empty()) text_.assign(attachment.data(), attachment.size()), out.text = text_;
  } else if (is_call(out.text)) {
    out.kind = MessageKind::Call;
  } else if (out.text == kDeleted) {
    out.kind = MessageKind::Deleted;
  }
  return out;
}

}  // namespace chatlens::signal
