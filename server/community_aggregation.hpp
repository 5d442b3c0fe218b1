#pragma once
// GET /api/v1/community: the distributions the web app compares a report with, built from the
// cells (community_cells.hpp) with small cells suppressed.
//
// The k-threshold rule: a published number always counts at least k contributors.
//  - `contributors` (the total) appears only when it is at least k.
//  - A bucket of a distribution (avg_text_length, messages_per_active_day, minutes_per_day, and
//    each hour's share) is published only with at least k contributors. Since the buckets of a
//    distribution add up to the total, publishing all but one small bucket would give that one
//    away (total minus the others): whenever the suppressed buckets of a distribution hold between
//    1 and k-1 contributors in all, the smallest published buckets are suppressed too, until they
//    hold at least k (or nothing is published).
//  - An emoji is published only when at least k contributors have it in their top 10.
//  - The helpers for percentiles ("below", "at") are shares of the *published* contributors of
//    that distribution, so they reveal nothing the published counts do not.
#include <string>

#include "community_cells.hpp"

namespace chatlens::server {

inline constexpr int kDefaultKThreshold = 10;
inline constexpr int kMinKThreshold = 5;

// The response body (JSON) for a snapshot; deterministic: the same snapshot and k give the same bytes.
std::string community_json(const CommunitySnapshot& snapshot, int k_threshold);

}  // namespace chatlens::server
