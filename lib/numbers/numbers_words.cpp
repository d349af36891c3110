// The vocabulary of tmk-numbers (read from lib/resources/numbers/), the lexer, and the noun lexicon.
#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cmath>
#include <stdexcept>
#include <unordered_map>

#include "core/ascii_mask.hpp"
#include "core/hash.hpp"
#include "core/resources.hpp"
#include "numbers/numbers_internal.hpp"
#include "text/word_lists.hpp"
#include "tmk/core/utf8.hpp"

namespace tmk::numbers_detail {
namespace {

// The names of the roles as numbers/words.tsv writes them.
Role role_named(std::string_view name) {
  static constexpr std::pair<std::string_view, Role> kRoles[] = {
      {"unit", Role::unit},
      {"teen", Role::teen},
      {"tens", Role::tens},
      {"hundred", Role::hundred},
      {"scale", Role::scale},
      {"ordinal", Role::ordinal},
      {"ordinal_scale", Role::ordinal_scale},
      {"denominator", Role::denominator},
      {"half", Role::half},
      {"quarter", Role::quarter},
      {"dozen", Role::dozen},
      {"plural_scale", Role::plural_scale},
      {"article", Role::article},
      {"and_word", Role::and_word},
      {"point", Role::point},
      {"minus", Role::minus},
      {"couple", Role::couple},
      {"month", Role::month},
      {"currency", Role::currency},
      {"cent", Role::cent},
      {"percent", Role::percent},
      {"per", Role::per},
      {"clock", Role::clock},
      {"meridiem", Role::meridiem},
      {"oclock", Role::oclock},
      {"measure", Role::measure},
      {"suffix_scale", Role::suffix_scale},
      {"day_word", Role::day_word},
      {"shift", Role::shift},
      {"weekend", Role::weekend},
      {"sequel", Role::sequel},
      {"ago", Role::ago},
      {"zone", Role::zone},
      {"approximation", Role::approximation},
  };
  for (const auto& [role_name, role] : kRoles)
    if (role_name == name) return role;
  throw std::invalid_argument("numbers/words.tsv: unknown role " + std::string(name));
}

double number_field(std::string_view field) {
  double value = 0;
  if (std::from_chars(field.data(), field.data() + field.size(), value).ec != std::errc())
    throw std::invalid_argument("numbers/words.tsv: bad value " + std::string(field));
  return value;
}

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

// A word as lex() reads it: letters, with inner apostrophes ("o'clock"), from `pos` (a letter).
struct WordShape {
  std::size_t end = 0;
  bool all_upper = true;   // no ASCII lower-case letter
  bool has_upper = false;  // an ASCII upper-case letter
};

// The ASCII letters by case, for scan_word's inner loop.
enum : std::uint8_t { kLowerLetter = 1, kUpperLetter = 2 };
constexpr std::array<std::uint8_t, 256> kLetterCase = [] {
  std::array<std::uint8_t, 256> table{};
  for (int c = 'a'; c <= 'z'; ++c) table[c] = kLowerLetter;
  for (int c = 'A'; c <= 'Z'; ++c) table[c] = kUpperLetter;
  return table;
}();

WordShape scan_word(std::string_view text, std::size_t pos, std::size_t end) {
  std::uint8_t cases = 0;
  std::size_t p = pos;
  while (p < end) {
#ifdef __SSE2__
    // Sixteen bytes at a time: the word's end and case come from masks, not from a branch a
    // byte whose exit at an unpredictable length was mispredicted for most words.
    while (p + 16 <= end) {
      const std::uint32_t letters = ascii::letter_mask(text.data() + p);
      const int length = std::countr_one(letters);
      const std::uint32_t in_word = (1u << length) - 1;
      const std::uint32_t lower = ascii::lower_mask(text.data() + p) & in_word;
      cases |= static_cast<std::uint8_t>((lower != 0 ? kLowerLetter : 0) |
                                         ((letters & in_word & ~lower) != 0 ? kUpperLetter : 0));
      p += static_cast<std::size_t>(length);
      if (length < 16) break;
    }
#endif
    // Runs of ASCII letters, a table look-up a byte: most words are nothing else.
    while (p < end && kLetterCase[static_cast<unsigned char>(text[p])] != 0)
      cases |= kLetterCase[static_cast<unsigned char>(text[p++])];
    if (p == end) break;
    const char d = text[p];
    if (static_cast<unsigned char>(d) >= 0x80) {
      std::size_t q = p;
      if (!is_word_code_point(next_code_point(text, q))) break;
      p = q;
    } else if (d == '\'' && p + 1 < end && is_ascii_alpha(text[p + 1]) && p > pos) {
      ++p;
    } else {
      break;
    }
  }
  WordShape shape;
  shape.end = p;
  shape.all_upper = (cases & kLowerLetter) == 0;
  shape.has_upper = (cases & kUpperLetter) != 0;
  return shape;
}

}  // namespace

bool lower_ascii(std::string_view word, std::string& buffer) {
  if (word.size() > 24) {
    buffer.clear();
    return false;
  }
  // Sized once and written in place: a push_back a letter checked the capacity every time.
  buffer.resize(word.size());
  for (std::size_t k = 0; k < word.size(); ++k) {
    const char c = word[k];
    if (static_cast<unsigned char>(c) >= 0x80) {
      buffer.clear();
      return false;
    }
    buffer[k] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return true;
}

void lex(std::string_view text, std::size_t begin, std::size_t end, const Vocabulary& vocabulary,
         std::vector<Lexeme>& out) {
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
        ((c == 'w' || c == 'W') && pos + 4 <= text.size() && text[pos + 3] == '.' &&
         (text.substr(pos, 4) == "www." || text.substr(pos, 4) == "WWW.") &&
         (pos == begin || !(is_ascii_alpha(text[pos - 1]) || is_digit(text[pos - 1]))))) {
      pos = drop_address(text, begin, end, pos, out);
      continue;
    }
    // Built in place: copying each lexeme in from the stack was a tenth of lex()'s instructions.
    Lexeme& lexeme = out.emplace_back();
    lexeme.start = pos;
    if (is_digit(c) || (c == '.' && pos + 1 < end && is_digit(text[pos + 1]) &&
                        (pos == begin || !(is_digit(text[pos - 1]) || is_ascii_alpha(text[pos - 1]))))) {
      pos = lex_number(text, pos, end, lexeme);
      continue;
    }
    if (is_ascii_alpha(c) || static_cast<unsigned char>(c) >= 0x80) {
      std::size_t p = pos;
      char32_t cp = 0;
      if (static_cast<unsigned char>(c) >= 0x80) {
        std::size_t q = pos;
        cp = next_code_point(text, q);
        if (is_space_code_point(cp)) {
          out.pop_back();
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
          pos = q;
          continue;
        }
      }
      // A word; "a.m." and "p.m." are one word (below).
      const WordShape shape = scan_word(text, pos, end);
      p = shape.end;
      lexeme.kind = LexKind::word;
      lexeme.end = p;
      // "iPhone" counts as capitalized: a name.
      lexeme.capitalized = (text[pos] >= 'A' && text[pos] <= 'Z') || (shape.has_upper && !shape.all_upper);
      lexeme.upper = shape.all_upper && p - pos >= 2;
      const std::string_view word = text.substr(pos, p - pos);
      if (word.size() == 1 && (word[0] == 'a' || word[0] == 'p' || word[0] == 'A' || word[0] == 'P') && p + 1 < end &&
          text[p] == '.' && (text[p + 1] == 'm' || text[p + 1] == 'M')) {
        // a.m. / p.m.
        lexeme.end = p + 2 < end && text[p + 2] == '.' ? p + 3 : p + 2;
        lexeme.info = vocabulary.find(word[0] == 'a' || word[0] == 'A' ? "am" : "pm");
        pos = lexeme.end;
        continue;
      }
      if (vocabulary.may_contain(word)) lexeme.info = vocabulary.find(word);
      pos = p;
      continue;
    }
    // ASCII punctuation and symbols.
    lexeme.kind = LexKind::symbol;
    lexeme.symbol = static_cast<unsigned char>(c);
    lexeme.end = pos + 1;
    ++pos;
  }
}

namespace {
char fold_ascii(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// A hash of `word` with its ASCII letters lower-cased.
std::uint64_t folded_hash(std::string_view word) {
  std::uint64_t h = word.size();
  for (const char c : word) h = (h ^ static_cast<unsigned char>(fold_ascii(c))) * 0x100000001B3ull;
  return mix64(h);
}
}  // namespace

// The first entry of a word wins, as the tables are read.
void Vocabulary::add_word(std::string_view word, WordInfo info) {
  if (word.empty() || find(word)) return;
  // find() compares a word lower-cased with the entries as written.
  if (words::lower_ascii(word) != word)
    throw std::logic_error("number vocabulary: an entry in capitals: " + std::string(word));
  if (2 * (word_count_ + 1) > words_.size()) {
    std::vector<Entry> old(std::max<std::size_t>(512, 2 * words_.size()));
    old.swap(words_);
    word_count_ = 0;
    for (const Entry& entry : old)
      if (!entry.word.empty()) add_word(entry.word, entry.info);
  }
  const std::size_t mask = words_.size() - 1;
  std::size_t slot = folded_hash(word) & mask;
  while (!words_[slot].word.empty()) slot = (slot + 1) & mask;
  words_[slot] = {word, info};
  ++word_count_;
  filter_.add(word);
}

Vocabulary::Vocabulary() {
  for_each_resource_line("numbers/words.tsv", [&](std::string_view line) {
    const std::vector<std::string_view> fields = split_fields(line, '\t');
    if (fields.size() < 3) throw std::invalid_argument("numbers/words.tsv: short line " + std::string(line));
    add_word(fields[0], {role_named(fields[1]), number_field(fields[2]), fields.size() > 3 ? fields[3] : ""});
  });
  for (const words::CalendarName& month : words::months()) {
    add_word(month.name, {Role::month, static_cast<double>(month.number), {}});
    for (const std::string_view short_form : month.short_forms)
      add_word(short_form, {Role::month, static_cast<double>(month.number), {}});
  }
  for (const words::CalendarName& day : words::weekdays())
    add_word(day.name, {Role::weekday, static_cast<double>(day.number), {}});
  for_each_resource_line("numbers/function-words.txt", [&](std::string_view line) { function_words_.insert(line); });
  for_each_resource_line("numbers/score-words.txt", [&](std::string_view line) { score_words_.insert(line); });
  for_each_resource_line("numbers/british-spellings.txt",
                         [&](std::string_view line) { british_spellings_.insert(line); });
  for_each_resource_line("numbers/currencies.tsv", [&](std::string_view line) {
    const std::vector<std::string_view> fields = split_fields(line, '\t');
    if (fields.size() != 3) throw std::invalid_argument("numbers/currencies.tsv: bad line " + std::string(line));
    if (fields[1] == "country") {
      country_currencies_.emplace(fields[0], fields[2]);
    } else if (fields[1] == "dollar") {
      dollar_currencies_.emplace(fields[0], fields[2]);
    } else {
      std::size_t pos = 0;
      symbol_currencies_.emplace(next_code_point(fields[0], pos), fields[2]);
    }
  });
}

const WordInfo* Vocabulary::find(std::string_view word) const {
  if (words_.empty()) return nullptr;
  const std::size_t mask = words_.size() - 1;
  for (std::size_t slot = folded_hash(word) & mask; !words_[slot].word.empty(); slot = (slot + 1) & mask)
    if (words::equals_lower_ascii(word, words_[slot].word)) return &words_[slot].info;
  return nullptr;
}

namespace {
std::string_view find_in(const std::unordered_map<std::string_view, std::string_view>& map, std::string_view key) {
  const auto found = map.find(key);
  return found == map.end() ? std::string_view() : found->second;
}
}  // namespace

std::string_view Vocabulary::country_currency(std::string_view lower) const {
  return find_in(country_currencies_, lower);
}

std::string_view Vocabulary::dollar_currency(std::string_view upper) const {
  return find_in(dollar_currencies_, upper);
}

std::string_view Vocabulary::symbol_currency(char32_t symbol) const {
  const auto found = symbol_currencies_.find(symbol);
  return found == symbol_currencies_.end() ? std::string_view() : found->second;
}

NounLexicon::NounLexicon() {
  const auto load = [&](std::string_view name, std::uint8_t kind) {
    for_each_resource_line(name, [&](std::string_view line) { kinds_[std::hash<std::string_view>{}(line)] |= kind; });
  };
  load("numbers/nouns.txt", kNoun);
  load("numbers/plurals.txt", kPlural);
  load("numbers/adjectives.txt", kAdjective);
}

bool NounLexicon::is_plural_noun(std::string_view lower) const {
  if (kinds(lower) & kPlural) return true;
  if (lower.size() < 3 || lower.back() != 's' || lower.ends_with("ss")) return false;
  if (is_noun(lower.substr(0, lower.size() - 1))) return true;                                       // "members"
  if (lower.ends_with("es") && is_noun(lower.substr(0, lower.size() - 2))) return true;              // "boxes"
  if (lower.ends_with("ies")) return is_noun(std::string(lower.substr(0, lower.size() - 3)) + "y");  // "cities"
  return false;
}

}  // namespace tmk::numbers_detail
