#pragma once
// The sentences and tokens of one document: what the extractors (numbers, entities,
// quotes) start from. Build one per document; it is cheap to reuse (clear + analyze).
#include <cstddef>
#include <string_view>
#include <vector>

#include "tmk/text/sentences.hpp"
#include "tmk/text/tokenizer.hpp"

namespace tmk {

struct Sentence {
  Span span;
  std::size_t first_token = 0;  // index into Analysis::tokens
  std::size_t end_token = 0;    // one past the last token
};

struct Analysis {
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;

  // 0-based index of the sentence holding byte `offset` (the last one starting at or before it).
  std::size_t sentence_at(std::size_t offset) const;
};

// Splits `text` into sentences and each sentence into tokens. `text` may be any bytes:
// invalid UTF-8 is read as valid_utf8_view (utf8.hpp) repairs it, so offsets are those of
// `text`. The extractors check that the Analysis they are given fits their text and throw
// std::invalid_argument if not (offsets past its end or inside a character, spans out of
// order); an Analysis made by analyze() of the same text always fits.
void analyze(std::string_view text, const SentenceSplitter& splitter, const Tokenizer& tokenizer, Analysis& out);
// The sentences only, without tokens: enough for an extractor that reads sentences only
// (NumberExtractor; QuoteExtractor, which tokenizes the few sentences its recognizer reads),
// and cheaper.
void analyze_sentences(std::string_view text, const SentenceSplitter& splitter, Analysis& out);

}  // namespace tmk
