#pragma once
// Everything an import gives, written out as text, so that two imports of the same bytes
// (whole, or in pieces of any size) can be compared in one comparison: messages (chat,
// sender, times, kind, media, flags, text, ids), people, chats and the input's report
// (counts, skipped examples with their lines and offsets, notes, variant, date order,
// error). No GoogleTest here: the fuzz targets use it too.
#include <string>

#include "import/source_report.hpp"
#include "model/corpus.hpp"

namespace chatlens::testing {

inline std::string fingerprint(const Corpus& c) {
  std::string out;
  auto field = [&out](const auto& v) {
    out += std::to_string(v);
    out += '|';
  };
  for (size_t i = 0; i < c.size(); ++i) {
    field(c.messages.chat[i]);
    field(c.messages.sender[i]);
    field(c.messages.time[i].seconds);
    field(c.messages.utc[i]);
    field(static_cast<int>(c.messages.kind[i]));
    field(static_cast<int>(c.messages.media[i]));
    field(c.messages.flags[i]);
    field(c.messages.platform_id[i]);
    field(c.messages.reply_to[i]);
    out += c.text(i);
    out += '\n';
  }
  for (const Person& p : c.people) {
    out += p.name + '|' + p.platform_id + '|';
    field(static_cast<int>(p.platform));
    field(p.is_owner);
    field(p.owner_inferred);
    field(p.first_source);
    field(p.first_line);
    field(p.merged_into);
    field(p.is_bot);
    out += '\n';
  }
  for (const Chat& ch : c.chats) {
    out += ch.title + '|' + ch.platform_id + '|';
    field(static_cast<int>(ch.platform));
    field(static_cast<int>(ch.kind));
    field(ch.begin);
    field(ch.end);
    for (SourceId s : ch.sources) field(s);
    out += '/';
    for (PersonId m : ch.members) field(m);
    out += '\n';
  }
  return out;
}

inline std::string fingerprint(const SourceReport& r) {
  std::string out = r.file + '|' + std::to_string(r.bytes) + '|' + r.platform + '|' + r.variant + '|' + r.date_order +
                    '|' + std::to_string(r.records) + '|' + std::to_string(r.chats) + '|' +
                    std::to_string(r.lines_skipped) + '\n';
  for (const SkippedLine& s : r.skipped_examples)
    out += std::to_string(s.line) + '|' + std::to_string(s.offset) + '|' + s.reason.debug() + '|' + s.excerpt + '\n';
  for (const SourceMessage& n : r.notes) out += "note " + n.debug() + '\n';
  if (!r.ok()) out += "error " + SourceMessage::of(r.status).debug() + '\n';
  return out;
}

inline std::string corpus_fingerprint(const Corpus& c, const SourceReport& r) {
  return fingerprint(r) + fingerprint(c);
}

}  // namespace chatlens::testing
