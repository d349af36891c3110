// Uses the installed library as any program would: every extractor on a text of its own with
// an invalid byte in it (and one cut off at the end), handed over as it is. Prints a few
// results that tests/cli/test-install.sh checks.
#include <csignal>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "tmk/core/tsv.hpp"
#include "tmk/core/utf8.hpp"
#include "tmk/entities/entities.hpp"
#include "tmk/numbers/numbers.hpp"
#include "tmk/quotes/quotes.hpp"
#include "tmk/text/analysis.hpp"
#include "tmk/text/sentences.hpp"
#include "tmk/text/tokenizer.hpp"
#include "tmk/version.hpp"

int main(int argc, char** argv) {
  // Written for this test: a quote, a person, a place, a sum, an invalid byte (\xFF) and a
  // character cut off at the very end (\xE2\x80).
  const std::string text = argc > 1 ? argv[1]
                                    : "\"We will build it,\" said Maria Lopez in Dayton. The plan costs $12 million "
                                      "\xFF and 40 workers.\nIt starts in May \xE2\x80";
  const std::string_view bytes = text;
  std::printf("version %s\n", tmk::kVersion);

  const tmk::SentenceSplitter splitter;
  const tmk::Tokenizer tokenizer;
  std::vector<tmk::Span> sentences;
  splitter.split(bytes, sentences);
  std::vector<tmk::Token> tokens;
  tokenizer.tokenize(bytes, tokens);
  std::size_t symbols = 0;
  for (const tmk::Token& token : tokens) symbols += token.kind == tmk::TokenKind::symbol;
  std::printf("sentences %zu tokens %zu symbols %zu\n", sentences.size(), tokens.size(), symbols);

  tmk::Analysis analysis;
  tmk::analyze(bytes, splitter, tokenizer, analysis);
  std::printf("analysis %zu %zu\n", analysis.sentences.size(), analysis.tokens.size());

  // Results give offsets into `text`; the repaired view has the same offsets and is what to
  // print, so that the output is valid UTF-8.
  std::string scratch;
  const std::string_view valid = tmk::valid_utf8_view(bytes, scratch);
  const auto slice = [&](std::size_t start, std::size_t end) { return valid.substr(start, end - start); };
  std::string out = tmk::tsv_header({"what", "sent", "text", "detail"});

  const tmk::EntityRecognizer recognizer;
  for (const tmk::EntityMention& m : recognizer.recognize(bytes, analysis))
    tmk::TsvRow(out).add("entity").add(m.sentence).add(slice(m.start, m.end)).add(tmk::to_string(m.type)).end();
  const tmk::NumberExtractor numbers;
  for (const tmk::NumberMention& m : numbers.extract(bytes, analysis))
    tmk::TsvRow(out)
        .add("number")
        .add(m.sentence)
        .add(slice(m.start, m.end))
        .add(std::string(tmk::to_string(m.kind)) + " " + m.value + " " + m.unit + " " + m.counted)
        .end();
  const tmk::QuoteExtractor quotes(tmk::QuoteOptions{&recognizer});
  const tmk::QuoteResult result = quotes.extract(bytes, analysis);
  for (const tmk::Quote& q : result.quotes)
    tmk::TsvRow(out).add("quote").add(q.sentence).add(slice(q.start, q.end)).add(q.speaker_canonical).end();
  tmk::TsvRow(out).add("invalid").add(0).add(slice(text.find('\xFF') - 1, text.find('\xFF') + 2)).add("").end();
  std::fputs(out.c_str(), stdout);

  // Another text's analysis is refused, not read past the end.
  try {
    numbers.extract(bytes.substr(0, 10), analysis);
    std::printf("misfit accepted\n");
  } catch (const std::invalid_argument& e) {
    std::printf("misfit refused\n");
  }
  // The library installs no signal handler: SIGPIPE is as the program left it.
  struct sigaction action {};
  sigaction(SIGPIPE, nullptr, &action);
  std::printf("SIGPIPE %s\n", action.sa_handler == SIG_DFL ? "default" : "changed");
}
