// PLACEHOLDER: replaced by the real splitter.
#include "tmk/sentences.hpp"

namespace tmk {

SentenceSplitter::SentenceSplitter() = default;

void SentenceSplitter::split(std::string_view text, std::vector<Span>& out) const {
  std::size_t start = 0;
  auto emit = [&](std::size_t s, std::size_t e) {
    while (s < e && (text[s] == ' ' || text[s] == '\n')) ++s;
    while (e > s && (text[e - 1] == ' ' || text[e - 1] == '\n')) --e;
    if (e > s) out.push_back({s, e});
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((text[i] == '.' || text[i] == '?' || text[i] == '!') && (i + 1 == text.size() || text[i + 1] == ' ')) {
      emit(start, i + 1);
      start = i + 1;
    }
  }
  emit(start, text.size());
}

}  // namespace tmk
