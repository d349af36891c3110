#pragma once
// Which entities appear together: pairs of canonical names from tmk-entities output that
// share a sentence, a window of sentences or a document, as an edge list or a graph file.
#include <cstddef>
#include <string>
#include <vector>

#include "corpus/counter.hpp"
#include "tmk/core/tsv.hpp"

namespace tmk {

enum class CooccurrenceScope { sentence, window, document };

struct CooccurrenceOptions {
  CooccurrenceScope scope = CooccurrenceScope::sentence;
  std::size_t window = 1;  // sentences, for CooccurrenceScope::window
};

// An entity is its canonical name (its text when that is empty) with its type. A pair is
// keyed "a TAB b TAB type_a TAB type_b" (escaped), a before b in byte order of name, then
// type; an entity never pairs with itself. What one count is:
//   sentence: a sentence holding both;
//   window N: a mention of a and a mention of b at most N-1 sentences apart, an entity
//             counting once per sentence (so window 1 is sentence);
//   document: a document holding both (count equals docs).
class CooccurrenceCounter {
 public:
  explicit CooccurrenceCounter(CooccurrenceOptions options) : options_(options) {}
  // Counts the rows of tmk-entities output (columns doc, sent, type, canonical; text is
  // used when present). A document's rows must come together. Throws std::runtime_error
  // on a missing column or a bad sentence number.
  void count(TsvReader& reader, KeyCounter& pairs) const;

 private:
  struct Mention {
    std::size_t sent;
    std::string entity;  // name TAB type, escaped
  };
  void count_document(std::vector<Mention>& mentions, KeyCounter& pairs) const;
  CooccurrenceOptions options_;
};

enum class GraphFormat { gexf, graphml };

// Writes pairs (in their order) as an undirected graph: nodes carry their name (label)
// and type, edges their count (weight) and docs. Node ids follow first appearance.
void append_graph(std::string& out, const std::vector<KeyCount>& pairs, GraphFormat format);

}  // namespace tmk
