#include "model/corpus_builder.hpp"

#include <gtest/gtest.h>

#include <algorithm>

using namespace chatlens;

namespace {

struct Fixture {
  CorpusBuilder b;
  ChatId chat(std::string title, Platform p = Platform::WhatsApp, std::string id = {}) {
    return b.add_chat(ChatDraft{p, std::move(title), ChatKind::Private, std::move(id), 0});
  }
  void msg(ChatId c, std::string_view who, LocalTime t, std::string_view text, MessageKind kind = MessageKind::Text,
           int64_t platform_id = kNoMessageId) {
    MessageDraft m;
    m.chat = c;
    m.sender = who.empty() ? kNoPerson : b.person(b.chat(c).platform, who);
    m.time = t;
    m.kind = kind;
    m.text = text;
    m.platform_id = platform_id;
    b.add(m);
  }
};

LocalTime at(int h, int m, int s = 0) { return LocalTime::from_civil(2022, 3, 18, h, m, s); }

}  // namespace

TEST(CorpusBuilder, OrdersStablyByTimeWithinEachChatKeepingBackwardsTimestamps) {
  Fixture f;
  const ChatId a = f.chat("A");
  f.msg(a, "Ana", at(12, 3), "third");
  f.msg(a, "Ben", at(12, 2), "first");
  f.msg(a, "Ana", at(12, 2), "second (same minute, later in the file)");
  Corpus c = std::move(f.b).finish();
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c.text(0), "first");
  EXPECT_EQ(c.text(1), "second (same minute, later in the file)");
  EXPECT_EQ(c.text(2), "third");
}

TEST(CorpusBuilder, CopiesEveryTextIntoItsArenaAndCountsOnlyTheTexts) {
  Fixture f;
  std::string input = "Ana: hello there";
  const ChatId a = f.chat("A");
  f.msg(a, "Ana", at(9, 0), std::string_view(input).substr(5));
  f.msg(a, "Ana", at(9, 1), "");
  // Larger than an arena block: a block of its own, the next text after it still fits.
  const std::string big(size_t{17} << 20, 'x');
  f.msg(a, "Ana", at(9, 2), big);
  f.msg(a, "Ana", at(9, 3), "after the big one");
  EXPECT_EQ(f.b.text_bytes(), 11 + big.size() + 17);
  input.assign("overwritten!!!!!");  // the input is gone: the corpus kept its own copy
  Corpus c = std::move(f.b).finish();
  EXPECT_EQ(c.text(0), "hello there");
  EXPECT_EQ(c.text(1), "");
  EXPECT_EQ(c.text(2), big);
  EXPECT_EQ(c.text(3), "after the big one");
}

// Texts are located by an 8-byte word (block, offset, length in 20 bits): a text at or past
// the 20-bit length has a block of its own, texts around it stay in the arena, and arena
// blocks fill up to their 16 MiB. Every text must come back exact.
TEST(CorpusBuilder, TextsOfEveryLengthComeBackExactAcrossBlocks) {
  Fixture f;
  const ChatId a = f.chat("A");
  std::vector<std::string> texts;
  const size_t long_text = TextRef::kLongText;
  for (size_t n : {size_t{1}, long_text - 1, long_text, long_text + 1, size_t{5}, size_t{3} << 20, size_t{700000},
                   size_t{16} << 20, size_t{7}, (size_t{16} << 20) + 3, size_t{2}})
    texts.push_back(std::string(n, static_cast<char>('a' + texts.size())));
  for (int k = 0; k < 40; ++k) texts.push_back(std::string(900000, static_cast<char>('A' + k % 26)));  // fill blocks
  for (size_t i = 0; i < texts.size(); ++i) f.msg(a, "Ana", at(9, 0, static_cast<int>(i % 60)), texts[i]);
  uint64_t total = 0;
  for (const auto& t : texts) total += t.size();
  EXPECT_EQ(f.b.text_bytes(), total);
  Corpus c = std::move(f.b).finish();
  ASSERT_EQ(c.size(), texts.size());
  std::vector<std::string> got;
  for (size_t i = 0; i < c.size(); ++i) got.emplace_back(c.text(i));
  std::sort(got.begin(), got.end()), std::sort(texts.begin(), texts.end());
  EXPECT_TRUE(got == texts);
  for (size_t i = 0; i < c.size(); ++i) {
    const TextRef r = c.messages.text[i];
    EXPECT_EQ(r.has_own_block(), c.text(i).size() >= long_text) << i;
    if (!r.has_own_block()) EXPECT_LE(r.offset() + r.short_len(), TextRef::kBlockBytes) << i;
  }
}

// The arena's unused room stays small: WebAssembly memory holds every block whole, touched
// or not, and never shrinks (16 MiB blocks left 500k WhatsApp messages ~13 MB of empty arena).
TEST(CorpusBuilder, TheArenaHoldsLittleMoreThanItsTexts) {
  Fixture f;
  const ChatId a = f.chat("A");
  f.msg(a, "Ana", at(9, 0), "hola");
  EXPECT_LE(f.b.text_capacity(), uint64_t{1} << 20);
  uint64_t texts = 4;
  for (int i = 0; i < 100000; ++i) {
    const std::string text = "mensaje número " + std::to_string(i) + std::string(i % 40, 'x');
    f.msg(a, "Ana", at(9, 1), text);
    texts += text.size();
  }
  ASSERT_EQ(f.b.text_bytes(), texts);
  EXPECT_LE(f.b.text_capacity(), texts + (uint64_t{1} << 20) + 64 * (texts >> 20));
  Corpus c = std::move(f.b).finish();
  EXPECT_EQ(c.text(0), "hola");
  EXPECT_EQ(c.text(c.size() - 1), "mensaje número 99999" + std::string(99999 % 40, 'x'));
}

// Inputs one after another, each reserving its importer's estimate (500k WhatsApp messages in
// ten files): the columns end close to the total, not doubled past it (WebAssembly memory
// keeps the high-water mark), and are not regrown for every input.
TEST(CorpusBuilder, InputsInARowReserveCloseToTheirTotalInFewSteps) {
  Fixture f;
  const ChatId a = f.chat("A");
  MessageDraft m;
  m.chat = a;
  m.time = at(9, 0);
  size_t total = 0, growths = 0, capacity = 0;
  for (size_t estimate : {62000, 29000, 45000, 31000, 115000, 46000, 23000, 46000, 36000, 67000}) {
    f.b.reserve(estimate);
    if (f.b.column_capacity() != capacity) ++growths, capacity = f.b.column_capacity();
    for (size_t i = 0; i < estimate; ++i) f.b.add(m);
    total += estimate;
    EXPECT_EQ(f.b.column_capacity(), capacity) << "an exact estimate is not outgrown";
  }
  EXPECT_LE(capacity, total + total / 8);
  EXPECT_LE(growths, 7u);
  EXPECT_EQ(std::move(f.b).finish().size(), total);
}

// An estimate is a hint: more messages than reserved are all kept, and past a million the
// columns grow by a quarter beyond it (an estimate a little short must not double them).
TEST(CorpusBuilder, MessagesPastTheEstimateAreKeptAndLargeColumnsGrowByAQuarter) {
  Fixture f;
  const ChatId a = f.chat("A");
  f.b.reserve(10);
  for (int i = 0; i < 3000; ++i) f.msg(a, "Ana", at(9, 0), std::to_string(i));
  f.b.reserve(size_t{1} << 20);  // room for the estimate, then it is exceeded
  MessageDraft m;
  m.chat = a;
  m.time = at(9, 1);  // after the numbered ones
  const size_t n = (size_t{1} << 20) + 3000 + 5;
  while (f.b.message_count() < n) f.b.add(m);
  Corpus c = std::move(f.b).finish();
  ASSERT_EQ(c.size(), n);
  for (int i = 0; i < 3000; ++i) ASSERT_EQ(c.text(static_cast<size_t>(i)), std::to_string(i));
  EXPECT_LE(c.messages.chat.capacity(), (n - 5) + (n - 5) / 4);
  EXPECT_EQ(c.messages.text.capacity(), c.messages.chat.capacity());  // every column alike
}

TEST(ChatMerge, SameChatImportedTwiceKeepsEveryMessageOnce) {
  Fixture f;
  for (int copy = 0; copy < 2; ++copy) {
    const ChatId c = f.chat("Family");
    f.msg(c, "Ana", at(10, 0), "hi");
    f.msg(c, "Ben", at(10, 1), "hello");
    f.msg(c, "Ben", at(10, 1), "hello");  // genuinely sent twice in the same minute
  }
  Corpus c = std::move(f.b).finish();
  ASSERT_EQ(c.chats.size(), 1u);
  EXPECT_EQ(c.size(), 3u);
  EXPECT_EQ(c.chats[0].sources.size(), 1u);  // both copies came from source 0 in this test
}

TEST(ChatMerge, OverlappingExportsAreUnitedWithoutLosingEitherEnd) {
  Fixture f;
  const ChatId first = f.chat("Ana");
  f.msg(first, "Ana", at(8, 0), "early");
  f.msg(first, "Me", at(9, 0), "overlap 1");
  f.msg(first, "Ana", at(9, 5), "overlap 2");
  const ChatId second = f.chat("Ana");
  f.msg(second, "Me", at(9, 0), "overlap 1");
  f.msg(second, "Ana", at(9, 5), "overlap 2");
  f.msg(second, "Me", at(11, 0), "late");
  Corpus c = std::move(f.b).finish();
  ASSERT_EQ(c.chats.size(), 1u);
  ASSERT_EQ(c.size(), 4u);
  EXPECT_EQ(c.text(0), "early");
  EXPECT_EQ(c.text(3), "late");
}

// Only the minutes two copies both span are compared; everything else is kept as is.
TEST(ChatMerge, ThreeCopiesOverlappingInTurnAndPartsMeetingAtOneMinute) {
  Fixture f;
  const ChatId a = f.chat("Trip");  // 10:00-10:10
  f.msg(a, "Ana", at(10, 0), "a only");
  f.msg(a, "Ben", at(10, 6), "ab");
  f.msg(a, "Ana", at(10, 10), "abc");
  const ChatId b = f.chat("Trip");  // 10:05-10:15
  f.msg(b, "Ben", at(10, 6), "ab");
  f.msg(b, "Ana", at(10, 10), "abc");
  f.msg(b, "Ben", at(10, 12), "bc");
  f.msg(b, "Ben", at(10, 15), "b end");
  const ChatId c = f.chat("Trip");  // 10:10-10:20
  f.msg(c, "Ana", at(10, 10), "abc");
  f.msg(c, "Ben", at(10, 12), "bc");
  f.msg(c, "Ben", at(10, 12), "bc");  // sent twice: this copy has it twice, so the chat does
  f.msg(c, "Ana", at(10, 20), "c only");
  // Two parts of one thread: the second starts in the minute the first ends in.
  const ChatId p1 = f.chat("Hike", Platform::Messenger, "inbox/hike_1");
  f.msg(p1, "Ana", at(9, 0), "ok");
  f.msg(p1, "Ana", at(9, 1, 5), "ok");
  const ChatId p2 = f.chat("Hike", Platform::Messenger, "inbox/hike_1");
  f.msg(p2, "Ben", at(9, 1, 40), "ok");
  f.msg(p2, "Ana", at(9, 2), "ok");
  Corpus corpus = std::move(f.b).finish();
  ASSERT_EQ(corpus.chats.size(), 2u);
  std::vector<std::string> trip, hike;
  for (uint64_t i = corpus.chats[0].begin; i < corpus.chats[0].end; ++i) trip.emplace_back(corpus.text(i));
  for (uint64_t i = corpus.chats[1].begin; i < corpus.chats[1].end; ++i) hike.emplace_back(corpus.text(i));
  EXPECT_EQ(trip, (std::vector<std::string>{"a only", "ab", "abc", "bc", "bc", "b end", "c only"}));
  EXPECT_EQ(hike, (std::vector<std::string>{"ok", "ok", "ok", "ok"}));
}

TEST(ChatMerge, AndroidAndIosCopiesWithDifferentTitlesAndSecondsAreOneChat) {
  Fixture f;
  const ChatId android = f.chat("Ana");
  f.msg(android, "Ana", at(10, 0), "hola");
  f.msg(android, "Me", at(10, 1), "qué tal");
  f.msg(android, "Ana", at(10, 2), "", MessageKind::Media);
  const ChatId ios = f.chat("");  // a bare _chat.txt: no title
  f.msg(ios, "Ana", at(10, 0, 41), "hola");
  f.msg(ios, "Me", at(10, 1, 5), "qué tal");
  f.msg(ios, "Ana", at(10, 2, 30), "image omitted", MessageKind::Media);
  Corpus c = std::move(f.b).finish();
  ASSERT_EQ(c.chats.size(), 1u);
  EXPECT_EQ(c.size(), 3u);
  EXPECT_EQ(c.chats[0].title, "Ana");
}

TEST(ChatMerge, DifferentChatsWithTheSamePeopleStaySeparate) {
  Fixture f;
  const ChatId a = f.chat("Trip planning");
  f.msg(a, "Ana", at(10, 0), "tickets?");
  f.msg(a, "Me", at(10, 1), "booked");
  const ChatId b = f.chat("Book club");
  f.msg(b, "Ana", at(11, 0), "chapter 3");
  f.msg(b, "Me", at(11, 1), "loved it");
  Corpus c = std::move(f.b).finish();
  EXPECT_EQ(c.chats.size(), 2u);
  EXPECT_EQ(c.size(), 4u);
}

TEST(ChatMerge, TelegramChatsMergeByIdAndMessagesById) {
  Fixture f;
  const ChatId a = f.chat("Bob", Platform::Telegram, "42");
  f.msg(a, "Bob", at(10, 0), "one", MessageKind::Text, 1);
  f.msg(a, "Bob", at(10, 0), "two", MessageKind::Text, 2);
  const ChatId b = f.chat("Bob (renamed)", Platform::Telegram, "42");
  f.msg(b, "Bob", at(10, 0), "two", MessageKind::Text, 2);
  f.msg(b, "Bob", at(10, 0), "three", MessageKind::Text, 3);
  Corpus c = std::move(f.b).finish();
  ASSERT_EQ(c.chats.size(), 1u);
  EXPECT_EQ(c.size(), 3u);
  EXPECT_EQ(c.chats[0].title, "Bob");
}

TEST(CorpusBuilder, RollbackForgetsAHalfImportedInput) {
  Fixture f;
  const ChatId a = f.chat("A");
  f.msg(a, "Ana", at(10, 0), "kept");
  const size_t messages = f.b.message_count(), chats = f.b.chat_count();
  const ChatId broken = f.chat("Broken");
  f.msg(broken, "Ana", at(10, 1), "dropped");
  f.b.rollback(messages, chats);
  Corpus c = std::move(f.b).finish();
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c.chats.size(), 1u);
  EXPECT_EQ(c.text(0), "kept");
}

TEST(CorpusBuilder, InterleavedChatsAreGroupedWithTheirMembersAndOrderedMoves) {
  Fixture f;
  const ChatId a = f.chat("A"), b = f.chat("B");
  f.msg(b, "Ben", at(10, 0), "b1");
  f.msg(a, "Ana", at(11, 0), "a2");
  f.msg(b, "Cat", at(9, 0), "b0");
  f.msg(a, "Ana", at(8, 0), "a1");
  f.msg(a, "", at(12, 0), "a3 (system)");
  Corpus c = std::move(f.b).finish();
  ASSERT_EQ(c.chats.size(), 2u);
  ASSERT_EQ(c.chats[0].size(), 3u);
  ASSERT_EQ(c.chats[1].size(), 2u);
  EXPECT_EQ(c.text(c.chats[0].begin), "a1");
  EXPECT_EQ(c.text(c.chats[0].begin + 2), "a3 (system)");
  EXPECT_EQ(c.text(c.chats[1].begin), "b0");
  EXPECT_EQ(c.text(c.chats[1].begin + 1), "b1");
  for (size_t i = 0; i < c.size(); ++i) EXPECT_EQ(c.messages.chat[i], i < 3 ? 0u : 1u);
  EXPECT_EQ(c.chats[0].members.size(), 1u);  // Ana once, the system message is nobody's
  EXPECT_EQ(c.chats[1].members.size(), 2u);
}

TEST(CorpusBuilder, ColumnsWhatsAppNeverFillsHoldNoValuesButReadAsDefaults) {
  Fixture f;
  const ChatId a = f.chat("A");
  f.msg(a, "Ana", at(9, 0), "one");
  f.msg(a, "Ana", at(9, 1), "two");
  Corpus c = std::move(f.b).finish();
  EXPECT_TRUE(c.messages.utc.all_default());
  EXPECT_TRUE(c.messages.platform_id.all_default());
  EXPECT_EQ(c.messages.utc.size(), 2u);
  EXPECT_EQ(c.messages.utc[1], kNoUtc);
  EXPECT_EQ(c.messages.reply_to[0], kNoMessageId);

  // A value arriving late fills the earlier entries with the default, and reordering keeps it attached.
  Fixture g;
  const ChatId t = g.chat("T", Platform::Telegram, "42");
  g.msg(t, "Ana", at(9, 5), "later", MessageKind::Text);
  g.msg(t, "Ana", at(9, 0), "earlier, with an id", MessageKind::Text, 7);
  Corpus d = std::move(g.b).finish();
  EXPECT_FALSE(d.messages.platform_id.all_default());
  EXPECT_EQ(d.text(0), "earlier, with an id");
  EXPECT_EQ(d.messages.platform_id[0], 7);
  EXPECT_EQ(d.messages.platform_id[1], kNoMessageId);
}
