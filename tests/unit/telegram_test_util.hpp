#pragma once
// Helpers for the Telegram importer tests: import inline JSON through the real
// session and look messages up by their Telegram id.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "import/import_session.hpp"
#include "model/corpus.hpp"
#include "test_today.hpp"

namespace chatlens::testing {

struct Imported {
  Corpus corpus;
  SourceReport report;
};

inline Imported import_telegram(std::string json, std::string name = "result.json") {
  ImportSession session(kTestToday);
  session.add(std::move(name), std::move(json));
  Imported out;
  out.report = session.sources().at(0);
  out.corpus = std::move(session).finish();
  return out;
}

// Index of the message with Telegram id `id` (asserts there is exactly one).
inline size_t message_with_id(const Corpus& c, int64_t id) {
  size_t found = SIZE_MAX, count = 0;
  for (size_t i = 0; i < c.size(); ++i)
    if (c.messages.platform_id[i] == id) found = i, ++count;
  EXPECT_EQ(count, 1u) << "messages with id " << id;
  return found == SIZE_MAX ? 0 : found;
}

inline std::string sender_name(const Corpus& c, size_t i) {
  const Person* p = c.sender(i);
  return p ? p->name : std::string("<none>");
}

inline std::string sender_id(const Corpus& c, size_t i) {
  const Person* p = c.sender(i);
  return p ? p->platform_id : std::string("<none>");
}

inline std::string owner_names(const Corpus& c) {
  std::string names;
  for (const Person& p : c.people)
    if (p.is_owner) names += (names.empty() ? "" : ",") + p.name;
  return names;
}

}  // namespace chatlens::testing
