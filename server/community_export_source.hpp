#pragma once
// Read-only access to the stored contributions by UTC day, for the warehouse feed
// (community_export.hpp). It reads the contributions table of the schema migrations.cpp creates
// and never writes: exporting from a live database changes nothing in it.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "base/status.hpp"
#include "contribution.hpp"

namespace chatlens::server {

struct StoredContribution {
  std::string id;           // the row's random key, 32 hex digits: for deduplicating loads
  std::string day;          // the UTC day it was stored on, "YYYY-MM-DD"
  int summary_version = 0;  // the community_summary version it was sent as
  Contribution contribution;
};

class ContributionSource {
 public:
  virtual ~ContributionSource() = default;
  virtual std::string describe() const = 0;
  // The distinct days holding contributions, ascending, between first and last (inclusive; an
  // empty bound is open).
  virtual Result<std::vector<std::string>> days(const std::string& first, const std::string& last) = 0;
  // The contributions of one day, in the order of their random keys (not the order they arrived in).
  virtual Result<std::vector<StoredContribution>> read_day(const std::string& day) = 0;
};

// Opens what a --db value names (the same values as `chatlens serve --db`), read-only. The
// database must already hold chatlens' schema, version 2 or later (random contribution keys: an
// older one is refused, since its sequential ids would tell the order contributions arrived in).
Result<std::unique_ptr<ContributionSource>> open_contribution_source(const std::string& db,
                                                                     const std::filesystem::path& data_dir);

}  // namespace chatlens::server
