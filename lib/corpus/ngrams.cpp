#include "corpus/ngrams.hpp"

#include <charconv>
#include <stdexcept>

#include "core/resources.hpp"

namespace tmk {

StopWords::StopWords() {
  for_each_resource_line("stopwords/en.txt", [&](std::string_view word) { words_.insert(word); });
}

NgramExtractor::NgramExtractor(NgramOptions options) : options_(options) {
  if (options_.min_n == 0 || options_.min_n > options_.max_n)
    throw std::invalid_argument("n-gram sizes must satisfy 1 <= min <= max");
}

void NgramExtractor::emit_sentence(std::string_view doc, std::size_t sent, const std::vector<Word>& words,
                                   const std::string& texts, std::string& scratch, const NgramSink& emit) const {
  Ngram ngram;
  ngram.doc = doc;
  ngram.sent = sent;
  for (std::size_t first = 0; first < words.size(); ++first) {
    scratch.clear();
    for (std::size_t n = 1; n <= options_.max_n && first + n <= words.size(); ++n) {
      const Word& last = words[first + n - 1];
      if (last.separator || last.stop) break;  // every longer n-gram from `first` holds it too
      if (n > 1) scratch.push_back(' ');
      scratch.append(texts, last.text_begin, last.text_size);
      if (n < options_.min_n) continue;
      ngram.start = words[first].start;
      ngram.end = last.end;
      ngram.n = n;
      ngram.text = scratch;
      emit(ngram);
    }
  }
}

void NgramExtractor::from_document(std::string_view doc_id, std::string_view text, const Analysis& analysis,
                                   const NgramSink& emit) const {
  std::string doc;
  append_tsv_escaped(doc, doc_id);
  std::vector<Word> words;
  std::string texts, norm, scratch;
  for (std::size_t s = 0; s < analysis.sentences.size(); ++s) {
    const Sentence& sentence = analysis.sentences[s];
    words.clear();
    texts.clear();
    for (std::size_t t = sentence.first_token; t < sentence.end_token; ++t) {
      const Token& token = analysis.tokens[t];
      Word word{texts.size(), 0,     token.start,
                token.end,    false, token.kind == TokenKind::punct || token.kind == TokenKind::symbol};
      if (!word.separator) {
        const std::string_view surface = text.substr(token.start, token.end - token.start);
        norm.clear();
        normalize_token(surface, norm);
        word.stop = options_.stop_words != nullptr && options_.stop_words->contains(norm);
        append_tsv_escaped(texts, options_.use_norm ? std::string_view(norm) : surface);
        word.text_size = texts.size() - word.text_begin;
      }
      words.push_back(word);
    }
    emit_sentence(doc, s + 1, words, texts, scratch, emit);
  }
}

void NgramExtractor::from_token_table(TsvReader& reader, const NgramSink& emit) const {
  const std::size_t doc_col = reader.require_column("doc");
  const std::size_t sent_col = reader.require_column("sent");
  const std::size_t start_col = reader.require_column("start");
  const std::size_t end_col = reader.require_column("end");
  const std::size_t norm_col = reader.require_column("norm");
  const std::size_t kind_col = reader.require_column("kind");
  const std::size_t text_col = options_.use_norm ? norm_col : reader.require_column("token");

  std::vector<Word> words;
  std::string texts, scratch, doc, sent_field, norm;
  std::size_t sent = 0;
  std::vector<std::string_view> fields;
  const auto flush = [&] {
    if (!words.empty()) emit_sentence(doc, sent, words, texts, scratch, emit);
    words.clear();
    texts.clear();
  };
  while (reader.next(fields)) {
    if (fields[doc_col] != doc || fields[sent_col] != sent_field) {
      flush();
      doc.assign(fields[doc_col]);
      sent_field.assign(fields[sent_col]);
      sent = reader.whole_number(sent_field, "sent");
    }
    Word word{texts.size(),
              0,
              reader.whole_number(fields[start_col], "start"),
              reader.whole_number(fields[end_col], "end"),
              false,
              fields[kind_col] == "punct" || fields[kind_col] == "symbol"};
    if (!word.separator) {
      if (options_.stop_words != nullptr) {
        // The norm column is escaped; stop words hold no character that escaping changes.
        norm.assign(fields[norm_col]);
        word.stop = options_.stop_words->contains(norm);
      }
      texts.append(fields[text_col]);
      word.text_size = texts.size() - word.text_begin;
    }
    words.push_back(word);
  }
  flush();
}

}  // namespace tmk
