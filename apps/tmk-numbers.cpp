// tmk-numbers: one row per number, with its value, unit, qualifier and counted noun.
#include <optional>
#include <string>
#include <vector>

#include "cli/cli.hpp"
#include "core/diagnostics.hpp"
#include "tmk/core/tsv.hpp"
#include "tmk/numbers/numbers.hpp"
#include "tmk/text/analysis.hpp"

int main(int argc, char** argv) {
  tmk::cli::Tool tool(
      "tmk-numbers",
      "Find the numbers in documents: cardinals, ordinals, fractions, percentages, money, measures, years, "
      "dates, times, ranges, labels, durations, date intervals, scores and ages. One TSV row per number; value is "
      "canonical in "
      "the C locale (\"1200000000\", \"0.5\", \"2015-08-18\", \"17:22\", \"10..20\"), unit an ISO 4217 code, "
      "\"percent\", a measurement unit or a time zone, qualifier one of approx, over, under, atleast, atmost, "
      "upto, and counted the noun the number counts.\n\n"
      "Times: \"15:00\", with a zone \"15:00-04:00\" (unit EDT). Durations: ISO 8601, \"P3Y\", \"P6M\", "
      "\"PT2H\". Intervals: the two ends, \"2014/2018\", \"2016-03/2016-05\". A day without its year is "
      "\"--08-18\". Scores: \"3-1\" (\"won 3-1\"). Ages: \"34\", unit year (\"a 34-year-old\", \"aged 34\"). "
      "Areas: \"m2\", \"km2\" (\"square meters\"); temperatures: \"degree Celsius\", \"degree Fahrenheit\".\n\n"
      "Dates relative to the document (\"Monday\", \"last Friday\", \"next week\", \"two years ago\", "
      "\"over the weekend\") resolve against the document's date: the --date-field value when the document has "
      "one, else --date, else a dateline near the start of the text (\"WASHINGTON, Aug. 18, 2016 -\", "
      "\"Posted on March 3, 2016\"). A bare weekday is the last such day on or before the document's date (the "
      "first on or after it when \"will\" comes shortly before). Without a date the value stays relative: "
      "rel:-1D (days), rel:+1W (ISO weeks), rel:+0M (months), rel:-2Y (years), rel:<=MON (the last Monday on or "
      "before), rel:<FRI (before), rel:>FRI (after), rel:>=FRI (on or after), rel:<WKND (the weekend before), "
      "rel:>WKND (the next weekend); a day or month without its year takes the nearest year.\n\n"
      "Slash dates such as 03/04/2016 put the month first unless the document shows it writes the day first: "
      "a slash date of its own with a day over 12 first (25/12/2016), or, when those do not tell, a pound sign "
      "or a British spelling (colour, centre); --day-first and --month-first decide for every document.\n\n"
      "Columns: doc, sent, start, end, kind, value, unit, qualifier, counted, text.",
      "tmk-numbers corpus/ | awk -F'\\t' '$5==\"money\" && $7==\"USD\"' | sort -t$'\\t' -k6,6g | tail");
  tool.add_document_options();
  tool.add_date_field_option();
  std::string date_option;
  tool.app()
      .add_option("--date", date_option,
                  "The documents' date (YYYY-MM-DD) for relative dates, when --date-field gives none")
      ->check([](const std::string& value) {
        return tmk::parse_iso_date(value) ? std::string() : "not a date YYYY-MM-DD: " + value;
      });
  bool day_first = false;
  bool month_first = false;
  auto* day_first_flag = tool.app().add_flag(
      "--day-first", day_first, "Slash dates that could be read either way put the day first: 03/04/2016 is 3 April");
  tool.app()
      .add_flag("--month-first", month_first, "Such slash dates put the month first: 03/04/2016 is March 4")
      ->excludes(day_first_flag);
  std::vector<std::string> kinds;
  tool.add_list_option("--kind", kinds,
                       {"cardinal", "ordinal", "fraction", "percent", "money", "measure", "year", "date", "time",
                        "range", "label", "duration", "interval", "score", "age"},
                       "Only rows of these kinds; repeat or separate with commas");
  if (const auto status = tool.parse(argc, argv)) return *status;

  if (!tool.input_options().date_field.empty() && tool.input_options().format != tmk::InputFormat::jsonl &&
      tool.input_options().format != tmk::InputFormat::tsv) {
    tmk::diag::message("--date-field needs --input jsonl or tsv (see --help)");
    return 2;
  }
  const std::optional<tmk::CalendarDate> default_date =
      date_option.empty() ? std::nullopt : tmk::parse_iso_date(date_option);
  const tmk::DateOrder date_order = day_first     ? tmk::DateOrder::day_first
                                    : month_first ? tmk::DateOrder::month_first
                                                  : tmk::DateOrder::guess;
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
        std::optional<tmk::CalendarDate> date = tmk::parse_iso_date(doc.date);
        if (!date) date = default_date;
        for (const tmk::NumberMention& m : extractor.extract(doc.text, analysis, date, date_order)) {
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
