// Fuzzes the quote extractor: quotes must be ordered, inside the text, with non-empty
// content, and a speaker span inside the text.
#include <cstddef>
#include <cstdint>
#include <string>

#include "tmk/text/analysis.hpp"
#include "tmk/quotes/quotes.hpp"
#include "tmk/core/utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  tmk::repair_utf8(text);
  static const tmk::SentenceSplitter splitter;
  static const tmk::Tokenizer tokenizer;
  static const tmk::QuoteExtractor extractor;
  tmk::Analysis analysis;
  tmk::analyze(text, splitter, tokenizer, analysis);
  tmk::QuoteResult result;
  extractor.extract(text, analysis, result);
  std::size_t previous_start = 0;
  for (const tmk::Quote& q : result.quotes) {
    if (q.content.start < previous_start || q.content.end <= q.content.start || q.content.end > text.size())
      __builtin_trap();
    if (q.has_speaker && (q.speaker.end <= q.speaker.start || q.speaker.end > text.size())) __builtin_trap();
    if (!analysis.sentences.empty() && q.sentence >= analysis.sentences.size()) __builtin_trap();
    previous_start = q.content.start;
  }
  return 0;
}
