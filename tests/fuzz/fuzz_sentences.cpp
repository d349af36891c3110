// Fuzzes the sentence splitter: sentences must be ordered, non-empty, trimmed and inside
// the text.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "tmk/text/sentences.hpp"
#include "tmk/core/utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  tmk::repair_utf8(text);
  static const tmk::SentenceSplitter splitter;
  std::vector<tmk::Span> sentences;
  splitter.split(text, sentences);
  std::size_t previous_end = 0;
  for (const auto& s : sentences) {
    if (s.start < previous_end || s.end <= s.start || s.end > text.size()) __builtin_trap();
    const char first = text[s.start];
    const char last = text[s.end - 1];
    if (first == ' ' || first == '\n' || last == ' ' || last == '\n') __builtin_trap();
    previous_end = s.end;
  }
  return 0;
}
