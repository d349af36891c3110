#pragma once
// Lists of names with their entity types, matched as whole word sequences. The built-in
// list (lib/resources/entities/gazetteer.tsv, made by scripts/make-gazetteers) is matched
// case-insensitively and only informs the model; a user's list (--gazetteer FILE) is
// matched with its exact case and wins over the model.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/hash_table.hpp"
#include "tmk/entities/entities.hpp"

namespace tmk {

namespace ner {
class WordSequence;
}

class Gazetteer {
 public:
  enum class Matching : std::uint8_t { exact_case, folded };

  Gazetteer() = default;
  explicit Gazetteer(Matching matching) : matching_(matching) {}

  // The list built into the library (folded matching).
  static const Gazetteer& builtin();
  // Lines "name<TAB>type"; empty lines and lines starting with # are skipped. Throws
  // std::runtime_error naming `where` and the line for a malformed line or unknown type.
  static Gazetteer parse_tsv(std::string_view text, std::string_view where, Matching matching);

  void add(std::string_view name, EntityType type);
  bool empty() const { return entries_ == 0; }
  std::size_t size() const { return entries_; }

  struct Match {
    std::size_t length = 0;  // in words; 0 when nothing matches
    std::uint8_t types = 0;  // bit (1 << type) for each type the name is listed with
  };
  // The longest name that starts at word `first`.
  Match longest_match(const ner::WordSequence& words, std::size_t first) const;
  // Starts loading what longest_match(words, first) reads first: call it a few words ahead.
  void prefetch(const ner::WordSequence& words, std::size_t first) const;

 private:
  static constexpr std::uint8_t kPrefixBit = 0x80;  // some longer name continues from here
  static constexpr std::size_t kMaxWords = 12;
  Matching matching_ = Matching::exact_case;
  std::size_t entries_ = 0;
  HashTable phrases_;  // sequence hash -> types | kPrefixBit
};

}  // namespace tmk
