// tmk-ngrams: word n-grams within sentences, counted or one row each.
#include <charconv>

#include "cli/cli.hpp"
#include "core/diagnostics.hpp"
#include "corpus/counter.hpp"
#include "corpus/ngrams.hpp"
#include "tmk/core/tsv.hpp"

namespace {
// "2" or "1-3".
bool parse_sizes(const std::string& spec, tmk::NgramOptions& options) {
  const auto dash = spec.find('-');
  const auto number = [](std::string_view s, std::size_t& n) {
    const auto r = std::from_chars(s.data(), s.data() + s.size(), n);
    return !s.empty() && r.ec == std::errc() && r.ptr == s.data() + s.size();
  };
  if (dash == std::string::npos) {
    if (!number(spec, options.min_n)) return false;
    options.max_n = options.min_n;
  } else if (!number(std::string_view(spec).substr(0, dash), options.min_n) ||
             !number(std::string_view(spec).substr(dash + 1), options.max_n)) {
    return false;
  }
  return options.min_n >= 1 && options.min_n <= options.max_n;
}
}  // namespace

int main(int argc, char** argv) {
  tmk::cli::Tool tool(
      "tmk-ngrams",
      "Word n-grams: runs of n tokens within one sentence. Punctuation and symbols ($, £, +) are\n"
      "left out and, like a sentence end, separate (no n-gram spans them). By default the n-grams are counted:\n"
      "ngram, n, count (occurrences), docs, ordered by count (descending), then by key bytes,\n"
      "in the format of tmk-count (so tmk-count --merge sums runs over parts of a corpus).\n"
      "With --rows, one row per occurrence: doc, sent, start, end, n, ngram. --merge sums the counts of\n"
      "runs over parts of a corpus cut at document boundaries: the same as counting the whole.",
      "tmk-ngrams -n 2-3 --stopwords --top 20 corpus/\n"
      "  tmk-ngrams --merge part1.ngrams part2.ngrams --top 20   # parts counted in TSV, without --top");
  tool.add_document_options();
  tool.add_format_option();
  std::string sizes = "1";
  std::string over = "norm";
  bool from_tokens = false, stopwords = false, rows = false, merge = false;
  tmk::CountSelection selection;
  auto& app = tool.app();
  auto* size_option = app.add_option("-n,--size", sizes, "N-gram sizes: N or MIN-MAX (e.g. 1-3)")->default_str("1");
  auto* over_option = tool.add_choice_option("--over", over, {"norm", "token"},
                                             "Which form of a token: norm (case-folded) or token (as written)");
  auto* from_tokens_flag =
      app.add_flag("--from-tokens", from_tokens, "Inputs are tmk-tokenize output (TSV), not documents");
  auto* stopwords_flag =
      app.add_flag("--stopwords", stopwords, "Leave out n-grams holding an English stop word (list built in)");
  auto* rows_flag = app.add_flag("--rows", rows, "One row per occurrence instead of counts");
  app.add_option("--top", selection.top, "Print only the N most frequent n-grams");
  app.add_option("--min", selection.min_count, "Leave out n-grams counted fewer than N times");
  // The parts' n-grams are theirs: a merge only sums what they counted.
  auto* merge_flag = app.add_flag(
      "--merge", merge, "Inputs are tmk-ngrams counts in TSV (made without --top/--min): sum their count and docs");
  for (CLI::Option* counting :
       {size_option, over_option, from_tokens_flag, stopwords_flag, rows_flag, app.get_option("--input")})
    merge_flag->excludes(counting);
  if (const auto status = tool.parse(argc, argv)) return *status;
  tmk::NgramOptions options;
  if (!parse_sizes(sizes, options)) {
    tmk::diag::message("-n: expected N or MIN-MAX with 1 <= MIN <= MAX, got '" + sizes + "' (see --help)");
    return 2;
  }
  options.use_norm = over == "norm";
  const tmk::StopWords stop_words;
  if (stopwords) options.stop_words = &stop_words;
  const tmk::NgramExtractor extractor(options);
  const tmk::SentenceSplitter splitter;
  const tmk::Tokenizer tokenizer;

  const tmk::TableLayout rows_layout{tool.format(), {"doc", "sent", "start", "end", "n", "ngram"}};
  const auto append_row = [&](std::string& out, const tmk::Ngram& g) {
    tmk::TsvRow(out, rows_layout).add_raw(g.doc).add(g.sent).add(g.start).add(g.end).add(g.n).add_raw(g.text).end();
  };
  // Counted n-grams are keyed like a tmk-count row: "ngram TAB n".
  const auto count_ngram = [](tmk::KeyCounter& counter, std::string& key, const tmk::Ngram& g) {
    key.clear();
    tmk::TsvRow(key).add_raw(g.text).add(g.n);
    counter.add_row(key);
  };
  // Documents are analyzed in parallel; each writes its rows, or counts its n-grams in its
  // thread's counter.
  tmk::PerThreadCounters counters;
  const auto process = [&](const tmk::Document& doc, std::string& out) {
    tmk::Analysis analysis;
    tmk::analyze(doc.text, splitter, tokenizer, analysis);
    if (rows)
      return extractor.from_document(doc.id, doc.text, analysis, [&](const tmk::Ngram& g) { append_row(out, g); });
    tmk::KeyCounter& counter = counters.local();
    counter.start_document();
    std::string key;
    extractor.from_document(doc.id, doc.text, analysis, [&](const tmk::Ngram& g) { count_ngram(counter, key, g); });
  };
  if (rows && !from_tokens) return tool.run_documents(rows_layout, process);

  return tool.run([&](tmk::Output& output) {
    std::string out;
    if (rows) {
      if (tool.header()) output.write(tmk::table_header(rows_layout));
      tmk::for_each_tsv_input(tool.inputs_or_stdin(), [&](tmk::TsvReader& reader) {
        extractor.from_token_table(reader, [&](const tmk::Ngram& g) {
          append_row(out, g);
          if (out.size() > (1 << 16)) output.write(out), out.clear();
        });
      });
      return output.write(out);
    }
    tmk::KeyCounter counter;
    if (merge) {
      counter = tmk::merge_tables_with_keys(tool.inputs_or_stdin(), tool.jobs(), {"ngram", "n"}, "tmk-ngrams");
    } else if (from_tokens) {
      counter =
          tmk::count_inputs(tool.inputs_or_stdin(), tool.jobs(), [&](tmk::TsvReader& reader, tmk::KeyCounter& into) {
            std::string key, last_doc;  // per thread
            extractor.from_token_table(reader, [&](const tmk::Ngram& g) {
              if (g.doc != last_doc) into.start_document(), last_doc.assign(g.doc);
              count_ngram(into, key, g);
            });
          });
    } else {
      tool.process_documents(process, [](std::string_view) {});
      counter = counters.sum();
    }
    const tmk::TableLayout counts_layout{tool.format(), {"ngram", "n", "count", "docs"}};
    if (tool.header()) out = tmk::table_header(counts_layout);
    tmk::append_count_rows(out, counts_layout, tmk::select_counts(counter, selection));
    output.write(out);
  });
}
