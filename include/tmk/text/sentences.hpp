#pragma once
// Sentence boundaries for news text (English first). The language data are embedded
// resources, so other languages can follow with their own files:
//   abbreviations/LANG.txt     abbreviations and how each behaves before the next word
//   sentences/LANG-starters.txt  words that typically open a sentence ("The", "He", "But")
//   sentences/LANG-connectors.txt  words a heading never ends with ("the", "of", "and")
//   sentences/LANG-time-words.txt  capitalized words that go on with a time ("p.m. Friday")
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace tmk {

namespace words {
class WordFilter;
}

struct Span {
  std::size_t start = 0;  // byte offsets, end exclusive
  std::size_t end = 0;
};

// How an abbreviation's period behaves when the next word is capitalized.
enum class AbbreviationKind {
  may_end,  // U.S., Inc., p.m.: ends a sentence only before a typical sentence starter
  title,    // Mr., Sen., Dr.: never ends a sentence
  number,   // No., p., Fig.: an abbreviation before a number, a plain word otherwise
  time,     // a.m., p.m.: ends a sentence before a capitalized word unless that word goes on
            // with the time ("5 p.m. Friday", "9 a.m. EST")
};

class SentenceSplitter {
 public:
  SentenceSplitter();  // loads the embedded English data
  // Loads the embedded data of `language` ("en"); throws std::runtime_error if there is none.
  explicit SentenceSplitter(std::string_view language);

  // Appends the sentences of `text` in order; spans are trimmed of surrounding whitespace
  // and never empty. DESIGN.md's line-break rules apply (a blank line always ends one).
  // Linear in the length of the text. `text` may be any bytes: invalid UTF-8 is read as
  // valid_utf8_view (utf8.hpp) repairs it, so offsets are those of `text`. Does not throw
  // (but std::bad_alloc). Thread-safe.
  void split(std::string_view text, std::vector<Span>& out) const;

  // Lookups the splitter uses, public so tests and other tools can ask the same questions.
  // `word` is written without its final period ("U.S", "Mr").
  const AbbreviationKind* abbreviation(std::string_view word) const;
  bool is_sentence_starter(std::string_view word) const;
  bool is_connector(std::string_view word) const;
  bool continues_time(std::string_view word) const;
  // A currency abbreviation whose period goes on before an amount ("Rs. 450"), from
  // sentences/LANG-before-amount.txt; the tokenizer does not see these.
  bool precedes_amount(std::string_view word) const;

 private:
  struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using WordSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;

  std::unordered_map<std::string, AbbreviationKind, StringHash, std::equal_to<>> abbreviations_;
  WordSet starters_;
  WordSet connectors_;
  WordSet time_words_;
  WordSet amount_abbreviations_;
  // In front of abbreviations_ and amount_abbreviations_, asked at every period before a
  // space: most words there are in neither, and a miss in those node-based tables cost more
  // than the rest of the period's decision. Shared, as it never changes after loading.
  std::shared_ptr<const words::WordFilter> abbreviation_filter_;
};

}  // namespace tmk
