#pragma once
// One contribution to the community service: a community_summary (docs/community-summary.md) once
// validated. Emoji are kept in their canonical spelling (the fully-qualified code points of the
// emoji table, e.g. "2764-FE0F"), so "2764" and "2764-FE0F" count as the same emoji.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace chatlens::server {

struct Contribution {
  int avg_text_length = 0;
  int messages_per_active_day = 1;
  int minutes_per_day = 0;
  std::array<int, 24> hour_profile{};
  std::vector<std::string> top_emoji;  // canonical hexcodes, most used first, distinct

  bool operator==(const Contribution&) const = default;
};

// The contribution as a community_summary document, keys in the schema's order, no spaces.
std::string to_summary_json(const Contribution& c);

// A 64-bit fingerprint of the contribution (FNV-1a of to_summary_json): tells a retry that repeats
// an idempotency key with the same body from one that reuses the key for another body.
uint64_t fingerprint(const Contribution& c);

// "1,0,0,...": the hour profile as stored; and back (false when malformed).
std::string join_hour_profile(const std::array<int, 24>& hours);
bool split_hour_profile(const std::string& text, std::array<int, 24>& hours);
// "1F602 2764-FE0F": the emoji as stored; and back.
std::string join_emoji(const std::vector<std::string>& emoji);
std::vector<std::string> split_emoji(const std::string& text);

}  // namespace chatlens::server
