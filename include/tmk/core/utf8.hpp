#pragma once
// UTF-8 decoding and repair. tmk keeps byte offsets into the original text, so repairs
// never change the length of the text.
#include <cstddef>
#include <string>
#include <string_view>

namespace tmk {

// Stands in for one byte of invalid UTF-8 (ASCII SUB, "substitute"). One byte long, so
// offsets do not move; printed as U+FFFD by the TSV writer.
inline constexpr char kInvalidByte = '\x1A';

struct RepairReport {
  std::size_t invalid_bytes = 0;  // bytes replaced by kInvalidByte
  std::size_t nul_bytes = 0;      // NUL bytes replaced by a space
  bool had_bom = false;           // a leading BOM was turned into spaces
};

// Repairs `text` in place as Document describes; `strip_bom` for a document's start.
RepairReport repair_utf8(std::string& text, bool strip_bom = true);

// Whether `text` is valid UTF-8 (NUL bytes are valid).
bool is_valid_utf8(std::string_view text);

// `text` itself when it is valid UTF-8; otherwise a copy in `scratch` with each invalid
// byte replaced by kInvalidByte, as repair_utf8 does (NUL bytes and a BOM are left alone).
// The length never changes, so offsets into the result are offsets into `text`. Every
// extractor reads its input through this, so any bytes can be passed to the library.
std::string_view valid_utf8_view(std::string_view text, std::string& scratch);

// Decodes the code point at `pos` of valid UTF-8 and moves `pos` past it.
// Precondition: pos < text.size() and the text was repaired (never fails then).
inline char32_t next_code_point(std::string_view text, std::size_t& pos) {
  const auto b0 = static_cast<unsigned char>(text[pos]);
  if (b0 < 0x80) {
    ++pos;
    return b0;
  }
  const auto cont = [&](std::size_t i) { return static_cast<unsigned char>(text[pos + i]) & 0x3Fu; };
  char32_t cp;
  if (b0 < 0xE0) {
    cp = ((b0 & 0x1Fu) << 6) | cont(1);
    pos += 2;
  } else if (b0 < 0xF0) {
    cp = ((b0 & 0x0Fu) << 12) | (cont(1) << 6) | cont(2);
    pos += 3;
  } else {
    cp = ((b0 & 0x07u) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3);
    pos += 4;
  }
  return cp;
}

// Decodes the code point that ends just before `pos` and moves `pos` to its first byte.
inline char32_t previous_code_point(std::string_view text, std::size_t& pos) {
  std::size_t start = pos - 1;
  while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0u) == 0x80u) --start;
  std::size_t p = start;
  const char32_t cp = next_code_point(text, p);
  pos = start;
  return cp;
}

void append_utf8(std::string& out, char32_t cp);

}  // namespace tmk
