// tmk-numbers' extractor: a left-to-right reader over the lexemes of each sentence that
// tries, at each position, a date, a time, a decade, a label and then a quantity (with its
// currency, unit, range partner, qualifier and counted noun).
#include "tmk/numbers/numbers.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>

#include "numbers/numbers_reader.hpp"
#include "text/input.hpp"

namespace tmk {

using namespace numbers_detail;

std::string_view to_string(NumberKind kind) {
  switch (kind) {
    case NumberKind::cardinal:
      return "cardinal";
    case NumberKind::ordinal:
      return "ordinal";
    case NumberKind::fraction:
      return "fraction";
    case NumberKind::percent:
      return "percent";
    case NumberKind::money:
      return "money";
    case NumberKind::measure:
      return "measure";
    case NumberKind::year:
      return "year";
    case NumberKind::date:
      return "date";
    case NumberKind::time:
      return "time";
    case NumberKind::range:
      return "range";
    case NumberKind::label:
      return "label";
    case NumberKind::duration:
      return "duration";
    case NumberKind::interval:
      return "interval";
    case NumberKind::score:
      return "score";
    case NumberKind::age:
      return "age";
  }
  return "cardinal";
}

std::string_view to_string(Qualifier qualifier) {
  switch (qualifier) {
    case Qualifier::exact:
      return "";
    case Qualifier::approx:
      return "approx";
    case Qualifier::over:
      return "over";
    case Qualifier::under:
      return "under";
    case Qualifier::atleast:
      return "atleast";
    case Qualifier::atmost:
      return "atmost";
    case Qualifier::upto:
      return "upto";
  }
  return "";
}

std::string format_decimal(double value) {
  if (!std::isfinite(value)) return value > 0 ? "inf" : value < 0 ? "-inf" : "nan";
  char buffer[400];
  // Most values are whole: written as integers they skip the slow fixed-point conversion.
  if (std::abs(value) < 1e15 && value == std::trunc(value)) {
    const auto whole = std::to_chars(buffer, buffer + sizeof buffer, static_cast<std::int64_t>(value));
    return std::string(buffer, whole.ptr);
  }
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, 6);
  std::string_view text(buffer, static_cast<std::size_t>(result.ptr - buffer));
  while (text.back() == '0') text.remove_suffix(1);
  if (text.back() == '.') text.remove_suffix(1);
  if (text == "-0") text = "0";
  return std::string(text);
}

struct NumberExtractor::Lexicon {
  Vocabulary vocabulary;
};

NumberExtractor::NumberExtractor() : lexicon_(std::make_unique<Lexicon>()) {}
NumberExtractor::~NumberExtractor() = default;

namespace numbers_detail {

std::size_t SentenceReader::read_at(std::size_t i) {
  if (starts_relative_date(i)) {
    const std::size_t e = read_relative_date(i);
    return e ? e : i + 1;
  }
  if (const std::size_t e = read_score(i)) return e;
  if (const std::size_t e = read_date(i)) return e;
  if (const std::size_t e = read_time(i)) return e;
  if (const std::size_t e = read_decade(i)) return e;
  if (const std::size_t e = read_code(i)) return e;
  if (const std::size_t e = read_fiscal_year(i)) return e;
  if (const std::size_t e = read_reversed_percent(i)) return e;
  return read_quantity(i);
}

std::size_t SentenceReader::read_score(std::size_t i) {
  if (!is_plain_integer(i) || !adjacent(i) || !is_symbol(i + 1, '-') || !adjacent(i + 1) || !is_plain_integer(i + 2))
    return 0;
  if (lx_[i].int_digits > 3 || lx_[i + 2].int_digits > 3 ||
      (adjacent(i + 2) && !is_symbol(i + 3, '.') && !is_symbol(i + 3, ',')))
    return 0;
  bool near_score_word = is_word(i + 3) && vocabulary_.is_score_word(lower(i + 3));
  for (std::size_t back = 1; !near_score_word && back <= 3 && back <= i && is_word(i - back); ++back)
    near_score_word = vocabulary_.is_score_word(lower(i - back));
  if (!near_score_word) return 0;
  emit(i, i + 3, NumberKind::score, format_decimal(lx_[i].value) + "-" + format_decimal(lx_[i + 2].value));
  return i + 3;
}

std::size_t SentenceReader::read_reversed_percent(std::size_t i) {
  if (role(i) != Role::percent && !(word_is(i, "per") && word_is(i + 1, "cent"))) return 0;
  if (i > 0 && lx_[i - 1].kind != LexKind::symbol) return 0;
  std::size_t j = role(i) == Role::percent ? i + 1 : i + 2;
  if (!word_is(j, "of")) return 0;
  Amount amount;
  if (!read_amount(j + 1, false, amount) || amount.kind != NumberKind::cardinal) return 0;
  if (is_word(amount.end)) return 0;
  emit(i, amount.end, NumberKind::percent, format_decimal(amount.value), "percent");
  return amount.end;
}

Qualifier SentenceReader::qualifier_before(std::size_t i) {
  if (i == 0) return Qualifier::exact;
  if (is_symbol(i - 1, '~')) return Qualifier::approx;
  if (is_symbol(i - 1, U'\u2265')) return Qualifier::atleast;  // "≥ 5"
  if (is_symbol(i - 1, U'\u2264')) return Qualifier::atmost;
  if (is_symbol(i - 1, '=') && i >= 2 && adjacent(i - 2)) {  // ">= 5", "<= 9"
    if (is_symbol(i - 2, '>')) return Qualifier::atleast;
    if (is_symbol(i - 2, '<')) return Qualifier::atmost;
  }
  if (is_symbol(i - 1, '>')) return Qualifier::over;
  if (is_symbol(i - 1, '<')) return Qualifier::under;
  if (!is_word(i - 1)) return Qualifier::exact;
  // "more than or equal to 20", "less than or equal to 30": read the comparison before "or equal to".
  if (i >= 5 && word_is(i - 1, "to") && word_is(i - 2, "equal") && word_is(i - 3, "or") && word_is(i - 4, "than")) {
    const Qualifier strict = qualifier_before(i - 3);
    if (strict == Qualifier::over) return Qualifier::atleast;
    if (strict == Qualifier::under) return Qualifier::atmost;
  }
  // The words before the number, lower-cased into buffers of their own; the second and third
  // only when the first asks for them (this runs for every number).
  const std::string_view w1 = lower_into(i - 1, words_before_[0]);
  const auto w2 = [&] { return i >= 2 ? lower_into(i - 2, words_before_[1]) : std::string_view(); };
  const auto w3 = [&] { return i >= 3 ? lower_into(i - 3, words_before_[2]) : std::string_view(); };
  if (w1 == "than") {
    const std::string_view b = w2();
    Qualifier bound = Qualifier::exact;
    if (b == "more" || b == "greater" || b == "higher" || b == "larger" || b == "bigger")
      bound = w3() == "no" ? Qualifier::atmost : Qualifier::over;
    else if (b == "less" || b == "fewer" || b == "lower" || b == "smaller")
      bound = w3() == "no" ? Qualifier::atleast : Qualifier::under;
    // "equal to or more than 20", "equal or less than 5": the bound itself is included.
    if (i >= 4 && word_is(i - 3, "or") &&
        (word_is(i - 4, "equal") || (i >= 5 && word_is(i - 4, "to") && word_is(i - 5, "equal")))) {
      if (bound == Qualifier::over) return Qualifier::atleast;
      if (bound == Qualifier::under) return Qualifier::atmost;
    }
    return bound;
  }
  if (w1 == "to") {
    const std::string_view b = w2();
    if (b == "close" || b == "closer") return Qualifier::approx;
    if (b == "up") return Qualifier::upto;
    return Qualifier::exact;
  }
  if (w1 == "least" && w2() == "at") return Qualifier::atleast;
  if (w1 == "most" && w2() == "at") return Qualifier::atmost;
  if (w1 == "as") {
    const std::string_view b = w2();
    return (b == "many" || b == "much" || b == "high") && w3() == "as" ? Qualifier::upto : Qualifier::exact;
  }
  if (w1 == "of" && w2() == "upwards") return Qualifier::over;
  if (w1 == "about" || w1 == "around" || w1 == "roughly" || w1 == "nearly" || w1 == "almost" || w1 == "approximately" ||
      w1 == "approx" || w1 == "some" || w1 == "circa" || w1 == "estimated" || w1 == "nigh")
    return Qualifier::approx;
  if (w1 == "over" || w1 == "above" || w1 == "exceeding") return Qualifier::over;
  if (w1 == "under" || w1 == "below") return Qualifier::under;
  return Qualifier::exact;
}

Qualifier SentenceReader::qualifier_after(std::size_t k) {
  if (!word_is(k, "or")) return Qualifier::exact;
  const std::string_view w = lower(k + 1);
  if (w == "more" || w == "above" || w == "higher" || w == "greater" || w == "over") return Qualifier::atleast;
  if (w == "less" || w == "fewer" || w == "below" || w == "lower" || w == "under") return Qualifier::atmost;
  return Qualifier::exact;
}

bool SentenceReader::is_determiner(std::size_t k) {
  const std::string_view w = lower(k);
  return w == "the" || w == "these" || w == "those" || w == "its" || w == "their" || w == "his" || w == "her" ||
         w == "our" || w == "my" || w == "your" || w == "all";
}

bool SentenceReader::is_verb_after_count(const Quantity& q, std::string_view counted) {
  if (q.kind != NumberKind::cardinal || q.value == 1 || counted.empty() || !is_word(q.end) ||
      counted.data() != text_.data() + lx_[q.end].start)
    return false;
  if (nouns_.is_plural_noun(lower_of(counted))) return false;
  const std::size_t object = q.end + 1;
  // "Of the 30 students, 5 pass.": a singular that ends the sentence after a count opening
  // its clause is its verb; not an abbreviation ("2 min.") or a word in capitals ("11 RBI."),
  // nor after a verb ("He weighs 14 stone.").
  const bool sentence_end = object >= n_ || is_symbol(object, '.') || is_symbol(object, '!') || is_symbol(object, '?');
  const bool opens_clause =
      q.first == 0 || is_symbol(q.first - 1, ',') || is_symbol(q.first - 1, ';') || is_symbol(q.first - 1, ':');
  if (sentence_end) return opens_clause && counted.size() > 3 && !lx_[q.end].upper;
  if (is_determiner(object) || role(object) == Role::article) return !is_time_after_article(object);
  return word_is(object, "him") || word_is(object, "them") || word_is(object, "us") || word_is(object, "me");
}

bool SentenceReader::is_time_after_article(std::size_t k) {
  std::size_t unit = k + 1;
  if (role(unit) == Role::ordinal) ++unit;  // "the first day"
  if (!is_word(unit)) return false;
  return is_time_unit(lower(unit)) || day_part_at(unit) > unit || role(unit) == Role::weekday;
}

std::string_view SentenceReader::counted_after(std::size_t k) {
  if (word_is(k, "of")) {
    ++k;
    if (is_determiner(k)) ++k;
    if (is_number(k)) ++k;                    // "7 of the 12 jurors"
    while (is_number_word(k) && k < n_) ++k;  // "three of the five judges"
  }
  std::string_view head;
  for (int words = 0; words < 4 && k < n_; ++words) {
    // "a five-year plan", "a 45-year-old senator": the number counts the noun it is joined to.
    if (is_symbol(k, '-') && k > 0 && adjacent(k - 1) && adjacent(k) && is_word(k + 1)) {
      const std::string_view joined = lower(k + 1);
      return !joined.empty() && !lx_[k + 1].info && nouns_.is_noun(joined) ? surface(k + 1) : std::string_view();
    }
    if (!is_word(k)) break;
    // "£1,200 a year worse off", "5 points clearer than": a comparison, no noun.
    const bool comparison = word_is(k + 1, "off") || word_is(k + 1, "than");
    const std::string_view w = lower(k);
    if (w.empty() || is_function_word(w) || lx_[k].info) break;
    if (lx_[k].capitalized && !lx_[k].upper && !nouns_.is_plural_noun(w)) break;  // a name ends the phrase
    const bool plural = nouns_.is_plural_noun(w);
    const bool noun = plural || nouns_.is_noun(w);
    if (noun) {
      if (comparison && nouns_.is_adjective(w)) break;
      head = surface(k);
      // A plural that is its own singular ("staff", "fish", "police") goes on to a plural in -s
      // after it ("30 staff members", "40 police officers"); "two men police" counts the men.
      if (plural) {
        if (!nouns_.is_unmarked_plural(w) || !is_word(k + 1) || lx_[k + 1].info) break;
        const std::string_view next = lower(k + 1);
        if (!next.ends_with('s') || !nouns_.is_plural_noun(next)) break;
      }
    } else if (head.empty() && nouns_.is_adjective(w)) {
      // an adjective before the head
    } else {
      break;
    }
    ++k;
  }
  return head;
}

std::size_t SentenceReader::currency_prefix(std::size_t i, std::string& code) {
  std::size_t j = i;
  std::string_view country;
  // "US$", "C$", "HK$", "Mex$": letters joined to "$" name whose dollar it is.
  if (is_word(j) && adjacent(j) && is_symbol(j + 1, '$') &&
      (lx_[j].end - lx_[j].start <= 2 || !dollar_code(surface(j)).empty())) {
    country = surface(j);
    ++j;
  }
  if (is_symbol(j, '$')) {
    const std::string_view dollar = dollar_code(country);
    code = dollar.empty() ? "USD" : dollar;
    return j + 1;
  }
  if (!country.empty()) return i;
  if (const std::string_view symbol_code = currency_symbol_code(j); !symbol_code.empty()) {
    code = std::string(symbol_code);
    return j + 1;
  }
  // "USD 5", "EUR 3.2m", "Rs 500", "Rs. 500": a code before the amount (in lower case only
  // when the code is no English word, so "rub 5" stays a verb).
  if (role(j) != Role::currency) return i;
  const std::size_t amount = is_symbol(j + 1, '.') && adjacent(j) ? j + 2 : j + 1;
  const std::size_t length = lx_[j].end - lx_[j].start;
  if (is_number(amount) && (length == 2 || length == 3) && (lx_[j].upper || !nouns_.is_noun(lower(j)))) {
    code = std::string(lx_[j].info->unit);
    return amount;
  }
  return i;
}

std::string_view SentenceReader::currency_symbol_code(std::size_t k) const {
  if (k >= n_ || lx_[k].kind != LexKind::symbol) return {};
  return vocabulary_.symbol_currency(lx_[k].symbol);
}

std::string_view SentenceReader::dollar_code(std::string_view country) const {
  if (country.size() > 8) return {};
  char upper[8];
  for (std::size_t c = 0; c < country.size(); ++c)
    upper[c] = country[c] >= 'a' && country[c] <= 'z' ? static_cast<char>(country[c] - 'a' + 'A') : country[c];
  return vocabulary_.dollar_currency(std::string_view(upper, country.size()));
}

bool SentenceReader::read_quantity_at(std::size_t i, Quantity& q) {
  q = Quantity();
  q.first = i;
  std::string code;
  // A minus written before the currency symbol: "-$5".
  bool negative = is_symbol(i, '-') && adjacent(i) && minus_sign_at(i);
  std::size_t after_prefix = currency_prefix(negative ? i + 1 : i, code);
  const bool money = after_prefix != (negative ? i + 1 : i);
  if (!money) {  // a minus before digits is read with the amount
    negative = false;
    after_prefix = i;
  }
  Amount& a = q.amount;
  if (!read_amount(after_prefix, money, a)) {
    // "a dollar", "a penny"
    if (money || role(i) != Role::article || (role(i + 1) != Role::currency && role(i + 1) != Role::cent)) return false;
    a = Amount();
    a.first = i;
    a.end = i + 1;
    a.value = 1;
  }
  std::size_t k = a.end;
  q.value = negative ? -a.value : a.value;
  q.kind = a.kind;
  // "1,000-plus staff", "30-odd years": a bound joined to the number.
  if (is_symbol(k, '-') && k > 0 && adjacent(k - 1) && adjacent(k) && role(k + 1) == Role::approximation) {
    a.implied = lx_[k + 1].info->unit == "over" ? Qualifier::over : Qualifier::approx;
    k += 2;
  }
  // "a 5-percent rise", "a 10-mile walk", "a 20-dollar bill": the unit joined by a hyphen.
  if (!money && is_symbol(k, '-') && k > 0 && adjacent(k - 1) && adjacent(k)) {
    const Role joined = role(k + 1);
    if (joined == Role::percent || joined == Role::measure || joined == Role::currency || joined == Role::cent) ++k;
  }
  if (money) {
    q.kind = NumberKind::money;
    q.unit = code;
    if (is_word(k) && role(k) == Role::currency && lx_[k].upper && lx_[k].info->unit == code) ++k;  // "$5 USD"
  } else if (const std::string_view suffix = currency_symbol_code(k);
             !suffix.empty() && a.kind != NumberKind::ordinal) {
    q.kind = NumberKind::money;  // "5€", "10 £"
    q.unit = std::string(suffix);
    k = read_cents(k + 1, q);
  } else if (is_symbol(k, '$') && !adjacent(k) && a.kind != NumberKind::ordinal) {
    q.kind = NumberKind::money;  // "10 $ 30 cents"; in "10 $30 bills" the "$" is the next amount's
    q.unit = "USD";
    k = read_cents(k + 1, q);
  } else if (is_symbol(k, '%') && a.kind != NumberKind::ordinal) {
    q.kind = NumberKind::percent;
    q.unit = "percent";
    ++k;
  } else if (is_symbol(k, U'\u00b0') && a.kind != NumberKind::ordinal) {  // "-20 °C", "40°"
    q.kind = NumberKind::measure;
    q.unit = "degree";
    k = read_temperature_scale(k + 1, q.unit);
  } else if (is_symbol(k, U'\u00b5') && adjacent(k) && word_is(k + 1, "g") && a.kind != NumberKind::ordinal) {
    q.kind = NumberKind::measure;  // "50 µg" (the micro sign is no letter)
    q.unit = "\u00b5g";
    k += 2;
  } else if (a.kind != NumberKind::ordinal && is_word(k)) {
    const Role r = role(k);
    if (r == Role::percent || (word_is(k, "per") && word_is(k + 1, "cent"))) {
      k += r == Role::percent ? 1 : 2;
      q.kind = NumberKind::percent;
      q.unit = "percent";
      if (word_is(k, "points") || word_is(k, "point")) {
        if (k > 0 && word_is(k - 1, "percentage")) q.unit = "percentage point";
        ++k;
      }
    } else if (std::string country_code; const std::size_t currency = currency_country(k, country_code)) {
      // "20 Canadian dollars", "5 U.S. dollars"
      q.kind = NumberKind::money;
      q.unit = country_code;
      k = read_cents(currency + 1, q);
    } else if (r == Role::currency) {
      q.kind = NumberKind::money;
      q.unit = std::string(lx_[k].info->unit);
      q.value *= word_value(k);  // "120 MUSD" are millions
      ++k;
      if (!a.scale && (role(k) == Role::scale || (role(k) == Role::suffix_scale && lx_[k].end - lx_[k].start > 1))) {
        q.value *= word_value(k);  // "75 USD million", "20 EUR bn"
        ++k;
      }
      k = read_cents(k, q);
    } else if (r == Role::cent) {
      q.kind = NumberKind::money;
      q.unit = std::string(lx_[k].info->unit);
      q.value = a.value * word_value(k);
      ++k;
    } else if ((word_is(k, "pounds") || word_is(k, "pound")) && (word_is(k + 1, "sterling") || a.scale)) {
      // "20 pounds sterling", "2 million pounds": money; "20 pounds" alone is a weight.
      q.kind = NumberKind::money;
      q.unit = "GBP";
      k += word_is(k + 1, "sterling") ? 2 : 1;
    } else if (adjacent(k - 1) && (surface(k) == "C" || surface(k) == "F")) {  // "30C"
      q.kind = NumberKind::measure;
      q.unit = surface(k) == "C" ? "degree Celsius" : "degree Fahrenheit";
      ++k;
    } else if (const std::size_t unit = measure_unit_at(k); unit > k) {
      q.kind = NumberKind::measure;
      q.unit = measure_unit_name(k, unit);
      k = unit;
      if (q.unit == "degree") k = read_temperature_scale(k, q.unit);
      k = read_inches_after_feet(k, q);
      if (role(k) == Role::per && role(k + 1) == Role::none && is_word(k + 1)) {  // "miles per hour"
        q.unit += "/" + std::string(lower(k + 1));
        k += 2;
      }
    }
  }
  // "$12 an hour", "$5 per share"
  if (q.kind == NumberKind::money && (role(k) == Role::article || role(k) == Role::per) && is_word(k + 1) &&
      !lx_[k + 1].capitalized) {
    const std::string_view w = lower(k + 1);
    if (!w.empty() && nouns_.is_noun(w) && !is_function_word(w) && !lx_[k + 1].info && !nouns_.is_adjective(w)) {
      q.unit += "/" + std::string(w);
      k += 2;
    }
  }
  q.end = k;
  return true;
}

std::size_t SentenceReader::measure_unit_at(std::size_t k) {
  const bool area = word_is(k, "square") || word_is(k, "sq");
  if (area) k += is_symbol(k + 1, '.') && adjacent(k) ? 2 : 1;  // "sq. km"
  if (word_is(k, "metric") && role(k + 1) == Role::measure && lx_[k + 1].info->unit == "ton") return k + 2;
  const Role r = role(k);
  const bool unit = r == Role::measure || (r == Role::suffix_scale && (surface(k) == "m" || surface(k) == "g"));
  if (!unit || (area && !is_length_unit(k))) return 0;
  // "20 m2", "30 m²", "5 m3": a power written right after a length.
  if (!area && is_length_unit(k) && adjacent(k) &&
      ((is_plain_integer(k + 1) && (lx_[k + 1].value == 2 || lx_[k + 1].value == 3) && !adjacent(k + 1)) ||
       is_symbol(k + 1, U'\u00b2') || is_symbol(k + 1, U'\u00b3')))
    return k + 2;
  return k + 1;
}

bool SentenceReader::is_length_unit(std::size_t k) const {
  if (role(k) == Role::suffix_scale) return surface(k) == "m";
  if (role(k) != Role::measure) return false;
  const std::string_view unit = lx_[k].info->unit;
  return unit == "m" || unit == "km" || unit == "cm" || unit == "mm" || unit == "ft" || unit == "in" || unit == "yd" ||
         unit == "mile";
}

std::string SentenceReader::measure_unit_name(std::size_t first, std::size_t end) {
  if (word_is(first, "metric")) return "t";  // "metric tons"
  const bool area = word_is(first, "square") || word_is(first, "sq");
  const std::size_t head = area ? end - 1 : first;
  std::string unit(role(head) == Role::measure ? lx_[head].info->unit : surface(head));
  if (area) return unit + "2";  // "square meters", "sq km"
  if (end - first == 2) {       // "20 m2", "5 m³"
    const std::size_t power = first + 1;
    return unit + (is_symbol(power, U'\u00b3') || (is_number(power) && lx_[power].value == 3) ? "3" : "2");
  }
  return unit;
}

std::size_t SentenceReader::read_temperature_scale(std::size_t k, std::string& unit) {
  // "degrees Celsius", "6 deg c", "98.6 degrees F", "-20 °C"
  if (role(k) == Role::measure && lx_[k].info->unit.starts_with("degree ")) {
    unit = std::string(lx_[k].info->unit);
    return k + 1;
  }
  if (word_is(k, "c") || word_is(k, "f")) {
    unit = word_is(k, "c") ? "degree Celsius" : "degree Fahrenheit";
    return k + 1;
  }
  return k;
}

std::size_t SentenceReader::read_inches_after_feet(std::size_t k, Quantity& q) {
  // "5 ft 2 in", "6ft 2in", "5 feet 11 inches": one length, in inches.
  if (q.unit != "ft" || !is_plain_integer(k) || lx_[k].value >= 12 || q.value != std::floor(q.value)) return k;
  const bool inches = (role(k + 1) == Role::measure && lx_[k + 1].info->unit == "in") || word_is(k + 1, "in");
  if (!inches) return k;
  q.value = q.value * 12 + lx_[k].value;
  q.unit = "in";
  return k + 2;
}

std::size_t SentenceReader::currency_country(std::size_t k, std::string& code) {
  if (!is_word(k)) return 0;
  std::size_t currency = k + 1;
  std::string country(lower(k));
  if (country == "u" && is_symbol(k + 1, '.') && word_is(k + 2, "s")) {  // "U.S."
    country = "us";
    currency = is_symbol(k + 3, '.') ? k + 4 : k + 3;
  } else if (country == "new" || country == "hong") {  // "New Zealand", "Hong Kong"
    country = lower(k + 1);
    ++currency;
  }
  const bool pounds = word_is(currency, "pounds") || word_is(currency, "pound");
  if (role(currency) != Role::currency && !pounds) return 0;
  const std::string_view word_code = pounds ? std::string_view("GBP") : lx_[currency].info->unit;
  // Dollars take the country's code ("Canadian dollars"); other currencies must agree with it.
  const std::string_view iso = vocabulary_.country_currency(country);
  if (iso.empty() || (word_code != "USD" && word_code != iso)) return 0;
  code = std::string(iso);
  return currency;
}

std::size_t SentenceReader::read_cents(std::size_t k, Quantity& q) {
  Amount cents;
  if (role(k) == Role::cent) {  // "5 euro cents"
    q.value *= word_value(k);
    return k + 1;
  }
  const std::size_t after_and = word_is(k, "and") ? k + 1 : k;  // "2 dollars (and) 30 cents"
  if (!read_amount(after_and, false, cents) || cents.kind != NumberKind::cardinal || cents.value >= 100) return k;
  if (role(cents.end) == Role::cent) {
    q.value += cents.value * word_value(cents.end);
    return cents.end + 1;
  }
  // "15 dollars 50", "thirteen dollars forty five": a bare minor amount after whole units,
  // two digits or spelled out, that counts nothing else.
  const bool whole = q.amount.value == std::floor(q.amount.value) && !q.amount.scale;
  const bool minor_form =
      cents.spelled ? !is_number(cents.first) : cents.plain_integer && lx_[cents.first].int_digits == 2;
  const bool ends_there = is_word(cents.end) ? !lx_[cents.end].info && counted_after(cents.end).empty()
                                             : !is_symbol(cents.end, '%') && !is_symbol(cents.end, '-');
  if (after_and == k && whole && minor_form && cents.value >= 1 && ends_there) {
    q.value += cents.value / 100;
    return cents.end;
  }
  return k;
}

bool SentenceReader::looks_like_label(std::size_t i, const Quantity& q) {
  if (!q.amount.plain_integer || q.kind != NumberKind::cardinal) return false;
  if (lx_[i].leading_zero || is_street_number(q.end)) return true;
  if (i == 0) return false;
  if (is_model_number(i, q)) return true;
  const std::size_t before = i - 1;
  if (!is_word(before) || !(lx_[before].capitalized || lx_[before].upper) || adjacent(before)) return false;
  if (lx_[before].info || is_year_number(i)) return false;  // months, number words, currencies; years
  const std::string_view w = lower(before);
  if (w.empty() || is_function_word(w)) return false;
  if (qualifier_before(i) != Qualifier::exact) return false;
  // "Windows 10 users", "iPhone 12 owners": the number is part of the name before it, even
  // with a plural after it, unless that is a span of time ("Twitter 50 years after"), the
  // word is only capitalized as the sentence's first ("Walk 2 blocks") or a place opens the
  // sentence with "In", "At" or "Across" ("In Ohio 300 workers lost jobs").
  const std::string_view c = counted_after(q.end);
  if (c.empty() || !nouns_.is_plural_noun(lower_of(c))) return true;
  if (is_time_unit(lower_of(c))) return false;
  if (before == 0 && !lx_[0].upper && text_[lx_[0].start] >= 'A' && text_[lx_[0].start] <= 'Z' &&
      !names_.contains(text_.substr(lx_[0].start, lx_[q.amount.end - 1].end - lx_[0].start)))
    return false;
  return !(before == 1 && (word_is(0, "in") || word_is(0, "at") || word_is(0, "across")));
}

bool SentenceReader::is_year_in_name(const Quantity& q, std::string_view counted) {
  if (counted.front() < 'A' || counted.front() > 'Z' || words::is_all_caps(counted) || q.first == 0) return false;
  const std::size_t before = q.first - 1;
  if (word_is(before, "the")) return true;
  if (before > 0 && word_is(before, "s") && adjacent(before - 1) &&
      (is_symbol(before - 1, '\'') || is_symbol(before - 1, U'\u2019')))
    return true;  // "Tokyo's 2020 Olympics"
  // "London 2012 Games": a name, not a word capitalized as the sentence's first, nor one of a
  // headline in Title Case ("Ford To Cut 1200 Jobs").
  return before > 0 && is_word(before) && lx_[before].capitalized && !lx_[before].info && !is_title_case();
}

bool SentenceReader::is_title_case() {
  for (std::size_t k = 1; k < n_; ++k)
    if (is_word(k) && is_word(k - 1) && !lx_[k - 1].upper && lx_[k].capitalized && !lx_[k].upper &&
        is_function_word(lower(k)))
      return true;
  return false;
}

bool SentenceReader::is_model_number(std::size_t i, const Quantity& q) {
  if (!(word_is(i - 1, "the") || role(i - 1) == Role::article)) return false;
  if (q.end != i + 1 || lx_[i].int_digits < 3 || lx_[i].int_digits > 4 || is_year_number(i)) return false;
  if (!counted_after(q.end).empty() || !is_word(q.end) || lx_[q.end].info) return false;
  // "the 737 Max", "a 500 Abarth": a name goes on after the number; "the 100 Greatest Hockey
  // Players" is a count of the plural that ends the title.
  if (lx_[q.end].capitalized) {
    for (std::size_t k = q.end; k < q.end + 4 && is_word(k) && lx_[k].capitalized; ++k)
      if (nouns_.is_plural_noun(lower(k))) return false;
    return true;
  }
  // "the 747 landed": a verb follows; a round number there is more often a count ("the 300
  // marched").
  const std::string_view next = lower(q.end);
  return std::fmod(q.value, 10) != 0 && !next.empty() && !is_function_word(next) && !nouns_.is_noun(next);
}

bool SentenceReader::is_street_number(std::size_t k) {
  // "10 Downing Street", "1600 Pennsylvania Ave."
  for (std::size_t e = k; e < k + 3 && is_word(e) && lx_[e].capitalized; ++e) {
    const std::string_view w = lower(e);
    if (e > k && (w == "street" || w == "st" || w == "avenue" || w == "ave" || w == "road" || w == "rd" ||
                  w == "boulevard" || w == "blvd" || w == "lane" || w == "drive" || w == "place" || w == "square"))
      return true;
  }
  return false;
}

bool NamesInDocument::contains(std::string_view name) {
  if (!read_) {
    read_ = true;
    const auto is_space = [](char c) {
      return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    };
    const auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
    const auto is_lower = [](char c) { return c >= 'a' && c <= 'z'; };
    const auto is_upper = [](char c) { return c >= 'A' && c <= 'Z'; };
    const std::size_t n = text_.size();
    for (std::size_t at = 2; at < n; ++at) {
      const char before = text_[at - 2];
      if (text_[at - 1] != ' ' || !is_upper(text_[at]) || !(is_lower(before) || before == ',' || is_digit(before)))
        continue;
      std::size_t e = at;
      while (e < n && !is_space(text_[e])) ++e;  // the word
      const std::size_t word_end = e;
      while (e < n && is_space(text_[e])) ++e;
      const std::size_t digits = e;
      while (e < n && is_digit(text_[e])) ++e;
      if (word_end == digits || e == digits || (e < n && (is_lower(text_[e]) || is_upper(text_[e])))) continue;
      names_.insert(text_.substr(at, e - at));
      at = e;
    }
  }
  return names_.contains(name);
}

std::string_view SentenceReader::lower_of(std::string_view word) {
  if (!lower_ascii(word, lower_)) return {};
  return lower_;
}

bool SentenceReader::is_pronoun_one(const Quantity& q) {
  const std::size_t i = q.amount.first;
  if (q.kind != NumberKind::cardinal || q.amount.end != i + 1 || !word_is(i, "one")) return false;
  const std::size_t next = i + 1;
  if (word_is(next, "of") || word_is(next, "another") || word_is(next, "who") || word_is(next, "that") ||
      word_is(next, "which"))
    return true;
  if (is_symbol(next, '\'') || is_symbol(next, U'\u2019')) return true;  // one's
  // "at one point", "at one stage": a certain one, not a count.
  if (i > 0 && word_is(i - 1, "at") && is_word(next)) {
    const std::string_view w = lower(next);
    if (!w.empty() && nouns_.is_noun(w) && !nouns_.is_plural_noun(w)) return true;
  }
  // "One said ...": a sentence opening with "one" and a verb is the pronoun.
  if (i == 0 && is_word(next) && is_function_word(lower(next))) return true;
  for (std::size_t back = 1; back <= 2 && back <= i; ++back) {
    if (!is_word(i - back)) break;
    const std::string_view w = lower(i - back);
    if (w == "the" || w == "this" || w == "that" || w == "which" || w == "no" || w == "any" || w == "every" ||
        w == "each" || w == "another" || w == "some" || w == "a" || w == "an" || w == "whichever" || w == "my" ||
        w == "your" || w == "his" || w == "her" || w == "its" || w == "our" || w == "their" || w == "someone" ||
        w == "anyone")
      return true;
    // "a serious one", "the right one": an adjective before a lone "one"
    if (back == 1 && is_adjective_only(i - 1)) return counted_after(q.end).empty();
    break;
  }
  return false;
}

bool SentenceReader::is_adverb_first(const Quantity& q) {
  const std::size_t i = q.amount.first;
  if (q.kind != NumberKind::ordinal || q.amount.end != i + 1 || !word_is(i, "first")) return false;
  if ((i > 0 && word_is(i - 1, "at")) || (word_is(i + 1, "of") && word_is(i + 2, "all"))) return true;
  // "cut from us first.", "First, ...", "went first and": nothing follows that it could rank.
  const bool ends_clause = !is_word(i + 1) || word_is(i + 1, "and") || word_is(i + 1, "but");
  return ends_clause && !preceded_by_determiner(i) && counted_after(q.end).empty();
}

bool SentenceReader::is_name_part(const Quantity& q) {
  const std::size_t i = q.amount.first;
  if (q.kind != NumberKind::cardinal || q.amount.end != i + 1 || !is_word(i) || i == 0) return false;
  if (!lx_[i].capitalized || lx_[i].upper) return false;
  // "Formula One", "Air Force One", "Channel Four News": a capitalized number word inside a name.
  const auto name_word = [&](std::size_t k) {
    if (!is_word(k) || !lx_[k].capitalized || lx_[k].info) return false;
    const std::string_view w = lower(k);
    return !w.empty() && !is_function_word(w);
  };
  return name_word(i - 1) || name_word(i + 1);
}

bool SentenceReader::is_adjective_only(std::size_t k) {
  const std::string_view w = lower(k);
  return !w.empty() && !lx_[k].info && nouns_.is_adjective(w);
}

std::size_t SentenceReader::read_quantity(std::size_t i) {
  Quantity q;
  if (!read_quantity_at(i, q)) return 0;
  if (is_pronoun_one(q) || is_time_second(q) || is_adverb_first(q) || is_name_part(q)) return q.amount.end;
  if (q.amount.end <= q.amount.first) return 0;  // nothing read

  if (const std::size_t end = read_ordinal_range(q)) return end;

  // Range partner: "10-20%", "10 to 20 percent", "between 10 and 20", "from $5 to $10".
  const bool between = i > 0 && word_is(i - 1, "between");
  const bool from = i > 0 && word_is(i - 1, "from");
  std::size_t joint = q.end;
  const bool dash = is_symbol(joint, '-') || is_symbol(joint, '~');
  const bool to = word_is(joint, "to") || word_is(joint, "through");
  const bool and_ = between && word_is(joint, "and");
  Quantity second;
  if ((dash || to || and_) && q.kind != NumberKind::ordinal && q.kind != NumberKind::fraction &&
      read_quantity_at(joint + 1, second) && second.kind != NumberKind::ordinal &&
      !(dash && (is_word(q.amount.first) || is_word(second.amount.first)))) {
    // The sides lend each other their unit and scale ("10-20%", "$5-10 million").
    Quantity first = q;
    if (second.unit.empty() && first.kind == NumberKind::money && second.kind == NumberKind::cardinal) {
      second.unit = first.unit;
      second.kind = first.kind;
    }
    if (first.unit.empty() && !second.unit.empty() &&
        (first.kind == NumberKind::cardinal || first.kind == NumberKind::fraction)) {
      first.unit = second.unit;
      first.kind = second.kind;
      if (second.kind == NumberKind::money && second.value != second.amount.value && second.amount.value != 0)
        first.value *= second.value / second.amount.value;  // cents
    }
    if (second.unit.starts_with(first.unit + "/")) first.unit = second.unit;  // "$5 to $10 a month"
    if (!first.amount.scale && second.amount.scale && first.value * second.amount.scale <= second.value) {
      first.value *= second.amount.scale;
    }
    const bool same_unit = first.unit == second.unit;
    const bool years = first.amount.plain_integer && second.amount.plain_integer && first.unit.empty() &&
                       second.unit.empty() && is_year_number(i) && is_year_number(joint + 1);
    if (same_unit && first.value < second.value && (between || from || dash || to)) {
      const std::string_view counted = counted_after(second.end);
      if (years && counted.empty() && (between || from)) {  // "from 2014 to 2018": a span of time
        emit(first.first, second.end, NumberKind::interval,
             format_decimal(first.value) + "/" + format_decimal(second.value));
        return second.end;
      }
      const NumberKind kind = years && counted.empty() ? NumberKind::year : NumberKind::range;
      emit(first.first, second.end, kind, format_decimal(first.value) + ".." + format_decimal(second.value), first.unit,
           Qualifier::exact, kind == NumberKind::year ? std::string_view() : counted);
      return second.end;
    }
    if (same_unit && !years && to && !first.unit.empty()) {
      // "44 to 42 percent": two values that share the unit.
      emit_quantity(first, counted_after(second.end));
      return q.end;
    }
  }
  if (const std::size_t end = read_bounded_range(q)) return end;
  emit_quantity(q, {});
  return q.end;
}

std::size_t SentenceReader::read_ordinal_range(const Quantity& q) {
  if (q.kind != NumberKind::ordinal || q.first == 0) return 0;
  const std::size_t opener = word_is(q.first - 1, "the") && q.first >= 2 ? q.first - 2 : q.first - 1;
  const bool between = word_is(opener, "between");
  if (!between && !word_is(opener, "from")) return 0;
  std::size_t p = q.end;
  if (!(between ? word_is(p, "and") : word_is(p, "to") || word_is(p, "through"))) return 0;
  ++p;
  if (word_is(p, "the")) ++p;
  Quantity second;
  if (!read_quantity_at(p, second) || second.kind != NumberKind::ordinal || !(q.value < second.value)) return 0;
  emit(q.first, second.end, NumberKind::range, format_decimal(q.value) + ".." + format_decimal(second.value), {},
       Qualifier::exact, counted_after(second.end));
  return second.end;
}

bool SentenceReader::is_time_second(const Quantity& q) {
  const std::size_t i = q.amount.first;
  if (q.kind != NumberKind::ordinal || q.amount.end != i + 1 || !word_is(i, "second")) return false;
  if (i == 0) return false;
  const bool unit_context = role(i - 1) == Role::article || role(i - 1) == Role::per || word_is(i - 1, "split") ||
                            is_number(i - 1) || is_number_word(i - 1);
  return unit_context && counted_after(q.end).empty();
}

std::size_t SentenceReader::read_bounded_range(const Quantity& q) {
  const Qualifier first_bound = qualifier_before(q.first);
  const bool first_low = first_bound == Qualifier::over || first_bound == Qualifier::atleast;
  const bool first_high =
      first_bound == Qualifier::under || first_bound == Qualifier::atmost || first_bound == Qualifier::upto;
  if (!first_low && !first_high) return 0;
  std::size_t p = q.end;
  if (!(word_is(p, "and") || word_is(p, "but") || is_symbol(p, ','))) return 0;
  for (++p; p < n_ && p <= q.end + 6 && is_word(p) && !lx_[p].info; ++p) {
  }
  Quantity second;
  if (p == q.end + 1 || !read_quantity_at(p, second)) return 0;
  const Qualifier second_bound = qualifier_before(p);
  const bool second_low = second_bound == Qualifier::over || second_bound == Qualifier::atleast;
  const bool second_high =
      second_bound == Qualifier::under || second_bound == Qualifier::atmost || second_bound == Qualifier::upto;
  if (!((first_low && second_high) || (first_high && second_low))) return 0;
  if (!q.unit.empty() && !second.unit.empty() && q.unit != second.unit) return 0;
  // "more than 3 percent and fewer than 10 firms" bounds two different things.
  if (!q.unit.empty() && second.unit.empty() && !counted_after(second.end).empty()) return 0;
  std::string unit = q.unit.empty() ? second.unit : q.unit;
  const double low = first_low ? q.value : second.value;
  const double high = first_low ? second.value : q.value;
  if (!(low < high)) return 0;
  emit(q.first, second.end, NumberKind::range, format_decimal(low) + ".." + format_decimal(high), std::move(unit),
       Qualifier::exact, counted_after(second.end));
  return second.end;
}

void SentenceReader::emit_quantity(const Quantity& q, std::string_view counted_hint) {
  if (!std::isfinite(q.value)) {  // "9^999": no value a reader can compute with
    emit(q.first, q.end, NumberKind::label, digits_as_written(q.first, q.end));
    return;
  }
  NumberKind kind = q.kind;
  Qualifier qualifier = q.amount.implied != Qualifier::exact ? q.amount.implied : qualifier_before(q.first);
  std::string_view counted =
      kind == NumberKind::percent && !word_is(q.end, "of") ? std::string_view() : counted_after(q.end);
  if (counted.empty()) counted = counted_hint;
  if (qualifier == Qualifier::exact) {
    qualifier = qualifier_after(q.end);
    if (qualifier != Qualifier::exact && counted.empty()) counted = counted_after(q.end + 2);  // "20 or more boats"
  }
  // "1700 out of 500,000 members": both count the members.
  Quantity whole;
  const bool out_of = word_is(q.end, "out") && word_is(q.end + 1, "of") && read_quantity_at(q.end + 2, whole);
  if (counted.empty() && out_of) counted = counted_after(whole.end);
  if (is_verb_after_count(q, counted)) counted = {};
  if (emit_age(q, qualifier)) return;
  std::string value = format_decimal(q.value);
  if (kind == NumberKind::cardinal && q.amount.plain_integer) {
    if (looks_like_label(q.amount.first, q)) {
      emit(q.first, q.end, NumberKind::label, std::string(surface(q.amount.first)));
      return;
    }
    const bool plural_counted =
        !counted.empty() && nouns_.is_plural_noun(lower_of(counted)) && !is_year_in_name(q, counted);
    if (is_year_number(q.amount.first) && !plural_counted && !out_of && qualifier == Qualifier::exact) {
      emit(q.first, q.end, NumberKind::year, std::move(value));
      return;
    }
  }
  if ((kind == NumberKind::cardinal || kind == NumberKind::fraction) && q.unit.empty() && q.value > 0 &&
      emit_duration(q, qualifier))
    return;
  emit(q.first, q.end, kind, std::move(value), q.unit, qualifier, counted);
}

}  // namespace numbers_detail

std::vector<NumberMention> NumberExtractor::extract(std::string_view raw_text, const Analysis& analysis,
                                                    const std::optional<CalendarDate>& document_date,
                                                    DateOrder order) const {
  std::string scratch;
  const std::string_view text = checked_input(raw_text, analysis, scratch, "tmk::NumberExtractor::extract");
  std::vector<NumberMention> out;
  std::vector<Lexeme> lexemes;
  NamesInDocument names(text);
  const auto read_span = [&](std::size_t begin, std::size_t end, std::size_t sentence) {
    const std::size_t first = out.size();
    lexemes.clear();
    lex(text, begin, end, lexicon_->vocabulary, lexemes);
    SentenceReader(text, lexemes, lexicon_->vocabulary, names, out).run();
    join_date_intervals(text, out, first);
    for (std::size_t i = first; i < out.size(); ++i) out[i].sentence = sentence;
  };
  if (analysis.sentences.empty()) {
    read_span(0, text.size(), 0);
  } else {
    for (std::size_t s = 0; s < analysis.sentences.size(); ++s)
      read_span(analysis.sentences[s].span.start, analysis.sentences[s].span.end, s);
  }
  order_slash_dates(text, out, order, lexicon_->vocabulary);
  const std::optional<CalendarDate> today = document_date ? document_date : find_dateline(text, out);
  if (today) {
    for (NumberMention& m : out) {
      if ((m.kind == NumberKind::date || m.kind == NumberKind::year || m.kind == NumberKind::interval) &&
          (m.value.starts_with("rel:") || m.value.starts_with("--")))
        m.value = resolve_date_value(m.value, *today);
    }
  }
  return out;
}

}  // namespace tmk
