#pragma once
// tmk-extract: one pass over the documents that writes linked tables (documents, sentences,
// entities, numbers, quotes) and a manifest into a directory. Each table is written under a
// temporary name and renamed when complete, the manifest last, so that a run that is killed
// or fails leaves no table under its final name that is not whole.
#include <optional>
#include <string>
#include <vector>

#include "cli/cli.hpp"
#include "tmk/numbers/numbers.hpp"

namespace tmk::cli {

// The tables, in the order of their indexes in a run; documents is always written.
extern const std::vector<std::string> kExtractTables;

struct ExtractOptions {
  std::string directory;
  std::vector<std::string> tables;  // names of kExtractTables; empty: all
  // The single tools' options that change their rows, with the same meaning.
  std::string model_path;                   // entities: --model
  std::string date;                         // numbers: --date (YYYY-MM-DD; empty: none)
  std::vector<std::string> kinds;           // numbers: --kind
  DateOrder date_order = DateOrder::guess;  // numbers: --day-first, --month-first
  bool with_speaker = false;                // quotes: --with-speaker
  bool no_entities = false;                 // quotes: --no-entities
  bool indirect = false;                    // quotes: --indirect
};

// Runs the extraction `tool` has parsed the inputs of; `command` is the command line, as the
// manifest records it. Returns the exit status: 2 for options that cannot be used (a model
// that cannot be read), 1 when an input or the output directory failed.
int run_extract(Tool& tool, const ExtractOptions& options, const std::vector<std::string>& command);

}  // namespace tmk::cli
