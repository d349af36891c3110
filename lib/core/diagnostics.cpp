#include "core/diagnostics.hpp"

#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <mutex>
#include <string>

#include "tmk/core/tsv.hpp"

namespace tmk::diag {

namespace {
std::string g_program = "tmk";
std::mutex g_mutex;
std::atomic<bool> g_error{false};
bool g_progress_shown = false;     // guarded by g_mutex
bool g_recording = false;          // guarded by g_mutex
std::vector<Recorded> g_recorded;  // guarded by g_mutex

// "\r" and "erase to end of line": removes the progress line so a message starts clean.
constexpr std::string_view kClearLine = "\r\033[K";

void print(std::string_view where, std::string_view what) {
  std::string line = g_program;
  line += ": ";
  if (!where.empty()) {
    line += where;
    line += ": ";
  }
  line += what;
  line += '\n';
  const std::lock_guard lock(g_mutex);
  if (g_progress_shown) std::fwrite(kClearLine.data(), 1, kClearLine.size(), stderr);
  std::fwrite(line.data(), 1, line.size(), stderr);
}

void record(std::string_view where, std::string_view what, bool error) {
  const std::lock_guard lock(g_mutex);
  if (g_recording) g_recorded.push_back({std::string(where), std::string(what), error});
}
}  // namespace

void set_program(std::string_view name) {
  g_program = name;
}
std::string_view program() {
  return g_program;
}

void warning(std::string_view where, std::string_view what) {
  record(where, what, false);
  print(where, what);
}

void error(std::string_view where, std::string_view what) {
  g_error = true;
  record(where, what, true);
  print(where, what);
}

void start_recording() {
  const std::lock_guard lock(g_mutex);
  g_recording = true;
}

std::vector<Recorded> recorded() {
  const std::lock_guard lock(g_mutex);
  return g_recorded;
}

void message(std::string_view what) {
  print({}, what);
}

void progress(std::string_view status) {
  static const bool terminal = ::isatty(2) == 1;
  if (!terminal) return;
  std::string line(kClearLine);
  line += g_program;
  line += ": ";
  line += status;
  const std::lock_guard lock(g_mutex);
  std::fwrite(line.data(), 1, line.size(), stderr);
  g_progress_shown = true;
}

void end_progress() {
  const std::lock_guard lock(g_mutex);
  if (!g_progress_shown) return;
  std::fwrite(kClearLine.data(), 1, kClearLine.size(), stderr);
  g_progress_shown = false;
}

bool any_error() {
  return g_error;
}
int exit_status() {
  return g_error ? 1 : 0;
}

}  // namespace tmk::diag
