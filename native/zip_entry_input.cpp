#include "zip_entry_input.hpp"

#include <algorithm>

namespace chatlens {
namespace {

SourceMessage corrupt(std::string detail) {
  return {"input.zip_entry_corrupt", Json::Object{{"detail", std::move(detail)}}};
}

}  // namespace

ZipEntryInput::ZipEntryInput(zip_t* archive, zip_uint64_t index, uint64_t declared, ZipEntryBudget budget)
    : archive_(archive),
      index_(index),
      declared_(declared),
      budget_(budget),
      before_(budget.archive_inflated ? *budget.archive_inflated : 0) {}

ZipEntryInput::~ZipEntryInput() {
  if (file_) zip_fclose(file_);
}

InputRead ZipEntryInput::fail(SourceMessage error) {
  error_ = error;
  if (file_) zip_fclose(file_), file_ = nullptr;
  return {0, std::move(error)};
}

bool ZipEntryInput::open(InputRead& failed) {
  if (file_) zip_fclose(file_);
  pos_ = 0;
  ++opens_;
  file_ = zip_fopen_index(archive_, index_, 0);
  if (file_) return true;
  failed = fail({"input.zip_entry_unreadable", Json::Object{{"detail", zip_strerror(archive_)}}});
  return false;
}

bool ZipEntryInput::within_limits(InputRead& failed) const {
  const InputLimits& limits = budget_.limits;
  const uint64_t total = before_ + inflated_;
  const auto beyond_ratio = [&](uint64_t inflated, uint64_t from) {
    return inflated > InputLimits::kRatioFloorBytes && inflated / std::max<uint64_t>(from, 1) >= limits.max_zip_ratio;
  };
  if (total > limits.max_input_bytes) {
    failed = {0, SourceMessage{before_ ? "input.zip_archive_too_large" : "input.zip_entry_too_large",
                               Json::Object{{"limit", describe_byte_size(limits.max_input_bytes)}}}};
  } else if (beyond_ratio(inflated_, budget_.compressed) || beyond_ratio(total, budget_.archive)) {
    failed = {0, SourceMessage{"input.zip_bomb", Json::Object{{"ratio", std::to_string(limits.max_zip_ratio)},
                                                              {"after", describe_byte_size(inflated_)}}}};
  } else {
    return true;
  }
  return false;
}

bool ZipEntryInput::inflate(char* dst, size_t n, size_t& got, InputRead& failed) {
  got = 0;
  while (got < n) {
    const zip_int64_t r = zip_fread(file_, dst + got, n - got);
    if (r < 0) {
      failed = fail(corrupt(zip_file_strerror(file_)));
      return false;
    }
    if (r == 0) break;
    got += static_cast<size_t>(r);
  }
  pos_ += got;
  if (pos_ > inflated_) {
    inflated_ = pos_;
    if (budget_.archive_inflated) *budget_.archive_inflated = before_ + inflated_;
    if (!within_limits(failed)) {
      failed = fail(*failed.error);
      return false;
    }
  }
  if (got < n && pos_ < declared_) {
    failed = fail(corrupt("ends after " + std::to_string(pos_) + " of the " + std::to_string(declared_) +
                          " bytes its header declares"));
    return false;
  }
  return true;
}

InputRead ZipEntryInput::read(uint64_t offset, char* dst, size_t n) {
  if (error_) return {0, error_};
  if (offset >= declared_) return {};
  InputRead failed;
  if ((!file_ || offset < pos_) && !open(failed)) return failed;
  // Forward to `offset`, through a scratch buffer.
  while (pos_ < offset) {
    skip_.resize(std::min<size_t>(size_t{1} << 16, std::max<size_t>(skip_.size(), 4096)));
    size_t got = 0;
    if (!inflate(skip_.data(), static_cast<size_t>(std::min<uint64_t>(skip_.size(), offset - pos_)), got, failed))
      return failed;
  }
  n = static_cast<size_t>(std::min<uint64_t>(n, declared_ - offset));
  size_t got = 0;
  if (!inflate(dst, n, got, failed)) return failed;
  if (pos_ == declared_) {
    // At the declared end the entry must end too (libzip checks its CRC there).
    char extra = 0;
    size_t more = 0;
    if (!inflate(&extra, 1, more, failed)) return failed;
    if (more)
      return fail(corrupt("inflates to more than the " + std::to_string(declared_) + " bytes its header declares"));
  }
  return {got, std::nullopt};
}

}  // namespace chatlens
