#include "model/identity.hpp"

#include <gtest/gtest.h>

#include "model/corpus_builder.hpp"

using namespace chatlens;

namespace {

Corpus chats_with(const std::vector<std::vector<std::string>>& chats, const std::string& declared = {}) {
  CorpusBuilder b;
  int minute = 0;
  for (size_t i = 0; i < chats.size(); ++i) {
    const ChatId c = b.add_chat(ChatDraft{Platform::WhatsApp, "chat " + std::to_string(i), ChatKind::Private, {}, 0});
    for (const std::string& who : chats[i]) {
      MessageDraft m;
      m.chat = c;
      m.sender = b.person(Platform::WhatsApp, who);
      m.time = LocalTime::from_civil(2023, 1, 1, 10, minute++ % 60, 0);
      m.text = "hi";
      b.add(m);
      if (who == declared) b.declare_owner(m.sender);
    }
  }
  return std::move(b).finish();
}

}  // namespace

TEST(Identity, TheOneParticipantCommonToAllChatsIsTheOwner) {
  Corpus c = chats_with({{"Ana", "Me"}, {"Ben", "Me"}, {"Me", "Cy", "Dee"}});
  const OwnerResolution r = resolve_owner(c);
  EXPECT_EQ(r.status, OwnerResolution::Status::Resolved);
  EXPECT_EQ(owner_name(c), "Me");
}

TEST(Identity, ASinglePrivateChatIsAmbiguousAndListsTheCandidates) {
  Corpus c = chats_with({{"Ana", "Me"}});
  const OwnerResolution r = resolve_owner(c);
  EXPECT_EQ(r.status, OwnerResolution::Status::Ambiguous);
  EXPECT_EQ(r.candidates, (std::vector<std::string>{"Ana", "Me"}));
  EXPECT_EQ(owner_name(c), "");
}

TEST(Identity, MeOverridesAndIgnoresCaseAndDirectionMarks) {
  Corpus c = chats_with({{"Ana", "Me"}});
  const OwnerResolution r = resolve_owner(c, std::string_view("\u200Eana"));
  EXPECT_EQ(r.status, OwnerResolution::Status::Resolved);
  EXPECT_EQ(owner_name(c), "Ana");
}

TEST(Identity, AnUnknownMeIsRefusedWithTheNamesThatExist) {
  Corpus c = chats_with({{"Ana", "Me"}});
  const OwnerResolution r = resolve_owner(c, std::string_view("Zoe"));
  EXPECT_EQ(r.status, OwnerResolution::Status::NoSuchPerson);
  EXPECT_EQ(r.candidates.size(), 2u);
}

TEST(Identity, WhatTheExportDeclaresWins) {
  Corpus c = chats_with({{"Ana", "Me"}}, "Ana");
  const OwnerResolution r = resolve_owner(c);
  EXPECT_EQ(r.status, OwnerResolution::Status::Resolved);
  EXPECT_EQ(owner_name(c), "Ana");
}

TEST(Identity, CandidatesComeLikeliestFirstWithWhy) {
  // Nobody is in all three chats: "Me" is in two, with fewer messages than "Ana" in one.
  Corpus c = chats_with({{"Zed", "Me"}, {"Me", "Bo"}, {"Ana", "Ana", "Ana", "Cy"}});
  const OwnerResolution r = resolve_owner(c);
  ASSERT_EQ(r.status, OwnerResolution::Status::Ambiguous);
  ASSERT_EQ(r.candidates, (std::vector<std::string>{"Me", "Ana", "Bo", "Cy", "Zed"}));
  ASSERT_EQ(r.evidence.size(), 5u);
  EXPECT_EQ(r.evidence[0].name, "Me");
  EXPECT_EQ(r.evidence[0].chats, 2u);
  EXPECT_EQ(r.evidence[0].total_chats, 3u);
  EXPECT_EQ(r.evidence[0].messages, 2u);
  EXPECT_EQ(r.evidence[1].name, "Ana");
  EXPECT_EQ(r.evidence[1].messages, 3u);
}

TEST(Identity, AnOwnerTheExportOnlyHintsAtIsSaidToBeInferred) {
  CorpusBuilder b;
  const ChatId chat = b.add_chat(ChatDraft{Platform::WhatsApp, "chat", ChatKind::Private, {}, 0});
  for (const char* who : {"Ana", "Me"}) {
    MessageDraft m;
    m.chat = chat;
    m.sender = b.person(Platform::WhatsApp, who);
    m.time = LocalTime::from_civil(2023, 1, 1, 10, 0, 0);
    m.text = "hi";
    b.add(m);
    if (std::string(who) == "Me") b.infer_owner(m.sender);
  }
  Corpus c = std::move(b).finish();
  const OwnerResolution r = resolve_owner(c);
  ASSERT_EQ(r.status, OwnerResolution::Status::Resolved);
  EXPECT_EQ(owner_name(c), "Me");
  ASSERT_EQ(r.how.size(), 1u);
  EXPECT_EQ(r.how[0].key, "owner.inferred_from_export");

  Corpus stated = chats_with({{"Ana", "Me"}}, "Me");
  EXPECT_EQ(resolve_owner(stated).how[0].key, "owner.stated_in_export");
}

namespace {

// One chat per entry: its platform, its senders, and who its export declares the owner ("" for nobody).
struct PlatformChat {
  Platform platform;
  std::vector<std::string> senders;
  std::string declared;
};

Corpus platforms_with(const std::vector<PlatformChat>& chats) {
  CorpusBuilder b;
  int minute = 0;
  for (const PlatformChat& chat : chats) {
    const ChatId c = b.add_chat(ChatDraft{chat.platform, "chat", ChatKind::Group, {}, 0});
    for (const std::string& who : chat.senders) {
      MessageDraft m;
      m.chat = c;
      m.sender = b.person(chat.platform, who);
      m.time = LocalTime::from_civil(2023, 1, 1, 10, minute++ % 60, 0);
      m.text = "hi";
      b.add(m);
      if (who == chat.declared) b.declare_owner(m.sender);
    }
  }
  return std::move(b).finish();
}

std::vector<std::string> owners(const Corpus& c) {
  std::vector<std::string> out;
  for (const Person& p : c.people)
    if (p.is_owner) out.push_back(std::string(to_string(p.platform)) + ":" + p.name);
  return out;
}

}  // namespace

TEST(Identity, AnUnsurePlatformTakesTheOneCandidateNamedLikeTheOwnerElsewhere) {
  // Telegram says who the owner is; the only Messenger thread has three people, one of them
  // with the owner's name written in lower case without its accent.
  Corpus c = platforms_with({{Platform::Telegram, {"Álex Rivera", "Ana"}, "Álex Rivera"},
                             {Platform::Messenger, {"Ana Gómez", "alex rivera", "Bea"}, ""}});
  const OwnerResolution r = resolve_owner(c);
  ASSERT_EQ(r.status, OwnerResolution::Status::Resolved);
  EXPECT_EQ(owners(c), (std::vector<std::string>{"telegram:Álex Rivera", "messenger:alex rivera"}));
  ASSERT_EQ(r.how.size(), 2u);
  EXPECT_EQ(r.how[0].platform, "telegram");
  EXPECT_EQ(r.how[1].platform, "messenger");
  EXPECT_EQ(r.how[1].key, "owner.same_name_elsewhere");
}

TEST(Identity, NoCandidateOrTwoNamedLikeTheOwnerElsewhereIsStillAsked) {
  Corpus none = platforms_with(
      {{Platform::Telegram, {"Alex Rivera", "Ana"}, "Alex Rivera"}, {Platform::Discord, {"Alex R.", "Ana"}, ""}});
  EXPECT_EQ(resolve_owner(none).status, OwnerResolution::Status::Ambiguous);
  Corpus two = platforms_with({{Platform::Telegram, {"Alex Rivera", "Ana"}, "Alex Rivera"},
                               {Platform::Discord, {"Alex Rivera", "ALEX RIVERA", "Ana"}, ""}});
  const OwnerResolution r = resolve_owner(two);
  EXPECT_EQ(r.status, OwnerResolution::Status::Ambiguous);
  EXPECT_EQ(r.candidates.size(), 3u);
}

TEST(Identity, MeNamesTheOwnerWhereTheNameIsAndKeepsWhatOtherExportsSay) {
  // Signal's chat.md calls the owner "Me"; the WhatsApp group cannot tell; --me "Alex".
  Corpus c =
      platforms_with({{Platform::Signal, {"Me", "Ana"}, "Me"}, {Platform::WhatsApp, {"Alex", "Ana", "Bea"}, ""}});
  const OwnerResolution r = resolve_owner(c, std::string_view("alex"));
  ASSERT_EQ(r.status, OwnerResolution::Status::Resolved);
  EXPECT_EQ(owners(c), (std::vector<std::string>{"signal:Me", "whatsapp:Alex"}));
  ASSERT_EQ(r.how.size(), 2u);
  EXPECT_EQ(r.how[0].key, "owner.named_by_caller");
  EXPECT_EQ(r.how[1].key, "owner.stated_in_export");
  EXPECT_EQ(r.how[1].platform, "signal");
  // Where the name is, it wins over the export.
  Corpus d = platforms_with({{Platform::Signal, {"Me", "Ana"}, "Me"}});
  ASSERT_EQ(resolve_owner(d, std::string_view("Ana")).status, OwnerResolution::Status::Resolved);
  EXPECT_EQ(owners(d), (std::vector<std::string>{"signal:Ana"}));
}
