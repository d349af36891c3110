#include "cli/tables.hpp"

#include <algorithm>

#include "core/diagnostics.hpp"
#include "core/sha256.hpp"
#include "tmk/core/tsv.hpp"

namespace tmk::cli {

const std::vector<std::string> kDocumentColumns = {"doc", "bytes", "sentences", "sha256"};
const std::vector<std::string> kSentenceColumns = {"doc", "sent", "start", "end", "text"};
const std::vector<std::string> kEntityColumns = {"doc", "sent", "start", "end", "type", "text", "canonical", "source"};
const std::vector<std::string> kNumberColumns = {"doc",   "sent", "start",     "end",     "kind",
                                                 "value", "unit", "qualifier", "counted", "text"};
// New columns go at the end, so that `cut -f` pipelines written for the older ones keep working.
const std::vector<std::string> kQuoteColumns = {"doc",           "sent",        "start",
                                                "end",           "kind",        "speaker",
                                                "speaker_start", "speaker_end", "speaker_canonical",
                                                "cue",           "text",        "quote",
                                                "speaker_role",  "speaker_org", "speaker_type"};

std::vector<std::string> with_kept_fields(const std::vector<std::string>& columns,
                                          const std::vector<std::string>& kept) {
  std::vector<std::string> all = columns;
  const auto doc = std::find(all.begin(), all.end(), "doc");
  all.insert(doc == all.end() ? all.begin() : doc + 1, kept.begin(), kept.end());
  return all;
}

namespace {

TsvRow& add_key(TsvRow& row, const RowKey& key) {
  row.add(key.id);
  for (const std::string& field : key.fields) row.add(field);
  return row;
}

std::string_view slice(std::string_view text, std::size_t start, std::size_t end) {
  return text.substr(start, end - start);
}

}  // namespace

void add_document_row(std::string& out, const TableLayout& layout, const RowKey& key, std::string_view text,
                      std::size_t sentences) {
  TsvRow row(out, layout);
  add_key(row, key).add(text.size()).add(sentences).add(sha256_hex(text)).end();
}

void add_sentence_rows(std::string& out, const TableLayout& layout, const RowKey& key, std::string_view text,
                       std::span<const Span> sentences) {
  std::size_t number = 0;
  for (const Span& span : sentences) {
    TsvRow row(out, layout);
    add_key(row, key).add(++number).add(span.start).add(span.end).add(slice(text, span.start, span.end)).end();
  }
}

void add_entity_rows(std::string& out, const TableLayout& layout, const RowKey& key, std::string_view text,
                     std::span<const EntityMention> mentions) {
  for (const EntityMention& m : mentions) {
    TsvRow row(out, layout);
    add_key(row, key)
        .add(m.sentence + 1)
        .add(m.start)
        .add(m.end)
        .add(to_string(m.type))
        .add(slice(text, m.start, m.end))
        .add(m.canonical)
        .add(to_string(m.source))
        .end();
  }
}

void add_number_rows(std::string& out, const TableLayout& layout, const RowKey& key, std::string_view text,
                     std::span<const NumberMention> mentions, const std::vector<std::string>& kinds) {
  for (const NumberMention& m : mentions) {
    if (!kinds.empty() && std::find(kinds.begin(), kinds.end(), to_string(m.kind)) == kinds.end()) continue;
    TsvRow row(out, layout);
    add_key(row, key)
        .add(m.sentence + 1)
        .add(m.start)
        .add(m.end)
        .add(to_string(m.kind))
        .add(m.value)
        .add(m.unit)
        .add(to_string(m.qualifier))
        .add(m.counted)
        .add(slice(text, m.start, m.end))
        .end();
  }
}

void add_quote_rows(std::string& out, const TableLayout& layout, const RowKey& key, std::string_view text,
                    std::span<const Quote> quotes, bool with_speaker) {
  for (const Quote& quote : quotes) {
    if (with_speaker && !quote.has_speaker) continue;
    TsvRow row(out, layout);
    add_key(row, key).add(quote.sentence + 1).add(quote.start).add(quote.end).add(to_string(quote.kind));
    if (quote.has_speaker)
      row.add(slice(text, quote.speaker.start, quote.speaker.end)).add(quote.speaker.start).add(quote.speaker.end);
    else
      row.add("").add_empty().add_empty();
    row.add(quote.speaker_canonical).add(quote.cue).add(slice(text, quote.start, quote.end));
    if (quote.quotation > 0)
      row.add(quote.quotation);
    else
      row.add_empty();
    row.add(quote.speaker_role).add(quote.speaker_org).add(to_string(quote.speaker_type)).end();
  }
}

std::optional<CalendarDate> document_date(const Document& doc, const std::optional<CalendarDate>& fallback) {
  const std::optional<CalendarDate> own = parse_iso_date(doc.date);
  return own ? own : fallback;
}

void warn_unbalanced_quotes(std::string_view doc_id, const QuoteResult& result) {
  if (result.unbalanced > 0)
    diag::warning(doc_id, std::to_string(result.unbalanced) +
                              " unbalanced quotation mark(s); an open quote ends at its paragraph");
}

}  // namespace tmk::cli
