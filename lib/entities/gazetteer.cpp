#include "entities/gazetteer.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "core/resources.hpp"
#include "entities/ner_model.hpp"
#include "tmk/core/tsv.hpp"
#include "tmk/core/utf8.hpp"

namespace tmk {
namespace {

constexpr std::uint64_t kSequenceSeed = 0x7a3b;

std::uint64_t word_hash(const ner::Word& word, Gazetteer::Matching matching) {
  return matching == Gazetteer::Matching::folded ? word.fold_hash : word.exact_hash;
}

}  // namespace

std::string_view to_string(EntityType type) {
  switch (type) {
    case EntityType::PER:
      return "PER";
    case EntityType::ORG:
      return "ORG";
    case EntityType::LOC:
      return "LOC";
    case EntityType::MISC:
      break;
  }
  return "MISC";
}

bool parse_entity_type(std::string_view name, EntityType& type) {
  if (name == "PER" || name == "PERSON") {
    type = EntityType::PER;
  } else if (name == "ORG" || name == "ORGANIZATION") {
    type = EntityType::ORG;
  } else if (name == "LOC" || name == "GPE" || name == "LOCATION" || name == "FAC") {
    type = EntityType::LOC;
  } else if (name == "MISC") {
    type = EntityType::MISC;
  } else {
    return false;
  }
  return true;
}

const Gazetteer& Gazetteer::builtin() {
  static const Gazetteer names =
      parse_tsv(resource("entities/gazetteer.tsv"), "entities/gazetteer.tsv", Matching::folded);
  return names;
}

Gazetteer Gazetteer::parse_tsv(std::string_view text, std::string_view where, Matching matching) {
  Gazetteer gazetteer(matching);
  for (const ListedName& listed : parse_name_list(text, where)) gazetteer.add(listed.name, listed.type);
  return gazetteer;
}

std::vector<ListedName> parse_name_list(std::string_view text, std::string_view where) {
  std::vector<ListedName> names;
  std::size_t line_number = 0;
  std::vector<std::string_view> fields;
  while (!text.empty()) {
    const std::size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    split_tsv_line(line, fields);
    ListedName listed;
    if ((fields.size() != 2 && fields.size() != 3) || fields.front().empty() ||
        !parse_entity_type(fields.back(), listed.type))
      throw std::runtime_error(std::string(where) + ":" + std::to_string(line_number) +
                               ": expected NAME<TAB>TYPE or NAME<TAB>CANONICAL<TAB>TYPE, TYPE one of PER, ORG, "
                               "LOC, MISC");
    listed.name = fields[0];
    if (fields.size() == 3) listed.canonical = fields[1];
    names.push_back(std::move(listed));
  }
  return names;
}

std::vector<ListedName> read_name_list(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot read the list of names");
  std::ostringstream content;
  content << in.rdbuf();
  return parse_name_list(content.str(), path);
}

void Gazetteer::add(std::string_view raw_name, EntityType type) {
  // The word reader decodes UTF-8 without checks: a caller's name is repaired first, as a
  // text is, so that a name with an invalid byte matches that text.
  std::string scratch;
  const std::string_view name = valid_utf8_view(raw_name, scratch);
  ner::WordSequence words(name);
  std::size_t pos = 0;
  while (pos < name.size()) {
    while (pos < name.size() && (name[pos] == ' ' || name[pos] == '\t')) ++pos;
    std::size_t end = pos;
    while (end < name.size() && name[end] != ' ' && name[end] != '\t') ++end;
    if (end > pos) words.add_token(pos, end);
    pos = end;
  }
  if (words.size() == 0 || words.size() > kMaxWords) return;
  std::uint64_t h = kSequenceSeed;
  for (std::size_t i = 0; i < words.size(); ++i) {
    h = ner::combine(h, word_hash(words[i], matching_));
    std::uint8_t& slot = phrases_[h];
    if (i + 1 < words.size()) {
      slot |= kPrefixBit;
    } else {
      if ((slot & ~kPrefixBit) == 0) ++entries_;
      slot |= static_cast<std::uint8_t>(1u << static_cast<int>(type));
    }
  }
}

void Gazetteer::prefetch(const ner::WordSequence& words, std::size_t first) const {
  if (first < words.size()) phrases_.prefetch(ner::combine(kSequenceSeed, word_hash(words[first], matching_)));
}

Gazetteer::Match Gazetteer::longest_match(const ner::WordSequence& words, std::size_t first) const {
  Match best;
  std::uint64_t h = kSequenceSeed;
  for (std::size_t i = first; i < words.size() && i - first < kMaxWords; ++i) {
    h = ner::combine(h, word_hash(words[i], matching_));
    const std::uint8_t found = phrases_.find(h);
    if (found == 0) break;
    if (const std::uint8_t types = found & ~kPrefixBit) best = {i + 1 - first, types};
    if (!(found & kPrefixBit)) break;
  }
  return best;
}

}  // namespace tmk
