// Fuzzes the sentence splitter on the raw fuzzer bytes (invalid UTF-8 included: the library
// must handle it itself): sentences must be ordered, non-empty, trimmed, inside the text and
// on character boundaries, and the same as those of the repaired text.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "tmk/core/utf8.hpp"
#include "tmk/text/sentences.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  static const tmk::SentenceSplitter splitter;
  std::vector<tmk::Span> sentences;
  splitter.split(text, sentences);
  std::string scratch;
  const std::string_view valid = tmk::valid_utf8_view(text, scratch);
  const auto boundary = [&](std::size_t i) {
    return i == valid.size() || (static_cast<unsigned char>(valid[i]) & 0xC0u) != 0x80u;
  };
  std::size_t previous_end = 0;
  for (const auto& s : sentences) {
    if (s.start < previous_end || s.end <= s.start || s.end > text.size()) __builtin_trap();
    if (!boundary(s.start) || !boundary(s.end)) __builtin_trap();
    const char first = text[s.start];
    const char last = text[s.end - 1];
    if (first == ' ' || first == '\n' || last == ' ' || last == '\n') __builtin_trap();
    previous_end = s.end;
  }
  if (valid.data() != text.data()) {
    std::vector<tmk::Span> repaired;
    splitter.split(valid, repaired);
    if (repaired.size() != sentences.size()) __builtin_trap();
    for (std::size_t i = 0; i < repaired.size(); ++i)
      if (repaired[i].start != sentences[i].start || repaired[i].end != sentences[i].end) __builtin_trap();
  }
  return 0;
}
