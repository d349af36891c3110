#include <unicode/uchar.h>

#include <algorithm>
#include <array>

#include "core/resources.hpp"
#include "quotes/quotes_internal.hpp"
#include "text/word_lists.hpp"
#include "tmk/core/utf8.hpp"

namespace tmk {

namespace {

std::uint32_t class_named(std::string_view name) {
  if (name == "pronoun") return kPronoun;
  if (name == "determiner") return kDeterminer;
  if (name == "stop") return kStop;
  if (name == "between") return kBetween;
  if (name == "organization") return kOrganization;
  if (name == "participle") return kParticiple;
  if (name == "report") return kReport;
  if (name == "document") return kDocument;
  if (name == "role") return kRole;
  if (name == "stance") return kStance;
  if (name == "past") return kPastTense;
  if (name == "work") return kWork;
  return 0;
}

// next_code_point for any position of valid UTF-8: the quote reader also looks at positions
// inside a character (one byte back from a mark, or byte by byte over a paragraph). A
// continuation byte there is read as one U+FFFD, not as a lead byte whose sequence could run
// past the end of the text.
char32_t decode(std::string_view text, std::size_t& pos) {
  if ((static_cast<unsigned char>(text[pos]) & 0xC0u) == 0x80u) {
    ++pos;
    return U'\uFFFD';
  }
  return next_code_point(text, pos);
}

char32_t code_point_at(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return 0;
  return decode(text, pos);
}

// The punctuation class of the character at `pos` (0 for letters, digits and spaces), and
// its length in bytes.
char punct_at(std::string_view text, std::size_t pos, std::size_t& length) {
  std::size_t next = pos;
  const char32_t cp = decode(text, next);
  length = next - pos;
  switch (cp) {
    case ',':
      return ',';
    case '.':
    case U'\u2026':
      return '.';
    case ':':
      return ':';
    case ';':
      return ';';
    case '!':
      return '!';
    case '?':
      return '?';
    case '(':
    case '[':
    case '{':
      return '(';
    case ')':
    case ']':
    case '}':
      return ')';
    case '"':
    case '\'':
    case U'\u201C':
    case U'\u201D':
    case U'\u201E':
    case U'\u2018':
    case U'\u2019':
    case U'\u00AB':
    case U'\u00BB':
      return '"';
    case '-':
    case U'\u2013':
    case U'\u2014':
      return '-';
    default:
      return '*';
  }
}

// A table, not three comparisons: may_hold_statement and scan_pieces ask it for nearly every
// byte of the text.
constexpr auto kAsciiAlnum = [] {
  std::array<bool, 256> table{};
  for (int b = 0; b < 256; ++b) table[b] = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9');
  return table;
}();

bool is_ascii_alnum(unsigned char b) {
  return kAsciiAlnum[b];
}

bool is_apostrophe_or_hyphen(char32_t cp) {
  return cp == '\'' || cp == U'\u2019' || cp == '-' || cp == U'\u2010';
}

}  // namespace

QuoteLexicon::QuoteLexicon() {
  for_each_resource_line("quotes/words.tsv", [&](std::string_view line) {
    const auto tab = line.find('\t');
    if (tab == std::string_view::npos) return;
    word_classes[std::string(line.substr(0, tab))] |= class_named(line.substr(tab + 1));
  });
  for_each_resource_line("quotes/cues.txt", [&](std::string_view line) {
    const auto tab = line.find('\t');
    if (tab != std::string_view::npos) {
      const bool after = line.substr(tab + 1) == "after";
      word_classes[std::string(line.substr(0, tab))] |= kCue | (after ? kCueAfterOnly : kCueNameOnly);
      return;
    }
    const auto space = line.find(' ');
    if (space == std::string_view::npos) {
      word_classes[std::string(line)] |= kCue;
    } else {
      word_classes[std::string(line.substr(0, space))] |= kCueStart;
      two_word_cues[std::string(line)] = 1;
    }
  });
  for (const std::string& title : words::titles()) word_classes[title] |= kTitle;
  // A day name stands between a subject and its verb ("Smith on Monday said") and ends a
  // name after a verb ("said Smith Monday").
  for (const words::CalendarName& day : words::weekdays()) word_classes[std::string(day.name)] |= kBetween | kWeekday;
  // An abbreviation of no kind ("Inc.", "Calif.") keeps its period, and so does a title
  // written short ("Sen.", "Capt."); the period of "No." or "p.m." may end a sentence.
  std::string lower;
  for (const words::Abbreviation& entry : words::abbreviations("en")) {
    lower_ascii(entry.word, lower);
    if (entry.kind == AbbreviationKind::may_end) word_classes[lower] |= kAbbreviation;
    if (entry.kind == AbbreviationKind::title) word_classes[lower] |= kTitleAbbreviation;
  }
  for (const auto& entry : word_classes) {
    classed.add(entry.first);
    if ((entry.second & (kReport | kParticiple)) != 0) statement_cues.add(entry.first);
  }
  for (const std::string_view word : kStatementWords) statement_cues.add(word);
  for (const std::string_view word : kClaimNouns) statement_cues.add(word);
  for (const std::string& word : statement_cues) statement_cue_filter.add(word);
}

bool QuoteLexicon::may_hold_statement(std::string_view text, Span sentence) const {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  for (std::size_t i = sentence.start; i < sentence.end;) {
    if (!kAsciiAlnum[bytes[i]]) {
      ++i;
      continue;
    }
    std::size_t end = i + 1;
    while (end < sentence.end && kAsciiAlnum[bytes[end]]) ++end;
    if (is_statement_cue(text.substr(i, end - i))) return true;
    i = end;
  }
  return false;
}

std::uint32_t QuoteLexicon::classes(std::string_view lower_word) const {
  if (!may_have_classes(lower_word)) return 0;
  const auto found = word_classes.find(lower_word);
  return found == word_classes.end() ? 0 : found->second;
}

bool QuoteLexicon::is_two_word_cue(std::string_view first_lower, std::string_view second_lower) const {
  std::string key;
  key.reserve(first_lower.size() + second_lower.size() + 1);
  key.append(first_lower).push_back(' ');
  key.append(second_lower);
  return two_word_cues.count(key) != 0;
}

void lower_ascii(std::string_view word, std::string& out) {
  out.assign(word);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
}

bool is_upper_at(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return false;
  const auto b = static_cast<unsigned char>(text[pos]);
  if (b < 0x80) return b >= 'A' && b <= 'Z';
  return u_isupper(static_cast<UChar32>(code_point_at(text, pos))) != 0;
}

bool is_alnum_at(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return false;
  const auto b = static_cast<unsigned char>(text[pos]);
  if (b < 0x80) return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9');
  return u_isalnum(static_cast<UChar32>(code_point_at(text, pos))) != 0;
}

bool is_space_at(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return false;
  const char c = text[pos];
  if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v') return true;
  if (static_cast<unsigned char>(c) < 0x80) return false;
  const char32_t cp = code_point_at(text, pos);
  return cp == U'\u00A0' || cp == U'\u2009' || cp == U'\u202F' || cp == U'\u2002' || cp == U'\u2003';
}

void scan_pieces(std::string_view text, std::size_t from, std::size_t to, const QuoteLexicon& lexicon,
                 std::vector<Piece>& out, Classify classify) {
  std::string lower;
  std::size_t i = from;
  while (i < to) {
    // ASCII spaces and letters, most of the text, are told apart without decoding.
    const auto first = static_cast<unsigned char>(text[i]);
    if (first == ' ' || first == '\n') {
      ++i;
      continue;
    }
    if (first >= 0x80 && is_space_at(text, i)) {
      std::size_t next = i;
      decode(text, next);
      i = next;
      continue;
    }
    if (!is_ascii_alnum(first) && (first < 0x80 || !is_alnum_at(text, i))) {
      if (first < 0x80 && is_space_at(text, i)) {
        ++i;  // a tab, carriage return, form feed or vertical tab
        continue;
      }
      std::size_t length = 1;
      const char punct = punct_at(text, i, length);
      out.push_back({i, i + length, punct, false, 0});
      i += length;
      continue;
    }
    Piece word{i, i, 0, first < 0x80 ? first >= 'A' && first <= 'Z' : is_upper_at(text, i), 0};
    const bool classified = word.capitalized || classify == Classify::all_words;
    std::size_t j = i;
    while (j < to) {
      const auto b = static_cast<unsigned char>(text[j]);
      if (is_ascii_alnum(b)) {  // most of the text
        ++j;
        continue;
      }
      if (b >= 0x80 && is_alnum_at(text, j)) {
        decode(text, j);
        continue;
      }
      if (b < 0x80 && b != '\'' && b != '-' && b != '.') break;  // joins nothing
      std::size_t after = j;
      const char32_t cp = decode(text, after);
      // An apostrophe, hyphen or period joins two alphanumeric runs (don't, U.S., AFL-CIO).
      if ((is_apostrophe_or_hyphen(cp) || cp == '.') && after < to && is_alnum_at(text, after)) {
        j = after;
        continue;
      }
      break;
    }
    const std::string_view surface = text.substr(i, j - i);
    // Most words have no class: the filter says so before the word is lower-cased.
    if (classified && lexicon.may_have_classes(surface)) {
      lower_ascii(surface, lower);
      word.classes = lexicon.classes(lower);
    }
    // A plural possessive keeps its apostrophe (the Sanders’ campaign) when a word follows.
    if (j + 1 < to && (text[j - 1] == 's' || text[j - 1] == 'S') &&
        (text[j] == '\'' || text.compare(j, 3, "\u2019") == 0)) {
      const std::size_t after = j + (text[j] == '\'' ? 1 : 3);
      if (after + 1 < to && text[after] == ' ' && is_alnum_at(text, after + 1) && !is_upper_at(text, after + 1))
        j = after;
    }
    // An initial (E.), an abbreviation (Sen., R-Wis.) or a period before a comma keeps its
    // period: it ends no sentence.
    if (j < to && text[j] == '.') {
      lower_ascii(surface, lower);
      const std::size_t hyphen = lower.rfind('-');
      const bool abbreviation =
          (word.classes & kAbbreviation) != 0 ||
          (classified && hyphen != std::string::npos && (lexicon.classes(lower.substr(hyphen + 1)) & kAbbreviation));
      const bool before_comma = j + 1 < to && (text[j + 1] == ',' || text[j + 1] == ';');
      if ((j - i == 1 && word.capitalized) || abbreviation || before_comma ||
          (word.classes & (kTitle | kTitleAbbreviation)) == (kTitle | kTitleAbbreviation) ||
          text.substr(i, j - i).find('.') != std::string_view::npos)
        ++j;
    }
    word.end = j;
    out.push_back(word);
    i = j;
  }
}

}  // namespace tmk
