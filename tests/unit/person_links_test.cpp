// One person across platforms: name comparison, suggestions, the union-find and
// links applied to the corpus (every insight then counts a linked person once).
#include "model/person_links.hpp"

#include <gtest/gtest.h>

#include "insights/insight.hpp"
#include "model/corpus_builder.hpp"
#include "model/identity.hpp"
#include "model/link_suggestions.hpp"
#include "model/person_names.hpp"

using namespace chatlens;

TEST(PersonNames, CaseAccentsEmojiPunctuationAndSpacingAreSetAside) {
  EXPECT_EQ(comparable_name("  ANA   Gómez 🌸"), "ana gomez");
  EXPECT_EQ(comparable_name("\u200EAna\u00A0Gómez"), "ana gomez");
  EXPECT_EQ(comparable_name("José-María"), "jose maria");
  EXPECT_EQ(comparable_name("Ana G."), "ana g");
  EXPECT_EQ(comparable_name("🌸🌸"), "");
  EXPECT_NE(comparable_name("Ana"), comparable_name("Ane"));
}

TEST(PersonNames, PhoneNumbersAreComparedByTheirDigits) {
  EXPECT_EQ(phone_digits("+34 612 34 56 78"), "34612345678");
  EXPECT_EQ(phone_digits("\u200E+34 612-34-56-78"), "34612345678");
  EXPECT_EQ(phone_digits("0034 612 345 678"), "34612345678");
  EXPECT_EQ(phone_digits("(612) 345 678"), "612345678");
  EXPECT_EQ(phone_digits("Ana 612345678"), "");
  EXPECT_EQ(phone_digits("12 34"), "");  // too short to be a phone number
  EXPECT_EQ(phone_digits("user123456789"), "");
  EXPECT_TRUE(same_phone("34612345678", "612345678"));
  EXPECT_FALSE(same_phone("34612345678", "34612345679"));
  EXPECT_FALSE(same_phone("2345678", "12345678"));  // too short to drop a country code
}

TEST(PersonNames, AnInitialAbbreviatesALaterWord) {
  EXPECT_TRUE(initials_match("ana g", "ana gomez"));
  EXPECT_TRUE(initials_match("ana gomez", "ana g"));
  EXPECT_TRUE(initials_match("ana m gomez", "ana maria gomez"));
  EXPECT_FALSE(initials_match("ana gomez", "ana gomez"));  // equal is not an abbreviation
  EXPECT_FALSE(initials_match("a gomez", "ana gomez"));    // first names must agree
  EXPECT_FALSE(initials_match("ana p", "ana gomez"));
  EXPECT_FALSE(initials_match("ana", "ana gomez"));
  EXPECT_FALSE(initials_match("ana go", "ana gomez"));  // two letters are not an initial
}

TEST(PersonUnion, JoinsGroupsTransitively) {
  PersonUnion u(5);
  u.unite(0, 1);
  u.unite(3, 4);
  EXPECT_TRUE(u.same(0, 1));
  EXPECT_FALSE(u.same(1, 3));
  u.unite(1, 4);
  EXPECT_TRUE(u.same(0, 3));
  EXPECT_FALSE(u.same(2, 0));
  EXPECT_EQ(u.find(2), 2u);
}

namespace {

// Me and Ana on WhatsApp, Me and "Ana G." on Telegram, plus Bea on both under other names.
struct TwoPlatforms {
  CorpusBuilder b;
  std::deque<std::string> texts;
  void say(ChatId chat, Platform platform, const std::string& who, int day, int minute) {
    MessageDraft m;
    m.chat = chat;
    m.sender = b.person(platform, who);
    m.time = LocalTime::from_civil(2024, 1, day, 10, minute, 0);
    texts.push_back("hola");
    m.text = texts.back();
    b.add(m);
  }
  Corpus build() {
    const ChatId wa = b.add_chat(ChatDraft{Platform::WhatsApp, "Ana", ChatKind::Private, {}, 0});
    const ChatId tg = b.add_chat(ChatDraft{Platform::Telegram, "Ana G.", ChatKind::Private, {}, 0});
    for (int d = 1; d <= 3; ++d) {
      say(wa, Platform::WhatsApp, "Ana Gómez 🌸", d, 0);
      say(wa, Platform::WhatsApp, "Me", d, 5);
      say(tg, Platform::Telegram, "Ana G.", d, 30);
      say(tg, Platform::Telegram, "Me", d, 31);
    }
    Corpus c = std::move(b).finish();
    resolve_owner(c, std::string_view("Me"));
    return c;
  }
};

}  // namespace

TEST(LinkSuggestions, AnAbbreviatedNameOnAnotherPlatformIsAWeakSuggestion) {
  Corpus c = TwoPlatforms().build();
  const auto s = suggest_person_links(c);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].reason, "name_initials");
  EXPECT_EQ(s[0].strength, "weak");
  EXPECT_EQ(c.people[s[0].a].name, "Ana Gómez 🌸");
  EXPECT_EQ(c.people[s[0].b].name, "Ana G.");
}

TEST(LinkSuggestions, SameNormalisedNameAndSamePhoneAreStrongAndOwnersAreLeftOut) {
  CorpusBuilder b;
  const PersonId wa_ana = b.person(Platform::WhatsApp, "ANA gomez");
  const PersonId tg_ana = b.person(Platform::Telegram, "Ana Gómez");
  const PersonId wa_phone = b.person(Platform::WhatsApp, "+34 612 34 56 78");
  const PersonId sg_phone = b.person(Platform::Signal, "612345678");
  const PersonId wa_me = b.person(Platform::WhatsApp, "Me");
  const PersonId tg_me = b.person(Platform::Telegram, "me");
  Corpus c = std::move(b).finish();
  c.people[wa_me].is_owner = c.people[tg_me].is_owner = true;
  const auto s = suggest_person_links(c);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].reason, "same_phone");
  EXPECT_EQ(std::make_pair(s[0].a, s[0].b), std::make_pair(wa_phone, sg_phone));
  EXPECT_EQ(s[1].reason, "same_name");
  EXPECT_EQ(s[1].strength, "strong");
  EXPECT_EQ(std::make_pair(s[1].a, s[1].b), std::make_pair(wa_ana, tg_ana));
}

TEST(PersonLinks, ALinkedPersonIsOnePersonInEveryChat) {
  Corpus c = TwoPlatforms().build();
  const LinkOutcome r = apply_person_links(c, {{{"ana gómez 🌸", ""}, {"Ana G.", "telegram"}, "--same"}});
  EXPECT_TRUE(r.unknown.empty());
  EXPECT_EQ(r.people_merged, 2u);  // Ana G. into Ana Gómez, and the Telegram owner into the WhatsApp one
  const PersonId ana = c.messages.sender[0];
  EXPECT_EQ(c.people[ana].name, "Ana Gómez 🌸");
  for (const Chat& chat : c.chats) EXPECT_EQ(chat.members.size(), 2u);
  EXPECT_EQ(c.chats[0].members, c.chats[1].members);
  EXPECT_TRUE(suggest_person_links(c).empty());  // linked: nothing left to suggest
  const auto platforms = platforms_per_person(c);
  EXPECT_EQ(platforms[ana], (std::vector<Platform>{Platform::WhatsApp, Platform::Telegram}));

  DerivedData derived(c, 6 * 3600);
  ReportOptions options;
  const Json overview = overview_insight({c, options, derived});
  EXPECT_EQ(overview.find("data")->find("people")->as_int(), 2);
  EXPECT_EQ(overview.find("people")->as_array().size(), 2u);
}

// The web app keeps the senders as imported only when links are about to change them (a
// copy of the sender column per report is 20 MB at 5M messages): the hook says when.
TEST(PersonLinks, TheCorpusIsHandedOverJustBeforeItChangesAndOnlyThen) {
  Corpus c = TwoPlatforms().build();
  bool seen_owner = false;
  for (Person& p : c.people)
    if (p.is_owner) p.is_owner = !seen_owner, seen_owner = true;  // one owner: nobody merges unasked
  const Column<PersonId> imported = c.messages.sender;
  int calls = 0;
  const auto save = [&](const Corpus& before) {
    ++calls;
    EXPECT_TRUE(before.messages.sender == imported);
  };
  EXPECT_EQ(apply_person_links(c, {}, save).people_merged, 0u);
  EXPECT_EQ(calls, 0);
  EXPECT_TRUE(c.messages.sender == imported);
  EXPECT_EQ(apply_person_links(c, {{{"ana gómez 🌸", ""}, {"Ana G.", "telegram"}, "--same"}}, save).people_merged, 1u);
  EXPECT_EQ(calls, 1);
  EXPECT_FALSE(c.messages.sender == imported);
}

TEST(PersonLinks, ANameThatMatchesNobodyIsReportedAndNotApplied) {
  Corpus c = TwoPlatforms().build();
  const LinkOutcome r = apply_person_links(c, {{{"Ana Gómez 🌸", ""}, {"Zoe", ""}, "links.txt:3"}});
  ASSERT_EQ(r.unknown.size(), 1u);
  EXPECT_EQ(r.unknown[0].name, "Zoe");
  EXPECT_EQ(r.unknown[0].origin, "links.txt:3");
  EXPECT_EQ(r.people_merged, 1u);  // only the two owners
  EXPECT_EQ(suggest_person_links(c).size(), 1u);
}
