// Who said each quoted segment: the reporting clause after it ("...," X said / said X /
// according to X), before it in the same sentence (X told Y: "..."), the quotation it
// continues, or the speaker of the quote or reported speech just before it.
#include <algorithm>

#include "quotes/quotes_internal.hpp"

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
};

struct Attribution {
  Span speaker;
  Span cue;
  bool found = false;
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
    for (const Piece& piece : pieces_) {
      if (piece.ends_sentence()) break;
      if (piece.start < found.cue.end || piece.start < found.speaker.end) continue;
      if (++trailing > 4 || word_is_that(piece)) return {};
    }
    return found;
  }

  // X said, "..." / X told Y: "..." / X said that "...": a reporting clause earlier in the
  // sentence the quote is in (text[from, to) ends at the opening mark).
  Attribution before(std::size_t from, std::size_t to) {
    scan(start_within(from, to, kHeadBytes), to);
    std::size_t sentence_start = pieces_.size();
    while (sentence_start > 0 && !pieces_[sentence_start - 1].ends_sentence()) --sentence_start;
    return rightmost_clause(sentence_start, pieces_.size(), true);
  }

  // A headline's "Name: 'quote'": a short capitalized name right before a colon.
  Attribution headline_name(std::size_t from, std::size_t to) {
    scan(start_within(from, to, kHeadBytes), to);
    const std::size_t n = pieces_.size();
    if (n < 2 || pieces_[n - 1].punct != ':') return {};
    std::size_t first = n - 1;
    while (first > 0 && n - 1 - first < 4 && pieces_[first - 1].is_word() && pieces_[first - 1].capitalized &&
           !pieces_[first - 1].has(kCue))
      --first;
    if (first != 0 || first == n - 1) return {};
    return {{pieces_[0].start, pieces_[n - 2].end}, {}, true};
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
  bool word_is_that(const Piece& piece) {
    if (!piece.is_word()) return false;
    lower_ascii(text_.substr(piece.start, piece.end - piece.start), lower_);
    return lower_ == "that";
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
        if (np.found && np.first == first) return make(np, c, length);
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
    pieces_.clear();
    scan_pieces(text_, from, to, lexicon_, pieces_);
  }

  Attribution make(const NounPhrase& np, std::size_t cue, std::size_t cue_length) const {
    return {
        {pieces_[np.first].start, pieces_[np.last].end}, {pieces_[cue].start, pieces_[cue + cue_length - 1].end}, true};
  }

  std::string_view word(std::size_t k) const {
    return text_.substr(pieces_[k].start, pieces_[k].end - pieces_[k].start);
  }

  bool word_is(std::size_t k, std::string_view lower) {
    if (!pieces_[k].is_word()) return false;
    lower_ascii(word(k), lower_);
    return lower_ == lower;
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
    const NounPhrase np = core_left(k, lo);
    if (!np.found) return {};
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

void set_speaker(Segment& segment, const Attribution& attribution) {
  segment.has_speaker = true;
  segment.speaker = attribution.speaker;
  segment.cue = attribution.cue;
}

void inherit_speaker(Segment& segment, const Segment& from) {
  segment.has_speaker = true;
  segment.speaker = from.speaker;
  segment.cue = {};
}

}  // namespace

void attribute_segments(std::string_view text, const std::vector<Span>& paragraphs, const QuoteLexicon& lexicon,
                        std::vector<Segment>& segments) {
  Attributor attributor(text, lexicon);
  const std::size_t count = segments.size();

  // Each segment's own reporting clause: after the quote first, then before it.
  for (std::size_t i = 0; i < count; ++i) {
    Segment& segment = segments[i];
    const Span paragraph = paragraphs[segment.paragraph];
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
    // A title in quotes ("Meet the Press") is named, not quoted, by the sentence around it.
    if (!found.found && !(segment.kind == QuoteKind::partial && is_title_case(text, segment.content)))
      found = attributor.before(head_start, segment.open);
    // A quote opening its paragraph may be introduced by the paragraph before ending in a colon.
    if (!found.found && segment.open == paragraph.start && !segment.continuation && segment.paragraph > 0) {
      const Span previous = paragraphs[segment.paragraph - 1];
      if (last_visible(text, previous.start, previous.end) == ':')
        found = attributor.before(previous.start, previous.end);
    }
    if (!found.found && segment.kind == QuoteKind::headline && head_start == paragraph.start)
      found = attributor.headline_name(head_start, segment.open);
    if (found.found) set_speaker(segment, found);
  }

  // A quotation continued over paragraphs has one speaker.
  for (std::size_t i = 0; i < count;) {
    std::size_t end = i + 1;
    while (end < count && segments[end].group == segments[i].group) ++end;
    const auto source = std::find_if(segments.begin() + static_cast<std::ptrdiff_t>(i),
                                     segments.begin() + static_cast<std::ptrdiff_t>(end),
                                     [](const Segment& s) { return s.has_speaker; });
    if (source != segments.begin() + static_cast<std::ptrdiff_t>(end))
      for (std::size_t k = i; k < end; ++k)
        if (!segments[k].has_speaker) inherit_speaker(segments[k], *source);
    i = end;
  }

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
    } else if (last_attributed < count && segments[last_attributed].paragraph + 1 >= paragraph) {
      inherit_speaker(segment, segments[last_attributed]);
    }
    if (segment.has_speaker) last_attributed = i;
  }
}

}  // namespace tmk
