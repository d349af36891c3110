#include "tmk/core/io.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string_view>

namespace tmk {

namespace {

[[noreturn]] void throw_errno() {
  throw std::runtime_error(std::strerror(errno));
}

class FileSource final : public ByteSource {
 public:
  explicit FileSource(const std::string& path) {
    if (path == "-") {
      fd_ = 0;
      return;
    }
    fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0) throw_errno();
    owned_ = true;
    struct stat info;
    if (::fstat(fd_, &info) == 0 && S_ISREG(info.st_mode)) size_ = static_cast<std::size_t>(info.st_size);
  }
  std::size_t size_hint() const override { return size_; }
  ~FileSource() override {
    if (owned_) ::close(fd_);
  }
  std::size_t read(char* buffer, std::size_t n) override {
    for (;;) {
      const ssize_t got = ::read(fd_, buffer, n);
      if (got >= 0) return static_cast<std::size_t>(got);
      if (errno != EINTR) throw_errno();
    }
  }

 private:
  int fd_ = -1;
  bool owned_ = false;
  std::size_t size_ = 0;
};

// Bytes already read from a source (to sniff its format), then the rest of it.
class PrefixedSource final : public ByteSource {
 public:
  PrefixedSource(std::string prefix, std::unique_ptr<ByteSource> rest)
      : prefix_(std::move(prefix)), rest_(std::move(rest)) {}
  std::size_t read(char* buffer, std::size_t n) override {
    if (pos_ < prefix_.size()) {
      const std::size_t k = std::min(n, prefix_.size() - pos_);
      std::memcpy(buffer, prefix_.data() + pos_, k);
      pos_ += k;
      return k;
    }
    return rest_->read(buffer, n);
  }
  std::size_t size_hint() const override { return rest_->size_hint(); }

 private:
  std::string prefix_;
  std::size_t pos_ = 0;
  std::unique_ptr<ByteSource> rest_;
};

// gzip decompression over another source; concatenated gzip members are read in turn.
class GzipSource final : public ByteSource {
 public:
  explicit GzipSource(std::unique_ptr<ByteSource> compressed) : in_(std::move(compressed)), input_(1 << 16, '\0') {
    std::memset(&stream_, 0, sizeof stream_);
    if (inflateInit2(&stream_, 16 + MAX_WBITS) != Z_OK) throw std::runtime_error("cannot start gzip decompression");
  }
  ~GzipSource() override { inflateEnd(&stream_); }

  std::size_t read(char* buffer, std::size_t n) override {
    stream_.next_out = reinterpret_cast<Bytef*>(buffer);
    stream_.avail_out = static_cast<uInt>(std::min<std::size_t>(n, 1u << 30));
    const auto produced = [&] { return static_cast<std::size_t>(stream_.next_out - reinterpret_cast<Bytef*>(buffer)); };
    while (produced() == 0 && n > 0) {
      if (stream_.avail_in == 0) {
        if (input_eof_) {
          if (!at_member_end_) throw std::runtime_error("truncated gzip data");
          break;
        }
        const std::size_t got = in_->read(input_.data(), input_.size());
        if (got == 0) {
          input_eof_ = true;
          continue;
        }
        stream_.next_in = reinterpret_cast<Bytef*>(input_.data());
        stream_.avail_in = static_cast<uInt>(got);
      }
      at_member_end_ = false;
      const int rc = inflate(&stream_, Z_NO_FLUSH);
      if (rc == Z_STREAM_END) {
        at_member_end_ = true;
        inflateReset(&stream_);  // another member may follow
      } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
        throw std::runtime_error("invalid gzip data");
      }
    }
    return static_cast<std::size_t>(stream_.next_out - reinterpret_cast<Bytef*>(buffer));
  }

 private:
  std::unique_ptr<ByteSource> in_;
  std::string input_;
  z_stream stream_;
  bool input_eof_ = false;
  bool at_member_end_ = true;
};

class MemorySource final : public ByteSource {
 public:
  explicit MemorySource(std::string bytes) : bytes_(std::move(bytes)) {}
  std::size_t read(char* buffer, std::size_t n) override {
    const std::size_t k = std::min(n, bytes_.size() - pos_);
    std::memcpy(buffer, bytes_.data() + pos_, k);
    pos_ += k;
    return k;
  }

 private:
  std::string bytes_;
  std::size_t pos_ = 0;
};

bool is_bzip2_header(std::string_view head) {
  // "BZh", the block size digit, then the magic of a block or of the end of the stream.
  return head.size() >= 10 && head.starts_with("BZh") && head[3] >= '1' && head[3] <= '9' &&
         (head.substr(4, 6) == "\x31\x41\x59\x26\x53\x59" || head.substr(4, 6) == "\x17\x72\x45\x38\x50\x90");
}

// The compressed format `head` (the first bytes of an input) starts, of those tmk does not
// read; empty for any other. Read as text, they would give garbage rows and exit status 0.
std::string_view unread_compression(std::string_view head) {
  if (head.starts_with("\x28\xB5\x2F\xFD")) return "zstd";
  if (head.starts_with(std::string_view("\xFD"
                                        "7zXZ\0",
                                        6)))
    return "xz";
  if (is_bzip2_header(head)) return "bzip2";
  return {};
}

// Sniffs the gzip magic bytes (1f 8b) rather than trusting a file name; throws for the
// compressed formats tmk does not read.
std::unique_ptr<ByteSource> decompress_if_gzip(std::unique_ptr<ByteSource> raw) {
  constexpr std::size_t kHead = 10;
  std::string head(kHead, '\0');
  std::size_t got = 0;
  while (got < kHead) {
    const std::size_t k = raw->read(head.data() + got, kHead - got);
    if (k == 0) break;
    got += k;
  }
  head.resize(got);
  if (const std::string_view format = unread_compression(head); !format.empty())
    throw std::runtime_error(std::string(format) + "-compressed input is not read; decompress it first (" +
                             std::string(format) + " -dc FILE | tmk-...)");
  const bool gzip = got >= 2 && head[0] == '\x1f' && head[1] == '\x8b';
  auto source = std::make_unique<PrefixedSource>(std::move(head), std::move(raw));
  if (gzip) return std::make_unique<GzipSource>(std::move(source));
  return source;
}

}  // namespace

std::unique_ptr<ByteSource> ByteSource::open(const std::string& path) {
  return decompress_if_gzip(std::make_unique<FileSource>(path));
}

std::unique_ptr<ByteSource> ByteSource::from_string(std::string bytes) {
  return decompress_if_gzip(std::make_unique<MemorySource>(std::move(bytes)));
}

std::string read_all(ByteSource& source) {
  std::string text;
  read_all(source, text);
  return text;
}

void read_all(ByteSource& source, std::string& text) {
  // Sized from the file size when known, so a huge document is not copied while growing.
  std::size_t used = 0;
  text.resize(std::max<std::size_t>(source.size_hint() + 1, 1 << 16));
  for (;;) {
    if (used == text.size()) text.resize(text.size() * 2);
    const std::size_t got = source.read(text.data() + used, text.size() - used);
    if (got == 0) break;
    used += got;
  }
  text.resize(used);
}

LineReader::LineReader(std::unique_ptr<ByteSource> source) : source_(std::move(source)) {}

void write_file_atomically(const std::string& path, std::string_view bytes) {
  // Beside the target, so that rename() stays within one file system and is atomic, and
  // hidden (".NAME.partial", as tmk-extract's tables), so that it never looks finished.
  const std::size_t slash = path.rfind('/');
  const std::size_t name = slash == std::string::npos ? 0 : slash + 1;
  const std::string temporary = path.substr(0, name) + "." + path.substr(name) + ".partial";
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) throw_errno();
  const auto fail = [&] {
    const int error = errno;
    ::close(fd);
    ::unlink(temporary.c_str());
    errno = error;
    throw_errno();
  };
  while (!bytes.empty()) {
    const ssize_t written = ::write(fd, bytes.data(), bytes.size());
    if (written < 0 && errno == EINTR) continue;
    if (written < 0) fail();
    bytes.remove_prefix(static_cast<std::size_t>(written));
  }
  if (::fsync(fd) != 0) fail();
  if (::close(fd) != 0 || ::rename(temporary.c_str(), path.c_str()) != 0) {
    const int error = errno;
    ::unlink(temporary.c_str());
    errno = error;
    throw_errno();
  }
}

bool LineReader::fill() {
  if (eof_) return false;
  // Drop what was consumed, then read more at the end.
  buffer_.erase(0, begin_);
  begin_ = 0;
  const std::size_t chunk = std::max<std::size_t>(1 << 16, buffer_.size());
  const std::size_t used = buffer_.size();
  buffer_.resize(used + chunk);
  const std::size_t got = source_->read(buffer_.data() + used, chunk);
  buffer_.resize(used + got);
  if (got == 0) eof_ = true;
  return got > 0;
}

bool LineReader::next(std::string_view& line) {
  std::size_t searched = begin_;
  for (;;) {
    const auto nl = buffer_.find('\n', searched);
    if (nl != std::string::npos) {
      line = std::string_view(buffer_).substr(begin_, nl - begin_);
      begin_ = nl + 1;
      ++line_number_;
      return true;
    }
    searched = buffer_.size() - begin_;  // relative: fill() moves the data to the front
    if (!fill()) break;
  }
  if (begin_ < buffer_.size()) {
    line = std::string_view(buffer_).substr(begin_);
    begin_ = buffer_.size();
    ++line_number_;
    return true;
  }
  return false;
}

}  // namespace tmk
