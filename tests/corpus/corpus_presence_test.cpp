#include "shared_corpus.hpp"

TEST(SharedCorpus, IsPresentWithItsGroundTruth) {
  REQUIRE_SHARED_CORPUS();
  EXPECT_TRUE(std::filesystem::exists(chatlens::testing::shared_corpus_dir() / "SOURCES.md"));
}
