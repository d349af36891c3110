// Who said each quoted segment: the reporting clause after it ("...," X said / said X /
// according to X), before it in the same sentence (X told Y: "..."), the quotation it
// continues, or the speaker of the quote or reported speech just before it.
#include <algorithm>

#include "quotes/quotes_internal.hpp"
#include "text/word_lists.hpp"

namespace tmk {

namespace {

constexpr std::size_t kTailBytes = 400;     // how far after a quote its attribution may run
constexpr std::size_t kHeadBytes = 600;     // how far before a quote its attribution may start
constexpr std::size_t kRecentBytes = 1500;  // how far back reported speech may name a speaker
constexpr std::size_t kMaxNounPhrase = 12;

struct NounPhrase {
  std::size_t first = 0;  // piece indices, inclusive
  std::size_t last = 0;
  bool found = false;
  std::size_t role_first = 0;  // a description set before the name: "the Governor, Andrew Bailey,"
  std::size_t role_last = 0;
  bool has_role = false;
};

struct Attribution {
  Span speaker;
  Span cue;
  bool found = false;
  Span role;
};

class Attributor {
 public:
  Attributor(std::string_view text, const QuoteLexicon& lexicon) : text_(text), lexicon_(lexicon) {}

  // "...," X said / said X / according to X: the clause right after the closing mark.
  // After a quote that ended its sentence (`"...." Smith said.`), the clause must be short:
  // a longer one is the writer's next sentence (`"...." He added that ...`).
  //
  // A quote ending in a comma, "?" or "!" runs on into its attribution, so there a past-tense
  // verb not in the cue list also counts (`"...," the crowd roared.`).
  Attribution after(std::size_t from, std::size_t to, char content_last) {
    const bool runs_on = content_last == ',' || content_last == '?' || content_last == '!';
    const Attribution found = after_clause(from, to, runs_on);
    if (!found.found || content_last != '.') return found;
    std::size_t trailing = 0;
    bool ended = false;
    for (const Piece& piece : pieces_) {
      if ((ended = piece.ends_sentence())) break;
      if (piece.start < found.cue.end || piece.start < found.speaker.end) continue;
      if (++trailing > 4 || word_is_that(piece)) return {};
    }
    // `"...." Cho said the talks were "open."`: a clause running into the next quote
    // introduces that one.
    if (!ended && trailing > 0 && opens_quote_at(to)) return {};
    return found;
  }

  bool opens_quote_at(std::size_t pos) const {
    std::vector<Piece> next;
    scan_pieces(text_, pos, std::min(text_.size(), pos + 3), lexicon_, next);
    return !next.empty() && next.front().start == pos && next.front().punct == '"';
  }

  // X said, "..." / X told Y: "..." / X said that "...": a reporting clause earlier in the
  // sentence the quote is in (text[from, to) ends at the opening mark).
  Attribution before(std::size_t from, std::size_t to) {
    scan(start_within(from, to, kHeadBytes), to);
    std::size_t sentence_start = pieces_.size();
    while (sentence_start > 0 && !pieces_[sentence_start - 1].ends_sentence()) --sentence_start;
    return rightmost_clause(sentence_start, pieces_.size(), true);
  }

  // "Name: '...'" and "Name, Outlet: '...'" opening a sentence (headlines, transcripts,
  // lists of excerpts): a short capitalized name, maybe with a short description, before a colon.
  // Outside headlines a lone word must be in capitals ("KEMP:"): "Update:" names nobody.
  Attribution colon_name(std::size_t from, std::size_t to, bool headline) {
    scan(start_within(from, to, kHeadBytes), to);
    const std::size_t n = pieces_.size();
    if (n < 2 || pieces_[n - 1].punct != ':') return {};
    std::size_t start = n - 1;
    while (start > 0 && !pieces_[start - 1].ends_sentence()) --start;
    const std::size_t name_end = name_run_end(start, n - 1);
    if (name_end == start || name_end - start > 4) return {};
    if (!headline && name_end - start == 1 && !words::is_all_caps(word(start))) return {};
    if (name_end != n - 1) {
      // ", outlet:" after the name: a few words, none of them a verb of speech.
      if (pieces_[name_end].punct != ',' || n - 1 - name_end > 7) return {};
      for (std::size_t k = name_end + 1; k + 1 < n; ++k)
        if (!pieces_[k].is_word() || pieces_[k].has(kCue)) return {};
    }
    return {{pieces_[start].start, pieces_[name_end - 1].end}, {}, true, {}};
  }

  // The subject of the clause holding a quote that no verb of speech introduces ("Smith
  // hammered the media for its 'phony polls'"; "Smith left early, saying '...'"): a name or
  // pronoun opening the sentence, followed by its verb (the cue).
  Attribution clause_subject(std::size_t from, std::size_t to, bool need_participle) {
    scan(start_within(from, to, kHeadBytes), to);
    const std::size_t n = pieces_.size();
    std::size_t start = n;
    while (start > 0 && !pieces_[start - 1].ends_sentence()) --start;
    if (need_participle && !has_participle(start, n)) return {};
    return subject_of(start, n);
  }

  // Whether the word right before the quote mark at `open` names a kind of work ("the film
  // 'Red Sky'"): the quote is its title.
  bool follows_work_noun(std::size_t from, std::size_t open) {
    scan(start_within(from, open, kHeadBytes), open);
    return !pieces_.empty() && pieces_.back().has(kWork);
  }

  // The subject of the writer's last sentence in text[from, to) ("Ben Cole left early.").
  Attribution last_sentence_subject(std::size_t from, std::size_t to) {
    scan(start_within(from, to, kHeadBytes), to);
    std::size_t n = pieces_.size();
    while (n > 0 && (pieces_[n - 1].ends_sentence() || pieces_[n - 1].punct == '"')) --n;
    std::size_t start = n;
    while (start > 0 && !pieces_[start - 1].ends_sentence()) --start;
    return subject_of(start, n);
  }

  // A name or pronoun opening the clause at piece `start`, and its verb as the cue.
  Attribution subject_of(std::size_t start, std::size_t n) {
    // An opening phrase set off by a comma ("On Monday, Smith ...") is passed over.
    if (start < n && pieces_[start].has(kStop | kBetween) && !pieces_[start].has(kPronoun)) {
      std::size_t comma = start;
      while (comma < n && comma < start + 8 && pieces_[comma].punct != ',') ++comma;
      if (comma < n && pieces_[comma].punct == ',') start = comma + 1;
    }
    if (start >= n || !pieces_[start].is_word()) return {};
    std::size_t end = start + 1;  // one past the subject
    if (pieces_[start].has(kPronoun)) {
      if (!is_person_pronoun(start)) return {};
    } else if (name_run_end(start, n) > start) {
      end = name_run_end(start, n);
      if (end - start > 6) return {};
    } else if (pieces_[start].has(kDeterminer)) {
      // "The council issued ...": a determiner's phrase runs to its past-tense verb.
      // An irregular past tense counts after a noun only ("The left wing walked" is no "left").
      const auto irregular_past = [&](std::size_t k) {
        return k >= start + 2 && pieces_[k].has(kPastTense) && !pieces_[k].capitalized;
      };
      while (end < n && end - start < 5 && pieces_[end].is_word() && !pieces_[end].has(kStop | kCue | kReport) &&
             !is_past_tense(end) && !irregular_past(end))
        ++end;
      if (end >= n || !(is_past_tense(end) || irregular_past(end))) return {};
    } else {
      return {};
    }
    std::size_t verb = end;
    // "Quinn, a Democrat from Oregon, hammered ...": an appositive is passed over.
    if (verb < n && pieces_[verb].punct == ',') {
      std::size_t close = verb + 1;
      while (close < n && close < verb + 12 && pieces_[close].punct != ',' && !pieces_[close].ends_sentence()) ++close;
      if (close < n && pieces_[close].punct == ',') verb = close + 1;
    }
    while (verb < n && pieces_[verb].is_word() && (pieces_[verb].has(kBetween) || is_adverb(verb))) ++verb;
    if (verb >= n || !pieces_[verb].is_word() || pieces_[verb].capitalized || pieces_[verb].has(kStop)) return {};
    return {{pieces_[start].start, pieces_[end - 1].end}, {pieces_[verb].start, pieces_[verb].end}, true, {}};
  }

  // Reported speech in one sentence: "X said (that) CONTENT", "X told Y CONTENT", "X denied
  // CONTENT", "X called for CONTENT", "According to X, CONTENT", "CONTENT, X said" and
  // "CONTENT, according to X". The first such clause of the sentence wins.
  bool statement(Span sentence, const std::vector<Segment>& quotes, Segment& out) {
    scan(sentence.start, sentence.end);
    std::size_t n = pieces_.size();
    while (n > 0 && (pieces_[n - 1].ends_sentence() || pieces_[n - 1].punct == '"')) --n;
    for (std::size_t c = 0; c < n; ++c) {
      // reported_at finds nothing at a word that is no statement cue.
      if (!pieces_[c].is_word() || !(pieces_[c].has(kReport | kParticiple) || lexicon_.is_statement_cue(word(c))) ||
          inside(quotes, pieces_[c].start))
        continue;
      Span content;
      Attribution source;
      if (!reported_at(c, n, content, source) || attributes_quote(quotes, source)) continue;
      if (content.end <= content.start || quoted_share(quotes, content) * 10 > (content.end - content.start) * 9)
        continue;
      out.content = content;
      out.kind = QuoteKind::indirect;
      out.has_speaker = true;
      out.speaker = source.speaker;
      out.cue = source.cue;
      out.role = source.role;
      out.own_clause = true;
      return true;
    }
    return false;
  }

  // One reported-speech clause with its cue at piece c: the content and the source.
  bool reported_at(std::size_t c, std::size_t n, Span& content, Attribution& source) {
    if (word_is(c, "according") && c + 1 < n && word_is(c + 1, "to")) {
      const NounPhrase np = right_np(c + 2, n, false);
      if (!np.found) return false;
      source = make(np, c, 2);
      if (c == 0 && np.last + 2 < n && pieces_[np.last + 1].punct == ',') return words_to(np.last + 2, n, content);
      return c > 1 && pieces_[c - 1].punct == ',' && np.last + 1 >= n && words_to(0, c - 1, content);
    }
    if (pieces_[c].has(kParticiple)) return participle_clause(c, n, content, source);
    if (c + 1 < n && word_is(c + 1, "by") && is_claim_noun(c)) return claim_by(c, n, content, source);
    const bool calls_for = word_is(c, "called") && c + 1 < n && word_is(c + 1, "for");
    // "expressed concern (that) CONTENT", "voiced doubts CONTENT": a stance reported as speech.
    const bool expresses =
        (word_is(c, "expressed") || word_is(c, "voiced")) && c + 1 < n && pieces_[c + 1].has(kStance);
    // "found" reports a finding only with its "that" ("found in a poll that ..."), not "found dead".
    const bool found_that = word_is(c, "found") && that_within(c + 1, std::min(n, c + 8));
    if (!calls_for && !expresses && !found_that && !pieces_[c].has(kReport)) return false;
    const std::size_t length = calls_for || expresses ? 2 : 1;
    // "CONTENT, said X." (not "X, however, argue CONTENT", where the subject is on the left)
    if (c > 1 && pieces_[c - 1].punct == ',' && !left_np(c, 0).found) {
      const NounPhrase np = right_np(c + 1, n, false);
      if (np.found && np.last + 1 >= n) {
        source = make(np, c, length);
        return words_to(0, c - 1, content);
      }
    }
    if (c + length >= n) {  // "CONTENT, X said.": the subject runs from the last comma
      std::size_t comma = c;
      while (comma > 0 && pieces_[comma - 1].punct != ',') --comma;
      if (comma < 2) return false;
      const NounPhrase subject = left_np(c, comma);
      if (!subject.found || subject.first != comma) return false;
      source = make(subject, c, length);
      return words_to(0, comma - 1, content);
    }
    NounPhrase subject = left_np(c, 0);
    if (!subject.found) subject = opening_name(c);
    if (!subject.found || !(names_someone(subject) || pieces_[subject.first].has(kDeterminer))) return false;
    source = make(subject, c, length);
    std::size_t k = c + length;
    if (word_is(c, "told") || word_is(c, "tells")) k = past_object(k, n);
    while (found_that && !word_is(k, "that")) ++k;  // "found in a poll that ..."

    while (k < n && pieces_[k].is_word() && (pieces_[k].has(kWeekday) || word_is(k, "on"))) ++k;
    const bool that = k < n && word_is(k, "that");
    if (that) ++k;
    if (k >= n || (!pieces_[k].is_word() && pieces_[k].punct != '"')) return false;
    // Two words are a statement when a pronoun or determiner opens them after "that" ("denied
    // that he knew"; not "said that on Tuesday") or after "called for" ("called for a
    // recount"); elsewhere they are more often none ("said last week", "denied the appeal").
    const bool short_cue = that || calls_for;
    return words_to(k, n, content, short_cue && pieces_[k].has(kPronoun | kDeterminer) ? 2 : 3);
  }

  bool is_claim_noun(std::size_t k) {
    return std::any_of(std::begin(kClaimNouns), std::end(kClaimNouns),
                       [&](std::string_view noun) { return word_is(k, noun); });
  }

  // "claims by union leaders Monday that CONTENT": the source follows "by", the content "that".
  bool claim_by(std::size_t c, std::size_t n, Span& content, Attribution& source) {
    const NounPhrase np = right_np(c + 2, n, true);
    if (!np.found) return false;
    std::size_t k = np.last + 1;
    while (k < n && k < np.last + 4 && pieces_[k].is_word() && !word_is(k, "that")) ++k;
    if (k >= n || !word_is(k, "that")) return false;
    source = make(np, c, 1);
    return words_to(k + 1, n, content);
  }

  bool that_within(std::size_t from, std::size_t to) {
    for (std::size_t k = from; k < to; ++k)
      if (word_is(k, "that")) return true;
    return false;
  }

  // "Clinton in contrast has stated ...": a name opening the sentence, a few lower-case words
  // from its verb at piece c.
  NounPhrase opening_name(std::size_t c) {
    const std::size_t end = name_run_end(0, c);
    if (end == 0 || c - end > 4) return {};
    for (std::size_t k = end; k < c; ++k)
      if (!pieces_[k].is_word() || pieces_[k].capitalized) return {};
    return {0, end - 1, true};
  }

  // "IAM defended its decision by saying it ...": the words opening the sentence up to its
  // first verb are the source.
  bool participle_clause(std::size_t c, std::size_t n, Span& content, Attribution& source) {
    std::size_t verb = 0;
    while (verb < c && verb < 8 && pieces_[verb].is_word() && !is_past_tense(verb) && !pieces_[verb].has(kReport))
      ++verb;
    if (verb == 0 || verb >= c || verb >= 8 || !pieces_[verb].is_word()) return false;
    const NounPhrase subject{0, verb - 1, true};
    if (!names_someone(subject) && !pieces_[0].has(kDeterminer)) return false;
    source = make(subject, c, 1);
    std::size_t k = c + 1;
    if (k < n && word_is(k, "that")) ++k;
    return k < n && pieces_[k].is_word() && words_to(k, n, content);
  }

  // Past the listener of "told": "reporters", "The Daily Caller", "a crowd of supporters".
  std::size_t past_object(std::size_t k, std::size_t n) {
    if (k < n && pieces_[k].capitalized) {
      const std::size_t end = name_run_end(k, n);
      return end > k ? end : k + 1;
    }
    if (k < n && pieces_[k].has(kDeterminer) && k + 1 < n) return k + 2;
    return std::min(n, k + 1);
  }

  // The span of pieces [first, last) when it holds min_words words or more; a quote mark opened
  // inside it closes inside it too (`critics were "simply wrong."`).
  bool words_to(std::size_t first, std::size_t last, Span& content, std::size_t min_words = 3) const {
    std::size_t words = 0;
    std::size_t marks = 0;
    for (std::size_t k = first; k < last; ++k) {
      words += pieces_[k].is_word();
      marks += pieces_[k].punct == '"';
    }
    if (words < min_words) return false;
    for (; marks % 2 == 1 && last < pieces_.size(); ++last) marks += pieces_[last].punct == '"';
    content = {pieces_[first].start, pieces_[last - 1].end};
    return true;
  }

  // `"...," Ruiz told reporters outside.`: the clause is the attribution of the quote before
  // it (whose speaker is this very mention), not a statement of its own.
  static bool attributes_quote(const std::vector<Segment>& quotes, const Attribution& source) {
    for (const Segment& q : quotes)
      if (q.has_speaker && q.speaker.start == source.speaker.start && q.after <= source.speaker.start) return true;
    return false;
  }

  static bool inside(const std::vector<Segment>& quotes, std::size_t offset) {
    for (const Segment& q : quotes)
      if (q.open <= offset && offset < q.after) return true;
    return false;
  }

  static std::size_t quoted_share(const std::vector<Segment>& quotes, Span content) {
    std::size_t bytes = 0;
    for (const Segment& q : quotes)
      if (q.open < content.end && q.after > content.start)
        bytes += std::min(q.after, content.end) - std::max(q.open, content.start);
    return bytes;
  }

  // The last reporting clause with a subject in text[from, to), in any sentence: reported
  // speech ("Smith said the plan would fail.") before an unattributed quote.
  Attribution reported(std::size_t from, std::size_t to) {
    scan(start_within(from, to, kRecentBytes), to);
    const Attribution found = rightmost_clause(0, pieces_.size(), false);
    // "It said" in the writer's text is rarely a speaker ("it is said", "it says here").
    if (found.found && found.speaker.end - found.speaker.start == 2) {
      lower_ascii(text_.substr(found.speaker.start, 2), lower_);
      if (lower_ == "it") return {};
    }
    return found;
  }

 private:
  // One past the capitalized words starting at piece k (titles, initials and "of", "for",
  // "and" between capitalized words included), or k when piece k starts no name.
  std::size_t name_run_end(std::size_t k, std::size_t hi) {
    std::size_t end = k;
    while (end < hi && pieces_[end].is_word()) {
      if (pieces_[end].capitalized && !pieces_[end].has(kCue | kParticiple)) {
        ++end;
        continue;
      }
      const bool joins = end > k && end + 1 < hi && pieces_[end + 1].capitalized &&
                         (word_is(end, "of") || word_is(end, "for") || word_is(end, "and"));
      if (!joins) break;
      end += 2;
    }
    if (end > k && pieces_[k].has(kDeterminer | kStop) && end - k == 1) return k;
    return end;
  }

  bool is_person_pronoun(std::size_t k) {
    return word_is(k, "he") || word_is(k, "she") || word_is(k, "they") || word_is(k, "we") || word_is(k, "i");
  }

  bool has_participle(std::size_t from, std::size_t to) const {
    for (std::size_t k = from; k < to; ++k)
      if (pieces_[k].has(kParticiple)) return true;
    return false;
  }

  bool word_is_that(const Piece& piece) const {
    return piece.is_word() && words::equals_lower_ascii(text_.substr(piece.start, piece.end - piece.start), "that");
  }

  Attribution after_clause(std::size_t from, std::size_t to, bool any_past_tense) {
    scan(from, std::min(to, from + kTailBytes));
    std::size_t n = 0;
    while (n < pieces_.size() && !pieces_[n].ends_sentence()) ++n;
    std::size_t first = 0;
    while (first < n && (pieces_[first].punct == ',' || pieces_[first].punct == '-')) ++first;
    if (first >= n) return {};
    if (const std::size_t length = cue_length(first, n, true)) {
      const NounPhrase np = right_np(first + length, n, true);
      return np.found ? make(np, first, length) : Attribution{};
    }
    for (std::size_t c = first; c < n && c < first + 16; ++c) {
      if (pieces_[c].punct == '"' || pieces_[c].punct == '(') break;
      if (const std::size_t length = cue_length(c, n, true)) {
        const NounPhrase np = left_np(c, first);
        if (np.found && (np.has_role ? np.role_first : np.first) == first) return make(np, c, length);
        // Everything between the quote and its verb is the speaker ("one reader posting
        // on the site wrote"), when it is only words and starts like a noun phrase.
        std::size_t end = c;
        while (end > first && (pieces_[end - 1].has(kBetween) || is_adverb(end - 1))) --end;
        const Piece& head = pieces_[first];
        bool words_only = end > first && end - first <= kMaxNounPhrase &&
                          (head.capitalized || head.has(kDeterminer) || head.has(kPronoun));
        for (std::size_t k = first; k < end && words_only; ++k) words_only = pieces_[k].is_word();
        if (words_only) return make({first, end - 1, true}, c, length);
        // Otherwise the verb may belong to a clause inside the subject ("one strategist, who
        // asked not to be named, said"): look on.
      }
    }
    if (!any_past_tense) return {};
    for (std::size_t c = first + 1; c < n && c < first + 8; ++c) {
      if (!pieces_[c].is_word()) break;
      if (!is_past_tense(c)) continue;
      const NounPhrase np = left_np(c, first);
      if (np.found && np.first == first) return make(np, c, 1);
      break;
    }
    return {};
  }

  bool is_past_tense(std::size_t k) const {
    const std::string_view w = word(k);
    return !pieces_[k].capitalized && w.size() > 4 && w.substr(w.size() - 2) == "ed" &&
           !pieces_[k].has(kStop | kBetween | kDeterminer);
  }

  std::size_t start_within(std::size_t from, std::size_t to, std::size_t limit) const {
    std::size_t start = to - std::min(to - from, limit);
    while (start > from && (static_cast<unsigned char>(text_[start]) & 0xC0u) == 0x80u) --start;
    return start;
  }

  void scan(std::size_t from, std::size_t to) {
    // The patterns tried on one quote often read the same text before it: it is cut once.
    if (from == scanned_.start && to == scanned_.end) return;
    pieces_.clear();
    scan_pieces(text_, from, to, lexicon_, pieces_);
    scanned_ = {from, to};
  }

  Attribution make(const NounPhrase& np, std::size_t cue, std::size_t cue_length) const {
    Attribution found{{pieces_[np.first].start, pieces_[np.last].end},
                      {pieces_[cue].start, pieces_[cue + cue_length - 1].end},
                      true,
                      {}};
    if (np.has_role) {
      found.role = {pieces_[np.role_first].start, pieces_[np.role_last].end};
    } else if (const std::size_t role = role_in_appositive(np.last + 1); role != 0) {
      found.role = {pieces_[role].start, pieces_[role].end};
    }
    return found;
  }

  // "Paul Diaz, the team's coach, said", "said Jo Ruiz, a lawyer for the family.": the first
  // job named in an appositive after a name (from the comma at piece `comma` to the next
  // comma or the sentence's end), or 0 when there is none.
  std::size_t role_in_appositive(std::size_t comma) const {
    if (comma >= pieces_.size() || pieces_[comma].punct != ',') return 0;
    std::size_t role = 0;
    for (std::size_t k = comma + 1; k < pieces_.size() && k <= comma + 8; ++k) {
      if (!pieces_[k].is_word()) return pieces_[k].punct == ',' || pieces_[k].ends_sentence() ? role : 0;
      if (pieces_[k].has(kCue | kReport)) return 0;
      if (role == 0 && pieces_[k].has(kRole)) role = k;
    }
    return 0;
  }

  std::string_view word(std::size_t k) const {
    return text_.substr(pieces_[k].start, pieces_[k].end - pieces_[k].start);
  }

  bool word_is(std::size_t k, std::string_view lower) const {
    return pieces_[k].is_word() && words::equals_lower_ascii(word(k), lower);
  }

  // Length in pieces of the reporting cue starting at piece k (0 when there is none). A
  // capitalized cue word after a capitalized word is part of a name.
  std::size_t cue_length(std::size_t k, std::size_t end, bool right_after_quote = false) {
    const Piece& piece = pieces_[k];
    if (!piece.is_word() || !piece.has(kCue | kCueStart)) return 0;
    if (piece.has(kCueAfterOnly) && !right_after_quote) return 0;
    if (piece.has(kCueNameOnly) && right_after_quote) return 0;
    if (piece.capitalized && k > 0 && pieces_[k - 1].is_word() && pieces_[k - 1].capitalized) return 0;
    if (piece.has(kCueStart) && k + 1 < end && pieces_[k + 1].is_word()) {
      lower_ascii(word(k), lower_);
      std::string second;
      lower_ascii(word(k + 1), second);
      if (lexicon_.is_two_word_cue(lower_, second)) return 2;
    }
    return piece.has(kCue) ? 1 : 0;
  }

  // A subject that is a pronoun or holds a capitalized word past its first (which may only
  // be capitalized for starting the sentence).
  bool names_someone(const NounPhrase& np) const {
    if (pieces_[np.first].has(kPronoun)) return true;
    for (std::size_t k = np.first; k <= np.last; ++k)
      if (pieces_[k].capitalized && !pieces_[k].has(kDeterminer)) return true;
    return false;
  }

  // "allegedly", "quickly": a lower-case word in -ly between a subject and its verb.
  bool is_adverb(std::size_t k) const {
    const std::string_view w = word(k);
    return !pieces_[k].capitalized && w.size() > 4 && w.substr(w.size() - 2) == "ly";
  }

  bool is_plural_noun(std::size_t k) const {
    const std::string_view w = word(k);
    return w.size() > 3 && w.back() == 's' && !pieces_[k].has(kStop | kBetween | kCue);
  }

  // The noun phrase ending just before piece `end` (a subject before its reporting verb).
  NounPhrase core_left(std::size_t end, std::size_t lo) {
    if (end <= lo || !pieces_[end - 1].is_word()) return {};
    const std::size_t last = end - 1;
    const Piece& head = pieces_[last];
    if (head.has(kPronoun)) return {last, last, true};
    if (head.has(kStop) || head.has(kCue)) return {};
    std::size_t first = last;
    for (std::size_t k = last;; --k) {
      const Piece& piece = pieces_[k];
      if (!piece.is_word()) break;
      if (k != last) {
        // "this article": a determiner that may also stand between a subject and its verb
        // ("this week") starts the phrase.
        if (piece.has(kDeterminer) && piece.has(kBetween) && !piece.capitalized) {
          first = k;
          break;
        }
        if (piece.has(kPronoun) || piece.has(kBetween) || piece.has(kCue)) break;
        if (piece.has(kStop)) {
          const bool joins_names =
              word_is(k, "and") && k > lo && pieces_[k - 1].capitalized && pieces_[k + 1].capitalized;
          // A title opening the sentence: "In These Times noted".
          const bool opens_title =
              k == lo && piece.capitalized && pieces_[k + 1].capitalized && pieces_[k + 1].has(kDeterminer);
          if (!joins_names && !opens_title) break;
        }
      }
      first = k;
      if (last - first + 1 >= kMaxNounPhrase) break;
      if (piece.has(kDeterminer) && !piece.capitalized) break;  // a determiner starts the phrase
      if (k == lo) break;
    }
    while (first < last && (word_is(first, "of") || word_is(first, "for") || word_is(first, "and"))) ++first;
    bool named = pieces_[first].has(kDeterminer);
    for (std::size_t k = first; k <= last && !named; ++k) named = pieces_[k].capitalized;
    // A bare plural ("officials said") is a speaker too.
    if (!named && last - first < 3 && is_plural_noun(last)) named = true;
    return named ? NounPhrase{first, last, true} : NounPhrase{};
  }

  // The subject of the reporting verb at piece `cue`: words between them such as "also",
  // "on Monday" are passed over, and so is an appositive or relative clause set off by
  // commas ("Smith, a Democrat, said").
  NounPhrase left_np(std::size_t cue, std::size_t lo) {
    std::size_t end = cue;
    while (end > lo && pieces_[end - 1].is_word() && !pieces_[end - 1].has(kPronoun) &&
           (pieces_[end - 1].has(kBetween) || is_adverb(end - 1)))
      --end;
    if (end <= lo) return {};
    if (pieces_[end - 1].punct != ',') return core_left(end, lo);
    std::size_t k = end - 1;
    for (std::size_t steps = 0; k > lo && steps < 20; ++steps) {
      --k;
      if (pieces_[k].punct == ',') break;
      if (pieces_[k].ends_sentence() || pieces_[k].punct == '"' || pieces_[k].punct == ':') return {};
    }
    if (pieces_[k].punct != ',') return {};
    NounPhrase np = core_left(k, lo);
    if (!np.found) return {};
    // "the Governor, Andrew Bailey, said" / "Ruiz's spokesman, Tom Beck, said": the name
    // between the commas is the speaker and the description before it its role.
    const bool description = pieces_[np.first].has(kDeterminer) || !pieces_[np.last].capitalized;
    if (description && name_run_end(k + 1, end - 1) == end - 1 && end - 1 - (k + 1) >= 2)
      return {k + 1, end - 2, true, np.first, np.last, true};
    if (pieces_[np.first].has(kDeterminer)) return np;
    for (std::size_t i = np.first; i <= np.last; ++i)
      if (pieces_[i].capitalized || pieces_[i].has(kPronoun)) return np;
    return {};
  }

  // The noun phrase starting at piece k (the speaker after an inverted verb: said Smith).
  NounPhrase right_np(std::size_t k, std::size_t hi, bool allow_bare_noun) {
    if (k >= hi || !pieces_[k].is_word()) return {};
    const Piece& head = pieces_[k];
    if (head.has(kPronoun)) return {k, k, true};
    if (head.has(kBetween) || head.has(kCue)) return {};
    if (head.has(kStop) && !head.has(kDeterminer)) return {};
    if (!head.capitalized && !head.has(kDeterminer)) {
      const std::string_view w = word(k);
      if (!allow_bare_noun || (w.size() > 2 && w.substr(w.size() - 2) == "ly")) return {};
    }
    std::size_t last = k;
    for (std::size_t m = k + 1; m < hi && m - k < kMaxNounPhrase; ++m) {
      const Piece& piece = pieces_[m];
      if (!piece.is_word() || piece.has(kPronoun)) break;
      // "said Smith on Monday" ends the name; "the Sydney Morning Herald" does not.
      if (piece.has(kBetween) && (!piece.capitalized || piece.has(kWeekday) || !pieces_[last].capitalized)) break;
      if (piece.has(kStop)) {
        const std::string_view previous = word(last);
        const bool after_participle =
            word_is(m, "to") && previous.size() > 4 && previous.substr(previous.size() - 3) == "ing";
        const bool joins_names =
            word_is(m, "and") && pieces_[last].capitalized && m + 1 < hi && pieces_[m + 1].capitalized;
        if (!after_participle && !joins_names) break;
      }
      last = m;
    }
    while (last > k && (word_is(last, "of") || word_is(last, "for") || word_is(last, "and") || word_is(last, "to")))
      --last;
    return {k, last, true};
  }

  // The reporting clause nearest the end of pieces [lo, hi): the subject before the verb,
  // or after it (according to X; said Smith, "...").
  Attribution rightmost_clause(std::size_t lo, std::size_t hi, bool allow_inverted) {
    for (std::size_t c = hi; c-- > lo;) {
      // "The email began, '...'", "the statement read: '...'": a cue heard otherwise only
      // after a quote opens one when a document is its subject and a comma or colon follows.
      if (pieces_[c].has(kCueAfterOnly) && c + 2 == hi &&
          (pieces_[c + 1].punct == ',' || pieces_[c + 1].punct == ':')) {
        const NounPhrase subject = left_np(c, lo);
        if (subject.found && pieces_[subject.last].has(kDocument)) return make(subject, c, 1);
      }
      const std::size_t length = cue_length(c, hi);
      if (length == 0) continue;
      if (length == 2 && word_is(c, "according")) {
        const NounPhrase np = right_np(c + 2, hi, false);
        if (np.found) return make(np, c, length);
        continue;
      }
      const NounPhrase subject = left_np(c, lo);
      if (subject.found && (!pieces_[c].has(kCueNameOnly) || names_someone(subject))) return make(subject, c, length);
      if (pieces_[c].has(kCueNameOnly)) continue;
      if (!allow_inverted) continue;
      const NounPhrase inverted = right_np(c + length, hi, false);
      if (inverted.found && (inverted.last + 1 == hi || pieces_[inverted.last + 1].punct == ',' ||
                             pieces_[inverted.last + 1].punct == ':'))
        return make(inverted, c, length);
    }
    return {};
  }

  std::string_view text_;
  const QuoteLexicon& lexicon_;
  std::vector<Piece> pieces_;
  Span scanned_{1, 0};  // the text pieces_ holds; none at first
  std::string lower_;
};

// The last non-space byte of text[from, to), or 0.
char last_visible(std::string_view text, std::size_t from, std::size_t to) {
  while (to > from && is_space_at(text, to - 1)) --to;
  return to > from ? text[to - 1] : 0;
}

// Two or more words, each one of four letters or more capitalized: the title of a work.
bool is_title_case(std::string_view text, Span content) {
  std::size_t long_words = 0;
  std::size_t word_start = content.start;
  for (std::size_t i = content.start; i <= content.end; ++i) {
    if (i < content.end && text[i] != ' ') continue;
    std::size_t letters = 0;
    for (std::size_t k = word_start; k < i; ++k) letters += is_alnum_at(text, k) && (text[k] & 0x80) == 0;
    if (letters >= 4) {
      if (!is_upper_at(text, word_start)) return false;
      ++long_words;
    }
    word_start = i + 1;
  }
  return long_words >= 2;
}

// Capitalized, at most six words, and no sentence punctuation at its end: "Red Sky", not
// "Was a mess from the start,".
bool looks_like_short_title(std::string_view text, Span content) {
  if (content.end <= content.start || !is_upper_at(text, content.start)) return false;
  const char last = text[content.end - 1];
  if (last == '.' || last == ',' || last == '!' || last == '?') return false;
  std::size_t spaces = 0;
  for (std::size_t i = content.start; i < content.end; ++i) spaces += is_space_at(text, i);
  return spaces < 6;
}

void set_speaker(Segment& segment, const Attribution& attribution) {
  segment.has_speaker = true;
  segment.speaker = attribution.speaker;
  segment.cue = attribution.cue;
  segment.role = attribution.role;
}

void inherit_speaker(Segment& segment, const Segment& from) {
  segment.has_speaker = true;
  segment.speaker = from.speaker;
  segment.cue = {};
  segment.role = from.role;
}

}  // namespace

namespace {

bool is_quotation(const Segment& segment) {
  return segment.kind == QuoteKind::full || segment.kind == QuoteKind::partial || segment.kind == QuoteKind::headline;
}

// Harold "Hal" Jenkins: one or two capitalized words between two capitalized words.
bool is_nickname(std::string_view text, const Segment& segment) {
  if (segment.open < 2 || !is_space_at(text, segment.open - 1) || segment.after + 1 >= text.size() ||
      !is_space_at(text, segment.after) || !is_upper_at(text, segment.content.start) ||
      !is_upper_at(text, segment.after + 1))
    return false;
  std::size_t word = segment.open - 1;
  while (word > 0 && is_alnum_at(text, word - 1)) --word;
  if (!is_upper_at(text, word) || word == segment.open - 1) return false;
  std::size_t spaces = 0;
  for (std::size_t i = segment.content.start; i < segment.content.end; ++i) {
    if (text[i] == ' ')
      ++spaces;
    else if (!is_alnum_at(text, i) && text[i] != '.' && (text[i] & 0x80) == 0)
      return false;
  }
  return spaces <= 1;
}

bool is_single_word(std::string_view text, Span content) {
  for (std::size_t i = content.start; i < content.end; ++i)
    if (is_space_at(text, i)) return false;
  return true;
}

// Only "or", "and", commas and dashes between two quotes: 'X' or 'Y,' she says.
bool joined_by_conjunction(std::string_view text, std::size_t from, std::size_t to) {
  std::string rest;
  for (std::size_t i = from; i < to; ++i)
    if (!is_space_at(text, i) && text[i] != ',' && text[i] != '-') rest.push_back(text[i]);
  return rest == "or" || rest == "and" || rest.empty();
}

bool ends_sentence_between(std::string_view text, std::size_t from, std::size_t to) {
  for (std::size_t i = from; i < to; ++i)
    if ((text[i] == '.' || text[i] == '!' || text[i] == '?') && (i + 1 >= to || is_space_at(text, i + 1))) return true;
  return false;
}

// The writer's last sentence before a quote is about someone else (a name sharing no word
// with the last speaker's mention): the quote is not carried over to that speaker.
bool subject_changed(std::string_view text, const Attribution& subject, Span speaker) {
  if (!subject.found || !is_upper_at(text, subject.speaker.start)) return false;
  const std::string_view named = text.substr(speaker.start, speaker.end - speaker.start);
  std::string_view words = text.substr(subject.speaker.start, subject.speaker.end - subject.speaker.start);
  while (!words.empty()) {
    const std::size_t space = words.find(' ');
    const std::string_view word = words.substr(0, space);
    if (word.size() > 2 && is_upper_at(word, 0) && named.find(word) != std::string_view::npos) return false;
    if (space == std::string_view::npos) break;
    words.remove_prefix(space + 1);
  }
  return true;
}

// Segments of one quotation share a number: a quote continued over paragraphs, and the
// parts of a full quote split by its reporting clause ("A," she said. "B." / "A," she said,
// "b."), which share the speaker's mention.
void number_quotations(std::vector<Segment>& segments) {
  std::size_t number = 0;
  const Segment* previous = nullptr;
  for (Segment& segment : segments) {
    if (!is_quotation(segment)) continue;
    const bool same = previous && (previous->group == segment.group ||
                                   (previous->paragraph == segment.paragraph && previous->kind == QuoteKind::full &&
                                    segment.kind != QuoteKind::headline && segment.has_speaker &&
                                    previous->has_speaker && previous->speaker.start == segment.speaker.start));
    if (!same) ++number;
    segment.quotation = number;
    previous = &segment;
  }
}

// The speaker from the segment's own clause: after it, before it, a colon introduction, or
// the subject of the clause holding it. Nicknames, titles and lone scare words get none.
void attribute_own_clause(std::string_view text, const std::vector<Span>& paragraphs, Attributor& attributor,
                          const std::vector<Segment>& segments, std::size_t i, Segment& segment) {
  const std::size_t count = segments.size();
  const Span paragraph = paragraphs[segment.paragraph];
  if (segment.kind == QuoteKind::partial && is_nickname(text, segment)) {
    segment.kind = QuoteKind::nickname;
    return;
  }
  // A title in quotes ("Meet the Press", the film "Red Sky") is named, not quoted, by the
  // sentence around it.
  if (segment.kind == QuoteKind::partial &&
      (is_title_case(text, segment.content) || (looks_like_short_title(text, segment.content) &&
                                                attributor.follows_work_noun(paragraph.start, segment.open)))) {
    segment.kind = QuoteKind::title;
    return;
  }
  const bool next_in_paragraph = i + 1 < count && segments[i + 1].paragraph == segment.paragraph;
  const std::size_t tail_end = next_in_paragraph ? segments[i + 1].open : paragraph.end;
  const std::size_t head_start =
      i > 0 && segments[i - 1].paragraph == segment.paragraph ? segments[i - 1].after : paragraph.start;
  Attribution found;
  // A clause ending in a comma or colon right before the next quote introduces that one
  // ("A." He said, "B."), unless this quote ran into it with a comma ("A," he said, "B.").
  const char content_last = text[segment.content.end - 1];
  const char tail_last = last_visible(text, segment.after, tail_end);
  const bool clause_leads_on = next_in_paragraph && (tail_last == ',' || tail_last == ':') && content_last != ',';
  if (segment.closed && !clause_leads_on) found = attributor.after(segment.after, tail_end, content_last);
  if (!found.found) found = attributor.before(head_start, segment.open);
  if (!found.found && segment.kind == QuoteKind::partial && is_single_word(text, segment.content)) {
    segment.kind = QuoteKind::scare;
    return;
  }
  // A quote opening its paragraph may be introduced by the paragraph before ending in a colon.
  if (!found.found && segment.open == paragraph.start && !segment.continuation && segment.paragraph > 0) {
    const Span previous = paragraphs[segment.paragraph - 1];
    if (last_visible(text, previous.start, previous.end) == ':') {
      found = attributor.before(previous.start, previous.end);
      if (!found.found) found = attributor.colon_name(previous.start, previous.end, false);
    }
  }
  if (!found.found) found = attributor.colon_name(head_start, segment.open, segment.kind == QuoteKind::headline);
  if (!found.found && segment.kind != QuoteKind::headline)
    found = attributor.clause_subject(head_start, segment.open, segment.kind == QuoteKind::full);
  if (!found.found) return;
  set_speaker(segment, found);
  segment.own_clause = true;
}

// A quote with no clause of its own shares one next to it: 'X' or 'Y,' she says; a second
// partial quote in the sentence of the first.
void share_neighbours(std::string_view text, std::vector<Segment>& segments) {
  for (std::size_t i = segments.size(); i-- > 1;) {
    Segment& segment = segments[i - 1];
    const Segment& next = segments[i];
    if (!segment.has_speaker && is_quotation(segment) && next.own_clause && next.paragraph == segment.paragraph &&
        joined_by_conjunction(text, segment.after, next.open)) {
      set_speaker(segment, {next.speaker, next.cue, true, next.role});
      segment.own_clause = true;
    }
  }
  for (std::size_t i = 1; i < segments.size(); ++i) {
    Segment& segment = segments[i];
    const Segment& previous = segments[i - 1];
    if (!segment.has_speaker && segment.kind == QuoteKind::partial && previous.has_speaker &&
        previous.paragraph == segment.paragraph && !ends_sentence_between(text, previous.after, segment.open))
      inherit_speaker(segment, previous);
  }
}

}  // namespace

void attribute_segments(std::string_view text, const std::vector<Span>& paragraphs, const QuoteLexicon& lexicon,
                        std::vector<Segment>& segments) {
  Attributor attributor(text, lexicon);
  const std::size_t count = segments.size();
  for (std::size_t i = 0; i < count; ++i) attribute_own_clause(text, paragraphs, attributor, segments, i, segments[i]);

  // A quotation continued over paragraphs has one speaker.
  for (std::size_t i = 0; i < count;) {
    std::size_t end = i + 1;
    while (end < count && segments[end].group == segments[i].group) ++end;
    const auto source = std::find_if(segments.begin() + static_cast<std::ptrdiff_t>(i),
                                     segments.begin() + static_cast<std::ptrdiff_t>(end),
                                     [](const Segment& s) { return s.has_speaker; });
    if (source != segments.begin() + static_cast<std::ptrdiff_t>(end))
      for (std::size_t k = i; k < end; ++k)
        if (!segments[k].has_speaker && is_quotation(segments[k])) inherit_speaker(segments[k], *source);
    i = end;
  }
  share_neighbours(text, segments);

  // A full quote with no attribution of its own continues the speaker of what comes just
  // before it: reported speech naming a speaker, or the last attributed quote, in the same
  // or the previous paragraph.
  std::size_t last_attributed = count;
  for (std::size_t i = 0; i < count; ++i) {
    Segment& segment = segments[i];
    if (segment.has_speaker || segment.kind != QuoteKind::full) {
      if (segment.has_speaker) last_attributed = i;
      continue;
    }
    const std::size_t paragraph = segment.paragraph;
    const std::size_t window_start = paragraphs[paragraph == 0 ? 0 : paragraph - 1].start;
    const std::size_t from = i > 0 ? std::max(window_start, segments[i - 1].after) : window_start;
    const Attribution reported = from < segment.open ? attributor.reported(from, segment.open) : Attribution{};
    if (reported.found) {
      segment.has_speaker = true;
      segment.speaker = reported.speaker;
      segment.role = reported.role;
    } else if (last_attributed < count && segments[last_attributed].paragraph + 1 >= paragraph &&
               !subject_changed(text, attributor.last_sentence_subject(from, segment.open),
                                segments[last_attributed].speaker)) {
      inherit_speaker(segment, segments[last_attributed]);
    }
    if (segment.has_speaker) last_attributed = i;
  }
  number_quotations(segments);
}

std::vector<Segment> find_reported_speech(std::string_view text, const std::vector<Span>& sentences,
                                          const QuoteLexicon& lexicon, const std::vector<Segment>& segments) {
  Attributor attributor(text, lexicon);
  std::vector<Segment> found;
  for (const Span& sentence : sentences) {
    Segment statement;
    if (lexicon.may_hold_statement(text, sentence) && attributor.statement(sentence, segments, statement))
      found.push_back(statement);
  }
  return found;
}

}  // namespace tmk
