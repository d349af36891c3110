#include <bzlib.h>
#include <lzma.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

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

// With a checksum, as the zstd tool writes by default (a corrupt frame is then always found).
std::string zstd(const std::string& data) {
  std::string out(ZSTD_compressBound(data.size()), '\0');
  ZSTD_CCtx* context = ZSTD_createCCtx();
  ZSTD_CCtx_setParameter(context, ZSTD_c_checksumFlag, 1);
  const std::size_t size = ZSTD_compress2(context, out.data(), out.size(), data.data(), data.size());
  ZSTD_freeCCtx(context);
  REQUIRE(!ZSTD_isError(size));
  out.resize(size);
  return out;
}

std::string xz(const std::string& data) {
  std::string out(lzma_stream_buffer_bound(data.size()), '\0');
  std::size_t size = 0;
  REQUIRE(lzma_easy_buffer_encode(6, LZMA_CHECK_CRC64, nullptr, reinterpret_cast<const std::uint8_t*>(data.data()),
                                  data.size(), reinterpret_cast<std::uint8_t*>(out.data()), &size,
                                  out.size()) == LZMA_OK);
  out.resize(size);
  return out;
}

std::string bzip2(const std::string& data) {
  auto size = static_cast<unsigned>(data.size() + data.size() / 100 + 600);
  std::string out(size, '\0');
  REQUIRE(BZ2_bzBuffToBuffCompress(out.data(), &size, const_cast<char*>(data.data()),
                                   static_cast<unsigned>(data.size()), 9, 0, 0) == BZ_OK);
  out.resize(size);
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

// The text of the compressed-input tests: long enough to cross the readers' buffers, varied
// enough not to compress to nothing.
std::string sample_text() {
  std::string text;
  for (int i = 0; i < 40000; ++i) text += "Line " + std::to_string(i * 7919 % 100003) + " of the sample.\n";
  return text;
}

using Compressor = std::string (*)(const std::string&);
const std::vector<std::pair<std::string, Compressor>> kCompressors = {
    {"gzip", gzip}, {"zstd", zstd}, {"xz", xz}, {"bzip2", bzip2}};

TEST_CASE("zstd, xz and bzip2 input is decompressed like gzip, concatenated streams in full", "[io]") {
  const std::string text = sample_text();
  for (const auto& [format, compress] : kCompressors) {
    INFO(format);
    CHECK(tmk::read_all(*tmk::ByteSource::from_string(compress(text))) == text);
    CHECK(tmk::read_all(*tmk::ByteSource::from_string(compress("first\n") + compress("second\n"))) ==
          "first\nsecond\n");
    CHECK(tmk::read_all(*tmk::ByteSource::from_string(compress(""))).empty());
    // Read in small steps, the decoders keep what did not fit for the next read.
    auto source = tmk::ByteSource::from_string(compress(text));
    std::string pieces;
    char buffer[7];
    while (const std::size_t got = source->read(buffer, sizeof buffer)) pieces.append(buffer, got);
    CHECK(pieces == text);
  }
}

TEST_CASE("truncated or corrupt compressed input is an error, never a short text", "[io]") {
  const std::string text = sample_text();
  for (const auto& [format, compress] : kCompressors) {
    INFO(format);
    std::string packed = compress(text);
    CHECK_THROWS_WITH(tmk::read_all(*tmk::ByteSource::from_string(packed.substr(0, packed.size() - 1))),
                      Catch::Contains(format));
    CHECK_THROWS_WITH(tmk::read_all(*tmk::ByteSource::from_string(packed.substr(0, packed.size() / 2))),
                      Catch::Contains(format));
    // Whole, then a second stream cut short.
    CHECK_THROWS_WITH(tmk::read_all(*tmk::ByteSource::from_string(packed + packed.substr(0, 20))),
                      Catch::Contains(format));
    for (std::size_t i = packed.size() / 3; i < packed.size() / 3 + 16; ++i) packed[i] = static_cast<char>(~packed[i]);
    CHECK_THROWS_WITH(tmk::read_all(*tmk::ByteSource::from_string(packed)), Catch::Contains("invalid " + format));
  }
}

TEST_CASE("text that starts like a compressed format is text", "[io]") {
  // Text that merely starts like one of them is text.
  for (const std::string text : {"BZh9 is a word here.", "BZh", "", "\x28\xB5"})
    CHECK(tmk::read_all(*tmk::ByteSource::from_string(text)) == text);
}
