#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "tmk/text/sentences.hpp"

namespace {

std::vector<std::string> sentences_of(std::string_view text) {
  static const tmk::SentenceSplitter splitter;
  std::vector<tmk::Span> spans;
  splitter.split(text, spans);
  std::vector<std::string> out;
  for (const tmk::Span& span : spans) out.emplace_back(text.substr(span.start, span.end - span.start));
  return out;
}

using Sentences = std::vector<std::string>;

}  // namespace

TEST_CASE("sentences: plain punctuation", "[sentences]") {
  CHECK(sentences_of("The dog barked. A cat ran off! Was it scared? Nobody knows.") ==
        Sentences{"The dog barked.", "A cat ran off!", "Was it scared?", "Nobody knows."});
  CHECK(sentences_of("Really?! Yes!! Fine.") == Sentences{"Really?!", "Yes!!", "Fine."});
  CHECK(sentences_of("No final punctuation here") == Sentences{"No final punctuation here"});
  CHECK(sentences_of("").empty());
  CHECK(sentences_of(" \n\n \t ").empty());
}

TEST_CASE("sentences: an end is found at any offset, before and after long runs", "[sentences]") {
  // The scan for the bytes that may end a sentence skips ordinary bytes in blocks: each end
  // mark stands at every offset of the first blocks, and after a long sentence.
  for (const std::string end : {".", "!", "?"}) {
    for (std::size_t length = 0; length <= 40; ++length) {
      const std::string first = "We waited" + std::string(length, 'o') + end;
      CHECK(sentences_of(first + " Then we left.") == Sentences{first, "Then we left."});
    }
  }
  std::string long_first = "Rain";
  for (int word = 0; word < 60; ++word) long_first += " fell";
  long_first += ".";
  CHECK(sentences_of(long_first + " Then it stopped.\n\nNext day") ==
        Sentences{long_first, "Then it stopped.", "Next day"});
  for (std::size_t length = 0; length <= 20; ++length) {
    const std::string first = "Item one" + std::string(length, 'e');
    CHECK(sentences_of(first + "\n\nItem two") == Sentences{first, "Item two"});
    CHECK(sentences_of(first + "\n\u2022 Item two") == Sentences{first, "\u2022 Item two"});
  }
}

TEST_CASE("sentences: spans are trimmed byte offsets", "[sentences]") {
  const tmk::SentenceSplitter splitter;
  std::vector<tmk::Span> spans;
  splitter.split("  Up we go.   Down again.\n", spans);
  REQUIRE(spans.size() == 2);
  CHECK(spans[0].start == 2);
  CHECK(spans[0].end == 11);
  CHECK(spans[1].start == 14);
  CHECK(spans[1].end == 25);
  // A no-break space separates and is trimmed like a space.
  CHECK(sentences_of("It was over.\u00A0Then the \u00A0crowd left.\u00A0") ==
        Sentences{"It was over.", "Then the \u00A0crowd left."});
}

TEST_CASE("sentences: titles never end a sentence", "[sentences]") {
  CHECK(sentences_of("Sen. Maria Lopez met Gov. Tom Reed and Dr. Ann Wu on Friday. They talked.") ==
        Sentences{"Sen. Maria Lopez met Gov. Tom Reed and Dr. Ann Wu on Friday.", "They talked."});
  CHECK(sentences_of("Ask Mr. Brown.") == Sentences{"Ask Mr. Brown."});
}

TEST_CASE("sentences: abbreviations that may end a sentence", "[sentences]") {
  // Before a typical sentence starter the period ends the sentence; before a name it does not.
  CHECK(sentences_of("Prices rose in the U.S. The rest of the world waited.") ==
        Sentences{"Prices rose in the U.S.", "The rest of the world waited."});
  CHECK(sentences_of("She joined the U.S. Navy in 1990.") == Sentences{"She joined the U.S. Navy in 1990."});
  CHECK(sentences_of("The meeting ended at 4 p.m. We went home.") ==
        Sentences{"The meeting ended at 4 p.m.", "We went home."});
  CHECK(sentences_of("It opens at 9 a.m. tomorrow.") == Sentences{"It opens at 9 a.m. tomorrow."});
  // After a time, a capitalized word starts a sentence unless it goes on with the time.
  CHECK(sentences_of("The vote ended at 11 p.m. Officials left.") ==
        Sentences{"The vote ended at 11 p.m.", "Officials left."});
  CHECK(sentences_of("Polls close at 8 p.m. Tuesday and 7 p.m. EST on Friday.") ==
        Sentences{"Polls close at 8 p.m. Tuesday and 7 p.m. EST on Friday."});
  CHECK(sentences_of("He sold it to Acme Inc. Then he retired.") ==
        Sentences{"He sold it to Acme Inc.", "Then he retired."});
  CHECK(sentences_of("Shares of Acme Inc. Holdings fell.") == Sentences{"Shares of Acme Inc. Holdings fell."});
  CHECK(sentences_of("Bring pens, paper, etc. to class.") == Sentences{"Bring pens, paper, etc. to class."});
  CHECK(sentences_of("Some fruit, e.g. Apples, keeps well.") == Sentences{"Some fruit, e.g. Apples, keeps well."});
}

TEST_CASE("sentences: abbreviations before numbers", "[sentences]") {
  CHECK(sentences_of("See p. 12 and Fig. 3 for details.") == Sentences{"See p. 12 and Fig. 3 for details."});
  CHECK(sentences_of("She was ranked No. 4 last year.") == Sentences{"She was ranked No. 4 last year."});
  CHECK(sentences_of("The votes came on Jan. 6 and Feb. 2.") == Sentences{"The votes came on Jan. 6 and Feb. 2."});
}

TEST_CASE("sentences: currency abbreviations before an amount", "[sentences]") {
  CHECK(sentences_of("A bus ticket costs Rs. 450 now. Fares rose.") ==
        Sentences{"A bus ticket costs Rs. 450 now.", "Fares rose."});
  CHECK(sentences_of("Stamps cost Re. 1 each and rice Rp. 12,000 a sack.") ==
        Sentences{"Stamps cost Re. 1 each and rice Rp. 12,000 a sack."});
  // Before a word the period ends the sentence, as any word's does.
  CHECK(sentences_of("He paid in Rs. Nobody asked why.") == Sentences{"He paid in Rs.", "Nobody asked why."});
  // The list is the splitter's own: the tokenizer's abbreviations (and the entity model) do not change.
  const tmk::SentenceSplitter splitter;
  CHECK(splitter.precedes_amount("Rs"));
  CHECK_FALSE(splitter.precedes_amount("rs"));
  CHECK(splitter.abbreviation("Rs") == nullptr);
}

TEST_CASE("sentences: initials", "[sentences]") {
  CHECK(sentences_of("The book is by Carla T. Moss. It sold well.") ==
        Sentences{"The book is by Carla T. Moss.", "It sold well."});
  CHECK(sentences_of("Letters from J. R. Hart arrived.") == Sentences{"Letters from J. R. Hart arrived."});
  CHECK(sentences_of("Tom came with me and I. We left early.") ==
        Sentences{"Tom came with me and I.", "We left early."});
  CHECK(sentences_of("The crown passed to Henry V. He ruled well.") ==
        Sentences{"The crown passed to Henry V.", "He ruled well."});
  CHECK(sentences_of("Designs by I. M. Pei and A. B. Cole won.") ==
        Sentences{"Designs by I. M. Pei and A. B. Cole won."});
}

TEST_CASE("sentences: numbers", "[sentences]") {
  CHECK(sentences_of("It costs $4.50 now. Last year it was 3.2 percent less.") ==
        Sentences{"It costs $4.50 now.", "Last year it was 3.2 percent less."});
  CHECK(sentences_of("The town grew to 12,500. Nobody expected it.") ==
        Sentences{"The town grew to 12,500.", "Nobody expected it."});
  CHECK(sentences_of("Turnout was 61.4 percent in 2020. 2024 was lower.") ==
        Sentences{"Turnout was 61.4 percent in 2020.", "2024 was lower."});
}

TEST_CASE("sentences: URLs, e-mail addresses and glued sentences", "[sentences]") {
  CHECK(sentences_of("Write to bo.Lund@mail.example.org for help. Or call.") ==
        Sentences{"Write to bo.Lund@mail.example.org for help.", "Or call."});
  CHECK(sentences_of("Go to www.Example.com today.") == Sentences{"Go to www.Example.com today."});
  CHECK(sentences_of("The rain stopped.Then the sun came out.") ==
        Sentences{"The rain stopped.", "Then the sun came out."});
  CHECK(sentences_of("Ask Mr.Grey about it.") == Sentences{"Ask Mr.Grey about it."});
}

TEST_CASE("sentences: quotes and parentheses after the period", "[sentences]") {
  CHECK(sentences_of("\u201CWe took the long road.\u201D says Kim. She laughed.") ==
        Sentences{"\u201CWe took the long road.\u201D says Kim.", "She laughed."});
  CHECK(sentences_of("\"It is late.\" he said.") == Sentences{"\"It is late.\" he said."});
  CHECK(sentences_of("He said, 'Go home.' We went.") == Sentences{"He said, 'Go home.'", "We went."});
  CHECK(sentences_of("\u201CI saw it. It was huge. Then it left,\u201D he said.") ==
        Sentences{"\u201CI saw it.", "It was huge.", "Then it left,\u201D he said."});
  CHECK(sentences_of("She paid (it was cheap.) and left. (He stayed.) Then rain.") ==
        Sentences{"She paid (it was cheap.) and left.", "(He stayed.)", "Then rain."});
  CHECK(sentences_of("\u201CWhy?\u201D she asked.") == Sentences{"\u201CWhy?\u201D she asked."});
  CHECK(sentences_of("He left in 1902.[4] His son stayed.") == Sentences{"He left in 1902.[4]", "His son stayed."});
}

TEST_CASE("sentences: ellipses", "[sentences]") {
  CHECK(sentences_of("Well... maybe not.") == Sentences{"Well... maybe not."});
  CHECK(sentences_of("I waited\u2026 Nobody came.") == Sentences{"I waited\u2026", "Nobody came."});
  CHECK(sentences_of("The plan . . . was dropped.") == Sentences{"The plan . . . was dropped."});
  CHECK(sentences_of("It ended there.... Then came spring.") == Sentences{"It ended there....", "Then came spring."});
  CHECK(sentences_of("\"The report [...] was late.\" He agreed.") ==
        Sentences{"\"The report [...] was late.\"", "He agreed."});
}

TEST_CASE("sentences: numbered and bulleted lists", "[sentences]") {
  CHECK(sentences_of("1. Buy milk 2. Call home") == Sentences{"1. Buy milk", "2. Call home"});
  CHECK(sentences_of("1) Buy milk. 2) Call home.") == Sentences{"1) Buy milk.", "2) Call home."});
  CHECK(sentences_of("a. Red b. Blue") == Sentences{"a. Red", "b. Blue"});
  CHECK(sentences_of("\u2022 Fast \u2022 Cheap") == Sentences{"\u2022 Fast", "\u2022 Cheap"});
  CHECK(sentences_of("Pros:\n- fast\n- cheap\n- small") == Sentences{"Pros:", "- fast", "- cheap", "- small"});
  CHECK(sentences_of("Steps\n1. Mix the flour\n2. Bake it") == Sentences{"Steps", "1. Mix the flour", "2. Bake it"});
}

TEST_CASE("sentences: line breaks", "[sentences]") {
  SECTION("a blank line always ends a sentence") {
    CHECK(sentences_of("First part without a stop\n\nSecond part") ==
          Sentences{"First part without a stop", "Second part"});
    CHECK(sentences_of("One line\r\n\r\nAnother line\r\n") == Sentences{"One line", "Another line"});
  }
  SECTION("a line break after final punctuation ends one") {
    CHECK(sentences_of("It rained.\nwe stayed in.") == Sentences{"It rained.", "we stayed in."});
  }
  SECTION("a wrapped line is a space") {
    CHECK(sentences_of("The council voted on the\nbudget late on Monday.") ==
          Sentences{"The council voted on the\nbudget late on Monday."});
    CHECK(sentences_of("The council voted late\non Monday night.") ==
          Sentences{"The council voted late\non Monday night."});
  }
  SECTION("headline, byline and dateline") {
    CHECK(sentences_of("Storm Hits Coast\nBy Lee Park\nPORTVILLE, March 3\nThe storm arrived early. Roads closed.") ==
          Sentences{"Storm Hits Coast", "By Lee Park", "PORTVILLE, March 3", "The storm arrived early.",
                    "Roads closed."});
  }
  SECTION("lines of a menu without punctuation are items") {
    CHECK(sentences_of("home\nabout us\ncontact") == Sentences{"home", "about us", "contact"});
  }
}

TEST_CASE("sentences: abbreviation data", "[sentences]") {
  const tmk::SentenceSplitter splitter;
  REQUIRE(splitter.abbreviation("Mr") != nullptr);
  CHECK(*splitter.abbreviation("Mr") == tmk::AbbreviationKind::title);
  CHECK(*splitter.abbreviation("No") == tmk::AbbreviationKind::number);
  CHECK(*splitter.abbreviation("Inc") == tmk::AbbreviationKind::may_end);
  CHECK(*splitter.abbreviation("P.M") == tmk::AbbreviationKind::time);
  CHECK(splitter.continues_time("Friday"));
  CHECK_FALSE(splitter.continues_time("Officials"));
  CHECK(splitter.abbreviation("Co") != nullptr);    // lower-case entry "co" matches any case
  CHECK(splitter.abbreviation("miss") == nullptr);  // "Miss" (the state) matches only as written
  CHECK(splitter.abbreviation("dog") == nullptr);
  CHECK(splitter.is_sentence_starter("The"));
  CHECK_FALSE(splitter.is_sentence_starter("Government"));
  CHECK_THROWS_AS(tmk::SentenceSplitter("xx-none"), std::runtime_error);
}

TEST_CASE("sentences: odd input stays well-formed", "[sentences]") {
  const tmk::SentenceSplitter splitter;
  for (const std::string_view text :
       {std::string_view("..."), std::string_view(". . ."), std::string_view("?"), std::string_view("\n\n.\n"),
        std::string_view("\xE2\x80"), std::string_view("a.\xE2"), std::string_view("1."),
        std::string_view("\xE2\x80\xA2"), std::string_view("[1"), std::string_view("x. [")}) {
    std::vector<tmk::Span> spans;
    splitter.split(text, spans);
    std::size_t previous_end = 0;
    for (const tmk::Span& span : spans) {
      CHECK(span.start >= previous_end);
      CHECK(span.end > span.start);
      CHECK(span.end <= text.size());
      previous_end = span.end;
    }
  }
}

TEST_CASE("sentences: long text without boundaries is linear", "[sentences]") {
  // Many short unpunctuated lines that start lower case, and a long list-like line.
  std::string lines;
  for (int k = 0; k < 200000; ++k) lines += "word and more\n";
  std::string list = "1. start";
  for (int k = 0; k < 200000; ++k) list += " 1. again";
  const tmk::SentenceSplitter splitter;
  std::vector<tmk::Span> spans;
  splitter.split(lines, spans);
  CHECK(spans.size() == 200000);
  spans.clear();
  splitter.split(list, spans);
  CHECK(spans.size() == 1);
  // One huge token full of periods, and a sentence start followed by a long run of spaces.
  std::string token;
  for (int k = 0; k < 300000; ++k) token += "ab.Cd";
  spans.clear();
  splitter.split(token, spans);
  CHECK(spans.size() == 1);
  std::string spaces(2000000, ' ');
  for (int k = 0; k < 100000; ++k) spaces += "x. y. ";
  spans.clear();
  splitter.split(spaces, spans);
  CHECK(spans.size() == 1);
  std::string newlines(2000000, '\n');
  newlines += "1. x. y.";
  spans.clear();
  splitter.split(newlines, spans);
  CHECK(spans.size() == 1);
}

TEST_CASE("sentences: an ellipsis character before spaced periods is not cut", "[sentences]") {
  // Found by fuzz_quotes: "word… . Next" broke one byte into the three-byte ellipsis, as if it
  // were the period of "word. . . . Next".
  CHECK(sentences_of("He waited\xE2\x80\xA6 . Maria came.") == Sentences{"He waited\xE2\x80\xA6", ". Maria came."});
  CHECK(sentences_of("He waited. . . . Maria came.") == Sentences{"He waited.", ". . . Maria came."});
}
