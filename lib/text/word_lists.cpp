#include "text/word_lists.hpp"

#include <algorithm>

#include "core/resources.hpp"

namespace tmk::words {

bool is_all_caps(std::string_view word) {
  return word.size() > 1 && std::none_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

std::string lower_ascii(std::string_view word) {
  std::string out(word);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

namespace {

// Rows "name<TAB>number<TAB>short forms" (months) or "name<TAB>short forms" (days, numbered
// in order). Views into the embedded resource, which lives as long as the program.
std::vector<CalendarName> load_calendar(std::string_view resource_name, bool numbered) {
  std::vector<CalendarName> names;
  for_each_resource_line(resource_name, [&](std::string_view line) {
    const std::vector<std::string_view> fields = split_fields(line, '\t');
    CalendarName entry;
    entry.name = fields.at(0);
    entry.number = numbered ? std::stoi(std::string(fields.at(1))) : static_cast<int>(names.size()) + 1;
    if (fields.size() > (numbered ? 2u : 1u)) entry.short_forms = split_fields(fields.back(), ' ');
    names.push_back(std::move(entry));
  });
  return names;
}

}  // namespace

void WordList::add(std::string_view word) {
  words_.insert(lower_ascii(word));
}

bool WordList::contains(std::string_view word) const {
  for (const char c : word)
    if (c >= 'A' && c <= 'Z') return words_.find(lower_ascii(word)) != words_.end();
  return words_.find(word) != words_.end();
}

const FirstNames& first_names() {
  static const auto names = [] {
    FirstNames map;
    for_each_resource_line("words/first-names.tsv", [&](std::string_view line) {
      const auto tab = line.find('\t');
      if (tab != std::string_view::npos && tab + 1 < line.size()) map[std::string(line.substr(0, tab))] = line[tab + 1];
    });
    return map;
  }();
  return names;
}

const WordList& titles() {
  static const WordList list = [] {
    WordList titles;
    for_each_resource_line("words/titles.txt", [&](std::string_view line) { titles.add(line); });
    return titles;
  }();
  return list;
}

const std::vector<CalendarName>& weekdays() {
  static const std::vector<CalendarName> names = load_calendar("words/weekdays.tsv", false);
  return names;
}

const std::vector<CalendarName>& months() {
  static const std::vector<CalendarName> names = load_calendar("words/months.tsv", true);
  return names;
}

const WordList& weekday_names() {
  static const WordList list = [] {
    WordList names;
    for (const CalendarName& day : weekdays()) names.add(day.name);
    return names;
  }();
  return list;
}

const WordList& month_names() {
  static const WordList list = [] {
    WordList names;
    for (const CalendarName& month : months()) {
      names.add(month.name);
      for (const std::string_view short_form : month.short_forms) names.add(short_form);
    }
    return names;
  }();
  return list;
}

std::vector<Abbreviation> abbreviations(std::string_view language) {
  std::vector<Abbreviation> list;
  for_each_resource_line("abbreviations/" + std::string(language) + ".txt", [&](std::string_view line) {
    // Fields are separated by tabs or spaces: the word, then its kind and marks in any order.
    Abbreviation entry;
    bool first = true;
    while (!line.empty()) {
      const std::size_t end = std::min(line.find_first_of(" \t"), line.size());
      const std::string_view field = line.substr(0, end);
      line.remove_prefix(end);
      while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
      if (first) {
        entry.word = std::string(field);
        first = false;
      } else if (field == "title") {
        entry.kind = AbbreviationKind::title;
      } else if (field == "number") {
        entry.kind = AbbreviationKind::number;
      } else if (field == "time") {
        entry.kind = AbbreviationKind::time;
      } else if (field == "token") {
        entry.one_token = true;
      }
    }
    list.push_back(entry);
  });
  if (language == "en") {
    // Written with a capital. The entity model's training data keeps the period of a month
    // ("Jan.") on the word, not that of a day.
    for (const CalendarName& month : months())
      for (const std::string_view short_form : month.short_forms)
        list.push_back({capitalized(short_form), AbbreviationKind::may_end, true});
    for (const CalendarName& day : weekdays())
      for (const std::string_view short_form : day.short_forms)
        list.push_back({capitalized(short_form), AbbreviationKind::may_end, false});
  }
  return list;
}

std::string capitalized(std::string_view lower) {
  std::string out(lower);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

}  // namespace tmk::words
