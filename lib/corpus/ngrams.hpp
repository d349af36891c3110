#pragma once
// Word n-grams: runs of n consecutive tokens within one sentence, punctuation and symbols
// ($, £, +) left out. A punctuation mark or a symbol, like a sentence end, separates: no
// n-gram spans it. With stop words
// dropped, an n-gram holding one is left out (the words around it are not joined).
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "tmk/core/tsv.hpp"
#include "tmk/text/analysis.hpp"

namespace tmk {

// The English stop-word list built into tmk (lib/resources/stopwords/en.txt).
class StopWords {
 public:
  StopWords();
  // `normalized`: a token as normalize_token writes it.
  bool contains(std::string_view normalized) const { return words_.count(normalized) > 0; }

 private:
  std::unordered_set<std::string_view> words_;
};

struct NgramOptions {
  std::size_t min_n = 1;
  std::size_t max_n = 1;
  bool use_norm = true;                   // the normalized form (case-folded) or the token as written
  const StopWords* stop_words = nullptr;  // null: keep every word
};

struct Ngram {
  std::string_view doc;   // escaped
  std::size_t sent = 0;   // 1-based
  std::size_t start = 0;  // byte offsets of its first token's start and last token's end
  std::size_t end = 0;
  std::size_t n = 0;
  std::string_view text;  // the tokens, escaped for TSV, joined by single spaces
};

using NgramSink = std::function<void(const Ngram&)>;

class NgramExtractor {
 public:
  explicit NgramExtractor(NgramOptions options);

  // The n-grams of one analyzed document, in order of start, shorter first.
  void from_document(std::string_view doc_id, std::string_view text, const Analysis& analysis,
                     const NgramSink& emit) const;

  // The n-grams of tmk-tokenize output (columns doc, sent, start, end, norm, kind, and
  // token when not using norm). Throws std::runtime_error when a column is missing.
  void from_token_table(TsvReader& reader, const NgramSink& emit) const;

 private:
  struct Word {
    std::size_t text_begin;  // into the escaped text buffer
    std::size_t text_size;
    std::size_t start;
    std::size_t end;
    bool stop;
    bool separator;  // punctuation: not a word, and no n-gram spans it
  };
  void emit_sentence(std::string_view doc, std::size_t sent, const std::vector<Word>& words, const std::string& texts,
                     std::string& scratch, const NgramSink& emit) const;

  NgramOptions options_;
};

}  // namespace tmk
