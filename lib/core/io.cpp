#include "tmk/core/io.hpp"

#include <bzlib.h>
#include <fcntl.h>
#include <lzma.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
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

// Decompression over another source. The loop is shared; each format's decode() does one
// step of its library. Input that ends inside a stream or frame is an error ("truncated"),
// never a silent short read.
class DecompressingSource : public ByteSource {
 public:
  DecompressingSource(std::unique_ptr<ByteSource> compressed, std::string format)
      : compressed_(std::move(compressed)), format_(std::move(format)), buffer_(1 << 16, '\0') {}

  std::size_t read(char* out, std::size_t n) override {
    if (n == 0) return 0;
    for (;;) {
      if (input_.empty() && !output_pending_ && !input_ended_) {
        const std::size_t got = compressed_->read(buffer_.data(), buffer_.size());
        input_ = std::string_view(buffer_.data(), got);
        input_ended_ = got == 0;
      }
      if (input_.empty() && !output_pending_ && input_ended_ && finished_) {
        if (!at_stream_end_) throw std::runtime_error("truncated " + format_ + " data");
        return 0;
      }
      finished_ = input_ended_ && input_.empty();
      const std::size_t produced = decode(out, n, finished_);
      // A full buffer may leave output inside the decoder even when all input is consumed.
      output_pending_ = produced == n;
      if (produced > 0) return produced;
    }
  }

 protected:
  // Decodes from input_ (consuming what it reads) into out[0, n); `finishing`: no input
  // follows. Sets at_stream_end_ when the input consumed so far ends a whole stream or
  // frame. Returns the number of bytes written. Throws for invalid data.
  virtual std::size_t decode(char* out, std::size_t n, bool finishing) = 0;
  [[noreturn]] void invalid(std::string_view why = {}) const {
    throw std::runtime_error("invalid " + format_ + " data" + (why.empty() ? "" : ": " + std::string(why)));
  }

  std::string_view input_;
  bool at_stream_end_ = false;

 private:
  std::unique_ptr<ByteSource> compressed_;
  std::string format_;
  std::string buffer_;
  bool input_ended_ = false;
  bool output_pending_ = false;
  bool finished_ = false;  // decode() was told that no input follows
};

// The libraries count in unsigned int; a read never asks for more than this at once.
constexpr std::size_t kMaxStep = 1u << 30;

// gzip; concatenated members are read in turn.
class GzipSource final : public DecompressingSource {
 public:
  explicit GzipSource(std::unique_ptr<ByteSource> compressed) : DecompressingSource(std::move(compressed), "gzip") {
    std::memset(&stream_, 0, sizeof stream_);
    if (inflateInit2(&stream_, 16 + MAX_WBITS) != Z_OK) throw std::runtime_error("cannot start gzip decompression");
  }
  ~GzipSource() override { inflateEnd(&stream_); }

 private:
  std::size_t decode(char* out, std::size_t n, bool) override {
    stream_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(input_.data()));
    stream_.avail_in = static_cast<uInt>(input_.size());
    stream_.next_out = reinterpret_cast<Bytef*>(out);
    stream_.avail_out = static_cast<uInt>(std::min(n, kMaxStep));
    const int rc = inflate(&stream_, Z_NO_FLUSH);
    const std::size_t consumed = input_.size() - stream_.avail_in;
    if (consumed > 0) at_stream_end_ = false;
    input_.remove_prefix(consumed);
    if (rc == Z_STREAM_END) {
      at_stream_end_ = true;
      inflateReset(&stream_);  // another member may follow
    } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
      invalid();
    }
    return static_cast<std::size_t>(reinterpret_cast<char*>(stream_.next_out) - out);
  }

  z_stream stream_;
};

// zstd; the library starts the next frame by itself.
class ZstdSource final : public DecompressingSource {
 public:
  explicit ZstdSource(std::unique_ptr<ByteSource> compressed)
      : DecompressingSource(std::move(compressed), "zstd"), context_(ZSTD_createDCtx()) {
    if (context_ == nullptr) throw std::runtime_error("cannot start zstd decompression");
  }
  ~ZstdSource() override { ZSTD_freeDCtx(context_); }

 private:
  std::size_t decode(char* out, std::size_t n, bool) override {
    ZSTD_inBuffer in{input_.data(), input_.size(), 0};
    ZSTD_outBuffer output{out, n, 0};
    const std::size_t rc = ZSTD_decompressStream(context_, &output, &in);
    if (ZSTD_isError(rc)) invalid(ZSTD_getErrorName(rc));
    input_.remove_prefix(in.pos);
    // 0: a frame is complete and flushed. A step that reads and writes nothing (the end of the
    // input) changes nothing.
    if (rc == 0)
      at_stream_end_ = true;
    else if (in.pos > 0 || output.pos > 0)
      at_stream_end_ = false;
    return output.pos;
  }

  ZSTD_DCtx* context_;
};

// xz; concatenated streams (and the padding between them) are read by the library.
class XzSource final : public DecompressingSource {
 public:
  explicit XzSource(std::unique_ptr<ByteSource> compressed) : DecompressingSource(std::move(compressed), "xz") {
    if (lzma_stream_decoder(&stream_, UINT64_MAX, LZMA_CONCATENATED) != LZMA_OK)
      throw std::runtime_error("cannot start xz decompression");
  }
  ~XzSource() override { lzma_end(&stream_); }

 private:
  std::size_t decode(char* out, std::size_t n, bool finishing) override {
    stream_.next_in = reinterpret_cast<const std::uint8_t*>(input_.data());
    stream_.avail_in = input_.size();
    stream_.next_out = reinterpret_cast<std::uint8_t*>(out);
    stream_.avail_out = n;
    // With LZMA_CONCATENATED only LZMA_FINISH tells whether the input ended between streams.
    const lzma_ret rc = lzma_code(&stream_, finishing ? LZMA_FINISH : LZMA_RUN);
    input_.remove_prefix(input_.size() - stream_.avail_in);
    if (rc == LZMA_STREAM_END)
      at_stream_end_ = true;
    else if (rc == LZMA_BUF_ERROR && finishing)
      at_stream_end_ = false;  // the input ended inside a stream
    else if (rc != LZMA_OK && rc != LZMA_BUF_ERROR)
      invalid(rc == LZMA_FORMAT_ERROR ? "not an xz stream" : rc == LZMA_DATA_ERROR ? "corrupt" : "");
    return n - stream_.avail_out;
  }

  lzma_stream stream_ = LZMA_STREAM_INIT;
};

// bzip2; concatenated streams are read in turn.
class Bzip2Source final : public DecompressingSource {
 public:
  explicit Bzip2Source(std::unique_ptr<ByteSource> compressed) : DecompressingSource(std::move(compressed), "bzip2") {
    start();
  }
  ~Bzip2Source() override { BZ2_bzDecompressEnd(&stream_); }

 private:
  void start() {
    std::memset(&stream_, 0, sizeof stream_);
    if (BZ2_bzDecompressInit(&stream_, 0, 0) != BZ_OK) throw std::runtime_error("cannot start bzip2 decompression");
  }

  std::size_t decode(char* out, std::size_t n, bool) override {
    stream_.next_in = const_cast<char*>(input_.data());
    stream_.avail_in = static_cast<unsigned>(std::min(input_.size(), kMaxStep));
    stream_.next_out = out;
    stream_.avail_out = static_cast<unsigned>(std::min(n, kMaxStep));
    const unsigned available = stream_.avail_in;
    const int rc = BZ2_bzDecompress(&stream_);
    const std::size_t consumed = available - stream_.avail_in;
    if (consumed > 0) at_stream_end_ = false;
    input_.remove_prefix(consumed);
    const std::size_t produced = static_cast<std::size_t>(stream_.next_out - out);
    if (rc == BZ_STREAM_END) {
      at_stream_end_ = true;
      BZ2_bzDecompressEnd(&stream_);  // another stream may follow
      start();
    } else if (rc != BZ_OK) {
      invalid();
    }
    return produced;
  }

  bz_stream stream_;
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

// Sniffs the magic bytes of gzip, zstd, xz and bzip2 rather than trusting a file name.
std::unique_ptr<ByteSource> decompress_if_compressed(std::unique_ptr<ByteSource> raw) {
  constexpr std::size_t kHead = 10;
  std::string head(kHead, '\0');
  std::size_t got = 0;
  while (got < kHead) {
    const std::size_t k = raw->read(head.data() + got, kHead - got);
    if (k == 0) break;
    got += k;
  }
  head.resize(got);
  const std::string magic = head;
  std::unique_ptr<ByteSource> source = std::make_unique<PrefixedSource>(std::move(head), std::move(raw));
  if (magic.starts_with("\x1f\x8b")) return std::make_unique<GzipSource>(std::move(source));
  if (magic.starts_with("\x28\xB5\x2F\xFD")) return std::make_unique<ZstdSource>(std::move(source));
  if (magic.starts_with(std::string_view("\xFD"
                                         "7zXZ\0",
                                         6)))
    return std::make_unique<XzSource>(std::move(source));
  if (is_bzip2_header(magic)) return std::make_unique<Bzip2Source>(std::move(source));
  return source;
}

}  // namespace

std::unique_ptr<ByteSource> ByteSource::open(const std::string& path) {
  return decompress_if_compressed(std::make_unique<FileSource>(path));
}

std::unique_ptr<ByteSource> ByteSource::from_string(std::string bytes) {
  return decompress_if_compressed(std::make_unique<MemorySource>(std::move(bytes)));
}

std::string read_all(ByteSource& source) {
  std::string text;
  read_all(source, text);
  return text;
}

void read_all(ByteSource& source, std::string& text) {
  // Sized from the file size when known, so a huge document is not copied while growing and
  // a small one does not clear a large buffer (most news articles are a few KB); else 64 KiB.
  std::size_t used = 0;
  const std::size_t hint = source.size_hint();
  text.resize(hint > 0 ? hint + 1 : std::size_t{1} << 16);
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
