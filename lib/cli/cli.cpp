#include "cli/cli.hpp"

#include <algorithm>
#include <charconv>
#include <csignal>
#include <exception>
#include <filesystem>
#include <iostream>
#include <limits>
#include <map>

#include "cli/tables.hpp"
#include "core/diagnostics.hpp"
#include "tmk/numbers/numbers.hpp"
#include "tmk/version.hpp"

namespace tmk::cli {

namespace {

std::string joined(const std::vector<std::string>& words, std::string_view separator) {
  std::string all;
  for (const std::string& word : words) {
    if (!all.empty()) all += separator;
    all += word;
  }
  return all;
}

// Accepts one of `choices` and adds nothing to the help (CLI::IsMember would add its own
// rendering of the list).
CLI::Validator one_of(const std::vector<std::string>& choices) {
  return CLI::Validator(
      [choices](std::string& value) -> std::string {
        if (std::find(choices.begin(), choices.end(), value) != choices.end()) return {};
        return "'" + value + "' is not one of " + joined(choices, "|");
      },
      "");
}

// The --input names, in the order of the help.
const std::vector<std::string> kInputFormats = {"text", "lines", "jsonl", "tsv", "csv"};

InputFormat input_format(const std::string& name) {
  if (name == "lines") return InputFormat::lines;
  if (name == "jsonl") return InputFormat::jsonl;
  if (name == "tsv") return InputFormat::tsv;
  if (name == "csv") return InputFormat::csv;
  return InputFormat::text;
}

// Reads --lines FIRST-LAST or FIRST- (1-based, FIRST <= LAST) into `options`; false when
// `range` is not one.
bool parse_line_range(const std::string& range, InputOptions& options) {
  const auto read_number = [](const char* begin, const char* end, std::size_t& number) {
    const auto parsed = std::from_chars(begin, end, number);
    return parsed.ec == std::errc() && parsed.ptr == end && begin != end && number > 0;
  };
  const std::size_t dash = range.find('-');
  if (dash == std::string::npos) return false;
  const char* begin = range.data();
  const char* end = begin + range.size();
  std::size_t first = 0;
  std::size_t last = std::numeric_limits<std::size_t>::max();
  if (!read_number(begin, begin + dash, first)) return false;
  if (dash + 1 < range.size() && (!read_number(begin + dash + 1, end, last) || last < first)) return false;
  options.first_line = first;
  options.last_line = last;
  return true;
}

}  // namespace

std::string_view tool_purpose(std::string_view name) {
  static const std::map<std::string_view, std::string_view> purposes = {
      {"tmk-tokenize", "tokens, with their sentence, offsets, normal form and kind"},
      {"tmk-sentences", "sentences, with their offsets and text"},
      {"tmk-entities", "names of people, organizations, places and others, with canonical names"},
      {"tmk-numbers", "numbers, money, percentages, measures, dates and times, with their values"},
      {"tmk-quotes", "quotations and reported speech, with their speakers"},
      {"tmk-extract", "all of the above in one pass: linked tables and a manifest in a directory"},
      {"tmk-merge", "joins tmk-extract directories of parts of a corpus into one"},
      {"tmk-count", "counts the values of TSV columns (rows and documents)"},
      {"tmk-ngrams", "word n-grams within sentences, counted or one row each"},
      {"tmk-kwic", "concordance lines for a pattern or a token sequence"},
      {"tmk-cooc", "pairs of entities named together, as a table or a graph"},
      {"tmk-report", "the tables of tmk-extract as one self-contained HTML page, with charts"},
      {"tmk-train-entities", "trains the entity model from BIO-tagged TSV"},
  };
  const auto found = purposes.find(name);
  return found == purposes.end() ? std::string_view() : found->second;
}

std::string version_text(std::string_view program, bool with_entity_model) {
  std::string text = std::string(program) + " (tmk) " + kVersion + "\nsource commit " + kSourceCommit;
  if (with_entity_model) text += "\nentity model sha256 " + std::string(kEntityModelSha256).substr(0, 12);
  return text;
}

Tool::Tool(std::string name, std::string description, std::string example) : app_(std::move(description), name) {
  // A tool's startup, never the library's: a closed pipe must show up as EPIPE from write()
  // (Output then ends quietly), not kill the process.
  std::signal(SIGPIPE, SIG_IGN);
  diag::set_program(name);
  app_.footer("Example:\n  " + example + "\n\nPart of tmk " + kVersion +
              ". Exit status: 0 ok, 1 an input failed, 2 usage error.\n");
  app_.set_version_flag("-V,--version", [this] { return version_text(app_.get_name(), uses_entity_model_); });
  app_.get_formatter()->column_width(28);
}

void Tool::add_document_options() {
  app_.add_option("inputs", paths_, "Files or directories to read; '-' or nothing: standard input");
  app_.add_option("--files-from", files_from_, "Read input paths from FILE, one per line");
  add_choice_option("--input", input_format_, kInputFormats,
                    "How inputs hold documents: text (a file is a document), lines (a line is one), jsonl, tsv, "
                    "csv (RFC 4180, with a header row)");
  app_.add_option("--text-field", input_.text_field, "jsonl: the field holding the text")->default_str("text");
  app_.add_option("--id-field", input_.id_field, "jsonl: the field holding the document id (default PATH:LINE)");
  app_.add_option("--text-column", input_.text_column, "tsv, csv: the column holding the text")->default_str("text");
  app_.add_option("--id-column", input_.id_column,
                  "tsv, csv: the column holding the document id (default PATH:LINE, the line where it starts)");
  app_.add_option("--lines", line_range_,
                  "Only the documents starting on lines FIRST to LAST (1-based; FIRST- : to the end) of each file, "
                  "ids unchanged: a shard of a big file (not with --input text)")
      ->option_text("FIRST-LAST")
      ->check(CLI::Validator(
          [](std::string& value) -> std::string {
            InputOptions checked;
            if (parse_line_range(value, checked)) return {};
            return "must be FIRST-LAST or FIRST- (1-based, FIRST <= LAST), not '" + value + "'";
          },
          ""));
  app_.add_flag("--strict", input_.strict, "Invalid UTF-8 is an error for that document (skipped, exit 1)");
  add_jobs_option("Worker threads");
  add_header_option();
}

void Tool::add_date_field_option() {
  app_.add_option("--date-field", input_.date_field,
                  "jsonl, tsv, csv: the field or column holding each document's date (YYYY-MM-DD)");
}

void Tool::add_keep_fields_option() {
  add_list_option("--keep-fields", input_.keep_fields, {},
                  "jsonl, tsv, csv: fields or columns to keep as columns after doc (date, outlet, url, ...)")
      ->option_text("F[,...]");
}

void Tool::add_jobs_option(const std::string& what) {
  app_.add_option("-j,--jobs", jobs_, what + " (0: all cores)")
      ->option_text("N (default 0)")
      ->check(CLI::Validator(
          [](std::string& value) -> std::string {
            unsigned jobs = 0;
            const char* end = value.data() + value.size();
            const auto read = std::from_chars(value.data(), end, jobs);
            if (read.ec == std::errc() && read.ptr == end) return {};
            return "must be 0 (all cores) or a positive number, not '" + value + "'";
          },
          ""));
}

CLI::Option* Tool::add_repeatable_option(const std::string& name, std::vector<std::string>& values,
                                         const std::string& description) {
  return app_.add_option(name, values, description)->allow_extra_args(false);
}

CLI::Option* Tool::add_list_option(const std::string& name, std::vector<std::string>& values,
                                   const std::vector<std::string>& choices, const std::string& description) {
  CLI::Option* option = add_repeatable_option(name, values, description)->delimiter(',');
  if (!choices.empty()) option->check(one_of(choices))->option_text(joined(choices, "|") + "[,...]");
  return option;
}

CLI::Option* Tool::add_choice_option(const std::string& name, std::string& value,
                                     const std::vector<std::string>& choices, const std::string& description) {
  return app_.add_option(name, value, description)
      ->check(one_of(choices))
      ->option_text(joined(choices, "|") + " (default " + value + ")");
}

void Tool::add_tsv_input_options() {
  app_.add_option("inputs", paths_, "TSV files to read; '-' or nothing: standard input");
  app_.add_option("--files-from", files_from_, "Read input paths from FILE, one per line");
  add_header_option();
}

void Tool::add_header_option() {
  if (app_.get_option_no_throw("--no-header") == nullptr)
    app_.add_flag("--no-header", no_header_, "Do not print the header line");
}

void Tool::add_format_option() {
  add_choice_option("--format", format_, kTableFormatNames,
                    "Write the rows as tsv (the default), csv (RFC 4180, with a header) or jsonl (one JSON object "
                    "per row, numbers as numbers, no header)");
}

void Tool::add_name_list_options() {
  add_repeatable_option(
      "--gazetteer", name_lists_,
      "Your own names: a TSV file of NAME<TAB>TYPE (PER, ORG, LOC, MISC), found with their exact case "
      "and winning over the model (repeatable)")
      ->check(CLI::ExistingFile);
  add_repeatable_option("--aliases", name_lists_,
                        "Names and what they stand for: a TSV file of NAME<TAB>CANONICAL<TAB>TYPE; found like "
                        "--gazetteer, with CANONICAL as their canonical name (repeatable)")
      ->check(CLI::ExistingFile);
}

void Tool::add_model_option(std::string& model_path) {
  app_.add_option("--model", model_path, "A model made by tmk-train-entities instead of the built-in one")
      ->check(CLI::ExistingFile);
}

void Tool::add_number_options(std::string& date, std::vector<std::string>& kinds, DateOrder& date_order) {
  app_.add_option("--date", date, "The documents' date (YYYY-MM-DD) for relative dates, when --date-field gives none")
      ->check([](const std::string& value) {
        return parse_iso_date(value) ? std::string() : "not a date YYYY-MM-DD: " + value;
      });
  std::vector<std::string> kind_names;
  for (const NumberKind kind : kNumberKinds) kind_names.emplace_back(to_string(kind));
  add_list_option("--kind", kinds, kind_names, "Only rows of these kinds; repeat or separate with commas");
  CLI::Option* day_first = app_.add_flag_callback(
      "--day-first", [&date_order] { date_order = DateOrder::day_first; },
      "Slash dates that could be read either way put the day first: 03/04/2016 is 3 April");
  app_.add_flag_callback(
          "--month-first", [&date_order] { date_order = DateOrder::month_first; },
          "Such slash dates put the month first: 03/04/2016 is March 4")
      ->excludes(day_first);
}

void Tool::add_quote_options(bool& with_speaker, bool& no_entities, bool& indirect) {
  app_.add_flag("--with-speaker", with_speaker, "Only print quotes whose speaker was found");
  app_.add_flag("--no-entities", no_entities,
                "Resolve speaker names without the entity recognizer (faster, less exact)");
  app_.add_flag("--indirect", indirect,
                "Also report indirect speech (\"X said the plan would fail\") as rows of kind indirect");
}

std::vector<ListedName> Tool::listed_names() const {
  std::vector<ListedName> names;
  for (const std::string& path : name_lists_)
    for (ListedName& listed : read_name_list(path)) names.push_back(std::move(listed));
  return names;
}

std::optional<int> Tool::parse(int argc, char** argv) {
  try {
    app_.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success)) {
      app_.exit(e);  // --help or --version
      return 0;
    }
    diag::message(std::string(e.what()) + " (see --help)");
    return 2;
  }
  input_.format = input_format(input_format_);
  const bool has_fields =
      input_.format == InputFormat::jsonl || input_.format == InputFormat::tsv || input_.format == InputFormat::csv;
  for (const auto& [option, given] : {std::pair{"--date-field", !input_.date_field.empty()},
                                      std::pair{"--keep-fields", !input_.keep_fields.empty()}}) {
    if (given && !has_fields) {
      diag::message(std::string(option) + " needs --input jsonl, tsv or csv (see --help)");
      return 2;
    }
  }
  if (!line_range_.empty()) {
    if (input_.format == InputFormat::text) {
      diag::message("--lines needs --input lines, jsonl, tsv or csv (see --help)");
      return 2;
    }
    parse_line_range(line_range_, input_);
  }
  return std::nullopt;
}

std::vector<std::string> Tool::inputs() const {
  std::vector<std::string> given = paths_;
  if (!files_from_.empty()) {
    std::vector<std::string> listed;
    try {
      listed = stdin_listed_paths_ ? *stdin_listed_paths_ : read_path_list(files_from_);
    } catch (const std::exception& e) {
      diag::error(files_from_, e.what());
    }
    given.insert(given.end(), listed.begin(), listed.end());
  }
  // A directory stands for the files under it, in the order the document tools read them.
  std::vector<std::string> all;
  for (const std::string& path : given) {
    std::error_code ec;
    if (path == "-" || !std::filesystem::is_directory(path, ec)) {
      all.push_back(path);
      continue;
    }
    try {
      const std::vector<std::string> files = list_directory(path);
      all.insert(all.end(), files.begin(), files.end());
    } catch (const std::filesystem::filesystem_error& e) {
      diag::error(path, e.code().message());
    }
  }
  return all;
}

std::vector<std::string> Tool::inputs_or_stdin() const {
  std::vector<std::string> all = inputs();
  if (paths_.empty() && files_from_.empty()) all.push_back("-");  // not for an empty directory
  return all;
}

TableLayout Tool::layout(const std::vector<std::string>& columns) const {
  return {format(), with_kept_fields(columns, input_.keep_fields)};
}

int Tool::run_documents(const TableLayout& layout, const DocumentProcessor& process) {
  return run([&](Output& output) {
    if (header()) output.write(table_header(layout));
    DocumentReader reader(paths_, input_, files_from_);
    tmk::process_documents(reader, jobs_, process, output);
  });
}

void Tool::process_documents(const DocumentProcessor& process, const OutputSink& sink) {
  DocumentReader reader(paths_, input_, files_from_);
  tmk::process_documents(reader, jobs_, process, sink);
}

void Tool::process_tables(std::size_t tables, const TablesProcessor& process, const TablesSink& sink) {
  DocumentReader reader(paths_, input_, files_from_);
  const bool list_on_stdin = files_from_ == "-";
  if (list_on_stdin) reader.remember_listed_paths();
  tmk::process_documents(reader, jobs_, tables, process, sink);
  if (list_on_stdin) stdin_listed_paths_ = reader.listed_paths();
}

int Tool::run(const std::function<void(Output&)>& body) {
  Output output;
  try {
    body(output);
  } catch (const std::exception& e) {
    diag::error({}, e.what());
  }
  output.flush();
  return diag::exit_status();
}

}  // namespace tmk::cli
