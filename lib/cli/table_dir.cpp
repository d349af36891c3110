#include "cli/table_dir.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>

#include "cli/extract.hpp"
#include "core/diagnostics.hpp"
#include "tmk/core/io.hpp"
#include "tmk/version.hpp"

namespace tmk::cli {

namespace fs = std::filesystem;

void RowCounter::add(std::string_view bytes) {
  if (format_ != TableFormat::csv) {
    rows_ += static_cast<std::uint64_t>(std::count(bytes.begin(), bytes.end(), '\n'));
    return;
  }
  for (const char c : bytes) {
    if (c == '"') quoted_ = !quoted_;
    if (c == '\n' && !quoted_) ++rows_;
  }
}

TableFile::TableFile(const fs::path& dir, const std::string& file, TableFormat format)
    : final_(dir / file), partial_(dir / ("." + file + ".partial")), rows_(format) {
  fd_ = ::open(partial_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd_ < 0) error_ = std::strerror(errno);
}

TableFile::~TableFile() {
  if (fd_ >= 0) ::close(fd_);
  if (!finished_) ::unlink(partial_.c_str());
}

void TableFile::write(std::string_view bytes) {
  if (!error_.empty()) return;
  rows_.add(bytes);
  hash_.update(bytes);
  while (!bytes.empty() && error_.empty()) {
    const ssize_t put = ::write(fd_, bytes.data(), bytes.size());
    if (put >= 0)
      bytes.remove_prefix(static_cast<std::size_t>(put));
    else if (errno != EINTR)
      error_ = std::strerror(errno);
  }
}

bool TableFile::finish() {
  if (error_.empty() && ::fsync(fd_) != 0) error_ = std::strerror(errno);
  if (fd_ >= 0 && ::close(fd_) != 0 && error_.empty()) error_ = std::strerror(errno);
  fd_ = -1;
  if (error_.empty() && ::rename(partial_.c_str(), final_.c_str()) != 0) error_ = std::strerror(errno);
  finished_ = error_.empty();
  if (finished_) sha256_ = hash_.hex_digest();
  return finished_;
}

std::string utc_now() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm parts{};
  gmtime_r(&now, &parts);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
  return text;
}

Json build_provenance() {
  return {{"version", kVersion},
          {"commit", kSourceCommit},
          {"model_sha256", kEntityModelSha256},
          {"resources_sha256", kResourcesSha256}};
}

void clear_previous_run(const fs::path& dir) {
  std::error_code ec;
  fs::remove(dir / "manifest.json", ec);
  for (const std::string& table : kExtractTables) {
    for (const std::string& extension : kTableFormatNames) {
      fs::remove(dir / (table + "." + extension), ec);
      fs::remove(dir / ("." + table + "." + extension + ".partial"), ec);
    }
  }
  fs::remove(dir / ".manifest.json.partial", ec);
}

bool write_whole_file(const fs::path& dir, const std::string& name, const std::string& text) {
  const std::string path = (dir / name).string();
  try {
    write_file_atomically(path, text);
    return true;
  } catch (const std::exception& e) {
    diag::error(path, e.what());
    return false;
  }
}

}  // namespace tmk::cli
