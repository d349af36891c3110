#include "tmk/core/csv.hpp"

#include <algorithm>
#include <stdexcept>

namespace tmk {

namespace {

// The most memory the text of a record of several lines keeps between records.
constexpr std::size_t kKeptCapacity = 1 << 20;

bool odd_quotes(std::string_view text) {
  return std::count(text.begin(), text.end(), '"') % 2 == 1;
}

// The quote that closes a quoted field whose text starts at `pos` (doubled quotes are part
// of the text); npos when there is none.
std::size_t closing_quote(std::string_view text, std::size_t pos) {
  for (;;) {
    const std::size_t quote = text.find('"', pos);
    if (quote == std::string_view::npos || quote + 1 == text.size() || text[quote + 1] != '"') return quote;
    pos = quote + 2;
  }
}

// Splits the text of one record into decoded fields; returns why it is malformed, or empty.
std::string parse_fields(std::string_view text, std::vector<std::string>& fields) {
  fields.clear();
  std::size_t pos = 0;
  for (;;) {
    std::string& field = fields.emplace_back();
    if (pos < text.size() && text[pos] == '"') {
      const std::size_t end = closing_quote(text, ++pos);
      if (end == std::string_view::npos) return "a quoted field is not closed";
      field.reserve(end - pos);  // a field of hundreds of MB is not copied while it grows
      while (pos < end) {
        const std::size_t quote = std::min(text.find('"', pos), end);
        field.append(text.substr(pos, quote - pos));
        if (quote < end) field.push_back('"');  // a doubled quote stands for one
        pos = quote + (quote < end ? 2 : 0);
      }
      pos = end + 1;
      if (pos == text.size()) return {};
      if (text[pos] != ',') return "text after the closing quote of field " + std::to_string(fields.size());
      ++pos;
      continue;
    }
    const std::size_t comma = text.find(',', pos);
    const std::string_view value = text.substr(pos, comma == std::string_view::npos ? text.npos : comma - pos);
    if (value.find('"') != std::string_view::npos)
      return "a quote inside unquoted field " + std::to_string(fields.size());
    field.assign(value);
    if (comma == std::string_view::npos) return {};
    pos = comma + 1;
  }
}

}  // namespace

CsvReader::CsvReader(std::unique_ptr<ByteSource> source) : lines_(std::move(source)) {
  CsvRecord header;
  std::string_view text;
  if (!next_record_text(header, text)) throw std::runtime_error("empty input: no header row");
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  const std::string malformed = parse_fields(text, columns_);
  if (!malformed.empty())
    throw std::runtime_error("header row (line " + std::to_string(header.line) + "): " + malformed);
}

std::size_t CsvReader::require_column(const std::string& name) const {
  const auto found = std::find(columns_.begin(), columns_.end(), name);
  if (found != columns_.end()) return static_cast<std::size_t>(found - columns_.begin());
  std::string known;
  for (const auto& column : columns_) known += (known.empty() ? "" : ", ") + column;
  throw std::runtime_error("no column named '" + name + "' (columns: " + known + ")");
}

bool CsvReader::next_record_text(CsvRecord& record, std::string_view& text) {
  std::string_view line;
  do {
    if (!lines_.next(line)) return false;
  } while (line.empty() || line == "\r");
  record.line = lines_.line_number();
  record.malformed.clear();
  if (!odd_quotes(line)) {
    if (line.back() == '\r') line.remove_suffix(1);
    text = line;
    return true;
  }
  // A quoted field goes on over the line break, which is part of the field.
  joined_.assign(line);
  bool open = true;  // a quote is open at the end of what was read so far
  while (open && lines_.next(line)) {
    joined_ += '\n';
    joined_.append(line);
    if (odd_quotes(line)) open = false;
  }
  if (open) record.malformed = "a quote opened in this record is not closed before the end of the input";
  if (joined_.back() == '\r') joined_.pop_back();
  text = joined_;
  return true;
}

bool CsvReader::next(CsvRecord& record, std::size_t first_line) {
  std::string_view text;
  do {
    if (!next_record_text(record, text)) return false;
  } while (record.line < first_line);
  record.fields.clear();
  if (!record.malformed.empty()) return true;
  record.malformed = parse_fields(text, record.fields);
  // The text of a huge record is not kept while the document is processed.
  if (joined_.capacity() > kKeptCapacity) std::string().swap(joined_);
  if (record.malformed.empty() && record.fields.size() != columns_.size())
    record.malformed =
        std::to_string(record.fields.size()) + " field(s) where the header has " + std::to_string(columns_.size());
  return true;
}

}  // namespace tmk
