#pragma once
// What one Signal message written by signal-export is (FORMATS.md §5): text, a reply
// (quote), media (attachments, stickers), a call, a deleted message; its reactions
// counted. The markdown export writes all of it into one body; data.json has fields.
#include <cstdint>
#include <string>
#include <string_view>

#include "model/kinds.hpp"

namespace chatlens::signal {

struct Content {
  MessageKind kind = MessageKind::Text;
  MediaKind media = MediaKind::None;
  std::string_view text;  // final text: a view into the input or into the classifier
  bool reply = false;     // the message quotes another
  uint32_t reactions = 0;
};

// signal-export's own file-type lists (models.py is_image/is_audio/is_video); other files are documents.
MediaKind media_of_file(std::string_view name);

class ContentReader {
 public:
  // The body of a chat.md record: everything after "Sender: " up to the next record,
  // lines joined by \n, without trailing blank lines.
  Content markdown(std::string_view body);

  // The fields of a data.json line. `attachment` is the name of the first attachment
  // (empty: none), `sticker` the sticker's emoji or label (empty: none).
  Content fields(std::string_view body, std::string_view quote, std::string_view attachment, bool sticker,
                 std::string_view sticker_text, bool deleted, uint32_t reactions, bool call = false,
                 bool missed = false);

 private:
  Content finish(std::string_view text, std::string_view attachment, bool sticker, std::string_view sticker_text);
  std::string text_, scratch_;
};

}  // namespace chatlens::signal
