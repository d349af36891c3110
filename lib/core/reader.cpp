#include "tmk/core/reader.hpp"

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <system_error>

#include "core/diagnostics.hpp"
#include "tmk/core/utf8.hpp"

namespace tmk {

namespace fs = std::filesystem;

namespace {

bool hidden(const fs::path& p) {
  const std::string name = p.filename().string();
  return !name.empty() && name[0] == '.';
}

std::string line_id(const std::string& path, std::size_t line) {
  return (path == "-" ? std::string("-") : path) + ":" + std::to_string(line);
}

// A JSON or TSV value with invalid UTF-8 gets U+FFFD for each bad byte (the JSON parser
// needs valid text); the returned count is how many bytes were replaced.
std::size_t replace_invalid_utf8(std::string& text) {
  std::string repaired = text;
  const RepairReport report = repair_utf8(repaired, false);
  if (report.invalid_bytes == 0) return 0;
  text.clear();
  for (const char c : repaired) {
    if (c == kInvalidByte)
      text += "\xEF\xBF\xBD";
    else
      text.push_back(c);
  }
  return report.invalid_bytes;
}

}  // namespace

std::vector<std::string> list_directory(const std::string& dir) {
  std::vector<std::string> files;
  fs::recursive_directory_iterator it(dir, fs::directory_options::none), end;
  for (; it != end; ++it) {
    if (hidden(it->path())) {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    std::error_code ec;
    if (it->is_regular_file(ec)) files.push_back(it->path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<std::string> read_path_list(const std::string& list_path) {
  std::vector<std::string> paths;
  LineReader lines(ByteSource::open(list_path));
  std::string_view line;
  while (lines.next(line)) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty()) paths.emplace_back(line);
  }
  return paths;
}

DocumentReader::DocumentReader(std::vector<std::string> inputs, InputOptions options, std::string path_list)
    : options_(std::move(options)), pending_(inputs.begin(), inputs.end()), path_list_name_(std::move(path_list)) {
  if (!path_list_name_.empty()) {
    try {
      path_list_ = std::make_unique<LineReader>(ByteSource::open(path_list_name_));
    } catch (const std::exception& e) {
      diag::error(path_list_name_, e.what());
    }
  } else if (pending_.empty()) {
    pending_.push_back("-");
  }
}

// Takes the next path from --files-from when the inputs given as arguments are used up.
bool DocumentReader::refill_from_path_list() {
  if (!path_list_) return false;
  std::string_view line;
  try {
    while (path_list_->next(line)) {
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (line.empty()) continue;
      pending_.emplace_back(line);
      if (remember_listed_paths_) listed_paths_.emplace_back(line);
      return true;
    }
  } catch (const std::exception& e) {
    diag::error(path_list_name_, e.what());
  }
  path_list_.reset();
  return false;
}

DocumentReader::~DocumentReader() = default;

bool DocumentReader::load(Document& doc) const {
  if (!doc.unread) return true;
  doc.unread = false;
  try {
    read_all(*ByteSource::open(doc.id), doc.text);
  } catch (const std::exception& e) {
    diag::error(doc.id, e.what());
    return false;
  }
  return accept(doc);
}

bool DocumentReader::accept(Document& doc) const {
  const RepairReport report = repair_utf8(doc.text, true);
  if (report.invalid_bytes == 0 && report.nul_bytes == 0) return true;
  const std::string invalid = "invalid UTF-8: " + std::to_string(report.invalid_bytes) + " byte(s)";
  if (options_.strict && report.invalid_bytes > 0) {
    diag::error(doc.id, invalid + "; skipped (--strict)");
    return false;
  }
  std::string what;
  if (report.invalid_bytes > 0) what = invalid + " read as U+FFFD";
  if (report.nul_bytes > 0)
    what += (what.empty() ? "" : "; ") + std::to_string(report.nul_bytes) + " NUL byte(s) read as spaces";
  diag::warning(doc.id, what);
  return true;
}

// A file that is not JSONL (plain text read with --input jsonl) would give an error per line:
// past the first few, they are counted and summed up in one line at the end of the file.
constexpr std::size_t kBadLinesReported = 3;

void DocumentReader::bad_line(std::size_t line, const std::string& what) {
  if (++bad_lines_ == 1) first_bad_line_ = std::to_string(line) + ": " + what;
  if (bad_lines_ <= kBadLinesReported) diag::error(line_id(current_path_, line), what);
}

void DocumentReader::end_of_lines() {
  if (bad_lines_ > kBadLinesReported)
    diag::error(current_path_, std::to_string(bad_lines_) +
                                   (options_.format == InputFormat::csv ? " records" : " lines") +
                                   " could not be read (the first at line " + first_bad_line_ + "); is --input right?");
  bad_lines_ = 0;
}

// Opens the next input of a line-based format; for text input, files are read whole in
// next(). Returns false when no input is left.
bool DocumentReader::open_next_input() {
  while (!pending_.empty() || refill_from_path_list()) {
    std::string path = std::move(pending_.front());
    pending_.pop_front();
    std::error_code ec;
    if (path != "-" && fs::is_directory(path, ec)) {
      try {
        auto files = list_directory(path);
        pending_.insert(pending_.begin(), files.begin(), files.end());
      } catch (const fs::filesystem_error& e) {
        diag::error(path, e.code().message());
      }
      continue;
    }
    current_path_ = path;
    return true;
  }
  return false;
}

bool DocumentReader::next(Document& doc) {
  for (;;) {
    if (lines_ || tsv_ || csv_) {
      try {
        if (next_from_lines(doc)) return true;
      } catch (const std::exception& e) {
        diag::error(current_path_, e.what());
        end_of_lines();
      }
      lines_.reset();
      tsv_.reset();
      csv_.reset();
      continue;
    }
    if (!open_next_input()) return false;
    if (defer_ && options_.format == InputFormat::text && current_path_ != "-") {
      doc.id = current_path_;
      doc.text.clear();
      doc.unread = true;
      return true;
    }
    try {
      auto source = ByteSource::open(current_path_);
      switch (options_.format) {
        case InputFormat::text:
          doc.id = current_path_;
          doc.text = read_all(*source);
          if (accept(doc)) return true;
          break;
        case InputFormat::lines:
        case InputFormat::jsonl:
          lines_ = std::make_unique<LineReader>(std::move(source));
          break;
        case InputFormat::tsv:
          tsv_ = std::make_unique<TsvReader>(std::move(source), current_path_);
          find_columns(*tsv_);
          break;
        case InputFormat::csv:
          csv_ = std::make_unique<CsvReader>(std::move(source));
          find_columns(*csv_);
          break;
      }
    } catch (const std::exception& e) {
      diag::error(current_path_, e.what());
      tsv_.reset();
      csv_.reset();
    }
  }
}

template <class Table>
void DocumentReader::find_columns(const Table& table) {
  text_column_ = table.require_column(options_.text_column);
  has_id_column_ = !options_.id_column.empty();
  if (has_id_column_) id_column_ = table.require_column(options_.id_column);
  has_date_column_ = !options_.date_field.empty();
  if (has_date_column_) date_column_ = table.require_column(options_.date_field);
  kept_columns_.clear();
  for (const std::string& field : options_.keep_fields) kept_columns_.push_back(table.require_column(field));
}

template <class FieldAt>
void DocumentReader::fill_from_columns(Document& doc, std::size_t line, FieldAt field_at) const {
  doc.id = has_id_column_ ? field_at(id_column_) : line_id(current_path_, line);
  doc.date = has_date_column_ ? field_at(date_column_) : std::string();
  doc.fields.clear();
  for (const std::size_t column : kept_columns_) doc.fields.push_back(field_at(column));
}

bool DocumentReader::next_from_lines(Document& doc) {
  for (;;) {
    if (tsv_) {
      // Rows before --lines' first are passed over unsplit. The header is line 1.
      while (tsv_->line_number() + 1 < options_.first_line)
        if (!tsv_->skip_row()) return false;
      if (!tsv_->next(fields_)) return false;
      const std::size_t line = tsv_->line_number();
      if (line > options_.last_line) return false;
      fill_from_columns(doc, line, [this](std::size_t column) { return tsv_unescape(fields_[column]); });
      doc.text = tsv_unescape(fields_[text_column_]);
      if (accept(doc)) return true;
      continue;
    }
    if (csv_) {
      if (!csv_->next(record_, options_.first_line) || record_.line > options_.last_line) {
        end_of_lines();
        return false;
      }
      if (!record_.malformed.empty()) {
        bad_line(record_.line, record_.malformed);
        continue;
      }
      fill_from_columns(doc, record_.line, [this](std::size_t column) { return record_.fields[column]; });
      doc.text = std::move(record_.fields[text_column_]);  // last: the other columns may be the same one
      if (accept(doc)) return true;
      continue;
    }
    std::string_view line;
    // Lines before --lines' first are only counted, never parsed.
    do {
      if (!lines_->next(line) || lines_->line_number() > options_.last_line) {
        end_of_lines();
        return false;
      }
    } while (lines_->line_number() < options_.first_line);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const std::size_t number = lines_->line_number();
    const std::string where = line_id(current_path_, number);
    if (options_.format == InputFormat::lines) {
      doc.id = where;
      doc.text.assign(line);
      if (accept(doc)) return true;
      continue;
    }
    // jsonl
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;  // blank line
    std::string json_text(line);
    if (const std::size_t bad = replace_invalid_utf8(json_text)) {
      if (options_.strict) {
        bad_line(number, "invalid UTF-8: " + std::to_string(bad) + " byte(s); skipped (--strict)");
        continue;
      }
      diag::warning(where, "invalid UTF-8: " + std::to_string(bad) + " byte(s) read as U+FFFD");
    }
    const auto object = nlohmann::json::parse(json_text, nullptr, false);
    if (object.is_discarded() || !object.is_object()) {
      bad_line(number, "not a JSON object");
      continue;
    }
    const auto text = object.find(options_.text_field);
    if (text == object.end() || !text->is_string()) {
      bad_line(number, "no string field '" + options_.text_field + "'");
      continue;
    }
    doc.id = where;
    if (!options_.id_field.empty()) {
      const auto id = object.find(options_.id_field);
      if (id == object.end()) {
        bad_line(number, "no field '" + options_.id_field + "'");
        continue;
      }
      doc.id = id->is_string() ? id->get<std::string>() : id->dump();
    }
    doc.text = text->get<std::string>();
    doc.date.clear();
    if (!options_.date_field.empty()) {
      const auto date = object.find(options_.date_field);
      if (date != object.end() && date->is_string()) doc.date = date->get<std::string>();
    }
    doc.fields.clear();
    for (const std::string& name : options_.keep_fields) {
      const auto field = object.find(name);
      // A number or other value is kept as its JSON text; absent and null are empty.
      if (field == object.end() || field->is_null())
        doc.fields.emplace_back();
      else
        doc.fields.push_back(field->is_string() ? field->get<std::string>() : field->dump());
    }
    if (accept(doc)) return true;
  }
}

}  // namespace tmk
