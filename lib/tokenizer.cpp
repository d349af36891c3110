// PLACEHOLDER: replaced by the real tokenizer.
#include "tmk/tokenizer.hpp"

namespace tmk {

std::string_view to_string(TokenKind kind) {
  switch (kind) {
    case TokenKind::word: return "word";
    case TokenKind::number: return "number";
    case TokenKind::punct: return "punct";
    case TokenKind::symbol: return "symbol";
    case TokenKind::url: return "url";
    case TokenKind::email: return "email";
    case TokenKind::hashtag: return "hashtag";
    case TokenKind::mention: return "mention";
    case TokenKind::emoji: return "emoji";
  }
  return "word";
}

Tokenizer::Tokenizer() = default;

void Tokenizer::tokenize(std::string_view text, std::size_t begin, std::size_t end, std::vector<Token>& out) const {
  std::size_t i = begin;
  while (i < end) {
    while (i < end && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t' || text[i] == '\r')) ++i;
    if (i >= end) break;
    std::size_t j = i;
    while (j < end && !(text[j] == ' ' || text[j] == '\n' || text[j] == '\t' || text[j] == '\r')) ++j;
    out.push_back({i, j, TokenKind::word});
    i = j;
  }
}

void normalize_token(std::string_view token, std::string& out) { out.append(token); }
std::string normalize_token(std::string_view token) { return std::string(token); }

}  // namespace tmk
