// tmk-tokenize: one row per token.
#include <algorithm>
#include <string>
#include <vector>

#include "cli/cli.hpp"
#include "text/token_rows.hpp"
#include "tmk/text/analysis.hpp"

int main(int argc, char** argv) {
  tmk::cli::Tool tool("tmk-tokenize",
                      "Split documents into sentences and tokens; one TSV row per token.\n"
                      "Columns: doc (document id), sent (1, 2, ... within the document), tok (1, 2, ... within the "
                      "sentence, the same with --no-punct or --kind, so rows join the full table), start and end (byte "
                      "offsets, end exclusive), token (as written), norm (NFKC "
                      "case-folded, curly quotes as ASCII), kind (word, number, punct, symbol, url, email, hashtag, "
                      "mention, emoji).\n"
                      "Tokens follow Universal Dependencies: punctuation is split off; \"don't\", \"Sanders'\", "
                      "\"e-mail\", \"U.S.\" and \"3.5\" stay whole; \"$15\" is \"$\" and \"15\".\n",
                      "tmk-tokenize --no-punct corpus/ | cut -f7 | sed 1d | sort | uniq -c | sort -rn | head");
  tool.add_document_options();
  tool.add_format_option();
  std::vector<std::string> kind_names;
  for (std::size_t kind = 0; kind < tmk::kTokenKinds; ++kind)
    kind_names.emplace_back(tmk::to_string(static_cast<tmk::TokenKind>(kind)));
  bool no_punct = false;
  std::vector<std::string> kinds, old_kinds;
  tmk::TokenRowOptions options;
  tool.app().add_flag("--no-punct", no_punct, "Leave out punctuation and symbol tokens");
  tool.app().add_flag("--lower", options.lower, "Print the normalized form in the token column too");
  tool.add_list_option("--kind", kinds, kind_names, "Print only tokens of these kinds; repeat or separate with commas");
  tool.add_list_option("--kinds", old_kinds, kind_names, "")->group("");  // the old name, kept working
  if (const auto status = tool.parse(argc, argv)) return *status;
  kinds.insert(kinds.end(), old_kinds.begin(), old_kinds.end());

  for (std::size_t kind = 0; kind < tmk::kTokenKinds; ++kind) {
    const bool listed = kinds.empty() || std::find(kinds.begin(), kinds.end(), kind_names[kind]) != kinds.end();
    const bool punctuation = kind == static_cast<std::size_t>(tmk::TokenKind::punct) ||
                             kind == static_cast<std::size_t>(tmk::TokenKind::symbol);
    options.printed[kind] = listed && !(no_punct && punctuation);
  }

  options.format = tool.format();

  const tmk::SentenceSplitter splitter;
  const tmk::Tokenizer tokenizer;
  return tool.run_documents({options.format, tmk::kTokenColumns}, [&](const tmk::Document& doc, std::string& out) {
    thread_local tmk::Analysis analysis;  // reused: its vectors keep their capacity
    tmk::analyze(doc.text, splitter, tokenizer, analysis);
    tmk::append_token_rows(doc.id, doc.text, analysis, options, out);
  });
}
