// tmk-numbers: one row per number, with its value, unit, qualifier and counted noun.
#include <optional>
#include <string>
#include <vector>

#include "cli/cli.hpp"
#include "cli/tables.hpp"
#include "tmk/numbers/numbers.hpp"
#include "tmk/text/analysis.hpp"

int main(int argc, char** argv) {
  tmk::cli::Tool tool(
      "tmk-numbers",
      "Find the numbers in documents: cardinals, ordinals, fractions, percentages, money, measures, years, "
      "dates, times, ranges, labels, durations and date intervals. One TSV row per number; value is canonical in "
      "the C locale (\"1200000000\", \"0.5\", \"2015-08-18\", \"17:22\", \"10..20\"), unit an ISO 4217 code, "
      "\"percent\", a measurement unit or a time zone, qualifier one of approx, over, under, atleast, atmost, "
      "upto, and counted the noun the number counts.\n\n"
      "Times: \"15:00\", \"02:05:30\" with seconds, with a zone \"15:00-04:00\" (unit EDT). Durations: ISO 8601, "
      "\"P3Y\", \"P6M\", "
      "\"PT2H\". Intervals: the two ends, \"2014/2018\", \"2016-03/2016-05\". A day without its year is "
      "\"--08-18\".\n\n"
      "Dates relative to the document (\"Monday\", \"last Friday\", \"next week\", \"two years ago\", "
      "\"over the weekend\") resolve against the document's date: the --date-field value when the document has "
      "one, else --date, else a dateline near the start of the text (\"WASHINGTON, Aug. 18, 2016 -\", "
      "\"Posted on March 3, 2016\"). A bare weekday is the last such day on or before the document's date (the "
      "first on or after it when \"will\" comes shortly before). Without a date the value stays relative: "
      "rel:-1D (days), rel:+1W (ISO weeks), rel:+0M (months), rel:-2Y (years), rel:<=MON (the last Monday on or "
      "before), rel:<FRI (before), rel:>FRI (after), rel:>=FRI (on or after), rel:<WKND (the weekend before), "
      "rel:>WKND (the next weekend); a day or month without its year takes the nearest year.\n\n"
      "Columns: doc, sent, start, end, kind, value, unit, qualifier, counted, text.",
      "tmk-numbers corpus/ | awk -F'\\t' '$5==\"money\" && $7==\"USD\"' | sort -t$'\\t' -k6,6g | tail");
  tool.add_document_options();
  tool.add_date_field_option();
  tool.add_keep_fields_option();
  tool.add_format_option();
  std::string date_option;
  std::vector<std::string> kinds;
  tmk::DateOrder date_order = tmk::DateOrder::guess;
  tool.add_number_options(date_option, kinds, date_order);
  if (const auto status = tool.parse(argc, argv)) return *status;

  const std::optional<tmk::CalendarDate> default_date =
      date_option.empty() ? std::nullopt : tmk::parse_iso_date(date_option);
  const tmk::SentenceSplitter splitter;
  const tmk::NumberExtractor extractor;
  const tmk::TableLayout layout = tool.layout(tmk::cli::kNumberColumns);
  return tool.run_documents(layout, [&](const tmk::Document& doc, std::string& out) {
    tmk::Analysis analysis;
    tmk::analyze_sentences(doc.text, splitter, analysis);
    tmk::cli::add_number_rows(
        out, layout, {doc.id, doc.fields}, doc.text,
        extractor.extract(doc.text, analysis, tmk::cli::document_date(doc, default_date), date_order), kinds);
  });
}
