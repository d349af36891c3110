#pragma once
// What tmk-report shows, gathered from the tables tmk-extract writes into a directory
// (documents.tsv, entities.tsv, numbers.tsv, quotes.tsv, sentences.tsv, manifest.json):
// aggregates over the whole corpus and bounded samples of it, so the report of a large
// corpus stays small. Columns are found by header name; a missing table leaves its part
// empty. Everything is ordered explicitly, so the same tables give the same summary.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace tmk::report {

// How much of the corpus the report keeps.
struct ReportLimits {
  std::size_t names_per_type = 15;     // bars per entity type
  std::size_t speakers = 15;           // speakers shown
  std::size_t quotes_per_speaker = 5;  // quotations kept for each of them
  std::size_t examples_per_name = 3;   // sentences kept for each name
  std::size_t amounts = 10;            // largest money amounts
  std::size_t network_names = 20;      // names in the co-occurrence network
  std::size_t names_over_time = 8;     // names drawn over time
  std::size_t documents_shown = 100;   // documents whose text the document view holds
  unsigned jobs = 0;                   // threads reading tables (0: all cores)
};

// A place in the corpus: a span of a sentence of a document (byte offsets into the document).
struct Example {
  std::string doc;
  std::size_t sent = 0;
  std::size_t start = 0;
  std::size_t end = 0;
};

struct NameCount {
  std::string type;  // PER, ORG, LOC, MISC
  std::string name;  // canonical name, its text when empty (as tmk-cooc)
  std::uint64_t count = 0;
  std::uint64_t docs = 0;
  std::vector<Example> examples;                   // the first mentions, in table order
  std::map<std::string, std::uint64_t> by_period;  // mentions per period of the documents' dates
};

struct QuoteSample {
  Example at;
  std::string kind;   // full, partial, indirect, ...
  std::string quote;  // the quoted text (quotes.tsv's text column)
};

struct Speaker {
  std::string name;  // speaker_canonical
  std::string role;  // the first speaker_role given, if any
  std::string org;   // the first speaker_org given, if any
  std::uint64_t quotes = 0;
  std::uint64_t docs = 0;
  std::vector<QuoteSample> samples;
};

struct Amount {
  Example at;
  double value = 0;
  std::string unit;
  std::string text;
};

struct ValueCount {
  std::string key;
  std::uint64_t count = 0;
  std::uint64_t docs = 0;
};

struct Edge {
  std::size_t a = 0, b = 0;  // indexes into network_nodes
  std::uint64_t count = 0;   // sentences holding both
};

// A highlighted span of a shown document.
struct Highlight {
  std::size_t start = 0, end = 0;
  std::string kind;   // a CSS class: ent-PER, ent-ORG, ..., number, quote
  std::string label;  // what the span is (type and canonical name, number value, speaker)
};

struct SentenceText {
  std::size_t sent = 0;
  std::size_t start = 0;
  std::string text;
};

struct ShownDocument {
  std::string doc;
  std::vector<SentenceText> sentences;
  std::vector<Highlight> highlights;  // by start
};

// What manifest.json says of the run that wrote the tables.
struct Provenance {
  bool read = false;  // a manifest was there and could be read
  std::string version, commit, command, options, started, finished;
  bool complete = false;
};

struct CorpusSummary {
  // documents.tsv
  std::uint64_t documents = 0;
  std::uint64_t bytes = 0;
  std::uint64_t sentences = 0;
  std::string date_column;  // "date" when documents.tsv has one
  std::string first_date, last_date;
  std::vector<ValueCount> outlets;  // by documents, when documents.tsv has an outlet column
  std::string period;               // "month" or "day": how dates are grouped
  std::vector<std::pair<std::string, std::uint64_t>> documents_by_period;
  // sentences.tsv
  std::uint64_t words = 0;          // runs of non-space bytes in the sentences' text
  Provenance provenance;            // from manifest.json
  std::vector<std::string> tables;  // those found, in a fixed order

  std::vector<NameCount> names;              // the top names of each type, by type then count
  std::vector<std::size_t> names_over_time;  // indexes into names: the most mentioned overall
  std::uint64_t mentions = 0;
  std::vector<Speaker> speakers;
  std::uint64_t quotations = 0, attributed = 0;
  std::vector<ValueCount> number_kinds;
  std::uint64_t numbers = 0;
  std::vector<Amount> largest_amounts;
  std::vector<NameCount> network_nodes;  // without examples
  std::vector<Edge> network_edges;
  std::map<std::pair<std::string, std::size_t>, SentenceText> example_sentences;  // by (doc, sent)
  std::vector<ShownDocument> shown_documents;  // in the order the examples first name them
};

// Reads the tables in `dir`. Throws std::runtime_error when `dir` holds no documents.tsv
// or a table lacks a column the report needs (the message names the file).
CorpusSummary summarize_extract_directory(const std::string& dir, const ReportLimits& limits);

}  // namespace tmk::report
