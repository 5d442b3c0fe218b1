#pragma once
// The counters behind GET /api/v1/community. A contribution adds one to each cell it falls in:
//   ("contributors", "")            every contribution
//   ("avg_text_length", "35")       its bucket of each of the three one-number fields
//   ("messages_per_active_day", "25"), ("minutes_per_day", "30")
//   ("hour.07", "6")                per hour of the day, its share of messages in that hour
//   ("emoji", "1F602")              each emoji of its top 10
// Storage keeps the cells (exact counts, updated in the transaction that stores the contribution);
// community_aggregation decides which of them may be published.
#include <compare>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "contribution.hpp"

namespace chatlens::server {

inline constexpr const char* kTotalMetric = "contributors";
inline constexpr const char* kEmojiMetric = "emoji";

struct CellKey {
  std::string metric;
  std::string bucket;
  auto operator<=>(const CellKey&) const = default;
};

struct Cell {
  CellKey key;
  int64_t contributors = 0;
};

// Additions to cells, sorted by key: storage applies them in this order, so that concurrent
// writers (several processes on one PostgreSQL) always lock rows in the same order.
using CellDeltas = std::map<CellKey, int64_t>;

void add_cells(const Contribution& c, CellDeltas& deltas);

// Which state of the database a snapshot or a cache entry reflects: the database's random
// instance id (made by the first migration) and a counter every stored batch increments.
struct DataVersion {
  std::string instance;
  int64_t generation = 0;
  bool operator==(const DataVersion&) const = default;
};

// Every cell, read in one transaction together with the version it belongs to.
struct CommunitySnapshot {
  DataVersion version;
  std::vector<Cell> cells;
};

// "hour.07" for hour 7.
std::string hour_metric(int hour);

}  // namespace chatlens::server
