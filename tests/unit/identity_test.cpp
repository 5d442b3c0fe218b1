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
