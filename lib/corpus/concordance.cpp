#include "corpus/concordance.hpp"

#include <algorithm>
#include <boost/regex/icu.hpp>
#include <stdexcept>

#include "tmk/core/tsv.hpp"
#include "tmk/core/utf8.hpp"

namespace tmk {

struct RegexMatcher::Compiled {
  boost::u32regex regex;
};

namespace {
// Whole words, in the regex itself so the engine looks on for the next acceptable match:
// at each edge, either the outside or the inside character is not a word character.
constexpr std::string_view kEdge = "(?:(?<!\\w)|(?!\\w))";
}  // namespace

RegexMatcher::RegexMatcher(std::string_view pattern, MatchOptions options) {
  boost::regex_constants::syntax_option_type flags = boost::regex_constants::perl;
  if (options.ignore_case) flags |= boost::regex_constants::icase;
  std::string full;
  if (options.whole_words) {
    full.append(kEdge).append("(?:").append(pattern).append(")").append(kEdge);
  } else {
    full.assign(pattern);
  }
  try {
    // The user's pattern alone first, so that an error message shows their text, not ours.
    if (options.whole_words) boost::make_u32regex(pattern.data(), pattern.data() + pattern.size(), flags);
    compiled_ =
        std::make_unique<const Compiled>(Compiled{boost::make_u32regex(full.data(), full.data() + full.size(), flags)});
  } catch (const std::exception& e) {
    throw std::invalid_argument(std::string("bad pattern: ") + e.what());
  }
}

RegexMatcher::~RegexMatcher() = default;
RegexMatcher::RegexMatcher(RegexMatcher&&) noexcept = default;

void RegexMatcher::find(std::string_view text, std::vector<Span>& out) const {
  const char* begin = text.data();
  boost::u32regex_iterator<const char*> it(begin, begin + text.size(), compiled_->regex);
  for (const boost::u32regex_iterator<const char*> end; it != end; ++it) {
    const auto& whole = (*it)[0];
    const std::size_t start = static_cast<std::size_t>(whole.first - begin);
    const std::size_t stop = static_cast<std::size_t>(whole.second - begin);
    if (stop > start) out.push_back({start, stop});
  }
}

TokenSequenceMatcher::TokenSequenceMatcher(std::string_view query, const Tokenizer& tokenizer, MatchOptions options)
    : ignore_case_(options.ignore_case) {
  std::vector<Token> tokens;
  tokenizer.tokenize(query, tokens);
  for (const Token& token : tokens) {
    const std::string_view surface = query.substr(token.start, token.end - token.start);
    tokens_.push_back(ignore_case_ ? normalize_token(surface) : std::string(surface));
  }
  if (tokens_.empty()) throw std::invalid_argument("the token sequence is empty");
}

void TokenSequenceMatcher::find(std::string_view text, const Analysis& analysis, std::vector<Span>& out) const {
  const std::vector<Token>& tokens = analysis.tokens;
  std::string norm;
  const auto same = [&](const Token& token, const std::string& wanted) {
    const std::string_view surface = text.substr(token.start, token.end - token.start);
    if (!ignore_case_) return surface == wanted;
    norm.clear();
    normalize_token(surface, norm);
    return norm == wanted;
  };
  for (std::size_t first = 0; first + tokens_.size() <= tokens.size(); ++first) {
    std::size_t k = 0;
    while (k < tokens_.size() && same(tokens[first + k], tokens_[k])) ++k;
    if (k < tokens_.size()) continue;
    out.push_back({tokens[first].start, tokens[first + k - 1].end});
    first += k - 1;  // matches do not overlap
  }
}

namespace {
// Context for reading: tabs and line breaks become spaces (the match itself is kept exact).
void flatten(std::string_view context, std::string& out) {
  out.assign(context);
  for (char& c : out)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
}
}  // namespace

const std::vector<std::string> kConcordanceColumns = {"doc", "start", "end", "left", "match", "right", "sent"};

void append_concordance_rows(std::string& out, const TableLayout& layout, std::string_view doc_id,
                             std::string_view text, const std::vector<Span>& matches,
                             const std::vector<Span>& sentences, std::size_t width) {
  std::string before, after;
  for (const Span& match : matches) {
    // The last sentence starting at or before the match (the first, for a match before it).
    const auto after_match = std::upper_bound(sentences.begin(), sentences.end(), match.start,
                                              [](std::size_t offset, const Span& s) { return offset < s.start; });
    const std::size_t sentence = std::max<std::size_t>(after_match - sentences.begin(), 1);
    std::size_t left = match.start;
    for (std::size_t n = 0; n < width && left > 0; ++n) previous_code_point(text, left);
    std::size_t right = match.end;
    for (std::size_t n = 0; n < width && right < text.size(); ++n) next_code_point(text, right);
    flatten(text.substr(left, match.start - left), before);
    flatten(text.substr(match.end, right - match.end), after);
    TsvRow(out, layout)
        .add(doc_id)
        .add(match.start)
        .add(match.end)
        .add(before)
        .add(text.substr(match.start, match.end - match.start))
        .add(after)
        .add(sentence)
        .end();
  }
}

}  // namespace tmk
