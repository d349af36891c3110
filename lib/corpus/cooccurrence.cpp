#include "corpus/cooccurrence.hpp"

#include <algorithm>
#include <charconv>
#include <stdexcept>
#include <unordered_map>

#include "core/markup.hpp"

namespace tmk {

namespace {

// "name TAB type" for both, as "a TAB b TAB type_a TAB type_b".
void pair_key(std::string_view first, std::string_view second, std::string& key) {
  if (second < first) std::swap(first, second);
  const auto tab_a = first.find('\t');
  const auto tab_b = second.find('\t');
  key.assign(first.substr(0, tab_a)).append("\t").append(second.substr(0, tab_b));
  key.append("\t").append(first.substr(tab_a + 1)).append("\t").append(second.substr(tab_b + 1));
}

}  // namespace

void CooccurrenceCounter::count_document(std::vector<Mention>& mentions, KeyCounter& pairs) const {
  const auto by_place = [](const Mention& x, const Mention& y) {
    return x.sent != y.sent ? x.sent < y.sent : x.entity < y.entity;
  };
  if (options_.scope == CooccurrenceScope::document)
    for (Mention& m : mentions) m.sent = 0;  // one unit: the whole document
  std::sort(mentions.begin(), mentions.end(), by_place);
  mentions.erase(
      std::unique(mentions.begin(), mentions.end(),
                  [](const Mention& x, const Mention& y) { return x.sent == y.sent && x.entity == y.entity; }),
      mentions.end());
  const std::size_t reach = options_.scope == CooccurrenceScope::window ? options_.window : 1;
  std::string key;
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    for (std::size_t j = i + 1; j < mentions.size() && mentions[j].sent - mentions[i].sent < reach; ++j) {
      if (mentions[i].entity == mentions[j].entity) continue;
      pair_key(mentions[i].entity, mentions[j].entity, key);
      pairs.add_row(key);
    }
  }
  mentions.clear();
}

void CooccurrenceCounter::count(TsvReader& reader, KeyCounter& pairs) const {
  const std::size_t doc_col = reader.require_column("doc");
  const std::size_t sent_col = reader.require_column("sent");
  const std::size_t type_col = reader.require_column("type");
  const std::size_t canonical_col = reader.require_column("canonical");
  const auto text_col = reader.find_column("text");
  std::vector<Mention> mentions;
  std::vector<std::string_view> fields;
  std::string doc;
  bool first_row = true;
  while (reader.next(fields)) {
    if (first_row || fields[doc_col] != doc) {
      if (!first_row) {
        count_document(mentions, pairs);
        pairs.start_document();
      }
      doc.assign(fields[doc_col]);
      first_row = false;
    }
    const std::size_t sent = reader.whole_number(fields[sent_col], "sent");
    std::string_view name = fields[canonical_col];
    if (name.empty() && text_col) name = fields[*text_col];
    if (name.empty()) continue;
    mentions.push_back({sent, std::string(name).append("\t").append(fields[type_col])});
  }
  count_document(mentions, pairs);
}

namespace {

void append_xml_escaped_field(std::string& out, std::string_view escaped_tsv_field) {
  append_xml_escaped(out, tsv_unescape(escaped_tsv_field));
}

struct Edge {
  std::size_t source, target;
  const KeyCount* pair;
};

struct Node {
  std::string_view name, type;  // escaped TSV fields
};

}  // namespace

void append_graph(std::string& out, const std::vector<KeyCount>& pairs, GraphFormat format) {
  std::vector<Node> nodes;
  std::unordered_map<std::string, std::size_t> ids;  // "name TAB type"
  std::vector<Edge> edges;
  std::vector<std::string_view> fields;
  const auto node_id = [&](std::string_view name, std::string_view type) {
    const auto [it, added] = ids.try_emplace(std::string(name).append("\t").append(type), nodes.size());
    if (added) nodes.push_back({name, type});
    return it->second;
  };
  for (const KeyCount& pair : pairs) {
    split_tsv_line(pair.key, fields);  // a, b, type_a, type_b
    const std::size_t source = node_id(fields[0], fields[2]);
    edges.push_back({source, node_id(fields[1], fields[3]), &pair});
  }
  const bool gexf = format == GraphFormat::gexf;
  out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  if (gexf) {
    out += "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n";
    out += "  <graph mode=\"static\" defaultedgetype=\"undirected\">\n";
    out += "    <attributes class=\"node\"><attribute id=\"type\" title=\"type\" type=\"string\"/></attributes>\n";
    out += "    <attributes class=\"edge\"><attribute id=\"docs\" title=\"docs\" type=\"long\"/></attributes>\n";
    out += "    <nodes>\n";
  } else {
    out += "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n";
    out += "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n";
    out += "  <key id=\"type\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n";
    out += "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"long\"/>\n";
    out += "  <key id=\"docs\" for=\"edge\" attr.name=\"docs\" attr.type=\"long\"/>\n";
    out += "  <graph id=\"cooccurrence\" edgedefault=\"undirected\">\n";
  }
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    const std::string id = "n" + std::to_string(i);
    if (gexf) {
      out += "      <node id=\"" + id + "\" label=\"";
      append_xml_escaped_field(out, nodes[i].name);
      out += "\"><attvalues><attvalue for=\"type\" value=\"";
      append_xml_escaped_field(out, nodes[i].type);
      out += "\"/></attvalues></node>\n";
    } else {
      out += "    <node id=\"" + id + "\"><data key=\"label\">";
      append_xml_escaped_field(out, nodes[i].name);
      out += "</data><data key=\"type\">";
      append_xml_escaped_field(out, nodes[i].type);
      out += "</data></node>\n";
    }
  }
  if (gexf) out += "    </nodes>\n    <edges>\n";
  for (std::size_t i = 0; i < edges.size(); ++i) {
    const Edge& e = edges[i];
    const std::string ends =
        "source=\"n" + std::to_string(e.source) + "\" target=\"n" + std::to_string(e.target) + "\"";
    const std::string count = std::to_string(e.pair->count), docs = std::to_string(e.pair->docs);
    if (gexf)
      out += "      <edge id=\"e" + std::to_string(i) + "\" " + ends + " weight=\"" + count +
             "\"><attvalues><attvalue for=\"docs\" value=\"" + docs + "\"/></attvalues></edge>\n";
    else
      out += "    <edge " + ends + "><data key=\"weight\">" + count + "</data><data key=\"docs\">" + docs +
             "</data></edge>\n";
  }
  out += gexf ? "    </edges>\n  </graph>\n</gexf>\n" : "  </graph>\n</graphml>\n";
}

}  // namespace tmk
