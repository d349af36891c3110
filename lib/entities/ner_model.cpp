#include "entities/ner_model.hpp"

#include <unicode/uchar.h>

#include <atomic>
#include <bit>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <stdexcept>

#include "core/hash_table.hpp"
#include "core/huge_pages.hpp"
#include "core/resources.hpp"
#include "text/word_lists.hpp"
#include "tmk/core/utf8.hpp"

namespace tmk::ner {

bool is_word_char(char32_t c) {
  if (c == static_cast<char32_t>(kInvalidByte)) return true;
  // Most characters are ASCII, whose letters and digits (as ICU has them) are these.
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return u_isalnum(static_cast<UChar32>(c));
}

namespace {
bool is_apostrophe(char32_t c) {
  return c == '\'' || c == U'\u2019';
}

// Abbreviations that keep their final period as one word, as the training data writes
// them ("Mr.", "Inc."): those marked "token" in abbreviations/en.txt. Any other final period
// is split off.
bool keeps_period(std::string_view body) {
  static const words::WordList kept = [] {
    words::WordList list;
    for (const words::Abbreviation& entry : words::abbreviations("en"))
      if (entry.one_token) list.add(entry.word);
    return list;
  }();
  if (body.find('.') != std::string_view::npos) return true;  // U.S., p.m.
  std::size_t letters = 0;
  for (const char c : body) letters += (c & 0xC0) != 0x80;
  if (letters == 1) return true;  // initials: "J."
  return kept.contains(body);
}

// Length in bytes of a clitic that UD splits off the end of [begin, end): 's n't 'll 're
// 've 'd 'm, or a lone ' after s (Sanders'). 0 if none.
std::size_t clitic_length(std::string_view text, std::size_t begin, std::size_t end) {
  const std::string_view word = text.substr(begin, end - begin);
  // Every clitic ends within four bytes of an apostrophe (' or the last byte of ’); most
  // words have none, and this is called for nearly every word.
  const std::size_t tail = std::min<std::size_t>(word.size(), 4);
  if (std::none_of(word.end() - tail, word.end(), [](char c) { return c == '\'' || c == '\x99'; })) return 0;
  auto ends_with_apostrophe_then = [&](std::string_view tail) -> std::size_t {
    for (const std::string_view apostrophe : {std::string_view("'"), std::string_view("\xE2\x80\x99")}) {
      const std::size_t n = apostrophe.size() + tail.size();
      if (word.size() <= n) continue;
      const std::string_view end_part = word.substr(word.size() - n);
      if (end_part.substr(0, apostrophe.size()) != apostrophe) continue;
      bool same = true;
      for (std::size_t k = 0; k < tail.size(); ++k)
        same &= std::tolower(static_cast<unsigned char>(end_part[apostrophe.size() + k])) == tail[k];
      if (same) return n;
    }
    return 0;
  };
  for (const std::string_view tail : {"s", "ll", "re", "ve", "d", "m"})
    if (const std::size_t n = ends_with_apostrophe_then(tail)) return n;
  if (const std::size_t n = ends_with_apostrophe_then("t");
      n && word.size() > n && (word[word.size() - n - 1] | 0x20) == 'n')
    return n + 1;  // n't
  for (const std::string_view apostrophe : {std::string_view("'"), std::string_view("\xE2\x80\x99")})
    if (word.size() > apostrophe.size() + 1 && word.ends_with(apostrophe) &&
        (word[word.size() - apostrophe.size() - 1] | 0x20) == 's')
      return apostrophe.size();
  return 0;
}

constexpr char ascii_shape_class(char c) {
  if (c >= 'A' && c <= 'Z') return 'X';
  if (c >= 'a' && c <= 'z') return 'x';
  if (c >= '0' && c <= '9') return 'd';
  return c;
}

// Each ASCII character's shape class and folded form (lower case, digits as 0), looked up
// rather than worked out: nearly every character of news text is one.
struct AsciiCharacter {
  char cls;
  char folded;
};
constexpr std::array<AsciiCharacter, 0x80> kAsciiCharacters = [] {
  std::array<AsciiCharacter, 0x80> table{};
  for (std::size_t i = 0; i < table.size(); ++i) {
    const char c = static_cast<char>(i);
    const char cls = ascii_shape_class(c);
    table[i] = {cls, cls == 'd' ? '0' : cls == 'X' ? static_cast<char>(c + ('a' - 'A')) : c};
  }
  return table;
}();

char shape_class(char32_t c) {
  if (c < 0x80) return kAsciiCharacters[c].cls;
  if (u_isupper(static_cast<UChar32>(c))) return 'X';
  if (u_isalpha(static_cast<UChar32>(c))) return 'x';
  if (u_isdigit(static_cast<UChar32>(c))) return 'd';
  return '*';
}

// What the tagger knows of a word by its folded form, in one table so that a word costs
// one probe: whether lib/resources/entities/common-words.txt lists it, and its cluster in
// word-clusters.tsv. Open addressing over fold hashes; a slot holds the hash's top 48 bits
// and, in its low 16, kCommonBit | (1 + cluster id) (0: an empty slot).
constexpr std::uint16_t kCommonBit = 0x8000;

class Lexicon {
 public:
  Lexicon() {
    std::size_t lines = 0;
    const auto count = [&](std::string_view) { ++lines; };
    for_each_resource_line("entities/word-clusters.tsv", count);
    for_each_resource_line("entities/common-words.txt", count);
    std::size_t size = 1024;
    while (size < 2 * lines) size *= 2;  // load factor at most 1/2
    slots_.assign(size, 0);
    mask_ = size - 1;
    for_each_resource_line("entities/word-clusters.tsv", [&](std::string_view line) {
      const std::size_t tab = line.find('\t');
      if (tab == std::string_view::npos) return;
      unsigned id = 0;
      for (const char c : line.substr(tab + 1)) id = id * 10 + static_cast<unsigned>(c - '0');
      slot(hash_bytes(line.substr(0, tab), 2)) |= (id + 1) & 0x7FFF;
    });
    for_each_resource_line("entities/common-words.txt",
                           [&](std::string_view w) { slot(hash_bytes(w, 2)) |= kCommonBit; });
  }
  std::uint16_t find(std::uint64_t h) const {
    for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
      const std::uint64_t s = slots_[i];
      if (s == 0) return 0;
      if ((s >> 16) == (h >> 16)) return static_cast<std::uint16_t>(s & 0xFFFF);
    }
  }
  void prefetch(std::uint64_t h) const { __builtin_prefetch(&slots_[h & mask_]); }

 private:
  std::uint64_t& slot(std::uint64_t h) {
    std::size_t i = h & mask_;
    while (slots_[i] != 0 && (slots_[i] >> 16) != (h >> 16)) i = (i + 1) & mask_;
    if (slots_[i] == 0) slots_[i] = h & ~std::uint64_t{0xFFFF};
    return slots_[i];
  }
  std::vector<std::uint64_t, HugePageAllocator<std::uint64_t>> slots_;
  std::size_t mask_ = 0;
};

const Lexicon& lexicon() {
  static const Lexicon table;
  return table;
}

enum Template : std::uint64_t {
  kBias = 1,
  kWord,
  kPrevWord,
  kNextWord,
  kPrev2Word,
  kNext2Word,
  kShape,
  kShapePair,
  kShapeNextPair,
  kPrevWordShape,
  kNextWordShape,
  kPrefix,
  kSuffix,
  kGazetteer,
  kGazetteerShape,
  kFirstShape,
  kPrevTag,
  kWordNextWord,
  kCommon,
  kPrevWordWord,
  kCluster,
  kClusterPrev,
  kClusterNext,
  kClusterShape,
  kAffix5,
  kShortCaps,
};

inline std::uint64_t feature(Template t, std::uint64_t value) {
  return combine(t, value);
}

constexpr std::uint64_t kBoundaryHash = 0x5bd1e995ULL;  // stands for words before/after the sentence

}  // namespace

namespace {
constexpr std::uint64_t kFnvOffsetBasis = 0xcbf29ce484222325ULL;
constexpr std::uint64_t kFnvPrime = 0x100000001b3ULL;
}  // namespace

std::uint64_t hash_bytes(std::string_view bytes, std::uint64_t seed) {
  std::uint64_t h = kFnvOffsetBasis ^ seed;
  for (const char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= kFnvPrime;
  }
  return mix(h);
}

namespace {
// Reads a word's characters into `word` as they go by (whether its first letter is a
// capital, its ASCII letters), and keeps its shape: character classes, runs of more than two
// collapsed, at most 8.
class CharacterClasses {
 public:
  explicit CharacterClasses(Word& word) : word_(word) {}
  void add(char cls, bool ascii) {
    if (!first_letter_seen_ && (cls == 'X' || cls == 'x')) {
      word_.capitalized = cls == 'X';
      first_letter_seen_ = true;
    }
    word_.ascii_capitals += ascii && cls == 'X' && word_.ascii_capitals < 2;
    word_.ascii_small += ascii && cls == 'x' && word_.ascii_small < 2;
    if (shape_size_ < sizeof shape_ &&
        (shape_size_ < 2 || shape_[shape_size_ - 1] != cls || shape_[shape_size_ - 2] != cls))
      shape_[shape_size_++] = cls;
  }
  std::string_view shape() const { return std::string_view(shape_, shape_size_); }

 private:
  Word& word_;
  bool first_letter_seen_ = false;
  char shape_[8];
  std::size_t shape_size_ = 0;
};

// The key of a word's exact surface form (the emission cache's and the exact-case
// gazetteer's): any well-mixed 64-bit hash of its bytes and length will do, and taking the
// bytes eight at a time costs a fraction of FNV-1a's multiply per byte. A form of up to 8
// bytes maps to its key one to one.
std::uint64_t surface_hash(std::string_view bytes) {
  std::uint64_t h = (bytes.size() + 1) * 0x9E3779B97F4A7C15ULL;
  std::size_t pos = 0;
  for (; pos + 8 <= bytes.size(); pos += 8) {
    std::uint64_t chunk;
    std::memcpy(&chunk, bytes.data() + pos, 8);
    h = mix(h ^ chunk);
  }
  std::uint64_t tail = 0;
  for (int shift = 0; pos < bytes.size(); ++pos, shift += 8)
    tail |= std::uint64_t{static_cast<unsigned char>(bytes[pos])} << shift;
  return mix(h ^ tail);
}
}  // namespace

void WordSequence::add_word(std::size_t begin, std::size_t end) {
  const std::string_view surface = text_.substr(begin, end - begin);
  if (std::all_of(surface.begin(), surface.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
    add_ascii_word(begin, end);
  else
    add_word_by_code_points(begin, end);
}

void WordSequence::add_ascii_word(std::size_t begin, std::size_t end) {
  Word word{.start = begin, .end = end, .fold_start = static_cast<std::uint32_t>(folded_.size())};
  // An ASCII word's folded form is as long as the word: written in place, byte by byte.
  folded_.resize(folded_.size() + (end - begin));
  char* fold = folded_.data() + word.fold_start;
  CharacterClasses classes(word);
  std::uint64_t fold_hash = kFnvOffsetBasis ^ 2;  // hash_bytes(folded form, 2), as its bytes go by
  for (const char c : text_.substr(begin, end - begin)) {
    const AsciiCharacter character = kAsciiCharacters[static_cast<unsigned char>(c)];
    classes.add(character.cls, true);
    *fold++ = character.folded;
    fold_hash = (fold_hash ^ static_cast<unsigned char>(character.folded)) * kFnvPrime;
  }
  word.fold_hash = mix(fold_hash);
  finish_word(word, classes.shape());
}

void WordSequence::add_word_by_code_points(std::size_t begin, std::size_t end) {
  Word word{.start = begin, .end = end, .fold_start = static_cast<std::uint32_t>(folded_.size())};
  const std::string_view surface = text_.substr(begin, end - begin);
  CharacterClasses classes(word);
  std::size_t pos = 0;
  while (pos < surface.size()) {
    const char32_t c = next_code_point(surface, pos);
    const char cls = shape_class(c);
    classes.add(cls, c < 0x80);
    if (c < 0x80) {
      folded_.push_back(kAsciiCharacters[c].folded);
    } else if (cls == 'd') {
      folded_.push_back('0');
    } else if (c == U'\u2019' || c == U'\u2018') {
      folded_.push_back('\'');
    } else {
      append_utf8(folded_, static_cast<char32_t>(u_tolower(static_cast<UChar32>(c))));
    }
  }
  word.fold_hash = hash_bytes(std::string_view(folded_).substr(word.fold_start), 2);
  finish_word(word, classes.shape());
}

void WordSequence::finish_word(Word& word, std::string_view shape) {
  word.fold_size = static_cast<std::uint32_t>(folded_.size() - word.fold_start);
  word.exact_hash = surface_hash(text_.substr(word.start, word.end - word.start));
  word.shape_hash = hash_bytes(shape, 3);
  lexicon().prefetch(word.fold_hash);
  words_.push_back(word);
}

void WordSequence::look_up_words() const {
  const Lexicon& table = lexicon();
  for (; looked_up_ < words_.size(); ++looked_up_) {
    Word& word = words_[looked_up_];
    const std::uint16_t known = table.find(word.fold_hash);
    word.common = (known & kCommonBit) != 0;
    word.cluster = known & ~kCommonBit;
  }
}

bool title_case_small_word(std::string_view folded) {
  static constexpr std::string_view kSmall[] = {"a",  "an", "the", "of",  "in",  "on",   "at", "to",
                                                "by", "or", "and", "for", "but", "with", "as"};
  return std::find(std::begin(kSmall), std::end(kSmall), folded) != std::end(kSmall);
}

bool is_everyday_word(std::string_view folded) {
  const auto common = [](std::string_view w) { return (lexicon().find(hash_bytes(w, 2)) & kCommonBit) != 0; };
  if (common(folded)) return true;
  for (const std::string_view ending : {"s", "es", "d", "ed", "ing"})
    if (folded.size() > ending.size() + 2 && folded.ends_with(ending) &&
        common(folded.substr(0, folded.size() - ending.size())))
      return true;
  return false;
}

int WordSequence::find_case_mode() const {
  std::size_t words = 0, capitalized = 0, all_caps = 0, long_words = 0;
  bool other_lower = false;  // a lower-case word that Title Case would capitalize
  for (std::size_t i = 0; i < size(); ++i) {
    const std::size_t upper = words_[i].ascii_capitals, lower = words_[i].ascii_small;
    if (upper + lower == 0) continue;
    ++words;
    capitalized += words_[i].capitalized;
    if (upper + lower > 1) ++long_words, all_caps += lower == 0;
    if (!other_lower && !words_[i].capitalized) other_lower = !title_case_small_word(folded(i));
  }
  if (words >= 3 && long_words > 0 && all_caps * 5 >= long_words * 4) return kAllCaps;
  if (words >= 3 && capitalized == 0) return kLowerCase;
  if (words >= 4 && !other_lower && capitalized * 5 >= words * 3) return kTitleCase;
  return kNormalCase;
}

void WordSequence::add_token(std::size_t begin, std::size_t end) {
  // Leading punctuation: one word per character.
  while (begin < end) {
    std::size_t next = begin;
    if (is_word_char(next_code_point(text_, next))) break;
    add_word(begin, next);
    begin = next;
  }
  // Trailing punctuation and clitics, collected right to left.
  std::size_t tail_words[16][2];
  std::size_t tail_count = 0;
  while (begin < end && tail_count < 16) {
    std::size_t before = end;
    const char32_t c = previous_code_point(text_, before);
    if (is_word_char(c)) {
      const std::size_t clitic = clitic_length(text_, begin, end);
      if (clitic == 0) break;
      tail_words[tail_count][0] = end - clitic;
      tail_words[tail_count++][1] = end;
      end -= clitic;
      break;
    }
    if (c == '.' && keeps_period(text_.substr(begin, before - begin))) break;
    if (is_apostrophe(c)) {
      if (const std::size_t clitic = clitic_length(text_, begin, end)) {
        tail_words[tail_count][0] = end - clitic;
        tail_words[tail_count++][1] = end;
        end -= clitic;
        continue;
      }
    }
    tail_words[tail_count][0] = before;
    tail_words[tail_count++][1] = end;
    end = before;
  }
  // The body, split at hyphens and slashes between word characters as UD does.
  std::size_t piece = begin;
  std::size_t pos = begin;
  while (pos < end) {
    const std::size_t at = pos;
    const char32_t c = next_code_point(text_, pos);
    if ((c == '-' || c == '/') && at > piece && pos < end) {
      add_word(piece, at);
      add_word(at, pos);
      piece = pos;
    }
  }
  if (piece < end) add_word(piece, end);
  while (tail_count > 0) {
    --tail_count;
    add_word(tail_words[tail_count][0], tail_words[tail_count][1]);
  }
}

void gazetteer_positions(const WordSequence& words, const Gazetteer& gazetteer, std::vector<std::uint16_t>& out) {
  out.assign(words.size(), 0);
  // Most words start no name, and finding that out is a cache miss: ask ahead for them.
  constexpr std::size_t kAhead = 4;
  for (std::size_t i = 0; i < kAhead; ++i) gazetteer.prefetch(words, i);
  std::size_t prefetched = kAhead;
  for (std::size_t i = 0; i < words.size();) {
    for (; prefetched < i + kAhead; ++prefetched) gazetteer.prefetch(words, prefetched);
    const Gazetteer::Match match = gazetteer.longest_match(words, i);
    if (match.length == 0) {
      ++i;
      continue;
    }
    for (int type = 0; type < kEntityTypeCount; ++type) {
      if (!(match.types & (1u << type))) continue;
      for (std::size_t k = 0; k < match.length; ++k) {
        const Position position = match.length == 1 ? kUnit : k == 0 ? kBegin : k + 1 == match.length ? kLast : kInside;
        out[i + k] |= static_cast<std::uint16_t>((1 + position) << (3 * type));
      }
    }
    i += match.length;
  }
}

namespace {
// A cluster id at a coarser level: its top bits (0, unknown, and 0xFFFFF, outside the
// sentence, at every level).
constexpr std::uint64_t kBoundaryCluster = 0xFFFFF;
std::uint64_t cluster_level(std::uint64_t cluster, int shift) {
  return cluster == 0 || cluster == kBoundaryCluster ? cluster : ((cluster - 1) >> shift) + 1;
}
// In a sentence not in normal case, capitals say less: its shapes are other features.
std::uint64_t shape_at(const WordSequence& words, std::ptrdiff_t k) {
  const int mode = words.case_mode();
  const std::uint64_t shape =
      k < 0 || static_cast<std::size_t>(k) >= words.size() ? kBoundaryHash : words[k].shape_hash;
  return mode ? combine(shape, mode) : shape;
}
}  // namespace

void own_features(const WordSequence& words, std::size_t i, std::vector<std::uint64_t>& out) {
  const Word& w = words[i];
  const std::uint64_t shape = shape_at(words, static_cast<std::ptrdiff_t>(i));
  out.push_back(feature(kBias, 0));
  out.push_back(feature(kWord, w.fold_hash));
  out.push_back(feature(kShape, shape));
  if (i == 0) out.push_back(feature(kFirstShape, shape));
  out.push_back(feature(kCommon, combine(w.common * 2 + (i == 0), shape)));
  const std::string_view folded = words.folded(i);
  // Affixes of 2 to 5 letters (1-letter ones and the neighbours' lone shapes were dropped:
  // no better on dev, and every feature costs a memory access).
  for (std::size_t k = 2; k <= 3 && k < folded.size(); ++k)
    out.push_back(feature(kPrefix, hash_bytes(folded.substr(0, k), k)));
  for (std::size_t k = 2; k <= 4 && k < folded.size(); ++k)
    out.push_back(feature(kSuffix, hash_bytes(folded.substr(folded.size() - k), k)));
  if (folded.size() > 5) {
    out.push_back(feature(kAffix5, hash_bytes(folded.substr(0, 5), 5)));
    out.push_back(feature(kAffix5, hash_bytes(folded.substr(folded.size() - 5), 6)));
  }
  // Cluster ids at four granularities (unknown words: 0 at every level).
  for (const int shift : {0, 2, 4, 6})
    out.push_back(feature(kCluster, combine(shift, cluster_level(w.cluster, shift))));
  out.push_back(feature(kClusterShape, combine(cluster_level(w.cluster, 2), shape)));
  // Short all-capital words are often acronyms of organizations (EU, NYSE).
  const bool caps =
      folded.size() <= 5 && w.capitalized && words.surface(i) != folded &&
      std::none_of(words.surface(i).begin(), words.surface(i).end(), [](char ch) { return ch >= 'a' && ch <= 'z'; });
  if (caps) out.push_back(feature(kShortCaps, combine(folded.size() * 4 + words.case_mode(), w.common)));
}

void context_features(const WordSequence& words, const std::vector<std::uint16_t>& gazetteer, std::size_t i,
                      std::vector<std::uint64_t>& out) {
  const auto n = static_cast<std::ptrdiff_t>(i);
  const auto fold_at = [&](std::ptrdiff_t k) {
    return k < 0 || static_cast<std::size_t>(k) >= words.size() ? kBoundaryHash : words[k].fold_hash;
  };
  const auto cluster_at = [&](std::ptrdiff_t k) {
    return k < 0 || static_cast<std::size_t>(k) >= words.size() ? kBoundaryCluster : words[k].cluster;
  };
  const std::uint64_t shape = shape_at(words, n);
  const std::uint64_t fold = words[i].fold_hash, previous = fold_at(n - 1), next = fold_at(n + 1);
  out.push_back(feature(kPrevWord, previous));
  out.push_back(feature(kNextWord, next));
  out.push_back(feature(kPrev2Word, fold_at(n - 2)));
  out.push_back(feature(kNext2Word, fold_at(n + 2)));
  out.push_back(feature(kClusterPrev, cluster_level(cluster_at(n - 1), 2)));
  out.push_back(feature(kClusterNext, cluster_level(cluster_at(n + 1), 2)));
  out.push_back(feature(kShapePair, combine(shape_at(words, n - 1), shape)));
  out.push_back(feature(kShapeNextPair, combine(shape, shape_at(words, n + 1))));
  out.push_back(feature(kPrevWordShape, combine(previous, shape)));
  out.push_back(feature(kNextWordShape, combine(next, shape)));
  out.push_back(feature(kWordNextWord, combine(fold, next)));
  out.push_back(feature(kPrevWordWord, combine(previous, fold)));
  if (const std::uint16_t g = gazetteer[i]) {
    out.push_back(feature(kGazetteer, g));
    out.push_back(feature(kGazetteerShape, combine(g, shape)));
  }
}

void word_features(const WordSequence& words, const std::vector<std::uint16_t>& gazetteer, std::size_t i,
                   std::vector<std::uint64_t>& out) {
  own_features(words, i, out);
  context_features(words, gazetteer, i, out);
}

std::uint64_t transition_feature(std::uint8_t previous) {
  return feature(kPrevTag, previous);
}

namespace {
// What a model's weights mean depends on more than its version: the word lists the features
// look up, the abbreviations that decide how words are split, and the feature code itself.
// Bump kFeatureCode when word_features(), WordSequence or the tag set change meaning.
constexpr std::uint64_t kFeatureCode = 3;
constexpr std::string_view kFeatureResources[] = {"entities/common-words.txt", "entities/word-clusters.tsv",
                                                  "entities/gazetteer.tsv", "abbreviations/en.txt"};

struct BlobHeader {
  char magic[6];
  std::uint16_t version;
  std::uint32_t bucket_bits;
  std::uint32_t tag_count;
  std::uint64_t fingerprint;  // feature_fingerprint() of the build that trained it
};
static_assert(sizeof(BlobHeader) == 24);
static_assert(std::endian::native == std::endian::little, "the model blob is little endian");
constexpr char kMagic[6] = {'T', 'M', 'K', 'N', 'E', 'R'};
}  // namespace

std::uint64_t feature_fingerprint() {
  static const std::uint64_t fingerprint = [] {
    std::uint64_t h = combine(kFeatureCode, kTagCount);
    for (const std::string_view name : kFeatureResources) h = combine(h, hash_bytes(resource(name)));
    return h;
  }();
  return fingerprint;
}

Model::Model(std::string_view blob) {
  BlobHeader header;
  if (blob.size() < sizeof header) throw std::runtime_error("entity model: truncated header");
  std::memcpy(&header, blob.data(), sizeof header);
  if (std::memcmp(header.magic, kMagic, sizeof kMagic) != 0) throw std::runtime_error("entity model: not a tmk model");
  if (header.version != kVersion || header.tag_count != kTagCount || header.bucket_bits < 8 || header.bucket_bits > 24)
    throw std::runtime_error("entity model: made for another version of tmk");
  if (header.fingerprint != feature_fingerprint()) {
    char message[200];
    std::snprintf(message, sizeof message,
                  "entity model: trained with other features, word lists or word splitting (model %016llx, this "
                  "build %016llx); retrain it with scripts/train-entities",
                  static_cast<unsigned long long>(header.fingerprint),
                  static_cast<unsigned long long>(feature_fingerprint()));
    throw std::runtime_error(message);
  }
  const std::size_t buckets = std::size_t{1} << header.bucket_bits;
  if (blob.size() < sizeof header + buckets * kTagCount * sizeof(std::int16_t))
    throw std::runtime_error("entity model: truncated weights");
  weights_.resize(buckets * kTagCount);
  std::memcpy(weights_.data(), blob.data() + sizeof header, weights_.size() * sizeof(std::int16_t));
  mask_ = buckets - 1;
  static std::atomic<std::uint64_t> models_made{0};
  id_ = ++models_made;
}

std::string Model::serialize(std::uint32_t bucket_bits, const std::vector<float>& weights) {
  float largest = 0;
  for (const float w : weights) largest = std::max(largest, std::fabs(w));
  const float scale = largest > 0 ? 32767.0f / largest : 1.0f;
  BlobHeader header;
  std::memcpy(header.magic, kMagic, sizeof kMagic);
  header.version = kVersion;
  header.bucket_bits = bucket_bits;
  header.tag_count = kTagCount;
  header.fingerprint = feature_fingerprint();
  std::string blob(reinterpret_cast<const char*>(&header), sizeof header);
  blob.reserve(sizeof header + weights.size() * 2);
  for (const float w : weights) {
    const auto q = static_cast<std::int16_t>(std::lround(w * scale));
    blob.append(reinterpret_cast<const char*>(&q), sizeof q);
  }
  return blob;
}

namespace {
// 32,768 forms (2.6 MB) hold most words of news text; a rarer word's own features are added
// up again, and take its place. A form's slot is the top bits of its key.
constexpr int kCachedFormBits = 15;
constexpr std::size_t slot_of(std::uint64_t key) {
  return key >> (64 - kCachedFormBits);
}
}  // namespace

// Most of the work of EmissionCache::add_up_features is widening the model's 16-bit weights
// and adding them, and best_path() compares eight scores at a time: with AVX2, where the
// processor has it, both take fewer instructions (the same sums, the same paths).
// (GCC only: clang 14 leaves callers in other files with an undefined symbol.)
#if defined(__x86_64__) && defined(__GLIBC__) && !defined(__clang__)  // needs the loader's ifunc support
#define TMK_ALSO_FOR_AVX2 __attribute__((target_clones("avx2", "default")))
#else
#define TMK_ALSO_FOR_AVX2
#endif

namespace {
// Eight tags' scores, or tags, side by side: the name tags 1 to 16 fill two (GCC and clang
// vector extensions, two SSE2 registers each where AVX2 is not to be had).
using EightFloats = float __attribute__((vector_size(32)));
using EightInts = std::int32_t __attribute__((vector_size(32)));
static_assert(kTagCount == 17, "best_path() holds the name tags in two vectors of eight");

// For each tag, the first tag (in increasing order) that BILOU allows before it.
constexpr std::array<std::int32_t, kTagCount> kFirstAllowedBefore = [] {
  std::array<std::int32_t, kTagCount> first{};
  for (int t = 0; t < kTagCount; ++t)
    while (!allowed_after(static_cast<std::uint8_t>(first[t]), static_cast<std::uint8_t>(t))) ++first[t];
  return first;
}();
}  // namespace

// Each step weighs every tag before against all 17 tags at once, in vectors: the forbidden
// transitions score -infinity and never win. Trying the tags before in increasing order and
// keeping the first of equal scores, starting from the first allowed one, finds what trying
// only the allowed ones one by one finds.
TMK_ALSO_FOR_AVX2 void best_path(const Transitions& transition, DecodeScratch& scratch,
                                 std::vector<std::uint8_t>& tags) {
  constexpr float kForbidden = -std::numeric_limits<float>::infinity();
  const std::size_t n = scratch.emission.size();
  tags.assign(n, 0);
  if (n == 0) return;
  scratch.best.resize(n);
  scratch.back.resize(n);
  for (int t = 0; t < kTagCount; ++t) {
    scratch.best[0][t] = transition[kStartTag][t] + scratch.emission[0][t];
    scratch.back[0][t] = 0;
  }
  EightInts first_low, first_high;
  std::memcpy(&first_low, &kFirstAllowedBefore[1], sizeof first_low);
  std::memcpy(&first_high, &kFirstAllowedBefore[9], sizeof first_high);
  for (std::size_t i = 1; i < n; ++i) {
    const std::array<float, kTagCount>& before = scratch.best[i - 1];
    float best_outside = kForbidden;  // tag 0
    std::int32_t from_outside = kFirstAllowedBefore[0];
    EightFloats best_low = EightFloats{} + kForbidden, best_high = best_low;  // tags 1-8, 9-16
    EightInts from_low = first_low, from_high = first_high;
#pragma GCC unroll 17
    for (int p = 0; p < kTagCount; ++p) {
      const float score = before[p] + transition[p][0];
      from_outside = score > best_outside ? p : from_outside;
      best_outside = score > best_outside ? score : best_outside;
      EightFloats low, high;
      std::memcpy(&low, &transition[p][1], sizeof low);
      std::memcpy(&high, &transition[p][9], sizeof high);
      low += before[p];
      high += before[p];
      const EightInts better_low = low > best_low, better_high = high > best_high;
      best_low = better_low ? low : best_low;
      best_high = better_high ? high : best_high;
      from_low = better_low ? p : from_low;
      from_high = better_high ? p : from_high;
    }
    std::array<float, kTagCount>& best = scratch.best[i];
    const std::array<float, kTagCount>& emission = scratch.emission[i];
    best[0] = best_outside + emission[0];
    EightFloats emission_low, emission_high;
    std::memcpy(&emission_low, &emission[1], sizeof emission_low);
    std::memcpy(&emission_high, &emission[9], sizeof emission_high);
    best_low += emission_low;
    best_high += emission_high;
    std::memcpy(&best[1], &best_low, sizeof best_low);
    std::memcpy(&best[9], &best_high, sizeof best_high);
    std::array<std::uint8_t, kTagCount>& back = scratch.back[i];
    back[0] = static_cast<std::uint8_t>(from_outside);
    for (int t = 0; t < 8; ++t) {
      back[1 + t] = static_cast<std::uint8_t>(from_low[t]);
      back[9 + t] = static_cast<std::uint8_t>(from_high[t]);
    }
  }
  // The last tag must close any name (O, L or U).
  int last = 0;
  for (int t = 1; t < kTagCount; ++t) {
    const Position position = tag_position(static_cast<std::uint8_t>(t));
    if ((position == kLast || position == kUnit) && scratch.best[n - 1][t] > scratch.best[n - 1][last]) last = t;
  }
  for (std::size_t i = n; i-- > 0;) {
    tags[i] = static_cast<std::uint8_t>(last);
    last = scratch.back[i][last];
  }
}

TMK_ALSO_FOR_AVX2 void EmissionCache::add_up_features(const Model& model, const WordSequence& words,
                                                      const std::vector<std::uint16_t>& gazetteer,
                                                      DecodeScratch& scratch) {
  if (entries_.empty()) entries_.resize(std::size_t{1} << kCachedFormBits);
  const std::size_t n = words.size();
  keys_.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    // Another model's entries never match: its id is in the key.
    keys_[i] = combine(combine(words[i].exact_hash, model.id()), words.case_mode() * 2 + (i == 0)) | 1;
    __builtin_prefetch(&entries_[slot_of(keys_[i])]);
  }
  // The scores of the words found in the table are taken before any entry is replaced; the
  // others' own features come first in their lists.
  sums_.resize(n);
  own_counts_.resize(n);
  scratch.features.clear();
  scratch.offsets.assign(1, 0);
  for (std::size_t i = 0; i < n; ++i) {
    const Entry& entry = entries_[slot_of(keys_[i])];
    if (entry.key == keys_[i]) {
      sums_[i] = entry.own;
      own_counts_[i] = 0;
    } else {
      sums_[i] = {};
      own_features(words, i, scratch.features);
      own_counts_[i] = static_cast<std::uint32_t>(scratch.features.size() - scratch.offsets[i]);
    }
    context_features(words, gazetteer, i, scratch.features);
    scratch.offsets.push_back(scratch.features.size());
  }
  // The model's rows are scattered over 4 MB: each is asked for well before it is added.
  const std::vector<std::uint64_t>& features = scratch.features;
  constexpr std::size_t kAhead = 32;
  for (std::size_t k = 0; k < std::min(kAhead, features.size()); ++k) model.prefetch(features[k]);
  for (std::size_t i = 0, k = 0; i < n; ++i) {
    const std::size_t own_end = k + own_counts_[i];
    for (; k < scratch.offsets[i + 1]; ++k) {
      if (k + kAhead < features.size()) model.prefetch(features[k + kAhead]);
      model.add(features[k], sums_[i].data());
      if (k + 1 == own_end) {
        Entry& entry = entries_[slot_of(keys_[i])];
        entry.key = keys_[i];
        entry.own = sums_[i];
      }
    }
  }
  scratch.emission.resize(n);
  for (std::size_t i = 0; i < n; ++i)
    for (int t = 0; t < kTagCount; ++t) scratch.emission[i][t] = static_cast<float>(sums_[i][t]);
}

}  // namespace tmk::ner
