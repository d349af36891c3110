#pragma once
// Direct quotations and who said them. A quotation is the text between a pair of quote
// marks (curly, straight, single, «guillemets»); apostrophes (Sanders’, '90s, rock 'n'
// roll) are told apart. Each quoted segment is attributed to a speaker through the
// reporting clause around it ("..., X said", "said X", "X told Y: ...", "according to X"),
// or inherits the speaker of the quote before it (split quotes, paragraphs continued by the
// opening-mark-only convention, a following unattributed quote). A quote framed by another
// verb belongs to its clause's subject ("X hammered the media for its 'phony polls'"); a
// "Name:" line introduces one. Nicknames, lone scare words and titles are kinds of their own
// with no speaker. With QuoteOptions::indirect, reported speech ("X said (that) ...") is found too.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "tmk/text/analysis.hpp"

namespace tmk {

enum class QuoteKind : std::uint8_t {
  full,      // a sentence or more
  partial,   // a quoted phrase inside the writer's sentence
  headline,  // inside a heading line
  nickname,  // a name inside a name: Harold "Hal" Jenkins
  scare,     // one word the writer sets apart, said by nobody in particular
  title,     // the title of a work ("Meet the Press")
  indirect,  // reported speech: the content of "X said (that) ..." (only with QuoteOptions::indirect)
};

// What the speaker is: a person, an organization, a document (a report, a statement), or a
// group of people ("officials", "they"); unknown when the mention does not tell.
enum class SpeakerType : std::uint8_t { unknown, person, organization, document, group };

std::string_view to_string(SpeakerType type);

std::string_view to_string(QuoteKind kind);

struct Quote {
  std::size_t start = 0;  // the quoted text without its marks: byte offsets, end exclusive
  std::size_t end = 0;
  QuoteKind kind = QuoteKind::full;
  std::size_t sentence = 0;  // 0-based index into Analysis::sentences (where `start` lies; 0 without)
  bool has_speaker = false;
  Span speaker;                   // the mention naming the speaker (may lie before the quote)
  std::string speaker_canonical;  // the entity the speaker resolves to; empty when unnamed
  std::string cue;                // reporting verb or phrase as written; empty when inherited
  bool closed = true;             // false when the quote ran to the end of its paragraph
  std::size_t quotation = 0;      // 1-based number of the quotation the segment belongs to; 0 for other kinds
  SpeakerType speaker_type = SpeakerType::unknown;
  std::string speaker_role;  // "volunteer" in "Labor for Bernie volunteer Rand Wilson"
  std::string speaker_org;   // "Labor for Bernie" there; "Apple" in "Apple CEO Tim Cook"
};

struct QuoteResult {
  std::vector<Quote> quotes;   // ordered by content start
  std::size_t unbalanced = 0;  // quote marks left open (or closers without an opener)
};

struct QuoteLexicon;  // reporting verbs, titles, abbreviations (lib/resources/quotes/)
class EntityRecognizer;

struct QuoteOptions {
  // Resolves speakers' names with this recognizer too (it must outlive the extractor); with
  // none, names are read without the entity model.
  const EntityRecognizer* recognizer = nullptr;
  // Also report indirect speech ("X said the plan would fail") as rows of kind `indirect`.
  bool indirect = false;
};

class QuoteExtractor {
 public:
  // Loads the embedded word lists. Throws std::runtime_error if they are broken.
  QuoteExtractor();
  explicit QuoteExtractor(QuoteOptions options);
  ~QuoteExtractor();
  QuoteExtractor(QuoteExtractor&&) noexcept;
  QuoteExtractor& operator=(QuoteExtractor&&) noexcept;

  // Finds the quotations of `text` (already analyzed: only the sentences of `analysis` are
  // read, so analyze_sentences is enough), attributes them and resolves the speakers' names:
  // "he"/"she" to the subject of a recent sentence naming a person of that gender (titles,
  // first names, earlier pronouns), never "they"/"we"; a named speaker to the recognizer's
  // canonical name, a surname to the full name seen in the document; a description without
  // a name ("the statement") stays empty.
  // `text` may be any bytes: invalid UTF-8 is read as valid_utf8_view (utf8.hpp) repairs it
  // (offsets do not move). Throws std::invalid_argument when `analysis` does not fit `text`
  // (not made from it: offsets past its end or inside a character), nothing else but
  // std::bad_alloc. Thread-safe: one extractor can serve many threads.
  QuoteResult extract(std::string_view text, const Analysis& analysis) const;

 private:
  std::unique_ptr<const QuoteLexicon> lexicon_;
  const EntityRecognizer* recognizer_ = nullptr;
  bool indirect_ = false;
};

}  // namespace tmk
