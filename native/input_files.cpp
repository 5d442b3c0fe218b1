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

namespace chatlens {
namespace fs = std::filesystem;
namespace {

// A failure of the platform: a key, and what the system or libzip said as the detail.
SourceMessage failure(std::string_view key, std::string detail = {}) {
  SourceMessage m{std::string(key)};
  if (!detail.empty()) m.params["detail"] = std::move(detail);
  return m;
}

// Regular files only; the caller has checked the size against the limit, and a
// file that grows past it meanwhile is refused all the same.
bool read_whole_file(const fs::path& path, uint64_t size, uint64_t limit, std::string& out, SourceMessage& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = failure("input.cannot_open", std::strerror(errno));
    return false;
  }
  // One allocation of the final size, read in place (an iterator-based assign builds a
  // growing temporary: three times the file at its peak). Padding lets JSON parsers read
  // past the end without a second copy.
  out.clear();
  out.reserve(size + 64);
  size_t have = 0, want = size == 0 ? size_t{1} << 16 : size;
  while (true) {
    out.resize(have + want);
    in.read(out.data() + have, static_cast<std::streamsize>(want));
    have += static_cast<size_t>(in.gcount());
    if (!in || in.peek() == std::char_traits<char>::eof()) break;
    if (have > limit) {
      error = {"input.file_grew", Json::Object{{"limit", describe_byte_size(limit)}}};
      return false;
    }
    want = size_t{1} << 16;
  }
  out.resize(have);
  if (in.bad()) {
    error = {"input.read_error"};
    return false;
  }
  return true;
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

// Inflates one zip entry chunk by chunk into `out`. `compressed` bounds the
// entry's ratio (the archive's own size when the entry's is not known); `before`
// (what the archive's earlier entries inflated to) and `archive` bound the whole
// archive alike, so that many small bombs add up to a refusal too.
bool inflate_entry(zip_file_t* file, uint64_t declared, uint64_t compressed, uint64_t before, uint64_t archive,
                   const InputLimits& limits, std::string& out, SourceMessage& error) {
  constexpr size_t kChunk = size_t{1} << 20;
  // Never reserve what the header claims: a 200-byte archive may claim a terabyte.
  out.clear();
  out.reserve(std::min<uint64_t>(declared, kChunk * 16) + 64);
  for (;;) {
    const size_t have = out.size();
    out.resize(have + kChunk);
    const zip_int64_t got = zip_fread(file, out.data() + have, kChunk);
    if (got < 0) {
      out.clear();
      error = failure("input.zip_entry_corrupt", zip_file_strerror(file));
      return false;
    }
    out.resize(have + static_cast<size_t>(got));
    if (got == 0) return true;
    const uint64_t size = out.size(), total = before + size;
    const auto beyond_ratio = [&](uint64_t inflated, uint64_t from) {
      return inflated > InputLimits::kRatioFloorBytes && inflated / std::max<uint64_t>(from, 1) >= limits.max_zip_ratio;
    };
    if (total > limits.max_input_bytes) {
      error = {before ? "input.zip_archive_too_large" : "input.zip_entry_too_large",
               Json::Object{{"limit", describe_byte_size(limits.max_input_bytes)}}};
    } else if (beyond_ratio(size, compressed) || beyond_ratio(total, archive)) {
      error = {"input.zip_bomb",
               Json::Object{{"ratio", std::to_string(limits.max_zip_ratio)}, {"after", describe_byte_size(size)}}};
    } else {
      continue;
    }
    out.clear();
    out.shrink_to_fit();
    return false;
  }
}

bool looks_like_zip(std::string_view bytes) {
  return bytes.substr(0, 4) == "PK\x03\x04" || bytes.substr(0, 4) == "PK\x05\x06";
}

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
struct ZipFileCloser {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
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
    std::unique_ptr<zip_file_t, ZipFileCloser> file(zip_fopen_index(archive.get(), index, 0));
    if (!file) {
      session.add_failure(entry_name, st.size, failure("input.zip_entry_unreadable", zip_strerror(archive.get())));
      continue;
    }
    const uint64_t compressed = std::min<uint64_t>(st.valid & ZIP_STAT_COMP_SIZE ? st.comp_size : size, size);
    std::string content;
    SourceMessage error;
    if (!inflate_entry(file.get(), st.size, compressed, inflated, size, limits, content, error)) {
      session.add_failure(entry_name, st.size, std::move(error));
      continue;
    }
    inflated += content.size();
    session.add(entry_name, std::move(content), std::move(chat.title_hint));
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
  std::string bytes;
  SourceMessage error;
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
  std::string map_error;
  std::unique_ptr<MappedFile> mapped = MappedFile::open(path, size, map_error);
  if (!mapped) {
    session.add_failure(path.string(), 0, failure("input.cannot_open", map_error));
    return;
  }
  if (!looks_like_zip(mapped->bytes())) {
    session.add(path.string(), std::move(mapped));
    return;
  }
  mapped.reset();  // libzip reads the archive from memory it owns
  if (!read_whole_file(path, size, limits.max_input_bytes, bytes, error)) {
    session.add_failure(path.string(), 0, std::move(error));
    return;
  }
  load_zip(session, path.string(), std::move(bytes), limits);
}

}  // namespace chatlens
