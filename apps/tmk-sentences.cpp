// tmk-sentences: one row per sentence.
#include "cli/cli.hpp"
#include "tmk/core/tsv.hpp"
#include "tmk/text/sentences.hpp"

int main(int argc, char** argv) {
  tmk::cli::Tool tool("tmk-sentences",
                      "Split documents into sentences; one TSV row per sentence.\n"
                      "Columns: doc (document id), sent (1, 2, ... within the document), start and end "
                      "(byte offsets, end exclusive), text (the sentence as written).\n"
                      "A blank line always ends a sentence; a single line break ends one after final "
                      "punctuation or after a heading, byline or dateline, and is a space otherwise.\n",
                      "tmk-sentences --input jsonl --text-field body articles.jsonl.gz | cut -f1,5 | head");
  tool.add_document_options();
  if (const auto status = tool.parse(argc, argv)) return *status;

  const tmk::SentenceSplitter splitter;
  return tool.run_documents(tmk::tsv_header({"doc", "sent", "start", "end", "text"}),
                            [&](const tmk::Document& doc, std::string& out) {
                              std::vector<tmk::Span> sentences;
                              splitter.split(doc.text, sentences);
                              const std::string_view text = doc.text;
                              std::size_t number = 0;
                              for (const tmk::Span& span : sentences)
                                tmk::TsvRow(out)
                                    .add(doc.id)
                                    .add(++number)
                                    .add(span.start)
                                    .add(span.end)
                                    .add(text.substr(span.start, span.end - span.start))
                                    .end();
                            });
}
