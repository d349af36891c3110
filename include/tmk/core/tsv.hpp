#pragma once
// TSV as DESIGN.md defines it: a header line, fields separated by TAB, and \ TAB LF CR
// escaped as \\ \t \n \r. Nothing else is quoted. The same rows can also be written as CSV
// or JSONL (--format).
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "tmk/core/io.hpp"

namespace tmk {

// Appends `field` escaped. Any bytes: kInvalidByte (utf8.hpp) is printed as U+FFFD and every
// other byte is copied as it is, so output made from a repaired document (or from the view
// valid_utf8_view gives of any text) is valid UTF-8.
void append_tsv_escaped(std::string& out, std::string_view field);
std::string tsv_unescape(std::string_view field);

// The formats a table can be written in: TSV; CSV (RFC 4180 with a header, lines ending in
// LF); JSONL (one object per row keyed by column name, numbers as numbers, no header).
enum class TableFormat { tsv, csv, jsonl };
extern const std::vector<std::string> kTableFormatNames;  // "tsv", "csv", "jsonl"
std::string_view to_string(TableFormat format);
// Throws std::invalid_argument for a name not in kTableFormatNames.
TableFormat parse_table_format(std::string_view name);

// What writing a row needs besides its values: the format, and the column names (JSONL's keys).
struct TableLayout {
  TableFormat format = TableFormat::tsv;
  std::vector<std::string> columns;
};

// The header line (with newline) of `layout`: empty for JSONL.
std::string table_header(const TableLayout& layout);

// Builds one row at the end of a string: TsvRow(out).add(a).add(b).end(); as TSV, or in the
// format of a layout, which must outlive the row and name at least as many columns as it gets.
class TsvRow {
 public:
  explicit TsvRow(std::string& out) : out_(out) {}
  TsvRow(std::string& out, const TableLayout& layout) : out_(out), format_(layout.format), columns_(&layout.columns) {}
  TsvRow& add(std::string_view text);  // escaped or quoted as the format needs
  TsvRow& add(const char* text) { return add(std::string_view(text)); }
  TsvRow& add(const std::string& text) { return add(std::string_view(text)); }
  template <typename Int>
  requires std::is_integral_v<Int> TsvRow& add(Int n) {
    if constexpr (std::is_signed_v<Int>)
      return add_integer(static_cast<std::int64_t>(n));
    else
      return add_unsigned(static_cast<std::uint64_t>(n));
  }
  // A field already in TSV's escaped form (as read from a TSV input): copied into TSV,
  // unescaped for the other formats.
  TsvRow& add_raw(std::string_view already_escaped);
  // A value that is absent: an empty field, or null in JSONL.
  TsvRow& add_empty();
  void end();

 private:
  TsvRow& add_integer(std::int64_t n);
  TsvRow& add_unsigned(std::uint64_t n);
  void separate();
  std::string& out_;
  TableFormat format_ = TableFormat::tsv;
  const std::vector<std::string>* columns_ = nullptr;
  std::size_t fields_ = 0;
};

// The header line (with newline) for the given column names.
std::string tsv_header(std::initializer_list<std::string_view> columns);
std::string tsv_header(const std::vector<std::string>& columns);

// Reads a TSV file with a header and finds columns by name.
class TsvReader {
 public:
  // `where` names the input in error messages. Throws std::runtime_error if the input
  // is empty (no header).
  TsvReader(std::unique_ptr<ByteSource> source, std::string where);

  const std::vector<std::string>& columns() const { return columns_; }
  std::optional<std::size_t> find_column(std::string_view name) const;
  // Like find_column, but throws std::runtime_error naming the missing column.
  std::size_t require_column(std::string_view name) const;

  // Next data row; fields are still escaped (use tsv_unescape when needed). Views stay
  // valid until the next call. Rows with fewer fields than the header get empty fields.
  bool next(std::vector<std::string_view>& fields);
  // Passes over the next data row without splitting it; false at the end of the input.
  bool skip_row();
  std::size_t line_number() const { return lines_.line_number(); }
  // The field `field` of column `column` of the current row read as a whole number (sent,
  // start, counts). Throws std::runtime_error naming the line and the column when it is not one.
  std::size_t whole_number(std::string_view field, std::string_view column) const;
  const std::string& where() const { return where_; }

 private:
  LineReader lines_;
  std::string where_;
  std::vector<std::string> columns_;
};

// Splits one TSV line into fields (still escaped).
void split_tsv_line(std::string_view line, std::vector<std::string_view>& fields);

}  // namespace tmk
