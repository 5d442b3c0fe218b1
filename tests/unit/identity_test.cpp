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
