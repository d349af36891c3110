#pragma once
// tmk-merge: joins the directories of tmk-extract runs over parts of a corpus (shards) into one
// directory, the same as one run over the whole corpus would have written when the shards
// cover it in order. The shards must come from the same tmk with the same options; each
// table is checked against its shard's manifest while it is copied; nothing is merged twice.
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/table_dir.hpp"

namespace tmk::cli {

// The lines of an input a shard read (tmk-extract --lines FIRST-LAST), both counted from 1.
struct LineRange {
  std::uint64_t first = 1;
  std::uint64_t last = std::numeric_limits<std::uint64_t>::max();  // the whole file by default
  bool operator==(const LineRange&) const = default;
};

// "FIRST-LAST" as --lines takes it, or "FIRST-" (to the end); nothing when malformed.
std::optional<LineRange> parse_line_range(std::string_view spec);
bool ranges_overlap(const LineRange& a, const LineRange& b);

// Where two shards' manifests disagree in what a merge needs to be the same: the tmk that
// wrote them (tmk.version, .commit, .model_sha256, .resources_sha256), the options except
// "lines", and the tables with their file, format and columns.
struct ManifestDifference {
  std::string field;  // as a path: "options.kind", "tables.entities.columns", "tables.quotes"
  std::string first;  // the values, as JSON ("null" when absent)
  std::string second;
};
// The first difference between `a` and `b`, in the order above; nothing when they agree.
std::optional<ManifestDifference> first_difference(const Json& a, const Json& b);

struct MergeOptions {
  std::vector<std::string> shards;  // directories, in corpus order
  std::string directory;            // -o
  unsigned jobs = 0;                // tables merged at once
};

// Merges the shards into options.directory; `command` is the command line, as the manifest
// records it. Returns the exit status: 2 when -o is one of the shards, 1 when a shard is
// incomplete, disagrees with the first, reads what another shard read, fails its manifest's
// checks or the output cannot be written (nothing is written then).
int run_merge(const MergeOptions& options, const std::vector<std::string>& command);

}  // namespace tmk::cli
