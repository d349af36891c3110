// Dates, times, decades, fiscal years and codes (labels) for the number extractor.
#include <algorithm>
#include <cmath>
#include <string>

#include "numbers/numbers_reader.hpp"

namespace tmk::numbers_detail {

std::string SentenceReader::two_digits(int v) {
  std::string s(2, '0');
  s[0] = static_cast<char>('0' + v / 10 % 10);
  s[1] = static_cast<char>('0' + v % 10);
  return s;
}

std::string SentenceReader::iso_date(int year, int month, int day) {
  std::string s = year ? std::to_string(year) : "-";
  s += '-';
  s += two_digits(month);
  if (day) {
    s += '-';
    s += two_digits(day);
  }
  return s;
}

int SentenceReader::apply_meridiem(int hour, double meridiem) {
  if (meridiem == 12 && hour < 12) return hour + 12;
  if (meridiem == 0 && hour == 12) return 0;
  return hour;
}

std::string SentenceReader::digits_as_written(std::size_t first, std::size_t end) const {
  return std::string(text_.substr(lx_[first].start, lx_[end - 1].end - lx_[first].start));
}

std::size_t SentenceReader::day_at(std::size_t i, int& day) {
  if (!is_plain_integer(i) || lx_[i].int_digits > 2 || lx_[i].value < 1 || lx_[i].value > 31) return 0;
  day = static_cast<int>(lx_[i].value);
  if (adjacent(i) && is_ordinal_suffix(i + 1)) return i + 2;
  if (adjacent(i) && is_word(i + 1)) return 0;  // "5pm", "3km"
  return i + 1;
}

std::size_t SentenceReader::read_date(std::size_t i) {
  int day = 0;
  if (is_month(i)) {
    const int month = static_cast<int>(word_value(i));
    std::size_t j = i + 1;
    if (is_symbol(j, '.') && adjacent(i)) ++j;
    if (std::size_t k = day_at(j, day)) {
      if (is_symbol(k, ',') && is_year_number(k + 1)) {
        emit(i, k + 2, NumberKind::date, iso_date(static_cast<int>(lx_[k + 1].value), month, day));
        return k + 2;
      }
      if (is_year_number(k)) {
        emit(i, k + 1, NumberKind::date, iso_date(static_cast<int>(lx_[k].value), month, day));
        return k + 1;
      }
      // "May 5": only when the month is clearly a month ("May" is also a verb).
      if (lower(i) == "may" && !lx_[i].upper && !(k < n_ && !is_word(k))) {
        if (is_word(k) && role(k) == Role::none && k > j + 1) return 0;
      }
      emit(i, k, NumberKind::date, iso_date(0, month, day));
      return k;
    }
    if (is_year_number(j) && lower(i) != "may") {
      emit(i, j + 1, NumberKind::date, iso_date(static_cast<int>(lx_[j].value), month, 0));
      return j + 1;
    }
    if (word_is(j, "of") && is_year_number(j + 1)) {
      emit(i, j + 2, NumberKind::date, iso_date(static_cast<int>(lx_[j + 1].value), month, 0));
      return j + 2;
    }
    // "between March and May", "from June to August 2016": an interval of months.
    const bool between = i > 0 && word_is(i - 1, "between");
    const bool from = i > 0 && word_is(i - 1, "from");
    const bool joint = between ? word_is(j, "and") : from && (word_is(j, "to") || word_is(j, "until"));
    if (joint && is_month(j + 1)) {
      const int last = static_cast<int>(word_value(j + 1));
      std::size_t e = j + 2;
      if (is_symbol(e, '.') && adjacent(j + 1) && is_year_number(e + 1)) ++e;  // "Sept. 2016", not "May."
      int year = 0;
      if (is_year_number(e)) year = static_cast<int>(lx_[e++].value);
      const int start_year = year && last < month ? year - 1 : year;
      emit(i, e, NumberKind::interval, iso_date(start_year, month, 0) + "/" + iso_date(year, last, 0));
      return e;
    }
    return 0;
  }
  if (std::size_t k = day_at(i, day)) {  // "18 August 2015", "18th of August"
    std::size_t m = k;
    if (word_is(m, "of")) ++m;
    if (is_month(m)) {
      const int month = static_cast<int>(word_value(m));
      std::size_t e = m + 1;
      if (is_symbol(e, '.') && adjacent(m)) ++e;
      if (is_year_number(e)) {
        emit(i, e + 1, NumberKind::date, iso_date(static_cast<int>(lx_[e].value), month, day));
        return e + 1;
      }
      emit(i, m + 1, NumberKind::date, iso_date(0, month, day));
      return m + 1;
    }
  }
  // 2015-08-18
  if (is_plain_integer(i) && lx_[i].int_digits == 4 && i + 4 < n_ && adjacent(i) && adjacent(i + 1) &&
      adjacent(i + 2) && adjacent(i + 3) && is_symbol(i + 1, '-') && is_symbol(i + 3, '-') && is_plain_integer(i + 2) &&
      is_plain_integer(i + 4) && lx_[i + 2].int_digits == 2 && lx_[i + 4].int_digits == 2) {
    const int month = static_cast<int>(lx_[i + 2].value);
    const int d = static_cast<int>(lx_[i + 4].value);
    if (month >= 1 && month <= 12 && d >= 1 && d <= 31) {
      emit(i, i + 5, NumberKind::date, iso_date(static_cast<int>(lx_[i].value), month, d));
      return i + 5;
    }
  }
  // 8/18/2015, 18/8/2015, 8/18/15
  if (is_plain_integer(i) && lx_[i].int_digits <= 2 && i + 4 < n_ && adjacent(i) && adjacent(i + 1) &&
      adjacent(i + 2) && adjacent(i + 3) && is_symbol(i + 1, '/') && is_symbol(i + 3, '/') && is_plain_integer(i + 2) &&
      lx_[i + 2].int_digits <= 2 && is_plain_integer(i + 4) &&
      (lx_[i + 4].int_digits == 4 || lx_[i + 4].int_digits == 2)) {
    int a = static_cast<int>(lx_[i].value), b = static_cast<int>(lx_[i + 2].value);
    int year = static_cast<int>(lx_[i + 4].value);
    if (lx_[i + 4].int_digits == 2) year += year < 50 ? 2000 : 1900;
    if (a > 12 && b <= 12) std::swap(a, b);  // day first
    if (a >= 1 && a <= 12 && b >= 1 && b <= 31) {
      emit(i, i + 5, NumberKind::date, iso_date(year, a, b));
      return i + 5;
    }
  }
  return 0;
}

std::size_t SentenceReader::read_time(std::size_t i) {
  std::string value, unit;
  if (role(i) == Role::clock && !(i > 0 && is_symbol(i - 1, '-') && adjacent(i - 1))) {
    value = clock(static_cast<int>(word_value(i)), 0);
    const std::size_t e = read_zone(i + 1, value, unit);
    emit(i, e, NumberKind::time, std::move(value), std::move(unit));
    return e;
  }
  if (!is_plain_integer(i) || lx_[i].int_digits > 2) return 0;
  const int hour = static_cast<int>(lx_[i].value);
  std::size_t e = i + 2;
  if (i + 2 < n_ && adjacent(i) && adjacent(i + 1) && is_symbol(i + 1, ':') && is_plain_integer(i + 2) &&
      lx_[i + 2].int_digits == 2 && hour <= 24 && lx_[i + 2].value < 60) {
    e = i + 3;
    // Seconds are joined to the colon: in "began at 10:30: 45 people" the 45 counts people.
    const bool seconds = e + 1 < n_ && adjacent(e - 1) && is_symbol(e, ':') && adjacent(e) && is_plain_integer(e + 1) &&
                         lx_[e + 1].int_digits == 2 && lx_[e + 1].value < 60;
    if (seconds) e += 2;
    if (seconds && role(e) != Role::meridiem && !is_zone(e) && after_elapsed_time_word(i, hour)) {
      // "finished in 2:05:30", "a time of 1:59:40": hours, minutes and seconds that passed.
      const int minutes = static_cast<int>(lx_[i + 2].value), secs = static_cast<int>(lx_[i + 4].value);
      value = "PT";
      if (hour) value += std::to_string(hour) + "H";
      if (minutes) value += std::to_string(minutes) + "M";
      if (secs) value += std::to_string(secs) + "S";
      emit(i, e, NumberKind::duration, std::move(value));
      return e;
    }
    int h = hour;
    if (role(e) == Role::meridiem && hour <= 12) h = apply_meridiem(hour, word_value(e++));
    value = clock(h, static_cast<int>(lx_[i + 2].value));
    if (seconds) value += ":" + two_digits(static_cast<int>(lx_[i + 4].value));  // "2:05:30" keeps its seconds
  } else if (hour >= 1 && hour <= 12 && role(i + 1) == Role::meridiem) {
    value = clock(apply_meridiem(hour, word_value(i + 1)), 0);
  } else if (hour >= 1 && hour <= 12 && role(i + 1) == Role::oclock) {
    value = clock(hour, 0);
  } else {
    return 0;
  }
  e = read_zone(e, value, unit);
  emit(i, e, NumberKind::time, std::move(value), std::move(unit));
  return e;
}

bool SentenceReader::after_elapsed_time_word(std::size_t i, int hours) {
  if (i == 0 || !is_word(i - 1)) return false;
  static constexpr std::string_view kElapsed[] = {"took", "clocked", "lasted", "timed", "ran", "finished"};
  const std::string_view previous = lower(i - 1);
  // "in" and "of" also come before a time of day ("logged in 12:03:44"): only with a race's
  // few hours ("finished in 2:05:30", "a time of 1:59:40").
  if (previous == "in" || previous == "of") return hours < 10;
  return std::find(std::begin(kElapsed), std::end(kElapsed), previous) != std::end(kElapsed);
}

std::size_t SentenceReader::read_zone(std::size_t e, std::string& value, std::string& unit) {
  if (!is_zone(e)) return e;
  value += lx_[e].info->unit;
  unit = surface(e);
  return e + 1;
}

std::size_t SentenceReader::read_decade(std::size_t i) {
  std::size_t number = i;
  const bool apostrophe = is_symbol(i, '\'') || is_symbol(i, U'\u2019');
  if (apostrophe) {
    if (!adjacent(i)) return 0;
    number = i + 1;
  }
  if (!is_plain_integer(number)) return 0;
  const int digits = lx_[number].int_digits;
  if (!(digits == 4 || digits == 2)) return 0;
  const int value = static_cast<int>(lx_[number].value);
  std::size_t s = number + 1;
  if ((is_symbol(s, '\'') || is_symbol(s, U'\u2019')) && adjacent(s)) ++s;
  if (!is_word(s) || surface(s) != "s") {
    // "'05", "'98": a year with its century left out
    if (apostrophe && digits == 2 &&
        !(adjacent(number) && !is_symbol(number + 1, '.') && !is_symbol(number + 1, ',')) &&
        counted_after(number + 1).empty()) {
      const int raw = static_cast<int>(lx_[number].value);
      emit(i, number + 1, NumberKind::year, std::to_string(raw + (raw < 30 ? 2000 : 1900)));
      return number + 1;
    }
    return 0;
  }
  if (value % 10 != 0) return 0;
  if (digits == 4) {
    emit(i, s + 1, NumberKind::year, std::to_string(value) + ".." + std::to_string(value + 9));
    return s + 1;
  }
  if (apostrophe || (i > 0 && word_is(i - 1, "the"))) {
    const int year = value + (value < 30 ? 2000 : 1900);
    emit(i, s + 1, NumberKind::year, std::to_string(year) + ".." + std::to_string(year + 9));
  } else {  // "in their 60s": an age bracket
    emit(i, s + 1, NumberKind::range, std::to_string(value) + ".." + std::to_string(value + 9));
  }
  return s + 1;
}

std::size_t SentenceReader::read_fiscal_year(std::size_t i) {
  if (!is_year_number(i) || i + 2 >= n_ || (!is_symbol(i + 1, '-') && !is_symbol(i + 1, '/'))) return 0;
  if (!adjacent(i) || !adjacent(i + 1) || !is_plain_integer(i + 2)) return 0;
  const int first = static_cast<int>(lx_[i].value);
  if (lx_[i + 2].int_digits != 2 && lx_[i + 2].int_digits != 4) return 0;
  int second = static_cast<int>(lx_[i + 2].value);
  if (lx_[i + 2].int_digits == 2) second += first / 100 * 100;
  if (second <= first || second - first > 20) return 0;
  if (adjacent(i + 2) && is_word(i + 3)) return 0;
  emit(i, i + 3, NumberKind::year, std::to_string(first) + ".." + std::to_string(second));
  return i + 3;
}

std::size_t SentenceReader::read_code(std::size_t i) {
  if (i < n_ && lx_[i].kind == LexKind::number && lx_[i].code) {
    emit(i, i + 1, NumberKind::label, std::string(surface(i)));
    return i + 1;
  }
  // Phone numbers: (212) 555-1234, 212-555-1234, +1-222-333-4444, 555-1234 after a phone word.
  std::size_t j = i;
  if (is_symbol(j, '+') && adjacent(j)) ++j;
  if (is_symbol(j, '(') && adjacent(j) && is_plain_integer(j + 1) && lx_[j + 1].int_digits == 3 &&
      is_symbol(j + 2, ')') && is_plain_integer(j + 3) && lx_[j + 3].int_digits == 3 && adjacent(j + 3) &&
      is_symbol(j + 4, '-') && adjacent(j + 4) && is_plain_integer(j + 5) && lx_[j + 5].int_digits == 4) {
    emit(i, j + 6, NumberKind::label, digits_as_written(i, j + 6));
    return j + 6;
  }
  if (is_plain_integer(j)) {
    int groups = 1;
    std::size_t k = j;
    int sizes[6] = {lx_[j].int_digits, 0, 0, 0, 0, 0};
    while (groups < 6 && adjacent(k) && (is_symbol(k + 1, '-') || is_symbol(k + 1, '.')) && adjacent(k + 1) &&
           is_plain_integer(k + 2)) {
      sizes[groups++] = lx_[k + 2].int_digits;
      k += 2;
    }
    const bool phone = (groups == 3 && sizes[0] == 3 && sizes[1] == 3 && sizes[2] == 4) ||
                       (groups == 4 && sizes[0] <= 3 && sizes[1] == 3 && sizes[2] == 3 && sizes[3] == 4) ||
                       (groups >= 3 && j > i);
    if (phone && !(adjacent(k) && is_word(k + 1))) {
      emit(i, k + 1, NumberKind::label, digits_as_written(i, k + 1));
      return k + 1;
    }
  }
  // "9/11", "24/7": a slash pair that is no plain fraction is a date or a code.
  if (is_plain_integer(i) && lx_[i].int_digits <= 2 && adjacent(i) && is_symbol(i + 1, '/') && adjacent(i + 1) &&
      is_plain_integer(i + 2) && lx_[i + 2].int_digits <= 2 && !(adjacent(i + 2) && is_symbol(i + 3, '/'))) {
    const double a = lx_[i].value, b = lx_[i + 2].value;
    const bool plain_fraction = a < b && b <= 10;
    if (!plain_fraction && !(i > 0 && is_plain_integer(i - 1))) {
      if (a >= 1 && a <= 12 && b >= 1 && b <= 31) {
        emit(i, i + 3, NumberKind::date, iso_date(0, static_cast<int>(a), static_cast<int>(b)));
      } else {
        emit(i, i + 3, NumberKind::label, digits_as_written(i, i + 3));
      }
      return i + 3;
    }
  }
  // ZIP+4 codes: "94720-1900"
  if (is_plain_integer(i) && lx_[i].int_digits == 5 && adjacent(i) && is_symbol(i + 1, '-') && adjacent(i + 1) &&
      is_plain_integer(i + 2) && lx_[i + 2].int_digits == 4 && !(adjacent(i + 2) && is_word(i + 3))) {
    emit(i, i + 3, NumberKind::label, digits_as_written(i, i + 3));
    return i + 3;
  }
  // Phone numbers without area code: "555-0142" (a range would be round: "200-1500").
  if (is_plain_integer(i) && lx_[i].int_digits == 3 && adjacent(i) && is_symbol(i + 1, '-') && adjacent(i + 1) &&
      is_plain_integer(i + 2) && lx_[i + 2].int_digits == 4 && !(adjacent(i + 2) && is_word(i + 3)) &&
      (std::fmod(lx_[i].value, 10) != 0 || std::fmod(lx_[i + 2].value, 100) != 0)) {
    emit(i, i + 3, NumberKind::label, digits_as_written(i, i + 3));
    return i + 3;
  }
  // Codes glued to letters: "STS-1", "MP3", "COVID-19", "39A"; "pre-2008" is a year.
  if (is_number(i) && !lx_[i].decimal && !lx_[i].vulgar) {
    const bool glued_before =
        i > 0 && lx_[i - 1].end == lx_[i].start &&
        ((is_word(i - 1) && role(i - 1) != Role::currency && role(i - 1) != Role::minus) ||
         (is_symbol(i - 1, '-') && i > 1 && is_word(i - 2) && !lx_[i - 2].info && adjacent(i - 2)));
    const bool glued_after = adjacent(i) && is_word(i + 1) && !lx_[i + 1].info && !is_ordinal_suffix(i + 1) &&
                             surface(i + 1) != "C" && surface(i + 1) != "F";  // "30C" is a temperature
    if (glued_before || glued_after) {
      const std::size_t end = glued_after ? i + 2 : i + 1;
      if (glued_before && !glued_after && is_year_number(i)) {
        emit(i, end, NumberKind::year, std::string(surface(i)));
      } else {
        emit(i, end, NumberKind::label, std::string(surface(i)));
      }
      return end;
    }
  }
  // "No. 5", "#5"
  if (is_symbol(i, '#') && adjacent(i) && is_plain_integer(i + 1)) {
    emit(i, i + 2, NumberKind::label, std::string(surface(i + 1)));
    return i + 2;
  }
  if (is_plain_integer(i) && i >= 2 && is_symbol(i - 1, '.') && adjacent(i - 2) && word_is(i - 2, "no") &&
      lx_[i - 2].capitalized) {
    emit(i, i + 1, NumberKind::label, std::string(surface(i)));
    return i + 1;
  }
  return 0;
}

namespace {

// The first two parts of a slash date with its year as written ("03/04/2016" -> 3 and 4);
// false for dates written otherwise ("9/11" is September 11 in any spelling).
bool slash_parts(std::string_view span, int& first, int& second) {
  std::size_t p = 0;
  const auto digits = [&](int& value) {
    const std::size_t start = p;
    value = 0;
    while (p < span.size() && p - start < 2 && span[p] >= '0' && span[p] <= '9') value = value * 10 + (span[p++] - '0');
    return p > start;
  };
  if (!digits(first) || p >= span.size() || span[p] != '/') return false;
  ++p;
  return digits(second) && p < span.size() && span[p] == '/';
}

// A pound sign or a British spelling anywhere in the text.
bool reads_british(std::string_view text, const Vocabulary& vocabulary) {
  if (text.find("\u00a3") != std::string_view::npos) return true;
  const auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  std::string lower;
  for (std::size_t p = 0; p < text.size();) {
    if (!letter(text[p])) {
      ++p;
      continue;
    }
    std::size_t e = p;
    while (e < text.size() && letter(text[e])) ++e;
    if (lower_ascii(text.substr(p, e - p), lower) && vocabulary.is_british_spelling(lower)) return true;
    p = e;
  }
  return false;
}

}  // namespace

void order_slash_dates(std::string_view text, std::vector<NumberMention>& mentions, DateOrder order,
                       const Vocabulary& vocabulary) {
  std::vector<NumberMention*> either_way;
  bool day_first_seen = false;    // "25/12/2016"
  bool month_first_seen = false;  // "12/25/2016"
  for (NumberMention& m : mentions) {
    int first = 0, second = 0;
    if (m.kind != NumberKind::date || !slash_parts(text.substr(m.start, m.end - m.start), first, second)) continue;
    if (first > 12)
      day_first_seen = true;
    else if (second > 12)
      month_first_seen = true;
    else if (first != second)
      either_way.push_back(&m);
  }
  if (either_way.empty() || order == DateOrder::month_first) return;
  const bool day_first = order == DateOrder::day_first ||
                         (day_first_seen != month_first_seen ? day_first_seen : reads_british(text, vocabulary));
  if (!day_first) return;
  for (NumberMention* m : either_way) {  // "2016-03-04": the month and day trade places
    std::string& v = m->value;
    const std::string month = v.substr(v.size() - 5, 2);
    v.replace(v.size() - 5, 2, v.substr(v.size() - 2));
    v.replace(v.size() - 2, 2, month);
  }
}

}  // namespace tmk::numbers_detail
