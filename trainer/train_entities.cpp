// tmk-train-entities: trains the entity tagger's model from BIO-tagged word files
// (TSV with header doc_id, sent_id, token, tag; a blank line between sentences).
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "cli/cli.hpp"
#include "perceptron_trainer.hpp"
#include "tmk/core/tsv.hpp"

namespace {

// Appends the sentences of one training file, document by document. A file named
// "PATH@W" is read from PATH and its sentences weigh W in training (W < 1: a far genre).
void read_sentences(std::string path, bool misc_annotated, std::vector<tmk::ner::TrainingSentence>& out) {
  float weight = 1.0f;
  if (const std::size_t at = path.rfind('@'); at != std::string::npos) {
    weight = std::stof(path.substr(at + 1));
    path.resize(at);
  }
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot read");
  std::string line, document_id;
  std::vector<std::string> words, tags;
  auto flush = [&] {
    for (auto& sentence : tmk::ner::make_training_sentences(words, tags, misc_annotated)) {
      sentence.weight = weight;
      out.push_back(std::move(sentence));
    }
    words.clear();
    tags.clear();
  };
  std::getline(in, line);  // header
  std::vector<std::string_view> fields;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    tmk::split_tsv_line(line, fields);
    if (fields.size() < 4) throw std::runtime_error(path + ": expected doc_id, sent_id, token, tag");
    if (fields[0] != document_id) {
      flush();
      document_id = fields[0];
    }
    std::string word = tmk::tsv_unescape(fields[2]);
    if (word.empty() || word.find(' ') != std::string::npos) continue;  // words never hold spaces
    words.push_back(std::move(word));
    tags.emplace_back(fields[3]);
  }
  flush();
}

// Adds recased copies of every `every`-th sentence, cycling through `styles` (u upper, t
// title, l lower case), each weighing `weight` times its original.
void add_recased(std::vector<tmk::ner::TrainingSentence>& sentences, int every, const std::string& styles,
                 float weight) {
  const std::size_t n = sentences.size();
  for (std::size_t k = 0, made = 0; k < n; k += static_cast<std::size_t>(every), ++made) {
    const char style = styles[made % styles.size()];
    sentences.push_back(tmk::ner::recased(sentences[k], style == 'u'   ? tmk::ner::CaseStyle::kUpper
                                                        : style == 't' ? tmk::ner::CaseStyle::kTitle
                                                                       : tmk::ner::CaseStyle::kLower));
    sentences.back().weight *= weight;
  }
}

}  // namespace

int main(int argc, char** argv) {
  tmk::cli::Tool tool(
      "tmk-train-entities",
      "Train tmk-entities' tagger (averaged perceptron over BILOU tags) and write the model for its --model.\n"
      "A training file is TSV with the header line doc_id, sent_id, token, tag and one token per line;\n"
      "tag is BIO over PER, ORG, LOC and MISC (B-PER, I-PER, O, ...), and a blank line separates\n"
      "sentences. PATH@WEIGHT weighs the sentences of PATH by WEIGHT (below 1: a far genre).\n"
      "--dev and --dev-apart files have the same format.",
      "tmk-train-entities -o model.bin news.tsv web.tsv@0.5 --without-misc uner.tsv --dev held-out.tsv\n"
      "  tmk-entities --model model.bin corpus/");
  CLI::App& app = tool.app();
  std::vector<std::string> files, files_without_misc, dev_files, dev_apart;
  std::string output;
  int epochs = 10;
  int recase_every = 0;
  std::string recase_styles = "utl";
  float recase_weight = 1.0f;
  std::uint32_t bucket_bits = 18;
  std::uint32_t seed = 1;
  int ensemble = 1;
  app.add_option("files", files, "Training files whose MISC names are tagged (PATH or PATH@WEIGHT)");
  tool.add_repeatable_option("--without-misc", files_without_misc,
                             "A training file that leaves MISC names untagged (repeatable)");
  tool.add_repeatable_option("--dev", dev_files, "A held-out file to report the PER/ORG/LOC span F1 on (repeatable)");
  tool.add_repeatable_option("--dev-apart", dev_apart,
                             "A held-out file reported on its own but left out of the total (repeatable)");
  app.add_option("-o,--output", output, "Where to write the model")->required();
  app.add_option("--epochs", epochs, "Passes over the data")->check(CLI::Range(1, 100));
  app.add_option("--bucket-bits", bucket_bits, "log2 of the number of feature buckets")->check(CLI::Range(8, 24));
  app.add_option("--seed", seed, "Seed of the shuffled order of sentences");
  app.add_option("--ensemble", ensemble, "Train this many models (seeds SEED, SEED+1, ...) and average their weights")
      ->check(CLI::Range(1, 20));
  app.add_option("--recase-every", recase_every, "Also train on a recased copy of every N-th sentence (0: none)")
      ->check(CLI::Range(0, 1000));
  app.add_option("--recase-styles", recase_styles, "Cases of the recased copies in turn: u upper, t title, l lower")
      ->check([](const std::string& v) {
        return !v.empty() && v.find_first_not_of("utl") == std::string::npos ? "" : "letters u, t, l";
      });
  app.add_option("--recase-weight", recase_weight, "Weight of a recased copy relative to its original");
  if (const auto status = tool.parse(argc, argv)) return *status;
  try {
    const auto began = std::chrono::steady_clock::now();
    std::vector<tmk::ner::TrainingSentence> sentences;
    for (const std::string& f : files) read_sentences(f, true, sentences);
    for (const std::string& f : files_without_misc) read_sentences(f, false, sentences);
    if (recase_every > 0) add_recased(sentences, recase_every, recase_styles, recase_weight);
    // Models trained in other orders of the sentences err differently: their mean weights
    // score like their ensemble, and vary less with the seed than any one of them.
    std::vector<float> weights;
    double accuracy = 0;
    for (int member = 0; member < ensemble; ++member) {
      tmk::ner::PerceptronTrainer trainer(bucket_bits);
      accuracy = trainer.train(sentences, epochs, seed + static_cast<std::uint32_t>(member));
      const std::vector<float> averaged = trainer.averaged();
      weights.resize(averaged.size());
      for (std::size_t k = 0; k < averaged.size(); ++k) weights[k] += averaged[k] / static_cast<float>(ensemble);
    }
    std::ofstream out(output, std::ios::binary);
    const std::string blob = tmk::ner::Model::serialize(bucket_bits, weights);
    out.write(blob.data(), static_cast<std::streamsize>(blob.size()));
    if (!out) throw std::runtime_error(output + ": cannot write");
    if (!dev_files.empty() || !dev_apart.empty()) {
      // Span F1 per held-out file and in all, overall and for PER, ORG and LOC.
      tmk::ner::SpanCounts all;
      const auto print = [](const std::string& name, const tmk::ner::SpanCounts& c) {
        std::fprintf(stderr, "dev %-28s F1 %.4f  PER %.4f  ORG %.4f  LOC %.4f\n", name.c_str(), c.f1(),
                     c.f1(static_cast<int>(tmk::EntityType::PER)), c.f1(static_cast<int>(tmk::EntityType::ORG)),
                     c.f1(static_cast<int>(tmk::EntityType::LOC)));
      };
      for (const std::string& f : dev_files) {
        std::vector<tmk::ner::TrainingSentence> dev;
        read_sentences(f, true, dev);
        const tmk::ner::SpanCounts counts = tmk::ner::span_counts(blob, dev);
        print(f.substr(f.rfind('/') + 1), counts);
        all.add(counts);
      }
      print("all", all);
      for (const std::string& f : dev_apart) {
        std::vector<tmk::ner::TrainingSentence> dev;
        read_sentences(f, true, dev);
        print(f.substr(f.rfind('/') + 1), tmk::ner::span_counts(blob, dev));
      }
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
    std::cerr << "tmk-train-entities: " << sentences.size() << " sentences, " << epochs << " epochs, " << ensemble
              << " model(s) averaged, last-pass accuracy " << accuracy << ", " << blob.size() << " bytes, " << seconds
              << " s\n";
  } catch (const std::exception& e) {
    std::cerr << "tmk-train-entities: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
