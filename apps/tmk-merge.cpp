// tmk-merge: joins the directories of tmk-extract runs over parts of a corpus into one.
#include <string>
#include <vector>

#include "cli/cli.hpp"
#include "cli/merge.hpp"

int main(int argc, char** argv) {
  tmk::cli::Tool tool(
      "tmk-merge",
      "Merge the directories that tmk-extract -o wrote for parts of a corpus (shards) into one directory\n"
      "(-o DIR): each table is the shards' tables one after the other in argument order, with the first\n"
      "shard's header only, so shards that cover the corpus in order give the tables of one run over the\n"
      "whole corpus, byte for byte. The shards must be made by the same tmk (version, commit, model and\n"
      "resources checksums) with the same options but --lines, and hold the same tables in the same\n"
      "format; each table is checked against its shard's manifest (rows and sha256) while it is copied.\n"
      "Nothing is merged twice: a directory given twice, or two shards that read the same file (or\n"
      "overlapping --lines of it), is an error. On any error nothing is written, and the exit status is 1.\n\n"
      "Tables are written under temporary names (.NAME.partial) and renamed when complete, manifest.json\n"
      "last; a directory that holds an earlier run's tables has them replaced, as with tmk-extract. The\n"
      "manifest is a tmk-extract manifest (so a merged directory can be merged again, or read by\n"
      "tmk-report) whose inputs, warnings and errors are the shards' in order, each table with its summed\n"
      "rows and new sha256, and whose shards list each shard's directory, manifest sha256 and rows.",
      "tmk-merge shards/part-* -o tables/   # then: tmk-report tables/ -o report.html");
  tmk::cli::MergeOptions options;
  auto& app = tool.app();
  app.add_option("shards", options.shards, "The shard directories, in corpus order")->required();
  app.add_option("-o,--output-dir", options.directory, "The directory to write into (required; made if missing)")
      ->option_text("DIR")
      ->required();
  tool.add_jobs_option("Worker threads, one table each");
  if (const auto status = tool.parse(argc, argv)) return *status;
  options.jobs = tool.jobs();
  return tmk::cli::run_merge(options, std::vector<std::string>(argv, argv + argc));
}
