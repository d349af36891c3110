#pragma once
// The rows of the extraction tools' tables, written by one set of functions that both the
// single tools (tmk-sentences, tmk-entities, tmk-numbers, tmk-quotes) and tmk-extract call,
// so that the same document gives the same rows byte for byte in either.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "tmk/core/document.hpp"
#include "tmk/core/tsv.hpp"
#include "tmk/entities/entities.hpp"
#include "tmk/numbers/numbers.hpp"
#include "tmk/quotes/quotes.hpp"
#include "tmk/text/analysis.hpp"

namespace tmk::cli {

// The columns of each table, without kept metadata fields.
extern const std::vector<std::string> kDocumentColumns;  // tmk-extract's documents.tsv
extern const std::vector<std::string> kSentenceColumns;
extern const std::vector<std::string> kEntityColumns;
extern const std::vector<std::string> kNumberColumns;
extern const std::vector<std::string> kQuoteColumns;

// `columns` with the names of `kept` fields right after "doc" (--keep-fields).
std::vector<std::string> with_kept_fields(const std::vector<std::string>& columns,
                                          const std::vector<std::string>& kept);

// How a row starts: the document id, then the values of the kept fields (the single tools
// repeat them on every row; tmk-extract keeps them in documents.tsv only).
struct RowKey {
  std::string_view id;
  std::span<const std::string> fields;
};

// Each function writes its rows in the format of `layout`, whose columns are the table's
// columns (with the kept fields, as the key carries them).

// documents.tsv's row: the key, the text's size in bytes, its number of sentences and its sha256.
void add_document_row(std::string& out, const TableLayout& layout, const RowKey& key, std::string_view text,
                      std::size_t sentences);
void add_sentence_rows(std::string& out, const TableLayout& layout, const RowKey& key, std::string_view text,
                       std::span<const Span> sentences);
void add_entity_rows(std::string& out, const TableLayout& layout, const RowKey& key, std::string_view text,
                     std::span<const EntityMention> mentions);
// Only the rows of `kinds` (names as to_string(NumberKind) gives them); all when empty.
void add_number_rows(std::string& out, const TableLayout& layout, const RowKey& key, std::string_view text,
                     std::span<const NumberMention> mentions, const std::vector<std::string>& kinds);
// Only quotes with a speaker when `with_speaker`.
void add_quote_rows(std::string& out, const TableLayout& layout, const RowKey& key, std::string_view text,
                    std::span<const Quote> quotes, bool with_speaker);

// The date relative dates in `doc` resolve against: its own (--date-field), else `fallback`.
std::optional<CalendarDate> document_date(const Document& doc, const std::optional<CalendarDate>& fallback);

// Warns about the quotation marks `result` found left open in document `doc_id`.
void warn_unbalanced_quotes(std::string_view doc_id, const QuoteResult& result);

}  // namespace tmk::cli
