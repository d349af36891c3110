#include "tmk/core/tsv.hpp"

#include <charconv>
#include <stdexcept>

#include "tmk/core/utf8.hpp"

namespace tmk {

namespace {
// Bytes that need escaping or replacing; everything else is copied in runs.
inline bool special(char c) {
  return c == '\\' || c == '\t' || c == '\n' || c == '\r' || c == kInvalidByte;
}
}  // namespace

void append_tsv_escaped(std::string& out, std::string_view field) {
  std::size_t run = 0;
  for (std::size_t i = 0; i < field.size(); ++i) {
    const char c = field[i];
    if (!special(c)) continue;
    out.append(field.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += "\xEF\xBF\xBD";
        break;  // kInvalidByte: U+FFFD
    }
  }
  out.append(field.data() + run, field.size() - run);
}

std::string tsv_unescape(std::string_view field) {
  std::string out;
  out.reserve(field.size());
  for (std::size_t i = 0; i < field.size(); ++i) {
    const char c = field[i];
    if (c != '\\' || i + 1 == field.size()) {
      out.push_back(c);
      continue;
    }
    switch (field[++i]) {
      case 't':
        out.push_back('\t');
        break;
      case 'n':
        out.push_back('\n');
        break;
      case 'r':
        out.push_back('\r');
        break;
      case '\\':
        out.push_back('\\');
        break;
      default:  // not an escape tmk writes: keep it as it is
        out.push_back('\\');
        out.push_back(field[i]);
    }
  }
  return out;
}

void TsvRow::separate() {
  if (!first_) out_.push_back('\t');
  first_ = false;
}

TsvRow& TsvRow::add(std::string_view text) {
  separate();
  append_tsv_escaped(out_, text);
  return *this;
}

TsvRow& TsvRow::add_raw(std::string_view already_escaped) {
  separate();
  out_.append(already_escaped);
  return *this;
}

namespace {
template <typename Number>
void append_number(std::string& out, Number n) {
  char digits[24];
  const auto result = std::to_chars(digits, digits + sizeof digits, n);
  out.append(digits, result.ptr);
}
}  // namespace

TsvRow& TsvRow::add_integer(std::int64_t n) {
  separate();
  append_number(out_, n);
  return *this;
}

TsvRow& TsvRow::add_unsigned(std::uint64_t n) {
  separate();
  append_number(out_, n);
  return *this;
}

std::string tsv_header(std::initializer_list<std::string_view> columns) {
  std::string line;
  TsvRow row(line);
  for (const auto column : columns) row.add(column);
  row.end();
  return line;
}

std::string tsv_header(const std::vector<std::string>& columns) {
  std::string line;
  TsvRow row(line);
  for (const auto& column : columns) row.add(column);
  row.end();
  return line;
}

void split_tsv_line(std::string_view line, std::vector<std::string_view>& fields) {
  fields.clear();
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  std::size_t start = 0;
  for (;;) {
    const auto tab = line.find('\t', start);
    if (tab == std::string_view::npos) {
      fields.push_back(line.substr(start));
      return;
    }
    fields.push_back(line.substr(start, tab - start));
    start = tab + 1;
  }
}

TsvReader::TsvReader(std::unique_ptr<ByteSource> source, std::string where)
    : lines_(std::move(source)), where_(std::move(where)) {
  std::string_view line;
  if (!lines_.next(line)) throw std::runtime_error("empty input: no header line");
  if (line.size() >= 3 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
  std::vector<std::string_view> names;
  split_tsv_line(line, names);
  for (const auto name : names) columns_.push_back(tsv_unescape(name));
}

std::optional<std::size_t> TsvReader::find_column(std::string_view name) const {
  for (std::size_t i = 0; i < columns_.size(); ++i)
    if (columns_[i] == name) return i;
  return std::nullopt;
}

std::size_t TsvReader::whole_number(std::string_view field, std::string_view column) const {
  std::size_t value = 0;
  const auto parsed = std::from_chars(field.data(), field.data() + field.size(), value);
  if (field.empty() || parsed.ec != std::errc() || parsed.ptr != field.data() + field.size())
    throw std::runtime_error("line " + std::to_string(line_number()) + ": " + std::string(column) +
                             " is not a number: '" + std::string(field) + "'");
  return value;
}

std::size_t TsvReader::require_column(std::string_view name) const {
  if (const auto index = find_column(name)) return *index;
  std::string known;
  for (const auto& column : columns_) known += (known.empty() ? "" : ", ") + column;
  throw std::runtime_error("no column named '" + std::string(name) + "' (columns: " + known + ")");
}

bool TsvReader::next(std::vector<std::string_view>& fields) {
  std::string_view line;
  if (!lines_.next(line)) return false;
  split_tsv_line(line, fields);
  if (fields.size() < columns_.size()) fields.resize(columns_.size());
  return true;
}

}  // namespace tmk
