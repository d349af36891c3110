// Fuzzes the tokenizer: tokens must be ordered, non-empty, inside the text, and on
// UTF-8 character boundaries.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "tmk/text/tokenizer.hpp"
#include "tmk/core/utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  tmk::repair_utf8(text);
  static const tmk::Tokenizer tokenizer;
  std::vector<tmk::Token> tokens;
  tokenizer.tokenize(text, tokens);
  const auto boundary = [&](std::size_t i) {
    return i == text.size() || (static_cast<unsigned char>(text[i]) & 0xC0u) != 0x80u;
  };
  std::size_t previous_end = 0;
  std::string norm;
  for (const auto& token : tokens) {
    if (token.start < previous_end || token.end <= token.start || token.end > text.size()) __builtin_trap();
    if (!boundary(token.start) || !boundary(token.end)) __builtin_trap();
    previous_end = token.end;
    norm.clear();
    tmk::normalize_token(std::string_view(text).substr(token.start, token.end - token.start), norm);
  }
  return 0;
}
