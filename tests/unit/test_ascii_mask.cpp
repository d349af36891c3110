// Unit tests of the SSE2 byte-class masks (lib/core/ascii_mask.hpp).
#include <catch2/catch.hpp>

#include "core/ascii_mask.hpp"

#ifdef __SSE2__
TEST_CASE("byte-class masks mark digits, letters and lower-case letters of sixteen bytes", "[ascii]") {
  //                        bytes: 0123456789abcdef
  const char block[] = "aZ09@[`{ z\xC3\xA9/:A_";
  CHECK(tmk::ascii::digit_mask(block) == 0b0000'0000'0000'1100u);
  CHECK(tmk::ascii::letter_mask(block) == 0b0100'0010'0000'0011u);
  CHECK(tmk::ascii::lower_mask(block) == 0b0000'0010'0000'0001u);
}
#endif
