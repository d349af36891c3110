// tmk-quotes: one row per quoted segment, with its speaker.
#include <exception>
#include <iostream>
#include <optional>
#include <string>

#include "cli/cli.hpp"
#include "cli/tables.hpp"
#include "core/diagnostics.hpp"
#include "tmk/entities/entities.hpp"
#include "tmk/quotes/quotes.hpp"
#include "tmk/text/analysis.hpp"

int main(int argc, char** argv) {
  tmk::cli::Tool tool(
      "tmk-quotes",
      "Find direct quotations and who said them; one TSV row per quoted segment.\n"
      "Columns: doc, sent, start, end, kind, speaker, speaker_start, speaker_end, speaker_canonical, cue, text,\n"
      "quote, speaker_role, speaker_org, speaker_type.\n"
      "start/end span the quoted text without its marks; kind is full, partial or headline for quotations,\n"
      "nickname, scare or title for quoted words nobody is quoted saying, indirect for reported speech\n"
      "(--indirect; start/end span the reported content). speaker is the mention the attribution names\n"
      "(empty when none), speaker_canonical the name it resolves to, cue the reporting verb or phrase (empty\n"
      "when the speaker is carried over from the quote before). quote numbers the quotations of the document\n"
      "(the segments of one split quotation share it; empty for other kinds); speaker_role and speaker_org\n"
      "come from the speaker's description (\"Apple CEO Tim Cook\": CEO, Apple); speaker_type is person,\n"
      "organization, document or group (empty when unknown).\n"
      "A quote left open runs to the end of its paragraph, and the document gets a warning.",
      "tmk-quotes corpus/ | tmk-count -c speaker_canonical");
  tool.add_document_options();
  tool.add_keep_fields_option();
  tool.add_format_option();
  tool.add_name_list_options();
  tool.uses_entity_model();
  bool with_speaker = false;
  bool no_entities = false;
  bool indirect = false;
  tool.add_quote_options(with_speaker, no_entities, indirect);
  if (const auto status = tool.parse(argc, argv)) return *status;

  const tmk::SentenceSplitter splitter;
  std::vector<tmk::ListedName> names;
  try {
    names = tool.listed_names();
  } catch (const std::exception& e) {
    std::cerr << "tmk-quotes: " << e.what() << '\n';
    return 2;
  }
  std::optional<tmk::EntityRecognizer> recognizer;
  try {
    if (!no_entities) recognizer.emplace(tmk::EntityOptions{std::move(names), {}});
  } catch (const std::exception& e) {  // quotes do not need the model: go on without it
    tmk::diag::message(std::string(e.what()) + "; speaker names are resolved without it");
  }
  const tmk::QuoteExtractor extractor(tmk::QuoteOptions{recognizer ? &*recognizer : nullptr, indirect});
  const tmk::TableLayout layout = tool.layout(tmk::cli::kQuoteColumns);
  return tool.run_documents(layout, [&](const tmk::Document& doc, std::string& out) {
    tmk::Analysis analysis;
    tmk::analyze_sentences(doc.text, splitter, analysis);
    const tmk::QuoteResult result = extractor.extract(doc.text, analysis);
    tmk::cli::warn_unbalanced_quotes(doc.id, result);
    tmk::cli::add_quote_rows(out, layout, {doc.id, doc.fields}, doc.text, result.quotes, with_speaker);
  });
}
