#pragma once
// Hashing pieces shared by the hash tables and the entity model's feature hashing.
#include <cstdint>

namespace tmk {

// MurmurHash3's 64-bit finalizer: spreads every input bit over the whole word, so the low
// bits of a hash can index a table.
inline std::uint64_t mix64(std::uint64_t h) {
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDull;
  h ^= h >> 33;
  h *= 0xC4CEB9FE1A85EC53ull;
  h ^= h >> 33;
  return h;
}

}  // namespace tmk
