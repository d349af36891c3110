// Dates relative to the document ("last Friday", "two years ago"), durations ("six months"),
// the document's date from its dateline, and the resolution of relative values against it.
#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "numbers/numbers_reader.hpp"
#include "text/word_lists.hpp"

namespace tmk {

namespace {

// Days since 1970-01-01 of a date, and back (H. Hinnant's civil calendar algorithms).
long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CalendarDate civil_from_days(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {static_cast<int>(yoe + era * 400 + (m <= 2)), m, d};
}

long days_of(const CalendarDate& date) {
  return days_from_civil(date.year, date.month, date.day);
}

// 1 for Monday .. 7 for Sunday (1970-01-01 was a Thursday).
int weekday_of(long days) {
  return static_cast<int>(((days % 7) + 7 + 3) % 7) + 1;
}

bool is_real_day(int year, int month, int day) {
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  return civil_from_days(days_from_civil(year, month, day)).day == day;
}

std::string format_date(const CalendarDate& date) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
  return buffer;
}

std::string format_month(int year, int month) {
  char buffer[24];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d", year, month);
  return buffer;
}

// The ISO week of a day: "2016-W33".
std::string format_week(long days) {
  const long thursday = days - weekday_of(days) + 4;
  const CalendarDate t = civil_from_days(thursday);
  const long week = (thursday - days_from_civil(t.year, 1, 1)) / 7 + 1;
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%04d-W%02ld", t.year, week);
  return buffer;
}

// "MON" .. "SUN": the first three letters of the names in words/weekdays.tsv, in capitals.
int weekday_code(std::string_view code) {
  for (const words::CalendarName& day : words::weekdays()) {
    if (code.size() == 3 && day.name.size() >= 3 &&
        std::equal(code.begin(), code.end(), day.name.begin(), [](char a, char b) { return a == b - 'a' + 'A'; }))
      return day.number;
  }
  return 0;
}

// Reads a small signed integer ("+2", "-14"); false unless the whole text is one.
bool signed_number(std::string_view text, long& value) {
  if (text.size() < 2 || text.size() > 7 || (text[0] != '+' && text[0] != '-')) return false;
  value = 0;
  for (std::size_t i = 1; i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    value = value * 10 + (text[i] - '0');
  }
  if (text[0] == '-') value = -value;
  return true;
}

bool two_digit_field(std::string_view text, std::size_t at, int& value) {
  if (at + 2 > text.size() || text[at] < '0' || text[at] > '9' || text[at + 1] < '0' || text[at + 1] > '9')
    return false;
  value = (text[at] - '0') * 10 + (text[at + 1] - '0');
  return true;
}

std::string resolve_one(std::string_view value, const CalendarDate& today) {
  const long t = days_of(today);
  if (value.starts_with("rel:")) {
    const std::string_view body = value.substr(4);
    long n = 0;
    if (body.size() >= 3 && signed_number(body.substr(0, body.size() - 1), n)) {
      switch (body.back()) {
        case 'D':
          return format_date(civil_from_days(t + n));
        case 'W':
          return format_week(t + 7 * n);
        case 'M': {
          const long months = today.year * 12L + (today.month - 1) + n;
          return format_month(static_cast<int>(months / 12), static_cast<int>(months % 12) + 1);
        }
        case 'Y':
          return std::to_string(today.year + n);
        default:
          return std::string(value);
      }
    }
    if (body.size() < 2 || (body[0] != '<' && body[0] != '>')) return std::string(value);
    const bool on = body[1] == '=';
    const std::string_view code = body.substr(on ? 2 : 1);
    const bool before = body[0] == '<';
    const int now = weekday_of(t);
    if (code == "WKND") {  // the Saturday and Sunday before today (or today), or after it
      const long saturday = before ? t - now % 7 - 1 : t + (6 - now + 6) % 7 + 1;
      return format_date(civil_from_days(saturday)) + "/" + format_date(civil_from_days(saturday + 1));
    }
    const int target = weekday_code(code);
    if (!target) return std::string(value);
    long day = t;
    if (before) {
      day = on ? t - (now - target + 7) % 7 : t - ((now - target + 6) % 7 + 1);
    } else {
      day = on ? t + (target - now + 7) % 7 : t + ((target - now + 6) % 7 + 1);
    }
    return format_date(civil_from_days(day));
  }
  int month = 0, day = 0;
  if (value.size() == 7 && value.starts_with("--") && two_digit_field(value, 2, month) && value[4] == '-' &&
      two_digit_field(value, 5, day)) {  // --08-18: the nearest such day
    long best = 0;
    int best_year = 0;
    for (int year = today.year - 1; year <= today.year + 1; ++year) {
      if (!is_real_day(year, month, day)) continue;
      const long distance = std::labs(days_from_civil(year, month, day) - t);
      if (!best_year || distance < best) best = distance, best_year = year;
    }
    return best_year ? format_date({best_year, month, day}) : std::string(value);
  }
  if (value.size() == 4 && value.starts_with("--") && two_digit_field(value, 2, month) && month >= 1 &&
      month <= 12) {  // --03: the nearest such month
    const long now = today.year * 12L + today.month;
    int best_year = today.year - 1;
    for (int year = today.year; year <= today.year + 1; ++year)
      if (std::labs(year * 12L + month - now) < std::labs(best_year * 12L + month - now)) best_year = year;
    return format_month(best_year, month);
  }
  return std::string(value);
}

}  // namespace

std::optional<CalendarDate> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int year = 0;
  for (std::size_t i = 0; i < 4; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    year = year * 10 + (text[i] - '0');
  }
  int month = 0, day = 0;
  if (!two_digit_field(text, 5, month) || !two_digit_field(text, 8, day) || !is_real_day(year, month, day))
    return std::nullopt;
  return CalendarDate{year, month, day};
}

std::string resolve_date_value(std::string_view value, const CalendarDate& today) {
  const std::size_t slash = value.find('/');
  if (slash == std::string_view::npos) return resolve_one(value, today);
  const std::string_view first = value.substr(0, slash), second = value.substr(slash + 1);
  const std::string from = resolve_one(first, today);
  std::string to = resolve_one(second, today);
  // "between November and February": the end comes after the start.
  if (second.starts_with("--") && to.size() == from.size() && to < from && to.size() >= 4) {
    to = std::to_string(std::atoi(to.substr(0, 4).c_str()) + 1) + to.substr(4);
  }
  return from + "/" + to;
}

namespace numbers_detail {

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r';
}

std::string_view trim_end(std::string_view text) {
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

// True when `text` ends with the word `lower_word` (any case).
bool ends_with_word(std::string_view text, std::string_view lower_word) {
  if (text.size() < lower_word.size()) return false;
  const std::size_t at = text.size() - lower_word.size();
  if (at > 0 && std::isalpha(static_cast<unsigned char>(text[at - 1]))) return false;
  return words::lower_ascii(text.substr(at)) == lower_word;
}

}  // namespace

std::optional<CalendarDate> find_dateline(std::string_view text, const std::vector<NumberMention>& mentions) {
  constexpr std::size_t kReach = 400;
  for (const NumberMention& m : mentions) {
    if (m.start >= kReach || m.sentence >= 3) break;
    if (m.kind != NumberKind::date) continue;
    const std::optional<CalendarDate> date = parse_iso_date(m.value);
    if (!date) continue;
    const std::size_t newline = m.start ? text.rfind('\n', m.start - 1) : std::string_view::npos;
    const std::size_t line_start = newline == std::string_view::npos ? 0 : newline + 1;
    const std::string_view before = text.substr(line_start, m.start - line_start);
    const std::size_t line_end = std::min(text.find('\n', m.end), text.size());
    std::string_view after = text.substr(m.end, line_end - m.end);
    while (!after.empty() && is_space(after.front())) after.remove_prefix(1);
    const bool ends_line = after.empty();
    const bool dash = after.starts_with("-") || after.starts_with("\u2013") || after.starts_with("\u2014");
    const bool starts_line = before.find_first_not_of(" \t") == std::string_view::npos;
    std::string_view cue = trim_end(before);  // "Posted on March 3, 2016"
    if (ends_with_word(cue, "on")) cue = trim_end(cue.substr(0, cue.size() - 2));
    const bool posted =
        ends_with_word(cue, "posted") || ends_with_word(cue, "published") || ends_with_word(cue, "updated");
    // "Wednesday, April 13, 2011 NASA said": a weekday names the day of the dateline.
    bool weekday = false;
    if (std::string_view head = trim_end(before); head.ends_with(',') && !after.starts_with(",")) {
      head = trim_end(head.substr(0, head.size() - 1));
      const std::size_t space = head.find_last_of(" \t\n");
      weekday = words::weekday_names().contains(
          words::lower_ascii(head.substr(space == std::string_view::npos ? 0 : space + 1)));
    }
    if ((starts_line && ends_line) || dash || posted || weekday) return date;
  }
  return std::nullopt;
}

void join_date_intervals(std::string_view text, std::vector<NumberMention>& mentions, std::size_t first) {
  const auto joinable = [](const NumberMention& m) {
    return m.kind == NumberKind::date && m.value.find('/') == std::string::npos;
  };
  std::size_t kept = first;
  for (std::size_t i = first; i < mentions.size(); ++i) {
    if (i + 1 < mentions.size() && joinable(mentions[i]) && joinable(mentions[i + 1])) {
      NumberMention& a = mentions[i];
      const NumberMention& b = mentions[i + 1];
      std::string_view between = text.substr(a.end, b.start - a.end);
      while (!between.empty() && is_space(between.front())) between.remove_prefix(1);
      between = trim_end(between);
      const std::string joint = words::lower_ascii(between);
      const std::string_view before = trim_end(text.substr(0, a.start));
      const bool from = ends_with_word(before, "from") &&
                        (joint == "to" || joint == "until" || joint == "through" || joint == "-" || joint == "\u2013");
      const bool between_and = ends_with_word(before, "between") && joint == "and";
      if (from || between_and) {  // "from Aug. 1 to Aug. 18", "between Monday and Wednesday"
        a.kind = NumberKind::interval;
        a.value += '/';
        a.value += b.value;
        a.end = b.end;
        if (kept != i) mentions[kept] = std::move(a);
        ++kept;
        ++i;
        continue;
      }
    }
    if (kept != i) mentions[kept] = std::move(mentions[i]);
    ++kept;
  }
  mentions.resize(kept);
}

std::size_t SentenceReader::day_part_at(std::size_t k) {
  const std::string_view w = lower(k);
  return w == "morning" || w == "afternoon" || w == "evening" || w == "night" ? k + 1 : k;
}

namespace {

std::string relative(long n, char unit) {
  return std::string("rel:") + (n < 0 ? "-" : "+") + std::to_string(std::labs(n)) + unit;
}

struct TimeUnit {
  std::string_view singular;
  std::string_view plural;
  char designator;  // of ISO 8601
  double factor;    // designators per unit: 10 years a decade
  bool clock;       // written after "T" in ISO 8601
};
constexpr std::array<TimeUnit, 9> kTimeUnits = {{{"year", "years", 'Y', 1, false},
                                                 {"month", "months", 'M', 1, false},
                                                 {"week", "weeks", 'W', 1, false},
                                                 {"day", "days", 'D', 1, false},
                                                 {"decade", "decades", 'Y', 10, false},
                                                 {"century", "centuries", 'Y', 100, false},
                                                 {"hour", "hours", 'H', 1, true},
                                                 {"minute", "minutes", 'M', 1, true},
                                                 {"second", "seconds", 'S', 1, true}}};

const TimeUnit* time_unit(std::string_view lower) {
  for (const TimeUnit& u : kTimeUnits)
    if (lower == u.singular || lower == u.plural) return &u;
  return nullptr;
}

// "two years ago": `amount` designators of `unit` before the document's date, as a relative
// value; "" for hours and fractions, which name no day.
std::string ago_value(const TimeUnit& unit, double amount) {
  if (unit.clock || amount != static_cast<double>(static_cast<long>(amount))) return {};
  const long n = static_cast<long>(amount);
  return unit.designator == 'W' ? relative(-7 * n, 'D') : relative(-n, unit.designator);
}

}  // namespace

bool is_time_unit(std::string_view lower) {
  return time_unit(lower) != nullptr;
}

std::size_t SentenceReader::read_relative_date(std::size_t i) {
  const auto weekday_code_at = [&](std::size_t k) {
    std::string code(surface(k).substr(0, 3));
    for (char& c : code) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    return code;
  };
  // "will meet Monday": a weekday after "will" is still to come.
  const auto future = [&](std::size_t k) {
    for (std::size_t back = 1; back <= 8 && back <= k; ++back)
      if (word_is(k - back, "will")) return true;
    return false;
  };
  const auto capitalized = [&](std::size_t k) { return lx_[k].capitalized || lx_[k].upper; };
  switch (role(i)) {
    case Role::day_word: {
      const std::size_t end = day_part_at(i + 1);
      emit(i, end, NumberKind::date, relative(static_cast<long>(word_value(i)), 'D'));
      return end;
    }
    case Role::weekday: {
      if (!capitalized(i)) return 0;
      // "Monday, Aug. 17": the date that follows says which Monday.
      const std::size_t next = is_symbol(i + 1, ',') ? i + 2 : i + 1;
      if (is_month(next) || is_number(next)) return 0;
      const std::size_t end = day_part_at(i + 1);
      emit(i, end, NumberKind::date, (future(i) ? "rel:>=" : "rel:<=") + weekday_code_at(i));
      return end;
    }
    case Role::shift: {
      const int shift = static_cast<int>(word_value(i));
      if (role(i + 1) == Role::weekday && capitalized(i + 1)) {
        const std::string code = weekday_code_at(i + 1);
        const std::string value = shift < 0   ? "rel:<" + code
                                  : shift > 0 ? "rel:>" + code
                                              : (future(i) ? "rel:>=" : "rel:<=") + code;
        const std::size_t end = day_part_at(i + 2);
        emit(i, end, NumberKind::date, value);
        return end;
      }
      if (role(i + 1) == Role::weekend) {
        // "this weekend": the one just past, or the coming one after "will"
        const bool coming = shift > 0 || (shift == 0 && future(i));
        emit(i, i + 2, NumberKind::interval, coming ? "rel:>WKND" : "rel:<WKND");
        return i + 2;
      }
      const bool after_the = i > 0 && word_is(i - 1, "the");
      const std::string_view period = lower(i + 1);
      if (period == "day" && after_the && shift > 0) {  // "the next day"
        emit(i - 1, i + 2, NumberKind::date, relative(1, 'D'));
        return i + 2;
      }
      if (after_the) return 0;                                        // "the last year" is the twelve months before
      if (const std::size_t end = day_part_at(i + 1); end > i + 1) {  // "this morning", "last night"
        if (shift > 0 || (shift < 0 && period != "night")) return 0;
        emit(i, end, NumberKind::date, relative(shift, 'D'));
        return end;
      }
      const char unit = period == "week" ? 'W' : period == "month" ? 'M' : period == "year" ? 'Y' : 0;
      if (!unit) return 0;
      // "earlier this month", "late last year"
      const std::string_view before = i > 0 ? lower(i - 1) : std::string_view();
      const bool within = before == "earlier" || before == "later" || before == "early" || before == "late";
      const std::size_t first = within ? i - 1 : i;
      emit(first, i + 2, unit == 'Y' ? NumberKind::year : NumberKind::date, relative(shift, unit));
      return i + 2;
    }
    case Role::weekend: {  // "over the weekend"
      if (i < 2 || !word_is(i - 1, "the")) return 0;
      const std::string_view before = lower(i - 2);
      if (before != "over" && before != "during" && before != "on" && before != "at") return 0;
      emit(i - 2, i + 1, NumberKind::interval, future(i - 2) ? "rel:>WKND" : "rel:<WKND");
      return i + 1;
    }
    case Role::ago: {  // "a year ago": "a" is no number by itself
      if (i < 2 || role(i - 2) != Role::article) return 0;
      const TimeUnit* unit = time_unit(lower(i - 1));
      if (!unit) return 0;
      std::string value = ago_value(*unit, unit->factor);
      if (value.empty()) return 0;
      emit(i - 2, i + 1, unit->designator == 'Y' ? NumberKind::year : NumberKind::date, std::move(value));
      return i + 1;
    }
    case Role::sequel: {  // "the day before", "the day after" at the end of a clause
      if (i < 2 || !word_is(i - 1, "day") || !word_is(i - 2, "the") || is_word(i + 1)) return 0;
      emit(i - 2, i + 1, NumberKind::date, relative(static_cast<long>(word_value(i)), 'D'));
      return i + 1;
    }
    default:
      return 0;
  }
}

bool SentenceReader::emit_age(const Quantity& q, Qualifier qualifier) {
  if (q.kind != NumberKind::cardinal || !q.unit.empty() || q.value <= 0) return false;
  // "aged 34", "at age 34", "the age of 34": years of age.
  const std::size_t i = q.first;
  const bool after_age_word = i > 0 && (word_is(i - 1, "aged") || (word_is(i - 1, "age") && word_is(i - 2, "at")) ||
                                        (word_is(i - 1, "of") && word_is(i - 2, "age")));
  if (after_age_word) {
    std::size_t end = q.end;
    const TimeUnit* unit = time_unit(lower(end));  // "aged 34 years"
    if (unit && !unit->clock && unit->factor == 1)
      ++end;
    else
      unit = nullptr;
    if (unit || counted_after(end).empty()) {
      emit(q.first, end, NumberKind::age, format_decimal(q.value), std::string(unit ? unit->singular : "year"),
           qualifier);
      return true;
    }
  }
  // "five years old", "a 34-year-old man", "an 18-month-old": the unit of time, then "old".
  std::size_t k = q.end;
  const bool hyphens = is_symbol(k, '-') && adjacent(k - 1) && adjacent(k);
  if (hyphens) ++k;
  const TimeUnit* unit = time_unit(lower(k));
  if (!unit || unit->clock || unit->factor != 1) return false;
  if (hyphens && !(is_symbol(k + 1, '-') && adjacent(k) && adjacent(k + 1))) return false;
  const std::size_t old_at = hyphens ? k + 2 : k + 1;
  if (!word_is(old_at, "old")) return false;
  emit(q.first, old_at + 1, NumberKind::age, format_decimal(q.value), std::string(unit->singular), qualifier,
       counted_after(old_at + 1));
  return true;
}

bool SentenceReader::emit_duration(const Quantity& q, Qualifier qualifier) {
  const std::size_t k = q.end;
  const std::string_view w = lower(k);
  if (w.empty() || lx_[q.end - 1].end == lx_[k].start) return false;  // "3days" is no phrase
  const TimeUnit* unit = time_unit(w);
  if (!unit) return false;
  const std::string_view next = lower(k + 1);
  if (next == "old" || next == "older" || next == "younger") return false;  // an age
  const double amount = q.value * unit->factor;
  if (next == "ago") {  // "two years ago"
    if (std::string value = ago_value(*unit, amount); !value.empty()) {
      emit(q.first, k + 2, unit->designator == 'Y' ? NumberKind::year : NumberKind::date, std::move(value), {},
           qualifier);
      return true;
    }
  }
  std::string value = unit->clock ? "PT" : "P";
  value += format_decimal(amount);
  value += unit->designator;
  emit(q.first, k + 1, NumberKind::duration, std::move(value), {}, qualifier);
  return true;
}

}  // namespace numbers_detail

}  // namespace tmk
