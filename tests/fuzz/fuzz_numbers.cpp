// Fuzzes the number extractor on the raw fuzzer bytes (invalid UTF-8 included: the library
// must handle it itself): spans must be ordered, non-empty, inside the text and never cut a
// UTF-8 sequence; values must never be empty; sentences must exist.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "tmk/core/utf8.hpp"
#include "tmk/numbers/numbers.hpp"
#include "tmk/text/analysis.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  static const tmk::SentenceSplitter splitter;
  static const tmk::Tokenizer tokenizer;
  static const tmk::NumberExtractor extractor;
  tmk::Analysis analysis;
  tmk::analyze(text, splitter, tokenizer, analysis);
  const auto mentions = extractor.extract(text, analysis);
  std::string scratch;
  const std::string_view valid = tmk::valid_utf8_view(text, scratch);  // only to check boundaries
  const auto continuation = [&](std::size_t at) {
    return at < valid.size() && (static_cast<unsigned char>(valid[at]) & 0xC0u) == 0x80u;
  };
  std::size_t previous_start = 0;
  for (const auto& m : mentions) {
    if (m.start < previous_start || m.end <= m.start || m.end > text.size()) __builtin_trap();
    if (continuation(m.start) || continuation(m.end) || m.value.empty()) __builtin_trap();
    if (!analysis.sentences.empty() && m.sentence >= analysis.sentences.size()) __builtin_trap();
    previous_start = m.start;
  }
  return 0;
}
