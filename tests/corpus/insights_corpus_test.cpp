// Every section of the report on every real export in ../shared/corpus: no
// crash, every section present, and each says what data it used.
#include <set>

#include "import/import_session.hpp"
#include "model/identity.hpp"
#include "report/report.hpp"
#include "shared_corpus.hpp"
#include "test_today.hpp"

namespace fs = std::filesystem;
using namespace chatlens;

TEST(InsightsOnRealExports, EverySectionOnEveryExport) {
  REQUIRE_SHARED_CORPUS();
  size_t reports = 0;
  for (const auto& entry : fs::recursive_directory_iterator(chatlens::testing::shared_corpus_dir())) {
    if (!entry.is_regular_file()) continue;
    const std::string name = entry.path().filename().string();
    const std::string ext = entry.path().extension().string();
    if (entry.path().string().find("_reference") != std::string::npos || (ext != ".txt" && ext != ".json")) continue;
    if (name.find("target") != std::string::npos || name.find("EXPECTED") == 0 || name.find("EXTRACTED") == 0) continue;
    ImportSession session(chatlens::testing::kTestToday);
    session.add(entry.path().string(), chatlens::testing::read_file(entry.path()));
    const std::vector<SourceReport> sources = session.sources();
    Corpus corpus = std::move(session).finish();
    if (corpus.size() == 0) continue;  // not a supported format, or empty: the importer tests cover that
    OwnerResolution owner = resolve_owner(corpus);
    if (owner.status != OwnerResolution::Status::Resolved && !owner.candidates.empty())
      owner = resolve_owner(corpus, owner.candidates.front());
    SCOPED_TRACE(entry.path().string());
    const Json report = build_report(corpus, sources, owner);
    const Json* sections = report.find("sections");
    ASSERT_NE(sections, nullptr);
    for (const InsightInfo& insight : all_insights()) {
      const Json* section = sections->find(insight.name);
      ASSERT_NE(section, nullptr) << insight.name;
      EXPECT_TRUE(section->is_object()) << insight.name;
      EXPECT_NE(section->find("data"), nullptr) << insight.name << " does not say what data it used";
    }
    // The report is valid JSON text that round-trips through the writer without loss of keys.
    EXPECT_FALSE(report.dump().empty());
    ++reports;
  }
  EXPECT_GE(reports, 40u) << "fewer real exports were analysed than the corpus holds";
}
