// Fuzzes the quote extractor (with the entity recognizer) on the raw fuzzer bytes (invalid
// UTF-8 included: the library must handle it itself): quotes must be ordered, inside the
// text, with non-empty content, and a speaker span inside the text.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "tmk/entities/entities.hpp"
#include "tmk/quotes/quotes.hpp"
#include "tmk/text/analysis.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  static const tmk::SentenceSplitter splitter;
  static const tmk::Tokenizer tokenizer;
  static const tmk::EntityRecognizer recognizer;
  static const tmk::QuoteExtractor extractor(tmk::QuoteOptions{&recognizer});
  tmk::Analysis analysis;
  tmk::analyze(text, splitter, tokenizer, analysis);
  const tmk::QuoteResult result = extractor.extract(text, analysis);
  std::size_t previous_start = 0;
  for (const tmk::Quote& q : result.quotes) {
    if (q.start < previous_start || q.end <= q.start || q.end > text.size()) __builtin_trap();
    if (q.has_speaker && (q.speaker.end <= q.speaker.start || q.speaker.end > text.size())) __builtin_trap();
    if (!analysis.sentences.empty() && q.sentence >= analysis.sentences.size()) __builtin_trap();
    previous_start = q.start;
  }
  return 0;
}
