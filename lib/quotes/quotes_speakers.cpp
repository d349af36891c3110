// The name each speaker mention stands for. The entity recognizer types and resolves the
// names in the sentences that matter (those naming a speaker or a person); a light
// capitalized-name reader fills in where it finds nothing. A pronoun takes the last person
// named before it, a surname the full name it shortens.
#include <algorithm>
#include <optional>
#include <unordered_map>

#include "quotes/quotes_internal.hpp"
#include "tmk/entities/entities.hpp"

namespace tmk {

namespace {

struct PersonName {
  std::size_t start = 0;
  std::size_t end = 0;
  std::string name;       // full name, without titles or a possessive ending
  std::string last_word;  // the surname a later mention may use alone
};

std::string_view strip_possessive(std::string_view name) {
  for (const std::string_view ending : {"'s", "\u2019s", "'", "\u2019"})
    if (name.size() > ending.size() && name.substr(name.size() - ending.size()) == ending)
      return name.substr(0, name.size() - ending.size());
  return name;
}

bool is_acronym(std::string_view word) {
  if (word.size() < 2) return false;
  for (const char c : word)
    if (c >= 'a' && c <= 'z') return false;
  return true;
}

// Capitalized words in a row, without the leading words that are no part of a name
// (sentence-initial function words, titles).
struct NameRun {
  std::size_t first = 0;
  std::size_t last = 0;  // inclusive piece indices
};

NameRun strip_leading(const std::vector<Piece>& pieces, NameRun run) {
  while (run.first <= run.last && pieces[run.first].has(kStop | kBetween | kPronoun | kCue | kTitle | kDeterminer))
    ++run.first;
  return run;
}

bool line_break_between(std::string_view text, const Piece& left, const Piece& right) {
  return text.substr(left.end, right.start - left.end).find('\n') != std::string_view::npos;
}

bool is_name_suffix(std::string_view word) {
  return word == "Jr." || word == "Sr." || word == "Jr" || word == "Sr" || word == "II" || word == "III";
}

// Adds the people's names among `pieces`: two or three capitalized words after any titles,
// with no word that marks an organization.
void add_person_names(std::string_view text, const std::vector<Piece>& pieces, std::vector<PersonName>& names) {
  for (std::size_t k = 0; k < pieces.size();) {
    if (!pieces[k].is_word() || !pieces[k].capitalized) {
      ++k;
      continue;
    }
    std::size_t end = k;
    while (end + 1 < pieces.size() && pieces[end + 1].is_word() && pieces[end + 1].capitalized &&
           !line_break_between(text, pieces[end], pieces[end + 1]))
      ++end;
    const std::size_t run_start = k;
    NameRun run = strip_leading(pieces, {k, end});
    k = end + 1;
    // A name follows its titles: "Environment Minister John Baird".
    for (std::size_t w = run.first; w <= end; ++w)
      if (pieces[w].has(kTitle)) run.first = w + 1;
    if (run.first > run.last) continue;
    std::size_t words = run.last - run.first + 1;
    if (words > 4) continue;  // a headline or a long organization name
    bool person = true;
    for (std::size_t w = run.first; w <= run.last && person; ++w)
      person = !pieces[w].has(kOrganization | kTitle) &&
               !is_acronym(strip_possessive(text.substr(pieces[w].start, pieces[w].end - pieces[w].start)));
    if (!person) continue;
    // "State Hillary Clinton": a longer run keeps its last two words, unless one is an
    // initial; three after a title (Chairwoman Debbie Wasserman Schultz) or before a suffix.
    const bool suffixed =
        is_name_suffix(text.substr(pieces[run.last].start, pieces[run.last].end - pieces[run.last].start));
    const bool after_title = run.first > run_start && pieces[run.first - 1].has(kTitle);
    const std::size_t keep = suffixed || after_title ? 3 : 2;
    if (words > keep && pieces[run.last - 1].end - pieces[run.last - 1].start > 2) run.first = run.last - (keep - 1);
    words = run.last - run.first + 1;
    if (words < 2) continue;
    PersonName name;
    name.start = pieces[run.first].start;
    name.end = pieces[run.last].end;
    name.name = std::string(strip_possessive(text.substr(name.start, name.end - name.start)));
    std::size_t surname = run.last;
    if (surname > run.first &&
        is_name_suffix(text.substr(pieces[surname].start, pieces[surname].end - pieces[surname].start)))
      --surname;
    name.last_word =
        std::string(strip_possessive(text.substr(pieces[surname].start, pieces[surname].end - pieces[surname].start)));
    names.push_back(std::move(name));
  }
}

// People's names in the writer's text, quotations left out. Read region by region (the text
// between quotations), so memory stays small.
std::vector<PersonName> find_person_names(std::string_view text, const QuoteLexicon& lexicon,
                                          const std::vector<Segment>& segments) {
  std::vector<PersonName> names;
  std::vector<Piece> pieces;
  std::size_t from = 0;
  for (std::size_t i = 0; i <= segments.size(); ++i) {
    const std::size_t to = i < segments.size() ? segments[i].content.start : text.size();
    if (from < to) {
      pieces.clear();
      scan_pieces(text, from, to, lexicon, pieces);
      add_person_names(text, pieces, names);
    }
    if (i < segments.size()) from = std::max(from, segments[i].content.end);
  }
  return names;
}

// The people named in a document, searchable by position and by surname.
class PersonIndex {
 public:
  explicit PersonIndex(std::vector<PersonName> names) : names_(std::move(names)) {
    for (std::size_t i = 0; i < names_.size(); ++i) by_surname_[names_[i].last_word].push_back(i);
  }

  // The last name ending at or before `position`.
  const PersonName* last_before(std::size_t position) const {
    auto after = std::lower_bound(names_.begin(), names_.end(), position,
                                  [](const PersonName& n, std::size_t p) { return n.start < p; });
    while (after != names_.begin()) {
      --after;
      if (after->end <= position) return &*after;
    }
    return nullptr;
  }

  // The full name a surname shortens: the last one before `position`, else the first after.
  const PersonName* full_name_of(std::string_view surname, std::size_t position) const {
    const auto found = by_surname_.find(std::string(surname));
    if (found == by_surname_.end()) return nullptr;
    const std::vector<std::size_t>& indices = found->second;
    const auto after = std::lower_bound(indices.begin(), indices.end(), position,
                                        [&](std::size_t i, std::size_t p) { return names_[i].start < p; });
    return &names_[after == indices.begin() ? *after : *std::prev(after)];
  }

  // The first name in the sentence of `name` (the sentence's subject, most often).
  const PersonName* first_in_sentence(const PersonName* name, const Analysis& analysis) const {
    if (!name || analysis.sentences.empty()) return name;
    const std::size_t sentence = analysis.sentence_at(name->start);
    while (name != names_.data() && analysis.sentence_at((name - 1)->start) == sentence) --name;
    return name;
  }

  bool empty() const { return names_.empty(); }
  const std::vector<PersonName>& names() const { return names_; }

 private:
  std::vector<PersonName> names_;  // in text order
  std::unordered_map<std::string, std::vector<std::size_t>> by_surname_;
};

std::string canonical_of(std::string_view text, const Analysis& analysis, const QuoteLexicon& lexicon,
                         const PersonIndex& names, Span speaker) {
  std::vector<Piece> pieces;
  scan_pieces(text, speaker.start, speaker.end, lexicon, pieces);
  if (pieces.empty()) return {};
  if (pieces.size() == 1 && pieces[0].has(kPronoun)) {
    std::string pronoun;
    lower_ascii(text.substr(pieces[0].start, pieces[0].end - pieces[0].start), pronoun);
    if (pronoun != "he" && pronoun != "she" && pronoun != "they") return {};
    const PersonName* last = names.first_in_sentence(names.last_before(speaker.start), analysis);
    if (!last) return {};
    const PersonName* full = names.full_name_of(last->last_word, last->start);
    return full ? full->name : last->name;
  }
  // The last capitalized run before any appositive ("Smith, a Democrat"); "of", "for" and
  // "and" may join capitalized words (American Federation of Teachers).
  std::size_t stop = 0;
  while (stop < pieces.size() && pieces[stop].punct != ',') ++stop;
  NameRun best{1, 0};
  for (std::size_t k = 0; k < stop;) {
    if (!pieces[k].is_word() || !pieces[k].capitalized) {
      ++k;
      continue;
    }
    std::size_t end = k;
    while (end + 1 < stop) {
      if (pieces[end + 1].is_word() && pieces[end + 1].capitalized) {
        ++end;
        continue;
      }
      const std::string_view joiner = text.substr(pieces[end + 1].start, pieces[end + 1].end - pieces[end + 1].start);
      if ((joiner == "of" || joiner == "for" || joiner == "and" || joiner == "the") && end + 2 < stop &&
          pieces[end + 2].capitalized) {
        end += 2;
        continue;
      }
      break;
    }
    best = {k, end};
    k = end + 1;
  }
  // Leading titles and function words are no part of the name, except a preposition opening
  // a title ("In These Times").
  while (best.first <= best.last && pieces[best.first].has(kTitle | kStop | kBetween | kPronoun)) {
    const bool opens_title = pieces[best.first].has(kStop) && best.first < best.last &&
                             pieces[best.first + 1].has(kDeterminer) && pieces[best.first + 1].capitalized;
    if (opens_title) break;
    ++best.first;
  }
  if (best.first <= best.last) {
    std::string first_word;
    lower_ascii(text.substr(pieces[best.first].start, pieces[best.first].end - pieces[best.first].start), first_word);
    if ((first_word == "the" || first_word == "a" || first_word == "an") && best.first < best.last) ++best.first;
  }
  if (best.first > best.last) return {};
  while (best.first < best.last && pieces[best.first].has(kTitle)) ++best.first;
  // A capitalized modifier of a description ("the Republican nominee") names nobody; a
  // possessive ("Cornyn's statement") does.
  const std::string_view last_word =
      text.substr(pieces[best.last].start, pieces[best.last].end - pieces[best.last].start);
  if (best.last + 1 < stop && pieces[best.last + 1].is_word() && strip_possessive(last_word) == last_word) return {};
  // A person's name inside the run ("Organizer Bea Martin") is the name.
  if (const PersonName* name = names.last_before(pieces[best.last].end);
      name && name->start >= pieces[best.first].start)
    return name->name;
  const std::string_view run =
      strip_possessive(text.substr(pieces[best.first].start, pieces[best.last].end - pieces[best.first].start));
  if (best.first == best.last && !pieces[best.first].has(kDeterminer)) {
    if (const PersonName* full = names.full_name_of(run, speaker.start)) return full->name;
  }
  if (best.first == best.last && pieces[best.first].has(kDeterminer)) return {};
  return std::string(run);
}

constexpr std::size_t kMaxRecognizedSentenceBytes = 2000;

// The analysis restricted to the sentences holding one of `offsets` (sorted): the entity
// recognizer then only reads the sentences that can name a speaker.
Analysis sentences_holding(const Analysis& analysis, const std::vector<std::size_t>& offsets) {
  Analysis subset;
  std::size_t previous = analysis.sentences.size();
  for (const std::size_t offset : offsets) {
    const std::size_t s = analysis.sentence_at(offset);
    if (s == previous || s >= analysis.sentences.size()) continue;
    previous = s;
    Sentence sentence = analysis.sentences[s];
    // A "sentence" longer than any real one (a run-on line) gains nothing from the
    // recognizer and would cost it most.
    if (sentence.span.end - sentence.span.start > kMaxRecognizedSentenceBytes) continue;
    const std::size_t first = subset.tokens.size();
    subset.tokens.insert(subset.tokens.end(),
                         analysis.tokens.begin() + static_cast<std::ptrdiff_t>(sentence.first_token),
                         analysis.tokens.begin() + static_cast<std::ptrdiff_t>(sentence.end_token));
    sentence.first_token = first;
    sentence.end_token = subset.tokens.size();
    subset.sentences.push_back(sentence);
  }
  return subset;
}

bool inside_quote(const std::vector<Segment>& segments, std::size_t start, std::size_t end) {
  const auto after = std::upper_bound(segments.begin(), segments.end(), start,
                                      [](std::size_t offset, const Segment& s) { return offset < s.content.start; });
  return after != segments.begin() && std::prev(after)->content.end >= end;
}

bool is_person_pronoun(std::string_view text, Span speaker) {
  std::string word;
  lower_ascii(text.substr(speaker.start, speaker.end - speaker.start), word);
  return word == "he" || word == "she" || word == "they";
}

// What the recognizer found that speakers need: people named outside quotations, in text
// order, and the canonical name of each name as written.
struct RecognizedNames {
  std::vector<const EntityMention*> people;
  std::unordered_map<std::string, std::string> canonical_by_text;  // PER and ORG names

  RecognizedNames(std::string_view text, const std::vector<EntityMention>& mentions,
                  const std::vector<Segment>& segments) {
    for (const EntityMention& m : mentions) {
      if (m.type == EntityType::PER && !inside_quote(segments, m.start, m.end)) people.push_back(&m);
      if (m.type == EntityType::PER || m.type == EntityType::ORG)
        canonical_by_text.emplace(strip_possessive(text.substr(m.start, m.end - m.start)), m.canonical);
    }
  }

  // The last person named before `position`, with the full name the document spells out.
  std::string person_before(const PersonIndex& names, std::size_t position) const {
    const auto after = std::lower_bound(people.begin(), people.end(), position,
                                        [](const EntityMention* m, std::size_t p) { return m->start < p; });
    if (after == people.begin()) return {};
    // The subject of a sentence comes first: "Sanders, in Iowa, attacked Clinton's record.
    // 'She voted for it,' he said." takes the first person named in the sentence.
    auto first = std::prev(after);
    while (first != people.begin() && (*std::prev(first))->sentence == (*first)->sentence) --first;
    const EntityMention& last = **first;
    const std::string_view canonical = last.canonical;
    const std::size_t space = canonical.rfind(' ');
    const std::string_view surname = space == std::string_view::npos ? canonical : canonical.substr(space + 1);
    const PersonName* full = names.full_name_of(surname, last.start);
    return full && full->name.size() > canonical.size() ? full->name : std::string(canonical);
  }

  // The canonical name of an entity written exactly as `name` (a surname, an acronym).
  std::string entity_named(const std::string& name) const {
    const auto found = canonical_by_text.find(name);
    return found == canonical_by_text.end() ? std::string() : found->second;
  }
};

}  // namespace

void resolve_speakers(std::string_view text, const Analysis& analysis, const QuoteLexicon& lexicon,
                      const EntityRecognizer* recognizer, const std::vector<Segment>& segments,
                      std::vector<Quote>& quotes) {
  bool any_speaker = false;
  for (const Quote& quote : quotes) any_speaker = any_speaker || quote.has_speaker;
  if (!any_speaker) return;
  const PersonIndex names(find_person_names(text, lexicon, segments));
  std::vector<std::string> fallback(quotes.size());
  for (std::size_t i = 0; i < quotes.size(); ++i)
    if (quotes[i].has_speaker) fallback[i] = canonical_of(text, analysis, lexicon, names, quotes[i].speaker);

  // The recognizer reads only the sentences that decide something: the people named before
  // a pronoun speaker, and speakers named by one word the light reader left as it was.
  std::vector<std::size_t> offsets;
  std::size_t last_pronoun = 0;
  for (std::size_t i = 0; i < quotes.size(); ++i) {
    if (!quotes[i].has_speaker) continue;
    if (is_person_pronoun(text, quotes[i].speaker)) {
      last_pronoun = std::max(last_pronoun, quotes[i].speaker.start);
      // The sentences just before a pronoun may name its person by surname only.
      if (!analysis.sentences.empty()) {
        const std::size_t s = analysis.sentence_at(quotes[i].speaker.start);
        for (std::size_t back = s >= 2 ? s - 2 : 0; back <= s; ++back)
          offsets.push_back(analysis.sentences[back].span.start);
      }
    } else if (!fallback[i].empty() && fallback[i].find(' ') == std::string::npos)
      offsets.push_back(quotes[i].speaker.start);
  }
  for (const PersonName& name : names.names())
    if (name.start < last_pronoun) offsets.push_back(name.start);
  std::vector<EntityMention> mentions;
  std::optional<RecognizedNames> recognized;
  if (recognizer && !offsets.empty() && !analysis.sentences.empty()) {
    std::sort(offsets.begin(), offsets.end());
    mentions = recognizer->recognize(text, sentences_holding(analysis, offsets));
    recognized.emplace(text, mentions, segments);
  }

  for (std::size_t i = 0; i < quotes.size(); ++i) {
    Quote& quote = quotes[i];
    if (!quote.has_speaker) continue;
    quote.speaker_canonical = std::move(fallback[i]);
    if (!recognized) continue;
    if (is_person_pronoun(text, quote.speaker)) {
      std::string person = recognized->person_before(names, quote.speaker.start);
      if (!person.empty()) quote.speaker_canonical = std::move(person);
    } else if (!quote.speaker_canonical.empty() && quote.speaker_canonical.find(' ') == std::string::npos) {
      std::string entity = recognized->entity_named(quote.speaker_canonical);
      if (!entity.empty()) quote.speaker_canonical = std::move(entity);
    }
  }
}

}  // namespace tmk
