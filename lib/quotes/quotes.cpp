// Quotation marks to quoted segments (quotes.cpp), segments to speakers
// (quotes_attribution.cpp), speakers to names (quotes_speakers.cpp).
#include "tmk/quotes/quotes.hpp"

#include <algorithm>
#include <array>

#include "quotes/quotes_internal.hpp"
#include "text/heading.hpp"
#include "text/input.hpp"
#include "tmk/core/utf8.hpp"

namespace tmk {

std::string_view to_string(QuoteKind kind) {
  switch (kind) {
    case QuoteKind::full:
      return "full";
    case QuoteKind::partial:
      return "partial";
    case QuoteKind::headline:
      return "headline";
    case QuoteKind::nickname:
      return "nickname";
    case QuoteKind::scare:
      return "scare";
    case QuoteKind::title:
      return "title";
    case QuoteKind::indirect:
      return "indirect";
  }
  return "full";
}

std::string_view to_string(SpeakerType type) {
  switch (type) {
    case SpeakerType::unknown:
      return "";
    case SpeakerType::person:
      return "person";
    case SpeakerType::organization:
      return "organization";
    case SpeakerType::document:
      return "document";
    case SpeakerType::group:
      return "group";
  }
  return "";
}

namespace {

constexpr std::size_t kMaxSingleQuoteBytes = 2000;

enum class Family : std::uint8_t { none, double_mark, single_mark, guillemet };
enum class Role : std::uint8_t { open, close, either };

struct Mark {
  Family family = Family::none;
  Role role = Role::either;
  std::size_t length = 1;
};

// Whether a quote mark may start with a byte: most bytes are passed over without mark_at.
constexpr auto kMayStartMark = [] {
  std::array<bool, 256> table{};
  for (const unsigned char b : {'"', '\'', '\xE2', '\xC2'}) table[b] = true;
  return table;
}();

bool may_start_mark(char b) {
  return kMayStartMark[static_cast<unsigned char>(b)];
}

Mark mark_at(std::string_view text, std::size_t i) {
  const auto b = static_cast<unsigned char>(text[i]);
  if (b == '"') return {Family::double_mark, Role::either, 1};
  if (b == '\'') return {Family::single_mark, Role::either, 1};
  if (b == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
    switch (static_cast<unsigned char>(text[i + 2])) {
      case 0x9C:
        return {Family::double_mark, Role::open, 3};  // “
      case 0x9E:
        return {Family::double_mark, Role::open, 3};  // „
      case 0x9D:
        return {Family::double_mark, Role::close, 3};  // ”
      case 0x98:
        return {Family::single_mark, Role::open, 3};  // ‘
      case 0x99:
        return {Family::single_mark, Role::close, 3};  // ’
      default:
        return {};
    }
  }
  if (b == 0xC2 && i + 1 < text.size()) {
    if (static_cast<unsigned char>(text[i + 1]) == 0xAB) return {Family::guillemet, Role::open, 2};   // «
    if (static_cast<unsigned char>(text[i + 1]) == 0xBB) return {Family::guillemet, Role::close, 2};  // »
  }
  return {};
}

// The code point before `pos` within [floor, pos), or 0 at the floor.
char32_t previous_char(std::string_view text, std::size_t floor, std::size_t pos) {
  if (pos <= floor) return 0;
  return previous_code_point(text, pos);
}

bool opens_context(char32_t cp) {
  return cp == 0 || cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == U'\u00A0' || cp == '(' || cp == '[' ||
         cp == '-' || cp == U'\u2013' || cp == U'\u2014' || cp == '/' || cp == '"' || cp == U'\u201C' ||
         cp == U'\u00AB';
}

// After an apostrophe: '90s, '16, 'n', 'em, 'til, 'cause are elisions, not quotations.
bool starts_elision(std::string_view text, std::size_t pos, std::size_t end) {
  if (pos < end && text[pos] >= '0' && text[pos] <= '9') return true;
  std::size_t stop = pos;
  while (stop < end && stop - pos < 6 &&
         ((text[stop] >= 'a' && text[stop] <= 'z') || (text[stop] >= 'A' && text[stop] <= 'Z')))
    ++stop;
  if (stop < end && is_alnum_at(text, stop)) return false;
  std::string word;
  lower_ascii(text.substr(pos, stop - pos), word);
  return word == "n" || word == "em" || word == "til" || word == "tis" || word == "twas" || word == "cause" ||
         word == "bout" || word == "nuff" || word == "cept" || word == "s";
}

// A closing single mark for a quote opened at `from`: right after a non-space, before a
// non-letter. A plural possessive (the Smiths’ house) is passed over when a later closer exists.
std::size_t find_single_closer(std::string_view text, std::size_t from, std::size_t end) {
  // Single quotes hold a phrase or a few sentences; the bound keeps a paragraph full of
  // apostrophes linear.
  end = std::min(end, from + kMaxSingleQuoteBytes);
  std::size_t possessive = std::string_view::npos;
  for (std::size_t j = from; j < end; ++j) {
    if (!may_start_mark(text[j])) continue;
    const Mark mark = mark_at(text, j);
    if (mark.family != Family::single_mark || mark.role == Role::open) continue;
    if (j == from || is_space_at(text, j - 1)) continue;
    const std::size_t after = j + mark.length;
    if (after < end && is_alnum_at(text, after)) continue;
    const bool after_s = text[j - 1] == 's' || text[j - 1] == 'S';
    if (after_s && after + 1 < end && text[after] == ' ' && is_alnum_at(text, after + 1)) {
      if (possessive == std::string_view::npos) possessive = j;
      continue;
    }
    return j;
  }
  return possessive;
}

// Paragraphs are lines, unless the text is hard-wrapped (blank lines between blocks of short
// lines): then a paragraph is a block.
std::vector<Span> find_paragraphs(std::string_view text) {
  std::vector<Span> lines;
  bool has_blank_line = false;
  std::size_t long_lines = 0;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::size_t s = start, e = end;
    while (s < e && is_space_at(text, s)) ++s;
    while (e > s && (text[e - 1] == ' ' || text[e - 1] == '\r' || text[e - 1] == '\t')) --e;
    if (s < e) {
      lines.push_back({s, e});
      if (e - s > 100) ++long_lines;
    } else if (!lines.empty()) {
      has_blank_line = true;
    }
    start = end + 1;
  }
  if (!has_blank_line || long_lines * 2 >= lines.size()) return lines;
  std::vector<Span> blocks;
  for (const Span& line : lines) {
    const bool joins =
        !blocks.empty() &&
        text.substr(blocks.back().end, line.start - blocks.back().end).find("\n\n") == std::string_view::npos &&
        text.substr(blocks.back().end, line.start - blocks.back().end).find("\n\r\n") == std::string_view::npos;
    if (joins)
      blocks.back().end = line.end;
    else
      blocks.push_back(line);
  }
  return blocks;
}

Span trimmed(std::string_view text, std::size_t start, std::size_t end) {
  while (start < end && is_space_at(text, start)) ++start;
  while (end > start && is_space_at(text, end - 1)) --end;
  return {start, end};
}

// Where the double or guillemet quote opened at `from` closes, or npos.
std::size_t find_closer(std::string_view text, Family family, std::size_t from, std::size_t end) {
  for (std::size_t j = from; j < end; ++j) {
    if (!may_start_mark(text[j])) continue;
    const Mark mark = mark_at(text, j);
    if (mark.family != family) continue;
    if (mark.role != Role::open) return j;
    // An opening curly mark glued to the word before it is a mistyped closer.
    if (family == Family::double_mark && j > from && !is_space_at(text, j - 1) &&
        (j + mark.length >= end || !is_alnum_at(text, j + mark.length)))
      return j;
  }
  return std::string_view::npos;
}

bool starts_with_opener(std::string_view text, const Span& paragraph, Family family) {
  const Mark mark = mark_at(text, paragraph.start);
  return mark.family == family && mark.role != Role::close;
}

}  // namespace

void find_segments(std::string_view text, std::vector<Segment>& segments, std::vector<Span>& paragraphs,
                   std::size_t& unbalanced) {
  paragraphs = find_paragraphs(text);
  bool continues = false;  // the previous paragraph left a quote open for this one
  std::size_t group = 0;
  for (std::size_t p = 0; p < paragraphs.size(); ++p) {
    const Span para = paragraphs[p];
    bool left_open = false;
    Family open_family = Family::none;
    for (std::size_t i = para.start; i < para.end;) {
      if (!may_start_mark(text[i])) {
        ++i;
        continue;
      }
      const Mark mark = mark_at(text, i);
      if (mark.family == Family::none) {
        ++i;
        continue;
      }
      const std::size_t inner = i + mark.length;
      const char32_t before = previous_char(text, para.start, i);
      const bool space_after = inner >= para.end || is_space_at(text, inner);
      std::size_t close = std::string_view::npos;
      if (mark.family == Family::single_mark) {
        const bool opens = mark.role != Role::close && opens_context(before) && inner < para.end &&
                           is_alnum_at(text, inner) && !starts_elision(text, inner, para.end);
        if (opens) close = find_single_closer(text, inner, para.end);
        if (close == std::string_view::npos) {
          i = inner;  // an apostrophe
          continue;
        }
      } else {
        bool opens = mark.role == Role::open || (mark.role == Role::either && !space_after) ||
                     (mark.role == Role::close && opens_context(before) && !space_after);
        if (!opens) {
          ++unbalanced;  // a closer without its opener
          i = inner;
          continue;
        }
        close = find_closer(text, mark.family, inner, para.end);
      }
      Segment segment;
      segment.paragraph = p;
      segment.open = i;
      segment.closed = close != std::string_view::npos;
      const std::size_t content_end = segment.closed ? close : para.end;
      segment.after = segment.closed ? close + mark_at(text, close).length : para.end;
      segment.content = trimmed(text, inner, content_end);
      if (continues && i == para.start) {
        segment.continuation = true;
      } else {
        ++group;
      }
      continues = false;
      segment.group = group;
      i = segment.after;
      if (segment.content.end <= segment.content.start) continue;
      segments.push_back(segment);
      left_open = !segment.closed;
      open_family = mark.family;
    }
    if (left_open) {
      continues = p + 1 < paragraphs.size() && starts_with_opener(text, paragraphs[p + 1], open_family);
      if (!continues) ++unbalanced;
    } else {
      continues = false;
    }
  }
}

namespace {

// Several sentences inside: a terminal mark followed by a space and a capital.
bool holds_sentence_break(std::string_view text, Span content) {
  for (std::size_t i = content.start; i + 2 < content.end; ++i)
    if ((text[i] == '.' || text[i] == '!' || text[i] == '?') && text[i + 1] == ' ' && is_upper_at(text, i + 2))
      return true;
  return false;
}

QuoteKind kind_of(std::string_view text, const Segment& segment, const Span& paragraph, bool heading) {
  if (heading) return QuoteKind::headline;
  if (segment.continuation) return QuoteKind::full;
  const std::size_t first = segment.content.start;
  const bool capital_start =
      is_upper_at(text, first) || !is_alnum_at(text, first) || (text[first] >= '0' && text[first] <= '9');
  if (!capital_start) return QuoteKind::partial;
  std::size_t before = segment.open;
  while (before > paragraph.start && is_space_at(text, before - 1)) --before;
  if (before == paragraph.start) return QuoteKind::full;
  std::size_t prev = before;
  const char32_t cp = previous_code_point(text, prev);
  if (cp == '.' || cp == '!' || cp == '?' || cp == ':' || cp == ',' || cp == ';' || cp == U'\u2014' ||
      cp == U'\u2013' || cp == '-' || cp == '(' || cp == '"' || cp == U'\u201D')
    return QuoteKind::full;
  return holds_sentence_break(text, segment.content) ? QuoteKind::full : QuoteKind::partial;
}

}  // namespace

namespace {

// The role an appositive gives, without its determiner: "Its president" -> "president".
std::string role_text(std::string_view text, Span role) {
  std::string_view words = text.substr(role.start, role.end - role.start);
  const std::size_t space = words.find(' ');
  if (space != std::string_view::npos) words.remove_prefix(space + 1);
  return std::string(words);
}

Quote quote_of(std::string_view text, const Analysis& analysis, const Segment& segment) {
  Quote quote;
  quote.start = segment.content.start;
  quote.end = segment.content.end;
  quote.kind = segment.kind;
  quote.sentence = analysis.sentences.empty() ? 0 : analysis.sentence_at(segment.content.start);
  quote.has_speaker = segment.has_speaker;
  quote.speaker = segment.speaker;
  quote.cue = std::string(text.substr(segment.cue.start, segment.cue.end - segment.cue.start));
  quote.closed = segment.closed;
  quote.quotation = segment.quotation;
  if (segment.role.end > segment.role.start) quote.speaker_role = role_text(text, segment.role);
  return quote;
}

}  // namespace

QuoteExtractor::QuoteExtractor() : lexicon_(std::make_unique<const QuoteLexicon>()) {}
QuoteExtractor::QuoteExtractor(QuoteOptions options) : QuoteExtractor() {
  recognizer_ = options.recognizer;
  indirect_ = options.indirect;
}
QuoteExtractor::~QuoteExtractor() = default;
QuoteExtractor::QuoteExtractor(QuoteExtractor&&) noexcept = default;
QuoteExtractor& QuoteExtractor::operator=(QuoteExtractor&&) noexcept = default;

QuoteResult QuoteExtractor::extract(std::string_view raw_text, const Analysis& analysis) const {
  std::string scratch;
  const std::string_view text = checked_input(raw_text, analysis, scratch, "tmk::QuoteExtractor::extract");
  QuoteResult out;
  std::vector<Segment> segments;
  std::vector<Span> paragraphs;
  find_segments(text, segments, paragraphs, out.unbalanced);
  if (segments.empty() && !indirect_) return out;
  std::size_t heading_paragraph = paragraphs.size();  // the paragraph `heading` was computed for
  bool heading = false;
  for (Segment& segment : segments) {
    if (segment.paragraph != heading_paragraph) {
      heading_paragraph = segment.paragraph;
      heading = is_heading(text, paragraphs[heading_paragraph], lexicon_->splitter);
    }
    segment.kind = kind_of(text, segment, paragraphs[segment.paragraph], heading);
  }
  attribute_segments(text, paragraphs, *lexicon_, segments);
  std::vector<Segment> rows = segments;
  if (indirect_) {
    std::vector<Span> sentences;
    for (const Sentence& sentence : analysis.sentences) sentences.push_back(sentence.span);
    const std::vector<Segment> reported = find_reported_speech(text, sentences, *lexicon_, segments);
    rows.insert(rows.end(), reported.begin(), reported.end());
    std::stable_sort(rows.begin(), rows.end(),
                     [](const Segment& a, const Segment& b) { return a.content.start < b.content.start; });
  }
  out.quotes.reserve(rows.size());
  for (const Segment& segment : rows) out.quotes.push_back(quote_of(text, analysis, segment));
  resolve_speakers(text, analysis, *lexicon_, recognizer_, segments, out.quotes);
  return out;
}

}  // namespace tmk
