// The library is safe to call with any bytes and with an Analysis that does not fit the text.
// Each text lives in a heap buffer of exactly its size, so that the sanitizer build
// (scripts/test --sanitize) reports any read past its end.
#include <catch2/catch.hpp>
#include <cstddef>
#include <cstring>
#include <memory>
#include <random>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "tmk/core/tsv.hpp"
#include "tmk/core/utf8.hpp"
#include "tmk/entities/entities.hpp"
#include "tmk/numbers/numbers.hpp"
#include "tmk/quotes/quotes.hpp"
#include "tmk/text/analysis.hpp"

namespace {

// A copy of `bytes` in a heap block of exactly its size (no terminating NUL to read into).
struct ExactBuffer {
  explicit ExactBuffer(std::string_view bytes) : data(new char[bytes.size()]), size(bytes.size()) {
    if (size) std::memcpy(data.get(), bytes.data(), size);
  }
  std::string_view view() const { return {data.get(), size}; }
  std::unique_ptr<char[]> data;
  std::size_t size;
};

struct Tools {
  tmk::SentenceSplitter splitter;
  tmk::Tokenizer tokenizer;
  tmk::EntityRecognizer recognizer;
  tmk::NumberExtractor numbers;
  tmk::QuoteExtractor quotes{tmk::QuoteOptions{&recognizer}};
};

const Tools& tools() {
  static const Tools instance;
  return instance;
}

// Pieces of news text, valid multi-byte characters and bytes that are never valid.
const std::vector<std::string> kPieces = {
    "Paris",
    " ",
    "said",
    "Sen.",
    "Bernie",
    "Sanders",
    "\"",
    "\xE2\x80\x9C",
    "\xE2\x80\x9D",
    "'",
    "\xE2\x80\x99",
    "5",
    "1,700",
    "$",
    "%",
    "million",
    "2015",
    ".",
    "!",
    "?",
    "\n",
    "\n\n",
    "(IAM)",
    "caf\xC3\xA9",
    "\xE2\x80\x94",
    "\xE2\x80\xA6",
    "\xF0\x9F\x98\x80",
    "\xC2\xA0",
    "\xE2\x80\xA2",
    "@x",
    "#y",
    "http://a.b/c",
    "\xFF",
    "\xC0\xAF",
    "\xED\xA0\x80",
    "\x80",
    "\xBF",
    std::string(1, '\0'),
    "\xEF\xBB\xBF",
    "three",
    "\xE2\x80\xB9",
    "\xE2\x80\xBA",
    "\xC2\xAB",
    "\xC2\xBB",
    "\xE2\x80\x98",
    "\xE2\x80\x9E",
    "\xE2\x80\x89",
    "told",
};
// Lead bytes of multi-byte sequences, cut off: what the end of a text is biased towards.
const std::vector<std::string> kCutEndings = {"\xC3",         "\xE2", "\xE2\x80", "\xF0",         "\xF0\x9F",
                                              "\xF0\x9F\x98", "\xDF", "\xEF\xBB", "\xF4\x8F\xBF", "\xE0"};

std::string random_text(std::mt19937_64& rng) {
  const std::size_t length = std::uniform_int_distribution<std::size_t>(0, 300)(rng);
  std::string text;
  while (text.size() < length) {
    switch (rng() % 4) {
      case 0:
        text.push_back(static_cast<char>(rng() & 0xFF));  // any byte
        break;
      case 1:
        text += kCutEndings[rng() % kCutEndings.size()];
        break;
      default:
        text += kPieces[rng() % kPieces.size()];
        break;
    }
  }
  text.resize(length);
  if (rng() % 2 == 0) {  // half the texts end inside a UTF-8 sequence
    const std::string& ending = kCutEndings[rng() % kCutEndings.size()];
    text.resize(text.size() >= ending.size() ? text.size() - ending.size() : 0);
    text += ending;
  }
  return text;
}

bool on_boundary(std::string_view valid, std::size_t at) {
  return at == valid.size() || (static_cast<unsigned char>(valid[at]) & 0xC0u) != 0x80u;
}

// Runs every entry point on `text` (any bytes) and checks the results against the same calls
// on the repaired text: the same offsets, so repairs inside the library do not move anything.
void check_text(std::string_view raw, const tmk::Analysis* foreign) {
  const Tools& t = tools();
  const ExactBuffer buffer(raw);
  const std::string_view text = buffer.view();
  std::string scratch;
  const std::string_view valid = tmk::valid_utf8_view(text, scratch);
  REQUIRE(valid.size() == text.size());
  REQUIRE(tmk::is_valid_utf8(valid));

  tmk::Analysis analysis, repaired_analysis;
  tmk::analyze(text, t.splitter, t.tokenizer, analysis);
  tmk::analyze(valid, t.splitter, t.tokenizer, repaired_analysis);
  REQUIRE(analysis.tokens.size() == repaired_analysis.tokens.size());
  REQUIRE(analysis.sentences.size() == repaired_analysis.sentences.size());
  std::string folded;
  for (std::size_t i = 0; i < analysis.tokens.size(); ++i) {
    const tmk::Token& token = analysis.tokens[i];
    REQUIRE(token.start == repaired_analysis.tokens[i].start);
    REQUIRE(token.end == repaired_analysis.tokens[i].end);
    REQUIRE(token.start < token.end);
    REQUIRE(token.end <= text.size());
    REQUIRE(on_boundary(valid, token.start));
    REQUIRE(on_boundary(valid, token.end));
    const ExactBuffer surface(text.substr(token.start, token.end - token.start));
    folded.clear();
    tmk::normalize_token(surface.view(), folded);
  }

  std::vector<tmk::Span> spans;
  t.splitter.split(text, spans);
  REQUIRE(spans.size() == analysis.sentences.size());
  std::vector<tmk::Token> tokens;
  t.tokenizer.tokenize(text, tokens);
  // A range cut anywhere, even inside a character.
  if (!text.empty()) t.tokenizer.tokenize(text, text.size() / 3, text.size() - 1, tokens);
  for (const tmk::Token& token : tokens) REQUIRE(token.end <= text.size());

  const auto mentions = t.recognizer.recognize(text, analysis);
  const auto repaired_mentions = t.recognizer.recognize(valid, repaired_analysis);
  REQUIRE(mentions.size() == repaired_mentions.size());
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    REQUIRE(mentions[i].start == repaired_mentions[i].start);
    REQUIRE(mentions[i].end == repaired_mentions[i].end);
    REQUIRE(mentions[i].end <= text.size());
    REQUIRE(mentions[i].sentence < analysis.sentences.size());
  }

  const auto numbers = t.numbers.extract(text, analysis);
  const auto repaired_numbers = t.numbers.extract(valid, repaired_analysis);
  REQUIRE(numbers.size() == repaired_numbers.size());
  for (std::size_t i = 0; i < numbers.size(); ++i) {
    REQUIRE(numbers[i].start == repaired_numbers[i].start);
    REQUIRE(numbers[i].end <= text.size());
    REQUIRE(numbers[i].sentence == analysis.sentence_at(numbers[i].start));
  }
  for (const auto& m : t.numbers.extract(text, tmk::Analysis{})) REQUIRE(m.end <= text.size());

  const tmk::QuoteResult quotes = t.quotes.extract(text, analysis);
  const tmk::QuoteResult repaired_quotes = t.quotes.extract(valid, repaired_analysis);
  REQUIRE(quotes.quotes.size() == repaired_quotes.quotes.size());
  for (std::size_t i = 0; i < quotes.quotes.size(); ++i) {
    REQUIRE(quotes.quotes[i].start == repaired_quotes.quotes[i].start);
    REQUIRE(quotes.quotes[i].end <= text.size());
    REQUIRE(quotes.quotes[i].speaker_canonical == repaired_quotes.quotes[i].speaker_canonical);
  }

  std::string tsv;
  tmk::TsvRow(tsv).add(text).add(text.size()).end();

  // Another text's analysis: refused with std::invalid_argument, or read without harm.
  if (foreign) {
    const auto refused_or_read = [&](auto&& call) {
      try {
        call();
      } catch (const std::invalid_argument&) {
      }
    };
    refused_or_read([&] { t.recognizer.recognize(text, *foreign); });
    refused_or_read([&] { t.numbers.extract(text, *foreign); });
    refused_or_read([&] { t.quotes.extract(text, *foreign); });
  }
}

}  // namespace

TEST_CASE("any bytes: random texts in exact-size buffers, many ending inside a character", "[any-bytes]") {
  std::mt19937_64 rng(20261127);
  tmk::Analysis previous;
  for (int round = 0; round < 3000; ++round) {
    const std::string text = random_text(rng);
    INFO("round " << round);
    check_text(text, &previous);
    tmk::analyze(text, tools().splitter, tools().tokenizer, previous);
  }
}

TEST_CASE("any bytes: a text that ends inside a UTF-8 sequence", "[any-bytes]") {
  // The reported crash: the word reader and the numbers lexer read past such an end.
  for (const char* text : {"Paris \xC3", "Sen. Bernie Sanders \xE2\x80", "It cost 5 \xF0\x9F\x98", "5\xE2",
                           "\"We won,\" said Olga Petrova \xE2\x80", "\xC3", "\xF0\x9F", "Visit London\xE2"})
    check_text(text, nullptr);
  const Tools& t = tools();
  const ExactBuffer buffer("Paris \xFF is nice. It cost $5 \xC3");
  tmk::Analysis analysis;
  tmk::analyze(buffer.view(), t.splitter, t.tokenizer, analysis);
  const auto numbers = t.numbers.extract(buffer.view(), analysis);
  REQUIRE(numbers.size() == 1);
  CHECK(numbers[0].value == "5");
  CHECK(numbers[0].sentence == 1);
  const auto mentions = t.recognizer.recognize(buffer.view(), analysis);
  REQUIRE(!mentions.empty());
  CHECK(buffer.view().substr(mentions[0].start, mentions[0].end - mentions[0].start) == "Paris");
}

TEST_CASE("any bytes: a quote mark at the very end, looked at byte by byte", "[any-bytes]") {
  // Found by fuzz_quotes: the quote reader stepped one byte back into the last character
  // (a single guillemet) and decoded its continuation byte as a lead byte, past the end.
  check_text("Itcoss%t\"$1\x16 \xE2\x80\xB9", nullptr);
  check_text("\"No,\" he said \xE2\x80\xB9", nullptr);
  check_text("\xC2\xAB Oui \xC2\xBB", nullptr);
  check_text("x \xE2\x80\xBA", nullptr);
  // Also found by fuzz_quotes: the sentence splitter cut "…" in two, so analyze's own
  // analysis did not fit the text.
  check_text("S\xFF . Ma\xE2\x80\xA6 . Maria-\x86Lpez i\x80", nullptr);
}

TEST_CASE("any bytes: valid_utf8_view returns valid text unchanged and repairs a copy otherwise", "[utf8]") {
  std::string scratch;
  const std::string valid = "caf\xC3\xA9 \xE2\x80\x94 a long ASCII run to take the fast path" + std::string(1, '\0');
  CHECK(tmk::valid_utf8_view(valid, scratch).data() == valid.data());
  CHECK(tmk::is_valid_utf8(valid));
  const std::string broken = "abcdefgh\xC3(\xFF\xE2\x80";
  CHECK_FALSE(tmk::is_valid_utf8(broken));
  const std::string_view view = tmk::valid_utf8_view(broken, scratch);
  CHECK(view.data() == scratch.data());
  CHECK(view == std::string("abcdefgh\x1A(\x1A\x1A\x1A"));
  // NUL and a BOM are valid UTF-8: left as they are (repair_utf8 changes them for documents).
  const std::string bom = "\xEF\xBB\xBFx\xFF" + std::string(1, '\0');
  CHECK(tmk::valid_utf8_view(bom, scratch) == "\xEF\xBB\xBFx\x1A" + std::string(1, '\0'));
}

TEST_CASE("any bytes: an analysis that does not fit the text is refused", "[any-bytes]") {
  const Tools& t = tools();
  const std::string long_text = "Olga Petrova paid $5 million in Paris. \"We won,\" she said.";
  tmk::Analysis analysis;
  tmk::analyze(long_text, t.splitter, t.tokenizer, analysis);
  const ExactBuffer short_text("Olga Petrova paid");
  CHECK_THROWS_AS(t.recognizer.recognize(short_text.view(), analysis), std::invalid_argument);
  CHECK_THROWS_AS(t.numbers.extract(short_text.view(), analysis), std::invalid_argument);
  CHECK_THROWS_AS(t.quotes.extract(short_text.view(), analysis), std::invalid_argument);
  try {
    t.numbers.extract(short_text.view(), analysis);
  } catch (const std::invalid_argument& e) {
    CHECK_THAT(e.what(), Catch::Contains("tmk::NumberExtractor::extract: the analysis does not fit the text"));
  }

  // A token inside a character, sentences out of order, token ranges past the tokens.
  const ExactBuffer text("caf\xC3\xA9 5");
  tmk::Analysis cut;
  cut.tokens.push_back({0, 4, tmk::TokenKind::word});
  cut.sentences.push_back({{0, 7}, 0, 1});
  CHECK_THROWS_AS(t.recognizer.recognize(text.view(), cut), std::invalid_argument);
  tmk::Analysis disordered;
  disordered.sentences.push_back({{4, 7}, 0, 0});
  disordered.sentences.push_back({{0, 3}, 0, 0});
  CHECK_THROWS_AS(t.numbers.extract(text.view(), disordered), std::invalid_argument);
  tmk::Analysis past_tokens;
  past_tokens.sentences.push_back({{0, 7}, 0, 2});
  CHECK_THROWS_AS(t.quotes.extract(text.view(), past_tokens), std::invalid_argument);
  // A fitting analysis without tokens (tmk-numbers reads sentences only) is fine.
  tmk::Analysis sentences_only;
  sentences_only.sentences.push_back({{0, 7}, 0, 0});
  CHECK(t.numbers.extract(text.view(), sentences_only).size() == 1);
}
