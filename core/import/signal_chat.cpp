#include "import/signal_chat.hpp"

#include <string>

#include "text/utf8.hpp"

namespace chatlens::signal {
namespace {

constexpr std::string_view kOwner = "Me";            // outgoing messages (create.py)
constexpr std::string_view kOwnerElsewhere = "You";  // the owner as other signal-export versions write them
constexpr std::string_view kUnknown = "No-Sender";   // a sender signal-export could not resolve
constexpr std::string_view kNoteToSelf = "Note to Self";

}  // namespace

std::string_view chat_folder(std::string_view name) {
  // Zip entries and paths: "export.zip:Ana/chat.md", "signal/Ana/data.json".
  const size_t slash = name.find_last_of("/\\");
  if (slash == std::string_view::npos || slash == 0) return {};
  name = name.substr(0, slash);
  const size_t parent = name.find_last_of("/\\:");
  return parent == std::string_view::npos ? name : name.substr(parent + 1);
}

ChatWriter::ChatWriter(ImportContext& ctx) : ctx_(ctx) {
  ChatDraft draft;
  draft.platform = Platform::Signal;
  draft.source = ctx.source;
  chat_ = ctx.builder.add_chat(std::move(draft));
}

PersonId ChatWriter::person(std::string_view sender) {
  std::string name = normalize_name(sender);
  if (name.empty() || name == kUnknown) return kNoPerson;
  if (name == kOwnerElsewhere) name = kOwner;  // one owner, whichever word the export uses
  auto it = people_.find(name);
  if (it != people_.end()) return it->second;
  const PersonId p = ctx_.builder.person(Platform::Signal, name);
  people_.emplace(name, p);
  if (name == kOwner)
    ctx_.builder.declare_owner(p);
  else
    others_.insert(p);
  return p;
}

void ChatWriter::add(std::string_view sender, LocalTime time, int64_t utc, const Content& content) {
  MessageDraft m;
  m.chat = chat_;
  m.time = time;
  m.utc = utc;
  m.sender = person(sender);
  if (m.sender == kNoPerson) ++unknown_senders_;
  m.kind = content.kind;
  m.media = content.media;
  m.text = content.text;
  if (content.reply) m.flags |= kReply;
  reactions_ += content.reactions;
  ctx_.builder.add(m);
  ++records_;
}

void ChatWriter::finish(std::string_view variant) {
  Chat& chat = ctx_.builder.chat(chat_);
  // signal-export names the folder after the chat; the file names say nothing.
  const std::string_view folder = chat_folder(ctx_.name);
  const std::string_view file = ctx_.name.substr(ctx_.name.find_last_of("/\\:") + 1);
  const bool generic = file == "chat.md" || file == "data.json";
  if (!folder.empty() && (generic || ctx_.title_hint.empty()))
    chat.title = normalize_name(folder);
  else if (!ctx_.title_hint.empty() && !generic)
    chat.title = std::string(ctx_.title_hint);
  else
    chat.title = std::string(ctx_.name);
  chat.kind = chat.title == kNoteToSelf ? ChatKind::Saved : others_.size() > 1 ? ChatKind::Group : ChatKind::Private;

  SourceReport& report = ctx_.report;
  report.platform = "signal";
  report.variant = std::string(variant);
  report.records = records_;
  report.chats = 1;
  if (unknown_senders_) report.notes.push_back({"input.unknown_senders", Json::Object{{"count", unknown_senders_}}});
  if (reactions_) report.notes.push_back({"input.reactions_read", Json::Object{{"count", reactions_}}});
}

}  // namespace chatlens::signal
