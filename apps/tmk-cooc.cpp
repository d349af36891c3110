// tmk-cooc: pairs of entities that appear together, from tmk-entities output.

#include "cli/cli.hpp"
#include "core/diagnostics.hpp"
#include "corpus/cooccurrence.hpp"
#include "corpus/counter.hpp"
#include "tmk/core/tsv.hpp"

int main(int argc, char** argv) {
  tmk::cli::Tool tool("tmk-cooc",
                      "Co-occurring entities: reads tmk-entities output (doc, sent, type, canonical) and writes one\n"
                      "row per pair of canonical names: a, b, type_a, type_b, count, docs, ordered by count\n"
                      "(descending), then by key bytes; a comes before b in byte order. count is the sentences\n"
                      "holding both (--scope sentence), the mentions of a and b at most N-1 sentences apart, an\n"
                      "entity counting once per sentence (--window N), or the documents holding both (--scope "
                      "document). --format gexf or graphml\n"
                      "writes the same pairs as a graph for Gephi, Cytoscape or igraph. --merge sums tables of\n"
                      "pairs counted over parts of a corpus cut at document boundaries: the same as counting the\n"
                      "whole.",
                      "tmk-entities corpus/ | tmk-cooc --scope document --min 2 --format gexf > network.gexf\n"
                      "  tmk-cooc --merge part1.pairs part2.pairs --format gexf > network.gexf   # parts in TSV");
  tool.add_tsv_input_options();
  std::string scope = "sentence";
  std::size_t window = 0;
  tmk::GraphFormat graph_format = tmk::GraphFormat::gexf;
  std::string format = "tsv";
  tmk::CountSelection selection;
  bool merge = false;
  auto& app = tool.app();
  auto* scope_option =
      tool.add_choice_option("--scope", scope, {"sentence", "document"}, "Where two entities co-occur");
  auto* window_option = app.add_option("--window", window, "Co-occur within N consecutive sentences")
                            ->check(CLI::PositiveNumber)
                            ->excludes(scope_option);
  tool.add_choice_option(
      "--format", format, {"tsv", "csv", "jsonl", "gexf", "graphml"},
      "The pairs as rows (an edge list) in tsv, csv (RFC 4180) or jsonl (one JSON object per row), or "
      "as a graph in gexf or graphml");
  app.add_option("--top", selection.top, "Keep only the N most frequent pairs");
  app.add_option("--min", selection.min_count, "Leave out pairs counted fewer than N times");
  // The parts' scope is theirs: a merge only sums what they counted.
  app.add_flag("--merge", merge,
               "Inputs are tmk-cooc tables in TSV (made without --top/--min): sum their count and docs")
      ->excludes(scope_option)
      ->excludes(window_option);
  tool.add_jobs_option("Worker threads, one input file each");
  if (const auto status = tool.parse(argc, argv)) return *status;

  tmk::CooccurrenceOptions options;
  if (window > 0) {
    options.scope = tmk::CooccurrenceScope::window;
    options.window = window;
  } else if (scope == "document") {
    options.scope = tmk::CooccurrenceScope::document;
  }
  if (format == "graphml") graph_format = tmk::GraphFormat::graphml;
  const tmk::CooccurrenceCounter cooccurrences(options);

  return tool.run([&](tmk::Output& output) {
    const std::vector<std::string> pair_columns = {"a", "b", "type_a", "type_b"};
    const tmk::KeyCounter pairs =
        merge ? tmk::merge_tables_with_keys(tool.inputs_or_stdin(), tool.jobs(), pair_columns, "tmk-cooc")
              : tmk::count_inputs(
                    tool.inputs_or_stdin(), tool.jobs(),
                    [&](tmk::TsvReader& reader, tmk::KeyCounter& into) { cooccurrences.count(reader, into); });
    const std::vector<tmk::KeyCount> selected = tmk::select_counts(pairs, selection);
    std::string out;
    if (format == "gexf" || format == "graphml") {
      tmk::append_graph(out, selected, graph_format);
    } else {
      tmk::TableLayout layout{tmk::parse_table_format(format), pair_columns};
      layout.columns.insert(layout.columns.end(), {"count", "docs"});
      if (tool.header()) out = tmk::table_header(layout);
      tmk::append_count_rows(out, layout, selected);
    }
    output.write(out);
  });
}
