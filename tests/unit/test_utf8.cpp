#include <catch2/catch.hpp>
#include <string>

#include "tmk/core/utf8.hpp"

using tmk::kInvalidByte;
using tmk::repair_utf8;

TEST_CASE("repair_utf8 leaves valid text alone", "[utf8]") {
  std::string text = "caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D \xF0\x9F\x98\x80 plain ascii text here";
  const std::string before = text;
  const auto report = repair_utf8(text);
  CHECK(text == before);
  CHECK(report.invalid_bytes == 0);
  CHECK(report.nul_bytes == 0);
  CHECK_FALSE(report.had_bom);
}

TEST_CASE("repair_utf8 replaces each bad byte in place", "[utf8]") {
  // A lone continuation byte, a truncated 3-byte sequence before ASCII, an overlong form,
  // an encoded surrogate and a code point above U+10FFFF.
  std::string text =
      "a\x80"
      "b\xE2\x82"
      "c\xC0\xAF"
      "d\xED\xA0\x80"
      "e\xF4\x90\x80\x80";
  const std::size_t size = text.size();
  const auto report = repair_utf8(text);
  CHECK(text.size() == size);
  CHECK(report.invalid_bytes == 12);
  CHECK(text == std::string("a") + kInvalidByte + "b" + std::string(2, kInvalidByte) + "c" +
                    std::string(2, kInvalidByte) + "d" + std::string(3, kInvalidByte) + "e" +
                    std::string(4, kInvalidByte));
}

TEST_CASE("a bad byte or NUL is caught at any offset of a long ASCII run", "[utf8]") {
  // The check skips runs of ASCII bytes in blocks: put the byte at every offset of the first blocks.
  for (std::size_t at = 0; at < 40; ++at) {
    std::string bad(48, 'a');
    bad[at] = '\xFF';
    CHECK_FALSE(tmk::is_valid_utf8(bad));
    std::string repaired = bad;
    CHECK(repair_utf8(repaired).invalid_bytes == 1);
    CHECK(repaired == std::string(at, 'a') + kInvalidByte + std::string(47 - at, 'a'));

    std::string with_nul(48, 'a');
    with_nul[at] = '\0';
    CHECK(tmk::is_valid_utf8(with_nul));  // NUL is valid UTF-8
    CHECK(repair_utf8(with_nul).nul_bytes == 1);
    CHECK(with_nul == std::string(at, 'a') + ' ' + std::string(47 - at, 'a'));
  }
}

TEST_CASE("repair_utf8 turns NUL into space and a leading BOM into spaces", "[utf8]") {
  std::string text = std::string("\xEF\xBB\xBFHi") + '\0' + "there";
  const auto report = repair_utf8(text);
  CHECK(text == "   Hi there");
  CHECK(report.had_bom);
  CHECK(report.nul_bytes == 1);

  std::string inner = "x\xEF\xBB\xBFy";  // a BOM inside the text is a valid character
  CHECK(repair_utf8(inner).invalid_bytes == 0);
  CHECK(inner == "x\xEF\xBB\xBFy");
}

TEST_CASE("repair_utf8 catches a sequence cut off at the end", "[utf8]") {
  std::string text = "0123456789abcdef\xF0\x9F\x98";
  CHECK(repair_utf8(text).invalid_bytes == 3);
}

TEST_CASE("code points decode forwards and backwards", "[utf8]") {
  const std::string text = "a\xC3\xA9\xE2\x80\x94\xF0\x9F\x98\x80";
  std::size_t pos = 0;
  CHECK(tmk::next_code_point(text, pos) == U'a');
  CHECK(tmk::next_code_point(text, pos) == U'\u00E9');
  CHECK(tmk::next_code_point(text, pos) == U'\u2014');
  CHECK(tmk::next_code_point(text, pos) == U'\U0001F600');
  CHECK(pos == text.size());
  CHECK(tmk::previous_code_point(text, pos) == U'\U0001F600');
  CHECK(pos == 6);
  CHECK(tmk::previous_code_point(text, pos) == U'\u2014');
  CHECK(pos == 3);

  std::string out;
  for (char32_t cp : {U'a', U'\u00E9', U'\u2014', U'\U0001F600'}) tmk::append_utf8(out, cp);
  CHECK(out == text);
}
