#pragma once
// One entry of an open zip archive as an importer's input, inflated piece by piece as the
// importer reads it: a zipped export never needs its uncompressed size in memory. Reads go
// forward through zip_fread; an earlier offset (an importer's second pass) reopens the
// entry and inflates forward to it again.
//
// The sizes an archive declares are not trusted: the entry must inflate to exactly the size
// its header gives (else it is corrupt), and the input limits (size, compression ratio, the
// archive's total) are checked against the bytes actually inflated, as they come.
#include <zip.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "import/input_bytes.hpp"
#include "input_limits.hpp"

namespace chatlens {

struct ZipEntryBudget {
  uint64_t compressed = 0;  // the entry's compressed size (the archive's when unknown)
  uint64_t archive = 0;     // the archive's size
  InputLimits limits;
  // What the archive's entries inflated to so far: this entry adds its bytes as they come.
  uint64_t* archive_inflated = nullptr;
};

class ZipEntryInput final : public InputBytes {
 public:
  // `archive` must outlive this input; `declared` is the entry's uncompressed size.
  ZipEntryInput(zip_t* archive, zip_uint64_t index, uint64_t declared, ZipEntryBudget budget);
  ~ZipEntryInput() override;
  ZipEntryInput(const ZipEntryInput&) = delete;
  ZipEntryInput& operator=(const ZipEntryInput&) = delete;

  uint64_t size() const override { return declared_; }
  InputRead read(uint64_t offset, char* dst, size_t n) override;

  // The most bytes inflated so far (what the archive's budget counts), and how many
  // times the entry was opened (1 + the rewinds).
  uint64_t inflated() const { return inflated_; }
  int opens() const { return opens_; }

 private:
  bool open(InputRead& failed);
  InputRead fail(SourceMessage error);
  bool within_limits(InputRead& failed) const;
  // Inflates up to `n` bytes into `dst` at the current position.
  bool inflate(char* dst, size_t n, size_t& got, InputRead& failed);

  zip_t* archive_;
  zip_uint64_t index_;
  uint64_t declared_;
  ZipEntryBudget budget_;
  uint64_t before_;  // what the archive's earlier entries inflated to
  zip_file_t* file_ = nullptr;
  uint64_t pos_ = 0;       // of the next byte zip_fread gives
  uint64_t inflated_ = 0;  // the furthest pos_ reached
  int opens_ = 0;
  std::optional<SourceMessage> error_;  // once failed, every read fails alike
  std::vector<char> skip_;              // where bytes before a read's offset are inflated to
};

}  // namespace chatlens
