#include "tmk/text/analysis.hpp"

#include <algorithm>

namespace tmk {

std::size_t Analysis::sentence_at(std::size_t offset) const {
  const auto after = std::upper_bound(sentences.begin(), sentences.end(), offset,
                                      [](std::size_t o, const Sentence& s) { return o < s.span.start; });
  return after == sentences.begin() ? 0 : static_cast<std::size_t>(after - sentences.begin()) - 1;
}

void analyze(std::string_view text, const SentenceSplitter& splitter, const Tokenizer& tokenizer, Analysis& out) {
  out.sentences.clear();
  out.tokens.clear();
  std::vector<Span> spans;
  splitter.split(text, spans);
  out.sentences.reserve(spans.size());
  for (const Span& span : spans) {
    Sentence sentence;
    sentence.span = span;
    sentence.first_token = out.tokens.size();
    tokenizer.tokenize(text, span.start, span.end, out.tokens);
    sentence.end_token = out.tokens.size();
    out.sentences.push_back(sentence);
  }
}

}  // namespace tmk
