#include "tmk/core/tsv.hpp"

#include <bit>
#include <charconv>
#include <cstdint>
#include <stdexcept>

#include "tmk/core/utf8.hpp"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace tmk {

namespace {
// Bytes that need escaping or replacing; everything else is copied in runs.
inline bool special(char c) {
  return c == '\\' || c == '\t' || c == '\n' || c == '\r' || c == kInvalidByte;
}

// The first byte from `i` that needs escaping, or field.size(). Every field of every row
// passes through here and few hold such a byte, so whole blocks of sixteen are skipped.
std::size_t next_special(std::string_view field, std::size_t i) {
#ifdef __SSE2__
  for (; i + 16 <= field.size(); i += 16) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(field.data() + i));
    const auto eq = [&](char c) { return _mm_cmpeq_epi8(bytes, _mm_set1_epi8(c)); };
    const __m128i found = _mm_or_si128(_mm_or_si128(eq('\\'), eq('\t')),
                                       _mm_or_si128(_mm_or_si128(eq('\n'), eq('\r')), eq(kInvalidByte)));
    if (const auto mask = static_cast<std::uint32_t>(_mm_movemask_epi8(found)))
      return i + static_cast<std::size_t>(std::countr_zero(mask));
  }
#endif
  while (i < field.size() && !special(field[i])) ++i;
  return i;
}
}  // namespace

void append_tsv_escaped(std::string& out, std::string_view field) {
  std::size_t run = 0;
  for (std::size_t i = next_special(field, 0); i < field.size(); i = next_special(field, i + 1)) {
    const char c = field[i];
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

const std::vector<std::string> kTableFormatNames = {"tsv", "csv", "jsonl"};

std::string_view to_string(TableFormat format) {
  return kTableFormatNames[static_cast<std::size_t>(format)];
}

TableFormat parse_table_format(std::string_view name) {
  for (std::size_t i = 0; i < kTableFormatNames.size(); ++i)
    if (kTableFormatNames[i] == name) return static_cast<TableFormat>(i);
  throw std::invalid_argument("unknown table format: " + std::string(name));
}

std::string table_header(const TableLayout& layout) {
  std::string line;
  if (layout.format == TableFormat::jsonl) return line;
  TsvRow row(line, layout);
  for (const auto& column : layout.columns) row.add(column);
  row.end();
  return line;
}

namespace {

constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";  // U+FFFD, for kInvalidByte

// RFC 4180 quotes a field holding a quote, comma or line break; a field that begins or ends
// with a space is quoted too, because some readers trim unquoted spaces.
bool needs_csv_quotes(std::string_view field) {
  if (field.empty()) return false;
  return field.front() == ' ' || field.back() == ' ' || field.find_first_of("\",\r\n") != std::string_view::npos;
}

void append_csv_field(std::string& out, std::string_view field) {
  const bool quoted = needs_csv_quotes(field);
  if (quoted) out.push_back('"');
  for (const char c : field) {
    if (c == '"')
      out += "\"\"";
    else if (c == kInvalidByte)
      out += kReplacementCharacter;
    else
      out.push_back(c);
  }
  if (quoted) out.push_back('"');
}

void append_json_string(std::string& out, std::string_view text) {
  out.push_back('"');
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (c == kInvalidByte) {
      out += kReplacementCharacter;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (byte < 0x20) {
      static constexpr char kHex[] = "0123456789abcdef";
      out += "\\u00";
      out.push_back(kHex[byte >> 4]);
      out.push_back(kHex[byte & 0xF]);
    } else {
      out.push_back(c);
    }
  }
  out.push_back('"');
}

}  // namespace

void TsvRow::separate() {
  switch (format_) {
    case TableFormat::tsv:
      if (fields_ > 0) out_.push_back('\t');
      break;
    case TableFormat::csv:
      if (fields_ > 0) out_.push_back(',');
      break;
    case TableFormat::jsonl:
      out_.push_back(fields_ > 0 ? ',' : '{');
      if (fields_ >= columns_->size()) throw std::logic_error("a row has more fields than its table has columns");
      append_json_string(out_, (*columns_)[fields_]);
      out_.push_back(':');
      break;
  }
  ++fields_;
}

void TsvRow::end() {
  if (format_ == TableFormat::jsonl) out_ += fields_ > 0 ? "}" : "{}";
  out_.push_back('\n');
}

TsvRow& TsvRow::add(std::string_view text) {
  separate();
  switch (format_) {
    case TableFormat::tsv:
      append_tsv_escaped(out_, text);
      break;
    case TableFormat::csv:
      append_csv_field(out_, text);
      break;
    case TableFormat::jsonl:
      append_json_string(out_, text);
      break;
  }
  return *this;
}

TsvRow& TsvRow::add_raw(std::string_view already_escaped) {
  if (format_ != TableFormat::tsv) return add(tsv_unescape(already_escaped));
  separate();
  out_.append(already_escaped);
  return *this;
}

TsvRow& TsvRow::add_empty() {
  separate();
  if (format_ == TableFormat::jsonl) out_ += "null";
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

bool TsvReader::skip_row() {
  std::string_view line;
  return lines_.next(line);
}

}  // namespace tmk
