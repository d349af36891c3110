#pragma once
// Internals of the number extractor (lib/numbers*.cpp): the vocabulary, the lexer that cuts a
// sentence into words, numbers and symbols, and the noun lexicon that finds what is counted.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/hash_table.hpp"
#include "text/word_lists.hpp"
#include "tmk/numbers/numbers.hpp"

namespace tmk::numbers_detail {

// What a word can do in a number expression.
enum class Role : std::uint8_t {
  none,
  unit,           // zero .. nine
  teen,           // ten .. nineteen
  tens,           // twenty .. ninety
  hundred,        // hundred
  scale,          // thousand, million, billion, trillion
  ordinal,        // first .. ninetieth
  ordinal_scale,  // hundredth .. trillionth
  denominator,    // halves, thirds, quarters, fifths, hundredths (plural fraction words)
  half,           // half
  quarter,        // quarter
  dozen,          // dozen, dozens, dz, doz
  plural_scale,   // tens, hundreds, thousands, millions ("hundreds of")
  article,        // a, an
  and_word,       // and
  point,          // point
  minus,          // minus, negative
  couple,         // couple
  month,          // january, jan, ...
  currency,       // dollars, euros, yen, ... (unit = ISO code)
  cent,           // cents, pence: a hundredth of the currency in `unit`
  percent,        // percent, percentage, pct
  per,            // per
  clock,          // noon, midnight (value = hour)
  meridiem,       // a.m. (value 0), p.m. (value 12)
  oclock,         // o'clock
  measure,        // km, miles, kg ... (unit = canonical unit)
  suffix_scale,   // k, m, bn, mln ... written after digits (value = multiplier)
  weekday,        // monday .. sunday (value = 1 .. 7, from words/weekdays.tsv)
  day_word,       // today, yesterday, tomorrow, tonight (value = days from the document date)
  shift,          // last, next, this (value = -1, 1, 0 periods from the document date)
  weekend,        // weekend
  sequel,         // before, after in "the day before" (value = -1, 1)
  ago,            // ago after "a year", "a week" (numbers before "ago" are read with their unit)
  zone,           // EDT, GMT, ... after a time (unit = the offset from UTC, "-04:00" or "Z")
  approximation,  // plus, odd joined to a number ("1,000-plus"; unit = the qualifier, over or approx)
};

struct WordInfo {
  Role role = Role::none;
  double value = 0;
  std::string_view unit;
};

enum class LexKind : std::uint8_t { word, number, symbol };

struct Lexeme {
  std::size_t start = 0;
  std::size_t end = 0;
  LexKind kind = LexKind::word;
  // number
  double value = 0;
  std::uint8_t int_digits = 0;  // digits before the decimal point
  bool grouped = false;         // thousands separators ("1,700", "1 700")
  bool decimal = false;         // has a decimal part
  bool code = false;            // read as a label: several dots (IP address, version) or too long for a double
  bool leading_zero = false;    // "007", "02139"
  bool vulgar = false;          // a vulgar-fraction character such as ½
  // word
  const WordInfo* info = nullptr;
  bool capitalized = false;
  bool upper = false;  // all upper case ("USD", "NY")
  // symbol: the code point ('-' for every dash, '$', '%', ...)
  char32_t symbol = 0;
};

// True for a unit of time, singular or plural ("year", "weeks", "centuries").
bool is_time_unit(std::string_view lower);

// Lower-cases an ASCII word into `buffer`; false when it is too long or not ASCII.
bool lower_ascii(std::string_view word, std::string& buffer);

// WordNet-based noun and adjective lists (lib/resources/numbers/).
class NounLexicon {
 public:
  NounLexicon();
  bool is_noun(std::string_view lower) const { return (kinds(lower) & kNoun) != 0; }
  bool is_adjective(std::string_view lower) const { return (kinds(lower) & kAdjective) != 0; }
  // True when `lower` is a plural whose singular is a noun ("members", "children").
  bool is_plural_noun(std::string_view lower) const;
  // True for a plural that is its own singular ("staff", "fish", "police"): listed as a noun
  // lemma and as a plural.
  bool is_unmarked_plural(std::string_view lower) const {
    return (kinds(lower) & (kNoun | kPlural)) == (kNoun | kPlural);
  }

 private:
  enum : std::uint8_t { kNoun = 1, kPlural = 2, kAdjective = 4 };
  // What the lists say `lower` is. One flat table by 64-bit hash: as three node-based sets
  // the look-ups for every number's neighbours missed the cache several times each.
  std::uint8_t kinds(std::string_view lower) const { return kinds_.find(std::hash<std::string_view>{}(lower)); }
  HashTable kinds_;
};

// The words the extractor knows, read from lib/resources/numbers/ (and the months from
// words/months.tsv) when a NumberExtractor is made.
class Vocabulary {
 public:
  Vocabulary();
  // The entry for a word in any ASCII case ("Twelve", "twelve"), or nullptr.
  const WordInfo* find(std::string_view word) const;
  // False for most words that are not in the table, without lower-casing or hashing them.
  bool may_contain(std::string_view word) const { return filter_.may_contain(word); }
  // Function words end a noun phrase or cannot be its head.
  bool is_function_word(std::string_view lower) const { return function_words_.count(lower) != 0; }
  // Words that make "3-1" a score ("won", "victory").
  bool is_score_word(std::string_view lower) const { return score_words_.count(lower) != 0; }
  // British spellings ("colour", "organise"): a hint that slash dates put the day first.
  bool is_british_spelling(std::string_view lower) const { return british_spellings_.count(lower) != 0; }
  // The ISO code of the currency named by a country word before a currency word
  // ("canadian"), of the letters before "$" ("HK"), of a currency sign (U'€'); "" if none.
  std::string_view country_currency(std::string_view lower) const;
  std::string_view dollar_currency(std::string_view upper) const;
  std::string_view symbol_currency(char32_t symbol) const;
  const NounLexicon& nouns() const { return nouns_; }

 private:
  // The words in open addressing by a hash of their lower-cased letters, so that a word is
  // looked up as written, without lower-casing it into a string or walking a bucket's nodes
  // (lex() asks for every tenth word). An empty word marks an empty slot.
  struct Entry {
    std::string_view word;
    WordInfo info;
  };
  void add_word(std::string_view word, WordInfo info);
  std::vector<Entry> words_;
  std::size_t word_count_ = 0;
  words::WordFilter filter_;
  std::unordered_set<std::string_view> function_words_;
  std::unordered_set<std::string_view> score_words_;
  std::unordered_set<std::string_view> british_spellings_;
  std::unordered_map<std::string_view, std::string_view> country_currencies_;
  std::unordered_map<std::string_view, std::string_view> dollar_currencies_;
  std::unordered_map<char32_t, std::string_view> symbol_currencies_;
  NounLexicon nouns_;
};

// Cuts text[begin, end) into lexemes (whitespace dropped, URLs and e-mail addresses skipped).
void lex(std::string_view text, std::size_t begin, std::size_t end, const Vocabulary& vocabulary,
         std::vector<Lexeme>& out);

// Joins two dates of mentions[first..] into an interval where the text says "from A to B" or
// "between A and B".
void join_date_intervals(std::string_view text, std::vector<NumberMention>& mentions, std::size_t first);

// Rewrites the dates of `mentions` written "03/04/2016", read month first, to day first when
// `order` says so or, for DateOrder::guess, the document does (numbers.hpp).
void order_slash_dates(std::string_view text, std::vector<NumberMention>& mentions, DateOrder order,
                       const Vocabulary& vocabulary);

// The date of the document's dateline among the first `mentions` of `text`, as
// NumberExtractor::extract describes it; nothing when there is none.
std::optional<CalendarDate> find_dateline(std::string_view text, const std::vector<NumberMention>& mentions);

}  // namespace tmk::numbers_detail
