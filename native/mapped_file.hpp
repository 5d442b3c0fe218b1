#pragma once
// A regular file mapped read-only, as an importer's input: pages are read from the
// page cache as the importer reaches them, and handed back (MADV_DONTNEED) once it
// has moved past them, so resident memory stays a window of the file, not all of it.
// Reading a released page again faults it back in from the file: correct, only slower.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "base/status.hpp"
#include "import/input_bytes.hpp"

namespace chatlens {

class MappedFile final : public WholeInput {
 public:
  // The first `size` bytes of `path` (its size when stat'ed); an empty file maps to an empty
  // view. A file that cannot be opened or mapped is input.cannot_open, the system's words
  // as its detail.
  static Result<std::unique_ptr<MappedFile>> open(const std::filesystem::path& path, uint64_t size);
  ~MappedFile() override;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  std::string_view bytes() const override { return {data_, size_}; }
  void release_before(uint64_t offset) override;
  // Bytes handed back so far (over every pass), for tests and benchmarks.
  uint64_t released() const { return released_total_; }

 private:
  MappedFile(char* data, size_t size) : data_(data), size_(size) {}
  char* data_ = nullptr;
  size_t size_ = 0;
  uint64_t released_until_ = 0;  // this pass's pages before it are handed back
  uint64_t released_total_ = 0;
};

}  // namespace chatlens
