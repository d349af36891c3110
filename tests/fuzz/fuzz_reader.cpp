// Fuzzes the input side: gzip sniffing, line splitting, UTF-8 repair and TSV parsing.
#include <cstddef>
#include <cstdint>
#include <string>

#include "tmk/core/io.hpp"
#include "tmk/core/tsv.hpp"
#include "tmk/core/utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
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
