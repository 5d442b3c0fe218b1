#include "mapped_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace chatlens {

namespace {
// The system's words, as the detail of the message and of the logs.
Status cannot_open(const std::string& detail) {
  return Status::user_error("input.cannot_open", Json::Object{{"detail", detail}}, detail);
}
}  // namespace

Result<std::unique_ptr<MappedFile>> MappedFile::open(const std::filesystem::path& path, uint64_t size) {
  if (size == 0) return std::unique_ptr<MappedFile>(new MappedFile(nullptr, 0));
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return cannot_open(std::strerror(errno));
  void* p = ::mmap(nullptr, static_cast<size_t>(size), PROT_READ, MAP_PRIVATE, fd, 0);
  const int map_errno = errno;
  ::close(fd);  // the mapping keeps the file
  if (p == MAP_FAILED) return cannot_open(std::string("mmap: ") + std::strerror(map_errno));
  // Importers read front to back: read-ahead pays.
  ::madvise(p, static_cast<size_t>(size), MADV_SEQUENTIAL);
  return std::unique_ptr<MappedFile>(new MappedFile(static_cast<char*>(p), static_cast<size_t>(size)));
}

MappedFile::~MappedFile() {
  if (data_) ::munmap(data_, size_);
}

void MappedFile::release_before(uint64_t offset) {
  static const uint64_t page = static_cast<uint64_t>(::sysconf(_SC_PAGESIZE));
  const uint64_t until = std::min<uint64_t>(offset, size_) / page * page;
  if (until < released_until_) released_until_ = 0;  // a new pass: its pages came back
  if (until <= released_until_) return;
  ::madvise(data_ + released_until_, static_cast<size_t>(until - released_until_), MADV_DONTNEED);
  released_total_ += until - released_until_;
  released_until_ = until;
}

}  // namespace chatlens
