#pragma once
// The rows tmk-tokenize writes: doc, sent, tok, start, end, token, norm, kind. Its output is
// about ten times its input, so formatting is most of its work and is written for speed.
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "tmk/core/tsv.hpp"
#include "tmk/text/analysis.hpp"
#include "tmk/text/tokenizer.hpp"

namespace tmk {

struct TokenRowOptions {
  TableFormat format = TableFormat::tsv;
  bool lower = false;                           // print the normalized form in the token column too
  std::array<bool, kTokenKinds> printed = [] {  // which kinds get a row, by TokenKind
    std::array<bool, kTokenKinds> all{};
    all.fill(true);
    return all;
  }();
};

// The columns of the rows.
extern const std::vector<std::string> kTokenColumns;

// Appends one row per printed token of `analysis`, the tokens of document `doc_id` whose
// text is `text`. `tok` numbers the tokens of each sentence from 1, the tokens left out
// included, so that the rows of a selection join the full table on doc, sent, tok.
void append_token_rows(std::string_view doc_id, std::string_view text, const Analysis& analysis,
                       const TokenRowOptions& options, std::string& out);

}  // namespace tmk
