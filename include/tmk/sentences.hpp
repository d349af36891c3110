#pragma once
// Sentence boundaries for news text (English first; abbreviations come from
// lib/resources/abbreviations/en.txt so other languages can follow).
#include <cstddef>
#include <string_view>
#include <vector>

namespace tmk {

struct Span {
  std::size_t start = 0;  // byte offsets, end exclusive
  std::size_t end = 0;
};

class SentenceSplitter {
 public:
  SentenceSplitter();  // loads the embedded English abbreviation list
  // Appends the sentences of `text` in order; spans are trimmed of surrounding whitespace
  // and never empty. DESIGN.md's line-break rules apply (a blank line always ends one).
  void split(std::string_view text, std::vector<Span>& out) const;
};

}  // namespace tmk
