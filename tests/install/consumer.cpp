// Splits its argument into sentences with the installed library.
#include <cstdio>
#include <string>
#include <vector>

#include "tmk/text/sentences.hpp"

int main(int argc, char** argv) {
  const std::string text = argc > 1 ? argv[1] : "";
  std::vector<tmk::Span> sentences;
  tmk::SentenceSplitter().split(text, sentences);
  std::printf("%zu\n", sentences.size());
}
