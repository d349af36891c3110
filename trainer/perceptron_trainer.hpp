#pragma once
// Trains the entity tagger: an averaged perceptron over the features and BILOU tags of
// tmk/ner_model.hpp, decoded in training as at run time (a structured perceptron). Kept out of the
// library so what ships is only the runtime; tests/unit includes this header directly.
#include <algorithm>
#include <array>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "entities/gazetteer.hpp"
#include "entities/ner_model.hpp"
#include "tmk/text/analysis.hpp"

namespace tmk::ner {

struct TrainingSentence {
  std::string text;
  std::vector<std::array<std::uint32_t, 2>> words;  // byte ranges in text
  std::vector<std::uint8_t> tags;                   // BILOU, one per word
  bool misc_annotated = true;                       // false: MISC names were left untagged (O)
  float weight = 1.0f;                              // the size of this sentence's updates

  WordSequence word_sequence() const {
    WordSequence sequence(text);
    for (const auto& [begin, end] : words) sequence.add_word(begin, end);
    return sequence;
  }
};

// Turns one document of words with BIO tags ("B-PER", "I-ORG", "O") into training
// sentences as tmk sees text at run time: the words are joined by spaces (as the
// evaluation documents are), and the text is split into sentences and words by tmk's own
// splitter, tokenizer and word splitter, so the model learns from what it will be given
// ("Enron's" is split as at run time, sentences run on where the splitter runs them on).
inline std::vector<TrainingSentence> make_training_sentences(const std::vector<std::string>& words,
                                                             const std::vector<std::string>& bio, bool misc_annotated) {
  std::string text;
  struct Span {
    std::size_t start, end;
    int type;
  };
  std::vector<Span> spans;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i) text.push_back(' ');
    const std::size_t start = text.size();
    text += words[i];
    EntityType type;
    const std::string& tag = bio[i];
    const bool named = tag.size() > 2 && (tag[0] == 'B' || tag[0] == 'I') && tag[1] == '-' &&
                       parse_entity_type(std::string_view(tag).substr(2), type);
    if (!named) continue;
    if (tag[0] == 'I' && !spans.empty() && spans.back().type == static_cast<int>(type) && spans.back().end + 1 == start)
      spans.back().end = text.size();
    else
      spans.push_back({start, text.size(), static_cast<int>(type)});
  }
  static const SentenceSplitter splitter;
  static const Tokenizer tokenizer;
  Analysis analysis;
  analyze(text, splitter, tokenizer, analysis);
  std::vector<TrainingSentence> out;
  WordSequence sequence(text);
  std::size_t next_span = 0;
  for (const Sentence& sentence : analysis.sentences) {
    sequence.clear();
    for (std::size_t t = sentence.first_token; t < sentence.end_token; ++t)
      sequence.add_token(analysis.tokens[t].start, analysis.tokens[t].end);
    if (sequence.size() == 0) continue;
    TrainingSentence ts;
    ts.misc_annotated = misc_annotated;
    const std::size_t base = sequence[0].start;
    ts.text = text.substr(base, sequence[sequence.size() - 1].end - base);
    ts.tags.assign(sequence.size(), 0);
    for (std::size_t i = 0; i < sequence.size(); ++i) {
      ts.words.push_back(
          {static_cast<std::uint32_t>(sequence[i].start - base), static_cast<std::uint32_t>(sequence[i].end - base)});
    }
    // Tag the words of each gold span that starts and ends on word boundaries.
    while (next_span < spans.size() && spans[next_span].start < sequence[0].start) ++next_span;
    for (std::size_t k = next_span; k < spans.size() && spans[k].start < sequence[sequence.size() - 1].end; ++k) {
      std::size_t first = sequence.size(), last = sequence.size();
      for (std::size_t i = 0; i < sequence.size(); ++i) {
        if (sequence[i].start == spans[k].start) first = i;
        if (sequence[i].end == spans[k].end) last = i;
      }
      if (first == sequence.size() || last == sequence.size() || last < first) continue;
      const auto type = static_cast<EntityType>(spans[k].type);
      for (std::size_t i = first; i <= last; ++i)
        ts.tags[i] = make_tag(type, first == last ? kUnit : i == first ? kBegin : i == last ? kLast : kInside);
    }
    out.push_back(std::move(ts));
  }
  return out;
}

// A copy of a sentence written in another case, as in headlines and careless text: the
// tagger should not rely on capital letters alone. Only ASCII letters change, so the word
// offsets stay valid. Title case capitalizes every word but short function words.
enum class CaseStyle { kUpper, kTitle, kLower };
inline TrainingSentence recased(const TrainingSentence& sentence, CaseStyle style) {
  TrainingSentence copy = sentence;
  for (std::size_t k = 0; k < copy.words.size(); ++k) {
    const auto [begin, end] = copy.words[k];
    std::string lower;
    for (std::uint32_t i = begin; i < end; ++i)
      lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(copy.text[i]))));
    const bool small = k > 0 && title_case_small_word(lower);
    for (std::uint32_t i = begin; i < end; ++i) {
      char& c = copy.text[i];
      const auto u = static_cast<unsigned char>(c);
      if (u >= 0x80) continue;
      if (style == CaseStyle::kUpper)
        c = static_cast<char>(std::toupper(u));
      else if (style == CaseStyle::kLower)
        c = static_cast<char>(std::tolower(u));
      else if (i == begin && !small)
        c = static_cast<char>(std::toupper(u));
    }
  }
  return copy;
}

class PerceptronTrainer {
 public:
  explicit PerceptronTrainer(std::uint32_t bucket_bits)
      : bucket_bits_(bucket_bits),
        weights_{std::vector<float>((std::size_t{1} << bucket_bits) * kTagCount),
                 (std::uint64_t{1} << bucket_bits) - 1},
        totals_(weights_.values.size()),
        stamps_(weights_.values.size()) {}

  // Runs `epochs` passes over the sentences (in a shuffled order fixed by `seed`).
  // Returns the share of words tagged right in the last pass.
  double train(const std::vector<TrainingSentence>& sentences, int epochs, std::uint32_t seed = 1) {
    std::vector<std::size_t> order(sentences.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::mt19937 random(seed);
    double accuracy = 0;
    for (int epoch = 0; epoch < epochs; ++epoch) {
      for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[random() % i]);
      std::size_t right = 0, total = 0;
      for (const std::size_t s : order) right += learn(sentences[s]), total += sentences[s].tags.size();
      accuracy = total ? static_cast<double>(right) / static_cast<double>(total) : 0;
    }
    return accuracy;
  }

  // The weights averaged over every step of training.
  std::vector<float> averaged() const {
    std::vector<float> averaged(weights_.values.size());
    for (std::size_t k = 0; k < averaged.size(); ++k) {
      const double total = totals_[k] + static_cast<double>(now_ - stamps_[k]) * weights_.values[k];
      averaged[k] = now_ ? static_cast<float>(total / static_cast<double>(now_)) : 0.0f;
    }
    return averaged;
  }
  // The averaged weights as a model blob (tmk::ner::Model).
  std::string serialize() const { return Model::serialize(bucket_bits_, averaged()); }

 private:
  struct Weights {
    std::vector<float> values;
    std::uint64_t mask;
    void prefetch(std::uint64_t) const {}
    void add(std::uint64_t feature, float* scores) const {
      const float* row = values.data() + (feature & mask) * kTagCount;
      for (int t = 0; t < kTagCount; ++t) scores[t] += row[t];
    }
  };

  void update(std::uint64_t feature, std::uint8_t tag, float delta) {
    const std::size_t k = (feature & weights_.mask) * kTagCount + tag;
    totals_[k] += static_cast<double>(now_ - stamps_[k]) * weights_.values[k];
    stamps_[k] = now_;
    weights_.values[k] += delta;
  }

  // Tags one sentence, updates on its mistakes, returns the number of words tagged right.
  std::size_t learn(const TrainingSentence& sentence) {
    const WordSequence words = sentence.word_sequence();
    gazetteer_positions(words, Gazetteer::builtin(), gazetteer_);
    decode<float>(weights_, words, gazetteer_, scratch_, predicted_);
    gold_ = sentence.tags;
    if (!sentence.misc_annotated) excuse_misc();
    std::size_t right = 0;
    for (std::size_t i = 0; i < words.size(); ++i) {
      ++now_;
      const std::uint8_t gold = gold_[i], guess = predicted_[i];
      const std::uint8_t gold_before = i ? gold_[i - 1] : kStartTag, guess_before = i ? predicted_[i - 1] : kStartTag;
      if (gold != guess || gold_before != guess_before) {
        update(transition_feature(gold_before), gold, sentence.weight);
        update(transition_feature(guess_before), guess, -sentence.weight);
      }
      if (gold == guess) {
        ++right;
        continue;
      }
      scratch_.features.clear();
      word_features(words, gazetteer_, i, scratch_.features);
      for (const std::uint64_t f : scratch_.features) {
        update(f, gold, sentence.weight);
        update(f, guess, -sentence.weight);
      }
    }
    return right;
  }

  // Where the data leaves MISC names untagged, a predicted MISC name over words tagged O
  // is not a mistake: take it as the gold answer.
  void excuse_misc() {
    for (std::size_t i = 0; i < predicted_.size();) {
      if (predicted_[i] == 0 || tag_type(predicted_[i]) != EntityType::MISC) {
        ++i;
        continue;
      }
      std::size_t end = i + 1;
      while (end < predicted_.size() && predicted_[end] != 0 && tag_type(predicted_[end]) == EntityType::MISC &&
             tag_position(predicted_[end]) != kBegin && tag_position(predicted_[end]) != kUnit)
        ++end;
      if (std::all_of(gold_.begin() + static_cast<std::ptrdiff_t>(i), gold_.begin() + static_cast<std::ptrdiff_t>(end),
                      [](std::uint8_t t) { return t == 0; }))
        std::copy(predicted_.begin() + static_cast<std::ptrdiff_t>(i),
                  predicted_.begin() + static_cast<std::ptrdiff_t>(end),
                  gold_.begin() + static_cast<std::ptrdiff_t>(i));
      i = end;
    }
  }

  std::uint32_t bucket_bits_;
  Weights weights_;
  std::vector<double> totals_;
  std::vector<std::uint64_t> stamps_;
  std::uint64_t now_ = 0;
  std::vector<std::uint16_t> gazetteer_;
  DecodeScratch scratch_;
  std::vector<std::uint8_t> predicted_, gold_;
};

// Exact-match counts of PER, ORG and LOC spans tagged by a model on held-out sentences.
struct SpanCounts {
  std::array<std::size_t, kEntityTypeCount> right{}, guessed{}, gold{};
  void add(const SpanCounts& o) {
    for (int t = 0; t < kEntityTypeCount; ++t) right[t] += o.right[t], guessed[t] += o.guessed[t], gold[t] += o.gold[t];
  }
  // F1 of one type, or of PER, ORG and LOC together when `type` < 0.
  double f1(int type = -1) const {
    double r = 0, p = 0, g = 0;
    for (int t = 0; t < kEntityTypeCount; ++t)
      if (type == t || (type < 0 && t != static_cast<int>(EntityType::MISC)))
        r += double(right[t]), p += double(guessed[t]), g += double(gold[t]);
    return p + g > 0 ? 2 * r / (p + g) : 0;
  }
};

inline SpanCounts span_counts(const std::string& blob, const std::vector<TrainingSentence>& sentences) {
  const Model model(blob);
  std::vector<std::uint16_t> gazetteer;
  DecodeScratch scratch;
  std::vector<std::uint8_t> predicted;
  const auto spans = [](const std::vector<std::uint8_t>& tags) {
    std::vector<std::array<std::size_t, 3>> out;  // first, end, type
    for (std::size_t i = 0; i < tags.size(); ++i) {
      if (tags[i] == 0 || tag_type(tags[i]) == EntityType::MISC) continue;
      const Position p = tag_position(tags[i]);
      if (p == kBegin || p == kUnit)
        out.push_back({i, i + 1, static_cast<std::size_t>(tag_type(tags[i]))});
      else if (!out.empty())
        out.back()[1] = i + 1;
    }
    return out;
  };
  SpanCounts counts;
  for (const TrainingSentence& sentence : sentences) {
    const WordSequence words = sentence.word_sequence();
    gazetteer_positions(words, Gazetteer::builtin(), gazetteer);
    decode<std::int32_t>(model, words, gazetteer, scratch, predicted);
    const auto p = spans(predicted), g = spans(sentence.tags);
    for (const auto& span : p) ++counts.guessed[span[2]];
    for (const auto& span : g) ++counts.gold[span[2]];
    for (const auto& span : p) counts.right[span[2]] += std::find(g.begin(), g.end(), span) != g.end();
  }
  return counts;
}

// Exact-match F1 of PER, ORG and LOC spans tagged by a model blob on held-out sentences.
inline double span_f1(const std::string& blob, const std::vector<TrainingSentence>& sentences) {
  return span_counts(blob, sentences).f1();
}

}  // namespace tmk::ner
