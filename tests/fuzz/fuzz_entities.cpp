// Fuzzes the entity recognizer on the raw fuzzer bytes (invalid UTF-8 included: the library
// must handle it itself): mentions must be ordered, non-empty, inside the text, never cut a
// UTF-8 sequence, and carry a canonical name.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "tmk/core/utf8.hpp"
#include "tmk/entities/entities.hpp"
#include "tmk/text/analysis.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  static const tmk::SentenceSplitter splitter;
  static const tmk::Tokenizer tokenizer;
  static const tmk::EntityRecognizer recognizer;
  tmk::Analysis analysis;
  tmk::analyze(text, splitter, tokenizer, analysis);
  const auto mentions = recognizer.recognize(text, analysis);
  std::string scratch;
  const std::string_view valid = tmk::valid_utf8_view(text, scratch);  // only to check boundaries
  const auto continuation = [&](std::size_t at) {
    return at < valid.size() && (static_cast<unsigned char>(valid[at]) & 0xC0u) == 0x80u;
  };
  std::size_t previous_start = 0;
  for (const tmk::EntityMention& m : mentions) {
    if (m.start < previous_start || m.end <= m.start || m.end > text.size()) __builtin_trap();
    if (continuation(m.start) || continuation(m.end) || m.canonical.empty()) __builtin_trap();
    if (m.sentence >= analysis.sentences.size()) __builtin_trap();
    previous_start = m.start;
  }
  return 0;
}
