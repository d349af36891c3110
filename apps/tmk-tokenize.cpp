// tmk-tokenize: one row per token.
#include "tmk/analysis.hpp"
#include "tmk/cli.hpp"
#include "tmk/tsv.hpp"

int main(int argc, char** argv) {
  tmk::cli::Tool tool("tmk-tokenize", "Split documents into sentences and tokens; one TSV row per token.",
                      "tmk-tokenize corpus/ | awk -F'\\t' '$8==\"word\"' | cut -f7 | sort | uniq -c | sort -rn | head");
  tool.add_document_options();
  bool no_punct = false;
  bool lower = false;
  tool.app().add_flag("--no-punct", no_punct, "Leave out punctuation tokens");
  tool.app().add_flag("--lower", lower, "Print the normalized form in the token column too");
  if (const auto status = tool.parse(argc, argv)) return *status;

  const tmk::SentenceSplitter splitter;
  const tmk::Tokenizer tokenizer;
  return tool.run_documents(
      tmk::tsv_header({"doc", "sent", "tok", "start", "end", "token", "norm", "kind"}),
      [&](const tmk::Document& doc, std::string& out) {
        tmk::Analysis analysis;
        tmk::analyze(doc.text, splitter, tokenizer, analysis);
        std::string norm;
        const std::string_view text = doc.text;
        for (std::size_t s = 0; s < analysis.sentences.size(); ++s) {
          const tmk::Sentence& sentence = analysis.sentences[s];
          std::size_t number = 0;
          for (std::size_t t = sentence.first_token; t < sentence.end_token; ++t) {
            const tmk::Token& token = analysis.tokens[t];
            if (no_punct && token.kind == tmk::TokenKind::punct) continue;
            const std::string_view surface = text.substr(token.start, token.end - token.start);
            norm.clear();
            tmk::normalize_token(surface, norm);
            tmk::TsvRow(out)
                .add(doc.id)
                .add(s + 1)
                .add(++number)
                .add(token.start)
                .add(token.end)
                .add(lower ? std::string_view(norm) : surface)
                .add(norm)
                .add(tmk::to_string(token.kind))
                .end();
          }
        }
      });
}
