#include "entities/full_names.hpp"

#include <algorithm>

#include "text/word_lists.hpp"

namespace tmk {

std::vector<std::string_view> name_words(std::string_view name) {
  std::vector<std::string_view> words;
  std::size_t pos = 0;
  while (pos < name.size()) {
    const std::size_t space = std::min(name.find(' ', pos), name.size());
    if (space > pos) words.push_back(name.substr(pos, space - pos));
    pos = space + 1;
  }
  return words;
}

bool is_name_suffix(std::string_view word) {
  static constexpr std::string_view kSuffixes[] = {"jr.", "jr", "sr.", "sr", "ii", "iii", "iv"};
  const std::string folded = words::lower_ascii(word.substr(0, 4));
  return word.size() <= 4 && std::find(std::begin(kSuffixes), std::end(kSuffixes), folded) != std::end(kSuffixes);
}

bool FullNames::add(std::vector<std::string_view> words, std::size_t position) {
  if (words.size() > 2 && is_name_suffix(words.back())) words.pop_back();
  if (!words.empty() && words.back().ends_with(',')) words.back().remove_suffix(1);
  if (words.size() < 2 || words.size() > kLongestName) return false;
  const std::size_t index = words_.size();
  words_.emplace_back(words.begin(), words.end());
  positions_.push_back(position);
  by_end_word_[{std::string(words.front()), words.size()}].push_back(index);
  if (words.back() != words.front()) by_end_word_[{std::string(words.back()), words.size()}].push_back(index);
  return true;
}

std::size_t FullNames::full_name_of(const std::vector<std::string_view>& part, std::size_t position) const {
  if (part.empty()) return kNone;
  const auto shortens = [&](std::size_t full) {
    const std::vector<std::string>& f = words_[full];
    return std::equal(part.begin(), part.end(), f.begin()) ||
           std::equal(part.begin(), part.end(), f.end() - static_cast<std::ptrdiff_t>(part.size()));
  };
  std::size_t before = kNone, after = kNone;  // the latest name before, the first after
  for (std::size_t size = part.size() + 1; size <= kLongestName; ++size) {
    for (const std::string_view key : {part.front(), part.back()}) {
      const auto found = by_end_word_.find(std::pair(std::string(key), size));
      if (found == by_end_word_.end()) continue;
      const std::vector<std::size_t>& list = found->second;
      const auto at = std::lower_bound(list.begin(), list.end(), position,
                                       [&](std::size_t i, std::size_t p) { return positions_[i] < p; });
      for (auto it = at; it != list.begin();) {
        if (shortens(*--it)) {
          if (before == kNone || positions_[*it] > positions_[before]) before = *it;
          break;
        }
      }
      for (auto it = at; it != list.end(); ++it) {
        if (positions_[*it] == position) continue;
        if (shortens(*it)) {
          if (after == kNone || positions_[*it] < positions_[after]) after = *it;
          break;
        }
      }
    }
  }
  return before != kNone ? before : after;
}

}  // namespace tmk
