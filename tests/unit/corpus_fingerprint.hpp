#pragma once
// Everything an import produced, as one text: two imports of the same bytes (whole, or in
// pieces of any size) must give the same text. Messages with every column, people, chats,
// and the source report with its skipped examples (lines, offsets, excerpts) and notes.
#include <sstream>
#include <string>

#include "import/source_report.hpp"
#include "model/corpus.hpp"

namespace chatlens::testing {

inline std::string corpus_fingerprint(const Corpus& c, const SourceReport& r) {
  std::ostringstream out;
  out << "report " << r.platform << ' ' << r.variant << ' ' << r.date_order << " records=" << r.records
      << " chats=" << r.chats << " skipped=" << r.lines_skipped << '\n';
  if (r.error) out << "error " << r.error->debug() << '\n';
  for (const SkippedLine& s : r.skipped_examples)
    out << "skip line=" << s.line << " offset=" << s.offset << ' ' << s.reason.debug() << " [" << s.excerpt << "]\n";
  for (const SourceMessage& n : r.notes) out << "note " << n.debug() << '\n';
  for (const Person& p : c.people)
    out << "person " << p.name << '|' << p.platform_id << " owner=" << p.is_owner << p.owner_inferred
        << " first=" << p.first_source << ':' << p.first_line << " bot=" << p.is_bot << '\n';
  for (const Chat& ch : c.chats) {
    out << "chat " << ch.title << '|' << static_cast<int>(ch.kind) << '|' << ch.platform_id << ' ' << ch.begin << '-'
        << ch.end << " members";
    for (const PersonId m : ch.members) out << ' ' << m;
    out << '\n';
  }
  const MessageColumns& m = c.messages;
  for (size_t i = 0; i < c.size(); ++i)
    out << m.chat[i] << ' ' << m.sender[i] << ' ' << m.time[i].seconds << ' ' << m.utc[i] << ' '
        << static_cast<int>(m.kind[i]) << ' ' << static_cast<int>(m.media[i]) << ' ' << static_cast<int>(m.flags[i])
        << ' ' << m.platform_id[i] << ' ' << m.reply_to[i] << " [" << c.text(i) << "]\n";
  return out.str();
}

}  // namespace chatlens::testing
