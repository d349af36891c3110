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

#include "tmk/analysis.hpp"
#include "tmk/gazetteer.hpp"

namespace tmk {

// Why a mention was found: the tagger, a gazetteer name, or as another name of a mention
// already found in the document (a repeat, a surname, an acronym defined in the text).
enum class EntitySource : std::uint8_t { model, gazetteer, alias };

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
  // The user's names (matched with their exact case as whole words; they win over the model).
  Gazetteer user_names;
  // A model blob from tmk-train-entities; empty for the model built into the library.
  std::string model;
};

class NerModel;

class EntityRecognizer {
 public:
  // Uses the model and gazetteer built into the library. Throws std::runtime_error when a
  // model blob given in `options` is not a model for this version.
  EntityRecognizer();
  explicit EntityRecognizer(EntityOptions options);
  ~EntityRecognizer();
  EntityRecognizer(EntityRecognizer&&) noexcept;
  EntityRecognizer& operator=(EntityRecognizer&&) noexcept;

  // The mentions of `text` (already analyzed into sentences and tokens), ordered by start.
  // Thread-safe: one recognizer can serve many threads.
  std::vector<EntityMention> recognize(std::string_view text, const Analysis& analysis) const;

 private:
  std::unique_ptr<const NerModel> model_;
  Gazetteer user_names_;
};

}  // namespace tmk
