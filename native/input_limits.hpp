#pragma once
// What the native reader accepts before refusing an input: a ceiling on the
// bytes of one input (a file, or what a zip entry inflates to) and on the
// compression ratio of zip entries. Defaults fit the largest real exports
// (full-account Telegram exports reach a few GB; chat text deflates 3 to 10
// times) and stop zip bombs early. docs/limits.md lists them.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace chatlens {

struct InputLimits {
  static constexpr uint64_t kDefaultMaxInputBytes = uint64_t{4} << 30;  // 4 GiB
  static constexpr uint64_t kDefaultMaxZipRatio = 100;
  // Below this an entry is never refused for its ratio: it fits any memory budget.
  static constexpr uint64_t kRatioFloorBytes = uint64_t{32} << 20;

  uint64_t max_input_bytes = kDefaultMaxInputBytes;  // --max-input-size
  uint64_t max_zip_ratio = kDefaultMaxZipRatio;      // --max-zip-ratio
};

// "4G", "500M", "64K", "1000" (bytes); binary units. nullopt when not a size.
std::optional<uint64_t> parse_byte_size(std::string_view text);
// 4294967296 -> "4 GiB", 1500 -> "1500 bytes".
std::string describe_byte_size(uint64_t bytes);

}  // namespace chatlens
