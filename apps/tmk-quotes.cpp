// tmk-quotes: one row per quoted segment, with its speaker.
#include <exception>
#include <iostream>
#include <optional>
#include <string>

#include "cli/cli.hpp"
#include "core/diagnostics.hpp"
#include "tmk/core/tsv.hpp"
#include "tmk/entities/entities.hpp"
#include "tmk/quotes/quotes.hpp"
#include "tmk/text/analysis.hpp"

namespace {

// New columns go at the end, so that `cut -f` pipelines written for the older ones keep working.
const std::initializer_list<std::string_view> kColumns = {"doc",           "sent",        "start",
                                                          "end",           "kind",        "speaker",
                                                          "speaker_start", "speaker_end", "speaker_canonical",
                                                          "cue",           "text",        "quote",
                                                          "speaker_role",  "speaker_org", "speaker_type"};

void add_row(std::string& out, const tmk::Document& doc, const tmk::Quote& quote) {
  const std::string_view text = doc.text;
  tmk::TsvRow row(out);
  row.add(doc.id).add(quote.sentence + 1).add(quote.start).add(quote.end);
  row.add(tmk::to_string(quote.kind));
  if (quote.has_speaker)
    row.add(text.substr(quote.speaker.start, quote.speaker.end - quote.speaker.start))
        .add(quote.speaker.start)
        .add(quote.speaker.end);
  else
    row.add("").add("").add("");
  row.add(quote.speaker_canonical).add(quote.cue).add(text.substr(quote.start, quote.end - quote.start));
  if (quote.quotation > 0)
    row.add(quote.quotation);
  else
    row.add("");
  row.add(quote.speaker_role).add(quote.speaker_org).add(tmk::to_string(quote.speaker_type)).end();
}

}  // namespace

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
  tool.add_name_list_options();
  tool.uses_entity_model();
  bool with_speaker = false;
  bool no_entities = false;
  bool indirect = false;
  tool.app().add_flag("--with-speaker", with_speaker, "Only print quotes whose speaker was found");
  tool.app().add_flag("--no-entities", no_entities,
                      "Resolve speaker names without the entity recognizer (faster, less exact)");
  tool.app().add_flag("--indirect", indirect,
                      "Also report indirect speech (\"X said the plan would fail\") as rows of kind indirect");
  if (const auto status = tool.parse(argc, argv)) return *status;

  const tmk::SentenceSplitter splitter;
  const tmk::Tokenizer tokenizer;
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
  return tool.run_documents(tmk::tsv_header(kColumns), [&](const tmk::Document& doc, std::string& out) {
    tmk::Analysis analysis;
    tmk::analyze(doc.text, splitter, tokenizer, analysis);
    const tmk::QuoteResult result = extractor.extract(doc.text, analysis);
    if (result.unbalanced > 0)
      tmk::diag::warning(doc.id, std::to_string(result.unbalanced) +
                                     " unbalanced quotation mark(s); an open quote ends at its paragraph");
    for (const tmk::Quote& quote : result.quotes)
      if (!with_speaker || quote.has_speaker) add_row(out, doc, quote);
  });
}
