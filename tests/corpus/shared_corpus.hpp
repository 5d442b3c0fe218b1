#pragma once
// Access to the real exports in ../shared/corpus. They are never copied into the
// repository; when the folder is absent (a fresh clone) tests skip loudly.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace chatlens::testing {

inline std::filesystem::path shared_corpus_dir() {
  if (const char* env = std::getenv("CHATLENS_SHARED")) return std::filesystem::path(env) / "corpus";
  return std::filesystem::path(CHATLENS_SHARED_DIR) / "corpus";
}

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace chatlens::testing

// Skips the test, with a message nobody can miss, when ../shared/corpus is absent.
#define REQUIRE_SHARED_CORPUS()                                                                                 \
  do {                                                                                                          \
    if (!std::filesystem::is_directory(::chatlens::testing::shared_corpus_dir())) {                             \
      std::fprintf(stderr, "\n*** SHARED CORPUS NOT FOUND at %s: corpus conformance NOT RUN (skipped) ***\n\n", \
                   ::chatlens::testing::shared_corpus_dir().string().c_str());                                  \
      GTEST_SKIP() << "shared corpus not found at " << ::chatlens::testing::shared_corpus_dir();                \
    }                                                                                                           \
  } while (0)
