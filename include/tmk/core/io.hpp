#pragma once
// Byte input from files, stdin and compressed files, and a line reader over it.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace tmk {

// A readable stream of bytes. gzip, zstd, xz and bzip2 input (known by its magic bytes) is
// decompressed transparently as it is read, concatenated streams in full; input that is
// truncated or corrupt is an error, never a short text. Errors are thrown as
// std::runtime_error with a short message (the caller adds the file name).
class ByteSource {
 public:
  // "-" is stdin.
  static std::unique_ptr<ByteSource> open(const std::string& path);
  // Bytes held in memory (tests, fuzzing), compression sniffed the same way.
  static std::unique_ptr<ByteSource> from_string(std::string bytes);
  virtual ~ByteSource() = default;
  // Reads up to n bytes; 0 at end of input.
  virtual std::size_t read(char* buffer, std::size_t n) = 0;
  // How many bytes are expected (a regular file's size), 0 when unknown.
  virtual std::size_t size_hint() const { return 0; }
};

// Reads everything that is left.
std::string read_all(ByteSource& source);
// The same into `text`, reusing its memory (a worker reading file after file).
void read_all(ByteSource& source, std::string& text);

// Writes `bytes` to the file `path` so that it appears whole or not at all: into a new file
// beside it (".NAME.partial"), renamed over `path` once written and synced. Throws std::runtime_error with a
// short message (the caller adds the file name); the partial file is removed.
void write_file_atomically(const std::string& path, std::string_view bytes);

// Splits a ByteSource into lines. A line may be of any length (memory grows with it).
// The newline is not part of the line; a CR before it is kept, so offsets stay those of
// the bytes. The last line needs no newline.
class LineReader {
 public:
  explicit LineReader(std::unique_ptr<ByteSource> source);
  // The view stays valid until the next call.
  bool next(std::string_view& line);
  std::size_t line_number() const { return line_number_; }

 private:
  bool fill();
  std::unique_ptr<ByteSource> source_;
  std::string buffer_;
  std::size_t begin_ = 0;
  bool eof_ = false;
  std::size_t line_number_ = 0;
};

}  // namespace tmk
