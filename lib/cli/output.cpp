#include "cli/output.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "core/diagnostics.hpp"

namespace tmk {

namespace {
constexpr std::size_t kBufferSize = 1 << 18;
constexpr std::size_t kDirectWriteSize = 1 << 16;
}  // namespace

Output::Output() {
  buffer_.reserve(kBufferSize);
}

Output::~Output() {
  flush();
}

void Output::write(std::string_view bytes) {
  // Large blocks (a batch of rows) go straight out: copying them into the buffer first
  // would only cost time.
  if (bytes.size() >= kDirectWriteSize) {
    flush();
    write_through(bytes);
    return;
  }
  if (buffer_.size() + bytes.size() > kBufferSize) flush();
  buffer_.append(bytes);
}

void Output::flush() {
  write_through(buffer_);
  buffer_.clear();
}

void Output::write_through(std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t put = ::write(1, bytes.data(), bytes.size());
    if (put >= 0) {
      bytes.remove_prefix(static_cast<std::size_t>(put));
      continue;
    }
    if (errno == EINTR) continue;
    if (errno == EPIPE) std::_Exit(diag::exit_status());  // the reader has gone: stop quietly
    diag::error("write error", std::strerror(errno));
    std::_Exit(1);
  }
}

}  // namespace tmk
