#pragma once
// What every tmk tool's command line shares: input options, --no-header, --format, -j/--jobs,
// -V/--version, help with an example, exit statuses, and the run loop with its error
// handling. An app adds its own options to app() and calls one run_* function.
#include <CLI/CLI.hpp>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "cli/output.hpp"
#include "cli/parallel.hpp"
#include "tmk/core/reader.hpp"
#include "tmk/core/tsv.hpp"
#include "tmk/entities/entities.hpp"
#include "tmk/numbers/numbers.hpp"

namespace tmk::cli {

// What the tool `name` (tmk-count) is for, in one line for `tmk`'s list; empty for a name
// that is not one of tmk's tools.
std::string_view tool_purpose(std::string_view name);

// The --version text of `program`: its version and source commit, and the entity model's
// checksum when `with_entity_model`.
std::string version_text(std::string_view program, bool with_entity_model);

class Tool {
 public:
  // `name` is the program name (tmk-tokenize); `example` ends the --help text. Sets the
  // process up as a tool: SIGPIPE is ignored (see Output).
  Tool(std::string name, std::string description, std::string example);

  CLI::App& app() { return app_; }

  // Inputs that are documents: paths, --files-from, --input, --text-field, --id-field,
  // --text-column, --id-column, --lines, --strict; plus -j/--jobs.
  void add_document_options();
  // Inputs that are TSV (the corpus tools): paths and --files-from.
  void add_tsv_input_options();
  // --date-field F: the jsonl field or tsv/csv column holding each document's date (Document::date).
  void add_date_field_option();
  // --keep-fields F[,...]: jsonl fields or tsv/csv columns carried into Document::fields.
  void add_keep_fields_option();
  // -j/--jobs N; `what` says what a worker does (added by add_document_options).
  void add_jobs_option(const std::string& what);
  // A repeatable option taking one value per occurrence (`--dev a.tsv --dev b.tsv`): it
  // never takes the arguments after its value, so `--dev a.tsv train.tsv` trains on train.tsv.
  CLI::Option* add_repeatable_option(const std::string& name, std::vector<std::string>& values,
                                     const std::string& description);
  // A repeatable option that also takes a comma-separated list (`--kind money,percent`,
  // `--kind money --kind percent`); `--kind money corpus/` reads corpus/. With `choices`, any
  // other value is a usage error.
  CLI::Option* add_list_option(const std::string& name, std::vector<std::string>& values,
                               const std::vector<std::string>& choices, const std::string& description);
  // An option naming one of `choices`: help shows them as a|b|c, and any other value is a
  // usage error.
  CLI::Option* add_choice_option(const std::string& name, std::string& value, const std::vector<std::string>& choices,
                                 const std::string& description);
  // --no-header.
  void add_header_option();
  // --format tsv|csv|jsonl: the format the rows are written in (TableFormat).
  void add_format_option();
  // --gazetteer FILE and --aliases FILE: the caller's names for the entity recognizer
  // (tmk-entities, and tmk-quotes, which resolves speakers through it).
  void add_name_list_options();
  // The names those options list (read when called; throws std::runtime_error for a file
  // that cannot be read or a malformed line).
  std::vector<ListedName> listed_names() const;
  // The files those options named, in order.
  const std::vector<std::string>& name_list_paths() const { return name_lists_; }
  // The options that change the rows of tmk-entities, tmk-numbers and tmk-quotes, spelled
  // and checked the same in them and in tmk-extract: --model FILE; --date YYYY-MM-DD,
  // --kind K,... and --day-first/--month-first; --with-speaker, --no-entities and --indirect.
  void add_model_option(std::string& model_path);
  void add_number_options(std::string& date, std::vector<std::string>& kinds, DateOrder& date_order);
  void add_quote_options(bool& with_speaker, bool& no_entities, bool& indirect);
  // --version also names the built-in entity model, by its checksum (tools that use it).
  void uses_entity_model() { uses_entity_model_ = true; }

  // Parses the command line. Returns an exit status when the program should stop now
  // (--help, --version: 0; usage error: 2), nothing when it should go on.
  std::optional<int> parse(int argc, char** argv);

  // The input paths, with --files-from and directories expanded (a directory: the files
  // under it, as the document tools read it); empty means stdin. After process_tables, a
  // --files-from list on stdin is the one that was read.
  std::vector<std::string> inputs() const;
  // The inputs to read: inputs(), or "-" (stdin) when none was named (an empty
  // --files-from list means none at all).
  std::vector<std::string> inputs_or_stdin() const;
  unsigned jobs() const { return jobs_; }
  bool header() const { return !no_header_; }
  const InputOptions& input_options() const { return input_; }
  const std::string& input_format_name() const { return input_format_; }
  // --lines as given (FIRST-LAST or FIRST-); empty when not given.
  const std::string& line_range() const { return line_range_; }
  TableFormat format() const { return parse_table_format(format_); }
  // A table of `columns` in the --format, with the --keep-fields columns after "doc".
  TableLayout layout(const std::vector<std::string>& columns) const;

  // Reads the documents, runs `process` on each (in parallel), writes the header of `layout`
  // (when wanted) and the rows in order. Returns the exit status.
  int run_documents(const TableLayout& layout, const DocumentProcessor& process);

  // Like run_documents without the header, but hands the rows to `sink` (whole documents'
  // rows at a time, in input order) instead of writing them: for tools that aggregate.
  // Call it inside run().
  void process_documents(const DocumentProcessor& process, const OutputSink& sink);

  // The same for several tables at once (see TablesProcessor).
  void process_tables(std::size_t tables, const TablesProcessor& process, const TablesSink& sink);

  // Runs `body` with the output stream and the tool's error handling (an exception is
  // reported and gives status 1). Returns the exit status.
  int run(const std::function<void(Output&)>& body);

 private:
  CLI::App app_;
  bool uses_entity_model_ = false;
  std::vector<std::string> paths_;
  std::string files_from_;
  std::optional<std::vector<std::string>> stdin_listed_paths_;  // --files-from -, once process_tables read it
  InputOptions input_;
  std::string input_format_ = "text";
  std::string line_range_;
  unsigned jobs_ = 0;
  bool no_header_ = false;
  std::string format_ = "tsv";
  std::vector<std::string> name_lists_;
};

}  // namespace tmk::cli
