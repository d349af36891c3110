// The name each speaker mention stands for. The entity recognizer types and resolves the
// names in the sentences that matter (those naming a speaker or a person); a light
// capitalized-name reader fills in where it finds nothing. A pronoun takes the last person
// named before it, a surname the full name it shortens.
#include <algorithm>
#include <array>
#include <optional>
#include <unordered_map>

#include "entities/full_names.hpp"
#include "quotes/quotes_internal.hpp"
#include "text/word_lists.hpp"
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
    // A lone capitalized word (a sentence's first word, a surname) is no full name, and the
    // steps below only ever shorten a run.
    if (words < 2 || words > 4) continue;  // more: a headline or a long organization name
    bool person = true;
    for (std::size_t w = run.first; w <= run.last && person; ++w)
      person = !pieces[w].has(kOrganization | kTitle) &&
               !words::is_all_caps(strip_possessive(text.substr(pieces[w].start, pieces[w].end - pieces[w].start)));
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

// What a byte tells the name reader about the space-separated chunk holding it, as bits.
// ' ' and '\n' separate chunks: no piece holds one, so the pieces of a chunk are the same
// wherever a scan starts before it. A capitalized word starts with an ASCII capital or a
// non-ASCII letter; a byte other than a space makes a piece.
constexpr std::uint8_t kMakesPiece = 1, kMayCapitalize = 2, kSeparator = 4;
constexpr auto kChunkBytes = [] {
  std::array<std::uint8_t, 256> table{};
  for (int b = 0; b < 0x100; ++b) table[b] = kMakesPiece;
  table[' '] = table['\n'] = kSeparator;
  for (const unsigned char b : {'\t', '\r', '\f', '\v'}) table[b] = 0;
  for (int b = 'A'; b <= 'Z'; ++b) table[b] |= kMayCapitalize;
  for (int b = 0x80; b < 0x100; ++b) table[b] |= kMayCapitalize;
  return table;
}();

// Adds the people's names of text[from, to). A name is a run of capitalized words, and a
// chunk without a byte that may start one (most chunks: words in lower case) holds a piece
// that ends any run: only the stretches of chunks between such chunks are cut into pieces.
void add_person_names_in(std::string_view text, std::size_t from, std::size_t to, const QuoteLexicon& lexicon,
                         std::vector<Piece>& pieces, std::vector<PersonName>& names) {
  constexpr std::size_t kNoStretch = std::string_view::npos;
  std::size_t stretch = kNoStretch;  // where the chunks that may hold a name start
  const auto add_stretch = [&](std::size_t end) {
    pieces.clear();
    // One byte past `end` is read, as a scan to `to` reads it to tell a possessive
    // apostrophe; it starts no capitalized word.
    scan_pieces(text, stretch, std::min(to, end + 1), lexicon, pieces, Classify::capitalized_words);
    add_person_names(text, pieces, names);
    stretch = kNoStretch;
  };
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  for (std::size_t chunk = from; chunk < to;) {
    std::uint8_t seen = 0;
    std::size_t end = chunk;
    for (; end < to && (kChunkBytes[bytes[end]] & kSeparator) == 0; ++end) seen |= kChunkBytes[bytes[end]];
    if ((seen & kMayCapitalize) != 0) {
      if (stretch == kNoStretch) stretch = chunk;
    } else if ((seen & kMakesPiece) != 0 && stretch != kNoStretch) {
      add_stretch(chunk);
    }
    chunk = end + 1;
  }
  if (stretch != kNoStretch) add_stretch(to);
}

// People's names in the writer's text, quotations left out. Read region by region (the text
// between quotations), so memory stays small. A name is made of capitalized words: only those
// are looked up in the lexicon.
std::vector<PersonName> find_person_names(std::string_view text, const QuoteLexicon& lexicon,
                                          const std::vector<Segment>& segments) {
  std::vector<PersonName> names;
  std::vector<Piece> pieces;
  std::size_t from = 0;
  for (std::size_t i = 0; i <= segments.size(); ++i) {
    const std::size_t to = i < segments.size() ? segments[i].content.start : text.size();
    if (from < to) add_person_names_in(text, from, to, lexicon, pieces, names);
    if (i < segments.size()) from = std::max(from, segments[i].content.end);
  }
  return names;
}

// The people named in a document, searchable by position and by surname.
class PersonIndex {
 public:
  explicit PersonIndex(std::vector<PersonName> names) : names_(std::move(names)) {
    for (std::size_t i = 0; i < names_.size(); ++i)
      if (full_names_.add(name_words(names_[i].name), names_[i].start)) numbered_.push_back(i);
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

  // The full name a surname (or any part of a name) shortens, by the entity recognizer's rule.
  const PersonName* full_name_of(std::string_view part, std::size_t position) const {
    const std::size_t full = full_names_.full_name_of(name_words(part), position);
    return full == FullNames::kNone ? nullptr : &names_[numbered_[full]];
  }

  bool empty() const { return names_.empty(); }
  const std::vector<PersonName>& names() const { return names_; }

 private:
  std::vector<PersonName> names_;  // in text order
  FullNames full_names_;
  std::vector<std::size_t> numbered_;  // full name number -> index into names_
};

std::string canonical_of(std::string_view text, const QuoteLexicon& lexicon, const PersonIndex& names, Span speaker) {
  std::vector<Piece> pieces;
  scan_pieces(text, speaker.start, speaker.end, lexicon, pieces);
  if (pieces.empty()) return {};
  if (pieces.size() == 1 && pieces[0].has(kPronoun)) return {};  // resolved by resolve_pronoun
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

// The analysis of the sentences holding one of `offsets` (sorted), tokenized here: the
// entity recognizer then only reads the sentences that can name a speaker, and only those
// are cut into tokens.
Analysis sentences_holding(std::string_view text, const Analysis& analysis, const Tokenizer& tokenizer,
                           const std::vector<std::size_t>& offsets) {
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
    sentence.first_token = subset.tokens.size();
    tokenizer.tokenize(text, sentence.span.start, sentence.span.end, subset.tokens);
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

enum class Gender : std::uint8_t { unknown, male, female };

// A person a pronoun may stand for.
struct Candidate {
  std::size_t start = 0;
  std::size_t sentence = 0;
  std::string name;
  Gender gender = Gender::unknown;
};

std::string lower_word(std::string_view word) {
  std::string lower;
  lower_ascii(word, lower);
  return lower;
}

// The gender a name's title (Mr., Mrs., Ms.) or first name marks.
Gender gender_of(std::string_view text, std::size_t start, std::string_view name) {
  std::size_t before = start;
  while (before > 0 && is_space_at(text, before - 1)) --before;
  std::size_t title = before;
  while (title > 0 && (is_alnum_at(text, title - 1) || text[title - 1] == '.')) --title;
  const std::string word = lower_word(text.substr(title, before - title));
  if (word == "mr." || word == "mr") return Gender::male;
  if (word == "mrs." || word == "mrs" || word == "ms." || word == "ms" || word == "miss") return Gender::female;
  const auto found = words::first_names().find(lower_word(name.substr(0, name.find(' '))));
  if (found == words::first_names().end()) return Gender::unknown;
  return found->second == 'f' ? Gender::female : Gender::male;
}

// The person a "he" or "she" at `position` stands for: the first person of the last sentence
// before it that names one of a fitting gender (the subject, most often), at most a few
// sentences back. `known` holds genders learned from pronouns resolved earlier.
const Candidate* resolve_pronoun(const std::vector<Candidate>& people, std::size_t position, Gender gender,
                                 const std::unordered_map<std::string, Gender>& known) {
  constexpr std::size_t kSentencesBack = 4;
  auto after = std::lower_bound(people.begin(), people.end(), position,
                                [](const Candidate& c, std::size_t p) { return c.start < p; });
  std::size_t sentences = 0;
  while (after != people.begin() && sentences < kSentencesBack) {
    auto first = std::prev(after);
    while (first != people.begin() && std::prev(first)->sentence == first->sentence) --first;
    for (auto c = first; c != after; ++c) {
      Gender g = c->gender;
      if (const auto k = known.find(c->name); g == Gender::unknown && k != known.end()) g = k->second;
      if (g == Gender::unknown || g == gender) return &*c;
    }
    after = first;
    ++sentences;
  }
  return nullptr;
}

bool is_pronoun(std::string_view text, Span speaker, const QuoteLexicon& lexicon) {
  return (lexicon.classes(lower_word(text.substr(speaker.start, speaker.end - speaker.start))) & kPronoun) != 0;
}

// People named outside quotations, from the recognizer (PER only) or else the light reader.
std::vector<Candidate> candidates_of(std::string_view text, const Analysis& analysis, const PersonIndex& names,
                                     const std::vector<EntityMention>* mentions, const std::vector<Segment>& segments) {
  std::vector<Candidate> people;
  const auto add = [&](std::size_t start, std::size_t sentence, std::string name) {
    const Gender gender = gender_of(text, start, name);
    people.push_back({start, sentence, std::move(name), gender});
  };
  if (!mentions) {
    for (const PersonName& name : names.names())
      add(name.start, analysis.sentences.empty() ? 0 : analysis.sentence_at(name.start), name.name);
    return people;
  }
  for (const EntityMention& m : *mentions) {
    if (m.type != EntityType::PER || inside_quote(segments, m.start, m.end)) continue;
    // "Ruiz's spokesman": a possessive names whose someone is, not the subject.
    const std::string_view rest = text.substr(m.end, 4);
    if (rest.starts_with("'s") || rest.starts_with("\u2019s")) continue;
    // A surname alone takes the full name the document spells out.
    const std::size_t space = m.canonical.rfind(' ');
    const std::string surname = space == std::string::npos ? m.canonical : m.canonical.substr(space + 1);
    const PersonName* full = names.full_name_of(surname, m.start);
    add(m.start, m.sentence, full && full->name.size() > m.canonical.size() ? full->name : m.canonical);
  }
  return people;
}

// A name joined to the words before it by "for", "of", "and" is part of a longer name
// ("Labor for Bernie"), not a person of its own.
bool inside_longer_name(std::string_view text, std::size_t speaker_start, std::size_t start) {
  std::size_t end = start;
  while (end > speaker_start && is_space_at(text, end - 1)) --end;
  std::size_t word = end;
  while (word > speaker_start && !is_space_at(text, word - 1)) --word;
  const std::string_view joiner = text.substr(word, end - word);
  return joiner == "for" || joiner == "of" || joiner == "and";
}

// The recognizer's mention naming the speaker: the last person inside the mention, else the
// first organization overlapping it. The mentions are in order of their starts: those starting
// before the speaker's end are found by binary search and read back only to the first that
// ends before the speaker (a document of many quotes and names would otherwise cost quotes
// times names). A name nested in a longer one starts with it, so none is missed.
const EntityMention* mention_of(std::string_view text, const std::vector<EntityMention>& mentions, Span speaker) {
  const EntityMention* organization = nullptr;
  const EntityMention* person = nullptr;
  auto it = std::partition_point(mentions.begin(), mentions.end(),
                                 [&](const EntityMention& m) { return m.start < speaker.end; });
  while (it != mentions.begin()) {
    const EntityMention& m = *--it;
    if (m.end <= speaker.start) break;
    if (!person && m.type == EntityType::PER && m.start >= speaker.start &&
        !inside_longer_name(text, speaker.start, m.start))
      person = &m;
    if (m.type == EntityType::ORG) organization = &m;
  }
  return person ? person : organization;
}

// Role and organization from the words of the speaker's mention before the name: "Labor for
// Bernie volunteer Rand Wilson" -> "volunteer", "Labor for Bernie".
void describe(std::string_view text, const QuoteLexicon& lexicon, Span before, Quote& quote) {
  std::vector<Piece> pieces;
  scan_pieces(text, before.start, before.end, lexicon, pieces);
  std::size_t role = pieces.size();
  const auto is_role = [&](const Piece& p) {
    const std::string_view w = text.substr(p.start, p.end - p.start);
    return p.is_word() && !p.has(kDeterminer) && (!p.capitalized || p.has(kTitle | kRole) || w.back() == '.');
  };
  while (role > 0 && is_role(pieces[role - 1])) --role;
  if (role < pieces.size() && quote.speaker_role.empty())
    quote.speaker_role = std::string(text.substr(pieces[role].start, pieces.back().end - pieces[role].start));
  std::size_t org = 0;
  while (org < role && pieces[org].has(kDeterminer | kStop)) ++org;
  if (org < role && pieces[org].capitalized)
    quote.speaker_org =
        std::string(strip_possessive(text.substr(pieces[org].start, pieces[role - 1].end - pieces[org].start)));
}

// What a mention without a recognized name is: a document ("the statement"), a group
// ("officials", "they"), an organization ("the union").
SpeakerType type_of_description(std::string_view text, const QuoteLexicon& lexicon, Span speaker) {
  std::vector<Piece> pieces;
  scan_pieces(text, speaker.start, speaker.end, lexicon, pieces);
  if (pieces.empty()) return SpeakerType::unknown;
  const std::string last = lower_word(text.substr(pieces.back().start, pieces.back().end - pieces.back().start));
  if (last == "they" || last == "we") return SpeakerType::group;
  if (last == "he" || last == "she" || last == "i") return SpeakerType::person;
  if (pieces.back().has(kDocument)) return SpeakerType::document;
  if (pieces.back().has(kOrganization)) return SpeakerType::organization;
  if (last.size() > 3 && last.back() == 's' && !pieces.back().capitalized) return SpeakerType::group;
  return SpeakerType::unknown;
}

// Names a speaker by the recognizer's mention; returns where a person's name starts in the
// speaker's mention (its end when there is none).
std::size_t name_from_mention(const EntityMention& mention, const PersonIndex& names, Quote& quote) {
  quote.speaker_canonical = mention.canonical;
  if (mention.type != EntityType::PER) {
    quote.speaker_type = SpeakerType::organization;
    return quote.speaker.end;
  }
  quote.speaker_type = SpeakerType::person;
  // A surname the recognizer saw alone takes the full name the document spells out.
  if (mention.canonical.find(' ') == std::string::npos)
    if (const PersonName* full = names.full_name_of(mention.canonical, quote.speaker.start))
      quote.speaker_canonical = full->name;
  return mention.start;
}

// The same from the light reader's names, when the recognizer is absent or found nothing.
std::size_t name_from_text(std::string_view text, const QuoteLexicon& lexicon, const PersonIndex& names, Quote& quote) {
  quote.speaker_canonical = canonical_of(text, lexicon, names, quote.speaker);
  const PersonName* name = names.last_before(quote.speaker.end);
  if (!name || name->start < quote.speaker.start) return quote.speaker.end;
  quote.speaker_type = SpeakerType::person;
  return name->start;
}

}  // namespace

void resolve_speakers(std::string_view text, const Analysis& analysis, const QuoteLexicon& lexicon,
                      const EntityRecognizer* recognizer, const std::vector<Segment>& segments,
                      std::vector<Quote>& quotes) {
  bool any_speaker = false;
  for (const Quote& quote : quotes) any_speaker = any_speaker || quote.has_speaker;
  if (!any_speaker) return;
  const PersonIndex names(find_person_names(text, lexicon, segments));

  // The recognizer reads only the sentences that decide something: those naming a speaker,
  // and the few before a pronoun speaker, which may name its person.
  std::vector<std::size_t> offsets;
  for (const Quote& quote : quotes) {
    if (!quote.has_speaker) continue;
    offsets.push_back(quote.speaker.start);
    if (is_pronoun(text, quote.speaker, lexicon) && !analysis.sentences.empty()) {
      const std::size_t s = analysis.sentence_at(quote.speaker.start);
      for (std::size_t back = s >= 3 ? s - 3 : 0; back <= s; ++back)
        offsets.push_back(analysis.sentences[back].span.start);
    }
  }
  std::vector<EntityMention> mentions;
  const bool recognized = recognizer && !analysis.sentences.empty();
  if (recognized) {
    std::sort(offsets.begin(), offsets.end());
    mentions = recognizer->recognize(text, sentences_holding(text, analysis, lexicon.tokenizer, offsets));
  }
  const std::vector<Candidate> people =
      candidates_of(text, analysis, names, recognized ? &mentions : nullptr, segments);
  std::unordered_map<std::string, Gender> known;  // genders learned from resolved pronouns

  for (Quote& quote : quotes) {
    if (!quote.has_speaker) continue;
    quote.speaker_type = type_of_description(text, lexicon, quote.speaker);
    const std::string pronoun = lower_word(text.substr(quote.speaker.start, quote.speaker.end - quote.speaker.start));
    if (pronoun == "he" || pronoun == "she") {
      const Gender gender = pronoun == "he" ? Gender::male : Gender::female;
      if (const Candidate* person = resolve_pronoun(people, quote.speaker.start, gender, known)) {
        quote.speaker_canonical = person->name;
        known.emplace(person->name, gender);
      }
      continue;
    }
    if (is_pronoun(text, quote.speaker, lexicon)) continue;  // "they", "we" name no single person
    const EntityMention* mention = recognized ? mention_of(text, mentions, quote.speaker) : nullptr;
    const std::size_t name_start =
        mention ? name_from_mention(*mention, names, quote) : name_from_text(text, lexicon, names, quote);
    if (name_start < quote.speaker.end) describe(text, lexicon, {quote.speaker.start, name_start}, quote);
  }
}

}  // namespace tmk
