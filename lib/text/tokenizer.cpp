// The tokenizer: one left-to-right pass over a sentence range. Each step looks at one
// character class (an ASCII table lookup, ICU properties beyond ASCII) and scans either a
// word (alphanumeric runs joined by connectors such as "-", "'", "." and number
// separators), a URL, a hashtag or mention, an emoji or emoticon, or a punctuation run.
#include "tmk/text/tokenizer.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <bit>
#include <stdexcept>
#include <string>

#include "core/ascii_mask.hpp"
#include "tmk/core/utf8.hpp"
#include "tmk/text/sentences.hpp"

namespace tmk {

std::string_view to_string(TokenKind kind) {
  switch (kind) {
    case TokenKind::word:
      return "word";
    case TokenKind::number:
      return "number";
    case TokenKind::punct:
      return "punct";
    case TokenKind::symbol:
      return "symbol";
    case TokenKind::url:
      return "url";
    case TokenKind::email:
      return "email";
    case TokenKind::hashtag:
      return "hashtag";
    case TokenKind::mention:
      return "mention";
    case TokenKind::emoji:
      return "emoji";
  }
  return "word";
}

namespace {

enum class CharClass : std::uint8_t { space, letter, digit, punct, symbol, emoji };

constexpr std::array<CharClass, 128> make_ascii_classes() {
  std::array<CharClass, 128> classes{};
  for (int c = 0; c < 128; ++c) {
    if (c >= 'a' && c <= 'z')
      classes[c] = CharClass::letter;
    else if (c >= 'A' && c <= 'Z')
      classes[c] = CharClass::letter;
    else if (c >= '0' && c <= '9')
      classes[c] = CharClass::digit;
    else if (c <= ' ' || c == 0x7F)
      classes[c] = CharClass::space;  // controls separate tokens
    else
      classes[c] = CharClass::punct;
  }
  // Unicode's symbol categories (Sc, Sm, Sk); the rest of ASCII punctuation is P*.
  for (const char c : {'$', '+', '<', '=', '>', '^', '`', '|', '~'})
    classes[static_cast<unsigned char>(c)] = CharClass::symbol;
  classes[static_cast<unsigned char>(kInvalidByte)] = CharClass::symbol;
  return classes;
}
constexpr std::array<CharClass, 128> kAsciiClasses = make_ascii_classes();

bool is_emoji_component(char32_t c) {
  return c == 0x200D || c == 0xFE0F || c == 0x20E3 || (c >= 0x1F3FB && c <= 0x1F3FF) || (c >= 0xE0020 && c <= 0xE007F);
}
bool is_regional_indicator(char32_t c) {
  return c >= 0x1F1E6 && c <= 0x1F1FF;
}

CharClass classify_non_ascii(char32_t c) {
  const auto cp = static_cast<UChar32>(c);
  if (c == 0x200B || c == 0xFEFF || u_isUWhiteSpace(cp)) return CharClass::space;
  if (u_hasBinaryProperty(cp, UCHAR_EMOJI_PRESENTATION) || is_regional_indicator(c)) return CharClass::emoji;
  switch (u_charType(cp)) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
    case U_NON_SPACING_MARK:
    case U_COMBINING_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_LETTER_NUMBER:
    case U_OTHER_NUMBER:
    case U_FORMAT_CHAR:  // joiners and soft hyphens stay inside a word
      return CharClass::letter;
    case U_DECIMAL_DIGIT_NUMBER:
      return CharClass::digit;
    case U_MATH_SYMBOL:
    case U_CURRENCY_SYMBOL:
    case U_MODIFIER_SYMBOL:
    case U_OTHER_SYMBOL:
    case U_PRIVATE_USE_CHAR:
    case U_UNASSIGNED:
      // Pictographs below U+2300 (©, ™, arrows) are text unless a variation selector follows.
      return c >= 0x2300 && u_hasBinaryProperty(cp, UCHAR_EXTENDED_PICTOGRAPHIC) ? CharClass::emoji : CharClass::symbol;
    case U_CONTROL_CHAR:
      return CharClass::space;
    default:
      return CharClass::punct;
  }
}

struct Char {
  char32_t value = 0;
  std::uint8_t length = 1;
  CharClass cls = CharClass::space;
};

// Decodes one character of possibly unrepaired text; a malformed byte is one symbol.
Char decode_slow(std::string_view text, std::size_t pos, std::size_t end) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  std::int32_t i = 0;
  const auto length = static_cast<std::int32_t>(std::min<std::size_t>(end - pos, 4));
  UChar32 c;
  U8_NEXT(bytes + pos, i, length, c);
  if (c < 0) return {0xFFFD, 1, CharClass::symbol};
  return {static_cast<char32_t>(c), static_cast<std::uint8_t>(i), classify_non_ascii(static_cast<char32_t>(c))};
}

bool is_ascii_lower(char32_t c) {
  return c >= 'a' && c <= 'z';
}
bool is_ascii_upper(char32_t c) {
  return c >= 'A' && c <= 'Z';
}
char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
}

bool is_apostrophe(char32_t c) {
  return c == '\'' || c == 0x2019;
}
// Written for an apostrophe inside a word ("I´m"), never as a quote.
bool is_inner_apostrophe(char32_t c) {
  return is_apostrophe(c) || c == 0x00B4;
}
bool is_hyphen(char32_t c) {
  return c == '-' || c == 0x2010 || c == 0x2011;
}
// The characters that can join two runs of letters and digits into one word.
bool may_connect(char32_t c) {
  switch (c) {
    case '-':
    case '_':
    case '\'':
    case '.':
    case ',':
    case ':':
    case '/':
    case '&':
    case '@':
    case 0x2010:
    case 0x2011:
    case 0x2019:
    case 0x00B4:
      return true;
    default:
      return false;
  }
}
bool is_sentence_punct(char32_t c) {
  return c == '.' || c == '!' || c == '?';
}
// Characters whose repetition is one token ("--", "***", "…"); see scan_punct for ".!?".
bool repeats_as_one(char32_t c) {
  switch (c) {
    case '-':
    case '*':
    case '=':
    case '_':
    case '~':
    case '^':
    case '+':
    case '#':
    case '/':
    case '\'':
    case '`':
    case 0x2026:
    case 0x2014:
      return true;
    default:
      return false;
  }
}
bool is_closing(char32_t c) {
  return c == ')' || c == ']' || c == '}' || c == '"' || c == '\'' || c == 0x2019 || c == 0x201D || c == 0x00BB;
}

// The sentence splitter's abbreviation list, so both agree on what "Dr." or "No." is.
const SentenceSplitter& abbreviations() {
  static const SentenceSplitter splitter;
  return splitter;
}

// Tokenizes one sentence range.
class Scanner {
 public:
  // Tokens are emitted at `base` plus their offset in `text`.
  Scanner(std::string_view text, std::size_t begin, std::size_t end, std::size_t base, std::vector<Token>& out)
      : text_(text), begin_(begin), end_(end), base_(base), out_(out) {}

  void run() {
    std::size_t pos = begin_;
    while (pos < end_) {
      const Char c = at(pos);
      switch (c.cls) {
        case CharClass::space:
          pos += c.length;
          break;
        case CharClass::letter:
        case CharClass::digit:
          pos = scan_word(pos);
          break;
        case CharClass::emoji:
          pos = scan_emoji(pos);
          break;
        case CharClass::symbol:
          pos = at(pos + c.length).value == 0xFE0F ? scan_emoji(pos) : scan_punct(pos, c);  // "©️"
          break;
        default:
          pos = scan_punct(pos, c);
          break;
      }
    }
  }

 private:
  Char at(std::size_t pos) const {
    if (pos >= end_) return {};
    const auto byte = static_cast<unsigned char>(text_[pos]);
    if (byte < 0x80) return {byte, 1, kAsciiClasses[byte]};
    return decode_slow(text_, pos, end_);
  }
  // The character before `pos` inside the range (a space at the range start).
  Char before(std::size_t pos) const {
    if (pos <= begin_) return {};
    std::size_t start = pos - 1;
    while (start > begin_ && (static_cast<unsigned char>(text_[start]) & 0xC0u) == 0x80u) --start;
    return at(start);
  }
  bool is_alnum_at(std::size_t pos) const {
    const CharClass cls = at(pos).cls;
    return cls == CharClass::letter || cls == CharClass::digit;
  }
  void emit(std::size_t start, std::size_t end, TokenKind kind) { out_.push_back({base_ + start, base_ + end, kind}); }

  // A run of letters and digits from `pos`; sets the counts.
  struct Run {
    std::size_t end = 0;
    std::size_t letters = 0;
    std::size_t digits = 0;
  };
  Run scan_run(std::size_t pos) const {
    Run run;
    for (;;) {
#ifdef __SSE2__
      // The ASCII fast path, 16 bytes at a time: most words end inside the first block.
      while (pos + 16 <= end_) {
        const std::uint32_t digits_mask = ascii::digit_mask(text_.data() + pos);
        const std::uint32_t alnum_mask = digits_mask | ascii::letter_mask(text_.data() + pos);
        const int length = std::countr_one(alnum_mask);
        const std::uint32_t run_digits = digits_mask & ((1u << length) - 1);
        const auto digits = static_cast<std::size_t>(run_digits ? std::popcount(run_digits) : 0);  // words: none
        run.digits += digits;
        run.letters += static_cast<std::size_t>(length) - digits;
        pos += static_cast<std::size_t>(length);
        if (length < 16) break;
      }
#endif
      // The ASCII fast path: one table lookup per byte.
      for (; pos < end_; ++pos) {
        const auto byte = static_cast<unsigned char>(text_[pos]);
        if (byte >= 0x80) break;
        const CharClass cls = kAsciiClasses[byte];
        if (cls == CharClass::letter)
          ++run.letters;
        else if (cls == CharClass::digit)
          ++run.digits;
        else
          break;
      }
      if (pos >= end_ || static_cast<unsigned char>(text_[pos]) < 0x80) break;
      const Char c = decode_slow(text_, pos, end_);
      if (c.cls == CharClass::letter)
        ++run.letters;
      else if (c.cls == CharClass::digit)
        ++run.digits;
      else
        break;
      pos += c.length;
    }
    run.end = pos;
    return run;
  }

  // Digits followed by letters: "3rd", "1990s", "5x" stay one token; a unit or a word
  // glued to a number ("40mins", "81K") is split off, as UD does.
  bool splits_number_suffix(std::size_t letters_start) const {
    std::size_t pos = letters_start;
    std::size_t count = 0;
    std::array<char, 2> first{};
    while (at(pos).cls == CharClass::letter) {
      const Char c = at(pos);
      if (count < 2) first[count] = static_cast<char>(c.value < 0x80 ? ascii_lower(static_cast<char>(c.value)) : 0);
      ++count;
      pos += c.length;
    }
    if (at(pos).cls == CharClass::digit) return false;  // an identifier such as "3C0"
    if (count == 1) return !(first[0] == 's' || is_ascii_lower(at(letters_start).value));
    if (count != 2) return true;
    const std::string_view suffix(first.data(), 2);
    return !(suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th");
  }

  bool starts_with_ascii_ci(std::size_t pos, std::string_view prefix) const {
    if (end_ - pos < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
      if (ascii_lower(text_[pos + i]) != prefix[i]) return false;
    return true;
  }

  // Whether the word starting with the letters [start, run_end) is a URL: "http://",
  // "www.", "mailto:".
  bool starts_url(std::size_t start, std::size_t run_end) const {
    const std::string_view scheme = text_.substr(start, run_end - start);
    const char32_t c = at(run_end).value;
    if (c == '.') return scheme.size() == 3 && starts_with_ascii_ci(start, "www") && is_alnum_at(run_end + 1);
    if (c != ':' || scheme.size() > 10) return false;
    if (starts_with_ascii_ci(run_end, "://")) return is_alnum_at(run_end + 3);
    return scheme.size() == 6 && starts_with_ascii_ci(start, "mailto") && is_alnum_at(run_end + 1);
  }

  // A URL runs to a space or a character that cannot be in one; trailing punctuation and
  // unbalanced closing brackets belong to the sentence.
  std::size_t scan_url(std::size_t start) {
    std::size_t pos = start;
    int parens = 0, brackets = 0;
    while (pos < end_) {
      const Char c = at(pos);
      if (c.cls == CharClass::space || c.value == '<' || c.value == '>' || c.value == '"' || c.value == 0x201C ||
          c.value == 0x201D)
        break;
      if (c.value == '(') ++parens;
      if (c.value == '[') ++brackets;
      if (c.value == ')' && --parens < 0) break;
      if (c.value == ']' && --brackets < 0) break;
      pos += c.length;
    }
    while (pos > start) {
      const char last = text_[pos - 1];
      if (last != '.' && last != ',' && last != ';' && last != ':' && last != '!' && last != '?' && last != '\'') break;
      --pos;
    }
    emit(start, pos, TokenKind::url);
    return pos;
  }

  // "U.S", "p.m", "Ph.D": letter segments of one or two letters, one of them single.
  bool is_initialism(std::size_t start, std::size_t end) const {
    std::size_t segment = 0, segments = 1;
    bool single = false;
    for (std::size_t pos = start; pos < end;) {
      const Char c = at(pos);
      if (c.value == '.') {
        if (segment == 0) return false;
        single |= segment == 1;
        segment = 0;
        ++segments;
      } else if (c.cls == CharClass::letter) {
        if (++segment > 2) return false;
      } else {
        return false;
      }
      pos += c.length;
    }
    single |= segment == 1;
    return segments >= 2 && segment > 0 && single;
  }

  // Whether the period at `dot` ends the word [start, dot) ("U.S.", "Dr.", "E.") rather
  // than the sentence. At the end of a sentence range one period serves both only for
  // initialisms ("in the U.S."); "etc." and "Inc." give it to the sentence, as UD does.
  bool keeps_period(std::size_t start, std::size_t dot) const {
    if (at(dot + 1).value == '.') return false;  // an ellipsis
    std::size_t after = dot + 1;
    while (after < end_ && (at(after).cls == CharClass::space || is_closing(at(after).value)))
      after += at(after).length;
    const bool sentence_end = after >= end_;
    if (is_initialism(start, dot)) return true;
    const Char first = at(start);
    if (first.length == dot - start) return first.cls == CharClass::letter && !sentence_end;
    if (const AbbreviationKind* kind = abbreviations().abbreviation(text_.substr(start, dot - start))) {
      switch (*kind) {
        case AbbreviationKind::title:
          return true;
        case AbbreviationKind::may_end:
        case AbbreviationKind::time:
          return !sentence_end;
        case AbbreviationKind::number:
          return at(after).cls == CharClass::digit;
      }
    }
    const char32_t next = at(dot + 1).value;
    return next == ',' || next == ';';
  }

  std::size_t scan_word(std::size_t start) {
    bool numeric = at(start).cls == CharClass::digit;  // digits and number separators only
    bool email = false;
    std::size_t pos = start;
    Run run;
    for (;;) {
      const std::size_t last_run_start = pos;
      run = scan_run(pos);
      if (pos == start && run.digits == 0 && (at(run.end).value == ':' || at(run.end).value == '.') &&
          starts_url(start, run.end))
        return scan_url(start);
      if (numeric && run.letters) {
        // Find the first letter; split there when the letters are a separate word.
        std::size_t letter = pos;
        while (at(letter).cls == CharClass::digit) letter += at(letter).length;
        if (letter > pos && splits_number_suffix(letter)) {
          emit(start, letter, TokenKind::number);
          return letter;
        }
        numeric = false;
      }
      pos = run.end;
      const Char c = at(pos);
      if (c.cls == CharClass::space || !may_connect(c.value)) break;  // the common case: a word ends
      const std::size_t next = pos + c.length;
      const Char n = at(next);
      const bool next_alnum = n.cls == CharClass::letter || n.cls == CharClass::digit;
      const bool run_is_number = run.letters == 0;
      bool join = false;
      if (is_hyphen(c.value) || c.value == '_') {
        join = next_alnum;
        numeric &= c.value != '_';
      } else if (is_inner_apostrophe(c.value)) {
        join = n.cls == CharClass::letter;
        numeric = false;
      } else if (c.value == '.') {
        if (next_alnum) {
          join = !is_glued_initial(last_run_start, next);
        } else if (const std::size_t at_sign = obscured_email_at(pos)) {
          pos = at_sign;  // "jo...@example.com", as mail archives shorten addresses
          continue;
        } else if (is_hyphen(n.value) && is_alnum_at(next + n.length) && is_initialism(start, pos)) {
          join = true;  // "U.S.-based": the hyphen is skipped below
          numeric = false;
        }
      } else if (c.value == ',') {
        join = numeric && run_is_number && thousands_group_follows(next);
      } else if (c.value == ':') {
        join = numeric && run_is_number && n.cls == CharClass::digit;
      } else if (c.value == '/') {
        join = (numeric && run_is_number && n.cls == CharClass::digit) ||
               (run.digits == 0 && run.letters <= 2 && short_letter_run(next));
      } else if (c.value == '&') {
        join = run.digits == 0 && run.letters <= 2 && short_letter_run(next);
      } else if (c.value == '@') {
        join = next_alnum && !email;
        email |= join;
      }
      if (!join) break;
      pos = next;
      if (c.value == '.' && is_hyphen(at(pos).value)) pos += at(pos).length;
    }
    TokenKind kind = email ? TokenKind::email : numeric ? TokenKind::number : TokenKind::word;
    const Char c = at(pos);
    if (c.value == '.' && !email && !numeric && keeps_period(start, pos)) {
      ++pos;
    } else if (is_apostrophe(c.value) && open_single_quotes_ == 0 && !email && !numeric) {
      // "Sanders'" is a possessive, unless a single quote is open ('... the Sanders').
      const char32_t last = text_[pos - 1];
      if ((last == 's' || last == 'S') && !is_alnum_at(pos + c.length)) pos += c.length;
    }
    emit(start, pos, kind);
    return pos;
  }

  bool thousands_group_follows(std::size_t pos) const {
    for (int i = 0; i < 3; ++i, ++pos)
      if (pos >= end_ || text_[pos] < '0' || text_[pos] > '9') return false;
    return at(pos).cls != CharClass::digit;
  }
  // "J.Aron": an initial glued to the name that follows, not an initialism like "U.S".
  bool is_glued_initial(std::size_t run_start, std::size_t next) const {
    const Char initial = at(run_start);
    if (!is_ascii_upper(initial.value) || run_start + 2 != next) return false;
    const Run name = scan_run(next);
    return name.letters >= 3 && name.digits == 0 && is_ascii_upper(at(next).value) &&
           is_ascii_lower(at(next + 1).value);
  }

  // The '@' after a run of periods that starts at `pos` and leads to a domain, or 0.
  std::size_t obscured_email_at(std::size_t pos) const {
    while (pos < end_ && text_[pos] == '.') ++pos;
    return pos < end_ && text_[pos] == '@' && is_alnum_at(pos + 1) ? pos : 0;
  }
  bool short_letter_run(std::size_t pos) const {
    const Run run = scan_run(pos);
    return run.digits == 0 && run.letters >= 1 && run.letters <= 2;
  }

  // An emoji with its modifiers and zero-width-joined parts; a flag is a pair of
  // regional indicators.
  std::size_t scan_emoji(std::size_t start) {
    const Char first = at(start);
    std::size_t pos = start + first.length;
    if (is_regional_indicator(first.value)) {
      if (is_regional_indicator(at(pos).value)) pos += at(pos).length;
    } else {
      for (;;) {
        const Char c = at(pos);
        if (c.value == 0x200D && at(pos + c.length).cls == CharClass::emoji) {
          pos += c.length + at(pos + c.length).length;
        } else if (pos < end_ && is_emoji_component(c.value)) {
          pos += c.length;
        } else {
          break;
        }
      }
    }
    emit(start, pos, TokenKind::emoji);
    return pos;
  }

  // ASCII emoticons: ":)", ":-(", ";D", "(:", "^^" ...; not followed by a letter or digit.
  std::size_t emoticon_length(std::size_t pos) const {
    static constexpr std::string_view kEyes = ":;=";
    static constexpr std::string_view kMouths = ")(DPpO/\\|]*3$";
    const auto ch = [&](std::size_t i) { return pos + i < end_ ? text_[pos + i] : '\0'; };
    std::size_t length = 0;
    if (kEyes.find(ch(0)) != std::string_view::npos) {
      const std::size_t mouth = (ch(1) == '-' || ch(1) == '\'' || ch(1) == 'o') ? 2 : 1;
      if (ch(mouth) != '\0' && kMouths.find(ch(mouth)) != std::string_view::npos) length = mouth + 1;
      if (length && (ch(mouth) == '/' || ch(mouth) == '\\') && ch(mouth + 1) == '/') length = 0;  // "://"
    } else if ((ch(0) == '(' || ch(0) == ')') && (ch(1) == ':' || ch(1) == ';') && !is_alnum_at(pos + 2) &&
               before(pos).cls == CharClass::space) {
      length = 2;
    } else if (ch(0) == '<' && ch(1) == '3') {
      length = 2;
    }
    if (length && is_alnum_at(pos + length)) return 0;
    if (length == 1) return 0;
    return length;
  }

  std::size_t scan_punct(std::size_t start, Char c) {
    if (c.value < 0x80) {
      if (const std::size_t length = emoticon_length(start)) {
        emit(start, start + length, TokenKind::emoji);
        return start + length;
      }
      const bool after_word = [&] {
        const CharClass previous = before(start).cls;
        return previous == CharClass::letter || previous == CharClass::digit;
      }();
      const Char next = at(start + 1);
      if (c.value == '#' && next.cls == CharClass::letter && !after_word) return scan_tag(start, TokenKind::hashtag);
      if (c.value == '@' && (next.cls == CharClass::letter || next.cls == CharClass::digit || next.value == '_') &&
          !after_word)
        return scan_tag(start, TokenKind::mention);
    }
    if (is_apostrophe(c.value) || c.value == 0x2018) {
      if (const std::size_t year = year_abbreviation_end(start, start + c.length)) {
        emit(start, year, TokenKind::number);
        return year;
      }
      const CharClass previous = before(start).cls;
      if (previous != CharClass::letter && previous != CharClass::digit && is_alnum_at(start + c.length))
        ++open_single_quotes_;
      else if (open_single_quotes_ > 0)
        --open_single_quotes_;
    }
    std::size_t pos = start + c.length;
    if (c.value == '.' && at(pos).value == '.') {
      while (at(pos).value == '.') ++pos;  // an ellipsis stands alone: "...", "..?" is "..." + "?"
    } else if (is_sentence_punct(c.value)) {
      while (is_sentence_punct(at(pos).value) && !(at(pos).value == '.' && at(pos + 1).value == '.'))
        ++pos;  // "?!", ".?"
    } else if (repeats_as_one(c.value)) {
      while (at(pos).value == c.value) pos += c.length;
    }
    emit(start, pos, c.cls == CharClass::symbol ? TokenKind::symbol : TokenKind::punct);
    return pos;
  }

  // "'90s", "'73": an apostrophe standing for a century. Returns the end, or 0.
  std::size_t year_abbreviation_end(std::size_t apostrophe, std::size_t pos) const {
    const CharClass previous = before(apostrophe).cls;
    if (previous == CharClass::letter || previous == CharClass::digit) return 0;
    if (at(pos).cls != CharClass::digit || at(pos + 1).cls != CharClass::digit) return 0;
    std::size_t end = pos + 2;
    if (at(end).value == 's') ++end;
    return is_alnum_at(end) ? 0 : end;
  }

  std::size_t scan_tag(std::size_t start, TokenKind kind) {
    std::size_t pos = start + 1;
    for (Char c = at(pos); c.cls == CharClass::letter || c.cls == CharClass::digit || c.value == '_'; c = at(pos))
      pos += c.length;
    emit(start, pos, kind);
    return pos;
  }

  std::string_view text_;
  std::size_t begin_;
  std::size_t end_;
  std::size_t base_;
  std::vector<Token>& out_;
  int open_single_quotes_ = 0;
};

}  // namespace

Tokenizer::Tokenizer() {
  abbreviations();
}

void Tokenizer::tokenize(std::string_view text, std::size_t begin, std::size_t end, std::vector<Token>& out) const {
  end = std::min(end, text.size());
  if (begin >= end) return;
  // The scanner reads only the range, so only the range needs to be valid UTF-8; a repaired
  // copy (same length) reads as kInvalidByte symbols wherever the caller's bytes are invalid.
  std::string scratch;
  const std::string_view range = valid_utf8_view(text.substr(begin, end - begin), scratch);
  Scanner(range, 0, range.size(), begin, out).run();
}

namespace {

const icu::Normalizer2& nfkc_casefold() {
  static const icu::Normalizer2* normalizer = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* instance = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU NFKC_Casefold data unavailable");
    return instance;
  }();
  return *normalizer;
}

// Curly and typographic quotes as ASCII, so "don’t" and "don't" normalize alike.
char folded_quote(char32_t c) {
  switch (c) {
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032:
    case 0x00B4:
    case 0x02BC:
      return '\'';
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x2033:
      return '"';
    default:
      return 0;
  }
}

}  // namespace

void normalize_token(std::string_view token, std::string& out) {
  // ASCII fast path: NFKC_Casefold of ASCII is plain lower-casing.
  const std::size_t old_size = out.size();
  out.append(token);
  unsigned char seen = 0;
  for (auto it = out.begin() + static_cast<std::ptrdiff_t>(old_size); it != out.end(); ++it) {
    const auto c = static_cast<unsigned char>(*it);
    seen |= c;
    *it = static_cast<char>(c + ((static_cast<unsigned>(c - 'A') < 26u) << 5));
  }
  if (seen < 0x80) return;
  out.resize(old_size);
  thread_local std::string folded;
  folded.clear();
  for (std::size_t pos = 0; pos < token.size();) {
    const std::size_t start = pos;
    const Char c = decode_slow(token, pos, token.size());
    pos += c.length;
    if (const char quote = folded_quote(c.value))
      folded.push_back(quote);
    else if (c.value == 0xFFFD && c.length == 1)
      folded.push_back(kInvalidByte);  // a malformed byte
    else
      folded.append(token.substr(start, pos - start));
  }
  icu::StringByteSink<std::string> sink(&out);
  UErrorCode status = U_ZERO_ERROR;
  nfkc_casefold().normalizeUTF8(0, folded, sink, nullptr, status);
  if (U_FAILURE(status)) out.append(folded);
}

std::string normalize_token(std::string_view token) {
  std::string out;
  normalize_token(token, out);
  return out;
}

}  // namespace tmk
