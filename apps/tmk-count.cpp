// tmk-count: how many rows (count) and documents (docs) hold each value of some columns.
#include "cli/cli.hpp"
#include "core/diagnostics.hpp"
#include "corpus/counter.hpp"
#include "tmk/core/tsv.hpp"

int main(int argc, char** argv) {
  tmk::cli::Tool tool(
      "tmk-count",
      "Count the values of TSV columns: one row per distinct key with count (rows) and docs (documents),\n"
      "ordered by count (descending), then by key bytes. Keys are counted and written as they\n"
      "appear in the input (escaped), so the output is exact. docs counts the distinct doc values\n"
      "of a key's rows within one input, whatever the order of the rows; --no-docs leaves it out\n"
      "and needs no doc column. A column missing from an input is an error for that input (named\n"
      "in the message; the other inputs are still counted; exit status 1).",
      "tmk-entities corpus/ | tmk-count -c canonical --by type --top 5\n"
      "  tmk-count --merge monday.counts tuesday.counts --top 20   # sums the counts of earlier runs");
  tool.add_tsv_input_options();
  tool.add_format_option();
  std::vector<std::string> columns;
  std::vector<std::string> by;
  std::string doc_column = "doc";
  tmk::CountSelection selection;
  bool merge = false, no_docs = false;
  auto& app = tool.app();
  tool.add_list_option("-c,--columns", columns, {}, "Key columns, by header name or number from 1 (comma-separated)");
  tool.add_list_option("--by", by, {}, "Group by these columns: counts, --top and ordering apply within each group");
  app.add_option("--doc-column", doc_column, "The column naming the document (name or number)")->default_str("doc");
  app.add_option("--top", selection.top, "Print only the N most frequent keys (of each group)");
  app.add_option("--min", selection.min_count, "Leave out keys counted fewer than N times");
  auto* merge_flag = app.add_flag("--merge", merge,
                                  "Inputs are tmk-count outputs (made without --top/--min): sum their count and docs");
  app.add_flag("--no-docs", no_docs, "Count rows only: no docs column, and no doc column needed")->excludes(merge_flag);
  tool.add_jobs_option("Worker threads, one input file each");
  if (const auto status = tool.parse(argc, argv)) return *status;
  if (merge == !columns.empty()) {
    tmk::diag::message(merge ? "--merge takes its key columns from the inputs: leave out -c (see --help)"
                             : "name the key columns with -c (see --help)");
    return 2;
  }

  return tool.run([&](tmk::Output& output) {
    std::vector<std::string> key_columns = by;
    tmk::KeyCounter counter;
    if (merge) {
      counter = tmk::merge_count_tables(tool.inputs_or_stdin(), tool.jobs(), by, key_columns);
      if (key_columns.empty()) key_columns = by;
    } else {
      std::vector<std::string> wanted = by;
      wanted.insert(wanted.end(), columns.begin(), columns.end());
      counter = tmk::count_rows(tool.inputs_or_stdin(), tool.jobs(), wanted, no_docs ? "" : doc_column, key_columns);
    }
    selection.group_fields = by.size();
    tmk::TableLayout layout{tool.format(), key_columns};
    layout.columns.push_back("count");
    if (!no_docs) layout.columns.push_back("docs");
    std::string out;
    if (tool.header()) out = tmk::table_header(layout);
    tmk::append_count_rows(out, layout, tmk::select_counts(counter, selection), !no_docs);
    output.write(out);
  });
}
