#pragma once
// Numbers in news text: every cardinal, ordinal, fraction, percentage, money amount,
// measure, year, date, time, range, label, duration, date interval, score and age, with a canonical
// value, its unit, a qualifier ("more than 70") and the noun it counts ("500,000 members" ->
// members). Dates written relative to the document ("last Friday") resolve against the
// document's date.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
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
  label,
  duration,  // "three years": an ISO 8601 duration, "P3Y"
  interval,  // "from 2014 to 2018": two dates or years, "2014/2018"
  score,     // "won 3-1", "a 112-108 win": the two sides, "3-1"
  age        // "a 34-year-old", "aged 34", "five years old": years of age, "34"
};
std::string_view to_string(NumberKind kind);
// Every kind, in the order above.
inline constexpr NumberKind kNumberKinds[] = {
    NumberKind::cardinal, NumberKind::ordinal,  NumberKind::fraction, NumberKind::percent, NumberKind::money,
    NumberKind::measure,  NumberKind::year,     NumberKind::date,     NumberKind::time,    NumberKind::range,
    NumberKind::label,    NumberKind::duration, NumberKind::interval, NumberKind::score,   NumberKind::age};

// How the text bounds the value: "about 5" approx, "more than 5" over, "less than 5"
// under, "at least 5" atleast, "at most 5" atmost, "up to 5" upto.
enum class Qualifier : std::uint8_t { exact, approx, over, under, atleast, atmost, upto };
std::string_view to_string(Qualifier qualifier);  // "" for exact

struct NumberMention {
  std::size_t start = 0;  // byte offsets into the text, end exclusive
  std::size_t end = 0;
  NumberKind kind = NumberKind::cardinal;
  // C locale: "1200000000", "0.5", "2015-08-18", "--08-18", "17:22", "15:00-04:00", "10..20",
  // "747", "P3Y", "2014/2018". Without a document date, a date relative to it is written
  // "rel:-1D", "rel:<=MON", ... (resolve_date_value says what each means).
  std::string value;
  std::string unit;  // "USD", "percent", "percentage point", "km", "USD/hour", ...
  Qualifier qualifier = Qualifier::exact;
  std::string counted;       // the head noun the number counts, as written; may be empty
  std::size_t sentence = 0;  // 0-based index into Analysis::sentences (0 without sentences)
};

// A plain decimal in the C locale with at most 6 decimals, trailing zeros dropped.
std::string format_decimal(double value);

// A day of the proleptic Gregorian calendar.
struct CalendarDate {
  int year = 0;
  int month = 0;  // 1-12
  int day = 0;    // 1-31
};
// "2016-08-18" (exactly that form, a real day) -> the date; nothing otherwise.
std::optional<CalendarDate> parse_iso_date(std::string_view text);

// A date value made absolute with the document's date `today`; other values are returned as
// they are. Relative values, and what they become:
//   rel:+0D rel:-1D rel:+2D  days from today            -> 2016-08-17
//   rel:-1W rel:+0W          weeks (ISO weeks)          -> 2016-W32
//   rel:-1M rel:+0M          months                     -> 2016-07
//   rel:-2Y rel:+1Y          years                      -> 2014
//   rel:<=FRI                the last Friday on or before today (a bare weekday in news)
//   rel:<FRI rel:>FRI        the last Friday before today ("last Friday"), the first after it
//   rel:>=FRI                the first Friday on or after today (a weekday after "will")
//   rel:<WKND rel:>WKND      the weekend before today, after today -> 2016-08-13/2016-08-14
//   --08-18                  a day without its year: the year that puts it nearest today
//   --03                     a month without its year, likewise                -> 2016-03
//   A/B                      an interval: each end resolved, the end not before the start
std::string resolve_date_value(std::string_view value, const CalendarDate& today);

// How to read a slash date whose two first parts could both be the month ("03/04/2016"; a
// date without its year, "9/11", is always read month first).
enum class DateOrder : std::uint8_t {
  guess,        // day first when the document says so: a slash date with a day over 12 first
                // ("25/12/2016"), else a pound sign or a British spelling ("colour") and no
                // slash date with a day over 12 second; month first otherwise
  month_first,  // 03/04/2016 is March 4
  day_first     // 03/04/2016 is 3 April
};

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
  // Relative dates resolve against `document_date` (resolve_date_value); without one, against
  // the dateline of the text: a full date among its first three sentences and 400 bytes,
  // alone on its line, before a dash ("WASHINGTON, Aug. 18, 2016 -"), after "posted",
  // "published" or "updated", or after a weekday and a comma when no comma follows
  // ("Thursday, Aug. 18, 2016 The ..."). Without either they keep their "rel:" values.
  // Slash dates that could be read either way are read in `order`.
  std::vector<NumberMention> extract(std::string_view text, const Analysis& analysis,
                                     const std::optional<CalendarDate>& document_date = std::nullopt,
                                     DateOrder order = DateOrder::guess) const;

 private:
  struct Lexicon;
  std::unique_ptr<Lexicon> lexicon_;
};

}  // namespace tmk
