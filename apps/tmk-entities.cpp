// tmk-entities: one row per mention of a person, organization, place or other name.
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#include "cli/cli.hpp"
#include "tmk/core/tsv.hpp"
#include "tmk/entities/entities.hpp"
#include "tmk/text/analysis.hpp"

namespace {

std::string read_model(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot read the model");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace

int main(int argc, char** argv) {
  tmk::cli::Tool tool(
      "tmk-entities",
      "Find names of people (PER), organizations (ORG), places (LOC) and other names (MISC); one TSV row per "
      "mention, with the full name it stands for in its document (canonical) and why it was found (source: model, "
      "gazetteer, alias, layout: a dateline or a sports results line).",
      "tmk-entities corpus/ | awk -F'\\t' '$5==\"PER\"' | cut -f7 | sort | uniq -c | sort -rn | head");
  tool.add_document_options();
  tool.add_name_list_options();
  tool.uses_entity_model();
  std::string model_path;
  tool.app()
      .add_option("--model", model_path, "A model made by tmk-train-entities instead of the built-in one")
      ->check(CLI::ExistingFile);
  if (const auto status = tool.parse(argc, argv)) return *status;

  std::optional<tmk::EntityRecognizer> recognizer;
  try {
    tmk::EntityOptions options;
    options.names = tool.listed_names();
    if (!model_path.empty()) options.model = read_model(model_path);
    recognizer.emplace(std::move(options));
  } catch (const std::exception& e) {
    std::cerr << "tmk-entities: " << e.what() << '\n';
    return 2;
  }
  const tmk::SentenceSplitter splitter;
  const tmk::Tokenizer tokenizer;
  return tool.run_documents(tmk::tsv_header({"doc", "sent", "start", "end", "type", "text", "canonical", "source"}),
                            [&](const tmk::Document& doc, std::string& out) {
                              tmk::Analysis analysis;
                              tmk::analyze(doc.text, splitter, tokenizer, analysis);
                              const std::string_view text = doc.text;
                              for (const tmk::EntityMention& m : recognizer->recognize(text, analysis)) {
                                tmk::TsvRow(out)
                                    .add(doc.id)
                                    .add(m.sentence + 1)
                                    .add(m.start)
                                    .add(m.end)
                                    .add(tmk::to_string(m.type))
                                    .add(text.substr(m.start, m.end - m.start))
                                    .add(m.canonical)
                                    .add(tmk::to_string(m.source))
                                    .end();
                              }
                            });
}
