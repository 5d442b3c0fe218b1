// The small tables behind topics' per-token lookups: WordMap (word -> class) and TermStats
// (term id -> counts), checked against std::map over enough keys to grow them several times.
#include "text/word_map.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "insights/term_stats.hpp"

using namespace chatlens;

TEST(WordMap, FindsEveryWordPutAndNothingElseAcrossGrowth) {
  WordMap map;
  EXPECT_EQ(map.find("hola"), nullptr);  // empty
  std::map<std::string, int64_t> truth;
  for (int i = 0; i < 5000; ++i) {
    const std::string w = "w" + std::to_string(i * 7919 % 100003);
    if (truth.count(w)) continue;
    truth[w] = i - 2;  // negative values (classes) and ids alike
    map.put(w, i - 2);
  }
  map.put("", 42);  // an empty key is a key like any other
  truth[""] = 42;
  EXPECT_EQ(map.size(), truth.size());
  for (const auto& [w, v] : truth) {
    const int64_t* found = map.find(w);
    ASSERT_NE(found, nullptr) << w;
    EXPECT_EQ(*found, v) << w;
  }
  for (const char* absent : {"w", "w1x", "canción", "w100003"}) EXPECT_EQ(map.find(absent), nullptr) << absent;
}

TEST(TermStats, CountsOccurrencesAndDistinctDaysPerTerm) {
  TermStats stats;
  std::map<uint32_t, std::pair<uint32_t, uint32_t>> truth;  // id -> (count, days)
  for (int64_t day = 0; day < 30; ++day)
    for (uint32_t k = 0; k < 200; ++k) {
      const uint32_t id = (k * 37 + static_cast<uint32_t>(day)) % 500;
      const int repeat = 1 + static_cast<int>(k % 3);  // some terms several times a day
      for (int r = 0; r < repeat; ++r) stats[id].add(day);
      truth[id].first += static_cast<uint32_t>(repeat);
    }
  // Days recounted from scratch: a term counts a day once, however often it appears that day.
  std::map<uint32_t, std::map<int64_t, bool>> seen;
  for (int64_t day = 0; day < 30; ++day)
    for (uint32_t k = 0; k < 200; ++k) seen[(k * 37 + static_cast<uint32_t>(day)) % 500][day] = true;
  EXPECT_EQ(stats.size(), truth.size());
  size_t visited = 0;
  stats.for_each([&](uint32_t id, const TermStat& st) {
    ++visited;
    EXPECT_EQ(st.count, truth.at(id).first) << id;
    EXPECT_EQ(st.days, seen.at(id).size()) << id;
    EXPECT_EQ(stats.at(id).count, st.count) << id;
  });
  EXPECT_EQ(visited, truth.size());
}
