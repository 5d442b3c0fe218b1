#pragma once
// Imports inline WhatsApp fixtures through the real ImportSession and checks
// messages in one line: sender, local time, kind and text. Every import is made again
// from pieces of 1, 7 and 4096 bytes (as the browser reads a File): each must give the
// same corpus and report as the whole input.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "chunked_input.hpp"
#include "corpus_fingerprint.hpp"
#include "import/import_session.hpp"
#include "model/corpus.hpp"
#include "model/local_time.hpp"
#include "test_today.hpp"

namespace chatlens::testing {

// The invisible characters exports are full of.
inline constexpr std::string_view kLrm = "\u200E", kRlm = "\u200F", kNbsp = "\u00A0", kNnbsp = "\u202F",
                                  kLre = "\u202A", kPdf = "\u202C", kBom = "\uFEFF";

struct WhatsAppImport {
  Corpus corpus;
  SourceReport report;

  size_t size() const { return corpus.size(); }
  std::string sender(size_t i) const {
    const Person* p = corpus.sender(i);
    return p ? p->name : "";
  }
  std::string time(size_t i) const { return format_local_iso(corpus.messages.time[i]); }
  MessageKind kind(size_t i) const { return corpus.messages.kind[i]; }
  MediaKind media(size_t i) const { return corpus.messages.media[i]; }
  std::string text(size_t i) const { return std::string(corpus.text(i)); }
  bool edited(size_t i) const { return corpus.edited(i); }
  const Chat& chat() const { return corpus.chats.at(0); }
  std::string owner() const {
    for (const Person& p : corpus.people)
      if (p.is_owner) return p.name;
    return "";
  }
};

// Piece sizes every import is repeated with (0: the whole input, read in place).
inline constexpr size_t kPieceSizes[] = {1, 7, 4096};

// `text` imported from pieces of `piece` bytes, read through windows of that size.
inline WhatsAppImport import_whatsapp_in_pieces(std::string text, size_t piece, std::string name = "chat.txt",
                                                std::string title_hint = {}) {
  ImportSession session(kTestToday);
  WhatsAppImport out;
  if (piece == 0) {
    out.report = session.add(std::move(name), std::move(text), std::move(title_hint));
  } else {
    session.set_window_bytes(piece);
    out.report =
        session.add(std::move(name), std::make_unique<ChunkedInput>(std::move(text), piece), std::move(title_hint));
  }
  out.corpus = std::move(session).finish();
  return out;
}

inline WhatsAppImport import_whatsapp(std::string text, std::string name = "chat.txt", std::string title_hint = {}) {
  WhatsAppImport out = import_whatsapp_in_pieces(text, 0, name, title_hint);
  const std::string whole = fingerprint(out.report) + fingerprint(out.corpus);
  for (size_t piece : kPieceSizes) {
    const WhatsAppImport in_pieces = import_whatsapp_in_pieces(text, piece, name, title_hint);
    EXPECT_EQ(fingerprint(in_pieces.report) + fingerprint(in_pieces.corpus), whole) << "in pieces of " << piece;
  }
  return out;
}

// Message i (in corpus order: by local time, stable) has this sender ("" for none), time, kind and text.
inline ::testing::AssertionResult IsMessage(const WhatsAppImport& w, size_t i, std::string_view sender,
                                            std::string_view time, MessageKind kind, std::string_view text) {
  if (i >= w.size()) return ::testing::AssertionFailure() << "no message " << i << ", only " << w.size();
  auto failure = ::testing::AssertionFailure();
  bool ok = true;
  if (w.sender(i) != sender) ok = false, failure << "\n  sender: \"" << w.sender(i) << "\" want \"" << sender << '"';
  if (w.time(i) != time) ok = false, failure << "\n  time: " << w.time(i) << " want " << time;
  if (w.kind(i) != kind) ok = false, failure << "\n  kind: " << to_string(w.kind(i)) << " want " << to_string(kind);
  if (w.text(i) != text) ok = false, failure << "\n  text: \"" << w.text(i) << "\" want \"" << text << '"';
  if (ok) return ::testing::AssertionSuccess();
  return failure << "\n  (message " << i << ")";
}

}  // namespace chatlens::testing
