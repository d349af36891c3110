// tmk-quotes: one row per quoted segment, with its speaker.
#include <exception>
#include <optional>
#include <string>

#include "cli/cli.hpp"
#include "core/diagnostics.hpp"
#include "tmk/core/tsv.hpp"
#include "tmk/entities/entities.hpp"
#include "tmk/quotes/quotes.hpp"
#include "tmk/text/analysis.hpp"

int main(int argc, char** argv) {
  tmk::cli::Tool tool(
      "tmk-quotes",
      "Find direct quotations and who said them; one TSV row per quoted segment.\n"
      "Columns: doc, sent, start, end, kind, speaker, speaker_start, speaker_end, speaker_canonical, cue, text.\n"
      "start/end span the quoted text without its marks; kind is full, partial or headline; speaker is the\n"
      "mention the attribution names (empty when none), speaker_canonical the name it resolves to, cue the\n"
      "reporting verb or phrase (empty when the speaker is carried over from the quote before).\n"
      "A quote left open runs to the end of its paragraph, and the document gets a warning.",
      "tmk-quotes corpus/ | tmk-count -c speaker_canonical");
  tool.add_document_options();
  bool with_speaker = false;
  bool no_entities = false;
  tool.app().add_flag("--with-speaker", with_speaker, "Only print quotes whose speaker was found");
  tool.app().add_flag("--no-entities", no_entities,
                      "Resolve speaker names without the entity recognizer (faster, less exact)");
  if (const auto status = tool.parse(argc, argv)) return *status;

  const tmk::SentenceSplitter splitter;
  const tmk::Tokenizer tokenizer;
  std::optional<tmk::EntityRecognizer> recognizer;
  try {
    if (!no_entities) recognizer.emplace();
  } catch (const std::exception& e) {  // quotes do not need the model: go on without it
    tmk::diag::message(std::string(e.what()) + "; speaker names are resolved without it");
  }
  const tmk::QuoteExtractor extractor(recognizer ? &*recognizer : nullptr);
  return tool.run_documents(
      tmk::tsv_header({"doc", "sent", "start", "end", "kind", "speaker", "speaker_start", "speaker_end",
                       "speaker_canonical", "cue", "text"}),
      [&](const tmk::Document& doc, std::string& out) {
        tmk::Analysis analysis;
        tmk::analyze(doc.text, splitter, tokenizer, analysis);
        const tmk::QuoteResult result = extractor.extract(doc.text, analysis);
        if (result.unbalanced > 0)
          tmk::diag::warning(doc.id, std::to_string(result.unbalanced) +
                                         " unbalanced quotation mark(s); an open quote ends at its paragraph");
        const std::string_view text = doc.text;
        for (const tmk::Quote& quote : result.quotes) {
          if (with_speaker && !quote.has_speaker) continue;
          tmk::TsvRow row(out);
          row.add(doc.id).add(quote.sentence + 1).add(quote.start).add(quote.end);
          row.add(tmk::to_string(quote.kind));
          if (quote.has_speaker)
            row.add(text.substr(quote.speaker.start, quote.speaker.end - quote.speaker.start))
                .add(quote.speaker.start)
                .add(quote.speaker.end);
          else
            row.add("").add("").add("");
          row.add(quote.speaker_canonical).add(quote.cue).add(text.substr(quote.start, quote.end - quote.start)).end();
        }
      });
}
