#include "input_files.hpp"

#include <zip.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>
#include <vector>

#include "import/zip_entries.hpp"

namespace chatlens {
namespace fs = std::filesystem;
namespace {

// A failure of the platform: a key, and what the system or libzip said as the detail.
SourceMessage failure(std::string_view key, std::string detail = {}) {
  SourceMessage m{std::string(key)};
  if (!detail.empty()) m.params["detail"] = std::move(detail);
  return m;
}

bool read_whole_file(const fs::path& path, std::string& out, SourceMessage& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = failure("input.cannot_open", std::strerror(errno));
    return false;
  }
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  // One allocation of the final size, read in place (an iterator-based assign builds a
  // growing temporary: three times the file at its peak). Padding lets JSON parsers read
  // past the end without a second copy. A file that grows meanwhile is still read whole.
  out.clear();
  out.reserve((ec ? 0 : size) + 64);
  size_t have = 0, want = ec || size == 0 ? size_t{1} << 16 : size;
  while (true) {
    out.resize(have + want);
    in.read(out.data() + have, static_cast<std::streamsize>(want));
    have += static_cast<size_t>(in.gcount());
    if (!in || in.peek() == std::char_traits<char>::eof()) break;
    want = size_t{1} << 16;
  }
  out.resize(have);
  if (in.bad()) {
    error = failure("input.read_error");
    return false;
  }
  return true;
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

void load_zip(ImportSession& session, const std::string& display_name, std::string bytes) {
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
  const std::vector<size_t> chosen = choose_chat_entries(names);
  if (chosen.empty()) {
    session.add_failure(display_name, size, failure("input.zip_without_chat"));
    return;
  }
  const std::string zip_title = title_from_file_name(display_name);
  for (size_t index : chosen) {
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
    std::string content;
    content.reserve(st.size + 64);
    content.resize(st.size);
    const zip_int64_t got = zip_fread(file.get(), content.data(), st.size);
    if (got < 0 || static_cast<zip_uint64_t>(got) != st.size) {
      session.add_failure(entry_name, st.size, failure("input.zip_entry_corrupt", zip_file_strerror(file.get())));
      continue;
    }
    // "_chat.txt" says nothing about the chat; the archive's name does.
    std::string title = names[index].find("_chat.txt") != std::string::npos || names[index] == "result.json"
                            ? zip_title
                            : title_from_file_name(names[index]);
    session.add(entry_name, std::move(content), std::move(title));
  }
}

void load_path(ImportSession& session, const fs::path& path) {
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
    for (const fs::path& file : files) load_path(session, file);
    return;
  }
  std::string bytes;
  SourceMessage error;
  if (!fs::exists(path, ec)) {
    session.add_failure(path.string(), 0, failure("input.no_such_path"));
    return;
  }
  if (!read_whole_file(path, bytes, error)) {
    session.add_failure(path.string(), 0, error);
    return;
  }
  if (looks_like_zip(bytes))
    load_zip(session, path.string(), std::move(bytes));
  else
    session.add(path.string(), std::move(bytes));
}

}  // namespace chatlens
