// Template part of storage.hpp.
#pragma once
#include <optional>
#include <unordered_map>

namespace chatlens::server::storage_detail {

template <class LookupExisting>
BatchPlan plan_batch(std::span<const PendingContribution> batch, LookupExisting&& existing) {
  BatchPlan plan;
  plan.outcomes.resize(batch.size(), StoreOutcome::kStored);
  std::unordered_map<std::string, uint64_t> in_batch;  // keys stored by earlier items of this batch
  for (size_t i = 0; i < batch.size(); ++i) {
    const PendingContribution& item = batch[i];
    if (!item.idempotency_key.empty()) {
      std::optional<uint64_t> known;
      if (auto it = in_batch.find(item.idempotency_key); it != in_batch.end())
        known = it->second;
      else
        known = existing(item.idempotency_key);
      if (known) {
        plan.outcomes[i] = *known == item.fingerprint ? StoreOutcome::kReplayed : StoreOutcome::kKeyReused;
        continue;
      }
      in_batch.emplace(item.idempotency_key, item.fingerprint);
    }
    plan.to_store.push_back(i);
  }
  return plan;
}

}  // namespace chatlens::server::storage_detail
