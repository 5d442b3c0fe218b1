#pragma once
// What the text of one WhatsApp record is: a message, a media placeholder or
// attachment, a location, a contact card, a poll, a deleted message, a call or
// a system notice (FORMATS.md §1.6-1.7). Bytes in, kinds and final text out.
#include <string>
#include <string_view>
#include <vector>

#include "import/whatsapp_templates.hpp"
#include "model/kinds.hpp"

namespace chatlens::whatsapp {

// Each small field in its own 4-byte slot: the classifier sets them one at a time, and the
// caller reading two neighbouring bytes at once would wait on a failed store forwarding.
struct Body {
  std::string_view text;  // final text; may point into the classifier (valid until its next call)
  alignas(4) MessageKind kind = MessageKind::Text;
  alignas(4) MediaKind media = MediaKind::None;
  alignas(4) bool notice = false;            // a system notice attributed to a chat or contact (iOS E2E, security code)
  alignas(4) bool deleted_by_owner = false;  // "You deleted this message": the author is the owner of the export
  alignas(4) bool edited = false;
};

struct SystemLine {
  bool group_event = false;  // an event only groups have (created, added, left, subject...)
  std::string group_name;    // from "created group “X”" or a subject change; empty if none
  std::string_view text;     // final text, as Body::text
};

// The kind of an attached file by its name: IMG-/-PHOTO- image, VID-/-VIDEO- video,
// PTT- voice, AUD-/-AUDIO- audio, STK-/-STICKER- sticker, -GIF- gif, .vcf contact, else
// by extension (unknown extensions are documents).
MessageKind kind_of_file(std::string_view name, MediaKind& media);

class BodyClassifier {
 public:
  // `body`: everything after "Author: ", continuation lines included (joined by
  // \n or \r\n), without the record's final line break. `first_line`: the length
  // of its first line when the caller knows it.
  Body authored(std::string_view body, size_t first_line = std::string_view::npos) {
    return authored_bytes(body.data(), body.size(), first_line);
  }
  // The same with the body as pointer and size: in WebAssembly a string_view argument goes
  // through memory, written as two 32-bit halves and read back as one 64-bit word, a failed
  // store forwarding per message.
  Body authored_bytes(const char* body, size_t size, size_t first_line);
  // A record without an author.
  SystemLine system(std::string_view text);
  // Direction marks and BOMs removed, \r\n as \n. Returns `s` itself when
  // nothing changes (the common case: no copy), else a view of an internal buffer.
  std::string_view clean(std::string_view s);
  // Whether a line is a known notice or event (E2E, group events, security code...).
  bool is_event(std::string_view line);
  // Whether a line starts with an end-to-end encryption notice.
  bool is_notice(std::string_view line);

 private:
  std::string_view strip_edited(std::string_view body, bool& edited);
  bool attachment(std::string_view content, std::string_view first, std::string_view rest, Body& out);
  bool android_attachment(std::string_view first, std::string_view rest, Body& out);
  bool omitted_document(std::string_view first, Body& out);
  std::string_view poll_text(std::string_view rest);

  const Templates& templates_ = Templates::get();
  std::string folded_, window_, scratch_, text_;
  std::vector<uint32_t> map_, window_map_;
};

}  // namespace chatlens::whatsapp
