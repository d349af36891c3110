// tmk-extract: one pass over the documents, writing linked tables and a manifest into a directory.
#include <string>
#include <vector>

#include "cli/cli.hpp"
#include "cli/extract.hpp"

int main(int argc, char** argv) {
  tmk::cli::Tool tool(
      "tmk-extract",
      "Analyse each document once and write its tables into a directory (-o DIR): documents.tsv (doc, the "
      "--keep-fields columns, bytes, sentences, sha256 of the text), sentences.tsv, entities.tsv, numbers.tsv "
      "and quotes.tsv, with the columns and rows of tmk-sentences, tmk-entities, tmk-numbers and tmk-quotes "
      "given the same options; join them by doc. With --format csv or jsonl the tables are NAME.csv or "
      "NAME.jsonl.\n\n"
      "manifest.json, written last, records the tmk version and source commit, the checksums of the entity "
      "model and of all built-in resources, the command line and effective options, every input (path, bytes, "
      "sha256), each table's rows, sha256 and columns, the warnings and errors per document, and the start and end "
      "times. Each table is written under a temporary name (.NAME.partial) and renamed when complete, so a "
      "table under its final name is always whole; a run into a directory that holds an earlier run's tables "
      "replaces them.",
      "tmk-extract --input jsonl --keep-fields date,outlet articles.jsonl.gz -o tables/");
  tool.add_document_options();
  tool.app().remove_option(tool.app().get_option("--no-header"));  // the tables always have theirs
  tool.add_date_field_option();
  tool.add_keep_fields_option();
  tool.add_format_option();
  tool.add_name_list_options();
  tool.uses_entity_model();
  tmk::cli::ExtractOptions options;
  tool.app()
      .add_option("-o,--output-dir", options.directory, "The directory to write into (required; made if missing)")
      ->option_text("DIR")
      ->required();
  tool.add_list_option("--tables", options.tables, tmk::cli::kExtractTables,
                       "Only these tables (documents.tsv is always written); default all");
  tool.add_model_option(options.model_path);
  tool.add_number_options(options.date, options.kinds, options.date_order);
  tool.add_quote_options(options.with_speaker, options.no_entities, options.indirect);
  if (const auto status = tool.parse(argc, argv)) return *status;
  return tmk::cli::run_extract(tool, options, std::vector<std::string>(argv, argv + argc));
}
