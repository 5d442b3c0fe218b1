#include "input_files.hpp"

#include <zip.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>
#include <vector>

#include "import/zip_entries.hpp"
#include "mapped_file.hpp"
#include "zip_entry_input.hpp"

namespace chatlens {
namespace fs = std::filesystem;
namespace {

// A failure of the platform: a key, and what the system or libzip said as the detail (the
// message's parameter, and the plain words for logs).
Status failure(std::string key, std::string detail = {}) {
  Json params = Json::object();
  if (!detail.empty()) params["detail"] = detail;
  return Status::user_error(std::move(key), std::move(params), std::move(detail));
}

// Regular files only; the caller has checked the size against the limit, and a
// file that grows past it meanwhile is refused all the same.
Result<std::string> read_whole_file(const fs::path& path, uint64_t size, uint64_t limit) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return failure("input.cannot_open", std::strerror(errno));
  // One allocation of the final size, read in place (an iterator-based assign builds a
  // growing temporary: three times the file at its peak). Padding lets JSON parsers read
  // past the end without a second copy.
  std::string out;
  out.reserve(size + 64);
  size_t have = 0, want = size == 0 ? size_t{1} << 16 : size;
  while (true) {
    out.resize(have + want);
    in.read(out.data() + have, static_cast<std::streamsize>(want));
    have += static_cast<size_t>(in.gcount());
    if (!in || in.peek() == std::char_traits<char>::eof()) break;
    if (have > limit)
      return SourceMessage{"input.file_grew", Json::Object{{"limit", describe_byte_size(limit)}}}.as_error();
    want = size_t{1} << 16;
  }
  out.resize(have);
  if (in.bad()) return failure("input.read_error");
  return out;
}

std::string_view file_type_name(fs::file_type type) {
  switch (type) {
    case fs::file_type::fifo: return "a FIFO (named pipe)";
    case fs::file_type::character: return "a character device";
    case fs::file_type::block: return "a block device";
    case fs::file_type::socket: return "a socket";
    default: return "not a regular file";
  }
}

bool looks_like_zip(std::string_view bytes) {
  return bytes.substr(0, 4) == "PK\x03\x04" || bytes.substr(0, 4) == "PK\x05\x06";
}

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};

}  // namespace

void load_zip(ImportSession& session, const std::string& display_name, std::string bytes, const InputLimits& limits) {
  const uint64_t size = bytes.size();
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (!source) {
    session.add_failure(display_name, size, failure("input.zip_unreadable", zip_error_strerror(&error)));
    zip_error_fini(&error);
    return;
  }
  std::unique_ptr<zip_t, ZipCloser> archive(zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error));
  if (!archive) {
    zip_source_free(source);
    session.add_failure(display_name, size, failure("input.zip_corrupt", zip_error_strerror(&error)));
    zip_error_fini(&error);
    return;
  }
  zip_error_fini(&error);

  const zip_int64_t count = zip_get_num_entries(archive.get(), 0);
  std::vector<std::string> names;
  for (zip_int64_t i = 0; i < count; ++i) {
    const char* name = zip_get_name(archive.get(), static_cast<zip_uint64_t>(i), ZIP_FL_ENC_GUESS);
    names.emplace_back(name ? name : "");
  }
  std::vector<ChatEntry> chosen = plan_chat_entries(names, display_name);
  if (chosen.empty()) {
    session.add_failure(display_name, size, failure("input.zip_without_chat"));
    return;
  }
  uint64_t inflated = 0;  // by the entries read so far
  for (ChatEntry& chat : chosen) {
    const size_t index = chat.index;
    const std::string entry_name = display_name + ":" + names[index];
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(archive.get(), index, 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE)) {
      session.add_failure(entry_name, 0, failure("input.zip_entry_unreadable", zip_strerror(archive.get())));
      continue;
    }
    // The entry must inflate to exactly its declared size (ZipEntryInput checks), so a
    // declared size beyond the limits is refused before anything is inflated.
    if (st.size > limits.max_input_bytes || inflated + st.size > limits.max_input_bytes) {
      session.add_failure(entry_name, st.size,
                          {inflated ? "input.zip_archive_too_large" : "input.zip_entry_too_large",
                           Json::Object{{"limit", describe_byte_size(limits.max_input_bytes)}}});
      continue;
    }
    // Inflated as the importer reads it, never whole (unless the importer needs it whole).
    ZipEntryBudget budget;
    budget.compressed = std::min<uint64_t>(st.valid & ZIP_STAT_COMP_SIZE ? st.comp_size : size, size);
    budget.archive = size;
    budget.limits = limits;
    budget.archive_inflated = &inflated;
    session.add(entry_name, std::make_unique<ZipEntryInput>(archive.get(), index, st.size, budget),
                std::move(chat.title_hint));
  }
}

void load_path(ImportSession& session, const fs::path& path, const InputLimits& limits) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    std::vector<fs::path> files;
    for (auto it = fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_regular_file(ec) && may_be_export_file(it->path().lexically_relative(path).generic_string()))
        files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    if (files.empty()) {
      session.add_failure(path.string(), 0, failure("input.folder_without_exports"));
      return;
    }
    for (const fs::path& file : files) load_path(session, file, limits);
    return;
  }
  const fs::file_status status = fs::status(path, ec);
  if (ec || !fs::exists(status)) {
    session.add_failure(path.string(), 0, failure("input.no_such_path"));
    return;
  }
  if (!fs::is_regular_file(status)) {
    session.add_failure(path.string(), 0, {"input.not_a_file", Json::Object{{"type", file_type_name(status.type())}}});
    return;
  }
  const uint64_t size = fs::file_size(path, ec);
  if (ec) {
    session.add_failure(path.string(), 0, failure("input.cannot_read", ec.message()));
    return;
  }
  if (size > limits.max_input_bytes) {
    session.add_failure(path.string(), size,
                        {"input.file_too_large", Json::Object{{"size", std::to_string(size)},
                                                              {"limit", describe_byte_size(limits.max_input_bytes)}}});
    return;
  }
  // Mapped, not read: the importer's pages come and go as it reads (mapped_file.hpp).
  Result<std::unique_ptr<MappedFile>> mapped = MappedFile::open(path, size);
  if (!mapped) {
    session.add_failure(path.string(), 0, mapped.status());
    return;
  }
  if (!looks_like_zip((*mapped)->bytes())) {
    session.add(path.string(), std::move(*mapped));
    return;
  }
  mapped->reset();  // libzip reads the archive from memory it owns
  Result<std::string> bytes = read_whole_file(path, size, limits.max_input_bytes);
  if (!bytes) {
    session.add_failure(path.string(), 0, bytes.status());
    return;
  }
  load_zip(session, path.string(), std::move(*bytes), limits);
}

}  // namespace chatlens
