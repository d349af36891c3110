#include "tmk/core/utf8.hpp"

#include <cstdint>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace tmk {

namespace {

// Length of the valid UTF-8 sequence starting at text[i], or 0 if it is not valid
// (overlong forms, surrogates and code points above U+10FFFF are invalid).
std::size_t valid_sequence_length(std::string_view text, std::size_t i) {
  const auto at = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const std::size_t left = text.size() - i;
  const unsigned char b0 = at(i);
  const auto is_cont = [&](std::size_t k) { return (at(k) & 0xC0u) == 0x80u; };
  if (b0 >= 0xC2 && b0 <= 0xDF) return left >= 2 && is_cont(i + 1) ? 2 : 0;
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    if (left < 3 || !is_cont(i + 1) || !is_cont(i + 2)) return 0;
    const unsigned char b1 = at(i + 1);
    if (b0 == 0xE0 && b1 < 0xA0) return 0;   // overlong
    if (b0 == 0xED && b1 >= 0xA0) return 0;  // surrogate
    return 3;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    if (left < 4 || !is_cont(i + 1) || !is_cont(i + 2) || !is_cont(i + 3)) return 0;
    const unsigned char b1 = at(i + 1);
    if (b0 == 0xF0 && b1 < 0x90) return 0;   // overlong
    if (b0 == 0xF4 && b1 >= 0x90) return 0;  // above U+10FFFF
    return 4;
  }
  return 0;
}

// Where the first byte that valid UTF-8 does not allow lies at or after `i`, or text.size().
// `stop_at_nul` also stops at a NUL byte (repair_utf8 replaces those as well).
std::size_t scan_valid(std::string_view text, std::size_t i, bool stop_at_nul) {
  const std::size_t n = text.size();
  while (i < n) {
#ifdef __SSE2__
    // ASCII fast path, sixteen bytes at a time: the high bits of the bytes in one mask.
    while (i + 16 <= n) {
      const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
      __m128i stop = bytes;
      if (stop_at_nul) stop = _mm_or_si128(stop, _mm_cmpeq_epi8(bytes, _mm_setzero_si128()));
      if (_mm_movemask_epi8(stop) != 0) break;
      i += 16;
    }
#endif
    // ASCII fast path, eight bytes at a time.
    while (i + 8 <= n) {
      std::uint64_t word;
      __builtin_memcpy(&word, text.data() + i, 8);
      // Any byte >= 0x80 (or, when asked, a zero byte) ends the fast path.
      std::uint64_t stop = word & 0x8080808080808080ull;
      if (stop_at_nul) stop |= (word - 0x0101010101010101ull) & ~word & 0x8080808080808080ull;
      if (stop) break;
      i += 8;
    }
    if (i >= n) break;
    const auto b = static_cast<unsigned char>(text[i]);
    if (b == 0 && stop_at_nul) return i;
    if (b < 0x80) {
      ++i;
    } else if (const std::size_t len = valid_sequence_length(text, i)) {
      i += len;
    } else {
      return i;
    }
  }
  return n;
}

}  // namespace

RepairReport repair_utf8(std::string& text, bool strip_bom) {
  RepairReport report;
  std::size_t i = 0;
  if (strip_bom && text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) {
    text[0] = text[1] = text[2] = ' ';
    report.had_bom = true;
    i = 3;
  }
  while ((i = scan_valid(text, i, true)) < text.size()) {
    if (text[i] == 0) {
      text[i] = ' ';
      ++report.nul_bytes;
    } else {
      text[i] = kInvalidByte;
      ++report.invalid_bytes;
    }
    ++i;
  }
  return report;
}

bool is_valid_utf8(std::string_view text) {
  return scan_valid(text, 0, false) == text.size();
}

std::string_view valid_utf8_view(std::string_view text, std::string& scratch) {
  std::size_t i = scan_valid(text, 0, false);
  if (i == text.size()) return text;
  scratch.assign(text);
  // Only invalid bytes change: NUL and a BOM are valid UTF-8 and stay as the caller wrote them.
  do scratch[i++] = kInvalidByte;
  while ((i = scan_valid(scratch, i, false)) < scratch.size());
  return scratch;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace tmk
