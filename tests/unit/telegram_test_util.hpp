#pragma once
// Helpers for the Telegram importer tests: import inline JSON through the real
// session and look messages up by their Telegram id. Every import is also made in
// pieces of 1, 7 and 4096 bytes (the importer streams): each must give exactly what the
// whole input gave, down to the lines and offsets of skipped records and errors.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "chunked_input.hpp"
#include "corpus_fingerprint.hpp"
#include "import/import_session.hpp"
#include "model/corpus.hpp"
#include "test_today.hpp"

namespace chatlens::testing {

struct Imported {
  Corpus corpus;
  SourceReport report;
};

inline Imported import_telegram_in_pieces(std::string json, std::string name, size_t piece) {
  ImportSession session(kTestToday);
  add_in_pieces(session, std::move(name), std::move(json), piece);
  Imported out;
  out.report = session.sources().at(0);
  out.corpus = std::move(session).finish();
  return out;
}

inline Imported import_telegram(std::string json, std::string name = "result.json") {
  Imported whole = import_telegram_in_pieces(json, name, 0);
  const std::string expected = corpus_fingerprint(whole.corpus, whole.report);
  for (const size_t piece : {1, 7, 4096}) {
    const Imported pieces = import_telegram_in_pieces(json, name, piece);
    EXPECT_EQ(corpus_fingerprint(pieces.corpus, pieces.report), expected) << "in pieces of " << piece << " bytes";
  }
  return whole;
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
