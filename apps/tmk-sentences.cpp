// tmk-sentences: one row per sentence.
#include "cli/cli.hpp"
#include "cli/tables.hpp"
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
  tool.add_keep_fields_option();
  tool.add_format_option();
  if (const auto status = tool.parse(argc, argv)) return *status;

  const tmk::SentenceSplitter splitter;
  const tmk::TableLayout layout = tool.layout(tmk::cli::kSentenceColumns);
  return tool.run_documents(layout, [&](const tmk::Document& doc, std::string& out) {
    std::vector<tmk::Span> sentences;
    splitter.split(doc.text, sentences);
    tmk::cli::add_sentence_rows(out, layout, {doc.id, doc.fields}, doc.text, sentences);
  });
}
