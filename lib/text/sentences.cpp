// Sentence splitter: one pass over the bytes, stopping only at candidate boundaries
// (. ! ? … line breaks, bullets); each candidate is decided by looking at the word before
// it and the word after it.
#include "tmk/text/sentences.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>

#include "core/resources.hpp"
#include "text/heading.hpp"
#include "text/word_lists.hpp"
#include "tmk/core/utf8.hpp"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace tmk {
namespace {

constexpr std::size_t npos = std::string_view::npos;
// A heading, byline or dateline line is at most this long (bytes, trimmed; and words).
constexpr std::size_t kMaxHeadingBytes = 150;
constexpr std::size_t kMaxHeadingWords = 25;
// How far ahead the next item of an inline numbered list ("1) ... 2) ...") is looked for.
constexpr std::size_t kListItemWindow = 1000;
constexpr std::size_t kMaxAbbreviationBytes = 32;
constexpr std::size_t kMaxGluedTokenBytes = 64;
constexpr std::size_t kMaxTokenBytes = 256;

// The bytes where a boundary may be: 0xE2 is the first byte of … and of the bullets • ‣ ⁃ ◦ ▪ ●.
constexpr unsigned char kCandidateBytes[] = {'.', '!', '?', '\n', 0xE2};

constexpr std::array<bool, 256> make_candidate_table() {
  std::array<bool, 256> table{};
  for (const unsigned char c : kCandidateBytes) table[c] = true;
  return table;
}
constexpr std::array<bool, 256> kCandidate = make_candidate_table();

#ifdef __SSE2__
// Bit i set when byte i of the 16 at `p` is a candidate byte: the scan for candidates runs over
// every byte of the text, so it skips runs of sixteen ordinary bytes at a time.
std::uint32_t candidate_mask(const char* p) {
  const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  __m128i found = _mm_setzero_si128();
  for (const unsigned char c : kCandidateBytes)
    found = _mm_or_si128(found, _mm_cmpeq_epi8(bytes, _mm_set1_epi8(static_cast<char>(c))));
  return static_cast<std::uint32_t>(_mm_movemask_epi8(found));
}
#endif

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
// Byte length of the white space at `pos`: ASCII white space or a no-break space (U+00A0,
// common in web text after a period), else 0.
std::size_t space_length(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return 0;
  if (is_space(text[pos])) return 1;
  return text[pos] == '\xC2' && pos + 1 < text.size() && text[pos + 1] == '\xA0' ? 2 : 0;
}

// Byte length of the white space that ends just before `end`, else 0.
std::size_t space_length_before(std::string_view text, std::size_t end) {
  if (end == 0) return 0;
  if (is_space(text[end - 1])) return 1;
  return end >= 2 && text[end - 1] == '\xA0' && text[end - 2] == '\xC2' ? 2 : 0;
}

bool is_ascii_lower(char c) {
  return c >= 'a' && c <= 'z';
}
bool is_ascii_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_ascii_letter(char c) {
  return is_ascii_lower(c) || is_ascii_upper(c);
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool has_at(std::string_view text, std::size_t pos, std::string_view what) {
  // The first byte alone first: the splitter asks this at nearly every position of the text.
  return text.size() >= pos + what.size() && (what.empty() || text[pos] == what[0]) &&
         text.compare(pos, what.size(), what) == 0;
}

bool is_ellipsis_char(std::string_view text, std::size_t pos) {
  return has_at(text, pos, "\u2026");
}

// Byte length of the closing quote or bracket at `pos`, or 0.
std::size_t closer_length(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return 0;
  switch (text[pos]) {
    case '"':
    case '\'':
    case ')':
    case ']':
    case '}':
      return 1;
    default:
      break;
  }
  for (const std::string_view closer : {"\u201D", "\u2019", "\u00BB", "\u203A"})
    if (has_at(text, pos, closer)) return closer.size();
  return 0;
}

// Byte length of the opening quote or bracket (or ¡ ¿) at `pos`, or 0.
std::size_t opener_length(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return 0;
  switch (text[pos]) {
    case '"':
    case '\'':
    case '(':
    case '[':
    case '{':
      return 1;
    default:
      break;
  }
  for (const std::string_view opener : {"\u201C", "\u2018", "\u00AB", "\u2039", "\u00A1", "\u00BF"})
    if (has_at(text, pos, opener)) return opener.size();
  return 0;
}

// Byte length of the bullet character at `pos`, or 0. These never occur inside a sentence.
std::size_t bullet_length(std::string_view text, std::size_t pos) {
  for (const std::string_view bullet : {"\u2022", "\u2023", "\u2043", "\u25E6", "\u25AA", "\u25CF"})
    if (has_at(text, pos, bullet)) return bullet.size();
  return 0;
}

// Byte length of a citation mark such as "[12]" or "[citation needed]" at `pos`, or 0.
// After a sentence's final punctuation it belongs to that sentence.
std::size_t citation_length(std::string_view text, std::size_t pos) {
  constexpr std::size_t kMaxCitationBytes = 40;
  if (pos + 2 >= text.size() || text[pos] != '[' || !(is_digit(text[pos + 1]) || is_ascii_lower(text[pos + 1])))
    return 0;
  for (std::size_t k = pos + 2; k < text.size() && k - pos < kMaxCitationBytes; ++k) {
    if (text[k] == ']') return k + 1 - pos;
    if (text[k] == '\n' || text[k] == '[') return 0;
  }
  return 0;
}

enum class Letter { none, lower, upper, digit, other };

// The kind of the character at `pos`, decoding UTF-8 defensively (invalid bytes are other).
Letter letter_at(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return Letter::none;
  const auto b0 = static_cast<unsigned char>(text[pos]);
  if (b0 < 0x80) {
    if (is_ascii_lower(text[pos])) return Letter::lower;
    if (is_ascii_upper(text[pos])) return Letter::upper;
    if (is_digit(text[pos])) return Letter::digit;
    return Letter::other;
  }
  const std::size_t length = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 0;
  if (length == 0 || pos + length > text.size()) return Letter::other;
  UChar32 cp = b0 & (0xFF >> (length + 1));
  for (std::size_t k = 1; k < length; ++k) {
    const auto b = static_cast<unsigned char>(text[pos + k]);
    if ((b & 0xC0) != 0x80) return Letter::other;
    cp = (cp << 6) | (b & 0x3F);
  }
  if (u_isULowercase(cp)) return Letter::lower;
  if (u_isUUppercase(cp) || u_istitle(cp)) return Letter::upper;
  if (u_isdigit(cp)) return Letter::digit;
  return Letter::other;
}

// A list item marker at `pos`: 1-3 digits or one letter, then "." ")" or ".)", then a space.
// Returns the marker's length without the space (0 if none); `label` gets its digits/letter.
std::size_t list_marker_length(std::string_view text, std::size_t pos, std::string_view* label = nullptr) {
  std::size_t end = pos;
  while (end < text.size() && end - pos < 4 && is_digit(text[end])) ++end;
  if (end == pos && end < text.size() && is_ascii_letter(text[end])) ++end;
  if (end == pos || end - pos > 3 || (end < text.size() && is_digit(text[end]))) return 0;
  const std::size_t label_end = end;
  if (has_at(text, end, ".)"))
    end += 2;
  else if (end < text.size() && (text[end] == '.' || text[end] == ')'))
    end += 1;
  else
    return 0;
  if (end >= text.size() || (text[end] != ' ' && text[end] != '\t')) return 0;
  if (label) *label = text.substr(pos, label_end - pos);
  return end - pos;
}

// Whether a list item begins at `pos` (a bullet, "- " or "* ", or a list marker).
bool starts_list_item(std::string_view text, std::size_t pos) {
  if (bullet_length(text, pos) != 0) return true;
  if (pos + 1 < text.size() && (text[pos] == '-' || text[pos] == '*') && text[pos + 1] == ' ') return true;
  return list_marker_length(text, pos) != 0;
}

// Splits one text; the state of a single split() call.
class Scanner {
 public:
  Scanner(const SentenceSplitter& splitter, std::string_view text, std::vector<Span>& out)
      : splitter_(splitter), text_(text), out_(out) {}

  void run() {
    break_at(0);
    const std::size_t n = text_.size();
    std::size_t i = 0;
    while (i < n) {
      const std::size_t limit = std::min(n, forced_break_);
#ifdef __SSE2__
      for (; i + 16 <= limit; i += 16) {
        if (const std::uint32_t mask = candidate_mask(text_.data() + i)) {
          i += static_cast<std::size_t>(std::countr_zero(mask));
          break;
        }
      }
#endif
      while (i < limit && !kCandidate[static_cast<unsigned char>(text_[i])]) ++i;
      if (i >= n) break;
      if (i >= forced_break_) {
        const std::size_t at = forced_break_;
        forced_break_ = npos;
        if (i == at) break_at(at);
        continue;
      }
      switch (text_[i]) {
        case '.':
        case '!':
        case '?':
          i = on_terminal(i);
          break;
        case '\n':
          i = on_line_break(i);
          break;
        default:
          i = on_e2_byte(i);
          break;
      }
    }
    emit(n);
  }

 private:
  // Ends the current sentence at `pos` (if it holds anything) and starts the next there.
  void break_at(std::size_t pos) {
    emit(pos);
    sentence_start_ = pos;
    plan_list_break();
  }

  void emit(std::size_t end) {
    std::size_t start = sentence_start_;
    while (start < end) {
      const std::size_t length = space_length(text_, start);
      if (length == 0) break;
      start += length;
    }
    while (end > start) {
      const std::size_t length = space_length_before(text_, end);
      if (length == 0) break;
      end -= length;
    }
    if (end > start) out_.push_back({start, end});
  }

  std::size_t skip_spaces(std::size_t pos) const {
    while (const std::size_t length = space_length(text_, pos)) pos += length;
    return pos;
  }

  // Where the current sentence's content begins, after spaces and bullets. Remembered:
  // a break inside the skipped stretch does not move it, so the scans stay linear.
  std::size_t content_start() {
    if (content_start_ != npos && content_start_ >= sentence_start_) return content_start_;
    std::size_t pos = sentence_start_;
    for (;;) {
      pos = skip_spaces(pos);
      const std::size_t bullet = bullet_length(text_, pos);
      if (bullet == 0) break;
      pos += bullet;
    }
    content_start_ = pos;
    return pos;
  }

  // A sentence that opens with a list marker ("1)", "a.") continues only up to the next
  // marker of the same list on its line ("2)", "b."), which starts a new sentence.
  void plan_list_break() {
    forced_break_ = npos;
    const std::size_t start = content_start();
    std::string_view label;
    const std::size_t length = list_marker_length(text_, start, &label);
    if (length == 0) return;
    std::string needle = " ";
    if (is_digit(label[0])) {
      needle += std::to_string(std::stoi(std::string(label)) + 1);
    } else {
      if (label[0] == 'z' || label[0] == 'Z') return;
      needle += static_cast<char>(label[0] + 1);
    }
    needle += text_.substr(start + label.size(), length - label.size());
    needle += ' ';
    std::size_t window_end = std::min(text_.size(), start + kListItemWindow);
    const void* newline = std::memchr(text_.data() + start, '\n', window_end - start);
    if (newline) window_end = static_cast<std::size_t>(static_cast<const char*>(newline) - text_.data());
    const std::size_t found = text_.substr(0, window_end).find(needle, start + length);
    if (found == npos || letter_at(text_, found + needle.size()) == Letter::lower) return;
    forced_break_ = found + 1;
  }

  // The non-space token that ends at `end`, not reaching back before the sentence start
  // nor further than kMaxTokenBytes (no word is that long; it keeps the scans linear).
  std::size_t token_start(std::size_t end) const {
    const std::size_t floor = std::max(sentence_start_, end > kMaxTokenBytes ? end - kMaxTokenBytes : 0);
    std::size_t start = end;
    while (start > floor && space_length_before(text_, start) == 0) --start;
    return start;
  }

  std::size_t skip_openers(std::size_t pos, std::size_t end) const {
    while (pos < end) {
      const std::size_t length = opener_length(text_, pos);
      if (length == 0) break;
      pos += length;
    }
    return pos;
  }

  // The ASCII letters of the word at `pos` ("It" of "It's").
  std::string_view ascii_word(std::size_t pos) const {
    std::size_t end = pos;
    while (end < text_.size() && is_ascii_letter(text_[end])) ++end;
    return text_.substr(pos, end - pos);
  }

  struct NextWord {
    Letter letter = Letter::none;  // first character after any opening quote or bracket
    std::size_t pos = 0;           // where that character is
    bool after_newline = false;
    bool continues_clause = false;  // the next character is , ; or :
  };

  NextWord next_word(std::size_t from) const {
    NextWord next;
    std::size_t pos = from;
    while (const std::size_t length = space_length(text_, pos)) {
      if (text_[pos] == '\n') next.after_newline = true;
      pos += length;
    }
    if (pos < text_.size()) {
      const char c = text_[pos];
      next.continues_clause = c == ',' || c == ';' || c == ':';
    }
    pos = skip_openers(pos, text_.size());
    next.pos = pos;
    next.letter = letter_at(text_, pos);
    return next;
  }

  // A capitalized sentence starter ("The", "He", "I"), but not an initial ("I. M. Pei").
  bool starts_sentence_typically(const NextWord& next) const {
    if (next.letter != Letter::upper) return false;
    const std::string_view word = ascii_word(next.pos);
    if (word.size() == 1 && next.pos + 1 < text_.size() && text_[next.pos + 1] == '.') return false;
    return splitter_.is_sentence_starter(word);
  }

  // At . ! ? or …: reads the whole run of terminal punctuation and closing quotes, decides,
  // and returns where scanning goes on.
  std::size_t on_terminal(std::size_t i) {
    const std::size_t n = text_.size();
    if (text_[i] == '.' && i + 1 < n && space_length(text_, i + 1) == 0 && closer_length(text_, i + 1) == 0 &&
        text_[i + 1] != '.' && text_[i + 1] != '!' && text_[i + 1] != '?' && !is_ellipsis_char(text_, i + 1) &&
        citation_length(text_, i + 1) == 0) {
      if (is_glued_sentence_end(i)) break_at(i + 1);
      return i + 1;
    }
    std::size_t dots = 0;
    bool exclamation_or_question = false;
    bool spaced = false;  // ". . ." rather than "..."
    std::size_t j = i;
    while (j < n) {
      const char c = text_[j];
      if (c == '.') {
        ++dots;
        ++j;
      } else if (c == '!' || c == '?') {
        exclamation_or_question = true;
        ++j;
      } else if (is_ellipsis_char(text_, j)) {
        dots += 3;
        j += 3;
      } else if (c == ' ' && dots > 0 && j + 1 < n && text_[j + 1] == '.' &&
                 (j + 2 == n || text_[j + 2] == ' ' || text_[j + 2] == '.' || closer_length(text_, j + 2) != 0)) {
        spaced = true;
        ++j;
      } else {
        break;
      }
    }
    for (;;) {
      if (const std::size_t length = closer_length(text_, j)) {
        j += length;
      } else if (const std::size_t length = citation_length(text_, j)) {
        j += length;
      } else {
        break;
      }
    }
    const std::size_t after = j;
    if (after < n && space_length(text_, after) == 0) return after;  // "Jr.'s", "...see"
    const NextWord next = next_word(after);
    if (next.letter == Letter::none) return after;  // the text ends here

    const bool attached = space_length_before(text_, i) == 0 && i > 0;
    bool boundary = false;
    if (exclamation_or_question) {
      boundary = next.after_newline || (next.letter != Letter::lower && !next.continues_clause);
    } else if (dots >= 3) {
      const char before = i > 0 ? text_[i - 1] : ' ';
      if (before == '[' || before == '(') {
        boundary = false;  // "[...]" marks an omission inside a quotation
      } else if (dots >= 4 && attached && spaced) {
        // "word. . . . Next": the period ends the sentence; ". . ." opens the next one.
        // The first mark is a period or a one-character ellipsis (three bytes): break after it,
        // never inside it.
        if (next.letter == Letter::upper || next.letter == Letter::digit)
          break_at(i + (is_ellipsis_char(text_, i) ? 3 : 1));
        return after;
      } else if (dots == 3 && spaced) {
        boundary = next.after_newline && next.letter == Letter::upper;  // ". . ." elides words
      } else {
        boundary = next.letter == Letter::upper || (dots >= 4 && next.letter != Letter::lower);
      }
    } else {
      boundary = period_ends_sentence(i, next);
    }
    if (boundary) break_at(after);
    return after;
  }

  // A single period at `i` followed by whitespace: is it the end of a sentence?
  bool period_ends_sentence(std::size_t i, const NextWord& next) {
    if (next.continues_clause) return false;
    std::size_t start = skip_openers(token_start(i), i);
    while (const std::size_t bullet = bullet_length(text_, start)) start += bullet;
    std::string_view word = text_.substr(start, i - start);
    if (const auto hyphen = word.rfind('-'); hyphen != npos && hyphen + 1 < word.size()) word.remove_prefix(hyphen + 1);

    if (!word.empty() && content_start() == start && list_marker_length(text_, start) != 0)
      return false;  // "1. The first item"
    const std::optional<AbbreviationKind> kind = abbreviation_kind(word);
    const bool single_capital = word.size() == 1 && is_ascii_upper(word[0]);
    const bool plain = !kind && !single_capital;
    if (next.letter == Letter::lower) return next.after_newline && plain;
    if (plain) return true;
    if (single_capital) {
      // An initial ("Jonas E. Smith") unless a typical sentence opener follows ("you and I.
      // Did you...", "King Henry V. He...").
      return next.after_newline || starts_sentence_typically(next);
    }
    switch (*kind) {
      case AbbreviationKind::title:
        return false;
      case AbbreviationKind::number:
        return next.letter != Letter::digit;
      case AbbreviationKind::time:
        return next.letter == Letter::upper && !splitter_.continues_time(ascii_word(next.pos));
      case AbbreviationKind::may_end:
        return starts_sentence_typically(next) || (next.after_newline && next.letter == Letter::upper);
    }
    return true;
  }

  // How the period after `word` behaves; nothing for a plain word.
  std::optional<AbbreviationKind> abbreviation_kind(std::string_view word) const {
    if (const AbbreviationKind* kind = splitter_.abbreviation(word)) return *kind;
    if (splitter_.precedes_amount(word)) return AbbreviationKind::number;  // "Rs. 450"
    if (looks_like_acronym(word)) return AbbreviationKind::may_end;
    return std::nullopt;
  }

  // "U.S", "Ph.D", "e.g": letters in parts of one or two, joined by periods.
  static bool looks_like_acronym(std::string_view word) {
    if (word.find('.') == npos) return false;
    std::size_t part = 0;
    for (const char c : word) {
      if (c == '.') {
        if (part == 0) return false;
        part = 0;
      } else if (is_ascii_letter(c) && part < 2) {
        ++part;
      } else {
        return false;
      }
    }
    return part > 0;
  }

  // "world.Today": a period with no space after it, between a lower-case word and a
  // capitalized one, outside of URLs, e-mail addresses and abbreviations.
  bool is_glued_sentence_end(std::size_t i) const {
    const std::size_t n = text_.size();
    if (i < 2 || i + 2 >= n) return false;
    if (!is_ascii_upper(text_[i + 1]) || !is_ascii_lower(text_[i + 2])) return false;
    const char before = text_[i - 1];
    if (!(is_ascii_lower(before) || is_digit(before)) || !(is_ascii_letter(text_[i - 2]) || is_digit(text_[i - 2])))
      return false;
    // Only word-sized tokens; a longer one is no sentence end (and stays linear to check).
    const std::size_t start = token_start(i);
    if (i - start > kMaxGluedTokenBytes) return false;
    std::size_t end = i + 1;
    while (end < n && !is_space(text_[end]) && end - start <= kMaxGluedTokenBytes) ++end;
    if (end - start > kMaxGluedTokenBytes) return false;
    for (std::size_t k = start; k < end; ++k) {
      const char c = text_[k];
      if (c == '@' || c == '/' || c == ':') return false;
      if (c == '.' && k != i && k + 1 < end && (is_ascii_letter(text_[k + 1]) || is_digit(text_[k + 1])))
        return false;  // a domain name or another abbreviation
    }
    const std::string_view word = text_.substr(start, i - start);
    return splitter_.abbreviation(word) == nullptr;
  }

  // At a line break: a blank line ends the sentence; so does a list item on the next line,
  // and a heading-like line (short, no final punctuation, not ending mid-phrase).
  std::size_t on_line_break(std::size_t i) {
    const std::size_t n = text_.size();
    std::size_t next = i + 1;
    while (next < n && is_space(text_[next]) && text_[next] != '\n') ++next;
    if (next >= n || text_[next] == '\n') {
      break_at(i);
      return next;
    }
    const void* previous_newline = i == 0 ? nullptr : memrchr(text_.data(), '\n', i);
    const std::size_t line_start =
        previous_newline ? static_cast<std::size_t>(static_cast<const char*>(previous_newline) - text_.data()) + 1 : 0;
    std::size_t line_end = i;
    while (line_end > line_start && is_space(text_[line_end - 1])) --line_end;
    if (line_end == line_start) return i + 1;
    if (starts_list_item(text_, next)) {
      break_at(i);
      return i + 1;
    }
    if (ends_with_terminal(line_start, line_end)) return i + 1;  // decided at the punctuation
    if (content_start() < line_start) return i + 1;              // the line continues a sentence
    if (is_heading(text_, {line_start, line_end}, splitter_) &&
        (letter_at(text_, next) != Letter::lower || !paragraph_has_terminal(next)))
      break_at(i);
    return i + 1;
  }

  bool ends_with_terminal(std::size_t line_start, std::size_t line_end) const {
    std::size_t end = line_end;
    while (end > line_start) {
      std::size_t length = 0;
      for (std::size_t k = 1; k <= 3 && k <= end - line_start; ++k)
        if (closer_length(text_, end - k) == k) length = k;
      if (length == 0) break;
      end -= length;
    }
    if (end == line_start) return false;
    const char last = text_[end - 1];
    return last == '.' || last == '!' || last == '?' || (end - line_start >= 3 && is_ellipsis_char(text_, end - 3));
  }

  // Whether . ! ? or … occurs between `pos` and the end of its paragraph. Remembers its
  // last answer so that the scans, taken together, stay linear.
  bool paragraph_has_terminal(std::size_t pos) {
    if (pos < scan_stop_) return scan_found_;
    const std::size_t n = text_.size();
    std::size_t k = pos;
    scan_found_ = false;
    for (; k < n; ++k) {
      const char c = text_[k];
      if (c == '.' || c == '!' || c == '?' || is_ellipsis_char(text_, k)) {
        scan_found_ = true;
        break;
      }
      if (c == '\n') {
        std::size_t m = k + 1;
        while (m < n && is_space(text_[m]) && text_[m] != '\n') ++m;
        if (m >= n || text_[m] == '\n') break;
      }
    }
    scan_stop_ = k;
    return scan_found_;
  }

  std::size_t on_e2_byte(std::size_t i) {
    if (is_ellipsis_char(text_, i)) return on_terminal(i);
    if (const std::size_t length = bullet_length(text_, i)) {
      if (i == 0 || is_space(text_[i - 1])) break_at(i);
      return i + length;
    }
    return i + 1;
  }

  const SentenceSplitter& splitter_;
  std::string_view text_;
  std::vector<Span>& out_;
  std::size_t sentence_start_ = 0;
  std::size_t forced_break_ = npos;
  std::size_t content_start_ = npos;
  std::size_t scan_stop_ = 0;
  bool scan_found_ = false;
};

}  // namespace

bool is_heading(std::string_view text, Span line, const SentenceSplitter& splitter) {
  if (line.end <= line.start || line.end - line.start > kMaxHeadingBytes) return false;
  if (static_cast<std::size_t>(std::count(text.begin() + line.start, text.begin() + line.end, ' ')) >= kMaxHeadingWords)
    return false;
  std::size_t end = line.end;  // before any closing quotes and brackets
  while (end > line.start) {
    std::size_t length = 0;
    for (std::size_t k = 1; k <= 3 && k <= end - line.start; ++k)
      if (closer_length(text, end - k) == k) length = k;
    if (length == 0) break;
    end -= length;
  }
  if (end == line.start) return true;
  if (std::string_view(".!?,;:-/&(").find(text[end - 1]) != npos) return false;
  if (end - line.start >= 3 &&
      (is_ellipsis_char(text, end - 3) || has_at(text, end - 3, "\u2013") || has_at(text, end - 3, "\u2014")))
    return false;
  std::size_t word_start = end;
  while (word_start > line.start && is_ascii_letter(text[word_start - 1])) --word_start;
  if (word_start == end || (word_start > line.start && !is_space(text[word_start - 1]))) return true;
  std::string lower(text.substr(word_start, end - word_start));
  for (char& c : lower) c = static_cast<char>(c | 0x20);
  return !splitter.is_connector(lower);
}

SentenceSplitter::SentenceSplitter() : SentenceSplitter("en") {}

SentenceSplitter::SentenceSplitter(std::string_view language) {
  const std::string lang(language);
  auto filter = std::make_shared<words::WordFilter>();
  for (const words::Abbreviation& entry : words::abbreviations(lang)) {
    abbreviations_.emplace(std::string(entry.word), entry.kind);
    filter->add(entry.word);
  }
  for_each_resource_line("sentences/" + lang + "-starters.txt",
                         [&](std::string_view line) { starters_.emplace(line); });
  for_each_resource_line("sentences/" + lang + "-connectors.txt",
                         [&](std::string_view line) { connectors_.emplace(line); });
  for_each_resource_line("sentences/" + lang + "-time-words.txt",
                         [&](std::string_view line) { time_words_.emplace(line); });
  for_each_resource_line("sentences/" + lang + "-before-amount.txt", [&](std::string_view line) {
    amount_abbreviations_.emplace(line);
    filter->add(line);
  });
  abbreviation_filter_ = std::move(filter);
  if (lang == "en") {  // the shared day and month lists are English
    for (const auto* names : {&words::weekdays(), &words::months()})
      for (const words::CalendarName& name : *names) {
        time_words_.emplace(words::capitalized(name.name));
        for (const std::string_view short_form : name.short_forms) time_words_.emplace(words::capitalized(short_form));
      }
  }
}

const AbbreviationKind* SentenceSplitter::abbreviation(std::string_view word) const {
  // The filter folds ASCII case as the lower-cased retry below does.
  if (word.size() > kMaxAbbreviationBytes || !abbreviation_filter_->may_contain(word)) return nullptr;
  if (const auto found = abbreviations_.find(word); found != abbreviations_.end()) return &found->second;
  // Entries written in lower case match any case.
  std::array<char, kMaxAbbreviationBytes> lower{};
  bool changed = false;
  for (std::size_t k = 0; k < word.size(); ++k) {
    lower[k] = is_ascii_upper(word[k]) ? static_cast<char>(word[k] | 0x20) : word[k];
    changed |= lower[k] != word[k];
  }
  if (!changed) return nullptr;
  const auto found = abbreviations_.find(std::string_view(lower.data(), word.size()));
  return found == abbreviations_.end() ? nullptr : &found->second;
}

bool SentenceSplitter::is_sentence_starter(std::string_view word) const {
  return starters_.find(word) != starters_.end();
}

bool SentenceSplitter::is_connector(std::string_view word) const {
  return connectors_.find(word) != connectors_.end();
}

bool SentenceSplitter::precedes_amount(std::string_view word) const {
  return abbreviation_filter_->may_contain(word) && amount_abbreviations_.find(word) != amount_abbreviations_.end();
}

bool SentenceSplitter::continues_time(std::string_view word) const {
  return time_words_.find(word) != time_words_.end();
}

void SentenceSplitter::split(std::string_view text, std::vector<Span>& out) const {
  std::string scratch;  // the same sentences for raw bytes as for their repair (analyze reads that)
  Scanner(*this, valid_utf8_view(text, scratch), out).run();
}

}  // namespace tmk
