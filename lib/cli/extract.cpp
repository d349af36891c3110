#include "cli/extract.hpp"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <tuple>

#include "cli/table_dir.hpp"
#include "cli/tables.hpp"
#include "core/diagnostics.hpp"
#include "core/sha256.hpp"
#include "tmk/core/io.hpp"
#include "tmk/core/tsv.hpp"

namespace tmk::cli {

namespace fs = std::filesystem;

const std::vector<std::string> kExtractTables = {"documents", "sentences", "entities", "numbers", "quotes"};

namespace {

enum TableIndex : std::size_t { kDocuments, kSentences, kEntities, kNumbers, kQuotes };

// The size and sha256 of a file as stored (a compressed input: its compressed bytes).
Json describe_file(const std::string& path) {
  Json entry = {{"path", path}};
  if (path == "-") {  // standard input cannot be read twice
    entry["bytes"] = nullptr;
    entry["sha256"] = nullptr;
    return entry;
  }
  std::ifstream in(path, std::ios::binary);
  Sha256 hash;
  std::uint64_t bytes = 0;
  // Not zeroed: with thousands of small inputs, clearing a megabyte for each cost more
  // than hashing them.
  constexpr std::size_t kChunk = 1 << 20;
  const auto chunk = std::make_unique_for_overwrite<char[]>(kChunk);
  while (in) {
    in.read(chunk.get(), static_cast<std::streamsize>(kChunk));
    const auto got = static_cast<std::size_t>(in.gcount());
    hash.update(std::string_view(chunk.get(), got));
    bytes += got;
  }
  if (in.bad() || !in.eof()) {  // unreadable: the run has reported it already
    entry["bytes"] = nullptr;
    entry["sha256"] = nullptr;
    return entry;
  }
  entry["bytes"] = bytes;
  entry["sha256"] = hash.hex_digest();
  return entry;
}

Json effective_options(const Tool& tool, const ExtractOptions& options, const std::vector<bool>& wanted) {
  const InputOptions& input = tool.input_options();
  Json tables = Json::array();
  for (std::size_t i = 0; i < kExtractTables.size(); ++i)
    if (wanted[i]) tables.push_back(kExtractTables[i]);
  Json name_lists = Json::array();
  for (const std::string& path : tool.name_list_paths()) name_lists.push_back(describe_file(path));
  return Json{{"tables", tables},
              {"format", to_string(tool.format())},
              {"input", tool.input_format_name()},
              {"lines", tool.line_range().empty() ? Json(nullptr) : Json(tool.line_range())},
              {"text_field", input.text_field},
              {"id_field", input.id_field},
              {"text_column", input.text_column},
              {"id_column", input.id_column},
              {"date_field", input.date_field},
              {"keep_fields", input.keep_fields},
              {"strict", input.strict},
              {"name_lists", name_lists},
              {"model", options.model_path.empty() ? Json(nullptr) : describe_file(options.model_path)},
              {"date", options.date.empty() ? Json(nullptr) : Json(options.date)},
              {"kind", options.kinds},
              {"with_speaker", options.with_speaker},
              {"no_entities", options.no_entities},
              {"indirect", options.indirect}};
}

// Messages of the run, sorted so that two runs give the same list whatever the number of jobs.
Json messages(bool errors) {
  std::vector<diag::Recorded> all = diag::recorded();
  std::erase_if(all, [&](const diag::Recorded& r) { return r.error != errors; });
  std::sort(all.begin(), all.end(), [](const diag::Recorded& a, const diag::Recorded& b) {
    return std::tie(a.where, a.what) < std::tie(b.where, b.what);
  });
  Json list = Json::array();
  for (const diag::Recorded& r : all) list.push_back({{"doc", r.where}, {"message", r.what}});
  return list;
}

}  // namespace

int run_extract(Tool& tool, const ExtractOptions& options, const std::vector<std::string>& command) {
  const std::string started = utc_now();
  diag::start_recording();
  std::vector<bool> wanted(kExtractTables.size(), options.tables.empty());
  wanted[kDocuments] = true;
  for (const std::string& name : options.tables)
    wanted[static_cast<std::size_t>(std::find(kExtractTables.begin(), kExtractTables.end(), name) -
                                    kExtractTables.begin())] = true;

  // The extractors, made as the single tools make them.
  std::optional<EntityRecognizer> recognizer;
  std::optional<EntityRecognizer> speaker_recognizer;  // tmk-quotes' own, when --model differs from it
  std::optional<NumberExtractor> numbers;
  std::optional<QuoteExtractor> quotes;
  const std::optional<CalendarDate> default_date = options.date.empty() ? std::nullopt : parse_iso_date(options.date);
  try {
    const std::vector<ListedName> names = tool.listed_names();
    if (wanted[kEntities]) {
      EntityOptions entity_options;
      entity_options.names = names;
      if (!options.model_path.empty()) entity_options.model = read_all(*ByteSource::open(options.model_path));
      recognizer.emplace(std::move(entity_options));
    }
    if (wanted[kNumbers]) numbers.emplace();
    if (wanted[kQuotes]) {
      const EntityRecognizer* speakers = nullptr;
      if (!options.no_entities && recognizer && options.model_path.empty()) {
        speakers = &*recognizer;
      } else if (!options.no_entities) {
        try {
          speakers = &speaker_recognizer.emplace(EntityOptions{names, {}});
        } catch (const std::exception& e) {  // quotes do not need the model: go on without it
          diag::message(std::string(e.what()) + "; speaker names are resolved without it");
        }
      }
      quotes.emplace(QuoteOptions{speakers, options.indirect});
    }
  } catch (const std::exception& e) {
    diag::message(e.what());
    return 2;
  }

  const fs::path dir = options.directory;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) {
    diag::error(dir.string(), ec.message());
    return 1;
  }
  clear_previous_run(dir);

  const std::vector<std::string>& kept = tool.input_options().keep_fields;
  const TableFormat format = tool.format();
  const std::vector<TableLayout> layouts = {{format, with_kept_fields(kDocumentColumns, kept)},
                                            {format, kSentenceColumns},
                                            {format, kEntityColumns},
                                            {format, kNumberColumns},
                                            {format, kQuoteColumns}};
  const auto file_name = [&](std::size_t table) {
    return kExtractTables[table] + "." + std::string(to_string(format));
  };
  const std::size_t header_rows = format == TableFormat::jsonl ? 0 : 1;
  std::vector<std::unique_ptr<TableFile>> files(kExtractTables.size());
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (!wanted[i]) continue;
    files[i] = std::make_unique<TableFile>(dir, file_name(i), format);
    files[i]->write(table_header(layouts[i]));
  }
  std::atomic<bool> failed = false;
  const auto any_failed = [&] {
    return std::any_of(files.begin(), files.end(), [](const auto& f) { return f && f->failed(); });
  };
  failed = any_failed();

  const SentenceSplitter splitter;
  const Tokenizer tokenizer;
  const bool needs_tokens = wanted[kEntities];  // quotes tokenize the few sentences they need
  const auto process = [&](const Document& doc, std::span<std::string> outs) {
    if (failed) return;  // the output is lost: only read on to the end
    Analysis analysis;
    if (needs_tokens)
      analyze(doc.text, splitter, tokenizer, analysis);
    else
      analyze_sentences(doc.text, splitter, analysis);
    const std::string_view text = doc.text;
    // The kept fields go into documents.tsv only: the other tables join it by doc.
    add_document_row(outs[kDocuments], layouts[kDocuments], {doc.id, doc.fields}, text, analysis.sentences.size());
    const RowKey key{doc.id, {}};
    if (wanted[kSentences]) {
      std::vector<Span> spans;
      spans.reserve(analysis.sentences.size());
      for (const Sentence& sentence : analysis.sentences) spans.push_back(sentence.span);
      add_sentence_rows(outs[kSentences], layouts[kSentences], key, text, spans);
    }
    if (recognizer)
      add_entity_rows(outs[kEntities], layouts[kEntities], key, text, recognizer->recognize(text, analysis));
    if (numbers)
      add_number_rows(outs[kNumbers], layouts[kNumbers], key, text,
                      numbers->extract(text, analysis, document_date(doc, default_date), options.date_order),
                      options.kinds);
    if (quotes) {
      const QuoteResult result = quotes->extract(text, analysis);
      warn_unbalanced_quotes(doc.id, result);
      add_quote_rows(outs[kQuotes], layouts[kQuotes], key, text, result.quotes, options.with_speaker);
    }
  };
  const auto sink = [&](std::span<const std::string> rows) {
    for (std::size_t i = 0; i < files.size(); ++i)
      if (files[i]) files[i]->write(rows[i]);
    if (any_failed()) failed = true;
  };
  const int status = tool.run([&](Output&) { tool.process_tables(kExtractTables.size(), process, sink); });

  // A table that could not be written takes the others with it (their temporary files are
  // removed): no table gets its final name unless all of them can.
  const auto broken = std::find_if(files.begin(), files.end(), [](const auto& f) { return f && f->failed(); });
  if (broken != files.end()) {
    diag::error((*broken)->path().string(), (*broken)->error());
    return 1;
  }
  for (const auto& file : files) {
    if (file && !file->finish()) {
      diag::error(file->path().string(), file->error());
      return 1;
    }
  }

  Json inputs = Json::array();
  for (const std::string& path : tool.inputs_or_stdin()) inputs.push_back(describe_file(path));
  Json tables = Json::object();
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (!files[i]) continue;
    tables[kExtractTables[i]] = {{"file", file_name(i)},
                                 {"format", to_string(format)},
                                 {"rows", files[i]->rows() - header_rows},
                                 {"sha256", files[i]->sha256()},
                                 {"columns", layouts[i].columns}};
  }
  const Json manifest = {
      {"tmk", build_provenance()},
      {"command", command},
      {"options", effective_options(tool, options, wanted)},
      {"inputs", inputs},
      {"tables", tables},
      {"documents", files[kDocuments]->rows() - header_rows},
      {"warnings", messages(false)},
      {"errors", messages(true)},
      {"started", started},
      {"finished", utc_now()},
      {"complete", true},
  };
  if (!write_whole_file(dir, "manifest.json", manifest.dump(2) + "\n")) return 1;
  return std::max(status, diag::exit_status());
}

}  // namespace tmk::cli
