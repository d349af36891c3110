#include "tmk/entities/entities.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "entities/ner_model.hpp"
#include "core/resources.hpp"
#include "text/input.hpp"

namespace tmk {

std::string_view to_string(EntitySource source) {
  switch (source) {
    case EntitySource::model:
      return "model";
    case EntitySource::gazetteer:
      return "gazetteer";
    case EntitySource::alias:
      break;
  }
  return "alias";
}

struct EntityRecognizer::Impl {
  Impl(std::string blob, const std::vector<ListedName>& names)
      : owned(std::move(blob)), weights(owned.empty() ? resource("entities/model.bin") : std::string_view(owned)) {
    for_each_resource_line("entities/titles.txt",
                           [&](std::string_view line) { titles.insert(ner::hash_bytes(line, 2)); });
    for (const ListedName& listed : names) {
      user_names.add(listed.name, listed.type);
      if (!listed.canonical.empty()) canonical_of.emplace(listed.name, listed.canonical);
    }
  }
  bool is_title(const ner::Word& word) const { return titles.count(word.fold_hash) != 0; }

  std::string owned;
  ner::Model weights;
  std::unordered_set<std::uint64_t> titles;  // fold hashes
  Gazetteer user_names{Gazetteer::Matching::exact_case};
  std::unordered_map<std::string, std::string> canonical_of;  // the caller's aliases
};

namespace {

// A mention while the document is being resolved: its words in the document's word list.
struct Draft {
  Draft(std::size_t first, std::size_t end, EntityType t, EntitySource from = EntitySource::model, std::string n = {})
      : first_word(first), end_word(end), type(t), source(from), name(std::move(n)) {}
  std::size_t first_word = 0;
  std::size_t end_word = 0;
  EntityType type = EntityType::MISC;
  EntitySource source = EntitySource::model;
  std::string name;       // the surface with whitespace collapsed
  std::string canonical;  // filled by resolve()
};

struct DocumentWord {
  std::size_t start = 0;
  std::size_t end = 0;
  std::size_t sentence = 0;
  std::uint64_t fold_hash = 0;
  bool common = false;
  bool has_word_char = false;
  bool capitalized = false;
};

bool has_word_char(std::string_view s) {
  for (const char c : s)
    if (std::isalnum(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80)) return true;
  return false;
}

bool is_possessive(std::string_view folded) {
  return folded == "'s" || folded == "'";
}

bool is_weekday(std::string_view folded) {
  static constexpr std::string_view kWeekdays[] = {"monday", "tuesday",  "wednesday", "thursday",
                                                   "friday", "saturday", "sunday"};
  return std::find(std::begin(kWeekdays), std::end(kWeekdays), folded) != std::end(kWeekdays);
}

std::string collapse_spaces(std::string_view text) {
  std::string out;
  bool space = false;
  for (const char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

std::vector<std::string_view> split_spaces(std::string_view s) {
  std::vector<std::string_view> parts;
  std::size_t pos = 0;
  while (pos < s.size()) {
    const std::size_t space = std::min(s.find(' ', pos), s.size());
    if (space > pos) parts.push_back(s.substr(pos, space - pos));
    pos = space + 1;
  }
  return parts;
}

// Whether `short_form` ("IAM", "A.C.L.U.") spells the initials of `long_form`'s words,
// either of all of them or of the capitalized ones.
bool is_acronym_of(std::string_view short_form, std::string_view long_form) {
  std::string letters;
  for (const char c : short_form) {
    if (c >= 'A' && c <= 'Z') {
      letters.push_back(c);
    } else if (c != '.' && c != '&') {
      return false;
    }
  }
  if (letters.size() < 2) return false;
  std::string initials;  // of the capitalized words
  for (const std::string_view word : split_spaces(long_form))
    if (std::isupper(static_cast<unsigned char>(word.front()))) initials.push_back(word.front());
  // Acronyms skip words ("IAM" for International Association of Machinists and Aerospace
  // Workers) but start with the first and spell most of the name.
  if (initials.empty() || letters.front() != initials.front() || 2 * letters.size() < initials.size()) return false;
  std::size_t k = 0;
  for (const char c : initials)
    if (k < letters.size() && letters[k] == c) ++k;
  return k == letters.size();
}

// A name of the form "Federation of State, County and Municipal Employees": the model may
// stop at the comma; the list of capitalized words ending in "and ..." continues the name
// when the model left those words untagged, or tagged them but they are everyday words
// ("County", "Municipal Employees"), unlike a list of other names ("Bank of America,
// Citigroup and Wells Fargo"). Returns the new end word.
std::size_t extend_over_coordination(const ner::WordSequence& words, std::size_t first, std::size_t end,
                                     const std::vector<std::uint8_t>& tags) {
  bool has_of = false;
  for (std::size_t i = first; i < end; ++i) has_of |= words.folded(i) == "of";
  if (!has_of) return end;
  const auto capitalized_run = [&](std::size_t i) {
    std::size_t j = i;
    const auto continues_mention = [&](std::size_t k) {  // the rest of a mention begun in the run
      return k > i && tags[k] != 0 &&
             (ner::tag_position(tags[k]) == ner::kInside || ner::tag_position(tags[k]) == ner::kLast);
    };
    while (j < words.size() && words[j].capitalized && (tags[j] == 0 || words[j].common || continues_mention(j))) ++j;
    return j;
  };
  std::size_t i = end;
  bool listed = false;
  while (i + 1 < words.size() && words.folded(i) == "," && tags[i] == 0) {
    const std::size_t after = capitalized_run(i + 1);
    if (after == i + 1) return end;
    listed = true;
    i = after;
  }
  if (!listed || i + 1 >= words.size() || tags[i] != 0 || (words.folded(i) != "and" && words.folded(i) != "&"))
    return end;
  const std::size_t after = capitalized_run(i + 1);
  return after == i + 1 ? end : after;
}

// A name never has the same word twice in a row: "Anna Anna Berg" is a signature line
// running into the next one, so it is cut into "Anna" and "Anna Berg".
void split_repeated_names(const ner::WordSequence& words, std::size_t base, std::vector<Draft>& found) {
  for (std::size_t k = 0; k < found.size(); ++k) {
    if (found[k].type != EntityType::PER || found[k].source != EntitySource::model) continue;
    for (std::size_t w = found[k].first_word + 1; w < found[k].end_word; ++w) {
      if (words[w - base].fold_hash != words[w - 1 - base].fold_hash) continue;
      const std::size_t end = found[k].end_word;
      found[k].end_word = w;
      found.emplace_back(w, end, EntityType::PER);
      break;
    }
  }
}

}  // namespace

EntityRecognizer::EntityRecognizer() : EntityRecognizer(EntityOptions{}) {}
EntityRecognizer::EntityRecognizer(EntityOptions options)
    : impl_(std::make_unique<Impl>(std::move(options.model), options.names)) {}
EntityRecognizer::~EntityRecognizer() = default;
EntityRecognizer::EntityRecognizer(EntityRecognizer&&) noexcept = default;
EntityRecognizer& EntityRecognizer::operator=(EntityRecognizer&&) noexcept = default;

std::vector<EntityMention> EntityRecognizer::recognize(std::string_view raw_text, const Analysis& analysis) const {
  std::string checked;
  const std::string_view text = checked_input(raw_text, analysis, checked, "tmk::EntityRecognizer::recognize");
  std::vector<DocumentWord> doc_words;
  std::vector<Draft> drafts;
  ner::WordSequence words(text);
  std::vector<std::uint16_t> gazetteer;
  ner::DecodeScratch scratch;
  std::vector<std::uint8_t> tags;

  // 1. Tag each sentence.
  for (std::size_t s = 0; s < analysis.sentences.size(); ++s) {
    const Sentence& sentence = analysis.sentences[s];
    words.clear();
    for (std::size_t t = sentence.first_token; t < sentence.end_token; ++t)
      words.add_token(analysis.tokens[t].start, analysis.tokens[t].end);
    if (words.size() == 0) continue;
    const std::size_t base = doc_words.size();
    for (std::size_t i = 0; i < words.size(); ++i)
      doc_words.push_back({words[i].start, words[i].end, s, words[i].fold_hash, words[i].common,
                           has_word_char(words.surface(i)), words[i].capitalized});
    ner::gazetteer_positions(words, Gazetteer::builtin(), gazetteer);
    ner::decode<std::int32_t>(impl_->weights, words, gazetteer, scratch, tags);

    std::vector<Draft> found;
    for (std::size_t i = 0; i < tags.size(); ++i) {
      if (tags[i] == 0) continue;
      const ner::Position position = ner::tag_position(tags[i]);
      if (position == ner::kBegin || position == ner::kUnit)
        found.emplace_back(base + i, base + i + 1, ner::tag_type(tags[i]));
      else if (!found.empty())
        found.back().end_word = base + i + 1;
    }
    if (!impl_->user_names.empty()) {
      for (std::size_t i = 0; i < words.size();) {
        const Gazetteer::Match match = impl_->user_names.longest_match(words, i);
        if (match.length == 0) {
          ++i;
          continue;
        }
        const std::size_t first = base + i, end = base + i + match.length;
        std::erase_if(found, [&](const Draft& d) { return d.first_word < end && first < d.end_word; });
        const auto type = static_cast<EntityType>(std::countr_zero(static_cast<unsigned>(match.types)));
        found.emplace_back(first, end, type, EntitySource::gazetteer);
        i += match.length;
      }
    }
    split_repeated_names(words, base, found);
    std::size_t absorbed_from = 0, absorbed_until = 0;  // words taken into an extended name
    for (Draft& d : found) {
      if (d.first_word >= absorbed_from && d.first_word < absorbed_until) continue;
      if (d.type == EntityType::ORG) {
        absorbed_from = d.end_word;
        d.end_word = base + extend_over_coordination(words, d.first_word - base, d.end_word - base, tags);
        absorbed_until = d.end_word;
      }
      // Titles precede a name but are not part of it (and are no name alone); punctuation,
      // a possessive 's and a weekday never start or end one.
      if (d.source == EntitySource::model) {
        if (d.type == EntityType::PER)
          while (d.end_word - d.first_word > 1 && impl_->is_title(words[d.first_word - base])) ++d.first_word;
        // "Governor" alone, or "Virginia Governor", names an office, not a person.
        if ((d.type == EntityType::PER || d.end_word - d.first_word == 1) &&
            impl_->is_title(words[d.end_word - 1 - base]))
          continue;
      }
      const auto outside = [&](std::size_t w) {
        return !doc_words[w].has_word_char || (d.source == EntitySource::model && is_weekday(words.folded(w - base)));
      };
      while (d.first_word < d.end_word && outside(d.first_word)) ++d.first_word;
      while (d.first_word < d.end_word &&
             (outside(d.end_word - 1) || is_possessive(words.folded(d.end_word - 1 - base))))
        --d.end_word;
      if (d.first_word == d.end_word) continue;
      drafts.push_back(std::move(d));
    }
  }
  for (Draft& d : drafts)
    d.name = collapse_spaces(
        text.substr(doc_words[d.first_word].start, doc_words[d.end_word - 1].end - doc_words[d.first_word].start));
  std::sort(drafts.begin(), drafts.end(), [](const Draft& a, const Draft& b) { return a.first_word < b.first_word; });

  // 2. Acronyms defined in the text, "Long Name (LN)" or "LN (Long Name)": both map to the long name.
  std::unordered_map<std::string, std::pair<std::string, EntityType>> acronym_names;  // short -> long, type
  const auto bracket_at = [&](std::size_t w, char c) { return w < doc_words.size() && text[doc_words[w].start] == c; };
  for (std::size_t k = 0, count = drafts.size(); k < count; ++k) {
    const std::size_t open = drafts[k].end_word;
    if (!bracket_at(open, '(')) continue;
    std::size_t close = open + 1;
    while (close < doc_words.size() && close < open + 12 && !bracket_at(close, ')')) ++close;
    if (close == open + 1 || !bracket_at(close, ')')) continue;
    const std::string inner =
        collapse_spaces(text.substr(doc_words[open + 1].start, doc_words[close - 1].end - doc_words[open + 1].start));
    const auto inner_draft = std::find_if(
        drafts.begin(), drafts.end(), [&](const Draft& d) { return d.first_word == open + 1 && d.end_word == close; });
    const Draft& outer = drafts[k];
    const EntityType outer_type = outer.type;
    if (is_acronym_of(inner, outer.name)) {
      acronym_names.emplace(inner, std::pair(outer.name, outer.type));
      if (inner_draft == drafts.end()) drafts.emplace_back(open + 1, close, outer_type, EntitySource::alias, inner);
    } else if (is_acronym_of(outer.name, inner)) {
      // The bracketed words are the long name, whatever parts of it the model found.
      acronym_names.emplace(outer.name, std::pair(inner, outer_type));
      for (Draft& d : drafts)
        if (d.first_word > open && d.end_word <= close) d.end_word = d.first_word;  // dropped below
      drafts.emplace_back(open + 1, close, outer_type, EntitySource::alias, inner);
    }
  }
  std::erase_if(drafts, [](const Draft& d) { return d.first_word == d.end_word; });

  // 3. Canonical names: an acronym's long name; a person's full name for part of it
  // ("Sanders", "Bernie" after "Bernie Sanders"), preferring the latest full name before.
  for (std::size_t k = 0; k < drafts.size(); ++k) {
    Draft& d = drafts[k];
    d.canonical = d.name;
    if (const auto found = acronym_names.find(d.name); found != acronym_names.end()) {
      d.canonical = found->second.first;
      d.type = found->second.second;
    }
  }
  std::sort(drafts.begin(), drafts.end(), [](const Draft& a, const Draft& b) { return a.first_word < b.first_word; });
  // A person's surname alone is that person, whatever type the model gave it in its
  // sentence ("Clinton" read as a place after "Hillary Clinton"). Only plain names of
  // capitalized words count: "Louis XV of France" and "Henry III" have no surname.
  std::unordered_set<std::string_view> surnames;
  for (const Draft& d : drafts) {
    if (d.type != EntityType::PER || d.end_word - d.first_word < 2) continue;
    bool plain = true;
    for (std::size_t w = d.first_word; w < d.end_word; ++w)
      plain &= doc_words[w].capitalized || !doc_words[w].has_word_char;
    const std::string_view surname =
        text.substr(doc_words[d.end_word - 1].start, doc_words[d.end_word - 1].end - doc_words[d.end_word - 1].start);
    if (plain && std::any_of(surname.begin(), surname.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
      surnames.insert(surname);
  }
  for (Draft& d : drafts)
    if (d.source == EntitySource::model && d.type != EntityType::PER && d.end_word - d.first_word == 1 &&
        surnames.contains(d.name))
      d.type = EntityType::PER;
  std::vector<std::vector<std::string_view>> parts(drafts.size());
  // Full names of people (two words or more) by their first or last word and their length
  // in words, in document order.
  std::map<std::pair<std::string_view, std::size_t>, std::vector<std::size_t>> full_names;
  for (std::size_t k = 0; k < drafts.size(); ++k) {
    if (drafts[k].type != EntityType::PER) continue;
    parts[k] = split_spaces(drafts[k].name);
    if (parts[k].size() < 2) continue;
    full_names[{parts[k].front(), parts[k].size()}].push_back(k);
    if (parts[k].back() != parts[k].front()) full_names[{parts[k].back(), parts[k].size()}].push_back(k);
  }
  const auto names_part = [&](std::size_t k, std::size_t full) {
    const auto& p = parts[k];
    const auto& f = parts[full];
    return std::equal(p.begin(), p.end(), f.begin()) ||
           std::equal(p.begin(), p.end(), f.end() - static_cast<std::ptrdiff_t>(p.size()));
  };
  constexpr std::size_t kLongestName = 6;  // words
  for (std::size_t k = 0; k < drafts.size(); ++k) {
    if (parts[k].empty()) continue;
    std::size_t best = drafts.size();  // the latest full name before, else the first after
    for (std::size_t size = parts[k].size() + 1; size <= kLongestName; ++size) {
      for (const std::string_view key : {parts[k].front(), parts[k].back()}) {
        const auto found = full_names.find({key, size});
        if (found == full_names.end()) continue;
        const std::vector<std::size_t>& list = found->second;
        const auto at = std::lower_bound(list.begin(), list.end(), k);
        for (auto it = at; it != list.begin();) {
          if (names_part(k, *--it)) {
            if (best == drafts.size() || best > k || *it > best) best = *it;
            break;
          }
        }
        for (auto it = at; it != list.end() && (best == drafts.size() || best > k); ++it) {
          if (names_part(k, *it)) {
            if (*it < best) best = *it;
            break;
          }
        }
      }
    }
    if (best != drafts.size()) drafts[k].canonical = drafts[best].canonical;
  }

  // 4. One type per canonical name: the user's list decides, else the majority, else the first.
  std::map<std::string, std::array<int, kEntityTypeCount + 1>> votes;
  for (const Draft& d : drafts) {
    auto& v = votes[d.canonical];
    v[static_cast<int>(d.type)] += d.source == EntitySource::gazetteer ? 1000 : 1;
  }
  for (Draft& d : drafts) {
    const auto& v = votes[d.canonical];
    int best = static_cast<int>(d.type);
    for (int t = 0; t < kEntityTypeCount; ++t)
      if (v[t] > v[best]) best = t;
    d.type = static_cast<EntityType>(best);
  }

  // 5. Repeats: a name found once is found wherever it recurs, and so is a person's
  // surname. Web text often writes names in lower case: such a repeat counts when it is not
  // a single everyday word ("chicago" does, "bush" does not).
  std::unordered_map<std::uint64_t, std::size_t> known;  // word-sequence hash -> draft index
  std::vector<std::size_t> lengths;
  for (std::size_t k = 0; k < drafts.size(); ++k) {
    const Draft& d = drafts[k];
    if (d.type == EntityType::MISC) continue;
    auto remember = [&](std::size_t first, std::size_t end) {
      std::uint64_t h = 0;
      for (std::size_t w = first; w < end; ++w) h = ner::combine(h, doc_words[w].fold_hash);
      known.emplace(h, k);
      if (std::find(lengths.begin(), lengths.end(), end - first) == lengths.end()) lengths.push_back(end - first);
    };
    remember(d.first_word, d.end_word);
    if (d.type == EntityType::PER && d.end_word - d.first_word >= 2 && doc_words[d.end_word - 1].capitalized)
      remember(d.end_word - 1, d.end_word);
  }
  std::vector<bool> covered(doc_words.size(), false);
  for (const Draft& d : drafts) std::fill(covered.begin() + d.first_word, covered.begin() + d.end_word, true);
  std::sort(lengths.begin(), lengths.end(), std::greater<>());
  for (std::size_t w = 0; w < doc_words.size(); ++w) {
    if (covered[w] || !doc_words[w].has_word_char) continue;
    for (const std::size_t length : lengths) {
      if (w + length > doc_words.size() || doc_words[w + length - 1].sentence != doc_words[w].sentence) continue;
      std::uint64_t h = 0;
      bool free = true;
      for (std::size_t k = w; k < w + length; ++k) {
        h = ner::combine(h, doc_words[k].fold_hash);
        free &= !covered[k];
      }
      const auto found = known.find(h);
      if (!free || found == known.end()) continue;
      if (!doc_words[w].capitalized && length == 1 && doc_words[w].common) continue;
      const Draft& source = drafts[found->second];
      Draft repeat(w, w + length, source.type, EntitySource::alias);
      repeat.name =
          collapse_spaces(text.substr(doc_words[w].start, doc_words[w + length - 1].end - doc_words[w].start));
      repeat.canonical = source.canonical;
      std::fill(covered.begin() + w, covered.begin() + w + length, true);
      drafts.push_back(std::move(repeat));
      break;
    }
  }

  std::vector<EntityMention> mentions;
  mentions.reserve(drafts.size());
  for (Draft& d : drafts) {
    EntityMention m;
    m.start = doc_words[d.first_word].start;
    m.end = doc_words[d.end_word - 1].end;
    m.sentence = doc_words[d.first_word].sentence;
    m.type = d.type;
    m.canonical = std::move(d.canonical);
    m.source = d.source;
    mentions.push_back(std::move(m));
  }
  std::sort(mentions.begin(), mentions.end(), [](const EntityMention& a, const EntityMention& b) {
    return std::tie(a.start, a.end) < std::tie(b.start, b.end);
  });
  return mentions;
}

}  // namespace tmk
