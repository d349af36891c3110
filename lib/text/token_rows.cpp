// A row of a short plain-ASCII token (nearly all of them) is formatted in a stack buffer,
// its norm lower-cased on the way (normalize_token's ASCII case), and appended at once;
// any other token takes the general path through normalize_token and escaping.
#include "text/token_rows.hpp"

#include <algorithm>
#include <charconv>
#include <cstring>

#include "tmk/core/tsv.hpp"
#include "tmk/core/utf8.hpp"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace tmk {

namespace {

bool needs_escape(char c) {
  return c == '\\' || c == '\t' || c == '\n' || c == '\r' || c == kInvalidByte;
}
char ascii_lower(unsigned char c) {
  return static_cast<char>(c + ((static_cast<unsigned>(c - 'A') < 26u) << 5));
}

// The last field of a row, "kind\n", padded so that it is copied as one 8-byte block.
struct KindField {
  std::array<char, 8> bytes{};
  std::size_t size = 0;
};
const std::array<KindField, kTokenKinds> kKindFields = [] {
  std::array<KindField, kTokenKinds> fields{};
  for (std::size_t kind = 0; kind < kTokenKinds; ++kind) {
    const std::string_view name = to_string(static_cast<TokenKind>(kind));
    std::memcpy(fields[kind].bytes.data(), name.data(), std::min<std::size_t>(name.size(), 7));
    fields[kind].bytes[std::min<std::size_t>(name.size(), 7)] = '\n';
    fields[kind].size = std::min<std::size_t>(name.size(), 7) + 1;
  }
  return fields;
}();

// Writes "tok\tstart\tend\t".
char* write_numbers(char* p, std::size_t number, const Token& token) {
  if (number < 10) {
    *p++ = static_cast<char>('0' + number);  // the common case, quicker than to_chars
  } else {
    p = std::to_chars(p, p + 20, number).ptr;
  }
  *p++ = '\t';
  p = std::to_chars(p, p + 20, token.start).ptr;
  *p++ = '\t';
  p = std::to_chars(p, p + 20, token.end).ptr;
  *p++ = '\t';
  return p;
}

class RowWriter {
 public:
  RowWriter(std::string& out, std::string_view text, bool lower) : out_(out), text_(text), lower_(lower) {}

  // Starts the rows of a sentence: the first two fields are escaped once.
  void start_sentence(std::string_view doc_id, std::size_t sentence) {
    prefix_.clear();
    TsvRow(prefix_).add(doc_id).add(sentence);
    prefix_.push_back('\t');
  }

  void write(std::size_t number, const Token& token) {
    const std::string_view surface = text_.substr(token.start, token.end - token.start);
    if (prefix_.size() + surface.size() <= kFastBytes && write_fast(number, token, surface)) return;
    out_.append(prefix_);
    char numbers[3 * 21];
    out_.append(numbers, static_cast<std::size_t>(write_numbers(numbers, number, token) - numbers));
    if (!lower_) {
      append_tsv_escaped(out_, surface);
      out_.push_back('\t');
    }
    const std::size_t norm_start = out_.size();
    append_norm(surface);
    if (lower_) {
      out_.push_back('\t');
      out_.append(out_, norm_start, out_.size() - 1 - norm_start);
    }
    out_.push_back('\t');
    out_.append(to_string(token.kind));
    out_.push_back('\n');
  }

 private:
  static constexpr std::size_t kFastBytes = 256;
  static constexpr std::size_t kBlock = 16;

  bool write_fast(std::size_t number, const Token& token, std::string_view surface) {
    char row[3 * kFastBytes];
    std::memcpy(row, prefix_.data(), prefix_.size());
    char* p = write_numbers(row + prefix_.size(), number, token);
    char* const norm = p + surface.size() + 1;
    if (!copy_ascii(surface, token.start, p, norm)) return false;
    p[surface.size()] = '\t';
    p = norm + surface.size();
    *p++ = '\t';
    const KindField& kind = kKindFields[static_cast<std::size_t>(token.kind)];
    std::memcpy(p, kind.bytes.data(), kind.bytes.size());
    out_.append(row, static_cast<std::size_t>(p + kind.size - row));
    return true;
  }

  // Copies `surface` to `token_field` (lower-cased with --lower) and its lower-case form to
  // `norm`; false if it is not plain ASCII or needs escaping. May write up to kBlock bytes
  // past either field's end.
  bool copy_ascii(std::string_view surface, std::size_t start, char* token_field, char* norm) const {
#ifdef __SSE2__
    if (surface.size() <= kBlock && start + kBlock <= text_.size()) {
      const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text_.data() + start));
      const auto eq = [&](char c) { return _mm_cmpeq_epi8(bytes, _mm_set1_epi8(c)); };
      const __m128i special = _mm_or_si128(_mm_or_si128(eq('\\'), eq('\t')),
                                           _mm_or_si128(_mm_or_si128(eq('\n'), eq('\r')), eq(kInvalidByte)));
      const unsigned in_token = (1u << surface.size()) - 1;
      const auto bad = static_cast<unsigned>(_mm_movemask_epi8(bytes) | _mm_movemask_epi8(special));
      if (bad & in_token) return false;
      // Upper case is "byte - 'A' < 26" unsigned, a signed comparison once shifted by 0x80.
      const __m128i shifted = _mm_add_epi8(_mm_sub_epi8(bytes, _mm_set1_epi8('A')), _mm_set1_epi8(-128));
      const __m128i upper = _mm_cmplt_epi8(shifted, _mm_set1_epi8(-128 + 26));
      const __m128i lowered = _mm_add_epi8(bytes, _mm_and_si128(upper, _mm_set1_epi8(0x20)));
      _mm_storeu_si128(reinterpret_cast<__m128i*>(token_field), lower_ ? lowered : bytes);
      _mm_storeu_si128(reinterpret_cast<__m128i*>(norm), lowered);
      return true;
    }
#endif
    unsigned char seen = 0;
    bool special = false;
    for (std::size_t i = 0; i < surface.size(); ++i) {
      const auto c = static_cast<unsigned char>(surface[i]);
      seen |= c;
      special |= needs_escape(static_cast<char>(c));
      norm[i] = ascii_lower(c);
      token_field[i] = lower_ ? norm[i] : static_cast<char>(c);
    }
    return seen < 0x80 && !special;
  }

  // Appends the normalized, escaped form of `surface`.
  void append_norm(std::string_view surface) {
    const std::size_t start = out_.size();
    normalize_token(surface, out_);
    if (std::none_of(out_.begin() + static_cast<std::ptrdiff_t>(start), out_.end(), needs_escape)) return;
    const std::string norm = out_.substr(start);  // rare: a backslash or an invalid byte
    out_.resize(start);
    append_tsv_escaped(out_, norm);
  }

  std::string& out_;
  std::string_view text_;
  bool lower_;
  std::string prefix_;  // "doc\tsent\t"
};

}  // namespace

const std::vector<std::string> kTokenColumns = {"doc", "sent", "tok", "start", "end", "token", "norm", "kind"};

void append_token_rows(std::string_view doc_id, std::string_view text, const Analysis& analysis,
                       const TokenRowOptions& options, std::string& out) {
  if (options.format != TableFormat::tsv) {  // the general path: CSV and JSONL are not tuned for speed
    const TableLayout layout{options.format, kTokenColumns};
    std::string norm;
    for (std::size_t s = 0; s < analysis.sentences.size(); ++s) {
      const Sentence& sentence = analysis.sentences[s];
      for (std::size_t t = sentence.first_token; t < sentence.end_token; ++t) {
        const Token& token = analysis.tokens[t];
        if (!options.printed[static_cast<std::size_t>(token.kind)]) continue;
        const std::string_view surface = text.substr(token.start, token.end - token.start);
        norm.clear();
        normalize_token(surface, norm);
        TsvRow(out, layout)
            .add(doc_id)
            .add(s + 1)
            .add(t - sentence.first_token + 1)
            .add(token.start)
            .add(token.end)
            .add(options.lower ? std::string_view(norm) : surface)
            .add(norm)
            .add(to_string(token.kind))
            .end();
      }
    }
    return;
  }
  RowWriter rows(out, text, options.lower);
  for (std::size_t s = 0; s < analysis.sentences.size(); ++s) {
    const Sentence& sentence = analysis.sentences[s];
    rows.start_sentence(doc_id, s + 1);
    for (std::size_t t = sentence.first_token; t < sentence.end_token; ++t) {
      const Token& token = analysis.tokens[t];
      if (options.printed[static_cast<std::size_t>(token.kind)]) rows.write(t - sentence.first_token + 1, token);
    }
  }
}

}  // namespace tmk
