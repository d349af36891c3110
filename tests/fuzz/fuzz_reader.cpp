// Fuzzes the input side: decompression (gzip, zstd, xz, bzip2), line splitting, UTF-8 repair
// and validation, TSV parsing and CSV records.
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "tmk/core/csv.hpp"
#include "tmk/core/io.hpp"
#include "tmk/core/tsv.hpp"
#include "tmk/core/utf8.hpp"

namespace {

// The magic bytes of each compressed format: the first input byte picks one to put before
// the rest, so that every decoder sees arbitrary data after a header it accepts.
constexpr std::string_view kMagics[] = {
    {"\x1f\x8b\x08\x00", 4},
    {"\x28\xB5\x2F\xFD", 4},
    {"\xFD"
     "7zXZ\0",
     6},
    {"BZh9\x31\x41\x59\x26\x53\x59", 10},
};

// Decompresses the bytes after a magic: any data gives text or an error, never a crash.
void fuzz_decompression(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return;
  const std::string_view magic = kMagics[data[0] % std::size(kMagics)];
  try {
    auto source = tmk::ByteSource::from_string(std::string(magic) +
                                               std::string(reinterpret_cast<const char*>(data + 1), size - 1));
    tmk::read_all(*source);
  } catch (const std::runtime_error&) {
    // Truncated or invalid compressed data is reported as an error, the expected outcome.
  }
}

// Reads the bytes as CSV: records come in line order, and a record that is not malformed
// has as many fields as the header.
void fuzz_csv(const std::string& bytes) {
  try {
    tmk::CsvReader reader(tmk::ByteSource::from_string(bytes));
    tmk::CsvRecord record;
    std::size_t last_line = 0;
    while (reader.next(record)) {
      if (record.line <= last_line) __builtin_trap();
      if (record.malformed.empty() && record.fields.size() != reader.columns().size()) __builtin_trap();
      last_line = record.line;
    }
  } catch (const std::runtime_error&) {
    // No header row, or invalid compressed data.
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  fuzz_decompression(data, size);
  fuzz_csv(bytes);
  // valid_utf8_view repairs invalid bytes as repair_utf8 does and leaves the rest alone.
  std::string scratch;
  const std::string_view view = tmk::valid_utf8_view(bytes, scratch);
  if (view.size() != bytes.size() || !tmk::is_valid_utf8(view)) __builtin_trap();
  if (tmk::is_valid_utf8(bytes) != (view.data() == bytes.data())) __builtin_trap();
  std::string repaired = bytes;
  const tmk::RepairReport report = tmk::repair_utf8(repaired, false);
  if ((report.invalid_bytes == 0) != (view.data() == bytes.data())) __builtin_trap();
  for (std::size_t i = 0; i < size; ++i)
    if (repaired[i] != (bytes[i] == '\0' ? ' ' : view[i])) __builtin_trap();
  try {
    tmk::LineReader lines(tmk::ByteSource::from_string(bytes));
    std::string_view line;
    std::vector<std::string_view> fields;
    while (lines.next(line)) {
      std::string text(line);
      tmk::repair_utf8(text);
      tmk::split_tsv_line(text, fields);
      for (const auto field : fields) {
        std::string escaped;
        tmk::append_tsv_escaped(escaped, tmk::tsv_unescape(field));
        if (escaped.find('\t') != std::string::npos || escaped.find('\n') != std::string::npos) __builtin_trap();
      }
    }
  } catch (const std::runtime_error&) {
    // Invalid gzip data is reported as an error, which is the expected outcome.
  }
  return 0;
}
