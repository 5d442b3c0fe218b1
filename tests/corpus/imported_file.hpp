#pragma once
// One file of ../shared/corpus imported as the app imports it, for the conformance
// tests of every importer: the corpus and the file's source report.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <utility>

#include "import/import_session.hpp"
#include "shared_corpus.hpp"
#include "test_today.hpp"
#include "unit/chunked_input.hpp"

namespace chatlens::testing {

struct ImportedFile {
  Corpus corpus;
  SourceReport report;
};

// `relative` names a file below ../shared/corpus (the caller has checked
// REQUIRE_SHARED_CORPUS): a missing file fails the test rather than reading nothing.
// `piece` 0: the whole file in place; else read in pieces of that many bytes.
inline ImportedFile import_corpus_file(const std::string& relative, size_t piece = 0) {
  const std::filesystem::path path = shared_corpus_dir() / relative;
  EXPECT_TRUE(std::filesystem::exists(path)) << path;
  ImportSession session(kTestToday);
  add_in_pieces(session, path.filename().string(), read_file(path), piece);
  ImportedFile out;
  out.report = session.sources().at(0);
  out.corpus = std::move(session).finish();
  return out;
}

}  // namespace chatlens::testing
