#pragma once
// Word lists that several layers share, each read from one file of lib/resources/ (titles,
// days and months from words/), so the entity recognizer, the quote extractor, the sentence
// splitter and the number extractor agree on what a title, a day, a month or an abbreviation is.
#include <algorithm>
#include <bitset>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "tmk/text/sentences.hpp"

namespace tmk::words {

// A hash for string keys that also takes a std::string_view, so that a lookup builds no string.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// A filter in front of a word table that is looked up for every word of a text: false for
// most words the table lacks, in any ASCII case, without lower-casing or hashing them (a bit
// per length and first, second and last letters); true for every word added.
class WordFilter {
 public:
  void add(std::string_view word) {
    if (word.empty()) return;
    bits_.set(key(word));
    longest_ = std::max(longest_, word.size());
  }
  bool may_contain(std::string_view word) const {
    return !word.empty() && word.size() <= longest_ && bits_.test(key(word));
  }

 private:
  // Inline: it runs for every word of every sentence.
  static std::uint32_t key(std::string_view word) {
    // Setting bit 0x20 lower-cases an ASCII capital and changes every other byte the same way
    // in a word and in its lower-case form, so both get one key: one OR, no comparisons.
    const auto fold = [](char c) { return static_cast<unsigned char>(c) | 0x20u; };
    const std::uint32_t first = fold(word.front());
    const std::uint32_t second = fold(word[word.size() > 1 ? 1 : 0]);
    const std::uint32_t last = fold(word.back());
    return (((first * 31u + second) * 31u + last) * 16u + static_cast<std::uint32_t>(word.size())) & 0xFFFFu;
  }
  std::bitset<1u << 16> bits_;
  std::size_t longest_ = 0;
};

// A set of lower-case words, looked up without regard to ASCII case.
class WordList {
 public:
  void add(std::string_view word);
  bool contains(std::string_view word) const;
  std::size_t size() const { return words_.size(); }
  auto begin() const { return words_.begin(); }
  auto end() const { return words_.end(); }

 private:
  std::unordered_set<std::string, StringHash, std::equal_to<>> words_;
};

// Titles and honorifics that precede a name and are not part of it: "mr", "senator".
const WordList& titles();

// A day or a month: its lower-case name, its number (months: 1-12; days: 1 for Monday) and
// its short forms ("sept").
struct CalendarName {
  std::string_view name;
  int number = 0;
  std::vector<std::string_view> short_forms;
};
const std::vector<CalendarName>& weekdays();
const std::vector<CalendarName>& months();

// Common first names and the gender they most often mark: "hillary" -> 'f', "aaron" -> 'm'.
using FirstNames = std::unordered_map<std::string, char, StringHash, std::equal_to<>>;
const FirstNames& first_names();

// Full day names: "monday" .. "sunday".
const WordList& weekday_names();
// Month names and their short forms: "september", "sept", "sep".
const WordList& month_names();

// One line of abbreviations/LANG.txt.
struct Abbreviation {
  std::string word;  // as listed, without its final period ("Mr", "U.S")
  AbbreviationKind kind = AbbreviationKind::may_end;
  bool one_token = false;  // the entity model's tokenizer keeps its period on the word
};
// The abbreviations of `language` ("en"); throws std::out_of_range when there are none. The
// English ones include the short forms of the days and months ("Tues", "Sept").
std::vector<Abbreviation> abbreviations(std::string_view language);

// "U.S." -> "u.s.": ASCII letters lower-cased, other bytes kept.
std::string lower_ascii(std::string_view word);

// Whether `word` with its ASCII letters lower-cased is `lower`, without copying it.
inline bool equals_lower_ascii(std::string_view word, std::string_view lower) {
  if (word.size() != lower.size()) return false;
  for (std::size_t k = 0; k < word.size(); ++k) {
    const char c = word[k];
    if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) != lower[k]) return false;
  }
  return true;
}

// Two characters or more and no ASCII lower-case letter ("AP", "U.N."): written as an acronym.
bool is_all_caps(std::string_view word);

// "monday" -> "Monday" (ASCII).
std::string capitalized(std::string_view lower);

}  // namespace tmk::words
