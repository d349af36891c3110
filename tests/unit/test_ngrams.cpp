#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "corpus/ngrams.hpp"
#include "tmk/core/io.hpp"

namespace {

// A sentence analysis built by hand, so the test does not depend on the tokenizer.
struct Built {
  std::string text;
  tmk::Analysis analysis;
  void sentence(std::vector<std::pair<std::string, tmk::TokenKind>> tokens) {
    if (!text.empty()) text += ' ';
    tmk::Sentence s;
    s.span.start = text.size();
    s.first_token = analysis.tokens.size();
    for (const auto& [surface, kind] : tokens) {
      if (text.size() > s.span.start) text += ' ';
      analysis.tokens.push_back({text.size(), text.size() + surface.size(), kind});
      text += surface;
    }
    s.span.end = text.size();
    s.end_token = analysis.tokens.size();
    analysis.sentences.push_back(s);
  }
};

std::vector<std::string> ngrams_of(const Built& b, tmk::NgramOptions options) {
  std::vector<std::string> found;
  tmk::NgramExtractor(options).from_document("d", b.text, b.analysis, [&](const tmk::Ngram& g) {
    found.push_back(std::string(g.text) + "@" + std::to_string(g.sent) + ":" + std::to_string(g.start) + "-" +
                    std::to_string(g.end));
  });
  return found;
}

constexpr auto W = tmk::TokenKind::word;
constexpr auto P = tmk::TokenKind::punct;

}  // namespace

TEST_CASE("n-grams stay within a sentence and do not span punctuation", "[ngrams]") {
  Built b;
  b.sentence({{"Cold", W}, {"rain", W}, {",", P}, {"then", W}, {"sun", W}});
  b.sentence({{"Birds", W}, {"sing", W}});
  tmk::NgramOptions options;
  options.min_n = 2;
  options.max_n = 3;
  // "Cold rain , then sun Birds sing": offsets 0 5 10 12 17 | 21 27
  CHECK(ngrams_of(b, options) == std::vector<std::string>{"cold rain@1:0-9", "then sun@1:12-20", "birds sing@2:21-31"});
}

TEST_CASE("n-grams over the token as written keep its case", "[ngrams]") {
  Built b;
  b.sentence({{"Cold", W}, {"rain", W}});
  tmk::NgramOptions options;
  options.use_norm = false;
  CHECK(ngrams_of(b, options) == std::vector<std::string>{"Cold@1:0-4", "rain@1:5-9"});
}

TEST_CASE("stop words drop every n-gram holding one", "[ngrams]") {
  Built b;
  b.sentence({{"The", W}, {"mayor", W}, {"of", W}, {"the", W}, {"town", W}, {"spoke", W}});
  tmk::StopWords stop_words;
  CHECK(stop_words.contains("the"));
  CHECK(stop_words.contains("of"));
  CHECK_FALSE(stop_words.contains("mayor"));
  tmk::NgramOptions options;
  options.max_n = 2;
  options.stop_words = &stop_words;
  CHECK(ngrams_of(b, options) ==
        std::vector<std::string>{"mayor@1:4-9", "town@1:17-21", "town spoke@1:17-27", "spoke@1:22-27"});
}

TEST_CASE("n-grams from tokenizer output follow sent and kind", "[ngrams]") {
  tmk::TsvReader reader(tmk::ByteSource::from_string("doc\tsent\ttok\tstart\tend\ttoken\tnorm\tkind\n"
                                                     "x\t1\t1\t0\t3\tRed\tred\tword\n"
                                                     "x\t1\t2\t4\t7\tsky\tsky\tword\n"
                                                     "x\t1\t3\t7\t8\t.\t.\tpunct\n"
                                                     "x\t2\t1\t9\t11\tNo\tno\tword\n"
                                                     "y\t1\t1\t0\t2\tGo\tgo\tword\n"),
                        "tokens");
  std::vector<std::string> found;
  tmk::NgramOptions options;
  options.min_n = options.max_n = 2;
  tmk::NgramExtractor(options).from_token_table(
      reader, [&](const tmk::Ngram& g) { found.push_back(std::string(g.doc) + " " + std::string(g.text)); });
  CHECK(found == std::vector<std::string>{"x red sky"});
}

TEST_CASE("bad n-gram sizes are refused", "[ngrams]") {
  tmk::NgramOptions options;
  options.min_n = 3;
  options.max_n = 2;
  CHECK_THROWS_AS(tmk::NgramExtractor(options), std::invalid_argument);
}
