#pragma once
// Which full name a part of a name stands for ("Sanders" or "Bernie" for "Bernie Sanders"):
// one rule for the entity recognizer and the quote extractor. A part is the first or the
// last words of a longer name of the same document; the latest such name before the part
// wins, else the first one after it.
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tmk {

class FullNames {
 public:
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);

  // Adds a name of two to six words (not counting a final "Jr." or "III", which a short
  // form leaves out: "Gray" for "Walt Gray Jr.") at `position` (text offsets or mention numbers, added in
  // increasing order); returns false, adding nothing, for other lengths. Names are numbered
  // from 0 as they are added.
  bool add(std::vector<std::string_view> words, std::size_t position);

  // The number of the name that `part` (one word or more) shortens, seen from `position`;
  // kNone when no longer name starts or ends with it.
  std::size_t full_name_of(const std::vector<std::string_view>& part, std::size_t position) const;

 private:
  static constexpr std::size_t kLongestName = 6;  // words
  std::vector<std::vector<std::string>> words_;
  std::vector<std::size_t> positions_;
  // (first or last word, length in words) -> names in the order added
  std::map<std::pair<std::string, std::size_t>, std::vector<std::size_t>, std::less<>> by_end_word_;
};

// A word that ends a person's name after the surname: "Jr.", "Sr", "III" (any case).
bool is_name_suffix(std::string_view word);

// The words of `name`, split at spaces.
std::vector<std::string_view> name_words(std::string_view name);

}  // namespace tmk
