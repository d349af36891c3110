#pragma once
// Keyword in context: where a pattern occurs in a document, with the text around it.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "tmk/core/tsv.hpp"
#include "tmk/text/analysis.hpp"
#include "tmk/text/sentences.hpp"

namespace tmk {

struct MatchOptions {
  bool ignore_case = false;
  // A match may not start or end inside a word: a word character at its edge may not
  // have another word character next to it outside the match.
  bool whole_words = true;
};

// A Unicode-aware regular expression (Perl syntax, ICU character classes: \w, \p{Lu} ...).
// Thread-safe: one matcher can serve many threads.
class RegexMatcher {
 public:
  // Throws std::invalid_argument with the reason when the pattern is not valid.
  RegexMatcher(std::string_view pattern, MatchOptions options);
  ~RegexMatcher();
  RegexMatcher(RegexMatcher&&) noexcept;
  // Appends the non-empty, non-overlapping matches in `text`, in order.
  void find(std::string_view text, std::vector<Span>& out) const;

 private:
  struct Compiled;
  std::unique_ptr<const Compiled> compiled_;
};

// A sequence of tokens (the query is tokenized like the documents), matched against
// consecutive tokens; with ignore_case, their normalized forms are compared.
class TokenSequenceMatcher {
 public:
  // Throws std::invalid_argument when the query holds no token.
  TokenSequenceMatcher(std::string_view query, const Tokenizer& tokenizer, MatchOptions options);
  void find(std::string_view text, const Analysis& analysis, std::vector<Span>& out) const;

 private:
  std::vector<std::string> tokens_;
  bool ignore_case_;
};

// The columns of a concordance row; sent comes last, so that `cut -f` pipelines written
// before it keep working.
extern const std::vector<std::string> kConcordanceColumns;

// Appends one row per match, in the format of `layout` (of kConcordanceColumns): doc, start,
// end, left, match, right, sent. `left` and `right` hold up to `width` characters of context,
// with tabs and line breaks shown as spaces; sent numbers from 1 the sentence of `sentences`
// (the document's, in order) where the match starts.
void append_concordance_rows(std::string& out, const TableLayout& layout, std::string_view doc_id,
                             std::string_view text, const std::vector<Span>& matches,
                             const std::vector<Span>& sentences, std::size_t width);

}  // namespace tmk
