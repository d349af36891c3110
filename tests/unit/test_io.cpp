#include <unistd.h>
#include <zlib.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <stdexcept>
#include <string>

#include "tmk/core/io.hpp"

namespace {
std::string gzip(const std::string& data) {
  z_stream z{};
  REQUIRE(deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) == Z_OK);
  std::string out(compressBound(data.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  REQUIRE(deflate(&z, Z_FINISH) == Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}
}  // namespace

TEST_CASE("lines are split without their newline; the last needs none", "[io]") {
  tmk::LineReader lines(tmk::ByteSource::from_string("one\r\ntwo\n\nthree"));
  std::string_view line;
  REQUIRE(lines.next(line));
  CHECK(line == "one\r");  // the CR stays: offsets are those of the bytes
  REQUIRE(lines.next(line));
  CHECK(line == "two");
  REQUIRE(lines.next(line));
  CHECK(line.empty());
  REQUIRE(lines.next(line));
  CHECK(line == "three");
  CHECK(lines.line_number() == 4);
  CHECK_FALSE(lines.next(line));
}

TEST_CASE("a line longer than any buffer comes out whole", "[io]") {
  const std::string long_line(3'000'000, 'x');
  tmk::LineReader lines(tmk::ByteSource::from_string(long_line + "\nshort\n"));
  std::string_view line;
  REQUIRE(lines.next(line));
  CHECK(line.size() == long_line.size());
  REQUIRE(lines.next(line));
  CHECK(line == "short");
}

TEST_CASE("gzip input is decompressed, including concatenated members", "[io]") {
  const std::string text = "first part\n";
  auto source = tmk::ByteSource::from_string(gzip(text) + gzip("second part\n"));
  CHECK(tmk::read_all(*source) == "first part\nsecond part\n");
}

TEST_CASE("damaged gzip input is an error, not silent truncation", "[io]") {
  std::string packed = gzip(std::string(10000, 'a'));
  packed.resize(packed.size() / 2);
  auto source = tmk::ByteSource::from_string(packed);
  CHECK_THROWS_AS(tmk::read_all(*source), std::runtime_error);
}

TEST_CASE("opening a missing file throws with the system's message", "[io]") {
  CHECK_THROWS_WITH(tmk::ByteSource::open("/nonexistent/tmk-file"), Catch::Contains("No such file"));
}

TEST_CASE("a file written atomically replaces the old one whole, or fails and leaves none", "[io]") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("tmk-atomic-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string path = (dir / "page.html").string();
  tmk::write_file_atomically(path, "first");
  tmk::write_file_atomically(path, "second");
  CHECK(tmk::read_all(*tmk::ByteSource::open(path)) == "second");
  CHECK_THROWS_WITH(tmk::write_file_atomically((dir / "missing" / "page.html").string(), "x"),
                    "No such file or directory");
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir)) ++files;
  CHECK(files == 1);  // no temporary file left beside it
  fs::remove_all(dir);
}

TEST_CASE("zstd, xz and bzip2 input is an error naming the format, never read as text", "[io]") {
  const std::string zstd = std::string("\x28\xB5\x2F\xFD", 4) + "rest of a frame";
  const std::string xz = std::string(
                             "\xFD"
                             "7zXZ\0",
                             6) +
                         "rest of a stream";
  const std::string bzip2 = std::string("BZh9\x31\x41\x59\x26\x53\x59", 10) + "rest of a block";
  const std::string empty_bzip2 = std::string("BZh9\x17\x72\x45\x38\x50\x90", 10) + "crc.";
  CHECK_THROWS_WITH(tmk::ByteSource::from_string(zstd),
                    Catch::Contains("zstd-compressed") && Catch::Contains("zstd -dc"));
  CHECK_THROWS_WITH(tmk::ByteSource::from_string(xz), Catch::Contains("xz-compressed"));
  CHECK_THROWS_WITH(tmk::ByteSource::from_string(bzip2), Catch::Contains("bzip2-compressed"));
  CHECK_THROWS_WITH(tmk::ByteSource::from_string(empty_bzip2), Catch::Contains("bzip2-compressed"));
  // Text that merely starts like one of them is text.
  for (const std::string text : {"BZh9 is a word here.", "BZh", "", "\x28\xB5"})
    CHECK(tmk::read_all(*tmk::ByteSource::from_string(text)) == text);
}
