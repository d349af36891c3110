// tmk-entities: one row per mention of a person, organization, place or other name.
#include <iostream>
#include <optional>

#include "cli/cli.hpp"
#include "cli/tables.hpp"
#include "tmk/core/io.hpp"
#include "tmk/entities/entities.hpp"
#include "tmk/text/analysis.hpp"

int main(int argc, char** argv) {
  tmk::cli::Tool tool(
      "tmk-entities",
      "Find names of people (PER), organizations (ORG), places (LOC) and other names (MISC); one TSV row per "
      "mention, with the full name it stands for in its document (canonical) and why it was found (source: model, "
      "gazetteer, alias, layout: a dateline or a sports results line).",
      "tmk-entities corpus/ | awk -F'\\t' '$5==\"PER\"' | cut -f7 | sort | uniq -c | sort -rn | head");
  tool.add_document_options();
  tool.add_keep_fields_option();
  tool.add_format_option();
  tool.add_name_list_options();
  tool.uses_entity_model();
  std::string model_path;
  tool.add_model_option(model_path);
  if (const auto status = tool.parse(argc, argv)) return *status;

  std::optional<tmk::EntityRecognizer> recognizer;
  try {
    tmk::EntityOptions options;
    options.names = tool.listed_names();
    if (!model_path.empty()) options.model = tmk::read_all(*tmk::ByteSource::open(model_path));
    recognizer.emplace(std::move(options));
  } catch (const std::exception& e) {
    std::cerr << "tmk-entities: " << e.what() << '\n';
    return 2;
  }
  const tmk::SentenceSplitter splitter;
  const tmk::Tokenizer tokenizer;
  const tmk::TableLayout layout = tool.layout(tmk::cli::kEntityColumns);
  return tool.run_documents(layout, [&](const tmk::Document& doc, std::string& out) {
    tmk::Analysis analysis;
    tmk::analyze(doc.text, splitter, tokenizer, analysis);
    tmk::cli::add_entity_rows(out, layout, {doc.id, doc.fields}, doc.text, recognizer->recognize(doc.text, analysis));
  });
}
