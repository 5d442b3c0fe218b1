// Conformance of the emoji matcher against Unicode's emoji-test.txt (Debian package unicode-data,
// Emoji 15.0; our table is Emoji 17.0, a superset). Native only: it reads a file.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "text/emoji.hpp"
#include "text/utf8.hpp"

using namespace chatlens;

namespace {

constexpr const char* kEmojiTestPath = "/usr/share/unicode/emoji/emoji-test.txt";

struct Line {
  std::string code;  // UTF-8
  std::string status;
  std::string name;  // "red heart", "thumbs up: medium skin tone"
  int number = 0;
};

// Lines look like: "2764 FE0F ; fully-qualified # ❤️ E0.6 red heart"
std::vector<Line> read_emoji_test() {
  std::vector<Line> lines;
  std::ifstream in(kEmojiTestPath);
  std::string s;
  int number = 0;
  while (std::getline(in, s)) {
    ++number;
    if (s.empty() || s[0] == '#') continue;
    const size_t semi = s.find(';');
    const size_t hash = s.find('#');
    if (semi == std::string::npos || hash == std::string::npos) continue;
    Line l;
    l.number = number;
    std::istringstream cps(s.substr(0, semi));
    std::string hex;
    while (cps >> hex) append_utf8(l.code, static_cast<char32_t>(std::stoul(hex, nullptr, 16)));
    std::istringstream st(s.substr(semi + 1, hash - semi - 1));
    st >> l.status;
    // After '#': the emoji, the version ("E0.6"), the name.
    const std::string rest = s.substr(hash + 1);
    const size_t e = rest.find(" E");
    const size_t sp = e == std::string::npos ? std::string::npos : rest.find(' ', e + 1);
    l.name = sp == std::string::npos ? "" : rest.substr(sp + 1);
    lines.push_back(std::move(l));
  }
  return lines;
}

std::vector<EmojiMatch> matches(std::string_view text) {
  std::vector<EmojiMatch> out;
  for_each_emoji(text, [&](const EmojiMatch& m) { out.push_back(m); });
  return out;
}

// The code an emoji match stands for: the base emoji, or its skin-tone variant.
std::string code_of(const EmojiMatch& m) {
  if (m.tone == SkinTone::None) return std::string(emoji_info(m.id).code);
  return std::string(skin_variant(m.id, m.tone, m.tone2));
}

// CLDR names, compared without ASCII case ("Mx Claus" / "mx claus").
bool same_name(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

class EmojiTestTxt : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::ifstream(kEmojiTestPath)) {
      std::fprintf(stderr, "\n*** SKIPPING: %s not found (install Debian's unicode-data package) ***\n\n",
                   kEmojiTestPath);
      GTEST_SKIP() << kEmojiTestPath << " not found: install Debian's unicode-data package";
    }
    lines_ = read_emoji_test();
    ASSERT_GT(lines_.size(), 4000u) << "unexpected emoji-test.txt";
  }
  std::vector<Line> lines_;
};

}  // namespace

TEST_F(EmojiTestTxt, EveryFullyQualifiedLineIsExactlyOneEmojiWithTheRightBase) {
  size_t checked = 0, failures = 0;
  for (const Line& l : lines_) {
    if (l.status != "fully-qualified") continue;
    ++checked;
    const auto found = matches(l.code);
    bool ok =
        found.size() == 1 && found[0].offset == 0 && found[0].length == l.code.size() && code_of(found[0]) == l.code;
    // A base emoji (no tone) has the name of the line; a toned one the base name before the ':'.
    if (ok && found[0].tone == SkinTone::None && !emoji_info(found[0].id).component) {
      // CLDR renamed one emoji between Emoji 15.0 (this file) and 17.0 (our table).
      ok = same_name(emoji_info(found[0].id).name_en, l.name) ||
           (l.name == "flag: Turkey" && emoji_info(found[0].id).name_en == "flag: T\u00FCrkiye");
    }
    if (!ok && ++failures <= 20) {
      ADD_FAILURE() << "line " << l.number << " " << l.code << " (" << l.name << "): " << found.size() << " match(es)";
      if (!found.empty()) ADD_FAILURE() << "  first: " << code_of(found[0]) << " " << emoji_info(found[0].id).name_en;
    }
  }
  EXPECT_GT(checked, 3600u);
  EXPECT_EQ(failures, 0u);
}

TEST_F(EmojiTestTxt, OtherQualificationsMatchTheirFullyQualifiedEmoji) {
  // Lines of one emoji are adjacent: the fully-qualified one first, then the others with its name.
  std::string last_name;
  EmojiMatch last{};
  size_t checked = 0, text_style = 0, failures = 0;
  for (const Line& l : lines_) {
    if (l.status == "fully-qualified") {
      const auto found = matches(l.code);
      if (found.size() == 1) last = found[0];
      last_name = l.name;
      continue;
    }
    if (l.status != "minimally-qualified" && l.status != "unqualified") continue;
    if (l.name != last_name) continue;
    ++checked;
    const auto found = matches(l.code);
    if (found.empty() && l.status == "unqualified") {
      // A bare text-style symbol (© ™ ↔ ✔ …) is deliberately not an emoji without U+FE0F.
      size_t i = 0;
      decode_utf8(l.code, i);
      if (i == l.code.size()) {
        ++text_style;
        continue;
      }
    }
    const bool ok =
        found.size() == 1 && found[0].id == last.id && found[0].tone == last.tone && found[0].length == l.code.size();
    if (!ok && ++failures <= 20) ADD_FAILURE() << "line " << l.number << " " << l.code << " (" << l.name << ")";
  }
  std::fprintf(stderr, "%zu unqualified/minimally-qualified lines, %zu bare text-style symbols left as text\n", checked,
               text_style);
  EXPECT_GT(checked, 1000u);
  EXPECT_LT(text_style, 120u);
  EXPECT_EQ(failures, 0u);
}

TEST_F(EmojiTestTxt, AllFullyQualifiedEmojiInOneTextAreFoundInOrder) {
  std::string text;
  std::vector<std::string> expected;
  for (const Line& l : lines_) {
    if (l.status != "fully-qualified") continue;
    text += l.code;
    text += expected.size() % 3 == 0 ? " " : "x";  // separators: ASCII between clusters
    expected.push_back(l.code);
  }
  const auto found = matches(text);
  ASSERT_EQ(found.size(), expected.size());
  for (size_t i = 0; i < found.size(); ++i) EXPECT_EQ(code_of(found[i]), expected[i]) << i;
}
