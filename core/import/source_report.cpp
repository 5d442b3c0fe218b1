#include "import/source_report.hpp"

#include <ostream>

#include "text/utf8.hpp"

namespace chatlens {

Json SourceMessage::to_json() const {
  Json m = Json::object();
  m["key"] = key;
  m["params"] = params;
  return m;
}

std::string SourceMessage::debug() const { return key + " " + params.dump(); }

SourceMessage SourceMessage::of(const Status& failure) {
  if (failure.has_message()) return {failure.key(), failure.params()};
  return untranslated(failure.detail());
}

std::ostream& operator<<(std::ostream& out, const SourceMessage& m) { return out << m.debug(); }

void SourceReport::skip(uint64_t line, uint64_t offset, SourceMessage reason, std::string_view text) {
  ++lines_skipped;
  if (skipped_examples.size() < kMaxExamples)
    skipped_examples.push_back({line, offset, std::move(reason), utf8_excerpt(text, 120)});
}

}  // namespace chatlens
