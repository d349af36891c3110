// Amounts for the number extractor: digits with their suffixes, spelled-out cardinals,
// ordinals and fractions ("two hundred and five", "twenty-first", "three quarters", "10k").
#include <charconv>
#include <cmath>
#include <string>

#include "numbers/numbers_reader.hpp"

namespace tmk::numbers_detail {

std::size_t SentenceReader::read_fraction_tail(std::size_t i, double& fraction) {
  double numerator = 0;
  std::size_t j = i;
  if (role(j) == Role::article || word_is(j, "one")) {
    numerator = 1;
    ++j;
    if (role(j) == Role::half) {
      fraction = 0.5;
      return j + 1;
    }
    if (role(j) == Role::quarter) {
      fraction = 0.25;
      return j + 1;
    }
  } else {
    Amount whole;
    if (!read_cardinal_words(j, whole) || whole.kind != NumberKind::fraction) return 0;
    fraction = whole.value;
    return whole.end;
  }
  double denominator = 0;
  const std::size_t e = read_denominator(j, denominator);
  if (!e || denominator == 2) return 0;
  fraction = numerator / denominator;
  return e;
}

std::size_t SentenceReader::read_plural_denominator(std::size_t j, double& denominator) {
  if (role(j) == Role::denominator) {
    denominator = word_value(j);
    return j + 1;
  }
  if (role(j) == Role::tens) {
    std::size_t k = j + 1;
    if (is_symbol(k, '-')) ++k;
    if (role(k) == Role::denominator && word_value(k) < 10) {
      denominator = word_value(j) + word_value(k);
      return k + 1;
    }
  }
  return 0;
}

bool SentenceReader::fraction_follows(std::size_t j) {
  if (role(j) == Role::article || word_is(j, "one")) {
    const Role r = role(j + 1);
    if (r == Role::half || r == Role::quarter || r == Role::ordinal || r == Role::ordinal_scale) return true;
  }
  while (j < n_ && (is_number_word(j) || is_symbol(j, '-'))) ++j;
  return role(j) == Role::denominator;
}

std::size_t SentenceReader::read_denominator(std::size_t j, double& denominator) {
  if (role(j) == Role::ordinal || role(j) == Role::ordinal_scale || role(j) == Role::denominator) {
    denominator = word_value(j);
    return j + 1;
  }
  if (role(j) == Role::tens) {
    std::size_t k = j + 1;
    if (is_symbol(k, '-')) ++k;
    if ((role(k) == Role::ordinal || role(k) == Role::denominator) && word_value(k) < 10) {
      denominator = word_value(j) + word_value(k);
      return k + 1;
    }
  }
  return 0;
}

// A number is read in steps: a sign, then one of the set phrases ("a fifth", "dozens of",
// "a couple", "half a million"), else a whole number read word by word, which a fraction
// ("two thirds"), "and a half", spoken decimals ("point five") or a ratio ("one in three")
// may complete.
bool SentenceReader::read_number(std::size_t i, bool money, Amount& a, bool words_only) {
  a = Amount();
  a.first = i;
  double sign = 1;
  const std::size_t j = read_sign(i, words_only, sign);
  if (read_one_over_ordinal(j, sign, a)) return true;
  if (!words_only && (read_plural_scale_of(j, sign, a) || read_couple(j, a))) return true;
  switch (read_half_or_quarter(j, sign, a)) {
    case Match::found:
      return true;
    case Match::refused:
      return false;
    case Match::none:
      break;
  }
  WholeNumber whole;
  read_whole_number(j, money, words_only, whole, a);
  if (whole.suffixed) {  // "21st", "3/4", "2½": the digits' suffix ends the number
    a.value = sign * whole.value();
    a.end = whole.accepted;
    return true;
  }
  if (whole.accepted == j) return false;
  a.spelled = whole.words > 0;
  a.end = whole.accepted;
  a.value = whole.value();
  if (a.kind == NumberKind::ordinal) {
    a.value *= sign;
    return true;
  }
  // `accepted` never ends on a dangling "a" or "and"; what follows may complete the number.
  std::size_t k = a.end;
  if (read_plural_fraction(k, whole, a)) {
    a.value *= sign;
    return true;
  }
  k = read_and_fraction(k, whole, a);
  k = read_spoken_decimals(k, whole, a);
  if (!money) read_ratio(k, a);
  a.value *= sign;
  a.plain_integer = !a.spelled && whole.digits && sign > 0 && !a.scale && a.end == j + 1 && is_plain_integer(j);
  return true;
}

std::size_t SentenceReader::read_sign(std::size_t i, bool words_only, double& sign) {
  if (role(i) == Role::minus && (is_number(i + 1) || is_number_word(i + 1))) {
    sign = -1;
    return i + 1;
  }
  if (!words_only && is_symbol(i, '-') && is_number(i + 1) && minus_sign_at(i)) {
    sign = -1;
    return i + 1;
  }
  return i;
}

bool SentenceReader::read_one_over_ordinal(std::size_t j, double sign, Amount& a) {
  if (role(j) != Role::article && !word_is(j, "one")) return false;
  double denominator = 0;
  const bool dash = is_symbol(j + 1, '-') && word_is(j, "one");
  const std::size_t e = read_denominator(j + 1 + dash, denominator);
  // Not "a first", "a second" (of time) or "a nineteenth-century house".
  if (!e || denominator <= 2 || (role(j) == Role::article && role(j + 1) == Role::denominator) ||
      (is_symbol(e, '-') && adjacent(e - 1)))
    return false;
  a.value = sign / denominator;
  a.kind = NumberKind::fraction;
  a.end = e;
  a.spelled = true;
  return true;
}

bool SentenceReader::read_plural_scale_of(std::size_t j, double sign, Amount& a) {
  if (role(j) != Role::plural_scale && !word_is(j, "dozens")) return false;
  double unit = word_value(j);
  std::size_t e = j + 1;
  if (word_is(e, "of") && role(e + 1) == Role::plural_scale && word_value(e + 1) > unit) {  // "tens of thousands"
    unit *= word_value(e + 1);
    e += 2;
  }
  // Not "five hundreds of", "a thousands of": a count before it makes it a plain plural.
  if (!word_is(e, "of") || (j > 0 && (role(j - 1) == Role::article || is_number(j - 1) || is_number_word(j - 1))))
    return false;
  a.value = sign * 2 * unit;
  a.implied = Qualifier::atleast;
  a.end = e;
  a.spelled = true;
  return true;
}

bool SentenceReader::read_couple(std::size_t j, Amount& a) {
  if (role(j) != Role::article || role(j + 1) != Role::couple) return false;
  a.value = 2;
  a.implied = Qualifier::approx;
  a.end = j + 2;
  a.spelled = true;
  return true;
}

SentenceReader::Match SentenceReader::read_half_or_quarter(std::size_t j, double sign, Amount& a) {
  std::size_t k = j;
  const bool article = role(k) == Role::article || word_is(k, "one");
  if (article) ++k;
  if (role(k) != Role::half && !(role(k) == Role::quarter && (article || role(k + 1) == Role::scale)))
    return Match::none;
  const double part = word_value(k);
  if (is_symbol(k + 1, '-') && adjacent(k)) return Match::refused;  // "half-time"
  std::size_t e = k + 1;
  if (role(e) == Role::article && (role(e + 1) == Role::scale || role(e + 1) == Role::dozen)) ++e;
  if (role(e) == Role::scale || role(e) == Role::dozen) {  // "half a million", "quarter million"
    a.value = sign * part * word_value(e);
    a.scale = word_value(e);
    a.end = e + 1;
  } else {
    // "the first half", "its half": a share, not a number.
    if (!article && role(k) == Role::half && k > 0 && preceded_by_determiner(k)) return Match::refused;
    a.value = sign * part;
    a.kind = NumberKind::fraction;
    a.end = e;
  }
  a.spelled = true;
  return Match::found;
}

void SentenceReader::read_whole_number(std::size_t j, bool money, bool words_only, WholeNumber& w, Amount& a) {
  w.accepted = j;
  for (std::size_t k = j; k < n_;) {
    const Role r = role(k);
    bool more = false;
    if (is_number(k) && !words_only) {
      more = take_digits(j, k, money, w, a);
    } else if (r == Role::unit || r == Role::teen) {
      more = take_unit_or_teen(j, k, w);
    } else if (r == Role::tens) {
      more = take_tens(k, w);
    } else if (r == Role::hundred) {
      more = take_hundred(k, w);
    } else if (r == Role::scale) {
      more = take_scale(k, w, a);
    } else if (r == Role::dozen) {
      more = take_dozen(k, w);
    } else if (r == Role::article && w.last == Last::none) {
      // "a hundred", "a million", "a dozen": the article stands for one.
      const Role next = role(k + 1);
      more = next == Role::hundred || next == Role::scale || next == Role::dozen;
      if (more) {
        w.last = Last::article;
        ++k;
      }
    } else if (r == Role::and_word && (w.last == Last::hundred || w.last == Last::scale) &&
               (is_number_word(k + 1) || (is_plain_integer(k + 1) && !words_only && lx_[k + 1].value != 0)) &&
               !fraction_follows(k + 1)) {
      // "two hundred and five": accepted once the next number word is.
      w.current_at_and = w.current;
      w.and_at = k++;
      more = true;
    } else if (is_symbol(k, '-') && w.last == Last::tens &&
               (role(k + 1) == Role::unit || role(k + 1) == Role::ordinal || role(k + 1) == Role::denominator) &&
               (role(k + 1) == Role::unit || word_value(k + 1) < 10)) {
      ++k;  // "twenty-one", "twenty-first"
      more = true;
    } else if ((r == Role::ordinal || r == Role::ordinal_scale) && w.last != Last::article && w.last != Last::dozen) {
      take_ordinal(k, w, a);  // an ordinal ends the number
    }
    if (!more) break;
  }
}

bool SentenceReader::take_digits(std::size_t j, std::size_t& k, bool money, WholeNumber& w, Amount& a) {
  if (lx_[k].vulgar) {
    if (w.last == Last::digits && w.current == std::floor(w.current)) {  // "2½"
      w.current += lx_[k].value;
      a.kind = NumberKind::fraction;
      w.accepted = ++k;
    } else if (w.last == Last::none) {
      w.current = lx_[k].value;
      a.kind = NumberKind::fraction;
      w.accepted = ++k;
    }
    return false;
  }
  const bool first = w.last == Last::none;
  // "2 million 300 thousand": digits after a scale word, "three hundred and 5" after "and".
  const bool after_word_scale = (w.last == Last::hundred || w.last == Last::scale) && w.words > 0 && !lx_[k].grouped &&
                                (k == j || !is_number(k - 1));
  const bool after_and = k > j && word_is(k - 1, "and") && (w.last == Last::hundred || w.last == Last::scale);
  if (!first && !after_word_scale && !after_and) return false;
  if (!first && lx_[k].value >= (w.last == Last::hundred ? 100 : w.last_scale)) return false;
  w.current += lx_[k].value;
  w.tail = lx_[k].value;
  w.last = Last::digits;
  w.digits = true;
  w.accepted = ++k;
  if (first) {
    k = read_digit_suffixes(k, money, w.current, a);
    w.accepted = k;
    if (a.scale) {  // "10k", "$3.2m"
      w.total += w.current;
      w.current = 0;
      w.last_scale = a.scale;
      w.last = Last::scale;
    }
    if (a.kind == NumberKind::fraction || a.kind == NumberKind::ordinal) {
      w.suffixed = true;
      return false;
    }
  }
  return true;
}

bool SentenceReader::take_unit_or_teen(std::size_t j, std::size_t& k, WholeNumber& w) {
  const Role r = role(k);
  const bool after_tens = w.last == Last::tens && r == Role::unit && word_value(k) > 0;  // "twenty one"
  if (!(w.last == Last::none || w.last == Last::hundred || w.last == Last::scale || after_tens)) return false;
  if (k > j && word_is(k - 1, "and") && w.last == Last::none) return false;
  w.current += word_value(k);
  w.tail = after_tens ? w.tail + word_value(k) : word_value(k);
  return w.accept(k, r == Role::unit ? Last::unit : Last::teen);
}

bool SentenceReader::take_tens(std::size_t& k, WholeNumber& w) {
  if (!(w.last == Last::none || w.last == Last::hundred || w.last == Last::scale)) return false;
  w.current += word_value(k);
  w.tail = word_value(k);
  return w.accept(k, Last::tens);
}

bool SentenceReader::take_hundred(std::size_t& k, WholeNumber& w) {
  if (w.last == Last::article)
    w.current = 1;
  else if (!(w.last == Last::unit || w.last == Last::teen || w.last == Last::tens || w.last == Last::digits))
    return false;
  if (w.group_has_hundred) {
    w.back_to_and();  // "3 hundred and 2 hundred": two numbers
    return false;
  }
  if (w.last == Last::digits && w.current >= 1000) return false;
  w.group_has_hundred = true;
  w.current *= 100;
  w.tail = 0;
  return w.accept(k, Last::hundred);
}

bool SentenceReader::take_scale(std::size_t& k, WholeNumber& w, Amount& a) {
  if (w.last == Last::scale && word_value(k) > w.last_scale) {
    // "1.5 lakh crore", "a thousand million": a larger scale right after a smaller one multiplies it.
    w.total *= word_value(k);
    w.last_scale = word_value(k);
    a.scale = w.last_scale;
    return w.accept(k, Last::scale);
  }
  if (w.last == Last::article)
    w.current = 1;
  else if (!(w.last == Last::unit || w.last == Last::teen || w.last == Last::tens || w.last == Last::hundred ||
             w.last == Last::digits))
    return false;
  const double s = word_value(k);
  if (s >= w.last_scale) {
    w.back_to_and();  // "1 million and 2 million": two numbers
    return false;
  }
  w.total += w.current * s;
  w.current = 0;
  w.tail = 0;
  w.group_has_hundred = false;
  w.last_scale = s;
  a.scale = s;
  return w.accept(k, Last::scale);
}

bool SentenceReader::take_dozen(std::size_t& k, WholeNumber& w) {
  if (w.last == Last::article)
    w.current = w.tail = 1;
  else if (!(w.last == Last::unit || w.last == Last::teen || w.last == Last::tens || w.last == Last::digits))
    return false;
  w.current += w.tail * 11;  // "three dozen": the tail counted twelve times
  w.tail = 0;
  return w.accept(k, Last::dozen);
}

void SentenceReader::take_ordinal(std::size_t& k, WholeNumber& w, Amount& a) {
  // Compound ordinals: "twenty-first", "one hundred twenty fifth", "two hundredth".
  const Role r = role(k);
  const double v = word_value(k);
  if (r == Role::ordinal && w.last != Last::none && w.last != Last::tens && w.last != Last::hundred &&
      w.last != Last::scale)
    return;
  if (r == Role::ordinal && w.last == Last::tens && v >= 10) return;
  if (r == Role::ordinal_scale) {
    w.current = (w.last == Last::none ? 1 : w.current) * v;
  } else {
    w.current += v;
  }
  a.kind = NumberKind::ordinal;
  w.accepted = ++k;
  ++w.words;
}

bool SentenceReader::read_plural_fraction(std::size_t k, const WholeNumber& w, Amount& a) {
  // "two thirds", "five - eighths", "three twenty-firsts", "3 quarters".
  if (w.last == Last::scale || w.last == Last::dozen) return false;
  double denominator = 0;
  const std::size_t denominator_end = read_plural_denominator(is_symbol(k, '-') ? k + 1 : k, denominator);
  if (!denominator_end) return false;
  double numerator = a.value;
  if (w.last == Last::tens && denominator < 10 && k > 0 && is_symbol(k - 1, '-')) {  // "twenty-firsts"
    numerator -= w.tail;
    denominator += w.tail;
  }
  if (numerator <= 0) return false;
  a.value = numerator / denominator;
  a.kind = NumberKind::fraction;
  k = a.end = denominator_end;
  if (word_is(k, "of") && role(k + 1) == Role::article && role(k + 2) == Role::scale) {  // "two thirds of a million"
    a.value *= word_value(k + 2);
    a.kind = NumberKind::cardinal;
    a.end = k + 3;
  }
  return true;
}

std::size_t SentenceReader::read_and_fraction(std::size_t k, const WholeNumber& w, Amount& a) {
  // "three and a half", "3 million and a half", "one billion and three quarters million"
  if (role(k) != Role::and_word || w.last == Last::none) return k;
  double fraction = 0;
  const std::size_t e = read_fraction_tail(k + 1, fraction);
  if (!e) return k;
  std::size_t end = e;
  const bool scale_follows = role(e) == Role::scale && word_value(e) < w.last_scale;
  if (w.last == Last::scale) {  // "3 million and a half", "one billion and a quarter million"
    a.value += fraction * (scale_follows ? word_value(e) : w.last_scale);
    if (scale_follows) end = e + 1;
  } else {
    a.value += fraction;
    if (scale_follows) {  // "five and a half million"
      a.value *= word_value(e);
      a.scale = word_value(e);
      end = e + 1;
    } else {
      a.kind = NumberKind::fraction;
    }
  }
  return a.end = end;
}

std::size_t SentenceReader::read_spoken_decimals(std::size_t k, const WholeNumber& w, Amount& a) {
  // "two hundred point zero three", "nine point nought four", "one point twenty-five"
  if (role(k) != Role::point || !a.spelled || w.last == Last::scale) return k;
  std::string decimals;
  std::size_t e = k + 1;
  while (e < n_) {
    const Role r = role(e);
    if (r == Role::unit) {  // digit by digit
      decimals += static_cast<char>('0' + static_cast<int>(word_value(e)));
      ++e;
    } else if ((r == Role::teen || r == Role::tens) && decimals.empty()) {  // as one number
      int v = static_cast<int>(word_value(e));
      ++e;
      if (r == Role::tens) {
        std::size_t f = e;
        if (is_symbol(f, '-')) ++f;
        if (role(f) == Role::unit && word_value(f) > 0) {
          v += static_cast<int>(word_value(f));
          e = f + 1;
        }
      }
      decimals += std::to_string(v);
      break;
    } else {
      break;
    }
  }
  if (decimals.empty()) return k;
  double fraction = 0;
  const std::string digits_text = "0." + decimals;
  std::from_chars(digits_text.data(), digits_text.data() + digits_text.size(), fraction);
  a.value += fraction;
  return a.end = e;
}

void SentenceReader::read_ratio(std::size_t k, Amount& a) {
  // "one over three", "2000 over 3", "one out of three", "1 in twenty-one"
  if (a.kind != NumberKind::cardinal || a.scale) return;
  const bool over = word_is(k, "over");
  const bool out_of = word_is(k, "out") && word_is(k + 1, "of");
  const bool in = word_is(k, "in");
  if (!over && !out_of && !in) return;
  Amount denominator;
  const std::size_t d = out_of ? k + 2 : k + 1;
  if (!read_number(d, false, denominator, false) || denominator.kind != NumberKind::cardinal ||
      denominator.value == 0 || (is_word(denominator.end) && !is_function_word(lower(denominator.end)) && over))
    return;
  // Digits alone make a ratio only with "over" and no word after it ("2000 over 3"); "in" and
  // "out of" want a number word, a part smaller than the whole, and no year ("one in 2012").
  const bool spelled = a.spelled || denominator.spelled;
  const bool ratio = over ? (spelled || !is_word(denominator.end))
                          : spelled && a.value < denominator.value && !(is_year_number(d) && in);
  if (!ratio) return;
  a.value /= denominator.value;
  a.kind = NumberKind::fraction;
  a.end = denominator.end;
}

bool SentenceReader::minus_sign_at(std::size_t j) const {
  if (!adjacent(j)) {  // "- 1 4/5": a sign only at the start of the sentence
    return j == 0;
  }
  if (j == 0) return true;
  const Lexeme& before = lx_[j - 1];
  if (before.end == lx_[j].start && before.kind != LexKind::symbol) return false;
  if (before.kind == LexKind::number) return false;
  return true;
}

std::size_t SentenceReader::read_digit_suffixes(std::size_t k, bool money, double& current, Amount& a) {
  const std::size_t number = k - 1;
  // a/b and mixed numbers "2 1/4"
  if (is_symbol(k, '/') && adjacent(number) && adjacent(k) && is_plain_integer(k + 1) && is_plain_integer(number) &&
      lx_[k + 1].value != 0 && !(adjacent(k + 1) && is_word(k + 2))) {
    current /= lx_[k + 1].value;
    a.kind = NumberKind::fraction;
    return k + 2;
  }
  if (is_plain_integer(number) && is_plain_integer(k) && lx_[k].int_digits <= 2 && is_symbol(k + 1, '/') &&
      adjacent(k) && adjacent(k + 1) && is_plain_integer(k + 2) && lx_[k].value < lx_[k + 2].value &&
      lx_[k + 2].int_digits <= 2) {
    current += lx_[k].value / lx_[k + 2].value;
    a.kind = NumberKind::fraction;
    return k + 3;
  }
  if (lx_[k < n_ ? k : number].kind == LexKind::number && k < n_ && lx_[k].vulgar) {
    current += lx_[k].value;
    a.kind = NumberKind::fraction;
    return k + 1;
  }
  // 1.1^23, 2.5^-1
  if (is_symbol(k, '^') && adjacent(number) && adjacent(k)) {
    std::size_t e = k + 1;
    int minus = 0;
    while (e < n_ && (is_symbol(e, '-') || is_symbol(e, '+'))) minus += is_symbol(e++, '-');
    if (is_number(e)) {
      const double exponent = (minus % 2 ? -1 : 1) * lx_[e].value;
      current = std::pow(current, exponent);
      return e + 1;
    }
  }
  // 1.3x10^6
  if (adjacent(number) && word_is(k, "x") && adjacent(k) && is_number(k + 1) && lx_[k + 1].value == 10 &&
      adjacent(k + 1) && is_symbol(k + 2, '^') && adjacent(k + 2)) {
    std::size_t e = k + 3;
    double exponent_sign = 1;
    if (is_symbol(e, '-') || is_symbol(e, '+')) exponent_sign = is_symbol(e++, '-') ? -1 : 1;
    if (is_number(e)) {
      current *= std::pow(10.0, exponent_sign * lx_[e].value);
      return e + 1;
    }
  }
  // "21st", "2nd"
  if (adjacent(number) && is_ordinal_suffix(k) && is_plain_integer(number)) {
    a.kind = NumberKind::ordinal;
    return k + 1;
  }
  if (adjacent(number) && is_word(k) && surface(k) == "MM") {  // "1MM": a million in finance
    current *= 1e6;
    a.scale = 1e6;
    return k + 1;
  }
  // Scale suffixes.
  if (role(k) == Role::suffix_scale) {
    const std::string_view s = surface(k);
    const bool attached = adjacent(number);
    const bool single_upper = s.size() == 1 && s[0] >= 'A' && s[0] <= 'Z';
    bool ok = false;
    if (attached) {
      // "1m", "10g", "5mm" are metres, grams and millimetres unless money is meant.
      if (s == "m" || s == "g" || s == "mm")
        ok = money;
      else
        ok = true;
      if (s == "M" || s == "G") ok = true;
    } else if (s.size() == 1) {
      // "2.33 k", "1,674.5 G": a lone scale letter at the end of the phrase.
      ok = (s == "k" || s == "K" || single_upper || money) && !is_word(k + 1) && !is_number(k + 1);
      if (s == "m" && !money) ok = false;
    } else {
      ok = s != "mm";  // "3 mln", "10 bln", "$2 bn"
    }
    if (ok) {
      current *= word_value(k);
      a.scale = word_value(k);
      return k + 1;
    }
  }
  return k;
}

bool SentenceReader::preceded_by_determiner(std::size_t k) {
  if (k == 0 || !is_word(k - 1)) return false;
  const std::string_view w = lower(k - 1);
  return w == "the" || w == "first" || w == "second" || w == "other" || w == "this" || w == "that" || w == "its" ||
         w == "their" || w == "his" || w == "her" || w == "my" || w == "our" || w == "your";
}

}  // namespace tmk::numbers_detail
