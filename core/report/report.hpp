#pragma once
// The report: schema version, owner, what was read from each input, and one
// section per registered insight.
#include <string>
#include <vector>

#include "import/source_report.hpp"
#include "insights/insight.hpp"
#include "json/json.hpp"
#include "model/corpus.hpp"
#include "model/identity.hpp"

namespace chatlens {

inline constexpr int kReportSchemaVersion = 3;

Json source_report_json(const SourceReport& r);

Json build_report(const Corpus& corpus, const std::vector<SourceReport>& sources, const OwnerResolution& owner,
                  const ReportOptions& options = {});

}  // namespace chatlens
