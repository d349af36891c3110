#pragma once
// Internals of the number extractor (lib/numbers*.cpp): the word table, the lexer that cuts a
// sentence into words, numbers and symbols, and the noun lexicon that finds what is counted.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

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
};

struct WordInfo {
  Role role = Role::none;
  double value = 0;
  std::string_view unit;
};

// The entry for a lower-case word, or nullptr.
const WordInfo* find_word(std::string_view lower);

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

// Cuts text[begin, end) into lexemes (whitespace dropped, URLs and e-mail addresses skipped).
void lex(std::string_view text, std::size_t begin, std::size_t end, std::vector<Lexeme>& out);

// Lower-cases an ASCII word into `buffer`; false when it is too long or not ASCII.
bool lower_ascii(std::string_view word, std::string& buffer);

// WordNet-based noun and adjective lists (lib/resources/numbers/).
class NounLexicon {
 public:
  NounLexicon();
  bool is_noun(std::string_view lower) const { return nouns_.count(lower) != 0; }
  bool is_adjective(std::string_view lower) const { return adjectives_.count(lower) != 0; }
  // True when `lower` is a plural whose singular is a noun ("members", "children").
  bool is_plural_noun(std::string_view lower) const;

 private:
  std::unordered_set<std::string_view> nouns_;
  std::unordered_set<std::string_view> plurals_;
  std::unordered_set<std::string_view> adjectives_;
};

// Function words that end a noun phrase or cannot be its head.
bool is_function_word(std::string_view lower);

}  // namespace tmk::numbers_detail
