#pragma once
// The sentence reader of the number extractor (lib/numbers*.cpp): it walks the lexemes of one
// sentence and, at each position, tries a date, a time, a decade, a code, and then a quantity.
// numbers_dates.cpp reads dates, times, years and codes; numbers_spelled.cpp reads amounts
// (digits and spelled-out numbers); numbers.cpp reads quantities, ranges, qualifiers and counts.
#include <cstddef>
#include <limits>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "numbers/numbers_internal.hpp"

namespace tmk::numbers_detail {
constexpr double kNoScale = std::numeric_limits<double>::infinity();

// A number expression read from the lexemes [first, end).
struct Amount {
  std::size_t first = 0;
  std::size_t end = 0;
  double value = 0;
  NumberKind kind = NumberKind::cardinal;  // cardinal, ordinal or fraction
  double scale = 0;                        // the last scale word or suffix applied (0: none)
  bool spelled = false;                    // has a number word
  bool plain_integer = false;              // one digit lexeme, no separators, sign or scale
  Qualifier implied = Qualifier::exact;    // "dozens of" is at least 24
};

// A quantity: an amount with what the text says around it.
struct Quantity {
  Amount amount;
  std::size_t first = 0;  // lexeme where the span starts (currency symbol, sign)
  std::size_t end = 0;    // one past the last lexeme of the span
  NumberKind kind = NumberKind::cardinal;
  double value = 0;
  std::string unit;
};

// The names of a document that open a sentence before a number ("Windows 10"), known as
// names because the text also writes them after a lower-case word, a comma or a number ("runs
// Windows 10"). The text is read once, the first time a sentence asks, so a document with
// thousands of sentences that open so still takes one pass, not one a sentence.
class NamesInDocument {
 public:
  explicit NamesInDocument(std::string_view text) : text_(text) {}
  // True when `name`, a word, spaces and digits as written ("Windows 10"), stands in the text
  // after a lower-case word, a comma or a number, with no letter or digit right after it.
  bool contains(std::string_view name);

 private:
  std::string_view text_;
  bool read_ = false;
  std::unordered_set<std::string_view> names_;
};

class SentenceReader {
 public:
  SentenceReader(std::string_view text, const std::vector<Lexeme>& lexemes, const Vocabulary& vocabulary,
                 NamesInDocument& names, std::vector<NumberMention>& out)
      : text_(text),
        lx_(lexemes),
        n_(lexemes.size()),
        vocabulary_(vocabulary),
        nouns_(vocabulary.nouns()),
        names_(names),
        out_(out) {}

  void run() {
    std::size_t i = 0;
    while (i < n_) {
      const std::size_t next = may_start_number(i) ? read_at(i) : i + 1;
      i = next > i ? next : i + 1;
    }
  }

 private:
  // ---- lexeme helpers ----
  bool is_word(std::size_t i) const { return i < n_ && lx_[i].kind == LexKind::word; }
  bool is_number(std::size_t i) const { return i < n_ && lx_[i].kind == LexKind::number && !lx_[i].code; }
  bool is_symbol(std::size_t i, char32_t c) const {
    return i < n_ && lx_[i].kind == LexKind::symbol && lx_[i].symbol == c;
  }
  Role role(std::size_t i) const { return is_word(i) && lx_[i].info ? lx_[i].info->role : Role::none; }
  double word_value(std::size_t i) const { return lx_[i].info->value; }
  bool adjacent(std::size_t i) const { return i + 1 < n_ && lx_[i].end == lx_[i + 1].start; }
  std::string_view surface(std::size_t i) const { return text_.substr(lx_[i].start, lx_[i].end - lx_[i].start); }
  // Lower-cased surface of a word lexeme in `buffer` ("" when not ASCII or not a word).
  std::string_view lower_into(std::size_t i, std::string& buffer) const {
    if (!is_word(i) || !lower_ascii(surface(i), buffer)) return {};
    return buffer;
  }
  std::string_view lower(std::size_t i) { return lower_into(i, lower_); }
  // `w` is lower case; compared letter by letter, without lower-casing the word into a buffer.
  bool word_is(std::size_t i, std::string_view w) const {
    if (!is_word(i) || lx_[i].end - lx_[i].start != w.size()) return false;
    const char* c = text_.data() + lx_[i].start;
    for (std::size_t k = 0; k < w.size(); ++k)
      if ((c[k] >= 'A' && c[k] <= 'Z' ? static_cast<char>(c[k] - 'A' + 'a') : c[k]) != w[k]) return false;
    return true;
  }
  bool is_plain_integer(std::size_t i) const {
    return is_number(i) && !lx_[i].decimal && !lx_[i].grouped && !lx_[i].vulgar;
  }
  bool is_function_word(std::string_view lower) const { return vocabulary_.is_function_word(lower); }
  bool is_number_word(std::size_t i) const {
    const Role r = role(i);
    return r == Role::unit || r == Role::teen || r == Role::tens;
  }

  void emit(std::size_t first, std::size_t end, NumberKind kind, std::string value, std::string unit = {},
            Qualifier qualifier = Qualifier::exact, std::string_view counted = {}) {
    NumberMention m;
    m.start = lx_[first].start;
    m.end = lx_[end - 1].end;
    m.kind = kind;
    m.value = std::move(value);
    m.unit = std::move(unit);
    m.qualifier = qualifier;
    m.counted.assign(counted);
    out_.push_back(std::move(m));
  }

  // Only numbers, number words and a few symbols can start a number; most words cannot
  // (inline: it runs for every lexeme).
  bool may_start_number(std::size_t i) const {
    const Lexeme& x = lx_[i];
    if (x.kind == LexKind::number) return true;
    if (x.kind == LexKind::word) {
      if (!x.info) return adjacent(i) && is_symbol(i + 1, '$');  // "US$5"
      switch (x.info->role) {
        case Role::article:  // "a dozen", "a fifth", "a dollar": only before a number word,
                             // or "A$5" (Australian dollars)
          return i + 1 < n_ &&
                 (lx_[i + 1].kind == LexKind::number || lx_[i + 1].info || (adjacent(i) && is_symbol(i + 1, '$')));
        case Role::and_word:  // these go on with a number read before them
        case Role::meridiem:
        case Role::oclock:
        case Role::zone:
        case Role::approximation:
        case Role::suffix_scale:
          return false;
        default:
          return true;
      }
    }
    switch (x.symbol) {
      case '$':
        return true;
      case '-':  // a minus joined to what follows, or "- 1 4/5" opening the sentence
        return adjacent(i) || i == 0;
      case '+':  // "+1-222-333-4444", "(212) 555-1234", "#5", "'90s": joined to what follows
      case '(':
      case '#':
      case '\'':
      case U'\u2019':
        return adjacent(i);
      default:
        return x.symbol >= 0x80 && !vocabulary_.symbol_currency(x.symbol).empty();  // "€5"
    }
  }

  // Reads what starts at lexeme i, which may_start_number; returns where to go on.
  std::size_t read_at(std::size_t i);

  // ---- dates ----
  bool is_month(std::size_t i) const { return role(i) == Role::month && (lx_[i].capitalized || lx_[i].upper); }
  // A day of the month at i ("18", "18th"); returns the lexeme after it, or 0.
  std::size_t day_at(std::size_t i, int& day);
  bool is_ordinal_suffix(std::size_t i) {
    const std::string_view w = lower(i);
    return w == "st" || w == "nd" || w == "rd" || w == "th";
  }
  bool is_year_number(std::size_t i) const {
    return is_plain_integer(i) && lx_[i].int_digits == 4 && lx_[i].value >= 1000 && lx_[i].value < 3000 &&
           !(adjacent(i) && is_word(i + 1));
  }
  static std::string two_digits(int v);
  static std::string iso_date(int year, int month, int day);

  std::size_t read_date(std::size_t i);

  // ---- times ----
  std::string clock(int hour, int minute) { return two_digits(hour) + ":" + two_digits(minute); }
  static int apply_meridiem(int hour, double meridiem);

  std::size_t read_time(std::size_t i);
  // A time zone written after a time, in capitals ("EDT"; not "est", "cat").
  bool is_zone(std::size_t k) const { return role(k) == Role::zone && lx_[k].upper; }
  // Whether the word before i says that a clock reading of `hours` is time that passed ("in",
  // "took", "a time of"), not a time of day.
  bool after_elapsed_time_word(std::size_t i, int hours);

  // A time zone after a time ("3 p.m. EDT"): adds its offset to `value` and returns the
  // lexeme after it, or e when there is none.
  std::size_t read_zone(std::size_t e, std::string& value, std::string& unit);

  // ---- dates relative to the document (numbers_relative.cpp) ----
  bool starts_relative_date(std::size_t i) const {
    const Role r = role(i);
    return r == Role::weekday || r == Role::day_word || r == Role::shift || r == Role::weekend || r == Role::sequel ||
           r == Role::ago;
  }
  // "Monday", "last Friday", "next week", "earlier this month", "over the weekend",
  // "yesterday morning", "the day before", "a year ago": a relative date at i; returns its end or 0.
  std::size_t read_relative_date(std::size_t i);
  // A part of the day after a relative date ("morning"): the lexeme after it, or k.
  std::size_t day_part_at(std::size_t k);
  // "three years", "six months ago": emits a duration (or a relative date) for a counted time
  // unit right after the quantity; false when the quantity counts something else.
  bool emit_duration(const Quantity& q, Qualifier qualifier);
  // "a 34-year-old", "five years old", "aged 34": emits an age (unit year, month, week or
  // day); false when the quantity is none.
  bool emit_age(const Quantity& q, Qualifier qualifier);

  // ---- decades: "1960s", "the '90s", "1990's" ----
  std::size_t read_decade(std::size_t i);

  // ---- fiscal years: "2012-13", "2012–2013" ----
  std::size_t read_fiscal_year(std::size_t i);

  // ---- codes read as labels: IP addresses and versions, phone numbers, "No. 5", "#5" ----
  std::size_t read_code(std::size_t i);
  std::string digits_as_written(std::size_t first, std::size_t end) const;

  // ---- scores: "won 3-1", "a 112-108 win", "beat them 2-0" (a score word near the digits) ----
  std::size_t read_score(std::size_t i);

  // ---- "percent of 10": a percent word opening a phrase ----
  std::size_t read_reversed_percent(std::size_t i);

  // ---- amounts ----

  // Reads a fraction phrase that follows "and" in "three and a half", "two and three fifths";
  // returns its end or 0.
  std::size_t read_fraction_tail(std::size_t i, double& fraction);

  // A plural denominator: "fifths", "twenty-firsts", "twenty fifths"; returns its end or 0.
  std::size_t read_plural_denominator(std::size_t j, double& denominator);

  // True when the words from j make a fraction ("a half", "three quarters", "fifty-four
  // hundredths"), so an "and" before them joins a fraction, not more of the whole number.
  bool fraction_follows(std::size_t j);

  // A singular ordinal used as a denominator: "fifth", "twenty-first", "hundredth".
  std::size_t read_denominator(std::size_t j, double& denominator);

  // Spelled-out or mixed cardinals, ordinals and fractions starting at i: "two hundred and
  // five", "4 thousand 3 hundred and 21", "twenty-first", "three quarters", "a dozen".
  bool read_cardinal_words(std::size_t i, Amount& a) { return read_number(i, false, a, true); }

  bool read_amount(std::size_t i, bool money, Amount& a) { return read_number(i, money, a, false); }

  bool read_number(std::size_t i, bool money, Amount& a, bool words_only);

 public:
  // The steps of read_number, public for the unit tests. Each reads from lexeme j (after any
  // sign) into `a` and says whether it found its kind of number.

  // A minus sign or "minus"/"negative" before a number: sets `sign` and returns the lexeme after it.
  std::size_t read_sign(std::size_t i, bool words_only, double& sign);
  // One over an ordinal: "a fifth", "one eighth", "a twenty-first".
  bool read_one_over_ordinal(std::size_t j, double sign, Amount& a);
  // "dozens of", "hundreds of", "tens of thousands of": at least two of the unit.
  bool read_plural_scale_of(std::size_t j, double sign, Amount& a);
  // "a couple (of)": about two.
  bool read_couple(std::size_t j, Amount& a);
  // "half", "half a dozen", "a quarter", "quarter million"; refused for "half-time" and "the
  // first half".
  enum class Match { none, found, refused };
  Match read_half_or_quarter(std::size_t j, double sign, Amount& a);

  // What the last word of a whole number was: it says what may follow.
  enum class Last { none, article, digits, unit, teen, tens, hundred, scale, dozen };
  // A whole number while it is read word by word ("two million three hundred and five").
  struct WholeNumber {
    double total = 0;              // the groups closed by a scale word
    double current = 0;            // the group being read
    double tail = 0;               // the part after the last hundred, scale or "and"
    double last_scale = kNoScale;  // scales must fall: "1 million and 2 million" is two numbers
    bool group_has_hundred = false;
    std::size_t and_at = 0;     // the last "and" read inside the number (0: none)
    double current_at_and = 0;  // `current` before that "and"
    Last last = Last::none;
    std::size_t accepted = 0;  // end of the longest well-formed prefix
    std::size_t words = 0;     // number words read
    bool digits = false;       // a digit lexeme was read
    bool suffixed = false;     // the first digits took a fraction or ordinal suffix ("3/4", "21st")
    double value() const { return total + current; }
    // Takes the number word at k; `as` tells the next word what it follows.
    bool accept(std::size_t& k, Last as) {
      last = as;
      accepted = ++k;
      ++words;
      return true;
    }
    // Gives back what followed the last "and": "3 hundred and 2 hundred" is two numbers.
    void back_to_and() {
      if (!and_at) return;
      accepted = and_at;
      current = current_at_and;
    }
  };
  // Reads digits and number words from j into `w` (and the kind, scale of `a`).
  void read_whole_number(std::size_t j, bool money, bool words_only, WholeNumber& w, Amount& a);

  // The endings that complete a whole number read up to lexeme k (a.end). Each returns where
  // it ends, or k when it found nothing.
  // A plural denominator: "two thirds", "three twenty-firsts"; true when the number is read.
  bool read_plural_fraction(std::size_t k, const WholeNumber& w, Amount& a);
  // "three and a half", "3 million and a half", "five and a half million".
  std::size_t read_and_fraction(std::size_t k, const WholeNumber& w, Amount& a);
  // "nine point nought four", "one point twenty-five".
  std::size_t read_spoken_decimals(std::size_t k, const WholeNumber& w, Amount& a);
  // "one over three", "one out of three", "1 in twenty-one": `a` becomes a fraction.
  void read_ratio(std::size_t k, Amount& a);

 private:
  // One word or digit lexeme at k of a whole number: false when it ends the number.
  bool take_digits(std::size_t j, std::size_t& k, bool money, WholeNumber& w, Amount& a);
  bool take_unit_or_teen(std::size_t j, std::size_t& k, WholeNumber& w);
  bool take_tens(std::size_t& k, WholeNumber& w);
  bool take_hundred(std::size_t& k, WholeNumber& w);
  bool take_scale(std::size_t& k, WholeNumber& w, Amount& a);
  bool take_dozen(std::size_t& k, WholeNumber& w);
  // An ordinal ends a whole number: "twenty-first", "two hundredth".
  void take_ordinal(std::size_t& k, WholeNumber& w, Amount& a);

  // A '-' directly before a number is a minus sign unless it joins two things ("10-20").
  bool minus_sign_at(std::size_t j) const;

  // What is written right after the digits of a number: a fraction "/4", an exponent "^2",
  // "x10^6", or a scale suffix ("10k", "1.2bn", "$3.2m", "2.33 k").
  std::size_t read_digit_suffixes(std::size_t k, bool money, double& current, Amount& a);

  bool preceded_by_determiner(std::size_t k);

  // ---- qualifiers ----
  Qualifier qualifier_before(std::size_t i);

  // "20 or more", "5 or fewer"
  Qualifier qualifier_after(std::size_t k);

  // ---- counted noun ----
  std::string_view counted_after(std::size_t k);
  // "the", "their", "all": a determiner at k.
  bool is_determiner(std::size_t k);
  // "5 pass the test", "3 beat him", "of 30, 5 pass.": a singular word right after a number
  // other than one, before a determiner, an object or the end of the sentence, is a verb
  // whose subject the number counts, not the noun it counts.
  bool is_verb_after_count(const Quantity& q, std::string_view counted);
  // "a month ago", "the first day", "the year round": an article or determiner at k before a
  // unit of time, a part of the day or a weekday opens an adverb of time, not an object.
  bool is_time_after_article(std::size_t k);

  // ---- currencies ----
  // The currency written before an amount ("$", "US$", "€", "USD"); returns the lexeme after it.
  std::size_t currency_prefix(std::size_t i, std::string& code);

  // The ISO code of a currency symbol other than "$" at k, or "".
  std::string_view currency_symbol_code(std::size_t k) const;

  // The currency of "$" after the letters `country` ("C$", "HK$"), or "" when they are not
  // listed (one or two such letters mean US dollars: "US$").
  std::string_view dollar_code(std::string_view country) const;

  // Reads a quantity at i (currency, amount, unit). False when there is none.
  bool read_quantity_at(std::size_t i, Quantity& q);

  // A country before a currency word ("Canadian dollars", "U.S. dollars", "British pounds"):
  // returns the index of the currency word and sets `code`, or returns 0.
  std::size_t currency_country(std::size_t k, std::string& code);

  // "5 dollars and 30 cents": the cents join the amount.
  std::size_t read_cents(std::size_t k, Quantity& q);

  // ---- measures ----
  // The end of a unit of measure at k ("km", "square meters", "sq km", "metric tons", "m2"),
  // or 0 when there is none.
  std::size_t measure_unit_at(std::size_t k);
  // The canonical name of the unit read from lexemes [first, end): "km", "m2", "km2", "t".
  std::string measure_unit_name(std::size_t first, std::size_t end);
  bool is_length_unit(std::size_t k) const;
  // "Celsius", "F" after a degree: sets `unit` and returns the lexeme after it, or k.
  std::size_t read_temperature_scale(std::size_t k, std::string& unit);
  // "2 in" after "5 ft": the whole length in inches; returns the lexeme after it, or k.
  std::size_t read_inches_after_feet(std::size_t k, Quantity& q);

  bool looks_like_label(std::size_t i, const Quantity& q);
  // "the 2012 Games", "Tokyo's 2020 Olympics", "London 2012 Games": a year before a capitalized
  // plural, after "the", a possessive or a name, is part of the name and counts nothing; "sent
  // 2000 Marines", "Only 1200 Democrats", "Ford To Cut 1200 Jobs" count.
  bool is_year_in_name(const Quantity& q, std::string_view counted);
  // A headline in Title Case: a function word capitalized right after a word not in capitals
  // ("Ford To Cut"; not "Tour: The", nor "FOR A YEAR").
  bool is_title_case();
  // "the 747 landed", "the 737 Max": a model number of three or four digits after "the" or
  // "a", counting nothing, before a verb or a name.
  bool is_model_number(std::size_t i, const Quantity& q);
  bool is_street_number(std::size_t k);
  std::string_view lower_of(std::string_view word);

  // "one" used as a pronoun: "one of the leaders", "no one", "the one", "which one".
  bool is_pronoun_one(const Quantity& q);
  bool is_adjective_only(std::size_t k);
  // "wait a second", "per second": the unit of time, not the ordinal.
  bool is_time_second(const Quantity& q);
  // "at first", "first of all", "cut from us first": the adverb, not a rank.
  bool is_adverb_first(const Quantity& q);
  // "Formula One", "Air Force One": a capitalized number word next to a capitalized name word.
  bool is_name_part(const Quantity& q);

  // Combines two quantities joined by "to", "-", "and" into a range when they make one.
  std::size_t read_quantity(std::size_t i);

  // "between the tenth and the fifteenth", "from the 3rd to the 7th": two ordinals make a range.
  std::size_t read_ordinal_range(const Quantity& q);
  // "more than 20 and less than 30", "at least $5 but no more than $9": two bounds make a range.
  std::size_t read_bounded_range(const Quantity& q);
  void emit_quantity(const Quantity& q, std::string_view counted_hint);

  std::string_view text_;
  const std::vector<Lexeme>& lx_;
  std::size_t n_;
  const Vocabulary& vocabulary_;
  const NounLexicon& nouns_;
  NamesInDocument& names_;
  std::vector<NumberMention>& out_;
  std::string lower_;
  std::string words_before_[3];  // qualifier_before's words
};

}  // namespace tmk::numbers_detail
