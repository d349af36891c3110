#pragma once
// Classes of ASCII bytes sixteen at a time (SSE2), for the scans that run over every byte of a
// text (the tokenizer's and the number lexer's words): bit i of a mask is set when byte i of
// the sixteen at `p` is in the class. Callers keep a scalar path for builds without SSE2.
#ifdef __SSE2__
#include <emmintrin.h>

#include <cstdint>

namespace tmk::ascii {

// Bytes in [first, first + count): "byte - first < count" unsigned, a signed comparison once
// shifted by 0x80.
inline std::uint32_t range_mask(__m128i bytes, char first, char count) {
  const __m128i shifted = _mm_add_epi8(_mm_sub_epi8(bytes, _mm_set1_epi8(first)), _mm_set1_epi8(-128));
  return static_cast<std::uint32_t>(
      _mm_movemask_epi8(_mm_cmplt_epi8(shifted, _mm_set1_epi8(static_cast<char>(-128 + count)))));
}

inline __m128i load16(const char* p) {
  return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
}

inline std::uint32_t digit_mask(const char* p) {
  return range_mask(load16(p), '0', 10);
}

// Letters of either case: setting bit 0x20 lower-cases a capital.
inline std::uint32_t letter_mask(const char* p) {
  return range_mask(_mm_or_si128(load16(p), _mm_set1_epi8(0x20)), 'a', 26);
}

inline std::uint32_t lower_mask(const char* p) {
  return range_mask(load16(p), 'a', 26);
}

}  // namespace tmk::ascii
#endif
