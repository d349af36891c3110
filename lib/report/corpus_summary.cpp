#include "report/corpus_summary.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "cli/parallel.hpp"
#include "core/diagnostics.hpp"
#include "corpus/cooccurrence.hpp"
#include "corpus/counter.hpp"
#include "tmk/core/io.hpp"
#include "tmk/core/tsv.hpp"

namespace tmk::report {

namespace {

namespace fs = std::filesystem;

// The tables in the order the report names them.
const char* const kTables[] = {"documents", "sentences", "entities", "numbers", "quotes"};

std::string table_path(const std::string& dir, std::string_view table) {
  return (fs::path(dir) / (std::string(table) + ".tsv")).string();
}

// Calls `read` with a reader over DIR/TABLE.tsv, unless the table is missing or empty.
void read_table(const std::string& dir, std::string_view table, const std::function<void(TsvReader&)>& read) {
  const std::string path = table_path(dir, table);
  if (!fs::exists(path)) return;
  try {
    if (const auto reader = open_tsv(path)) read(*reader);
  } catch (const std::exception& e) {
    throw std::runtime_error(path + ": " + e.what());
  }
}

// The period a date falls in: YYYY-MM or YYYY-MM-DD, nothing when it does not start with a
// valid date.
std::string date_period(std::string_view date, bool by_month) {
  const auto number = [&](std::size_t from, std::size_t n) {
    int value = 0;
    for (std::size_t i = from; i < from + n; ++i) {
      if (i >= date.size() || date[i] < '0' || date[i] > '9') return -1;
      value = value * 10 + (date[i] - '0');
    }
    return value;
  };
  const int month = number(5, 2);
  if (number(0, 4) < 0 || date.size() < 7 || date[4] != '-' || month < 1 || month > 12) return {};
  if (by_month) return std::string(date.substr(0, 7));
  const int day = number(8, 2);
  const std::chrono::year_month_day valid{std::chrono::year(number(0, 4)), std::chrono::month(month),
                                          std::chrono::day(day < 0 ? 0 : day)};
  if (date.size() < 10 || date[7] != '-' || !valid.ok()) return {};
  return std::string(date.substr(0, 10));
}

// The day number of a date that date_period accepts by day (YYYY-MM-DD...).
long day_number(std::string_view date) {
  const auto part = [&](std::size_t from, std::size_t n) { return std::stoi(std::string(date.substr(from, n))); };
  const std::chrono::year_month_day day{std::chrono::year(part(0, 4)), std::chrono::month(part(5, 2)),
                                        std::chrono::day(part(8, 2))};
  return std::chrono::sys_days(day).time_since_epoch().count();
}

// The period after `period` (YYYY-MM or YYYY-MM-DD, as date_period makes them).
std::string next_period(const std::string& period) {
  using namespace std::chrono;
  const int y = std::stoi(period.substr(0, 4));
  const unsigned m = static_cast<unsigned>(std::stoi(period.substr(5, 2)));
  char text[16];
  if (period.size() == 7) {
    const year_month next = year(y) / month(m) + months(1);
    std::snprintf(text, sizeof text, "%04d-%02u", static_cast<int>(next.year()), static_cast<unsigned>(next.month()));
  } else {
    const year_month_day next{
        sys_days(year(y) / month(m) / day(static_cast<unsigned>(std::stoi(period.substr(8, 2))))) + days(1)};
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(next.year()),
                  static_cast<unsigned>(next.month()), static_cast<unsigned>(next.day()));
  }
  return text;
}

// Documents by id, in the order documents.tsv lists them; a document's period when dated.
struct DocumentIndex {
  std::unordered_map<std::string, std::uint32_t> ids;
  std::vector<std::string> period;  // by index; empty when undated
  std::uint32_t find(std::string_view doc) const {
    const auto found = ids.find(std::string(doc));
    return found == ids.end() ? UINT32_MAX : found->second;
  }
};

void read_documents(const std::string& dir, CorpusSummary& summary, DocumentIndex& index) {
  std::vector<std::string> dates;
  std::map<std::string, std::uint64_t> outlets;
  bool found = false;
  read_table(dir, "documents", [&](TsvReader& reader) {
    found = true;
    const std::size_t doc_col = reader.require_column("doc");
    const auto bytes_col = reader.find_column("bytes");
    const auto sentences_col = reader.find_column("sentences");
    const auto date_col = reader.find_column("date");
    const auto outlet_col = reader.find_column("outlet");
    if (date_col) summary.date_column = "date";
    std::vector<std::string_view> fields;
    while (reader.next(fields)) {
      index.ids.emplace(std::string(fields[doc_col]), static_cast<std::uint32_t>(dates.size()));
      ++summary.documents;
      if (bytes_col) summary.bytes += reader.whole_number(fields[*bytes_col], "bytes");
      if (sentences_col) summary.sentences += reader.whole_number(fields[*sentences_col], "sentences");
      dates.push_back(date_col ? tsv_unescape(fields[*date_col]) : std::string());
      if (outlet_col && !fields[*outlet_col].empty()) ++outlets[tsv_unescape(fields[*outlet_col])];
    }
  });
  if (!found)
    throw std::runtime_error(table_path(dir, "documents") + ": no such table (is it a tmk-extract directory?)");
  std::string first, last;
  for (const auto& date : dates) {
    if (date_period(date, true).empty()) continue;
    if (first.empty() || date < first) first = date;
    if (last.empty() || date > last) last = date;
  }
  summary.first_date = first;
  summary.last_date = last;
  // Days while the dates span two months or less, else months.
  const bool by_month = first.empty() || date_period(first, false).empty() || date_period(last, false).empty() ||
                        day_number(last) - day_number(first) > 62;
  summary.period = first.empty() ? "" : by_month ? "month" : "day";
  std::map<std::string, std::uint64_t> per_period;
  index.period.reserve(dates.size());
  for (const auto& date : dates) {
    index.period.push_back(first.empty() ? std::string() : date_period(date, by_month));
    if (!index.period.back().empty()) ++per_period[index.period.back()];
  }
  // Every period from the first to the last, those without documents too, so that the
  // charts' time axis is even (up to a century of months; beyond, only those with documents).
  constexpr std::size_t kMostPeriods = 1200;
  if (!per_period.empty()) {
    for (std::string period = per_period.begin()->first;
         period <= per_period.rbegin()->first && summary.documents_by_period.size() <= kMostPeriods;
         period = next_period(period))
      summary.documents_by_period.emplace_back(period, per_period.count(period) ? per_period[period] : 0);
  }
  if (summary.documents_by_period.size() > kMostPeriods)
    summary.documents_by_period.assign(per_period.begin(), per_period.end());
  for (const auto& [outlet, docs] : outlets) summary.outlets.push_back({outlet, docs, docs});
  std::stable_sort(summary.outlets.begin(), summary.outlets.end(),
                   [](const ValueCount& x, const ValueCount& y) { return x.count > y.count; });
}

// The manifest's provenance. A manifest that cannot be read or is not what tmk-extract
// writes is reported (status 1) and the report is made without it.
void read_manifest(const std::string& dir, CorpusSummary& summary) {
  const fs::path path = fs::path(dir) / "manifest.json";
  if (!fs::exists(path)) return;
  const auto text = [](const nlohmann::json& object, const char* key) {
    if (!object.is_object() || !object.contains(key)) return std::string();
    const auto& value = object[key];
    return value.is_string() ? value.get<std::string>()
                             : value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  };
  try {
    const auto source = ByteSource::open(path.string());
    const nlohmann::json manifest = nlohmann::json::parse(read_all(*source));
    if (!manifest.is_object()) throw std::runtime_error("not a JSON object");
    Provenance& read = summary.provenance;
    if (manifest.contains("tmk")) {
      read.version = text(manifest["tmk"], "version");
      read.commit = text(manifest["tmk"], "commit");
    }
    if (manifest.contains("command") && manifest["command"].is_array()) {
      for (const auto& word : manifest["command"]) {
        if (!read.command.empty()) read.command += ' ';
        read.command += word.is_string() ? word.get<std::string>()
                                         : word.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      }
    }
    read.options = text(manifest, "options");
    read.started = text(manifest, "started");
    read.finished = text(manifest, "finished");
    read.complete = manifest.contains("complete") && manifest["complete"] == true;
    read.read = true;
  } catch (const std::exception& e) {
    diag::error(path.string(), e.what());
  }
}

// Rows and documents of one key (a document's rows come together, as tmk writes them).
struct Tally {
  std::uint64_t count = 0;
  std::uint64_t docs = 0;
  std::string last_doc;  // escaped
  void add(std::string_view doc) {
    ++count;
    if (docs == 0 || doc != last_doc) {
      ++docs;
      last_doc.assign(doc);
    }
  }
};

struct NameTally {
  Tally tally;
  std::vector<Example> examples;
  std::map<std::string, std::uint64_t> by_period;
};

// Every name of entities.tsv with its counts; the report keeps the top ones.
using NameTable = std::map<std::pair<std::string, std::string>, NameTally>;  // (type, name)

void read_entities(const std::string& dir, const DocumentIndex& index, const ReportLimits& limits, NameTable& names,
                   std::uint64_t& mentions) {
  read_table(dir, "entities", [&](TsvReader& reader) {
    const std::size_t doc_col = reader.require_column("doc");
    const std::size_t sent_col = reader.require_column("sent");
    const std::size_t start_col = reader.require_column("start");
    const std::size_t end_col = reader.require_column("end");
    const std::size_t type_col = reader.require_column("type");
    const std::size_t canonical_col = reader.require_column("canonical");
    const auto text_col = reader.find_column("text");
    std::vector<std::string_view> fields;
    // Names are looked up by their escaped bytes; a map entry is made once per name.
    std::unordered_map<std::string, NameTally*> by_key;
    std::string key;
    while (reader.next(fields)) {
      std::string_view name = fields[canonical_col];
      if (name.empty() && text_col) name = fields[*text_col];
      if (name.empty()) continue;
      ++mentions;
      key.assign(fields[type_col]).append("\t").append(name);
      auto found = by_key.find(key);
      if (found == by_key.end()) {
        NameTally& tally = names[{tsv_unescape(fields[type_col]), tsv_unescape(name)}];
        found = by_key.emplace(key, &tally).first;
      }
      NameTally& tally = *found->second;
      tally.tally.add(fields[doc_col]);
      const std::uint32_t doc = index.find(fields[doc_col]);
      if (tally.examples.size() < limits.examples_per_name)
        tally.examples.push_back({tsv_unescape(fields[doc_col]), reader.whole_number(fields[sent_col], "sent"),
                                  reader.whole_number(fields[start_col], "start"),
                                  reader.whole_number(fields[end_col], "end")});
      if (doc != UINT32_MAX && !index.period[doc].empty()) ++tally.by_period[index.period[doc]];
    }
  });
}

NameCount to_name_count(const std::pair<std::string, std::string>& key, const NameTally& tally) {
  return {key.first, key.second, tally.tally.count, tally.tally.docs, tally.examples, tally.by_period};
}

// By count (descending), then type and name bytes: tmk-count's order.
bool more_mentioned(const NameCount& x, const NameCount& y) {
  if (x.count != y.count) return x.count > y.count;
  return std::tie(x.type, x.name) < std::tie(y.type, y.name);
}

void select_names(const NameTable& table, const ReportLimits& limits, CorpusSummary& summary) {
  std::vector<NameCount> all;
  all.reserve(table.size());
  for (const auto& [key, tally] : table) all.push_back(to_name_count(key, tally));
  std::sort(all.begin(), all.end(), more_mentioned);
  std::map<std::string, std::size_t> per_type;
  for (const NameCount& name : all)
    if (per_type[name.type]++ < limits.names_per_type) summary.names.push_back(name);
  std::stable_sort(summary.names.begin(), summary.names.end(),
                   [](const NameCount& x, const NameCount& y) { return x.type < y.type; });
  for (std::size_t i = 0; i < summary.names.size(); ++i) summary.names_over_time.push_back(i);
  std::stable_sort(summary.names_over_time.begin(), summary.names_over_time.end(),
                   [&](std::size_t x, std::size_t y) { return more_mentioned(summary.names[x], summary.names[y]); });
  if (summary.names_over_time.size() > limits.names_over_time) summary.names_over_time.resize(limits.names_over_time);
  if (summary.period.empty()) summary.names_over_time.clear();
  for (std::size_t i = 0; i < all.size() && i < limits.network_names; ++i) {
    summary.network_nodes.push_back(all[i]);
    summary.network_nodes.back().examples.clear();
    summary.network_nodes.back().by_period.clear();
  }
}

// The edges among the network's names: sentences holding both, counted as tmk-cooc does.
void read_network_edges(const std::string& dir, CorpusSummary& summary) {
  if (summary.network_nodes.size() < 2) return;
  KeyCounter pairs;
  read_table(dir, "entities", [&](TsvReader& reader) { CooccurrenceCounter({}).count(reader, pairs); });
  std::map<std::pair<std::string, std::string>, std::size_t> node_index;  // (name, type), unescaped
  for (std::size_t i = 0; i < summary.network_nodes.size(); ++i)
    node_index[{summary.network_nodes[i].name, summary.network_nodes[i].type}] = i;
  std::vector<std::string_view> fields;
  for (const tmk::KeyCount& pair : pairs.entries()) {
    split_tsv_line(pair.key, fields);  // a, b, type_a, type_b
    const auto a = node_index.find({tsv_unescape(fields[0]), tsv_unescape(fields[2])});
    const auto b = node_index.find({tsv_unescape(fields[1]), tsv_unescape(fields[3])});
    if (a == node_index.end() || b == node_index.end()) continue;
    summary.network_edges.push_back({std::min(a->second, b->second), std::max(a->second, b->second), pair.count});
  }
  std::sort(summary.network_edges.begin(), summary.network_edges.end(), [](const Edge& x, const Edge& y) {
    return x.count != y.count ? x.count > y.count : std::tie(x.a, x.b) < std::tie(y.a, y.b);
  });
}

struct SpeakerTally {
  Tally tally;
  std::string role, org;
  std::vector<QuoteSample> samples;
};

void read_quotes(const std::string& dir, const ReportLimits& limits, CorpusSummary& summary) {
  std::map<std::string, SpeakerTally> speakers;
  read_table(dir, "quotes", [&](TsvReader& reader) {
    const std::size_t doc_col = reader.require_column("doc");
    const std::size_t sent_col = reader.require_column("sent");
    const std::size_t start_col = reader.require_column("start");
    const std::size_t end_col = reader.require_column("end");
    const std::size_t kind_col = reader.require_column("kind");
    const std::size_t speaker_col = reader.require_column("speaker_canonical");
    const std::size_t quote_col = reader.require_column("text");
    const auto role_col = reader.find_column("speaker_role");
    const auto org_col = reader.find_column("speaker_org");
    std::vector<std::string_view> fields;
    while (reader.next(fields)) {
      ++summary.quotations;
      if (fields[speaker_col].empty()) continue;
      ++summary.attributed;
      SpeakerTally& speaker = speakers[tsv_unescape(fields[speaker_col])];
      speaker.tally.add(fields[doc_col]);
      if (role_col && speaker.role.empty()) speaker.role = tsv_unescape(fields[*role_col]);
      if (org_col && speaker.org.empty()) speaker.org = tsv_unescape(fields[*org_col]);
      if (speaker.samples.size() < limits.quotes_per_speaker)
        speaker.samples.push_back(
            {{tsv_unescape(fields[doc_col]), reader.whole_number(fields[sent_col], "sent"),
              reader.whole_number(fields[start_col], "start"), reader.whole_number(fields[end_col], "end")},
             tsv_unescape(fields[kind_col]),
             tsv_unescape(fields[quote_col])});
    }
  });
  for (auto& [name, tally] : speakers)
    summary.speakers.push_back({name, tally.role, tally.org, tally.tally.count, tally.tally.docs, tally.samples});
  std::stable_sort(summary.speakers.begin(), summary.speakers.end(),
                   [](const Speaker& x, const Speaker& y) { return x.quotes > y.quotes; });
  if (summary.speakers.size() > limits.speakers) summary.speakers.resize(limits.speakers);
}

void read_numbers(const std::string& dir, const ReportLimits& limits, CorpusSummary& summary) {
  std::map<std::string, Tally> kinds;
  read_table(dir, "numbers", [&](TsvReader& reader) {
    const std::size_t doc_col = reader.require_column("doc");
    const std::size_t sent_col = reader.require_column("sent");
    const std::size_t start_col = reader.require_column("start");
    const std::size_t end_col = reader.require_column("end");
    const std::size_t kind_col = reader.require_column("kind");
    const std::size_t value_col = reader.require_column("value");
    const auto unit_col = reader.find_column("unit");
    const auto text_col = reader.find_column("text");
    std::vector<std::string_view> fields;
    const auto larger = [](const Amount& x, const Amount& y) { return x.value > y.value; };
    while (reader.next(fields)) {
      ++summary.numbers;
      kinds[tsv_unescape(fields[kind_col])].add(fields[doc_col]);
      if (fields[kind_col] != "money") continue;
      double value = 0;
      const std::string_view field = fields[value_col];
      const auto parsed = std::from_chars(field.data(), field.data() + field.size(), value);
      if (parsed.ec != std::errc() || !std::isfinite(value)) continue;
      // Kept in order of value; among equal values the first in the table stays first.
      auto& amounts = summary.largest_amounts;
      if (amounts.size() == limits.amounts && !(value > amounts.back().value)) continue;
      Amount amount{{tsv_unescape(fields[doc_col]), reader.whole_number(fields[sent_col], "sent"),
                     reader.whole_number(fields[start_col], "start"), reader.whole_number(fields[end_col], "end")},
                    value,
                    unit_col ? tsv_unescape(fields[*unit_col]) : std::string(),
                    text_col ? tsv_unescape(fields[*text_col]) : std::string()};
      amounts.insert(std::upper_bound(amounts.begin(), amounts.end(), amount, larger), std::move(amount));
      if (amounts.size() > limits.amounts) amounts.pop_back();
    }
  });
  for (const auto& [kind, tally] : kinds) summary.number_kinds.push_back({kind, tally.count, tally.docs});
  std::stable_sort(summary.number_kinds.begin(), summary.number_kinds.end(),
                   [](const ValueCount& x, const ValueCount& y) { return x.count > y.count; });
}

// The documents the examples come from (those shown in full), in the order they are named.
std::vector<std::string> documents_to_show(const CorpusSummary& summary, const ReportLimits& limits) {
  std::vector<std::string> docs;
  std::unordered_set<std::string> seen;
  const auto add = [&](const Example& example) {
    if (docs.size() < limits.documents_shown && seen.insert(example.doc).second) docs.push_back(example.doc);
  };
  for (const Speaker& speaker : summary.speakers)
    for (const QuoteSample& sample : speaker.samples) add(sample.at);
  for (const Amount& amount : summary.largest_amounts) add(amount.at);
  for (const NameCount& name : summary.names)
    for (const Example& example : name.examples) add(example);
  return docs;
}

// Words are runs of bytes other than space, TAB, LF and CR, as awk splits the sentences'
// text once the escaped ones are spaces (the command the page shows).
std::uint64_t count_words(std::string_view text) {
  std::uint64_t words = 0;
  bool in_word = false;
  for (const char c : text) {
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

void read_sentences(const std::string& dir, const std::set<std::pair<std::string, std::size_t>>& wanted,
                    std::map<std::string, ShownDocument*>& shown, CorpusSummary& summary) {
  read_table(dir, "sentences", [&](TsvReader& reader) {
    const std::size_t doc_col = reader.require_column("doc");
    const std::size_t sent_col = reader.require_column("sent");
    const std::size_t start_col = reader.require_column("start");
    const std::size_t text_col = reader.require_column("text");
    std::vector<std::string_view> fields;
    std::pair<std::string, std::size_t> place;
    while (reader.next(fields)) {
      std::string text = tsv_unescape(fields[text_col]);
      summary.words += count_words(text);
      place.first = tsv_unescape(fields[doc_col]);
      place.second = reader.whole_number(fields[sent_col], "sent");
      const auto doc = shown.find(place.first);
      if (!wanted.count(place) && doc == shown.end()) continue;
      SentenceText sentence{place.second, reader.whole_number(fields[start_col], "start"), std::move(text)};
      if (wanted.count(place)) summary.example_sentences[place] = sentence;
      if (doc != shown.end()) doc->second->sentences.push_back(std::move(sentence));
    }
  });
}

// The entities, numbers and quotations of the shown documents, to highlight.
void read_highlights(const std::string& dir, std::string_view table, std::map<std::string, ShownDocument*>& shown) {
  read_table(dir, table, [&](TsvReader& reader) {
    const std::size_t doc_col = reader.require_column("doc");
    const std::size_t start_col = reader.require_column("start");
    const std::size_t end_col = reader.require_column("end");
    const auto type_col = reader.find_column(table == "entities" ? "type" : "kind");
    const auto label_col = reader.find_column(table == "entities"  ? "canonical"
                                              : table == "numbers" ? "value"
                                                                   : "speaker_canonical");
    const auto unit_col = reader.find_column("unit");
    std::vector<std::string_view> fields;
    while (reader.next(fields)) {
      const auto doc = shown.find(tsv_unescape(fields[doc_col]));
      if (doc == shown.end()) continue;
      const std::string type = type_col ? tsv_unescape(fields[*type_col]) : std::string();
      std::string label = type;
      if (label_col && !fields[*label_col].empty()) label += ": " + tsv_unescape(fields[*label_col]);
      if (unit_col && !fields[*unit_col].empty()) label += " " + tsv_unescape(fields[*unit_col]);
      if (table == "quotes" && (!label_col || fields[*label_col].empty())) label += ": unattributed";
      const std::string kind = table == "entities" ? "ent-" + type : table == "numbers" ? "number" : "quote";
      doc->second->highlights.push_back(
          {reader.whole_number(fields[start_col], "start"), reader.whole_number(fields[end_col], "end"), kind, label});
    }
  });
}

}  // namespace

CorpusSummary summarize_extract_directory(const std::string& dir, const ReportLimits& limits) {
  if (!fs::is_directory(dir)) throw std::runtime_error(dir + ": no such directory");
  CorpusSummary summary;
  DocumentIndex index;
  read_documents(dir, summary, index);
  read_manifest(dir, summary);
  for (const char* table : kTables)
    if (fs::exists(table_path(dir, table))) summary.tables.emplace_back(table);

  NameTable names;
  run_tasks({[&] { read_entities(dir, index, limits, names, summary.mentions); },
             [&] { read_quotes(dir, limits, summary); }, [&] { read_numbers(dir, limits, summary); }},
            limits.jobs);
  select_names(names, limits, summary);
  names.clear();

  std::set<std::pair<std::string, std::size_t>> wanted;
  for (const Speaker& speaker : summary.speakers)
    for (const QuoteSample& sample : speaker.samples) wanted.insert({sample.at.doc, sample.at.sent});
  for (const Amount& amount : summary.largest_amounts) wanted.insert({amount.at.doc, amount.at.sent});
  for (const NameCount& name : summary.names)
    for (const Example& example : name.examples) wanted.insert({example.doc, example.sent});
  const std::vector<std::string> shown_ids = documents_to_show(summary, limits);
  summary.shown_documents.resize(shown_ids.size());
  std::map<std::string, ShownDocument*> shown;
  for (std::size_t i = 0; i < shown_ids.size(); ++i) {
    summary.shown_documents[i].doc = shown_ids[i];
    shown[shown_ids[i]] = &summary.shown_documents[i];
  }
  // Each task reads one table and fills its own part of the shown documents.
  std::map<std::string, ShownDocument> entity_spans, number_spans, quote_spans;
  std::map<std::string, ShownDocument*> entity_view, number_view, quote_view;
  for (const auto& id : shown_ids) {
    entity_view[id] = &entity_spans[id];
    number_view[id] = &number_spans[id];
    quote_view[id] = &quote_spans[id];
  }
  run_tasks(
      {[&] { read_network_edges(dir, summary); }, [&] { read_sentences(dir, wanted, shown, summary); },
       [&] { read_highlights(dir, "entities", entity_view); }, [&] { read_highlights(dir, "numbers", number_view); },
       [&] { read_highlights(dir, "quotes", quote_view); }},
      limits.jobs);
  for (ShownDocument& doc : summary.shown_documents) {
    for (auto* part : {&quote_spans[doc.doc], &entity_spans[doc.doc], &number_spans[doc.doc]})
      doc.highlights.insert(doc.highlights.end(), part->highlights.begin(), part->highlights.end());
    std::stable_sort(doc.highlights.begin(), doc.highlights.end(),
                     [](const Highlight& x, const Highlight& y) { return x.start < y.start; });
  }
  return summary;
}

}  // namespace tmk::report
