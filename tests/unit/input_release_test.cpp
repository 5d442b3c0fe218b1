// The corpus owns the texts it keeps: an input is destroyed as soon as its import
// returns, and importers say which bytes they are done with as they read, so a huge
// export never needs all its memory at once (issue 16).
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "import/import_session.hpp"
#include "import/input_bytes.hpp"
#include "test_today.hpp"

namespace chatlens {
namespace {

// An input over a string the test keeps: on destruction it overwrites every byte, so
// a text still pointing into the input would read '#'. Records the release offsets.
class PoisonedOnRelease final : public WholeInput {
 public:
  PoisonedOnRelease(std::string& bytes, bool& destroyed, std::vector<uint64_t>& releases)
      : bytes_(bytes), destroyed_(destroyed), releases_(releases) {}
  ~PoisonedOnRelease() override {
    std::fill(bytes_.begin(), bytes_.end(), '#');
    destroyed_ = true;
  }
  std::string_view bytes() const override { return bytes_; }
  void release_before(uint64_t offset) override { releases_.push_back(offset); }

 private:
  std::string& bytes_;
  bool& destroyed_;
  std::vector<uint64_t>& releases_;
};

struct Imported {
  Corpus corpus;
  bool destroyed_after_add = false;
  std::vector<uint64_t> releases;
};

Imported import_poisoned(std::string name, std::string bytes) {
  Imported out;
  bool destroyed = false;
  ImportSession session(testing::kTestToday);
  const SourceReport& r =
      session.add(std::move(name), std::make_unique<PoisonedOnRelease>(bytes, destroyed, out.releases));
  EXPECT_TRUE(r.ok()) << r.status;
  out.destroyed_after_add = destroyed;
  out.corpus = std::move(session).finish();
  return out;
}

TEST(InputRelease, WhatsAppTextsOutliveTheirInput) {
  const Imported w = import_poisoned("chat.txt",
                                     "1/2/24, 10:00 - Ana: hola\n"
                                     "1/2/24, 10:01 - Bea: qué tal\nsegunda línea\n"
                                     "1/2/24, 10:02 - Ana: <Media omitted>\n");
  EXPECT_TRUE(w.destroyed_after_add);
  ASSERT_EQ(w.corpus.size(), 3u);
  EXPECT_EQ(w.corpus.text(0), "hola");
  EXPECT_EQ(w.corpus.text(1), "qué tal\nsegunda línea");
  EXPECT_EQ(w.corpus.people.at(0).name, "Ana");
}

TEST(InputRelease, TelegramTextsOutliveTheirInput) {
  const Imported t = import_poisoned("result.json", R"({"name": "Ana", "type": "personal_chat", "id": 7,
 "messages": [
  {"id": 1, "type": "message", "date": "2024-01-02T10:00:00", "date_unixtime": "1704189600",
   "from": "Ana", "from_id": "user7", "text": "hola"},
  {"id": 2, "type": "message", "date": "2024-01-02T10:01:00", "date_unixtime": "1704189660",
   "from": "Bea", "from_id": "user8", "text": ["mira ", {"type": "bold", "text": "esto"}]}
 ]})");
  EXPECT_TRUE(t.destroyed_after_add);
  ASSERT_EQ(t.corpus.size(), 2u);
  EXPECT_EQ(t.corpus.text(0), "hola");
  EXPECT_EQ(t.corpus.text(1), "mira esto");
}

// Both passes of the WhatsApp reader hand back what lies behind them, every few
// megabytes, in increasing offsets within a pass, up to near the end of the input.
TEST(InputRelease, WhatsAppReleasesBehindItsCursorInBothPasses) {
  std::string chat;
  for (int i = 0; chat.size() < (size_t{10} << 20); ++i)
    chat += "1/2/24, 10:" + std::to_string(10 + i % 50) + " - " + (i % 2 ? "Ana" : "Bea") +
            ": a message long enough to fill ten megabytes soon, number " + std::to_string(i) + "\n";
  const size_t size = chat.size();
  const Imported w = import_poisoned("chat.txt", chat);
  EXPECT_TRUE(w.destroyed_after_add);
  EXPECT_EQ(w.corpus.text(0), "a message long enough to fill ten megabytes soon, number 0");
  ASSERT_GE(w.releases.size(), 4u);
  size_t passes = 1;
  for (size_t i = 1; i < w.releases.size(); ++i) passes += w.releases[i] < w.releases[i - 1];
  EXPECT_EQ(passes, 2u);  // the date-order pass, then the record pass
  for (uint64_t offset : w.releases) EXPECT_LE(offset, size);
  EXPECT_GE(w.releases.back(), size - (size_t{5} << 20));
}

}  // namespace
}  // namespace chatlens
