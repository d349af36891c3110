#include "tmk/text/analysis.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "text/input.hpp"
#include "tmk/core/utf8.hpp"

namespace tmk {

std::size_t Analysis::sentence_at(std::size_t offset) const {
  const auto after = std::upper_bound(sentences.begin(), sentences.end(), offset,
                                      [](std::size_t o, const Sentence& s) { return o < s.span.start; });
  return after == sentences.begin() ? 0 : static_cast<std::size_t>(after - sentences.begin()) - 1;
}

namespace {

[[noreturn]] void does_not_fit(std::string_view who, const std::string& what, std::size_t size) {
  throw std::invalid_argument(std::string(who) + ": the analysis does not fit the text (" + what + "; the text has " +
                              std::to_string(size) + " bytes); pass the Analysis that tmk::analyze made of this text");
}

}  // namespace

std::string_view checked_input(std::string_view text, const Analysis& analysis, std::string& scratch,
                               std::string_view who) {
  text = valid_utf8_view(text, scratch);
  // In valid UTF-8 a continuation byte is always inside a sequence, so an offset there cuts one.
  const auto boundary = [&](std::size_t at) {
    return at == text.size() || (static_cast<unsigned char>(text[at]) & 0xC0u) != 0x80u;
  };
  const auto check_span = [&](const char* what, std::size_t i, std::size_t start, std::size_t end,
                              std::size_t previous_end) {
    // The name is written only for the message: this runs for every sentence and token.
    const auto name = [&] { return std::string(what) + " " + std::to_string(i); };
    if (end > text.size()) does_not_fit(who, name() + " ends at byte " + std::to_string(end), text.size());
    if (start > end || start < previous_end)
      does_not_fit(who, name() + " [" + std::to_string(start) + ", " + std::to_string(end) + ") is out of order",
                   text.size());
    if (!boundary(start) || !boundary(end))
      does_not_fit(who, name() + " [" + std::to_string(start) + ", " + std::to_string(end) + ") cuts a UTF-8 character",
                   text.size());
  };
  std::size_t previous_end = 0;
  for (std::size_t i = 0; i < analysis.tokens.size(); ++i) {
    const Token& token = analysis.tokens[i];
    check_span("token", i, token.start, token.end, previous_end);
    if (token.start == token.end) does_not_fit(who, "token " + std::to_string(i) + " is empty", text.size());
    previous_end = token.end;
  }
  previous_end = 0;
  std::size_t previous_end_token = 0;
  for (std::size_t i = 0; i < analysis.sentences.size(); ++i) {
    const Sentence& sentence = analysis.sentences[i];
    check_span("sentence", i, sentence.span.start, sentence.span.end, previous_end);
    previous_end = sentence.span.end;
    if (sentence.first_token > sentence.end_token || sentence.end_token > analysis.tokens.size() ||
        sentence.first_token < previous_end_token)
      does_not_fit(who,
                   "sentence " + std::to_string(i) + " has tokens [" + std::to_string(sentence.first_token) + ", " +
                       std::to_string(sentence.end_token) + ") of " + std::to_string(analysis.tokens.size()),
                   text.size());
    previous_end_token = sentence.end_token;
  }
  return text;
}

namespace {

// The sentences of `text`, without tokens.
void split_sentences(std::string_view text, const SentenceSplitter& splitter, Analysis& out) {
  out.sentences.clear();
  out.tokens.clear();
  std::vector<Span> spans;
  splitter.split(text, spans);
  out.sentences.reserve(spans.size());
  for (const Span& span : spans) out.sentences.push_back({span, 0, 0});
}

}  // namespace

void analyze(std::string_view raw_text, const SentenceSplitter& splitter, const Tokenizer& tokenizer, Analysis& out) {
  std::string scratch;
  const std::string_view text = valid_utf8_view(raw_text, scratch);
  split_sentences(text, splitter, out);
  for (Sentence& sentence : out.sentences) {
    sentence.first_token = out.tokens.size();
    tokenizer.tokenize(text, sentence.span.start, sentence.span.end, out.tokens);
    sentence.end_token = out.tokens.size();
  }
}

void analyze_sentences(std::string_view raw_text, const SentenceSplitter& splitter, Analysis& out) {
  // split() reads invalid UTF-8 as its repair, with the same offsets: no check of its own here.
  split_sentences(raw_text, splitter, out);
}

}  // namespace tmk
