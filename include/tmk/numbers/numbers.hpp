#pragma once
// Numbers in news text: every cardinal, ordinal, fraction, percentage, money amount,
// measure, year, date, time, range and label, with a canonical value, its unit, a
// qualifier ("more than 70") and the noun it counts ("500,000 members" -> members).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "tmk/text/analysis.hpp"

namespace tmk {

enum class NumberKind : std::uint8_t {
  cardinal,
  ordinal,
  fraction,
  percent,
  money,
  measure,
  year,
  date,
  time,
  range,
  label
};
std::string_view to_string(NumberKind kind);

// How the text bounds the value: "about 5" approx, "more than 5" over, "less than 5"
// under, "at least 5" atleast, "at most 5" atmost, "up to 5" upto.
enum class Qualifier : std::uint8_t { exact, approx, over, under, atleast, atmost, upto };
std::string_view to_string(Qualifier qualifier);  // "" for exact

struct NumberMention {
  std::size_t start = 0;  // byte offsets into the text, end exclusive
  std::size_t end = 0;
  NumberKind kind = NumberKind::cardinal;
  // C locale: "1200000000", "0.5", "2015-08-18", "--08-18", "17:22", "10..20", "747".
  std::string value;
  std::string unit;  // "USD", "percent", "percentage point", "km", "USD/hour", ...
  Qualifier qualifier = Qualifier::exact;
  std::string counted;       // the head noun the number counts, as written; may be empty
  std::size_t sentence = 0;  // 0-based index into Analysis::sentences (0 without sentences)
};

// A plain decimal in the C locale with at most 6 decimals, trailing zeros dropped.
std::string format_decimal(double value);

class NumberExtractor {
 public:
  NumberExtractor();  // loads the embedded noun lexicon; throws std::runtime_error if it is broken
  ~NumberExtractor();
  NumberExtractor(const NumberExtractor&) = delete;
  NumberExtractor& operator=(const NumberExtractor&) = delete;

  // The numbers of `text` in order of `start`. Numbers never cross the sentence boundaries
  // of `analysis` (an analysis without sentences means one sentence; tokens are not needed).
  // `text` may be any bytes: invalid UTF-8 is read as valid_utf8_view repairs it (offsets do
  // not move). Throws std::invalid_argument when `analysis` does not fit `text` (not made
  // from it: offsets past its end or inside a character), nothing else but std::bad_alloc.
  // Thread-safe: one extractor can serve many threads.
  std::vector<NumberMention> extract(std::string_view text, const Analysis& analysis) const;

 private:
  struct Lexicon;
  std::unique_ptr<Lexicon> lexicon_;
};

}  // namespace tmk
