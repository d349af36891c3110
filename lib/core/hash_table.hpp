#pragma once
// A flat open-addressing table from 64-bit hashes to small non-zero values: the word lists
// of the entity recognizer are looked up for every word, so one probe should usually be
// one cache line.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace tmk {

class HashTable {
 public:
  // The value stored for `key`, 0 when there is none.
  std::uint8_t find(std::uint64_t key) const {
    if (keys_.empty()) return 0;
    key = key ? key : 1;  // 0 marks an empty slot
    for (std::size_t slot = key & mask_;; slot = (slot + 1) & mask_) {
      if (keys_[slot] == key) return values_[slot];
      if (keys_[slot] == 0) return 0;
    }
  }
  // Starts loading the slot of `key` into the cache, for a find() a little later.
  void prefetch(std::uint64_t key) const {
    if (keys_.empty()) return;
    const std::size_t slot = (key ? key : 1) & mask_;
    __builtin_prefetch(&keys_[slot]);
    __builtin_prefetch(&values_[slot]);
  }
  // The value slot for `key`, inserted as 0 when absent.
  std::uint8_t& operator[](std::uint64_t key) {
    if (2 * (size_ + 1) > keys_.size()) grow();
    key = key ? key : 1;
    std::size_t slot = key & mask_;
    while (keys_[slot] != 0 && keys_[slot] != key) slot = (slot + 1) & mask_;
    if (keys_[slot] == 0) {
      keys_[slot] = key;
      ++size_;
    }
    return values_[slot];
  }
  std::size_t size() const { return size_; }

 private:
  void grow() {
    std::vector<std::uint64_t> keys(keys_.empty() ? 64 : 2 * keys_.size());
    std::vector<std::uint8_t> values(keys.size());
    const std::size_t mask = keys.size() - 1;
    for (std::size_t i = 0; i < keys_.size(); ++i) {
      if (keys_[i] == 0) continue;
      std::size_t slot = keys_[i] & mask;
      while (keys[slot] != 0) slot = (slot + 1) & mask;
      keys[slot] = keys_[i];
      values[slot] = values_[i];
    }
    keys_.swap(keys);
    values_.swap(values);
    mask_ = mask;
  }
  std::vector<std::uint64_t> keys_;
  std::vector<std::uint8_t> values_;
  std::size_t mask_ = 0;
  std::size_t size_ = 0;
};

}  // namespace tmk
