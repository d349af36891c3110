#pragma once
// Reads CSV (RFC 4180) record by record: `--input csv`.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "tmk/core/io.hpp"

namespace tmk {

// One record of a CSV file, fields decoded (quotes removed, doubled quotes undone).
struct CsvRecord {
  std::vector<std::string> fields;
  std::size_t line = 0;   // the physical line (1-based) where the record starts
  std::string malformed;  // why the record could not be read (fields then unusable); empty when it could
};

// Splits a ByteSource into CSV records: a header row first, fields separated by commas,
// quoted with "" when they hold commas, quotes or line breaks (inside which the line break
// is kept byte for byte), records ending in LF or CRLF, a UTF-8 BOM before the header
// skipped. Blank lines between records are skipped. Memory grows with the longest record.
// A record ends at the first line end after an even number of quotes, so records are
// found the same way whether or not they are parsed. A malformed record (a quote inside an
// unquoted field, text after a closing quote, a field count other than the header's, a
// quote still open at the end of the input) is returned with `malformed` set, and reading
// goes on with the next record.
class CsvReader {
 public:
  // Throws std::runtime_error when the input has no header row.
  explicit CsvReader(std::unique_ptr<ByteSource> source);

  const std::vector<std::string>& columns() const { return columns_; }
  // The index of the column `name`; throws std::runtime_error naming the columns there are.
  std::size_t require_column(const std::string& name) const;

  // The next record that starts on `first_line` or later; false at the end of the input.
  // Records before it are passed over without being parsed or reported (--lines).
  bool next(CsvRecord& record, std::size_t first_line = 1);

 private:
  // The text of the next record (without its line end) in `text`; false at the end of input.
  bool next_record_text(CsvRecord& record, std::string_view& text);

  LineReader lines_;
  std::string joined_;  // a record of several lines
  std::vector<std::string> columns_;
};

}  // namespace tmk
