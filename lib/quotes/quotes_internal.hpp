#pragma once
// Internal to the quote extractor: quoted segments, the word lists the attribution uses, and
// a light scanner that cuts the writer's text around a quotation into words and punctuation
// (the attribution patterns look at commas, colons and quote marks, which a token list need
// not keep apart).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/word_lists.hpp"
#include "tmk/quotes/quotes.hpp"
#include "tmk/text/sentences.hpp"
#include "tmk/text/tokenizer.hpp"

namespace tmk {

// Classes of a lower-cased word (lib/resources/quotes/words.tsv, cues.txt; words/titles.txt,
// words/weekdays.tsv).
enum WordClass : std::uint32_t {
  kPronoun = 1u << 0,
  kDeterminer = 1u << 1,
  kStop = 1u << 2,
  kBetween = 1u << 3,
  kOrganization = 1u << 4,
  kCue = 1u << 5,       // a one-word reporting verb
  kCueStart = 1u << 6,  // first word of a two-word cue ("according to")
  kTitle = 1u << 7,
  kAbbreviation = 1u << 8,  // its final period ends no sentence
  kCueAfterOnly = 1u << 9,  // a cue only right after a quote ("the statement read")
  kWeekday = 1u << 10,
  kCueNameOnly = 1u << 11,        // a cue only before a quote, with a named subject ("Smith called it")
  kParticiple = 1u << 12,         // "saying", "adding": the quote belongs to the clause's subject
  kReport = 1u << 13,             // a verb that also reports speech indirectly ("said the plan failed")
  kDocument = 1u << 14,           // a document that can be a source ("the report", "the statement")
  kRole = 1u << 15,               // a word naming a job ("volunteer", "CEO") in "Apple CEO Tim Cook"
  kTitleAbbreviation = 1u << 16,  // listed as a title's abbreviation ("sen", "capt")
  kStance = 1u << 17,             // a stance voiced as speech ("expressed concern that ...")
  kPastTense = 1u << 18,          // an irregular past tense ("spoke", "left"): a clause's verb
  kWork = 1u << 19,               // a kind of work whose title follows in quotes ("the film 'Red Sky'")
};

// The words besides the reporting verbs and participles of the lexicon that open reported
// speech ("according to X", "called for", "expressed concern", "voiced doubts", "found that",
// and a claim noun in "claims by X that"); the statement scan looks at no other word.
inline constexpr std::string_view kStatementWords[] = {"according", "called", "expressed", "voiced", "found"};
inline constexpr std::string_view kClaimNouns[] = {"claims",   "claim",   "assertion", "assertions",
                                                   "warnings", "warning", "suggestion"};

struct QuoteLexicon {
  QuoteLexicon();
  std::uint32_t classes(std::string_view lower_word) const;
  bool is_two_word_cue(std::string_view first_lower, std::string_view second_lower) const;

  // Looked up by std::string_view (transparent hash): every word of a document is looked up.
  std::unordered_map<std::string, std::uint32_t, words::StringHash, std::equal_to<>> word_classes;
  std::unordered_map<std::string, std::uint32_t, words::StringHash, std::equal_to<>>
      two_word_cues;  // "according to" -> 1
  // False for most words without a class, in any case, without lower-casing or hashing them.
  bool may_have_classes(std::string_view word) const { return classed.may_contain(word); }
  words::WordFilter classed;
  // A word that may open reported speech (a reporting verb or participle, or one of
  // kStatementWords and kClaimNouns), in any ASCII case. Most sentences hold none: their
  // statement scan is skipped.
  bool is_statement_cue(std::string_view word) const {
    return statement_cue_filter.may_contain(word) && statement_cues.contains(word);
  }
  // Whether text[sentence] may hold reported speech: one of its runs of ASCII letters and
  // digits is a statement cue. Every word that opens a statement is such a run, so a sentence
  // without one has none.
  bool may_hold_statement(std::string_view text, Span sentence) const;
  words::WordList statement_cues;
  words::WordFilter statement_cue_filter;
  // English: tells is_heading which words (connectors) end no heading.
  SentenceSplitter splitter;
  // Cuts the few sentences the entity recognizer reads into tokens: the rest of the text is
  // never tokenized, so the caller's analysis needs no tokens.
  Tokenizer tokenizer;
};

// One word or one punctuation mark of the writer's text.
struct Piece {
  std::size_t start = 0;
  std::size_t end = 0;
  char punct = 0;            // 0 for a word; otherwise , . : ; ! ? ( ) - and '"' for any quote mark
  bool capitalized = false;  // a word starting with an upper-case letter
  std::uint32_t classes = 0;
  bool is_word() const { return punct == 0; }
  bool has(std::uint32_t c) const { return (classes & c) != 0; }
  bool ends_sentence() const { return punct == '.' || punct == '!' || punct == '?'; }
};

// Which words scan_pieces looks up in the lexicon: the reader of people's names needs the
// classes of capitalized words only, and most words are in lower case.
enum class Classify : std::uint8_t { all_words, capitalized_words };

// Appends the pieces of text[from, to). A word keeps internal apostrophes, hyphens and
// periods (U.S., don't), and its final period when it is an initial or an abbreviation.
// With Classify::capitalized_words, a word in lower case has no classes (and so keeps no
// period as an abbreviation); the capitalized words are the same either way.
void scan_pieces(std::string_view text, std::size_t from, std::size_t to, const QuoteLexicon& lexicon,
                 std::vector<Piece>& out, Classify classify = Classify::all_words);

// Lower-cases ASCII letters of `word` into `out` (other bytes are kept).
void lower_ascii(std::string_view word, std::string& out);

// One quoted segment while it is being attributed.
struct Segment {
  Span content;
  std::size_t open = 0;   // where the opening mark starts
  std::size_t after = 0;  // just past the closing mark (the paragraph end when unclosed)
  std::size_t paragraph = 0;
  std::size_t group = 0;      // segments of one quotation continued over paragraphs share it
  bool continuation = false;  // opens a paragraph that continues the previous one's quote
  bool closed = true;
  QuoteKind kind = QuoteKind::full;
  bool has_speaker = false;
  bool own_clause = false;  // the speaker comes from the segment's own reporting clause
  Span speaker;
  Span cue;
  Span role;                  // "the Governor" in "the Governor, Andrew Bailey, told"; empty when none
  std::size_t quotation = 0;  // see Quote::quotation
};

// The quoted segments of `text` in order, the paragraphs they lie in, and the count of
// unbalanced marks.
void find_segments(std::string_view text, std::vector<Segment>& segments, std::vector<Span>& paragraphs,
                   std::size_t& unbalanced);

// Gives each segment its speaker and cue: its own reporting clause, then the quotation it
// continues, then the speaker of the quote or reported speech just before it.
void attribute_segments(std::string_view text, const std::vector<Span>& paragraphs, const QuoteLexicon& lexicon,
                        std::vector<Segment>& segments);

// The reported speech of the writer's text outside `segments` ("X said (that) ...",
// "according to X, ...", "X denied ..."), one segment of kind indirect per statement, in
// order. `sentences` are the sentence spans of the text.
std::vector<Segment> find_reported_speech(std::string_view text, const std::vector<Span>& sentences,
                                          const QuoteLexicon& lexicon, const std::vector<Segment>& segments);

class EntityRecognizer;

// Fills the speaker's canonical name, type, role and organization of each quote, with the
// entity recognizer when one is given. `segments` are the direct quotations (their text is
// no part of the writer's naming). A role already set (from an appositive) is kept.
void resolve_speakers(std::string_view text, const Analysis& analysis, const QuoteLexicon& lexicon,
                      const EntityRecognizer* recognizer, const std::vector<Segment>& segments,
                      std::vector<Quote>& quotes);

bool is_upper_at(std::string_view text, std::size_t pos);
bool is_alnum_at(std::string_view text, std::size_t pos);
bool is_space_at(std::string_view text, std::size_t pos);

}  // namespace tmk
