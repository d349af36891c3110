// tmk-kwic: concordance lines (keyword in context) for a pattern or a token sequence.
#include <stdexcept>

#include "cli/cli.hpp"
#include "core/diagnostics.hpp"
#include "corpus/concordance.hpp"
#include "tmk/core/tsv.hpp"

int main(int argc, char** argv) {
  tmk::cli::Tool tool("tmk-kwic",
                      "Concordance lines: one row per match of a regular expression (Perl syntax, Unicode-aware,\n"
                      "ICU character classes) or of a token sequence: doc, start, end, left, match, right, sent\n"
                      "(the sentence where the match starts, numbered as by tmk-sentences, to join on).\n"
                      "Matches are whole words unless --partial; left and right hold --width characters of\n"
                      "context with tabs and line breaks shown as spaces.",
                      "tmk-kwic -i -e 'per ?cent|percent|%' --width 30 corpus/");
  tool.add_document_options();
  tool.add_format_option();
  std::string pattern, tokens;
  tmk::MatchOptions options;
  std::size_t width = 40;
  bool partial = false;
  auto& app = tool.app();
  auto* regex_option = app.add_option("-e,--regex", pattern, "The regular expression to find");
  app.add_option("-t,--tokens", tokens, "A token sequence to find (tokenized like the documents)")
      ->excludes(regex_option);
  app.add_flag("-i,--ignore-case", options.ignore_case, "Ignore case (tokens: compare normalized forms)");
  app.add_flag("--partial", partial, "Let a regex match start or end inside a word");
  app.add_option("-w,--width", width, "Characters of context on each side")->default_str("40");
  if (const auto status = tool.parse(argc, argv)) return *status;
  if (pattern.empty() == tokens.empty()) {
    tmk::diag::message("give a pattern with -e or a token sequence with -t (see --help)");
    return 2;
  }
  options.whole_words = !partial;

  const tmk::SentenceSplitter splitter;
  const tmk::Tokenizer tokenizer;
  std::unique_ptr<tmk::RegexMatcher> regex;
  std::unique_ptr<tmk::TokenSequenceMatcher> sequence;
  try {
    if (!pattern.empty())
      regex = std::make_unique<tmk::RegexMatcher>(pattern, options);
    else
      sequence = std::make_unique<tmk::TokenSequenceMatcher>(tokens, tokenizer, options);
  } catch (const std::invalid_argument& e) {
    tmk::diag::message(std::string(e.what()) + " (see --help)");
    return 2;
  }
  const tmk::TableLayout layout = tool.layout(tmk::kConcordanceColumns);
  return tool.run_documents(layout, [&](const tmk::Document& doc, std::string& out) {
    std::vector<tmk::Span> matches, sentences;
    if (regex) {
      regex->find(doc.text, matches);
      if (!matches.empty()) splitter.split(doc.text, sentences);
    } else {
      tmk::Analysis analysis;
      tmk::analyze(doc.text, splitter, tokenizer, analysis);
      sequence->find(doc.text, analysis, matches);
      for (const tmk::Sentence& sentence : analysis.sentences) sentences.push_back(sentence.span);
    }
    tmk::append_concordance_rows(out, layout, doc.id, doc.text, matches, sentences, width);
  });
}
