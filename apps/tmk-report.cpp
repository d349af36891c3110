// tmk-report: the tables tmk-extract wrote, as one self-contained HTML page.
#include "cli/cli.hpp"
#include "report/corpus_summary.hpp"
#include "report/html_report.hpp"
#include "tmk/core/io.hpp"

int main(int argc, char** argv) {
  tmk::cli::Tool tool("tmk-report",
                      "A corpus at a glance: reads the tables that tmk-extract -o DIR wrote (documents.tsv, and\n"
                      "whichever of sentences, entities, numbers and quotes.tsv are there; manifest.json when\n"
                      "present) and writes one self-contained HTML page: the corpus, the most mentioned names\n"
                      "(over time when documents have a date), who is quoted and saying what, which names share\n"
                      "sentences, numbers by kind and the largest amounts, and a view of the documents the\n"
                      "examples come from. The page needs no network; its charts are SVG drawn by tmk, and each\n"
                      "figure names the tmk-count (or shell) command that recounts it from the tables. The page\n"
                      "holds totals and bounded samples, so its size hardly grows with the corpus.",
                      "tmk-extract corpus/ -o tables/ && tmk-report tables/ -o report.html");
  std::string directory, output_path;
  tmk::report::ReportLimits limits;
  auto& app = tool.app();
  app.add_option("directory", directory, "The directory tmk-extract -o wrote")->required();
  app.add_option("-o,--output", output_path, "Write the page to FILE (whole or not at all); '-': standard output")
      ->required();
  app.add_option("--top", limits.names_per_type, "Names of each type, and speakers, shown")
      ->default_str(std::to_string(limits.names_per_type))
      ->check(CLI::PositiveNumber);
  tool.add_jobs_option("Worker threads, one table each");
  if (const auto status = tool.parse(argc, argv)) return *status;
  limits.speakers = limits.names_per_type;
  limits.jobs = tool.jobs();

  return tool.run([&](tmk::Output& output) {
    const std::string html =
        tmk::report::render_html_report(tmk::report::summarize_extract_directory(directory, limits), directory);
    if (output_path == "-") {
      output.write(html);
      return;
    }
    try {
      tmk::write_file_atomically(output_path, html);
    } catch (const std::exception& e) {
      throw std::runtime_error(output_path + ": " + e.what());
    }
  });
}
