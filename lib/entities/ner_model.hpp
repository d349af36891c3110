#pragma once
// The entity tagger's internals, shared by the runtime (lib/entities.cpp) and the trainer
// (trainer/train_entities.cpp): words as the training data splits them, the features of a
// word, BILOU tags, Viterbi decoding, and the versioned binary model of hashed weights.
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "core/hash.hpp"
#include "core/huge_pages.hpp"
#include "entities/gazetteer.hpp"

namespace tmk::ner {

// One word: Universal Dependencies splits a surface token such as "Enron's" or "don't"
// into words ("Enron" "'s", "do" "n't"); the tagger works on such words so that it sees
// the same units at run time as in its training data, and spans never take in an 's.
enum CaseMode : int { kNormalCase = 0, kAllCaps = 1, kLowerCase = 2, kTitleCase = 3 };

struct Word {
  std::size_t start = 0;  // byte offsets into the text, end exclusive
  std::size_t end = 0;
  std::uint32_t fold_start = 0;  // the folded form in WordSequence::folded
  std::uint32_t fold_size = 0;
  std::uint64_t exact_hash = 0;
  std::uint64_t fold_hash = 0;
  std::uint64_t shape_hash = 0;
  bool capitalized = false;  // first letter upper case
  // How many ASCII capitals and small letters it has, counted up to 2 (enough for case_mode()).
  std::uint8_t ascii_capitals = 0;
  std::uint8_t ascii_small = 0;
  bool common = false;  // a word of the general vocabulary (written in lower case in WordNet)
  // 1 + the word's cluster id in lib/resources/entities/word-clusters.tsv (by folded
  // form), 0 when it has none; the id's top bits are coarser clusters.
  std::uint16_t cluster = 0;
};

// A letter or digit (as ICU has them), or kInvalidByte: what words are made of.
bool is_word_char(char32_t c);

class WordSequence {
 public:
  explicit WordSequence(std::string_view text = {}) : text_(text) {}
  void reset(std::string_view text) {
    text_ = text;
    clear();
  }
  void clear() {
    words_.clear();
    folded_.clear();
    case_mode_ = -1;
    looked_up_ = 0;
  }
  // Splits the surface token text[begin, end) into words and appends them.
  void add_token(std::size_t begin, std::size_t end);
  // Appends text[begin, end) as one word, unsplit (training data is already split).
  void add_word(std::size_t begin, std::size_t end);
  // add_word for any UTF-8 word, decoding each code point: add_word's path for words not
  // all ASCII (public so that tests can hold the ASCII path to it).
  void add_word_by_code_points(std::size_t begin, std::size_t end);

  std::size_t size() const { return words_.size(); }
  const Word& operator[](std::size_t i) const {
    if (looked_up_ < words_.size()) look_up_words();
    return words_[i];
  }
  std::string_view text() const { return text_; }
  std::string_view surface(std::size_t i) const {
    return text_.substr(words_[i].start, words_[i].end - words_[i].start);
  }
  // How the sentence is written: kNormalCase, kAllCaps, kLowerCase or kTitleCase (as
  // headlines are); the tagger weighs capital letters apart in each.
  int case_mode() const { return case_mode_ >= 0 ? case_mode_ : case_mode_ = find_case_mode(); }
  // Lower-cased, digits as 0, curly apostrophes as '.
  std::string_view folded(std::size_t i) const {
    return std::string_view(folded_).substr(words_[i].fold_start, words_[i].fold_size);
  }

 private:
  // Fills in `common` and `cluster` of the words added since the last access. add_word only
  // prefetches each word's slot of the word table, whose probe is a cache miss for most
  // words: probing them together lets the misses overlap.
  void look_up_words() const;
  // add_word for a word all ASCII: a byte is a character, and folding keeps the length.
  void add_ascii_word(std::size_t begin, std::size_t end);
  // Appends `word`, whose folded form (hashed in fold_hash) ends folded_, after filling in
  // its fold size and other hashes.
  void finish_word(Word& word, std::string_view shape);
  int find_case_mode() const;

  std::string_view text_;
  mutable std::vector<Word> words_;
  std::string folded_;
  mutable int case_mode_ = -1;         // computed on first use
  mutable std::size_t looked_up_ = 0;  // words_[0, looked_up_) have their table entries
};

// Function words that Title Case leaves in lower case ("Bank of England"), by folded form.
bool title_case_small_word(std::string_view folded);
// Whether a folded word, or its stem without a plural or verb ending ("backs", "vowed",
// "fuming"), is one of the general vocabulary (lib/resources/entities/common-words.txt).
bool is_everyday_word(std::string_view folded);

// Word hashes (FNV-1a then a 64-bit finalizer) and their combination.
std::uint64_t hash_bytes(std::string_view bytes, std::uint64_t seed = 0);
inline std::uint64_t mix(std::uint64_t h) {
  return mix64(h);
}
inline std::uint64_t combine(std::uint64_t a, std::uint64_t b) {
  return mix(a * 0x9E3779B97F4A7C15ULL + b);
}

// BILOU tags: 0 is O; 1 + 4 * type + position, position B=0 I=1 L=2 U=3.
inline constexpr int kTagCount = 1 + 4 * kEntityTypeCount;
enum Position : std::uint8_t { kBegin = 0, kInside = 1, kLast = 2, kUnit = 3 };
inline constexpr std::uint8_t make_tag(EntityType type, Position position) {
  return static_cast<std::uint8_t>(1 + 4 * static_cast<int>(type) + position);
}
inline constexpr EntityType tag_type(std::uint8_t tag) {
  return static_cast<EntityType>((tag - 1) / 4);
}
inline constexpr Position tag_position(std::uint8_t tag) {
  return static_cast<Position>((tag - 1) % 4);
}
// Whether `tag` may follow `previous` (0 = O also stands for the sentence start).
inline constexpr bool allowed_after(std::uint8_t previous, std::uint8_t tag) {
  const bool open = previous != 0 && (tag_position(previous) == kBegin || tag_position(previous) == kInside);
  if (!open) return tag == 0 || tag_position(tag) == kBegin || tag_position(tag) == kUnit;
  return tag != 0 && tag_type(tag) == tag_type(previous) &&
         (tag_position(tag) == kInside || tag_position(tag) == kLast);
}

// For each word, where it sits in a built-in gazetteer match of each type (3 bits per type:
// 0 none, else 1 + Position).
void gazetteer_positions(const WordSequence& words, const Gazetteer& gazetteer, std::vector<std::uint16_t>& out);

// The features of word i that do not depend on tags, appended to `out` as hashes: its own
// features, then those of its context.
void word_features(const WordSequence& words, const std::vector<std::uint16_t>& gazetteer, std::size_t i,
                   std::vector<std::uint64_t>& out);
// Word i's features that depend on nothing but its surface form, the sentence's case mode
// and whether the word comes first: its form, shape, affixes and clusters.
void own_features(const WordSequence& words, std::size_t i, std::vector<std::uint64_t>& out);
// Word i's features from its neighbours up to two places away, alone and paired with it,
// and from its place in a gazetteer match.
void context_features(const WordSequence& words, const std::vector<std::uint16_t>& gazetteer, std::size_t i,
                      std::vector<std::uint64_t>& out);
// The feature of a transition from `previous` (kStartTag before the first word) to any tag.
inline constexpr std::uint8_t kStartTag = kTagCount;
std::uint64_t transition_feature(std::uint8_t previous);

// Scratch space for decode(), reused from sentence to sentence.
struct DecodeScratch {
  std::vector<std::uint64_t> features;  // of all words, word i's from offsets[i] to offsets[i + 1]
  std::vector<std::size_t> offsets;
  std::vector<std::array<float, kTagCount>> emission;  // each word's score for each tag
  std::vector<std::array<float, kTagCount>> best;      // best score of a path ending in each tag
  std::vector<std::array<std::uint8_t, kTagCount>> back;
};

// Fills scratch.emission: each word's features' weights added up. `Weights` adds the
// weights of one feature hash to scores[kTagCount] with weights.add(hash, scores) and may
// load them early with weights.prefetch(hash); `Score` is its accumulator type.
template <typename Score, typename Weights>
void add_up_features(const Weights& weights, const WordSequence& words, const std::vector<std::uint16_t>& gazetteer,
                     DecodeScratch& scratch) {
  const std::size_t n = words.size();
  scratch.emission.resize(n);
  scratch.features.clear();
  scratch.offsets.assign(1, 0);
  for (std::size_t i = 0; i < n; ++i) {
    word_features(words, gazetteer, i, scratch.features);
    scratch.offsets.push_back(scratch.features.size());
  }
  // The weight rows are scattered over the table: ask for the next word's while adding up this one's.
  if (n > 0)
    for (std::size_t k = 0; k < scratch.offsets[1]; ++k) weights.prefetch(scratch.features[k]);
  for (std::size_t i = 0; i < n; ++i) {
    if (i + 1 < n)
      for (std::size_t k = scratch.offsets[i + 1]; k < scratch.offsets[i + 2]; ++k)
        weights.prefetch(scratch.features[k]);
    std::array<Score, kTagCount> emission{};
    for (std::size_t k = scratch.offsets[i]; k < scratch.offsets[i + 1]; ++k)
      weights.add(scratch.features[k], emission.data());
    for (int t = 0; t < kTagCount; ++t) scratch.emission[i][t] = static_cast<float>(emission[t]);
  }
}

// The weights of the tag transitions: [p][t] that of tag t after p (p = kStartTag at the
// start), -infinity where BILOU does not allow t after p. They depend on the model alone.
using Transitions = std::array<std::array<float, kTagCount>, kTagCount + 1>;
template <typename Score, typename Weights>
Transitions transitions(const Weights& weights) {
  Transitions transition;
  for (int p = 0; p <= kTagCount; ++p) {
    std::array<Score, kTagCount> row{};
    weights.add(transition_feature(static_cast<std::uint8_t>(p)), row.data());
    const auto previous = static_cast<std::uint8_t>(p == kStartTag ? 0 : p);
    for (int t = 0; t < kTagCount; ++t)
      transition[p][t] = allowed_after(previous, static_cast<std::uint8_t>(t))
                             ? static_cast<float>(row[t])
                             : -std::numeric_limits<float>::infinity();
  }
  return transition;
}

// The best-scoring sequence of allowed BILOU tags for the words whose scores are in
// scratch.emission (Viterbi over those scores plus `transition`).
void best_path(const Transitions& transition, DecodeScratch& scratch, std::vector<std::uint8_t>& tags);

// best_path() with the transitions of `weights`.
template <typename Score, typename Weights>
void best_tags(const Weights& weights, DecodeScratch& scratch, std::vector<std::uint8_t>& tags) {
  best_path(transitions<Score>(weights), scratch, tags);
}

// The best-scoring sequence of allowed BILOU tags of `words` (add_up_features, then best_tags).
template <typename Score, typename Weights>
void decode(const Weights& weights, const WordSequence& words, const std::vector<std::uint16_t>& gazetteer,
            DecodeScratch& scratch, std::vector<std::uint8_t>& tags) {
  add_up_features<Score>(weights, words, gazetteer, scratch);
  best_tags<Score>(weights, scratch, tags);
}

// A hash of what the features depend on (their code version, the word lists they read and
// the abbreviations that split words); a model trained under another one is refused.
std::uint64_t feature_fingerprint();

// The model blob: "TMKNER" magic, version, bucket bits, tag count, feature fingerprint,
// then int16 weights[buckets][kTagCount] (little endian).
class Model {
 public:
  static constexpr std::uint32_t kVersion = 3;
  // Reads a blob. Throws std::runtime_error when the header does not match this build.
  explicit Model(std::string_view blob);
  static std::string serialize(std::uint32_t bucket_bits, const std::vector<float>& weights);

  void prefetch(std::uint64_t feature) const {
    const std::int16_t* row = weights_.data() + (feature & mask_) * kTagCount;
    __builtin_prefetch(row);
    __builtin_prefetch(row + kTagCount - 1);
  }
  void add(std::uint64_t feature, std::int32_t* scores) const {
    const std::int16_t* row = weights_.data() + (feature & mask_) * kTagCount;
    for (int t = 0; t < kTagCount; ++t) scores[t] += row[t];
  }
  // Tells this model from every other one made in the process, even at the same address.
  std::uint64_t id() const { return id_; }

 private:
  // A copy of the blob's weights: nearly every row read misses the cache, and in huge pages
  // it misses the TLB far less.
  std::vector<std::int16_t, HugePageAllocator<std::int16_t>> weights_;
  std::uint64_t mask_ = 0;
  std::uint64_t id_ = 0;
};

// add_up_features<std::int32_t> for a Model, faster: a word's own features depend on its
// surface form alone (and the sentence's case mode and whether it comes first), so their
// sums are kept per form in a direct-mapped table; a word found there costs one probe
// instead of some twenty of the model's rows. The scores are the same: integer sums do not
// depend on their order. Keys hold the model's id, so one cache may serve several models.
// Not thread-safe: one per thread.
class EmissionCache {
 public:
  void add_up_features(const Model& model, const WordSequence& words, const std::vector<std::uint16_t>& gazetteer,
                       DecodeScratch& scratch);

 private:
  using Scores = std::array<std::int32_t, kTagCount>;
  struct Entry {
    std::uint64_t key = 0;  // 0: empty
    Scores own{};
  };

  std::vector<Entry, HugePageAllocator<Entry>> entries_;
  std::vector<std::uint64_t> keys_;
  std::vector<std::uint32_t> own_counts_;  // of each word's features, how many are its own (0: found in the table)
  std::vector<Scores> sums_;
};

}  // namespace tmk::ner
