#pragma once
// Named entities (people, organizations, places, other names) found by a trained sequence
// labeller and tied together inside a document: "Sanders" after "Sen. Bernie Sanders" has
// the canonical name "Bernie Sanders"; an acronym defined in the text ("... Workers (IAM)")
// resolves to the long name; a name typed once keeps its type in the whole document.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "tmk/text/analysis.hpp"

namespace tmk {

enum class EntityType : std::uint8_t { PER, ORG, LOC, MISC };
inline constexpr int kEntityTypeCount = 4;

std::string_view to_string(EntityType type);
// "PER", "ORG", "LOC", "MISC" (also "PERSON", "ORGANIZATION", "GPE", "LOCATION", "FAC");
// false if unknown.
bool parse_entity_type(std::string_view name, EntityType& type);

// A name the caller knows: found wherever it occurs with this exact case, with this type,
// winning over the model; `canonical` (empty: the name itself) is what it stands for, so
// that several spellings ("U.S.", "United States") count as one.
struct ListedName {
  std::string name;
  std::string canonical;
  EntityType type = EntityType::MISC;
};

// Parses a list of names: lines NAME<TAB>TYPE (a gazetteer) or NAME<TAB>CANONICAL<TAB>TYPE
// (aliases); empty lines and lines starting with # are skipped. Throws std::runtime_error
// naming `where` and the line for a malformed line or an unknown type.
std::vector<ListedName> parse_name_list(std::string_view tsv, std::string_view where);
// Reads a file as parse_name_list does; throws std::runtime_error if it cannot be read.
std::vector<ListedName> read_name_list(const std::string& path);

// Why a mention was found: the tagger, a gazetteer name (or a known first name before a
// capitalized surname), as another name of a mention
// already found in the document (a repeat, a surname, an acronym defined in the text), or
// from the layout of a wire story's line (a dateline's place, a team in sports results).
enum class EntitySource : std::uint8_t { model, gazetteer, alias, layout };

std::string_view to_string(EntitySource source);

struct EntityMention {
  std::size_t start = 0;  // byte offsets into the document text, end exclusive
  std::size_t end = 0;
  std::size_t sentence = 0;  // 0-based index into Analysis::sentences
  EntityType type = EntityType::MISC;
  std::string canonical;  // the full name this mention stands for within the document
  EntitySource source = EntitySource::model;
};

struct EntityOptions {
  // The caller's names and aliases (matched with their exact case as whole words).
  std::vector<ListedName> names;
  // A model blob from tmk-train-entities; empty for the model built into the library.
  std::string model;
};

class EntityRecognizer {
 public:
  // Uses the model and gazetteer built into the library. Throws std::runtime_error when a
  // model blob given in `options` is not a model for this version. Listed names may be any
  // bytes (invalid UTF-8 in them is repaired as in the text).
  EntityRecognizer();
  explicit EntityRecognizer(EntityOptions options);
  ~EntityRecognizer();
  EntityRecognizer(EntityRecognizer&&) noexcept;
  EntityRecognizer& operator=(EntityRecognizer&&) noexcept;

  // The mentions of `text` (already analyzed into sentences and tokens), ordered by start.
  // `text` may be any bytes: invalid UTF-8 is read as valid_utf8_view (utf8.hpp) repairs it
  // (offsets do not move). Throws std::invalid_argument when `analysis` does not fit `text`
  // (not made from it: offsets past its end or inside a character), nothing else but
  // std::bad_alloc. Thread-safe: one recognizer can serve many threads.
  std::vector<EntityMention> recognize(std::string_view text, const Analysis& analysis) const;

  struct Impl;  // the model and the word lists

 private:
  std::unique_ptr<const Impl> impl_;
};

}  // namespace tmk
