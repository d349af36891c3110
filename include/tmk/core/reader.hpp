#pragma once
// Turns command-line inputs into a stream of documents, as DESIGN.md's Input section says.
#include <cstddef>
#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "tmk/core/document.hpp"
#include "tmk/core/io.hpp"
#include "tmk/core/tsv.hpp"

namespace tmk {

enum class InputFormat { text, lines, jsonl, tsv };

struct InputOptions {
  InputFormat format = InputFormat::text;
  std::string text_field = "text";       // jsonl
  std::string id_field;                  // jsonl; empty: PATH:LINE
  std::string text_column = "text";      // tsv
  std::string id_column;                 // tsv; empty: PATH:LINE
  std::string date_field;                // jsonl field or tsv column copied into Document::date; empty: none
  std::vector<std::string> keep_fields;  // jsonl fields or tsv columns copied into Document::fields
  bool strict = false;                   // invalid UTF-8 makes the document an error instead of a warning
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
  // Reads an unread document (nothing to do otherwise). False, with the problem reported,
  // when it cannot be read or --strict rejects it.
  bool load(Document& doc) const;

 private:
  bool open_next_input();
  bool refill_from_path_list();
  bool next_from_lines(Document& doc);
  bool accept(Document& doc) const;  // repair UTF-8 and report; false when --strict rejects it
  void bad_line(const std::string& where, const std::string& what);
  void end_of_lines();  // the summary of the current file's bad lines

  InputOptions options_;
  bool defer_ = false;
  std::deque<std::string> pending_;  // inputs not opened yet
  std::string path_list_name_;
  std::unique_ptr<LineReader> path_list_;  // the rest of --files-from
  std::string current_path_;
  std::unique_ptr<LineReader> lines_;
  std::unique_ptr<TsvReader> tsv_;
  std::size_t text_column_ = 0;
  std::size_t id_column_ = 0;
  bool has_id_column_ = false;
  std::size_t date_column_ = 0;
  bool has_date_column_ = false;
  std::vector<std::size_t> kept_columns_;  // of keep_fields
  std::vector<std::string_view> fields_;
  std::size_t bad_lines_ = 0;   // of the current file
  std::string first_bad_line_;  // "LINE: what"
};

}  // namespace tmk
