// The words numbers are made of, the lexer, and the noun lexicon of tmk-numbers.
#include <algorithm>
#include <bitset>
#include <charconv>
#include <cmath>
#include <unordered_map>

#include "numbers/numbers_internal.hpp"
#include "core/resources.hpp"
#include "tmk/core/utf8.hpp"

namespace tmk::numbers_detail {
namespace {

struct WordEntry {
  std::string_view word;
  WordInfo info;
};

constexpr WordEntry kWords[] = {
    {"zero", {Role::unit, 0, {}}},
    {"nought", {Role::unit, 0, {}}},
    {"naught", {Role::unit, 0, {}}},
    {"one", {Role::unit, 1, {}}},
    {"two", {Role::unit, 2, {}}},
    {"three", {Role::unit, 3, {}}},
    {"four", {Role::unit, 4, {}}},
    {"five", {Role::unit, 5, {}}},
    {"six", {Role::unit, 6, {}}},
    {"seven", {Role::unit, 7, {}}},
    {"eight", {Role::unit, 8, {}}},
    {"nine", {Role::unit, 9, {}}},
    {"ten", {Role::teen, 10, {}}},
    {"eleven", {Role::teen, 11, {}}},
    {"twelve", {Role::teen, 12, {}}},
    {"thirteen", {Role::teen, 13, {}}},
    {"fourteen", {Role::teen, 14, {}}},
    {"fifteen", {Role::teen, 15, {}}},
    {"sixteen", {Role::teen, 16, {}}},
    {"seventeen", {Role::teen, 17, {}}},
    {"eighteen", {Role::teen, 18, {}}},
    {"nineteen", {Role::teen, 19, {}}},
    {"twenty", {Role::tens, 20, {}}},
    {"thirty", {Role::tens, 30, {}}},
    {"forty", {Role::tens, 40, {}}},
    {"fourty", {Role::tens, 40, {}}},
    {"fifty", {Role::tens, 50, {}}},
    {"sixty", {Role::tens, 60, {}}},
    {"seventy", {Role::tens, 70, {}}},
    {"eighty", {Role::tens, 80, {}}},
    {"ninety", {Role::tens, 90, {}}},
    {"hundred", {Role::hundred, 100, {}}},
    {"thousand", {Role::scale, 1e3, {}}},
    {"million", {Role::scale, 1e6, {}}},
    {"billion", {Role::scale, 1e9, {}}},
    {"trillion", {Role::scale, 1e12, {}}},
    {"first", {Role::ordinal, 1, {}}},
    {"second", {Role::ordinal, 2, {}}},
    {"third", {Role::ordinal, 3, {}}},
    {"fourth", {Role::ordinal, 4, {}}},
    {"fifth", {Role::ordinal, 5, {}}},
    {"sixth", {Role::ordinal, 6, {}}},
    {"seventh", {Role::ordinal, 7, {}}},
    {"eighth", {Role::ordinal, 8, {}}},
    {"ninth", {Role::ordinal, 9, {}}},
    {"nineth", {Role::ordinal, 9, {}}},
    {"tenth", {Role::ordinal, 10, {}}},
    {"eleventh", {Role::ordinal, 11, {}}},
    {"twelfth", {Role::ordinal, 12, {}}},
    {"thirteenth", {Role::ordinal, 13, {}}},
    {"fourteenth", {Role::ordinal, 14, {}}},
    {"fifteenth", {Role::ordinal, 15, {}}},
    {"sixteenth", {Role::ordinal, 16, {}}},
    {"seventeenth", {Role::ordinal, 17, {}}},
    {"eighteenth", {Role::ordinal, 18, {}}},
    {"nineteenth", {Role::ordinal, 19, {}}},
    {"twentieth", {Role::ordinal, 20, {}}},
    {"thirtieth", {Role::ordinal, 30, {}}},
    {"fortieth", {Role::ordinal, 40, {}}},
    {"fiftieth", {Role::ordinal, 50, {}}},
    {"sixtieth", {Role::ordinal, 60, {}}},
    {"seventieth", {Role::ordinal, 70, {}}},
    {"eightieth", {Role::ordinal, 80, {}}},
    {"ninetieth", {Role::ordinal, 90, {}}},
    {"hundredth", {Role::ordinal_scale, 100, {}}},
    {"thousandth", {Role::ordinal_scale, 1e3, {}}},
    {"millionth", {Role::ordinal_scale, 1e6, {}}},
    {"billionth", {Role::ordinal_scale, 1e9, {}}},
    {"trillionth", {Role::ordinal_scale, 1e12, {}}},
    {"firsts", {Role::denominator, 1, {}}},
    {"halves", {Role::denominator, 2, {}}},
    {"thirds", {Role::denominator, 3, {}}},
    {"fourths", {Role::denominator, 4, {}}},
    {"quarters", {Role::denominator, 4, {}}},
    {"fifths", {Role::denominator, 5, {}}},
    {"sixths", {Role::denominator, 6, {}}},
    {"sevenths", {Role::denominator, 7, {}}},
    {"eighths", {Role::denominator, 8, {}}},
    {"ninths", {Role::denominator, 9, {}}},
    {"tenths", {Role::denominator, 10, {}}},
    {"elevenths", {Role::denominator, 11, {}}},
    {"twelfths", {Role::denominator, 12, {}}},
    {"twentieths", {Role::denominator, 20, {}}},
    {"thirtieths", {Role::denominator, 30, {}}},
    {"hundredths", {Role::denominator, 100, {}}},
    {"thousandths", {Role::denominator, 1e3, {}}},
    {"millionths", {Role::denominator, 1e6, {}}},
    {"billionths", {Role::denominator, 1e9, {}}},
    {"trillionths", {Role::denominator, 1e12, {}}},
    {"half", {Role::half, 0.5, {}}},
    {"quarter", {Role::quarter, 0.25, {}}},
    {"dozen", {Role::dozen, 12, {}}},
    {"dozens", {Role::dozen, 12, {}}},
    {"dz", {Role::dozen, 12, {}}},
    {"dzs", {Role::dozen, 12, {}}},
    {"doz", {Role::dozen, 12, {}}},
    {"dozs", {Role::dozen, 12, {}}},
    {"tens", {Role::plural_scale, 10, {}}},
    {"hundreds", {Role::plural_scale, 100, {}}},
    {"thousands", {Role::plural_scale, 1e3, {}}},
    {"millions", {Role::plural_scale, 1e6, {}}},
    {"billions", {Role::plural_scale, 1e9, {}}},
    {"trillions", {Role::plural_scale, 1e12, {}}},
    {"a", {Role::article, 1, {}}},
    {"an", {Role::article, 1, {}}},
    {"and", {Role::and_word, 0, {}}},
    {"point", {Role::point, 0, {}}},
    {"minus", {Role::minus, 0, {}}},
    {"negative", {Role::minus, 0, {}}},
    {"couple", {Role::couple, 2, {}}},
    {"january", {Role::month, 1, {}}},
    {"jan", {Role::month, 1, {}}},
    {"february", {Role::month, 2, {}}},
    {"feb", {Role::month, 2, {}}},
    {"march", {Role::month, 3, {}}},
    {"mar", {Role::month, 3, {}}},
    {"april", {Role::month, 4, {}}},
    {"apr", {Role::month, 4, {}}},
    {"may", {Role::month, 5, {}}},
    {"june", {Role::month, 6, {}}},
    {"jun", {Role::month, 6, {}}},
    {"july", {Role::month, 7, {}}},
    {"jul", {Role::month, 7, {}}},
    {"august", {Role::month, 8, {}}},
    {"aug", {Role::month, 8, {}}},
    {"september", {Role::month, 9, {}}},
    {"sep", {Role::month, 9, {}}},
    {"sept", {Role::month, 9, {}}},
    {"october", {Role::month, 10, {}}},
    {"oct", {Role::month, 10, {}}},
    {"november", {Role::month, 11, {}}},
    {"nov", {Role::month, 11, {}}},
    {"december", {Role::month, 12, {}}},
    {"dec", {Role::month, 12, {}}},
    {"dollar", {Role::currency, 1, "USD"}},
    {"dollars", {Role::currency, 1, "USD"}},
    {"buck", {Role::currency, 1, "USD"}},
    {"bucks", {Role::currency, 1, "USD"}},
    {"quid", {Role::currency, 1, "GBP"}},
    {"euro", {Role::currency, 1, "EUR"}},
    {"euros", {Role::currency, 1, "EUR"}},
    {"sterling", {Role::currency, 1, "GBP"}},
    {"yen", {Role::currency, 1, "JPY"}},
    {"yuan", {Role::currency, 1, "CNY"}},
    {"renminbi", {Role::currency, 1, "CNY"}},
    {"rupee", {Role::currency, 1, "INR"}},
    {"rupees", {Role::currency, 1, "INR"}},
    {"peso", {Role::currency, 1, "MXN"}},
    {"pesos", {Role::currency, 1, "MXN"}},
    {"ruble", {Role::currency, 1, "RUB"}},
    {"rubles", {Role::currency, 1, "RUB"}},
    {"rouble", {Role::currency, 1, "RUB"}},
    {"roubles", {Role::currency, 1, "RUB"}},
    {"franc", {Role::currency, 1, "CHF"}},
    {"francs", {Role::currency, 1, "CHF"}},
    {"shekel", {Role::currency, 1, "ILS"}},
    {"shekels", {Role::currency, 1, "ILS"}},
    {"lira", {Role::currency, 1, "TRY"}},
    {"baht", {Role::currency, 1, "THB"}},
    {"naira", {Role::currency, 1, "NGN"}},
    {"rand", {Role::currency, 1, "ZAR"}},
    {"usd", {Role::currency, 1, "USD"}},
    {"eur", {Role::currency, 1, "EUR"}},
    {"gbp", {Role::currency, 1, "GBP"}},
    {"jpy", {Role::currency, 1, "JPY"}},
    {"cny", {Role::currency, 1, "CNY"}},
    {"rmb", {Role::currency, 1, "CNY"}},
    {"chf", {Role::currency, 1, "CHF"}},
    {"cad", {Role::currency, 1, "CAD"}},
    {"aud", {Role::currency, 1, "AUD"}},
    {"inr", {Role::currency, 1, "INR"}},
    {"rub", {Role::currency, 1, "RUB"}},
    {"sek", {Role::currency, 1, "SEK"}},
    {"nok", {Role::currency, 1, "NOK"}},
    {"dkk", {Role::currency, 1, "DKK"}},
    {"hkd", {Role::currency, 1, "HKD"}},
    {"sgd", {Role::currency, 1, "SGD"}},
    {"nzd", {Role::currency, 1, "NZD"}},
    {"mxn", {Role::currency, 1, "MXN"}},
    {"brl", {Role::currency, 1, "BRL"}},
    {"zar", {Role::currency, 1, "ZAR"}},
    {"krw", {Role::currency, 1, "KRW"}},
    {"cent", {Role::cent, 0.01, "USD"}},
    {"cents", {Role::cent, 0.01, "USD"}},
    {"penny", {Role::cent, 0.01, "GBP"}},
    {"pence", {Role::cent, 0.01, "GBP"}},
    {"percent", {Role::percent, 1, "percent"}},
    {"percents", {Role::percent, 1, "percent"}},
    {"percentage", {Role::percent, 1, "percent"}},
    {"pct", {Role::percent, 1, "percent"}},
    {"per", {Role::per, 0, {}}},
    {"noon", {Role::clock, 12, {}}},
    {"midday", {Role::clock, 12, {}}},
    {"midnight", {Role::clock, 0, {}}},
    {"am", {Role::meridiem, 0, {}}},
    {"pm", {Role::meridiem, 12, {}}},
    {"o'clock", {Role::oclock, 0, {}}},
    {"mile", {Role::measure, 1, "mile"}},
    {"miles", {Role::measure, 1, "mile"}},
    {"mi", {Role::measure, 1, "mile"}},
    {"km", {Role::measure, 1, "km"}},
    {"kilometer", {Role::measure, 1, "km"}},
    {"kilometers", {Role::measure, 1, "km"}},
    {"kilometre", {Role::measure, 1, "km"}},
    {"kilometres", {Role::measure, 1, "km"}},
    {"meter", {Role::measure, 1, "m"}},
    {"meters", {Role::measure, 1, "m"}},
    {"metre", {Role::measure, 1, "m"}},
    {"metres", {Role::measure, 1, "m"}},
    {"cm", {Role::measure, 1, "cm"}},
    {"centimeters", {Role::measure, 1, "cm"}},
    {"centimetres", {Role::measure, 1, "cm"}},
    {"mm", {Role::measure, 1, "mm"}},
    {"millimeters", {Role::measure, 1, "mm"}},
    {"millimetres", {Role::measure, 1, "mm"}},
    {"foot", {Role::measure, 1, "ft"}},
    {"feet", {Role::measure, 1, "ft"}},
    {"ft", {Role::measure, 1, "ft"}},
    {"inch", {Role::measure, 1, "in"}},
    {"inches", {Role::measure, 1, "in"}},
    {"yard", {Role::measure, 1, "yd"}},
    {"yards", {Role::measure, 1, "yd"}},
    {"kg", {Role::measure, 1, "kg"}},
    {"kilogram", {Role::measure, 1, "kg"}},
    {"kilograms", {Role::measure, 1, "kg"}},
    {"kilogramme", {Role::measure, 1, "kg"}},
    {"kilos", {Role::measure, 1, "kg"}},
    {"gram", {Role::measure, 1, "g"}},
    {"grams", {Role::measure, 1, "g"}},
    {"mg", {Role::measure, 1, "mg"}},
    {"lb", {Role::measure, 1, "lb"}},
    {"lbs", {Role::measure, 1, "lb"}},
    {"pound", {Role::measure, 1, "lb"}},
    {"pounds", {Role::measure, 1, "lb"}},
    {"ton", {Role::measure, 1, "ton"}},
    {"tons", {Role::measure, 1, "ton"}},
    {"tonne", {Role::measure, 1, "t"}},
    {"tonnes", {Role::measure, 1, "t"}},
    {"ounce", {Role::measure, 1, "oz"}},
    {"ounces", {Role::measure, 1, "oz"}},
    {"oz", {Role::measure, 1, "oz"}},
    {"liter", {Role::measure, 1, "l"}},
    {"liters", {Role::measure, 1, "l"}},
    {"litre", {Role::measure, 1, "l"}},
    {"litres", {Role::measure, 1, "l"}},
    {"ml", {Role::measure, 1, "ml"}},
    {"gallon", {Role::measure, 1, "gal"}},
    {"gallons", {Role::measure, 1, "gal"}},
    {"barrel", {Role::measure, 1, "bbl"}},
    {"barrels", {Role::measure, 1, "bbl"}},
    {"acre", {Role::measure, 1, "acre"}},
    {"acres", {Role::measure, 1, "acre"}},
    {"hectare", {Role::measure, 1, "ha"}},
    {"hectares", {Role::measure, 1, "ha"}},
    {"degree", {Role::measure, 1, "degree"}},
    {"degrees", {Role::measure, 1, "degree"}},
    {"mph", {Role::measure, 1, "mph"}},
    {"kph", {Role::measure, 1, "km/h"}},
    {"mw", {Role::measure, 1, "MW"}},
    {"megawatts", {Role::measure, 1, "MW"}},
    {"gw", {Role::measure, 1, "GW"}},
    {"gigawatts", {Role::measure, 1, "GW"}},
    {"kwh", {Role::measure, 1, "kWh"}},
    {"k", {Role::suffix_scale, 1e3, {}}},
    {"m", {Role::suffix_scale, 1e6, {}}},
    {"mn", {Role::suffix_scale, 1e6, {}}},
    {"mln", {Role::suffix_scale, 1e6, {}}},
    {"mil", {Role::suffix_scale, 1e6, {}}},
    {"b", {Role::suffix_scale, 1e9, {}}},
    {"bn", {Role::suffix_scale, 1e9, {}}},
    {"bln", {Role::suffix_scale, 1e9, {}}},
    {"g", {Role::suffix_scale, 1e9, {}}},
    {"tn", {Role::suffix_scale, 1e12, {}}},
    {"tln", {Role::suffix_scale, 1e12, {}}},
};

// The word table with a filter in front: most words of a text are no number words, and the
// filter turns them away without lower-casing or hashing them.
struct WordTable {
  std::unordered_map<std::string_view, WordInfo> words;
  std::bitset<1u << 16> maybe;

  static char fold(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
  // Case-blind key from the length and the first, second and last letters.
  static std::uint32_t filter_key(std::string_view word) {
    const auto first = static_cast<unsigned char>(fold(word.front()));
    const auto second = static_cast<unsigned char>(fold(word[word.size() > 1 ? 1 : 0]));
    const auto last = static_cast<unsigned char>(fold(word.back()));
    return (((first * 31u + second) * 31u + last) * 16u + static_cast<std::uint32_t>(word.size())) & 0xFFFFu;
  }
  bool may_contain(std::string_view word) const { return maybe.test(filter_key(word)); }

  WordTable() {
    for (const WordEntry& entry : kWords) {
      words.emplace(entry.word, entry.info);
      maybe.set(filter_key(entry.word));
    }
  }
};

const WordTable& word_table() {
  static const WordTable table;
  return table;
}

constexpr std::string_view kFunctionWords[] = {
    "a",         "an",        "the",      "and",   "or",      "but",      "of",        "to",      "in",
    "on",        "at",        "by",       "for",   "from",    "with",     "as",        "than",    "that",
    "this",      "these",     "those",    "which", "who",     "whom",     "whose",     "what",    "where",
    "when",      "while",     "if",       "is",    "are",     "was",      "were",      "be",      "been",
    "being",     "am",        "has",      "have",  "had",     "do",       "does",      "did",     "will",
    "would",     "can",       "could",    "may",   "might",   "must",     "shall",     "should",  "it",
    "its",       "he",        "she",      "they",  "we",      "you",      "i",         "his",     "her",
    "their",     "our",       "your",     "my",    "him",     "them",     "us",        "me",      "there",
    "here",      "not",       "no",       "so",    "such",    "each",     "every",     "all",     "any",
    "some",      "more",      "most",     "less",  "least",   "few",      "fewer",     "many",    "much",
    "other",     "another",   "into",     "onto",  "over",    "under",    "about",     "after",   "before",
    "since",     "until",     "up",       "down",  "out",     "off",      "per",       "said",    "say",
    "says",      "saying",    "told",     "tell",  "get",     "got",      "make",      "made",    "go",
    "went",      "gone",      "come",     "came",  "take",    "took",     "see",       "saw",     "know",
    "knew",      "think",     "want",     "need",  "also",    "only",     "just",      "even",    "still",
    "now",       "then",      "ago",      "later", "earlier", "each",     "both",      "either",  "neither",
    "because",   "against",   "between",  "among", "through", "during",   "without",   "within",  "across",
    "toward",    "towards",   "around",   "near",  "like",    "whether",  "via",       "versus",  "vs",
    "including", "according", "compared", "rose",  "fell",    "rise",     "fall",      "rising",  "falling",
    "increase",  "decrease",  "last",     "next",  "today",   "tomorrow", "yesterday", "tonight", "won",
    "lost",      "win",       "lose",     "left",  "remain",  "remained", "became",    "become",  "seem",
    "seemed",    "voted",     "vote",     "help",  "helped",  "pay",      "paid",      "cost",    "costs",
    "set",       "put",
};

struct FunctionWords {
  std::unordered_set<std::string_view> words;
  FunctionWords() : words(std::begin(kFunctionWords), std::end(kFunctionWords)) {}
};

bool is_ascii_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool is_space_code_point(char32_t cp) {
  return cp == 0xA0 || cp == 0x2007 || cp == 0x2009 || cp == 0x200A || cp == 0x202F || cp == 0x3000 ||
         (cp >= 0x2000 && cp <= 0x200B) || cp == 0xFEFF;
}

bool is_dash_code_point(char32_t cp) {
  return cp == 0x2010 || cp == 0x2011 || (cp >= 0x2012 && cp <= 0x2015) || cp == 0x2212;
}

// Value of a vulgar fraction character, or 0.
double vulgar_fraction(char32_t cp) {
  switch (cp) {
    case U'½':
      return 0.5;
    case U'⅓':
      return 1.0 / 3;
    case U'⅔':
      return 2.0 / 3;
    case U'¼':
      return 0.25;
    case U'¾':
      return 0.75;
    case U'⅕':
      return 0.2;
    case U'⅖':
      return 0.4;
    case U'⅗':
      return 0.6;
    case U'⅘':
      return 0.8;
    case U'⅙':
      return 1.0 / 6;
    case U'⅚':
      return 5.0 / 6;
    case U'⅛':
      return 0.125;
    case U'⅜':
      return 0.375;
    case U'⅝':
      return 0.625;
    case U'⅞':
      return 0.875;
    default:
      return 0;
  }
}

// Letters of non-Latin scripts and accented letters continue a word; punctuation and
// symbols from the General Punctuation and currency blocks do not.
bool is_word_code_point(char32_t cp) {
  if (cp < 0x80) return false;
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;  // punctuation, currency, arrows, math, symbols
  if (cp >= 0xA0 && cp <= 0xBF) return false;      // Latin-1 punctuation and signs
  if (cp == 0xD7 || cp == 0xF7) return false;
  if (cp >= 0x3000 && cp <= 0x303F) return false;
  if (cp >= 0xFE30 && cp <= 0xFE4F) return false;
  if (cp >= 0xFF00 && cp <= 0xFF0F) return false;
  if (cp >= 0x1F000) return false;  // emoji
  return cp != static_cast<unsigned char>(kInvalidByte);
}

bool is_ascii_space(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

// Drops the run of non-space characters around `at` (a URL or e-mail address): removes the
// lexemes already read from it and returns where it ends. Only called when `at` shows an
// address ("://", "@", "www."), so ordinary words are never scanned twice.
std::size_t drop_address(std::string_view text, std::size_t begin, std::size_t end, std::size_t at,
                         std::vector<Lexeme>& out) {
  std::size_t run_start = at;
  while (run_start > begin && !is_ascii_space(text[run_start - 1])) --run_start;
  std::size_t run_end = at;
  while (run_end < end && !is_ascii_space(text[run_end])) ++run_end;
  while (!out.empty() && out.back().start >= run_start) out.pop_back();
  return run_end;
}

// True when the '@' at `at` joins the two halves of an e-mail address ("desk@example.com").
bool is_email_at(std::string_view text, std::size_t begin, std::size_t end, std::size_t at) {
  if (at == begin || at + 1 >= end || is_ascii_space(text[at - 1]) || !is_ascii_alpha(text[at + 1])) return false;
  for (std::size_t p = at + 1; p + 1 < end && !is_ascii_space(text[p]); ++p)
    if (text[p] == '.' && is_ascii_alpha(text[p + 1])) return true;
  return false;
}

// Reads a number starting at `pos` (a digit, or a '.' before a digit) into `lexeme`.
std::size_t lex_number(std::string_view text, std::size_t pos, std::size_t end, Lexeme& lexeme) {
  char digits[64];
  std::size_t used = 0;
  const auto keep = [&](char c) {
    if (used < sizeof digits - 1) digits[used++] = c;
  };
  std::size_t p = pos;
  lexeme.kind = LexKind::number;
  lexeme.leading_zero = text[p] == '0' && p + 1 < end && is_digit(text[p + 1]);
  std::size_t group = 0;  // digits in the current group
  while (p < end && is_digit(text[p])) keep(text[p++]), ++group;
  std::size_t int_digits = group;
  // Thousands separators: ",ddd" or " ddd" groups after a first group of at most 3 digits.
  const auto three_digits_at = [&](std::size_t q) {
    return q + 3 <= end && is_digit(text[q]) && is_digit(text[q + 1]) && is_digit(text[q + 2]) &&
           (q + 3 == end || !is_digit(text[q + 3]));
  };
  if (group >= 1 && group <= 3) {
    bool comma_grouped = false;
    while (p < end) {
      if (text[p] == ',' && three_digits_at(p + 1) && lexeme.grouped == comma_grouped) {
        lexeme.grouped = comma_grouped = true;
        for (int k = 1; k <= 3; ++k) keep(text[p + k]);
        p += 4;
        int_digits += 3;
        continue;
      }
      std::size_t gap = 0;
      if (text[p] == ' ') {
        gap = 1;
      } else if (static_cast<unsigned char>(text[p]) >= 0x80) {
        std::size_t q = p;
        if (is_space_code_point(next_code_point(text, q)) && q < end) gap = q - p;
      }
      // A space-grouped number never mixes with commas ("1, 234, 567" is three numbers).
      if (gap && !comma_grouped && three_digits_at(p + gap) &&
          (p + gap + 3 == end || !is_ascii_alpha(text[p + gap + 3]))) {
        lexeme.grouped = true;
        for (int k = 0; k < 3; ++k) keep(text[p + gap + k]);
        p += gap + 3;
        int_digits += 3;
        continue;
      }
      break;
    }
  }
  if (p + 1 < end && text[p] == '.' && is_digit(text[p + 1])) {
    lexeme.decimal = true;
    keep('.');
    ++p;
    while (p < end && is_digit(text[p])) keep(text[p++]);
    // "192.168.1.2", "1.2.3": several dots make a label.
    while (p + 1 < end && text[p] == '.' && is_digit(text[p + 1])) {
      lexeme.code = true;
      ++p;
      while (p < end && is_digit(text[p])) ++p;
    }
  }
  // Scientific notation: "1e10", "-12e-1", "12.32e+14".
  if (!lexeme.code && p + 1 < end && (text[p] == 'e' || text[p] == 'E')) {
    std::size_t q = p + 1;
    if (q < end && (text[q] == '+' || text[q] == '-')) ++q;
    if (q < end && is_digit(text[q])) {
      std::size_t r = q;
      while (r < end && is_digit(text[r])) ++r;
      if (r == end || !is_ascii_alpha(text[r])) {
        keep('e');
        if (text[p + 1] == '-') keep('-');
        for (std::size_t k = q; k < r; ++k) keep(text[k]);
        lexeme.decimal = true;
        p = r;
      }
    }
  }
  digits[used] = '\0';
  lexeme.int_digits = static_cast<std::uint8_t>(std::min<std::size_t>(int_digits, 255));
  double value = 0;
  const auto parsed = std::from_chars(digits, digits + used, value);
  // Digits beyond the buffer or beyond a double's range make a code, not a quantity.
  if (used == sizeof digits - 1 || parsed.ec != std::errc() || int_digits > 30) lexeme.code = true;
  lexeme.value = value;
  lexeme.end = p;
  return p;
}

}  // namespace

const WordInfo* find_word(std::string_view lower) {
  const auto& words = word_table().words;
  const auto found = words.find(lower);
  return found == words.end() ? nullptr : &found->second;
}

bool lower_ascii(std::string_view word, std::string& buffer) {
  buffer.clear();
  if (word.size() > 24) return false;
  for (const char c : word) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
    buffer.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return true;
}

bool is_function_word(std::string_view lower) {
  static const FunctionWords table;
  return table.words.count(lower) != 0;
}

void lex(std::string_view text, std::size_t begin, std::size_t end, std::vector<Lexeme>& out) {
  const WordTable& table = word_table();
  std::string lower;
  std::size_t pos = begin;
  while (pos < end) {
    const char c = text[pos];
    if (is_ascii_space(c)) {
      ++pos;
      continue;
    }
    // URLs and e-mail addresses hold no numbers a reader means.
    if ((c == ':' && pos + 2 < end && text[pos + 1] == '/' && text[pos + 2] == '/') ||
        (c == '@' && is_email_at(text, begin, end, pos)) ||
        ((c == 'w' || c == 'W') && text.substr(pos, 4).size() == 4 &&
         (text.substr(pos, 4) == "www." || text.substr(pos, 4) == "WWW.") &&
         (pos == begin || !(is_ascii_alpha(text[pos - 1]) || is_digit(text[pos - 1]))))) {
      pos = drop_address(text, begin, end, pos, out);
      continue;
    }
    Lexeme lexeme;
    lexeme.start = pos;
    if (is_digit(c) || (c == '.' && pos + 1 < end && is_digit(text[pos + 1]) &&
                        (pos == begin || !(is_digit(text[pos - 1]) || is_ascii_alpha(text[pos - 1]))))) {
      pos = lex_number(text, pos, end, lexeme);
      out.push_back(lexeme);
      continue;
    }
    if (is_ascii_alpha(c) || static_cast<unsigned char>(c) >= 0x80) {
      std::size_t p = pos;
      char32_t cp = 0;
      if (static_cast<unsigned char>(c) >= 0x80) {
        std::size_t q = pos;
        cp = next_code_point(text, q);
        if (is_space_code_point(cp)) {
          pos = q;
          continue;
        }
        if (!is_word_code_point(cp)) {
          lexeme.kind = LexKind::symbol;
          lexeme.symbol = is_dash_code_point(cp) ? U'-' : cp;
          lexeme.end = q;
          if (const double fraction = vulgar_fraction(cp)) {
            lexeme.kind = LexKind::number;
            lexeme.value = fraction;
            lexeme.vulgar = true;
            lexeme.decimal = true;
          }
          out.push_back(lexeme);
          pos = q;
          continue;
        }
      }
      // A word: letters, with inner apostrophes ("o'clock"); "a.m." and "p.m." are one word.
      bool all_upper = true;
      bool has_upper = false;
      while (p < end) {
        const char d = text[p];
        if (is_ascii_alpha(d)) {
          if (d >= 'a' && d <= 'z') all_upper = false;
          if (d >= 'A' && d <= 'Z') has_upper = true;
          ++p;
        } else if (static_cast<unsigned char>(d) >= 0x80) {
          std::size_t q = p;
          if (!is_word_code_point(next_code_point(text, q))) break;
          p = q;
        } else if (d == '\'' && p + 1 < end && is_ascii_alpha(text[p + 1]) && p > pos) {
          ++p;
        } else {
          break;
        }
      }
      lexeme.kind = LexKind::word;
      lexeme.end = p;
      // "iPhone" counts as capitalized: a name.
      lexeme.capitalized = (text[pos] >= 'A' && text[pos] <= 'Z') || (has_upper && !all_upper);
      lexeme.upper = all_upper && p - pos >= 2;
      const std::string_view word = text.substr(pos, p - pos);
      if (word.size() == 1 && (word[0] == 'a' || word[0] == 'p' || word[0] == 'A' || word[0] == 'P') && p + 1 < end &&
          text[p] == '.' && (text[p + 1] == 'm' || text[p + 1] == 'M')) {
        // a.m. / p.m.
        lexeme.end = p + 2 < end && text[p + 2] == '.' ? p + 3 : p + 2;
        lexeme.info = find_word(word[0] == 'a' || word[0] == 'A' ? "am" : "pm");
        out.push_back(lexeme);
        pos = lexeme.end;
        continue;
      }
      // The longest word in the table has 11 letters.
      if (word.size() <= 11 && table.may_contain(word) && lower_ascii(word, lower)) lexeme.info = find_word(lower);
      out.push_back(lexeme);
      pos = p;
      continue;
    }
    // ASCII punctuation and symbols.
    lexeme.kind = LexKind::symbol;
    lexeme.symbol = static_cast<unsigned char>(c);
    lexeme.end = pos + 1;
    out.push_back(lexeme);
    ++pos;
  }
}

NounLexicon::NounLexicon() {
  const auto load = [](std::string_view name, std::unordered_set<std::string_view>& set) {
    set.reserve(60000);
    for_each_resource_line(name, [&](std::string_view line) { set.insert(line); });
  };
  load("numbers/nouns.txt", nouns_);
  load("numbers/plurals.txt", plurals_);
  load("numbers/adjectives.txt", adjectives_);
}

bool NounLexicon::is_plural_noun(std::string_view lower) const {
  if (plurals_.count(lower)) return true;
  if (lower.size() < 3 || lower.back() != 's' || lower.ends_with("ss")) return false;
  std::string singular(lower.substr(0, lower.size() - 1));
  if (nouns_.count(singular)) return true;
  if (lower.ends_with("es")) {
    singular.pop_back();
    if (nouns_.count(singular)) return true;
  }
  if (lower.ends_with("ies")) {
    singular = std::string(lower.substr(0, lower.size() - 3)) + "y";
    if (nouns_.count(singular)) return true;
  }
  return false;
}

}  // namespace tmk::numbers_detail
