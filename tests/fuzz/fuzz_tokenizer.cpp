// Fuzzes the tokenizer on the raw fuzzer bytes (invalid UTF-8 included: the library must
// handle it itself): tokens must be ordered, non-empty, inside the text, on UTF-8 character
// boundaries, and the same as those of the repaired text; a range cut anywhere must be safe.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "tmk/core/utf8.hpp"
#include "tmk/text/tokenizer.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  static const tmk::Tokenizer tokenizer;
  std::vector<tmk::Token> tokens;
  tokenizer.tokenize(text, tokens);
  std::string scratch;
  const std::string_view valid = tmk::valid_utf8_view(text, scratch);
  const auto boundary = [&](std::size_t i) {
    return i == valid.size() || (static_cast<unsigned char>(valid[i]) & 0xC0u) != 0x80u;
  };
  std::size_t previous_end = 0;
  std::string norm;
  for (const auto& token : tokens) {
    if (token.start < previous_end || token.end <= token.start || token.end > text.size()) __builtin_trap();
    if (!boundary(token.start) || !boundary(token.end)) __builtin_trap();
    previous_end = token.end;
    norm.clear();
    tmk::normalize_token(text.substr(token.start, token.end - token.start), norm);
  }
  if (valid.data() != text.data()) {
    std::vector<tmk::Token> repaired;
    tokenizer.tokenize(valid, repaired);
    if (repaired.size() != tokens.size()) __builtin_trap();
    for (std::size_t i = 0; i < repaired.size(); ++i)
      if (repaired[i].start != tokens[i].start || repaired[i].end != tokens[i].end) __builtin_trap();
  }
  // A range that starts and ends anywhere, even inside a character.
  if (size > 2) {
    tokens.clear();
    tokenizer.tokenize(text, data[0] % size, size - data[1] % size, tokens);
    for (const auto& token : tokens)
      if (token.end <= token.start || token.end > text.size()) __builtin_trap();
  }
  return 0;
}
