#pragma once
// Turns command-line inputs into a stream of documents, as DESIGN.md's Input section says.
#include <cstddef>
#include <deque>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "tmk/core/csv.hpp"
#include "tmk/core/document.hpp"
#include "tmk/core/io.hpp"
#include "tmk/core/tsv.hpp"

namespace tmk {

enum class InputFormat { text, lines, jsonl, tsv, csv };

struct InputOptions {
  InputFormat format = InputFormat::text;
  std::string text_field = "text";       // jsonl
  std::string id_field;                  // jsonl; empty: PATH:LINE
  std::string text_column = "text";      // tsv, csv
  std::string id_column;                 // tsv, csv; empty: PATH:LINE
  std::string date_field;                // jsonl field or tsv/csv column copied into Document::date; empty: none
  std::vector<std::string> keep_fields;  // jsonl fields or tsv/csv columns copied into Document::fields
  bool strict = false;                   // invalid UTF-8 makes the document an error instead of a warning
  // --lines: of every file, only the documents that start on a line in [first_line,
  // last_line] (1-based) are read (not for text input).
  std::size_t first_line = 1;
  std::size_t last_line = std::numeric_limits<std::size_t>::max();
};

// Reads the paths from a --files-from file, one per line ("-" is stdin).
std::vector<std::string> read_path_list(const std::string& list_path);

// The regular files under directory `dir`, hidden entries skipped, sorted by path bytes;
// the order in which every tool reads a directory. Throws std::filesystem::filesystem_error.
std::vector<std::string> list_directory(const std::string& dir);

// Yields documents one at a time, so memory is bounded by the largest document.
// Problems (missing file, bad JSON line, invalid UTF-8 under --strict) are reported through
// tmk::diag with the file name, and reading goes on with the next input. Of the bad lines of
// one JSONL file, the first few are reported one by one, the rest in one summary line.
class DocumentReader {
 public:
  // `inputs`: files, directories (walked recursively in byte order of paths, hidden
  // entries skipped) or "-". `path_list` (--files-from) names a file of further paths, one
  // per line, read as it goes so that a list of millions of files costs no memory. With
  // neither, standard input is read.
  DocumentReader(std::vector<std::string> inputs, InputOptions options, std::string path_list = {});
  ~DocumentReader();

  bool next(Document& doc);

  // With deferred reading, next() gives a file of text input as a Document with `unread`
  // set and only its id; load() then reads it. load() may run on several threads at once.
  void defer_file_reading(bool defer) { defer_ = defer; }
  // Keeps the paths read from the path list, for listed_paths(): a list on standard input
  // cannot be read a second time (tmk-extract's manifest names the inputs).
  void remember_listed_paths() { remember_listed_paths_ = true; }
  const std::vector<std::string>& listed_paths() const { return listed_paths_; }
  // Reads an unread document (nothing to do otherwise). False, with the problem reported,
  // when it cannot be read or --strict rejects it.
  bool load(Document& doc) const;

 private:
  bool open_next_input();
  bool refill_from_path_list();
  bool next_from_lines(Document& doc);
  bool accept(Document& doc) const;  // repair UTF-8 and report; false when --strict rejects it
  void bad_line(std::size_t line, const std::string& what);
  // The columns of a tsv or csv header the options name; throws for a missing one.
  template <class Table>
  void find_columns(const Table& table);
  // Sets the id, date and kept fields of `doc` from a tsv or csv row that starts on `line`;
  // field_at(COLUMN) gives a column's decoded value.
  template <class FieldAt>
  void fill_from_columns(Document& doc, std::size_t line, FieldAt field_at) const;
  void end_of_lines();  // the summary of the current file's bad lines

  InputOptions options_;
  bool defer_ = false;
  std::deque<std::string> pending_;  // inputs not opened yet
  std::string path_list_name_;
  std::unique_ptr<LineReader> path_list_;  // the rest of --files-from
  bool remember_listed_paths_ = false;
  std::vector<std::string> listed_paths_;
  std::string current_path_;
  std::unique_ptr<LineReader> lines_;
  std::unique_ptr<TsvReader> tsv_;
  std::unique_ptr<CsvReader> csv_;
  CsvRecord record_;  // csv_'s current record
  std::size_t text_column_ = 0;
  std::size_t id_column_ = 0;
  bool has_id_column_ = false;
  std::size_t date_column_ = 0;
  bool has_date_column_ = false;
  std::vector<std::size_t> kept_columns_;  // of keep_fields
  std::vector<std::string_view> fields_;
  std::size_t bad_lines_ = 0;   // of the current file (records, for csv)
  std::string first_bad_line_;  // "LINE: what"
};

}  // namespace tmk
