#pragma once
// Planted truth: exports of an owner whose habits are known in advance, and those habits
// written beside them as JSON, so that every section of the report can be checked against
// what really happened (tests/native/planted_truth_test.cpp).
//
// The owner, "Alex Rivera", writes `messages_per_day` messages a day on average between
// 2022-07-01 and 2024-12-31, on irregular days with three long silences, in WhatsApp
// (minute resolution) and Telegram (second resolution) chats, in Spanish and English.
// Everything the truth states is either a planted parameter (sleep and work windows,
// months of appearance and fading, the mood shift, topic words) or measured on the
// planted conversations themselves before they are written out (reply medians, who
// started, lengths, double texts), never on what chatlens reads back.
#include <cstdint>
#include <string>
#include <vector>

#include "export_generator.hpp"
#include "json/json.hpp"

namespace chatlens::bench {

struct PlantedOptions {
  double messages_per_day = 5;  // the owner's own messages, averaged over every calendar day
  uint64_t seed = 1;
};

struct PlantedExport {
  std::vector<GeneratedFile> files;  // "WhatsApp Chat with ....txt" files and one Telegram "result.json"
  Json truth;                        // what was planted (see planted_truth.cpp for the fields)
};

PlantedExport generate_planted(const PlantedOptions& options);

// The planted filler words: everyday chat language the owner uses all the time. Never interests.
const std::vector<std::string>& planted_filler_words();

}  // namespace chatlens::bench
