#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "text/token_rows.hpp"
#include "tmk/core/utf8.hpp"
#include "tmk/text/analysis.hpp"
#include "tmk/text/tokenizer.hpp"

namespace {

// The surface strings of the tokens of `text`, taken as one sentence range.
std::vector<std::string> surfaces(std::string_view text) {
  static const tmk::Tokenizer tokenizer;
  std::vector<tmk::Token> tokens;
  tokenizer.tokenize(text, tokens);
  std::vector<std::string> out;
  for (const tmk::Token& token : tokens) out.emplace_back(text.substr(token.start, token.end - token.start));
  return out;
}

// "surface/kind" for each token.
std::vector<std::string> tagged(std::string_view text) {
  static const tmk::Tokenizer tokenizer;
  std::vector<tmk::Token> tokens;
  tokenizer.tokenize(text, tokens);
  std::vector<std::string> out;
  for (const tmk::Token& token : tokens)
    out.push_back(std::string(text.substr(token.start, token.end - token.start)) + "/" +
                  std::string(tmk::to_string(token.kind)));
  return out;
}

using Tokens = std::vector<std::string>;

}  // namespace

TEST_CASE("tokenizer splits off punctuation and keeps contractions and possessives", "[tokenizer]") {
  CHECK(surfaces("They don't like Enron's offer, do they?") ==
        Tokens{"They", "don't", "like", "Enron's", "offer", ",", "do", "they", "?"});
  CHECK(surfaces("I can’t find Mr. Evans’ keys.") == Tokens{"I", "can’t", "find", "Mr.", "Evans’", "keys", "."});
  CHECK(surfaces("the boys' bikes") == Tokens{"the", "boys'", "bikes"});
  CHECK(surfaces("(see the list)") == Tokens{"(", "see", "the", "list", ")"});
}

TEST_CASE("tokenizer tells a closing single quote from a possessive", "[tokenizer]") {
  CHECK(surfaces("she called it 'a fine mess' and left") ==
        Tokens{"she", "called", "it", "'", "a", "fine", "mess", "'", "and", "left"});
  CHECK(surfaces("the 'old ships' hulls") == Tokens{"the", "'", "old", "ships", "'", "hulls"});
  CHECK(surfaces("music of the '80s and '90s") == Tokens{"music", "of", "the", "'80s", "and", "'90s"});
}

TEST_CASE("tokenizer keeps hyphenated words whole", "[tokenizer]") {
  CHECK(surfaces("a well-known, long-term co-op") == Tokens{"a", "well-known", ",", "long-term", "co-op"});
  CHECK(surfaces("a 12-year-old boy") == Tokens{"a", "12-year-old", "boy"});
  CHECK(surfaces("wait -- no") == Tokens{"wait", "--", "no"});
  CHECK(surfaces("Paris–Berlin") == Tokens{"Paris", "–", "Berlin"});  // an en dash separates
}

TEST_CASE("tokenizer keeps abbreviations and initialisms with their period", "[tokenizer]") {
  CHECK(surfaces("Dr. Lee met Sen. Ames at 4 p.m. on Friday.") ==
        Tokens{"Dr.", "Lee", "met", "Sen.", "Ames", "at", "4", "p.m.", "on", "Friday", "."});
  CHECK(surfaces("the U.S.-based firm") == Tokens{"the", "U.S.-based", "firm"});
  CHECK(surfaces("Jonas E. Smith") == Tokens{"Jonas", "E.", "Smith"});
  // At the end of a sentence one period serves both only for an initialism.
  CHECK(surfaces("They moved to the U.S.") == Tokens{"They", "moved", "to", "the", "U.S."});
  CHECK(surfaces("They sell pens, cups, etc.") == Tokens{"They", "sell", "pens", ",", "cups", ",", "etc", "."});
  CHECK(surfaces("It ended.") == Tokens{"It", "ended", "."});
  CHECK(surfaces("He said “I won.”") == Tokens{"He", "said", "“", "I", "won", ".", "”"});
  // "No." is an abbreviation before a number only.
  CHECK(surfaces("room No. 5") == Tokens{"room", "No.", "5"});
  CHECK(surfaces("I said no. then left") == Tokens{"I", "said", "no", ".", "then", "left"});
}

TEST_CASE("tokenizer reads numbers, money and units as UD does", "[tokenizer]") {
  CHECK(tagged("It costs $15, or 3.5% of 1,700 and 500,000.") ==
        Tokens{"It/word", "costs/word", "$/symbol", "15/number", ",/punct", "or/word", "3.5/number", "%/punct",
               "of/word", "1,700/number", "and/word", "500,000/number", "./punct"});
  CHECK(surfaces("at 12:30 on 01/24/2001") == Tokens{"at", "12:30", "on", "01/24/2001"});
  CHECK(surfaces("the 3rd time in the 1990s") == Tokens{"the", "3rd", "time", "in", "the", "1990s"});
  CHECK(surfaces("a 40mins walk, 81K views") == Tokens{"a", "40", "mins", "walk", ",", "81", "K", "views"});
  CHECK(surfaces("scores 1,2 and -5") == Tokens{"scores", "1", ",", "2", "and", "-", "5"});
  CHECK(surfaces("call 555-0199 now") == Tokens{"call", "555-0199", "now"});
}

TEST_CASE("tokenizer recognizes URLs, e-mail, hashtags, mentions", "[tokenizer]") {
  CHECK(tagged("See https://example.org/a_b?c=1&d=2 (or www.example.net).") ==
        Tokens{"See/word", "https://example.org/a_b?c=1&d=2/url", "(/punct", "or/word", "www.example.net/url",
               ")/punct", "./punct"});
  CHECK(tagged("Mail jane.doe@example.co.uk today.") ==
        Tokens{"Mail/word", "jane.doe@example.co.uk/email", "today/word", "./punct"});
  CHECK(tagged("Thanks @sam_k for #BigNews!") ==
        Tokens{"Thanks/word", "@sam_k/mention", "for/word", "#BigNews/hashtag", "!/punct"});
  CHECK(surfaces("ranked #1") == Tokens{"ranked", "#", "1"});
}

TEST_CASE("tokenizer reads emoji and emoticons", "[tokenizer]") {
  CHECK(tagged("Nice 👍🏽 win 🇫🇷!") ==
        Tokens{"Nice/word", "👍🏽/emoji", "win/word", "🇫🇷/emoji", "!/punct"});
  CHECK(tagged("ok 👨‍👩‍👧 :) bye :-(") ==
        Tokens{"ok/word", "👨‍👩‍👧/emoji", ":)/emoji", "bye/word", ":-(/emoji"});
  CHECK(tagged("©2024 ❤ ❤️") == Tokens{"©/symbol", "2024/number", "❤/emoji", "❤️/emoji"});
}

TEST_CASE("tokenizer joins repeated punctuation", "[tokenizer]") {
  CHECK(surfaces("Wait... what?! No!!!") == Tokens{"Wait", "...", "what", "?!", "No", "!!!"});
  CHECK(surfaces("gone...?") == Tokens{"gone", "...", "?"});
}

TEST_CASE("tokenizer handles letters beyond ASCII", "[tokenizer]") {
  CHECK(surfaces("Müller’s café in São Paulo.") == Tokens{"Müller’s", "café", "in", "São", "Paulo", "."});
  CHECK(surfaces("Ελληνικά και русский!") == Tokens{"Ελληνικά", "και", "русский", "!"});
  CHECK(surfaces("a\u00A0b") == Tokens{"a", "b"});  // a no-break space separates
}

TEST_CASE("tokenizer makes an invalid byte a symbol token", "[tokenizer]") {
  std::string text =
      "ab\xFF"
      "cd";
  tmk::repair_utf8(text);
  REQUIRE(text[2] == tmk::kInvalidByte);
  CHECK(tagged(text) == Tokens{"ab/word", std::string(1, tmk::kInvalidByte) + "/symbol", "cd/word"});
  // Unrepaired text: each malformed byte is a token of its own, nothing is read past the end.
  const std::string broken = "x\xE2\x82 \xF0\x9F";
  CHECK(surfaces(broken) == Tokens{"x", "\xE2", "\x82", "\xF0", "\x9F"});
}

TEST_CASE("tokenizer stays inside the given range", "[tokenizer]") {
  const std::string text = "One two. Three four.";
  const tmk::Tokenizer tokenizer;
  std::vector<tmk::Token> tokens;
  tokenizer.tokenize(text, 9, text.size(), tokens);
  REQUIRE(tokens.size() == 3);
  CHECK(tokens[0].start == 9);
  CHECK(tokens[0].end == 14);
  CHECK(tokens[2].start == 19);
  tokens.clear();
  tokenizer.tokenize(text, 0, 3, tokens);
  CHECK(tokens.size() == 1);
  CHECK(surfaces("").empty());
  CHECK(surfaces(" \t\r\n ").empty());
}

TEST_CASE("normalize_token case-folds with NFKC and folds curly quotes", "[tokenizer]") {
  CHECK(tmk::normalize_token("Hello") == "hello");
  CHECK(tmk::normalize_token("Don’t") == "don't");
  CHECK(tmk::normalize_token("“") == "\"");
  CHECK(tmk::normalize_token("Straße") == "strasse");
  CHECK(tmk::normalize_token("ＡＢＣ") == "abc");
  CHECK(tmk::normalize_token("ﬁne") == "fine");
  CHECK(tmk::normalize_token("ÉCOLE") == "école");
  CHECK(tmk::normalize_token(std::string(1, tmk::kInvalidByte)) == std::string(1, tmk::kInvalidByte));
  std::string out = "x";
  tmk::normalize_token("AB", out);
  CHECK(out == "xab");
}

TEST_CASE("token kinds have stable names", "[tokenizer]") {
  CHECK(tmk::to_string(tmk::TokenKind::word) == "word");
  CHECK(tmk::to_string(tmk::TokenKind::hashtag) == "hashtag");
  CHECK(tmk::to_string(tmk::TokenKind::emoji) == "emoji");
}

TEST_CASE("tokenizer reads a curly apostrophe before a year", "[tokenizer]") {
  CHECK(surfaces("the ’60s and the ‘70s") == Tokens{"the", "’60s", "and", "the", "‘70s"});
}

TEST_CASE("token rows escape, normalize and filter, keeping the numbers of tok", "[tokenizer]") {
  const std::string text = "A\\B Café ok";
  const tmk::SentenceSplitter splitter;
  const tmk::Tokenizer tokenizer;
  tmk::Analysis analysis;
  tmk::analyze(text, splitter, tokenizer, analysis);
  tmk::TokenRowOptions options;
  std::string out;
  tmk::append_token_rows("d\t1", text, analysis, options, out);
  CHECK(out ==
        "d\\t1\t1\t1\t0\t1\tA\ta\tword\n"
        "d\\t1\t1\t2\t1\t2\t\\\\\t\\\\\tpunct\n"
        "d\\t1\t1\t3\t2\t3\tB\tb\tword\n"
        "d\\t1\t1\t4\t4\t9\tCafé\tcafé\tword\n"
        "d\\t1\t1\t5\t10\t12\tok\tok\tword\n");
  options.lower = true;
  options.printed[static_cast<std::size_t>(tmk::TokenKind::punct)] = false;
  out.clear();
  tmk::append_token_rows("d", text, analysis, options, out);
  CHECK(out ==
        "d\t1\t1\t0\t1\ta\ta\tword\n"
        "d\t1\t3\t2\t3\tb\tb\tword\n"  // tok keeps the number the left-out "\\" gave it
        "d\t1\t4\t4\t9\tcafé\tcafé\tword\n"
        "d\t1\t5\t10\t12\tok\tok\tword\n");
  CHECK(tmk::tsv_header(tmk::kTokenColumns) == "doc\tsent\ttok\tstart\tend\ttoken\tnorm\tkind\n");
}
