// tmk-numbers: one row per number, with its value, unit, qualifier and counted noun.
#include <vector>

#include "cli/cli.hpp"
#include "tmk/core/tsv.hpp"
#include "tmk/numbers/numbers.hpp"
#include "tmk/text/analysis.hpp"

int main(int argc, char** argv) {
  tmk::cli::Tool tool(
      "tmk-numbers",
      "Find the numbers in documents: cardinals, ordinals, fractions, percentages, money, measures, years, "
      "dates, times, ranges and labels. One TSV row per number; value is canonical in the C locale "
      "(\"1200000000\", \"0.5\", \"2015-08-18\", \"17:22\", \"10..20\"), unit an ISO 4217 code, \"percent\" or a "
      "measurement unit, qualifier one of approx, over, under, atleast, atmost, upto, and counted the noun the "
      "number counts.\n\nColumns: doc, sent, start, end, kind, value, unit, qualifier, counted, text.",
      "tmk-numbers corpus/ | awk -F'\\t' '$5==\"money\" && $7==\"USD\"' | sort -t$'\\t' -k6,6g | tail");
  tool.add_document_options();
  std::vector<std::string> kinds;
  tool.add_list_option(
      "--kind", kinds,
      {"cardinal", "ordinal", "fraction", "percent", "money", "measure", "year", "date", "time", "range", "label"},
      "Only rows of these kinds; repeat or separate with commas");
  if (const auto status = tool.parse(argc, argv)) return *status;

  const tmk::SentenceSplitter splitter;
  const tmk::NumberExtractor extractor;
  const auto wanted = [&](tmk::NumberKind kind) {
    if (kinds.empty()) return true;
    for (const auto& k : kinds)
      if (k == tmk::to_string(kind)) return true;
    return false;
  };
  return tool.run_documents(
      tmk::tsv_header({"doc", "sent", "start", "end", "kind", "value", "unit", "qualifier", "counted", "text"}),
      [&](const tmk::Document& doc, std::string& out) {
        // The extractor reads sentences only, so the tokenizer is not run.
        tmk::Analysis analysis;
        std::vector<tmk::Span> spans;
        splitter.split(doc.text, spans);
        for (const tmk::Span& span : spans) analysis.sentences.push_back({span, 0, 0});
        const std::string_view text = doc.text;
        for (const tmk::NumberMention& m : extractor.extract(doc.text, analysis)) {
          if (!wanted(m.kind)) continue;
          tmk::TsvRow(out)
              .add(doc.id)
              .add(m.sentence + 1)
              .add(m.start)
              .add(m.end)
              .add(tmk::to_string(m.kind))
              .add(m.value)
              .add(m.unit)
              .add(tmk::to_string(m.qualifier))
              .add(m.counted)
              .add(text.substr(m.start, m.end - m.start))
              .end();
        }
      });
}
