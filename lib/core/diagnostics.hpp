#pragma once
// Messages to stderr in the form `tmk-x: WHERE: what`, and the exit status they imply.
// Thread-safe: workers may report while the main thread reads.
#include <string>
#include <string_view>
#include <vector>

namespace tmk::diag {

void set_program(std::string_view name);  // e.g. "tmk-tokenize"
std::string_view program();

void warning(std::string_view where, std::string_view what);
// An input could not be read or processed: the run goes on and ends with status 1.
void error(std::string_view where, std::string_view what);
// A message not tied to one input (usage problems, summaries).
void message(std::string_view what);

// Shows `status` as a progress line on stderr (redrawn in place; messages clear it first),
// only when stderr is a terminal. end_progress() clears it.
void progress(std::string_view status);
void end_progress();

// From now on, warnings and errors are also kept, for a tool that records them (tmk-extract's
// manifest); recorded() returns them in the order they were reported.
struct Recorded {
  std::string where;
  std::string what;
  bool error = false;
};
void start_recording();
std::vector<Recorded> recorded();

bool any_error();
int exit_status();  // 0, or 1 after any error()

}  // namespace tmk::diag
