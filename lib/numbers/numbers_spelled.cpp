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

bool SentenceReader::read_number(std::size_t i, bool money, Amount& a, bool words_only) {
  a = Amount();
  a.first = i;
  std::size_t j = i;
  double sign = 1;
  if (role(j) == Role::minus && (is_number(j + 1) || is_number_word(j + 1))) {
    sign = -1;
    ++j;
  } else if (!words_only && is_symbol(j, '-') && is_number(j + 1) && minus_sign_at(j)) {
    sign = -1;
    ++j;
  }

  // "a fifth", "one eighth", "a twenty-first": one over an ordinal.
  if (role(j) == Role::article || word_is(j, "one")) {
    double denominator = 0;
    const bool dash = is_symbol(j + 1, '-') && word_is(j, "one");
    const std::size_t e = read_denominator(j + 1 + dash, denominator);
    // Not "a first", "a second" (of time) or "a nineteenth-century house".
    if (e && denominator > 2 && !(role(j) == Role::article && role(j + 1) == Role::denominator) &&
        !(is_symbol(e, '-') && adjacent(e - 1))) {
      a.value = sign / denominator;
      a.kind = NumberKind::fraction;
      a.end = e;
      a.spelled = true;
      return true;
    }
  }
  // "dozens of", "hundreds of", "tens of thousands of": at least two of the unit.
  if (!words_only && (role(j) == Role::plural_scale || word_is(j, "dozens"))) {
    double unit = word_value(j);
    std::size_t e = j + 1;
    if (word_is(e, "of") && role(e + 1) == Role::plural_scale && word_value(e + 1) > unit) {
      unit *= word_value(e + 1);
      e += 2;
    }
    if (word_is(e, "of") && !(j > 0 && (role(j - 1) == Role::article || is_number(j - 1) || is_number_word(j - 1)))) {
      a.value = sign * 2 * unit;
      a.implied = Qualifier::atleast;
      a.end = e;
      a.spelled = true;
      return true;
    }
  }
  // "a couple of", "a couple"
  if (!words_only && role(j) == Role::article && role(j + 1) == Role::couple) {
    a.value = 2;
    a.implied = Qualifier::approx;
    a.end = j + 2;
    a.spelled = true;
    return true;
  }
  // "half", "half a dozen", "half a million", "a half", "quarter million", "a quarter"
  {
    std::size_t k = j;
    const bool article = role(k) == Role::article || word_is(k, "one");
    if (article) ++k;
    if (role(k) == Role::half || (role(k) == Role::quarter && (article || role(k + 1) == Role::scale))) {
      const double part = word_value(k);
      if (is_symbol(k + 1, '-') && adjacent(k)) return false;  // "half-time"
      std::size_t e = k + 1;
      if (role(e) == Role::article && (role(e + 1) == Role::scale || role(e + 1) == Role::dozen)) ++e;
      if (role(e) == Role::scale || role(e) == Role::dozen) {
        a.value = sign * part * word_value(e);
        a.scale = word_value(e);
        a.end = e + 1;
      } else {
        if (!article && role(k) == Role::half && k > 0 && preceded_by_determiner(k)) return false;
        a.value = sign * part;
        a.kind = NumberKind::fraction;
        a.end = e;
      }
      a.spelled = true;
      return true;
    }
  }

  double total = 0, current = 0, tail = 0;  // tail: the part after the last hundred/scale/and
  double last_scale = kNoScale;
  bool group_has_hundred = false;  // "three hundred and two hundred" is two numbers
  std::size_t and_at = 0;          // the last "and" read inside the number
  double current_at_and = 0;       // `current` before that "and"
  Last last = Last::none;
  std::size_t accepted = j;  // end of the longest well-formed prefix
  std::size_t words = 0;
  bool digits = false;
  for (std::size_t k = j; k < n_;) {
    const Role r = role(k);
    if (is_number(k) && !words_only) {
      if (lx_[k].vulgar) {
        if (last == Last::digits && current == std::floor(current)) {  // "2½"
          current += lx_[k].value;
          a.kind = NumberKind::fraction;
          accepted = ++k;
        } else if (last == Last::none) {
          current = lx_[k].value;
          a.kind = NumberKind::fraction;
          accepted = ++k;
        }
        break;
      }
      const bool first = last == Last::none;
      const bool after_word_scale = (last == Last::hundred || last == Last::scale) && words > 0 && !lx_[k].grouped &&
                                    (k == j || !is_number(k - 1));
      const bool after_and = k > j && word_is(k - 1, "and") && (last == Last::hundred || last == Last::scale);
      if (!first && !after_word_scale && !after_and) break;
      if (!first && lx_[k].value >= (last == Last::hundred ? 100 : last_scale)) break;
      current += lx_[k].value;
      tail = lx_[k].value;
      last = Last::digits;
      digits = true;
      accepted = ++k;
      if (first) {
        k = read_digit_suffixes(k, money, current, a);
        accepted = k;
        if (a.scale) {
          total += current;
          current = 0;
          last_scale = a.scale;
          last = Last::scale;
        }
        if (a.kind == NumberKind::fraction || a.kind == NumberKind::ordinal) {
          a.value = sign * (total + current);
          a.end = accepted;
          return true;
        }
      }
      continue;
    }
    if (r == Role::unit || r == Role::teen) {
      const bool after_tens = last == Last::tens && r == Role::unit && word_value(k) > 0;
      if (!(last == Last::none || last == Last::hundred || last == Last::scale || after_tens)) break;
      if (k > j && word_is(k - 1, "and") && last == Last::none) break;
      current += word_value(k);
      tail = after_tens ? tail + word_value(k) : word_value(k);
      last = r == Role::unit ? Last::unit : Last::teen;
      accepted = ++k;
      ++words;
      continue;
    }
    if (r == Role::tens) {
      if (!(last == Last::none || last == Last::hundred || last == Last::scale)) break;
      current += word_value(k);
      tail = word_value(k);
      last = Last::tens;
      accepted = ++k;
      ++words;
      continue;
    }
    if (r == Role::hundred) {
      if (last == Last::article)
        current = 1;
      else if (!(last == Last::unit || last == Last::teen || last == Last::tens || last == Last::digits))
        break;
      if (group_has_hundred) {
        if (and_at) {  // "3 hundred and 2 hundred": two numbers
          accepted = and_at;
          current = current_at_and;
        }
        break;
      }
      if (last == Last::digits && current >= 1000) break;
      group_has_hundred = true;
      current *= 100;
      tail = 0;
      last = Last::hundred;
      accepted = ++k;
      ++words;
      continue;
    }
    if (r == Role::scale) {
      if (last == Last::article)
        current = 1;
      else if (!(last == Last::unit || last == Last::teen || last == Last::tens || last == Last::hundred ||
                 last == Last::digits))
        break;
      const double s = word_value(k);
      if (s >= last_scale) {
        if (and_at) {  // "1 million and 2 million": two numbers
          accepted = and_at;
          current = current_at_and;
        }
        break;
      }
      total += current * s;
      current = 0;
      tail = 0;
      group_has_hundred = false;
      last_scale = s;
      a.scale = s;
      last = Last::scale;
      accepted = ++k;
      ++words;
      continue;
    }
    if (r == Role::dozen) {
      if (last == Last::article)
        current = tail = 1;
      else if (!(last == Last::unit || last == Last::teen || last == Last::tens || last == Last::digits))
        break;
      current += tail * 11;
      tail = 0;
      last = Last::dozen;
      accepted = ++k;
      ++words;
      continue;
    }
    if (r == Role::article && last == Last::none) {
      const Role next = role(k + 1);
      if (next != Role::hundred && next != Role::scale && next != Role::dozen) break;
      last = Last::article;
      ++k;
      continue;
    }
    if (r == Role::and_word && (last == Last::hundred || last == Last::scale) &&
        (is_number_word(k + 1) || (is_plain_integer(k + 1) && !words_only && lx_[k + 1].value != 0)) &&
        !fraction_follows(k + 1)) {
      current_at_and = current;
      and_at = k++;  // accepted once the next number word is
      continue;
    }
    if (is_symbol(k, '-') && last == Last::tens &&
        (role(k + 1) == Role::unit || role(k + 1) == Role::ordinal || role(k + 1) == Role::denominator) &&
        (role(k + 1) == Role::unit || word_value(k + 1) < 10)) {
      ++k;
      continue;
    }
    if ((r == Role::ordinal || r == Role::ordinal_scale) && last != Last::article && last != Last::dozen) {
      // Compound ordinals: "twenty-first", "one hundred twenty fifth", "two hundredth".
      const double v = word_value(k);
      if (r == Role::ordinal && last != Last::none && last != Last::tens && last != Last::hundred &&
          last != Last::scale)
        break;
      if (r == Role::ordinal && last == Last::tens && v >= 10) break;
      if (r == Role::ordinal_scale) {
        current = (last == Last::none ? 1 : current) * v;
      } else {
        current += v;
      }
      a.kind = NumberKind::ordinal;
      accepted = ++k;
      ++words;
      break;
    }
    break;
  }
  if (accepted == j) return false;
  a.spelled = words > 0;
  a.end = accepted;
  a.value = total + current;
  if (a.kind == NumberKind::ordinal) {
    a.value *= sign;
    return true;
  }
  // `accepted` never ends on a dangling "a" or "and"; what follows may complete the number.
  std::size_t k = a.end;

  // Fractions: "two thirds", "five - eighths", "three twenty-firsts", "3 quarters".
  double denominator = 0;
  const std::size_t after_dash = is_symbol(k, '-') ? k + 1 : k;
  const std::size_t denominator_end =
      last != Last::scale && last != Last::dozen ? read_plural_denominator(after_dash, denominator) : 0;
  if (denominator_end) {
    double numerator = a.value;
    if (last == Last::tens && denominator < 10 && k > 0 && is_symbol(k - 1, '-')) {  // "twenty-firsts"
      numerator -= tail;
      denominator += tail;
    }
    if (numerator > 0) {
      a.value = numerator / denominator;
      a.kind = NumberKind::fraction;
      k = a.end = denominator_end;
      // "two thirds of a million"
      if (word_is(k, "of") && role(k + 1) == Role::article && role(k + 2) == Role::scale) {
        a.value *= word_value(k + 2);
        a.kind = NumberKind::cardinal;
        a.end = k + 3;
      }
      a.value *= sign;
      return true;
    }
  }
  // "three and a half", "3 million and a half", "one billion and three quarters million"
  if (role(k) == Role::and_word && last != Last::none) {
    double fraction = 0;
    if (const std::size_t e = read_fraction_tail(k + 1, fraction)) {
      std::size_t end = e;
      const bool scale_follows = role(e) == Role::scale && word_value(e) < last_scale;
      if (last == Last::scale) {  // "3 million and a half", "one billion and a quarter million"
        a.value += fraction * (scale_follows ? word_value(e) : last_scale);
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
      a.end = k = end;
    }
  }
  // "two hundred point zero three", "nine point nought four"
  if (role(k) == Role::point && a.spelled && last != Last::scale) {
    std::string decimals;
    std::size_t e = k + 1;
    while (e < n_) {
      const Role r = role(e);
      if (r == Role::unit) {
        decimals += static_cast<char>('0' + static_cast<int>(word_value(e)));
        ++e;
      } else if ((r == Role::teen || r == Role::tens) && decimals.empty()) {
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
    if (!decimals.empty()) {
      double fraction = 0;
      const std::string digits_text = "0." + decimals;
      std::from_chars(digits_text.data(), digits_text.data() + digits_text.size(), fraction);
      a.value += fraction;
      a.end = k = e;
    }
  }
  // "one over three", "2000 over 3", "one out of three", "1 in twenty-one"
  if (!money && a.kind == NumberKind::cardinal && !a.scale) {
    const bool over = word_is(k, "over");
    const bool out_of = word_is(k, "out") && word_is(k + 1, "of");
    const bool in = word_is(k, "in");
    if (over || out_of || in) {
      Amount denominator;
      const std::size_t d = out_of ? k + 2 : k + 1;
      if (read_number(d, false, denominator, false) && denominator.kind == NumberKind::cardinal &&
          denominator.value != 0 && !(is_word(denominator.end) && !is_function_word(lower(denominator.end)) && over)) {
        const bool spelled = a.spelled || denominator.spelled;
        const bool ratio = over ? (spelled || !is_word(denominator.end))
                                : spelled && a.value < denominator.value && !(is_year_number(d) && in);
        if (ratio) {
          a.value /= denominator.value;
          a.kind = NumberKind::fraction;
          a.end = denominator.end;
        }
      }
    }
  }
  a.value *= sign;
  a.plain_integer = !a.spelled && digits && sign > 0 && !a.scale && a.end == j + 1 && is_plain_integer(j);
  return true;
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
         w == "their" || w == "his" || w == "her";
}

}  // namespace tmk::numbers_detail
