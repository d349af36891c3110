#pragma once
// SHA-256 (FIPS 180-4), for the checksums tmk-extract's manifest records: of each input file
// and of each document's text.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace tmk {

class Sha256 {
 public:
  Sha256();
  void update(std::string_view bytes);
  // The digest as 64 lowercase hex digits. The object is spent afterwards.
  std::string hex_digest();

 private:
  void compress(const unsigned char* block);
  std::array<std::uint32_t, 8> state_;
  std::array<unsigned char, 64> block_{};
  std::size_t block_used_ = 0;
  std::uint64_t total_bytes_ = 0;
};

// The hex digest of `bytes`.
std::string sha256_hex(std::string_view bytes);

}  // namespace tmk
