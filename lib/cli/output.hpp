#pragma once
// Buffered standard output with the contract's error semantics: a closed pipe ends the
// program quietly with status 0; any other write error is reported and exits 1. Part of the
// command-line layer (lib/cli/): only a tool may end the process. A closed pipe is seen as
// EPIPE because the tool ignores SIGPIPE at startup (cli::Tool); the library never does.
#include <string>
#include <string_view>

namespace tmk {

class Output {
 public:
  Output();  // writes to standard output
  ~Output();
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;

  void write(std::string_view bytes);
  void flush();

 private:
  void write_through(std::string_view bytes);
  std::string buffer_;
};

}  // namespace tmk
