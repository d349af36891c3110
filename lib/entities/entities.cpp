#include "tmk/entities/entities.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <bitset>
#include <map>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "core/hash_table.hpp"
#include "core/resources.hpp"
#include "entities/full_names.hpp"
#include "entities/ner_model.hpp"
#include "text/input.hpp"
#include "text/word_lists.hpp"

namespace tmk {

std::string_view to_string(EntitySource source) {
  switch (source) {
    case EntitySource::model:
      return "model";
    case EntitySource::gazetteer:
      return "gazetteer";
    case EntitySource::alias:
      return "alias";
    case EntitySource::layout:
      break;
  }
  return "layout";
}

namespace {
// A set of word hashes: most words are looked up in several, and a flat table answers in
// one probe where std::unordered_set divides and follows a pointer.
class WordHashSet {
 public:
  void insert(std::uint64_t hash) { table_[hash] = 1; }
  bool contains(std::uint64_t hash) const { return table_.find(hash) != 0; }

 private:
  HashTable table_;
};
}  // namespace

struct EntityRecognizer::Impl {
  Impl(std::string blob, const std::vector<ListedName>& names)
      : weights(blob.empty() ? resource("entities/model.bin") : std::string_view(blob)),
        transitions(ner::transitions<std::int32_t>(weights)) {
    // The model's words keep the period of an abbreviated title ("Mr."): both forms count.
    for (const std::string& title : words::titles()) {
      titles.insert(ner::hash_bytes(title, 2));
      titles.insert(ner::hash_bytes(title + ".", 2));
    }
    // An abbreviated title with its period ("Dr.", "Sen.") names a person whatever follows,
    // unlike titles that also begin other names ("General Motors").
    for (const words::Abbreviation& abbreviation : words::abbreviations("en")) {
      if (abbreviation.kind != AbbreviationKind::title) continue;
      personal_titles.insert(ner::hash_bytes(words::lower_ascii(abbreviation.word + "."), 2));
    }
    const auto fold_hashes = [](std::string_view resource_name) {
      WordHashSet hashes;
      for_each_resource_line(resource_name, [&](std::string_view line) { hashes.insert(ner::hash_bytes(line, 2)); });
      return hashes;
    };
    function_words = fold_hashes("stopwords/en.txt");
    organization_heads = fold_hashes("entities/organization-heads.txt");
    event_heads = fold_hashes("entities/event-heads.txt");
    interjections = fold_hashes("entities/interjections.txt");
    match_verbs = fold_hashes("entities/match-verbs.txt");
    adjectives = fold_hashes("numbers/adjectives.txt");  // WordNet's, shared with tmk-numbers
    for_each_resource_line("entities/company-contexts.tsv", [&](std::string_view line) {
      const std::size_t tab = line.find('\t');
      const std::string_view side = line.substr(0, tab), phrase = line.substr(tab + 1);
      const std::size_t space = phrase.find(' ');
      const std::pair<std::string_view, WordHashSet*> one_word_kinds[] = {{"after", &words_after_company},
                                                                          {"role", &company_roles},
                                                                          {"modifier", &role_modifiers},
                                                                          {"team-role", &team_roles},
                                                                          {"player", &player_roles},
                                                                          {"kind", &company_kinds},
                                                                          {"voice", &voices}};
      const auto kind = std::find_if(std::begin(one_word_kinds), std::end(one_word_kinds),
                                     [&](const auto& entry) { return entry.first == side; });
      if (kind != std::end(one_word_kinds))
        kind->second->insert(ner::hash_bytes(phrase, 2));
      else if (space != std::string_view::npos)
        words_before_company.insert(
            ner::combine(ner::hash_bytes(phrase.substr(0, space), 2), ner::hash_bytes(phrase.substr(space + 1), 2)));
    });
    // Spellings of one name that news writes interchangeably ("U.S.", "United States"): they
    // only set the canonical name; the caller's list, read after it, wins and also finds names.
    for (const ListedName& listed : parse_name_list(resource("entities/aliases.tsv"), "entities/aliases.tsv"))
      canonical_of[listed.name] = {listed.canonical, listed.type};
    for (const ListedName& listed : names) {
      user_names.add(listed.name, listed.type);
      canonical_of[listed.name] = {listed.canonical.empty() ? listed.name : listed.canonical, listed.type};
    }
  }
  bool is_title(const ner::Word& word) const { return titles.contains(word.fold_hash); }

  ner::Model weights;
  ner::Transitions transitions;      // of `weights`
  WordHashSet titles;                // fold hashes
  WordHashSet personal_titles;       // fold hashes of "dr.", "sen." ...
  WordHashSet interjections;         // fold hashes of "heck", "wow" ...
  WordHashSet organization_heads;    // fold hashes of "bank", "university" ...
  WordHashSet event_heads;           // fold hashes of "agreement", "marathon" ...
  WordHashSet match_verbs;           // fold hashes of "beat", "drew" ...
  WordHashSet words_after_company;   // fold hashes of "shares" ...
  WordHashSet words_before_company;  // combined fold hashes of "shares of" ...
  WordHashSet company_roles;         // fold hashes of "ceo", "founder" ...
  WordHashSet role_modifiers;        // "former", "acting" ...: part of a role
  WordHashSet team_roles;            // fold hashes of "coach", "manager", "captain" ...
  WordHashSet player_roles;          // fold hashes of "striker", "goalkeeper" ...
  WordHashSet adjectives;            // fold hashes of "swedish", "red" ...
  WordHashSet company_kinds;         // fold hashes of "carmaker", "insurer" ...
  WordHashSet voices;                // fold hashes of "spokesman" ...
  WordHashSet function_words;        // fold hashes of the stop words ("us", "it", "who")
  Gazetteer user_names{Gazetteer::Matching::exact_case};
  std::unordered_map<std::string, std::pair<std::string, EntityType>> canonical_of;  // name -> canonical, type
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
  bool user_listed = false;  // found through the caller's --gazetteer or --aliases list
  std::string name;          // the surface with whitespace collapsed
  std::string canonical;     // filled by DocumentResolver::resolve_canonical_names()
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

constexpr std::size_t kNoDraft = static_cast<std::size_t>(-1);
constexpr std::size_t kLongestNameWord = 64;  // bytes

bool has_word_char(std::string_view s) {
  for (const char c : s)
    if (std::isalnum(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80)) return true;
  return false;
}

bool is_possessive(std::string_view folded) {
  return folded == "'s" || folded == "'";
}

bool is_relative(std::string_view folded) {
  static constexpr std::string_view kRelatives[] = {
      "wife",      "husband",  "son",           "daughter",    "mother",     "father",  "brother",
      "widow",     "widower",  "nephew",        "niece",       "fiancee",    "fiancée", "girlfriend",
      "boyfriend", "grandson", "granddaughter", "grandmother", "grandfather"};
  return std::find(std::begin(kRelatives), std::end(kRelatives), folded) != std::end(kRelatives);
}

bool is_possessive_determiner(std::string_view folded) {
  return folded == "our" || folded == "its" || folded == "their" || folded == "his" || folded == "her" ||
         folded == "my" || folded == "your";
}

bool is_holiday(std::string_view folded) {
  return folded == "christmas" || folded == "easter" || folded == "thanksgiving";
}

bool is_storm(std::string_view folded) {
  return folded == "hurricane" || folded == "typhoon" || folded == "cyclone";
}

bool is_weekday(std::string_view folded) {
  return words::weekday_names().contains(folded);
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

// A mention written in capitals only ("PHOENIX", "NATIONAL NURSES UNITED") with a word of at
// least `longest` letters, other than a short acronym ("CNN", "NATO"): its canonical name is
// written as a name usually is.
bool is_shouted(std::string_view name, std::size_t longest = 5) {
  std::size_t letters = 0, longest_word = 0, word = 0;
  for (const char c : name) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') {
      ++letters;
      longest_word = std::max(longest_word, ++word);
    } else {
      word = 0;
    }
  }
  return letters > 0 && longest_word >= longest;
}

std::string title_case(std::string_view name) {
  std::string out(name);
  bool word_start = true;
  for (char& c : out) {
    const bool letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    if (letter && !word_start && c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
    word_start = !letter && c != '\'' && !(static_cast<unsigned char>(c) & 0x80);
  }
  return out;
}

// The letters of an acronym ("A.C.L.U." -> "ACLU"), empty when `name` is not one.
std::string acronym_letters(std::string_view name) {
  std::string letters;
  for (const char c : name) {
    if (c >= 'A' && c <= 'Z') {
      letters.push_back(c);
    } else if (c != '.' && c != '&') {
      return {};
    }
  }
  return letters.size() >= 2 ? letters : std::string();
}

// The initials of the capitalized words of `long_form` ("National Nurses United" -> "NNU"),
// the parts of a hyphenated word each giving one ("Trans-Pacific Partnership" -> "TPP").
std::string capital_initials(std::string_view long_form) {
  std::string initials;
  for (const std::string_view word : name_words(long_form)) {
    if (std::isupper(static_cast<unsigned char>(word.front()))) initials.push_back(word.front());
    for (std::size_t k = 1; k + 1 < word.size(); ++k) {
      const std::size_t joint = word[k] == '-' ? 1 : word.substr(k).starts_with("\xE2\x80\x93") ? 3 : 0;
      if (joint && k + joint < word.size() && std::isupper(static_cast<unsigned char>(word[k + joint])))
        initials.push_back(word[k + joint]);
    }
  }
  return initials;
}

// Whether `short_form` ("IAM", "A.C.L.U.") spells the initials of `long_form`'s capitalized
// words. Acronyms skip words ("IAM" for International Association of Machinists and
// Aerospace Workers) but start with the first and spell most of the name.
bool is_acronym_of(std::string_view short_form, std::string_view long_form) {
  const std::string letters = acronym_letters(short_form);
  const std::string initials = capital_initials(long_form);
  if (letters.empty() || initials.empty() || letters.front() != initials.front() ||
      2 * letters.size() < initials.size())
    return false;
  std::size_t k = 0;
  for (const char c : initials)
    if (k < letters.size() && letters[k] == c) ++k;
  return k == letters.size();
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

// A sentence in capitals ("UNION BACKS CLINTON OVER SANDERS") tells the tagger little, so
// it is tagged as the body would write it: each word in the form the document's sentences
// in normal case give it most often (not counting their first words), else an everyday
// word in lower case, a short word in capitals (likely an acronym) and any other with a
// capital first letter. Only ASCII letters change, so offsets stay the same.
class HeadlineCase {
 public:
  HeadlineCase(std::string_view text, const Analysis& analysis) : text_(text), analysis_(analysis) {}

  // The document's text with the words of `caps` (a sentence in capitals) recased.
  std::string_view restore(const ner::WordSequence& caps) {
    if (!counted_) count_forms();
    if (restored_.empty()) restored_ = text_;
    for (std::size_t i = 0; i < caps.size(); ++i) {
      const std::string_view surface = caps.surface(i);
      std::string form(surface);
      if (const Form* seen = most_frequent_form(caps[i].fold_hash)) {
        form = seen->form;
      } else if (ner::is_everyday_word(caps.folded(i))) {
        form = words::lower_ascii(surface);
      } else if (surface.size() > 4) {
        form = words::lower_ascii(surface);
        form[0] = surface[0];
      }
      // Letters take the case of the form; anything else stays (digits fold alike: "2016" is not "2017").
      if (form.size() != surface.size()) continue;
      for (std::size_t k = 0; k < form.size(); ++k) {
        const char c = surface[k];
        if (((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) && (c | 0x20) == (form[k] | 0x20))
          restored_[caps[i].start + k] = form[k];
      }
    }
    return restored_;
  }

 private:
  struct Form {
    std::uint64_t fold_hash = 0;
    std::string_view form;  // in the text
  };

  // Each word's most frequent form in the sentences in normal case, but for their first
  // words; of forms seen as often, the first in byte order. Every form seen is listed, then
  // sorted: equal forms, and the forms of one word, end up side by side.
  void count_forms() {
    counted_ = true;
    std::vector<Form> seen;
    ner::WordSequence words(text_);
    for (const Sentence& sentence : analysis_.sentences) {
      words.clear();
      for (std::size_t t = sentence.first_token; t < sentence.end_token; ++t)
        words.add_token(analysis_.tokens[t].start, analysis_.tokens[t].end);
      if (words.case_mode() != ner::kNormalCase) continue;
      for (std::size_t i = 1; i < words.size(); ++i) seen.push_back({words[i].fold_hash, words.surface(i)});
    }
    std::sort(seen.begin(), seen.end(), [](const Form& a, const Form& b) {
      return std::tie(a.fold_hash, a.form) < std::tie(b.fold_hash, b.form);
    });
    std::size_t best_count = 0;  // of forms_.back()
    for (std::size_t start = 0; start < seen.size();) {
      std::size_t end = start + 1;  // [start, end): one form of one word
      while (end < seen.size() && seen[end].fold_hash == seen[start].fold_hash && seen[end].form == seen[start].form)
        ++end;
      if (forms_.empty() || forms_.back().fold_hash != seen[start].fold_hash) {
        forms_.push_back(seen[start]);
        best_count = end - start;
      } else if (end - start > best_count) {
        forms_.back() = seen[start];
        best_count = end - start;
      }
      start = end;
    }
  }
  // The form count_forms() found for a fold hash, if any.
  const Form* most_frequent_form(std::uint64_t fold_hash) const {
    const auto found = std::lower_bound(forms_.begin(), forms_.end(), fold_hash,
                                        [](const Form& f, std::uint64_t hash) { return f.fold_hash < hash; });
    return found != forms_.end() && found->fold_hash == fold_hash ? &*found : nullptr;
  }

  std::string_view text_;
  const Analysis& analysis_;
  bool counted_ = false;
  std::vector<Form> forms_;  // by fold hash: the most frequent form
  std::string restored_;
};

// Finds the mentions of one document in phases: tag each sentence, clean up the spans,
// link acronyms to their long names, resolve canonical names, give each name one type, and
// find the names again wherever they recur.
class DocumentResolver {
 public:
  DocumentResolver(const EntityRecognizer::Impl& impl, std::string_view text) : impl_(impl), text_(text) {}

  std::vector<EntityMention> run(const Analysis& analysis) {
    tag_sentences(analysis);
    std::stable_sort(drafts_.begin(), drafts_.end(), by_position);  // ties stay in the phases' order
    keep_longest_of_overlaps();
    join_first_names_to_surnames();
    link_acronyms();
    resolve_canonical_names();
    type_teams_in_results();
    vote_types();
    find_repeats();
    return mentions();
  }

 private:
  static bool by_position(const Draft& a, const Draft& b) { return a.first_word < b.first_word; }

  // A phase may add a name over words that another phase gave a name ("Norway" inside "the
  // Norway Fishing Accord"): of names that overlap, a user's listed one stays, else the longest.
  void keep_longest_of_overlaps() {
    const auto overlaps_next = [](const Draft& a, const Draft& b) { return b.first_word < a.end_word; };
    if (std::adjacent_find(drafts_.begin(), drafts_.end(), overlaps_next) == drafts_.end()) return;
    std::vector<Draft> kept;
    for (Draft& d : drafts_) {
      if (kept.empty() || !overlaps_next(kept.back(), d)) {
        kept.push_back(std::move(d));
        continue;
      }
      const Draft& last = kept.back();
      if (d.user_listed != last.user_listed ? d.user_listed
                                            : d.end_word - d.first_word > last.end_word - last.first_word)
        kept.back() = std::move(d);
    }
    drafts_ = std::move(kept);
  }

  std::string surface(std::size_t first, std::size_t end) const {
    return collapse_spaces(text_.substr(words_[first].start, words_[end - 1].end - words_[first].start));
  }
  // Whether the text between word w - 1 and word w breaks a name: a line break.
  bool breaks_name(std::size_t w) const {
    const std::string_view gap = text_.substr(words_[w - 1].end, words_[w].start - words_[w - 1].end);
    return gap.find('\n') != std::string_view::npos;
  }
  // Whether word w is a list separator standing between spaces ("Bernie Sanders / AP").
  bool is_spaced_separator(std::size_t w) const {
    const std::string_view word = text_.substr(words_[w].start, words_[w].end - words_[w].start);
    if (word != "/" && word != "|" && word != "\xE2\x80\xA2" && word != ";") return false;
    return w > 0 && w + 1 < words_.size() && words_[w - 1].end < words_[w].start && words_[w].end < words_[w + 1].start;
  }

  // 1. The model's names, and the caller's, sentence by sentence.
  void tag_sentences(const Analysis& analysis) {
    ner::WordSequence words(text_);
    std::vector<std::uint16_t> gazetteer;
    ner::DecodeScratch scratch;
    thread_local ner::EmissionCache emission_cache;  // kept from document to document
    std::vector<std::uint8_t> tags;
    std::vector<Draft> found;
    HeadlineCase headline_case(text_, analysis);
    for (std::size_t s = 0; s < analysis.sentences.size(); ++s) {
      const Sentence& sentence = analysis.sentences[s];
      words.reset(text_);
      for (std::size_t t = sentence.first_token; t < sentence.end_token; ++t)
        words.add_token(analysis.tokens[t].start, analysis.tokens[t].end);
      if (words.size() == 0) continue;
      if (words.case_mode() == ner::kAllCaps) {
        words.reset(headline_case.restore(words));
        for (std::size_t t = sentence.first_token; t < sentence.end_token; ++t)
          words.add_token(analysis.tokens[t].start, analysis.tokens[t].end);
      }
      const std::size_t base = words_.size();
      for (std::size_t i = 0; i < words.size(); ++i)
        words_.push_back({words[i].start, words[i].end, s, words[i].fold_hash, words[i].common,
                          has_word_char(words.surface(i)), words[i].capitalized});
      ner::gazetteer_positions(words, Gazetteer::builtin(), gazetteer);
      emission_cache.add_up_features(impl_.weights, words, gazetteer, scratch);
      ner::best_path(impl_.transitions, scratch, tags);

      found.clear();
      for (std::size_t i = 0; i < tags.size(); ++i) {
        if (tags[i] == 0) continue;
        const ner::Position position = ner::tag_position(tags[i]);
        if (position == ner::kBegin || position == ner::kUnit)
          found.emplace_back(base + i, base + i + 1, ner::tag_type(tags[i]));
        else if (!found.empty())
          found.back().end_word = base + i + 1;
      }
      // No name holds a word of more than 64 bytes: such a run of letters is noise, whatever
      // the model made of it.
      std::erase_if(found, [&](const Draft& d) {
        for (std::size_t w = d.first_word; w < d.end_word; ++w)
          if (words_[w].end - words_[w].start > kLongestNameWord) return true;
        return false;
      });
      merge_adjacent_people(words, base, found);
      take_first_names(words, base, found);
      take_surnames(words, base, found);
      add_untagged_full_names(words, base, gazetteer, found);
      split_person_of(words, base, found);
      add_listed_names(words, base, found);
      add_known_names(words, base, gazetteer, found);
      extend_to_organization_heads(words, base, found);
      extend_to_trailing_heads(base + words.size(), found);
      extend_to_event_heads(words, base, found);
      split_organizations_at_and(words, base, found);
      join_campaigns_for_people(words, base, found);
      join_ampersand_names(words, base, found);
      type_companies_by_context(words, base, gazetteer, found);
      read_results_line(words, base, found);
      read_dateline(words, base, found);
      split_repeated_names(words, base, found);
      join_hyphenated_names(words, base, found);
      take_directions_before_places(words, base, found);
      clean_spans(words, base, tags, gazetteer, found);
    }
  }

  // The model sometimes ends a person's name after a first name and starts it again ("John"
  // + "Paul Stevens"): a lone first word right before a full name is part of it. Longer
  // runs are lists of names that lost their separators, as in signatures.
  // A known first name right before a one-word name of another type is that person's name:
  // "Ellen" PER + "Houston" LOC is "Ellen Houston".
  void merge_adjacent_people(const ner::WordSequence& words, std::size_t base, std::vector<Draft>& found) const {
    for (std::size_t k = 1; k < found.size(); ++k) {
      Draft& before = found[k - 1];
      const Draft& after = found[k];
      if (before.type != EntityType::PER || before.end_word != after.first_word ||
          before.end_word - before.first_word != 1 || breaks_name(after.first_word))
        continue;
      const bool full_name_after = after.type == EntityType::PER && after.end_word - after.first_word == 2;
      const bool surname_after = after.end_word - after.first_word == 1 && words_[after.first_word].capitalized &&
                                 !words_[after.first_word].common &&
                                 words::first_names().contains(words.folded(before.first_word - base));
      if (!full_name_after && !surname_after) continue;
      before.end_word = after.end_word;
      found.erase(found.begin() + static_cast<std::ptrdiff_t>(k--));
    }
  }

  // Replaces the drafts that overlap words [first, end) with one draft over them, unless the
  // caller listed one of those names (the caller's word wins).
  static void replace_drafts(std::vector<Draft>& found, std::size_t first, std::size_t end, EntityType type,
                             EntitySource source) {
    const auto overlaps = [&](const Draft& d) { return d.first_word < end && first < d.end_word; };
    if (std::any_of(found.begin(), found.end(), [&](const Draft& d) { return overlaps(d) && d.user_listed; })) return;
    found.erase(std::remove_if(found.begin(), found.end(), overlaps), found.end());
    const auto after = std::find_if(found.begin(), found.end(), [&](const Draft& d) { return d.first_word >= end; });
    found.insert(after, Draft(first, end, type, source));
  }

  // Wire services print sports results and standings as lines of names and numbers: "Leeds
  // 2 Sheffield Wednesday 1" (teams with one score each) or "Aston Villa 6 4 1 1 10 4 13" (a
  // team and its record). Each run of capitalized words on such a line is one team, an
  // organization, whatever the model made of its words ("Wednesday" is no date there); a run
  // the model read as a person, or that starts with a known first name, is a player.
  void read_results_line(const ner::WordSequence& words, std::size_t base, std::vector<Draft>& found) const {
    struct Run {
      std::size_t first, end, numbers;
    };
    const auto is_score = [&](std::size_t i) {
      const std::string_view s = words.surface(i);
      return s.size() <= 4 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    // What follows the last score in brackets ("(halftime 1-0)") or a final stop is left out.
    std::size_t size = words.size();
    while (size > 0 && (words.surface(size - 1) == "." || words.surface(size - 1) == ",")) --size;
    if (size > 0 && words.surface(size - 1) == ")")
      while (size > 0 && words.surface(size - 1) != "(") --size;
    if (size > 0 && words.surface(size - 1) == "(") --size;
    std::vector<Run> runs;
    for (std::size_t i = 0; i < size;) {
      const std::size_t first = i;
      while (i < size && words[i].capitalized) ++i;
      const std::size_t end = i;
      while (i < size && is_score(i)) ++i;
      if (end == first || i == end) return;
      runs.push_back({first, end, i - end});
    }
    const bool results =
        runs.size() >= 2 && std::all_of(runs.begin(), runs.end(), [](const Run& r) { return r.numbers == 1; });
    const bool standings = runs.size() == 1 && runs[0].numbers >= 4;
    if (!results && !standings) return;
    for (const Run& run : runs) {
      const std::size_t first = base + run.first, end = base + run.end;
      const bool player = words::first_names().contains(words.folded(run.first)) ||
                          std::any_of(found.begin(), found.end(), [&](const Draft& d) {
                            return d.first_word < end && first < d.end_word && d.type == EntityType::PER;
                          });
      replace_drafts(found, first, end, player ? EntityType::PER : EntityType::ORG, EntitySource::layout);
    }
  }

  // A dateline opens a wire story with the place it was filed from, in capitals: "BONN
  // 1996-09-14", "WASHINGTON (Reuters) -", "NEW YORK, Sept. 14". That run is a place. It must
  // be followed by a full date, a month or a news agency in brackets, or by a dash when the
  // built-in list knows the place; "SECTION 10.", "LOAN 2.", "DENISE PARK 01/12/2001" (a
  // person, by first name or by the model) and "UPDATED -" are no datelines.
  void read_dateline(const ner::WordSequence& words, std::size_t base, std::vector<Draft>& found) const {
    const std::size_t start = words[0].start;
    if (start > 0 && text_[start - 1] != '\n') return;
    std::size_t end = 0;
    while (end < words.size() && words[end].capitalized && words::is_all_caps(words.surface(end))) ++end;
    if (end == 0 || end == words.size() || words::first_names().contains(words.folded(0))) return;
    const Gazetteer::Match listed = Gazetteer::builtin().longest_match(words, 0);
    const bool known_place = listed.length == end && (listed.types & (1u << static_cast<int>(EntityType::LOC)));
    if (!known_place && std::all_of(&words[0], &words[0] + end, [](const ner::Word& w) { return w.common; })) return;
    // A name the model reads as a person's is one unless the list knows the place ("BONN").
    const bool read_as_person = std::any_of(found.begin(), found.end(), [&](const Draft& d) {
      return d.first_word < base + end && d.type == EntityType::PER;
    });
    if (read_as_person && !known_place) return;
    const auto is_month = [&](std::size_t i) {
      std::string_view folded = words.folded(i);
      if (folded.ends_with('.')) folded.remove_suffix(1);  // "Sept."
      return words::month_names().contains(folded);
    };
    const auto is_full_date = [&](std::size_t i) {
      // 1996-09-14 or 09/14/1996: digits in three groups, up to the next space (the model's
      // words split them).
      std::string_view s = text_.substr(words[i].start);
      s = s.substr(0, std::min(s.find_first_of(" \t\r\n"), s.size()));
      int groups = 0;
      bool digit = false;
      for (const char c : s) {
        if (c >= '0' && c <= '9') {
          if (!digit) ++groups;
          digit = true;
        } else if (c == '-' || c == '/') {
          digit = false;
        } else {
          return false;
        }
      }
      return groups == 3;
    };
    const std::string_view next = words.surface(end);
    const bool dated = is_full_date(end) || is_month(end) ||
                       (next == "," && end + 1 < words.size() && (is_month(end + 1) || is_full_date(end + 1)));
    const bool agency =
        next == "(" && end + 2 < words.size() && words[end + 1].capitalized && words.surface(end + 2) == ")";
    const bool dash = known_place && (next == "-" || next == "\u2013" || next == "\u2014");
    if (dated || agency || dash) replace_drafts(found, base, base + end, EntityType::LOC, EntitySource::layout);
  }

  // The capitalized words that end right before word `end`, without a lone everyday word
  // opening the sentence ("Yesterday Procter"): the first word of the run.
  std::size_t name_start(std::size_t base, std::size_t end) const {
    std::size_t first = capitalized_run_start(base, end, false);
    if (first == base && end - first > 1 && words_[first].common) ++first;
    return first;
  }
  // Where the capitalized words (not function words) that begin at word `first` end.
  std::size_t name_end(std::size_t first, std::size_t sentence_end) const {
    std::size_t end = first;
    while (end < sentence_end && words_[end].capitalized && !impl_.function_words.contains(words_[end].fold_hash) &&
           (end == first || !breaks_name(end)))
      ++end;
    return end;
  }

  // "Procter & Gamble", "Marks & Spencer": capitalized words joined by an ampersand name one
  // organization (people are not written so, but in citations), whatever the model made of
  // the parts.
  void join_ampersand_names(const ner::WordSequence& words, std::size_t base, std::vector<Draft>& found) const {
    const std::size_t sentence_end = base + words.size();
    for (std::size_t amp = base + 1; amp + 1 < sentence_end; ++amp) {
      if (words.surface(amp - base) != "&" || breaks_name(amp) || breaks_name(amp + 1)) continue;
      const std::size_t first = name_start(base, amp);
      const std::size_t end = name_end(amp + 1, sentence_end);
      if (first == amp || end == amp + 1 || words.surface(amp + 1 - base).size() == 1) continue;  // "R & B"
      // Two authors cited: "Baron & Beresford 2002", "(2002)", ", 2002".
      std::size_t year = end;
      if (year < sentence_end && (words.surface(year - base) == "(" || words.surface(year - base) == ",")) ++year;
      if (year < sentence_end && std::isdigit(static_cast<unsigned char>(words.surface(year - base)[0]))) continue;
      replace_drafts(found, first, end, EntityType::ORG, EntitySource::model);
      amp = end;
    }
  }

  // A company's shares and analysts: the capitalized words right before "shares" or "stock"
  // ("Lockheed Martin shares") or right after "shares of", "analysts at" and the like
  // (entities/company-contexts.tsv) name an organization, unless the model read another kind
  // of name there ("European stocks").
  void type_companies_by_context(const ner::WordSequence& words, std::size_t base,
                                 const std::vector<std::uint16_t>& gazetteer, std::vector<Draft>& found) const {
    const std::size_t sentence_end = base + words.size();
    // Before "shares" a place is a market ("London shares"); after "analysts at" it is no place.
    // One everyday word before "shares" is no name ("Bank shares"); after "shares of" it is
    // one ("shares of Apple").
    const auto retype = [&](std::size_t first, std::size_t end, bool after_context) {
      if (first >= end) return;
      const bool other = std::any_of(found.begin(), found.end(), [&](const Draft& d) {
        return d.first_word < end && first < d.end_word &&
               ((d.type == EntityType::LOC && !after_context) || d.type == EntityType::MISC || d.user_listed);
      });
      const bool everyday =
          end - first == 1 && ((words_[first].common && !after_context) || is_weekday(words.folded(first - base)));
      if (!other && !everyday) replace_drafts(found, first, end, EntityType::ORG, EntitySource::model);
    };
    for (std::size_t w = base; w < sentence_end; ++w) {
      // In lower case: "Stock" may be part of the name ("Brussels Stock Exchange").
      if (w > base && impl_.words_after_company.contains(words_[w].fold_hash) && !words_[w].capitalized &&
          !breaks_name(w))
        retype(name_start(base, w), w, false);
      if (w + 2 < sentence_end &&
          impl_.words_before_company.contains(ner::combine(words_[w].fold_hash, words_[w + 1].fold_hash)) &&
          !breaks_name(w + 2))
        retype(w + 2, name_end(w + 2, sentence_end), true);
      // "A Lufthansa spokesman said": capitalized words the model left alone before a
      // spokesman's word are an organization; but not a name the gazetteer knows as a person's
      // ("a Clinton spokesman") or a nationality ("an Israeli spokesman"), and a name the model
      // found stays as found ("a Kremlin spokesman").
      if (w > base && !words_[w].capitalized && impl_.voices.contains(words_[w].fold_hash) && !breaks_name(w)) {
        const std::size_t first = name_start(base, w);
        const bool tagged = std::any_of(found.begin(), found.end(),
                                        [&](const Draft& d) { return d.first_word < w && first < d.end_word; });
        const bool person = std::any_of(
            gazetteer.begin() + (first - base), gazetteer.begin() + (w - base),
            [](std::uint16_t listed) { return ((listed >> (3 * static_cast<int>(EntityType::PER))) & 7) != 0; });
        const bool lone_everyday_word =
            w - first == 1 && (words_[first].common || impl_.adjectives.contains(words_[first].fold_hash));
        if (first < w && !tagged && !person && !lone_everyday_word) retype(first, w, true);
      }
      // "Swiss drugmaker Roche", "the insurer Aviva": the capitalized words after a kind of
      // company are one, whatever the model made of them but another kind of name; not a
      // title or a role ("the bank Governor Ann Lee").
      if (w + 1 < sentence_end && !words_[w].capitalized && impl_.company_kinds.contains(words_[w].fold_hash) &&
          !breaks_name(w + 1) && !impl_.is_title(words[w + 1 - base]) &&
          !impl_.company_roles.contains(words_[w + 1].fold_hash)) {
        // Nor a date or a feast ("the bank January 5", "the retailer Black Friday deals").
        const std::size_t end = name_end(w + 1, sentence_end);
        bool dated = false;
        for (std::size_t k = w + 1; k < end; ++k)
          dated = dated || is_weekday(words.folded(k - base)) ||
                  words::month_names().contains(words.folded(k - base)) ||
                  impl_.event_heads.contains(words_[k].fold_hash) || is_holiday(words.folded(k - base));
        if (!dated) retype(w + 1, end, true);
      }
      // "Caesars CEO Gary Loveman", "Lululemon founder Chip Wilson": the capitalized words
      // before a company role and a person's name are the company, and the name after it is
      // a person (in normal case only: a headline capitalizes every word). An everyday word is
      // a company there too ("Apple CEO"), a place is not ("London CEO").
      // A team's role works the same way ("Chelsea manager Ruud Gullit", "Lazio striker Ana
      // Sousa"), in lower case and also over a place: a place named so is its team.
      const bool player = !words_[w].capitalized && impl_.player_roles.contains(words_[w].fold_hash);
      const bool team_role = player || (!words_[w].capitalized && impl_.team_roles.contains(words_[w].fold_hash));
      if (w > base && w + 1 < sentence_end && words.case_mode() == ner::kNormalCase &&
          (team_role || impl_.company_roles.contains(words_[w].fold_hash)) && !breaks_name(w) && !breaks_name(w + 1)) {
        const std::size_t person_end = name_end(w + 1, sentence_end);
        const bool tagged_person = std::any_of(found.begin(), found.end(), [&](const Draft& d) {
          return d.first_word == w + 1 && d.type == EntityType::PER;
        });
        const bool full_name = (person_end - (w + 1) == 2 || person_end - (w + 1) == 3) &&
                               !words::is_all_caps(words.surface(w + 1 - base));
        if (!tagged_person && !full_name) continue;
        std::size_t first = name_start(base, w);
        while (first < w && (impl_.function_words.contains(words_[first].fold_hash) ||
                             impl_.role_modifiers.contains(words_[first].fold_hash)))
          ++first;
        // "Board Chairman", "Company founder": a head noun alone names no company.
        if (w - first == 1 && impl_.organization_heads.contains(words_[first].fold_hash)) first = w;
        if (team_role) {
          // A place or person the model found right before the role is the team's whole name
          // ("Banned Uruguay striker").
          for (const Draft& d : found)
            if (d.end_word == w && d.first_word > first) first = d.first_word;
          // "Swedish captain" is no team, and "Project manager Ann Lee" no team's name: a lone
          // adjective, or an everyday word opening the sentence that the model left alone.
          const bool untagged =
              std::none_of(found.begin(), found.end(), [&](const Draft& d) { return d.first_word == first; });
          if (w - first == 1 && (impl_.adjectives.contains(words_[first].fold_hash) ||
                                 (first == base && words_[first].common && untagged)))
            first = w;
          if (first == w) continue;
        }
        // An organization found there already stays as found ("Federal Reserve Chairman"), and so
        // does a place before a company role ("London CEO"), or before a coach, manager or
        // captain that belongs to somebody ("the firm's London manager", "our Chicago coach").
        const bool owned = first > base && (is_possessive(words.folded(first - 1 - base)) ||
                                            is_possessive_determiner(words.folded(first - 1 - base)));
        const bool place_is_team = player || (team_role && !owned);
        const bool place_or_company = std::any_of(found.begin(), found.end(), [&](const Draft& d) {
          return d.first_word < w && first < d.end_word &&
                 ((d.type == EntityType::LOC && !place_is_team) || d.type == EntityType::ORG);
        });
        if (!place_or_company) retype(first, w, true);
        if (!tagged_person && std::none_of(found.begin(), found.end(), [&](const Draft& d) {
              return d.first_word < person_end && w + 1 < d.end_word;
            }))
          replace_drafts(found, w + 1, person_end, EntityType::PER, EntitySource::model);
      }
    }
  }

  // A known first name the model left out right before a person's name belongs to it
  // ("Hillary" at the start of a sentence, before "Clinton"), unless it is an everyday word
  // ("Will", "Bill"), which the model weighs better.
  void take_first_names(const ner::WordSequence& words, std::size_t base, std::vector<Draft>& found) const {
    for (std::size_t k = 0; k < found.size(); ++k) {
      Draft& d = found[k];
      const std::size_t w = d.first_word;
      if (d.type != EntityType::PER || w == base || (k > 0 && found[k - 1].end_word == w) || breaks_name(w)) continue;
      const DocumentWord& before = words_[w - 1];
      if (before.capitalized && !before.common && words::first_names().contains(words.folded(w - 1 - base)))
        --d.first_word;
    }
  }

  // A known first name alone, then a capitalized word the model left out, is a full name
  // even when the surname is also an everyday word ("Dr. Linda Park", "Tom Baker").
  void take_surnames(const ner::WordSequence& words, std::size_t base, std::vector<Draft>& found) const {
    const std::size_t sentence_end = base + words.size();
    for (std::size_t k = 0; k < found.size(); ++k) {
      Draft& d = found[k];
      const std::size_t next = d.end_word;
      if (d.type != EntityType::PER || next - d.first_word != 1 || next >= sentence_end ||
          (k + 1 < found.size() && found[k + 1].first_word == next) || !words_[next].capitalized || breaks_name(next) ||
          impl_.is_title(words[next - base]) || is_weekday(words.folded(next - base)) ||
          impl_.function_words.contains(words_[next].fold_hash) ||
          !words::first_names().contains(words.folded(d.first_word - base)))
        continue;
      d.end_word = next + 1;
    }
  }

  // A known first name and a capitalized word after it that the model left untagged are a
  // person ("Hillary Clinton spoke."), when neither word is an everyday word, a title or a
  // day, and the first is no place or organization the gazetteer lists ("Georgia Power").
  // Only in sentences in normal case: in a headline every word is capitalized.
  void add_untagged_full_names(const ner::WordSequence& words, std::size_t base,
                               const std::vector<std::uint16_t>& gazetteer, std::vector<Draft>& found) const {
    if (words.case_mode() != ner::kNormalCase) return;
    constexpr std::uint16_t kPersonOnly = 07;  // gazetteer bits of the PER type
    const auto free = [&](std::size_t i) {
      return std::none_of(found.begin(), found.end(),
                          [&](const Draft& d) { return d.first_word <= base + i && base + i < d.end_word; });
    };
    const auto name_word = [&](std::size_t i) {
      const DocumentWord& w = words_[base + i];
      return w.capitalized && !w.common && !impl_.is_title(words[i]) && !is_weekday(words.folded(i)) &&
             !impl_.function_words.contains(w.fold_hash) && free(i);
    };
    for (std::size_t i = 0; i + 1 < words.size(); ++i) {
      if (!name_word(i) || (gazetteer[i] & ~kPersonOnly) != 0 || !words::first_names().contains(words.folded(i)) ||
          !name_word(i + 1) || breaks_name(base + i + 1) || words::is_all_caps(words.surface(i + 1)))
        continue;
      const auto after =
          std::find_if(found.begin(), found.end(), [&](const Draft& d) { return d.first_word > base + i; });
      found.insert(after, Draft(base + i, base + i + 2, EntityType::PER, EntitySource::gazetteer));
      ++i;
    }
  }

  // The first word `folded` ("of", "and") in draft d from word `from` on with a word of d
  // after it, or d.end_word when there is none.
  static std::size_t joining_word(const ner::WordSequence& words, std::size_t base, const Draft& d, std::size_t from,
                                  std::string_view folded) {
    for (std::size_t w = from; w + 1 < d.end_word; ++w)
      if (words.folded(w - base) == folded) return w;
    return d.end_word;
  }

  // "Maria Lopez of Vanguard" read as one person: a full name, then "of" and the
  // organization or place the person is from ("Catherine of Aragon", one word before "of",
  // stays whole). The rest is a place when the built-in list has it as one.
  void split_person_of(const ner::WordSequence& words, std::size_t base, std::vector<Draft>& found) const {
    for (std::size_t k = 0; k < found.size(); ++k) {
      const Draft d = found[k];
      if (d.type != EntityType::PER || d.source != EntitySource::model) continue;
      const std::size_t of = joining_word(words, base, d, d.first_word + 2, "of");
      if (of == d.end_word || !words_[of + 1].capitalized) continue;
      const Gazetteer::Match listed = Gazetteer::builtin().longest_match(words, of + 1 - base);
      const bool place =
          listed.length == d.end_word - of - 1 && (listed.types & (1u << static_cast<int>(EntityType::LOC)));
      found[k].end_word = of;
      found.insert(found.begin() + static_cast<std::ptrdiff_t>(k + 1),
                   Draft(of + 1, d.end_word, place ? EntityType::LOC : EntityType::ORG));
    }
  }

  // The model sometimes runs an office into the name after it ("Secretary of State Hillary
  // Clinton" read as the organization "State Hillary Clinton"): a known first name and one
  // more capitalized word ending an organization or place name are a person's name.
  void cut_person_from_office(const ner::WordSequence& words, std::size_t base, Draft& d) const {
    if (d.type == EntityType::PER || d.end_word - d.first_word < 3) return;
    const std::size_t first = d.end_word - 2, last = d.end_word - 1;
    if (!words_[first].capitalized || !words_[last].capitalized || words_[last].common ||
        !words::first_names().contains(words.folded(first - base)))
      return;
    d.first_word = first;
    d.type = EntityType::PER;
  }

  void add_listed_names(const ner::WordSequence& words, std::size_t base, std::vector<Draft>& found) const {
    if (impl_.user_names.empty()) return;
    for (std::size_t i = 0; i < words.size();) {
      const Gazetteer::Match match = impl_.user_names.longest_match(words, i);
      if (match.length == 0) {
        ++i;
        continue;
      }
      const std::size_t first = base + i, end = base + i + match.length;
      std::erase_if(found, [&](const Draft& d) { return d.first_word < end && first < d.end_word; });
      const auto type = static_cast<EntityType>(std::countr_zero(static_cast<unsigned>(match.types)));
      found.emplace_back(first, end, type, EntitySource::gazetteer);
      found.back().user_listed = true;
      i += match.length;
    }
    std::sort(found.begin(), found.end(), by_position);
  }

  // A name of two or more words that the built-in gazetteer lists with one type, written
  // as a name (capitalized but for small words: "Bank of England", "Federal Reserve"), is
  // that name where the model found none or only a part of it ("England"), and has the
  // listed type where the model found it; a longer name of the model's stays; a leading
  // "The" stays out, as in the model's names. So is an organization's acronym it lists.
  // `gazetteer` holds the positions of the matches in the sentence (ner::gazetteer_positions).
  void add_known_names(const ner::WordSequence& words, std::size_t base, const std::vector<std::uint16_t>& gazetteer,
                       std::vector<Draft>& found) const {
    const auto position_of = [&](std::size_t i, int type) { return (gazetteer[i] >> (3 * type)) & 7; };
    for (std::size_t i = 0; i < words.size(); ++i) {
      // A name of one word listed as an organization only, the model left untagged: an
      // acronym written in capitals ("AP", "NPR"), or a capitalized word of four letters or
      // more that is no everyday word ("Reuters", "Facebook"; not "Apple", nor "Ap").
      const bool listed_organization = gazetteer[i] == (1 + ner::kUnit) << (3 * static_cast<int>(EntityType::ORG));
      const bool written_as_one_name =
          words::is_all_caps(words.surface(i)) ||
          (words_[base + i].capitalized && !words_[base + i].common && words.surface(i).size() >= 4);
      if (listed_organization && written_as_one_name && std::none_of(found.begin(), found.end(), [&](const Draft& d) {
            return d.first_word <= base + i && base + i < d.end_word;
          })) {
        found.emplace_back(base + i, base + i + 1, EntityType::ORG, EntitySource::gazetteer);
        continue;
      }
      // A match of one type that begins here (a name listed with two types is left alone).
      int type = -1, begins = 0;
      for (int t = 0; t < kEntityTypeCount; ++t)
        if (position_of(i, t) == 1 + ner::kBegin) type = t, ++begins;
      if (begins != 1 || gazetteer[i] != (1 + ner::kBegin) << (3 * type)) continue;
      std::size_t last = i + 1;
      while (last < words.size() && position_of(last, type) == 1 + ner::kInside) ++last;
      if (last == words.size() || position_of(last, type) != 1 + ner::kLast) continue;
      std::size_t first = base + i;
      const std::size_t end = base + last + 1;
      i = last;
      if (end - first > 2 && words.folded(first - base) == "the") ++first;  // as the model's spans
      if (!words_[first].capitalized || !words_[end - 1].capitalized) continue;
      bool written_as_name = true;
      for (std::size_t w = first; w < end; ++w)
        written_as_name &= words_[w].capitalized || ner::title_case_small_word(words.folded(w - base));
      if (!written_as_name) continue;
      // The model's own span keeps its draft (later steps may extend it) but takes the
      // listed type: "Goldman Sachs" is a bank whatever the model made of it.
      const auto same = std::find_if(found.begin(), found.end(), [&](const Draft& d) {
        return d.first_word == first && d.end_word == end && !d.user_listed;
      });
      if (same != found.end()) {
        same->type = static_cast<EntityType>(type);
        continue;
      }
      const bool found_already = std::any_of(found.begin(), found.end(), [&](const Draft& d) {
        return d.first_word < end && first < d.end_word && (d.first_word < first || d.end_word > end || d.user_listed);
      });
      if (found_already) continue;
      std::erase_if(found, [&](const Draft& d) { return d.first_word < end && first < d.end_word; });
      found.emplace_back(first, end, static_cast<EntityType>(type), EntitySource::gazetteer);
    }
    std::sort(found.begin(), found.end(), by_position);
  }

  // "Bank of America" read as the place "America": a capitalized head noun of organizations
  // and "of" right before a name make one organization, with the capitalized words before
  // the head ("Royal Bank of Scotland"), but not a leading "The". A head noun of treaties
  // and events makes one MISC name so ("Treaty of Versailles").
  void extend_to_organization_heads(const ner::WordSequence& words, std::size_t base, std::vector<Draft>& found) const {
    for (std::size_t k = 0; k < found.size(); ++k) {
      Draft& d = found[k];
      if (d.type == EntityType::PER || d.user_listed || d.first_word < base + 2 ||
          words.folded(d.first_word - 1 - base) != "of")
        continue;
      const std::size_t head = d.first_word - 2;
      const bool event = impl_.event_heads.contains(words_[head].fold_hash);
      if (!words_[head].capitalized || (!event && !impl_.organization_heads.contains(words_[head].fold_hash))) continue;
      const std::size_t first = capitalized_run_start(base, head, false);
      const std::size_t end = d.end_word;
      const auto runs_into = [&](const Draft& other) { return other.first_word < first && other.end_word > first; };
      if (std::any_of(found.begin(), found.end(), runs_into)) continue;  // a name before runs into the head
      d.first_word = first;
      d.type = event ? EntityType::MISC : EntityType::ORG;
      // Drafts inside the new name (the head tagged apart) give way to it.
      std::erase_if(found, [&](const Draft& other) {
        return other.first_word >= first && other.end_word <= end &&
               !(other.first_word == first && other.end_word == end);
      });
      k = static_cast<std::size_t>(
          std::find_if(found.begin(), found.end(), [&](const Draft& other) { return other.end_word == end; }) -
          found.begin());
    }
  }

  // "Daily Caller" + "News Foundation", "Chicago" + "Police Department": an organization or
  // a place followed by capitalized words that end in a head noun of organizations is one
  // organization, up to the last head of the run.
  void extend_to_trailing_heads(std::size_t sentence_end, std::vector<Draft>& found) const {
    for (std::size_t k = 0; k < found.size(); ++k) {
      Draft& d = found[k];
      if ((d.type != EntityType::ORG && d.type != EntityType::LOC) || d.user_listed || d.end_word >= sentence_end ||
          breaks_name(d.end_word))
        continue;
      const std::size_t run_end = std::min(name_end(d.end_word, sentence_end), d.end_word + 4);
      std::size_t end = d.end_word;
      for (std::size_t w = d.end_word; w < run_end; ++w)
        if (impl_.organization_heads.contains(words_[w].fold_hash)) end = w + 1;
      const bool taken = k + 1 < found.size() && found[k + 1].first_word < end;
      if (end == d.end_word || taken) continue;
      d.end_word = end;
      d.type = EntityType::ORG;
    }
  }

  // "Harvard University and Yale", "the School District and the Police Department": an
  // organization tagged across "and" right after its head noun is two organizations when what
  // follows is one word or opens with "the" ("Fish and Wildlife Service" stays whole).
  void split_organizations_at_and(const ner::WordSequence& words, std::size_t base, std::vector<Draft>& found) const {
    for (std::size_t k = 0; k < found.size(); ++k) {
      const Draft d = found[k];
      if (d.type != EntityType::ORG || d.source != EntitySource::model) continue;
      const std::size_t conjunction = joining_word(words, base, d, d.first_word + 1, "and");
      if (conjunction == d.end_word || !words_[conjunction - 1].capitalized ||
          !impl_.organization_heads.contains(words_[conjunction - 1].fold_hash))
        continue;
      std::size_t second = conjunction + 1;
      if (words.folded(second - base) == "the" && !words_[second].capitalized) ++second;
      if (second >= d.end_word || (second == conjunction + 1 && d.end_word - second != 1)) continue;
      // "First Citizens Bank and Trust", "Savings and Loan": an everyday word or another head
      // after "and" belongs to the one name.
      if (words_[second].common || impl_.organization_heads.contains(words_[second].fold_hash)) continue;
      found[k].end_word = conjunction;
      found.insert(found.begin() + static_cast<std::ptrdiff_t>(k + 1),
                   Draft(second, d.end_word, EntityType::ORG, d.source));
      ++k;
    }
  }

  // "Labor for Bernie", "Nurses for Warren": an organization, "for" and a person's name are
  // one organization (a campaign group), not the organization and the person. A place after
  // "for" is left alone ("the EU for Ukraine").
  void join_campaigns_for_people(const ner::WordSequence& words, std::size_t base, std::vector<Draft>& found) const {
    for (std::size_t k = 0; k + 1 < found.size(); ++k) {
      Draft& group = found[k];
      const Draft& person = found[k + 1];
      if (group.type != EntityType::ORG || person.type != EntityType::PER || group.user_listed || person.user_listed ||
          person.first_word != group.end_word + 1 || words.folded(group.end_word - base) != "for" ||
          breaks_name(group.end_word) || breaks_name(person.first_word))
        continue;
      group.end_word = person.end_word;
      found.erase(found.begin() + static_cast<std::ptrdiff_t>(k + 1));
    }
  }

  // Where the capitalized words (not function words) that end right before word `end` begin,
  // within the sentence that starts at word `base`; with `across_dashes`, a hyphenated pair
  // ("Trans–Pacific") is part of the run.
  std::size_t capitalized_run_start(std::size_t base, std::size_t end, bool across_dashes) const {
    std::size_t first = end;
    while (first > base && !breaks_name(first)) {
      if (words_[first - 1].capitalized && !impl_.function_words.contains(words_[first - 1].fold_hash))
        --first;
      else if (across_dashes && first >= base + 2 && dash_joined(first))
        first -= 2;
      else
        break;
    }
    return first;
  }

  // Whether word w is the second half of a capitalized pair joined by a hyphen or a dash
  // with no space ("Trans–Pacific").
  bool dash_joined(std::size_t w) const {
    const std::string_view joint = text_.substr(words_[w - 1].start, words_[w - 1].end - words_[w - 1].start);
    return (joint == "-" || joint == "\xE2\x80\x93") && words_[w - 2].capitalized &&
           words_[w - 2].end == words_[w - 1].start && words_[w - 1].end == words_[w].start;
  }

  // "Daimler-Benz", "Rolls-Royce", "Jean-Pierre Roux": capitalized words joined by a hyphen
  // are one name of a person or organization, wherever the model cut it (two places so
  // joined are mostly two: "Valencia-Seville"). A name goes on over words no other name holds
  // (a lone surname too: "Velasquez-Manoff", on the development split better than not, though
  // it also joins "Obama-Biden"); two names join only as people's, one of one word and one of
  // more ("Jean" + "Pierre Roux", "Ana Lima" + "Brandt"), since "Clinton-Tim Kaine" is two.
  void join_hyphenated_names(const ner::WordSequence& words, std::size_t base, std::vector<Draft>& found) const {
    if (words.case_mode() != ner::kNormalCase) return;  // a headline capitalizes every word
    const std::size_t sentence_end = base + words.size();
    // A piece in capitals or an everyday word is mostly something else ("ENRON-CPS", a wire
    // story's "Cricket-" slug, "Lama-Led" in a headline).
    const auto name_piece = [&](std::size_t w) {
      const std::string_view piece = words.surface(w - base);
      return words_[w].capitalized && !words_[w].common && piece.size() >= 2 && piece[1] >= 'a' && piece[1] <= 'z';
    };
    const auto held = [&](std::size_t w) {
      return std::any_of(found.begin(), found.end(),
                         [&](const Draft& d) { return d.first_word <= w && w < d.end_word; });
    };
    for (std::size_t k = 0; k < found.size(); ++k) {
      Draft& d = found[k];
      if (d.user_listed || (d.type != EntityType::PER && d.type != EntityType::ORG)) continue;
      while (d.first_word >= base + 2 && dash_joined(d.first_word) && name_piece(d.first_word - 2) &&
             !held(d.first_word - 2))
        d.first_word -= 2;
      while (d.end_word + 1 < sentence_end && dash_joined(d.end_word + 1) && name_piece(d.end_word + 1) &&
             !held(d.end_word + 1))
        d.end_word += 2;
      if (k + 1 < found.size() && d.end_word + 1 == found[k + 1].first_word && dash_joined(found[k + 1].first_word) &&
          d.type == EntityType::PER && found[k + 1].type == EntityType::PER &&
          (d.end_word - d.first_word > 1) != (found[k + 1].end_word - found[k + 1].first_word > 1) &&
          !found[k + 1].user_listed) {
        d.end_word = found[k + 1].end_word;
        found.erase(found.begin() + static_cast<std::ptrdiff_t>(k) + 1);
      }
    }
  }

  // "Southern California" tagged as "California": a capitalized word of direction that no
  // name holds, right before a place's name inside a sentence in normal case, is part of it.
  void take_directions_before_places(const ner::WordSequence& words, std::size_t base,
                                     std::vector<Draft>& found) const {
    if (words.case_mode() != ner::kNormalCase) return;
    static constexpr std::string_view kDirections[] = {
        "north",     "south",     "east",         "west",         "northern",     "southern",    "eastern",
        "western",   "central",   "upper",        "lower",        "greater",      "northeast",   "northwest",
        "southeast", "southwest", "northeastern", "northwestern", "southeastern", "southwestern"};
    for (std::size_t k = 0; k < found.size(); ++k) {
      Draft& d = found[k];
      const std::size_t w = d.first_word - 1;
      if (d.user_listed || d.type != EntityType::LOC || d.first_word <= base + 1 ||
          (k > 0 && found[k - 1].end_word > w) || !words_[w].capitalized || breaks_name(d.first_word) ||
          std::find(std::begin(kDirections), std::end(kDirections), words.folded(w - base)) == std::end(kDirections))
        continue;
      d.first_word = w;
    }
  }

  // "Paris Agreement" read as the place "Paris": a name followed by a capitalized head noun
  // of treaties, laws and events is one MISC name with it ("Kyoto Protocol", "Tokyo
  // Olympics", "Trans-Pacific Partnership"), whatever type the model gave either part.
  void extend_to_event_heads(const ner::WordSequence& words, std::size_t base, std::vector<Draft>& found) const {
    const std::size_t sentence_end = base + words.size();
    for (std::size_t k = 0; k < found.size(); ++k) {
      Draft& d = found[k];
      if (d.type == EntityType::PER || d.user_listed) continue;
      std::size_t head = d.end_word - 1;  // the model may have included the head
      if (!impl_.event_heads.contains(words_[head].fold_hash)) {
        head = d.end_word;
        if (head >= sentence_end || !words_[head].capitalized || breaks_name(head) ||
            !impl_.event_heads.contains(words_[head].fold_hash) ||
            (k + 1 < found.size() && found[k + 1].first_word == head))
          continue;
      }
      if (!words_[head].capitalized || head == d.first_word) continue;
      d.end_word = head + 1;
      d.type = EntityType::MISC;
      while (d.first_word >= base + 2 && dash_joined(d.first_word)) d.first_word -= 2;  // "Trans–Pacific"
    }
    // The model may have missed the whole name ("the Trans–Pacific Partnership"): the
    // capitalized words before the head, but a lone everyday word opening the sentence.
    for (std::size_t head = base + 1; head < sentence_end; ++head) {
      if (!words_[head].capitalized || !impl_.event_heads.contains(words_[head].fold_hash) ||
          std::any_of(found.begin(), found.end(),
                      [&](const Draft& d) { return d.first_word <= head && head <= d.end_word; }))
        continue;
      const std::size_t first = capitalized_run_start(base, head, true);
      if (first == head || (first == base && head - first == 1 && words_[first].common)) continue;
      found.emplace_back(first, head + 1, EntityType::MISC);
      std::sort(found.begin(), found.end(), by_position);
    }
  }

  // 2. Spans as a name is written: without titles, a leading "The", punctuation, weekdays
  // or a possessive; never across a line break or a list separator; with a "Jr." suffix.
  void clean_spans(const ner::WordSequence& words, std::size_t base, const std::vector<std::uint8_t>& tags,
                   const std::vector<std::uint16_t>& gazetteer, std::vector<Draft>& found) {
    std::size_t absorbed_from = 0, absorbed_until = 0;  // words taken into an extended name
    const auto folded = [&](std::size_t w) { return words.folded(w - base); };
    for (Draft& d : found) {
      if (d.first_word >= absorbed_from && d.first_word < absorbed_until) continue;
      if (d.type == EntityType::ORG) {
        absorbed_from = d.end_word;
        d.end_word = base + extend_over_coordination(words, d.first_word - base, d.end_word - base, tags);
        absorbed_until = d.end_word;
      }
      if (d.source == EntitySource::model) {
        cut_person_from_office(words, base, d);
        // "Dr. Linda Park" is a person whatever type the model gave the span.
        if (d.end_word - d.first_word > 1 && impl_.personal_titles.contains(words_[d.first_word].fold_hash) &&
            words_[d.first_word + 1].capitalized)
          d.type = EntityType::PER;
        // Titles precede a name but are not part of it (and are no name alone).
        if (d.type == EntityType::PER)
          while (d.end_word - d.first_word > 1 && impl_.is_title(words[d.first_word - base])) ++d.first_word;
        // "Governor" alone, or "Virginia Governor", names an office, not a person; but a
        // first name starts a person's name that may end in a word that is also a title
        // ("Martin Luther King").
        const bool has_first_name =
            d.end_word - d.first_word > 1 && words::first_names().contains(folded(d.first_word));
        if ((d.type == EntityType::PER || d.end_word - d.first_word == 1) && !has_first_name &&
            impl_.is_title(words[d.end_word - 1 - base]))
          continue;
        extend_over_suffix(words, base, d);
      }
      // A day name ends no name ("said Kramer Monday") and starts no person's name ("Monday
      // Kramer said"), but it may start the name of a paper or a place ("Sunday Herald").
      const auto day = [&](std::size_t w) { return d.source == EntitySource::model && is_weekday(folded(w)); };
      while (d.first_word < d.end_word &&
             (!words_[d.first_word].has_word_char || (d.type == EntityType::PER && day(d.first_word))))
        ++d.first_word;
      while (d.first_word < d.end_word &&
             (!words_[d.end_word - 1].has_word_char || day(d.end_word - 1) || is_possessive(folded(d.end_word - 1))))
        --d.end_word;
      if (!d.user_listed) {
        // "Kowalski's wife": a one-word name with a relative is a person's, whatever the model's
        // type; not a place or organization the gazetteer knows ("Syria's mother of martyrs").
        const std::uint16_t listed = gazetteer[d.first_word - base];
        const bool listed_place_or_organization = ((listed >> (3 * static_cast<int>(EntityType::LOC))) & 7) != 0 ||
                                                  ((listed >> (3 * static_cast<int>(EntityType::ORG))) & 7) != 0;
        if (d.end_word - d.first_word == 1 && d.end_word + 1 < base + words.size() &&
            is_possessive(folded(d.end_word)) && is_relative(folded(d.end_word + 1)) && !listed_place_or_organization)
          d.type = EntityType::PER;
        // "Hurricane Ian", "Typhoon Lena": a storm named like a person is no person ("Storm" is
        // a first name too: "Storm Reid").
        if (d.type == EntityType::PER && d.end_word - d.first_word == 1 && d.first_word > base &&
            words_[d.first_word - 1].capitalized && is_storm(folded(d.first_word - 1)) &&
            std::none_of(found.begin(), found.end(),
                         [&](const Draft& other) { return other.end_word == d.first_word; }))
          --d.first_word;
        if (d.type == EntityType::PER && d.end_word - d.first_word > 1 && is_storm(folded(d.first_word)))
          d.type = EntityType::MISC;
        // "The Guardian", "the League": the article opens no organization's name, nor in lower
        // case a place's ("the Netherlands"; but "The Hague").
        if ((d.type == EntityType::ORG || (d.type == EntityType::LOC && !words_[d.first_word].capitalized)) &&
            d.end_word - d.first_word > 1 && folded(d.first_word) == "the")
          ++d.first_word;
      }
      if (d.first_word == d.end_word) continue;
      if (d.source == EntitySource::model && is_interjection(words, base, d)) continue;
      split_at_breaks(d);
    }
  }

  void extend_over_suffix(const ner::WordSequence& words, std::size_t base, Draft& d) const {
    std::size_t w = d.end_word;
    const std::size_t sentence_end = base + words.size();
    if (w < sentence_end && words.folded(w - base) == ",") ++w;
    // "Jr." or "III" after a name of several words makes it a person's, whatever the model's type.
    if (w < sentence_end && is_name_suffix(words.surface(w - base)) && words_[w].capitalized &&
        (d.type == EntityType::PER || d.end_word - d.first_word > 1)) {
      d.end_word = w + 1;
      d.type = EntityType::PER;
    }
  }

  // "Well, ..." or "Heck!" opening a sentence: an everyday word the model took for a name.
  bool is_interjection(const ner::WordSequence& words, std::size_t base, const Draft& d) const {
    if (d.end_word - d.first_word != 1 || d.first_word != base ||
        !(words_[d.first_word].common || impl_.interjections.contains(words_[d.first_word].fold_hash)))
      return false;
    const std::size_t next = d.end_word - base;
    return next < words.size() && (words.folded(next) == "," || words.folded(next) == "!");
  }

  void split_at_breaks(Draft& d) {
    std::size_t piece = d.first_word;
    for (std::size_t w = d.first_word + 1; w <= d.end_word; ++w) {
      const bool at_end = w == d.end_word;
      const bool separator = !at_end && is_spaced_separator(w);
      if (!at_end && !separator && !breaks_name(w)) continue;
      if (w > piece) {
        Draft part = d;
        part.first_word = piece;
        part.end_word = w;
        part.name = surface(part.first_word, part.end_word);
        drafts_.push_back(std::move(part));
      }
      piece = separator ? w + 1 : w;
      if (separator) ++w;
    }
  }

  // A known first name right before a word the document uses alone as a person's name is
  // that person's full name, where the model saw neither ("endorsed Hillary Clinton" when
  // only the later "Clinton" was found).
  void join_first_names_to_surnames() {
    std::unordered_set<std::string> surnames;
    for (const Draft& d : drafts_)
      if (d.type == EntityType::PER && d.end_word - d.first_word == 1)
        surnames.insert(surface(d.first_word, d.end_word));
    if (surnames.empty()) return;
    std::vector<std::size_t> draft_at(words_.size(), kNoDraft);
    for (std::size_t k = 0; k < drafts_.size(); ++k)
      std::fill(draft_at.begin() + drafts_[k].first_word, draft_at.begin() + drafts_[k].end_word, k);
    bool joined = false;
    for (std::size_t w = 0; w + 1 < words_.size(); ++w) {
      const std::size_t next = draft_at[w + 1];
      if (draft_at[w] != kNoDraft || !words_[w].capitalized || words_[w].common ||
          words_[w + 1].sentence != words_[w].sentence || breaks_name(w + 1) ||
          (next != kNoDraft && (drafts_[next].type != EntityType::PER || drafts_[next].end_word != w + 2 ||
                                drafts_[next].first_word != w + 1)) ||
          !surnames.contains(surface(w + 1, w + 2)) ||
          !words::first_names().contains(words::lower_ascii(surface(w, w + 1))))
        continue;
      if (next != kNoDraft) {
        drafts_[next].first_word = w;
        drafts_[next].name = surface(w, w + 2);
      } else {
        drafts_.emplace_back(w, w + 2, EntityType::PER, EntitySource::alias, surface(w, w + 2));
      }
      joined = true;
    }
    if (joined) std::sort(drafts_.begin(), drafts_.end(), by_position);
  }

  // 3. Acronyms: defined in the text, "Long Name (LN)" or "LN (Long Name)", or used alone
  // for a name of the document whose capitalized words they spell ("NNU" for "National
  // Nurses United"): both map to the long name.
  void link_acronyms() {
    const auto bracket_at = [&](std::size_t w, char c) { return w < words_.size() && text_[words_[w].start] == c; };
    for (std::size_t k = 0, count = drafts_.size(); k < count; ++k) {
      const std::size_t open = drafts_[k].end_word;
      if (!bracket_at(open, '(')) continue;
      std::size_t close = open + 1;
      while (close < words_.size() && close < open + 12 && !bracket_at(close, ')')) ++close;
      if (close == open + 1 || !bracket_at(close, ')')) continue;
      const std::string inner = surface(open + 1, close);
      const auto inner_draft = std::find_if(drafts_.begin(), drafts_.end(), [&](const Draft& d) {
        return d.first_word == open + 1 && d.end_word == close;
      });
      const std::string outer_name = drafts_[k].name;
      const EntityType outer_type = drafts_[k].type;
      if (is_acronym_of(inner, outer_name)) {
        long_names_.emplace(inner, std::pair(outer_name, outer_type));
        if (inner_draft == drafts_.end()) drafts_.emplace_back(open + 1, close, outer_type, EntitySource::alias, inner);
      } else if (is_acronym_of(outer_name, inner)) {
        // The bracketed words are the long name, whatever parts of it the model found.
        long_names_.emplace(outer_name, std::pair(inner, outer_type));
        for (Draft& d : drafts_)
          if (d.first_word > open && d.end_word <= close) d.end_word = d.first_word;  // dropped below
        drafts_.emplace_back(open + 1, close, outer_type, EntitySource::alias, inner);
      }
    }
    std::erase_if(drafts_, [](const Draft& d) { return d.first_word == d.end_word; });
    std::sort(drafts_.begin(), drafts_.end(), by_position);
    // Acronyms used without a definition: only an exact spelling of all the capitalized
    // initials of exactly one long name counts.
    std::unordered_map<std::string, std::size_t> by_initials;  // initials -> draft, or npos if several
    for (std::size_t k = 0; k < drafts_.size(); ++k) {
      const Draft& d = drafts_[k];
      if (d.end_word - d.first_word < 2 || d.type == EntityType::PER || !acronym_letters(d.name).empty()) continue;
      const std::string initials = capital_initials(d.name);
      if (initials.size() < 2) continue;
      const auto [at, added] = by_initials.emplace(initials, k);
      if (!added && at->second != std::string::npos && drafts_[at->second].name != d.name)
        at->second = std::string::npos;  // two long names with these initials: none wins
    }
    for (const Draft& d : drafts_) {
      const std::string letters = acronym_letters(d.name);
      if (letters.empty() || long_names_.contains(d.name)) continue;
      const auto found = by_initials.find(letters);
      if (found != by_initials.end() && found->second != std::string::npos)
        long_names_.emplace(d.name, std::pair(drafts_[found->second].name, drafts_[found->second].type));
    }
    // The model often misses an acronym on its own ("the FAA said"): a word in capitals that
    // spells such a long name is a mention of it.
    std::vector<bool> covered(words_.size(), false);
    for (const Draft& d : drafts_) std::fill(covered.begin() + d.first_word, covered.begin() + d.end_word, true);
    for (std::size_t w = 0; w < words_.size(); ++w) {
      if (covered[w] || !words_[w].capitalized) continue;
      const std::string name = surface(w, w + 1);
      const auto found = by_initials.find(acronym_letters(name));
      if (found == by_initials.end() || found->second == std::string::npos) continue;
      const Draft& long_name = drafts_[found->second];
      long_names_.emplace(name, std::pair(long_name.name, long_name.type));
      drafts_.emplace_back(w, w + 1, long_name.type, EntitySource::alias, name);
    }
    std::sort(drafts_.begin(), drafts_.end(), by_position);
  }

  // 4. Canonical names: the caller's aliases and the built-in spellings; an acronym's long
  // name; a shouted name as it is written elsewhere in the document; a person's full name
  // for part of it ("Sanders", "Bernie" after "Bernie Sanders"), preferring the latest
  // full name before.
  void resolve_canonical_names() {
    // A name written in capitals or in lower case ("PHOENIX", "chicago") takes the spelling
    // used elsewhere in the document; a shouted one is title-cased when there is none.
    // Places and people are rarely acronyms of four letters: "BONN", "NEW YORK" are shouted.
    const auto shouted = [](const Draft& d) {
      return is_shouted(d.name, d.type == EntityType::LOC || d.type == EntityType::PER ? 4 : 5);
    };
    const auto unusual_case = [&](const Draft& d) {
      return shouted(d) || std::none_of(d.name.begin(), d.name.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    };
    std::unordered_map<std::string, std::string> written;  // folded name -> a mixed-case spelling
    for (const Draft& d : drafts_)
      if (!unusual_case(d)) written.emplace(words::lower_ascii(d.name), d.name);
    for (Draft& d : drafts_) {
      d.canonical = d.name;
      if (unusual_case(d)) {
        const auto found = written.find(words::lower_ascii(d.name));
        if (found != written.end())
          d.canonical = found->second;
        else if (shouted(d))
          d.canonical = title_case(d.name);
      }
      // "The Daily Caller News Foundation" and "Daily Caller News Foundation" are one name.
      if (d.canonical.size() > 4 && (d.canonical.starts_with("The ") || d.canonical.starts_with("the ")))
        d.canonical.erase(0, 4);
      if (const auto found = long_names_.find(d.canonical); found != long_names_.end()) {
        d.canonical = found->second.first;
        d.type = found->second.second;
      }
      if (const auto found = impl_.canonical_of.find(d.canonical); found != impl_.canonical_of.end()) {
        d.canonical = found->second.first;
        d.type = found->second.second;
      }
    }
    resolve_people();
  }

  void resolve_people() {
    // A person's surname alone is that person, whatever type the model gave it in its
    // sentence ("Clinton" read as a place after "Hillary Clinton"). Only plain names of
    // capitalized words count: "Louis XV of France" and "Henry III" have no surname.
    std::unordered_set<std::string_view> surnames;
    for (const Draft& d : drafts_) {
      if (d.type != EntityType::PER || d.end_word - d.first_word < 2) continue;
      bool plain = true;
      for (std::size_t w = d.first_word; w < d.end_word; ++w)
        plain &= words_[w].capitalized || !words_[w].has_word_char;
      const std::size_t last = d.end_word - 1;
      const std::string_view surname = text_.substr(words_[last].start, words_[last].end - words_[last].start);
      if (plain && std::any_of(surname.begin(), surname.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
        surnames.insert(surname);
    }
    for (Draft& d : drafts_)
      if (d.source == EntitySource::model && d.type != EntityType::PER && d.end_word - d.first_word == 1 &&
          surnames.contains(d.name))
        d.type = EntityType::PER;
    // Full names of people by draft number (drafts are in document order).
    FullNames full_names;
    std::vector<std::size_t> draft_of;  // full name number -> draft
    for (std::size_t k = 0; k < drafts_.size(); ++k) {
      if (drafts_[k].type == EntityType::PER && full_names.add(name_words(drafts_[k].name), k)) draft_of.push_back(k);
    }
    for (std::size_t k = 0; k < drafts_.size(); ++k) {
      if (drafts_[k].type != EntityType::PER) continue;
      const std::size_t full = full_names.full_name_of(name_words(drafts_[k].name), k);
      if (full != FullNames::kNone) drafts_[k].canonical = drafts_[draft_of[full]].canonical;
    }
  }

  // 5. Sports results name teams by their country or city ("Leeds 2 Chelsea 1", "Australia
  // 245 England 180"): a place followed by a score, in a sentence with another name followed
  // by a score, is a team, and so are places on both sides of a verb that reports a game.
  // The vote then types the place's other mentions in the document.
  void type_teams_in_results() {
    const auto score_follows = [&](const Draft& d) {
      if (d.end_word >= words_.size() || words_[d.end_word].sentence != words_[d.first_word].sentence) return false;
      const std::string_view next =
          text_.substr(words_[d.end_word].start, words_[d.end_word].end - words_[d.end_word].start);
      return !next.empty() && next.size() <= 3 &&
             std::all_of(next.begin(), next.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    std::unordered_map<std::size_t, int> scores_in_sentence;
    for (const Draft& d : drafts_)
      if (d.type != EntityType::PER && score_follows(d)) ++scores_in_sentence[words_[d.first_word].sentence];
    for (Draft& d : drafts_)
      if (d.type == EntityType::LOC && d.source == EntitySource::model && score_follows(d) &&
          scores_in_sentence[words_[d.first_word].sentence] >= 2)
        d.type = EntityType::ORG;
    // "Australia beat England", "Leeds drew with Chelsea": places on both sides of a verb
    // that reports a game, or a place on one side and a team on the other ("Manchester
    // United lost to Chelsea").
    const auto side = [](const Draft& d) { return d.type == EntityType::LOC || d.type == EntityType::ORG; };
    const auto folded_at = [&](std::size_t i) {
      return i < words_.size() ? words::lower_ascii(text_.substr(words_[i].start, words_[i].end - words_[i].start))
                               : std::string();
    };
    for (std::size_t k = 1; k < drafts_.size(); ++k) {
      Draft& home = drafts_[k - 1];
      Draft& away = drafts_[k];
      if (!side(home) || !side(away) || (home.type == EntityType::ORG && away.type == EntityType::ORG) ||
          home.user_listed || away.user_listed)
        continue;
      std::size_t w = home.end_word;
      if (w >= away.first_word || !impl_.match_verbs.contains(words_[w].fold_hash)) continue;
      const std::string_view next = text_.substr(words_[w + 1].start, words_[w + 1].end - words_[w + 1].start);
      if (w + 1 < away.first_word && (next == "to" || next == "with" || next == "against")) ++w;
      if (w + 1 != away.first_word || words_[w].sentence != words_[away.first_word].sentence) continue;
      // "the United States beat Japan's champion": a side named by its player is no team.
      const std::string before = home.first_word > 0 ? folded_at(home.first_word - 1) : std::string();
      if (is_possessive(folded_at(away.end_word)) || before == "of" || before == "from") continue;
      home.type = EntityType::ORG;
      away.type = EntityType::ORG;
    }
    // "Arsenal and Chelsea drew 1-1": two places joined by "and" before such a verb and a
    // score ("France and Spain drew up plans" has none).
    const auto score_at = [&](std::size_t i) {
      const std::string word = folded_at(i), next = folded_at(i + 1);
      const auto digit = [](const std::string& text, std::size_t at) {
        return at < text.size() && text[at] >= '0' && text[at] <= '9';
      };
      const std::size_t dash = word.find('-');
      return digit(word, 0) && ((dash != std::string::npos && digit(word, dash + 1)) ||
                                ((next == "-" || next == "\u2013") && digit(folded_at(i + 2), 0)));
    };
    for (std::size_t k = 1; k < drafts_.size(); ++k) {
      Draft& first = drafts_[k - 1];
      Draft& second = drafts_[k];
      const std::size_t verb = second.end_word;
      if (!side(first) || !side(second) || first.user_listed || second.user_listed ||
          second.first_word != first.end_word + 1 || folded_at(first.end_word) != "and" || verb >= words_.size() ||
          words_[verb].sentence != words_[first.first_word].sentence ||
          !impl_.match_verbs.contains(words_[verb].fold_hash) || !score_at(verb + 1))
        continue;
      first.type = EntityType::ORG;
      second.type = EntityType::ORG;
    }
  }

  // 6. One type per canonical name: the caller's list decides, else the majority (a team of
  // a results line counting for three), else ORG or the type of the first mention.
  void vote_types() {
    constexpr int kListedVote = 1000;  // a listed name outvotes any number of model guesses
    constexpr int kLayoutVote = 3;     // a team in a results table outweighs guesses in prose
    struct Votes {
      std::array<int, kEntityTypeCount> count{};
      int first = -1;  // the type of the name's first mention: it breaks ties
    };
    std::map<std::string, Votes> votes;
    for (const Draft& d : drafts_) {
      Votes& v = votes[d.canonical];
      const int type = static_cast<int>(d.type);
      if (v.first < 0) v.first = type;
      v.count[type] += d.user_listed ? kListedVote : d.source == EntitySource::layout ? kLayoutVote : 1;
    }
    // On a tie the model's weakest type wins, organizations (it misses them most often),
    // else the first mention's type.
    for (Draft& d : drafts_) {
      const Votes& v = votes[d.canonical];
      int best =
          v.count[static_cast<int>(EntityType::ORG)] == v.count[v.first] ? static_cast<int>(EntityType::ORG) : v.first;
      for (int t = 0; t < kEntityTypeCount; ++t)
        if (v.count[t] > v.count[best]) best = t;
      d.type = static_cast<EntityType>(best);
    }
  }

  // 7. Repeats: a name found once is found wherever it recurs, and so is a person's
  // surname. Web text often writes names in lower case: such a repeat counts when it is not
  // a single everyday word ("chicago" does, "bush" does not) nor a function word ("us" is
  // not "US", "who" not "WHO").
  void find_repeats() {
    std::unordered_map<std::uint64_t, std::size_t> known;  // word-sequence hash -> draft index
    // Most word sequences are no known name: a bit for the low bits of each hash in `known`
    // tells most of them without a look-up.
    std::bitset<4096> maybe_known;
    std::vector<std::size_t> lengths;
    for (std::size_t k = 0; k < drafts_.size(); ++k) {
      const Draft& d = drafts_[k];
      if (d.type == EntityType::MISC) continue;
      auto remember = [&](std::size_t first, std::size_t end) {
        std::uint64_t h = 0;
        for (std::size_t w = first; w < end; ++w) h = ner::combine(h, words_[w].fold_hash);
        known.emplace(h, k);
        maybe_known.set(h % maybe_known.size());
        if (std::find(lengths.begin(), lengths.end(), end - first) == lengths.end()) lengths.push_back(end - first);
      };
      remember(d.first_word, d.end_word);
      if (d.type == EntityType::PER && d.end_word - d.first_word >= 2) {
        std::size_t surname = d.end_word - 1;  // before a "Jr." and its comma
        if (surname > d.first_word + 1 && is_name_suffix(surface(surname, surname + 1))) --surname;
        if (surname > d.first_word + 1 && !words_[surname].has_word_char) --surname;
        if (words_[surname].capitalized) remember(surname, surname + 1);
      }
    }
    if (lengths.empty()) return;
    std::vector<char> covered(words_.size(), 0);
    for (const Draft& d : drafts_) std::fill(covered.begin() + d.first_word, covered.begin() + d.end_word, 1);
    std::sort(lengths.begin(), lengths.end(), std::greater<>());
    std::vector<std::uint64_t> hash_of_length(lengths.front() + 1);  // of the words from w
    for (std::size_t w = 0; w < words_.size(); ++w) {
      if (covered[w] || !words_[w].has_word_char) continue;
      // A repeat starting here lies within the words from w that no name covers, in w's sentence.
      std::size_t free_end = w;
      while (free_end < words_.size() && free_end - w < lengths.front() && !covered[free_end] &&
             words_[free_end].sentence == words_[w].sentence)
        ++free_end;
      std::uint64_t h = 0;
      for (std::size_t k = w; k < free_end; ++k) hash_of_length[k - w + 1] = h = ner::combine(h, words_[k].fold_hash);
      for (const std::size_t length : lengths) {
        if (w + length > free_end || !maybe_known.test(hash_of_length[length] % maybe_known.size())) continue;
        const auto found = known.find(hash_of_length[length]);
        if (found == known.end()) continue;
        const Draft& source = drafts_[found->second];
        if (!words_[w].capitalized && length == 1 &&
            (words_[w].common || impl_.function_words.contains(words_[w].fold_hash)))
          continue;
        Draft repeat(w, w + length, source.type, EntitySource::alias, surface(w, w + length));
        repeat.canonical = source.canonical;
        std::fill(covered.begin() + w, covered.begin() + w + length, 1);
        drafts_.push_back(std::move(repeat));
        break;
      }
    }
  }

  std::vector<EntityMention> mentions() {
    std::vector<EntityMention> out;
    out.reserve(drafts_.size());
    for (Draft& d : drafts_) {
      EntityMention m;
      m.start = words_[d.first_word].start;
      m.end = words_[d.end_word - 1].end;
      m.sentence = words_[d.first_word].sentence;
      m.type = d.type;
      m.canonical = std::move(d.canonical);
      m.source = d.source;
      out.push_back(std::move(m));
    }
    std::sort(out.begin(), out.end(), [](const EntityMention& a, const EntityMention& b) {
      return std::tie(a.start, a.end) < std::tie(b.start, b.end);
    });
    return out;
  }

  const EntityRecognizer::Impl& impl_;
  std::string_view text_;
  std::vector<DocumentWord> words_;  // every word of the document, sentence after sentence
  std::vector<Draft> drafts_;
  std::unordered_map<std::string, std::pair<std::string, EntityType>> long_names_;  // acronym -> long name, type
};

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
  return DocumentResolver(*impl_, text).run(analysis);
}

}  // namespace tmk
