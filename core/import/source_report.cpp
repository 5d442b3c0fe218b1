#include "import/source_report.hpp"

#include "text/utf8.hpp"

namespace chatlens {

void SourceReport::skip(uint64_t line, uint64_t offset, std::string reason, std::string_view text) {
  ++lines_skipped;
  if (skipped_examples.size() < kMaxExamples)
    skipped_examples.push_back({line, offset, std::move(reason), utf8_excerpt(text, 120)});
}

}  // namespace chatlens
