#include "insights/derived_data.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "model/corpus_builder.hpp"

namespace chatlens {
namespace {

// Several chats with interleaved times, equal times across chats and system lines.
Corpus random_corpus(unsigned seed) {
  std::mt19937 rng(seed);
  CorpusBuilder b;
  const int chats = 1 + static_cast<int>(rng() % 6);
  for (int c = 0; c < chats; ++c)
    b.add_chat(ChatDraft{Platform::WhatsApp, "chat " + std::to_string(c), ChatKind::Group, {}, 0});
  const PersonId people[] = {b.person(Platform::WhatsApp, "Ana"), b.person(Platform::WhatsApp, "Ben"),
                             b.person(Platform::WhatsApp, "Cat")};
  for (int i = 0, n = static_cast<int>(rng() % 400); i < n; ++i) {
    MessageDraft m;
    m.chat = static_cast<ChatId>(rng() % chats);
    m.time = LocalTime{static_cast<int64_t>(rng() % 50) * 60};  // many equal minutes
    if (rng() % 5 == 0)
      m.kind = MessageKind::System;
    else
      m.sender = people[rng() % 3];
    b.add(m);
  }
  return std::move(b).finish();
}

TEST(DerivedData, ByTimeIsTheStableTimeOrderOfPersonalMessagesAcrossChats) {
  for (unsigned seed = 1; seed <= 60; ++seed) {
    const Corpus c = random_corpus(seed);
    std::vector<uint32_t> want;
    for (uint32_t i = 0; i < c.size(); ++i)
      if (is_personal(c, i)) want.push_back(i);
    std::stable_sort(want.begin(), want.end(),
                     [&](uint32_t a, uint32_t b) { return c.messages.time[a] < c.messages.time[b]; });
    DerivedData d(c, 3600);
    EXPECT_EQ(d.by_time(), want) << "seed " << seed;
  }
}

// An insight that asks only for the owner's messages gets them merged on their own (no order of
// everyone's kept): the same messages in the same order as picked from by_time().
TEST(DerivedData, OwnerByTimeAloneIsTheOwnersPartOfByTime) {
  size_t mine_seen = 0;
  for (unsigned seed = 1; seed <= 60; ++seed) {
    Corpus c = random_corpus(seed);
    if (c.people.size() > 1) c.people[1].is_owner = true;  // Ben
    std::vector<uint32_t> want;
    DerivedData everyone(c, 3600);
    for (uint32_t i : everyone.by_time())
      if (c.is_owner(c.messages.sender[i])) want.push_back(i);
    DerivedData alone(c, 3600);
    EXPECT_EQ(alone.owner_by_time(), want) << "seed " << seed;
    EXPECT_EQ(everyone.owner_by_time(), want) << "seed " << seed;  // picked from by_time()
    mine_seen += want.size();
  }
  EXPECT_GT(mine_seen, 1000u);
}

TEST(DerivedData, RepliesAreTurnChangesInsideConversations) {
  CorpusBuilder b;
  const ChatId chat = b.add_chat(ChatDraft{Platform::WhatsApp, "A", ChatKind::Private, {}, 0});
  const PersonId ana = b.person(Platform::WhatsApp, "Ana"), ben = b.person(Platform::WhatsApp, "Ben");
  auto say = [&](PersonId who, int64_t minute) {
    MessageDraft m;
    m.chat = chat;
    m.sender = who;
    m.time = LocalTime{minute * 60};
    b.add(m);
  };
  say(ana, 0);
  say(ben, 2);    // reply after 120 s
  say(ben, 3);    // same sender: no reply
  say(ana, 200);  // after the 1 h gap: a new conversation, no reply
  say(ben, 201);  // reply after 60 s
  const Corpus c = std::move(b).finish();
  DerivedData d(c, 3600);
  std::vector<Reply> r;
  d.for_each_reply([&](const Reply& reply) { r.push_back(reply); });
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].reply, 1u);
  EXPECT_EQ(r[0].to, 0u);
  EXPECT_EQ(r[0].delay_seconds, 120);
  EXPECT_EQ(r[1].reply, 4u);
  EXPECT_EQ(r[1].delay_seconds, 60);
}

// Emoji rows are kept only for messages that have some: every message must still find
// exactly its own emoji, across the 64-message words of the index.
TEST(DerivedData, EmojiOfEachMessageAreItsOwnWhereMostMessagesHaveNone) {
  CorpusBuilder b;
  const ChatId chat = b.add_chat(ChatDraft{Platform::WhatsApp, "A", ChatKind::Group, {}, 0});
  const PersonId ana = b.person(Platform::WhatsApp, "Ana");
  std::mt19937 rng(7);
  std::vector<size_t> want;  // emoji per message
  std::vector<std::string> texts;
  for (int i = 0; i < 700; ++i) {
    const size_t n = rng() % 9 == 0 ? 1 + rng() % 3 : 0;
    std::string text = "hola";
    for (size_t k = 0; k < n; ++k) text += "\xF0\x9F\x98\x80";  // U+1F600
    texts.push_back(text);
    want.push_back(i % 50 == 49 ? 0 : n);  // every 50th is a system line: none
  }
  for (int i = 0; i < 700; ++i) {
    MessageDraft m;
    m.chat = chat;
    m.time = LocalTime{i * 60};
    m.text = texts[static_cast<size_t>(i)];
    if (i % 50 == 49)
      m.kind = MessageKind::System;
    else
      m.sender = ana;
    b.add(m);
  }
  const Corpus c = std::move(b).finish();
  DerivedData d(c, 3600);
  const MessageEmoji& e = d.emoji();
  size_t with = 0;
  for (uint64_t i = 0; i < c.size(); ++i) {
    auto [u, end] = e.of(i);
    ASSERT_EQ(static_cast<size_t>(end - u), want[i]) << "message " << i;
    for (; u != end; ++u) EXPECT_EQ(u->id, e.uses.front().id);
    with += want[i] > 0;
  }
  EXPECT_GT(with, 30u);
  EXPECT_EQ(e.begin.size(), with + 1);  // a row only for messages with emoji
}

}  // namespace
}  // namespace chatlens
