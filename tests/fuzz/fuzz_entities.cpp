// Fuzzes the entity recognizer: mentions must be ordered, non-empty, inside the text, never
// cut a UTF-8 sequence, and carry a canonical name.
#include <cstddef>
#include <cstdint>
#include <string>

#include "tmk/text/analysis.hpp"
#include "tmk/entities/entities.hpp"
#include "tmk/core/utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  tmk::repair_utf8(text);
  static const tmk::SentenceSplitter splitter;
  static const tmk::Tokenizer tokenizer;
  static const tmk::EntityRecognizer recognizer;
  tmk::Analysis analysis;
  tmk::analyze(text, splitter, tokenizer, analysis);
  const auto continuation = [&](std::size_t at) {
    return at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0u) == 0x80u;
  };
  std::size_t previous_start = 0;
  for (const tmk::EntityMention& m : recognizer.recognize(text, analysis)) {
    if (m.start < previous_start || m.end <= m.start || m.end > text.size()) __builtin_trap();
    if (continuation(m.start) || continuation(m.end) || m.canonical.empty()) __builtin_trap();
    if (m.sentence >= analysis.sentences.size()) __builtin_trap();
    previous_start = m.start;
  }
  return 0;
}
