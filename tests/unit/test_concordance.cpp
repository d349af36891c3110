#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "corpus/concordance.hpp"

namespace {
std::vector<std::string> matches(std::string_view pattern, std::string_view text, tmk::MatchOptions options = {}) {
  std::vector<tmk::Span> spans;
  tmk::RegexMatcher(pattern, options).find(text, spans);
  std::vector<std::string> found;
  for (const auto& s : spans)
    found.push_back(std::to_string(s.start) + ":" + std::string(text.substr(s.start, s.end - s.start)));
  return found;
}
}  // namespace

TEST_CASE("regex matches are whole words by default", "[concordance]") {
  const std::string text = "cat scatter cat. Cats";
  CHECK(matches("cat", text) == std::vector<std::string>{"0:cat", "12:cat"});
  tmk::MatchOptions partial;
  partial.whole_words = false;
  CHECK(matches("cat", text, partial) == std::vector<std::string>{"0:cat", "5:cat", "12:cat"});
}

TEST_CASE("a match edge that is not a word character needs no boundary", "[concordance]") {
  CHECK(matches("%", "rose 5% today") == std::vector<std::string>{"6:%"});
  CHECK(matches("\\d+%", "x 12% y") == std::vector<std::string>{"2:12%"});
}

TEST_CASE("regexes are Unicode-aware and can ignore case", "[concordance]") {
  tmk::MatchOptions icase;
  icase.ignore_case = true;
  // "Ärger" and "ärger": 2-byte Ä/ä, offsets count bytes.
  CHECK(matches("ärger", "Ärger, ärger", icase) == std::vector<std::string>{"0:Ärger", "8:ärger"});
  CHECK(matches("\\p{Lu}\\w+", "das Öl und Wasser") == std::vector<std::string>{"4:Öl", "12:Wasser"});
  // A letter next to the match is a word character even when it is not ASCII.
  CHECK(matches("l", "Öl l").size() == 1);
}

TEST_CASE("a bad pattern is refused with a reason", "[concordance]") {
  CHECK_THROWS_AS(tmk::RegexMatcher("(unclosed", {}), std::invalid_argument);
}

TEST_CASE("concordance rows carry context of N characters, line breaks as spaces", "[concordance]") {
  const std::string text = "héllo\nworld end";
  std::string out;
  tmk::append_concordance_rows(out, {tmk::TableFormat::tsv, tmk::kConcordanceColumns}, "d", text, {{7, 12}},
                               {{0, 5}, {6, 15}}, 3);  // "world", sentence 2
  CHECK(out == "d\t7\t12\tlo \tworld\t en\t2\n");
}

TEST_CASE("token sequences match consecutive tokens", "[concordance]") {
  const std::string text = "Rates rose per cent; per  cent.";
  tmk::Analysis analysis;
  tmk::Sentence s;
  analysis.tokens = {{0, 5, tmk::TokenKind::word},   {6, 10, tmk::TokenKind::word},   {11, 14, tmk::TokenKind::word},
                     {15, 19, tmk::TokenKind::word}, {19, 20, tmk::TokenKind::punct}, {21, 24, tmk::TokenKind::word},
                     {26, 30, tmk::TokenKind::word}, {30, 31, tmk::TokenKind::punct}};
  const tmk::Tokenizer tokenizer;
  std::vector<tmk::Span> spans;
  tmk::TokenSequenceMatcher("per cent", tokenizer, {}).find(text, analysis, spans);
  REQUIRE(spans.size() == 2);
  CHECK(spans[0].start == 11);
  CHECK(spans[0].end == 19);
  CHECK(spans[1].start == 21);
  CHECK(spans[1].end == 30);
}
