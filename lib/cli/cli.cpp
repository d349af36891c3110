#include "cli/cli.hpp"

#include <csignal>
#include <exception>
#include <iostream>
#include <map>

#include "core/diagnostics.hpp"
#include "tmk/version.hpp"

namespace tmk::cli {

Tool::Tool(std::string name, std::string description, std::string example) : app_(std::move(description), name) {
  // A tool's startup, never the library's: a closed pipe must show up as EPIPE from write()
  // (Output then ends quietly), not kill the process.
  std::signal(SIGPIPE, SIG_IGN);
  diag::set_program(name);
  app_.footer("Example:\n  " + example + "\n\nPart of tmk " + kVersion +
              ". Exit status: 0 ok, 1 an input failed, 2 usage error.\n");
  app_.set_version_flag("--version", std::string(name) + " (tmk) " + kVersion);
  app_.get_formatter()->column_width(28);
}

void Tool::add_document_options() {
  app_.add_option("inputs", paths_, "Files or directories to read; '-' or nothing: standard input");
  app_.add_option("--files-from", files_from_, "Read input paths from FILE, one per line");
  static const std::map<std::string, InputFormat> formats = {{"text", InputFormat::text},
                                                             {"lines", InputFormat::lines},
                                                             {"jsonl", InputFormat::jsonl},
                                                             {"tsv", InputFormat::tsv}};
  app_.add_option("--input", input_.format,
                  "How inputs hold documents: text (a file is a document), lines (a line is one), jsonl, tsv")
      ->transform(CLI::CheckedTransformer(formats))
      ->default_str("text");
  app_.add_option("--text-field", input_.text_field, "jsonl: the field holding the text")->default_str("text");
  app_.add_option("--id-field", input_.id_field, "jsonl: the field holding the document id (default PATH:LINE)");
  app_.add_option("--text-column", input_.text_column, "tsv: the column holding the text")->default_str("text");
  app_.add_option("--id-column", input_.id_column, "tsv: the column holding the document id (default PATH:LINE)");
  app_.add_flag("--strict", input_.strict, "Invalid UTF-8 is an error for that document (skipped, exit 1)");
  app_.add_option("-j,--jobs", jobs_, "Worker threads (0: all cores)")->default_str("0")->check(CLI::NonNegativeNumber);
  add_header_option();
}

void Tool::add_date_field_option() {
  app_.add_option("--date-field", input_.date_field,
                  "jsonl, tsv: the field or column holding each document's date (YYYY-MM-DD)");
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

void Tool::add_name_list_options() {
  app_.add_option("--gazetteer", name_lists_,
                  "Your own names: a TSV file of NAME<TAB>TYPE (PER, ORG, LOC, MISC), found with their exact case "
                  "and winning over the model (repeatable)")
      ->allow_extra_args(false)  // one file per --gazetteer: never swallow the inputs after it
      ->check(CLI::ExistingFile);
  app_.add_option("--aliases", name_lists_,
                  "Names and what they stand for: a TSV file of NAME<TAB>CANONICAL<TAB>TYPE; found like --gazetteer, "
                  "with CANONICAL as their canonical name (repeatable)")
      ->allow_extra_args(false)
      ->check(CLI::ExistingFile);
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
  return std::nullopt;
}

std::vector<std::string> Tool::inputs() const {
  std::vector<std::string> all = paths_;
  if (!files_from_.empty()) {
    std::vector<std::string> listed;
    try {
      listed = read_path_list(files_from_);
    } catch (const std::exception& e) {
      diag::error(files_from_, e.what());
    }
    all.insert(all.end(), listed.begin(), listed.end());
  }
  return all;
}

std::vector<std::string> Tool::inputs_or_stdin() const {
  std::vector<std::string> all = inputs();
  if (all.empty() && files_from_.empty()) all.push_back("-");
  return all;
}

int Tool::run_documents(const std::string& header_line, const DocumentProcessor& process) {
  return run([&](Output& output) {
    if (header()) output.write(header_line);
    DocumentReader reader(paths_, input_, files_from_);
    tmk::process_documents(reader, jobs_, process, output);
  });
}

void Tool::process_documents(const DocumentProcessor& process, const OutputSink& sink) {
  DocumentReader reader(paths_, input_, files_from_);
  tmk::process_documents(reader, jobs_, process, sink);
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
