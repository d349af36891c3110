// Fuzzes the number extractor: spans must be ordered, non-empty, inside the text and never
// cut a UTF-8 sequence; values must never be empty.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "tmk/text/analysis.hpp"
#include "tmk/numbers/numbers.hpp"
#include "tmk/core/utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  tmk::repair_utf8(text);
  static const tmk::SentenceSplitter splitter;
  static const tmk::Tokenizer tokenizer;
  static const tmk::NumberExtractor extractor;
  tmk::Analysis analysis;
  tmk::analyze(text, splitter, tokenizer, analysis);
  std::vector<tmk::NumberMention> mentions;
  extractor.extract(text, analysis, mentions);
  const auto continuation = [&](std::size_t at) {
    return at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0u) == 0x80u;
  };
  std::size_t previous_start = 0;
  for (const auto& m : mentions) {
    if (m.start < previous_start || m.end <= m.start || m.end > text.size()) __builtin_trap();
    if (continuation(m.start) || continuation(m.end) || m.value.empty()) __builtin_trap();
    previous_start = m.start;
  }
  return 0;
}
