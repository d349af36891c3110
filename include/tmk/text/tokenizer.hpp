#pragma once
// Splits text into surface tokens following Universal Dependencies' surface convention:
// punctuation split off; "don't", "Sanders'", "search-engine", "U.S.", "p.m." stay one
// token; "$15" is "$" + "15"; "3.5", "1,700" are one number token each.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tmk {

enum class TokenKind : std::uint8_t { word, number, punct, symbol, url, email, hashtag, mention, emoji };

inline constexpr std::size_t kTokenKinds = 9;  // the number of TokenKind values

std::string_view to_string(TokenKind kind);

struct Token {
  std::size_t start = 0;  // byte offsets into the text, end exclusive
  std::size_t end = 0;
  TokenKind kind = TokenKind::word;
};

class Tokenizer {
 public:
  Tokenizer();
  // Appends the tokens of text[begin, end) to `out` (offsets are into `text`); `end` is
  // clipped to the text and an empty range gives no tokens. Only bytes inside the range are
  // read. `text` may be any bytes: the range is read as valid_utf8_view (utf8.hpp) repairs
  // it (a sequence cut by the range counts as invalid), so each invalid byte is a one-byte
  // symbol token. Does not throw (but std::bad_alloc). Thread-safe.
  void tokenize(std::string_view text, std::size_t begin, std::size_t end, std::vector<Token>& out) const;
  void tokenize(std::string_view text, std::vector<Token>& out) const { tokenize(text, 0, text.size(), out); }
};

// NFKC case-folded form of a token, with curly quotes and apostrophes folded to ASCII.
// Appends to `out`. Any bytes: an invalid UTF-8 byte becomes kInvalidByte.
void normalize_token(std::string_view token, std::string& out);
std::string normalize_token(std::string_view token);

}  // namespace tmk
