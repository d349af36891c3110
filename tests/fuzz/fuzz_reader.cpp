// Fuzzes the input side: gzip sniffing, line splitting, UTF-8 repair and validation, and TSV
// parsing.
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "tmk/core/io.hpp"
#include "tmk/core/tsv.hpp"
#include "tmk/core/utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
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
