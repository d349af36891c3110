#include "report/html_report.hpp"

#include <algorithm>
#include <charconv>
#include <stdexcept>

#include "core/markup.hpp"
#include "core/resources.hpp"
#include "report/svg_charts.hpp"
#include "tmk/version.hpp"

namespace tmk::report {

namespace {

std::string plural(std::uint64_t n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// How a command that recounts a figure is shown under it.
std::string recount_note(const std::string& commands) {
  return "<p class=\"recount\">Recount in the directory: <code>" + xml_escaped(commands) + "</code></p>";
}

const char* type_heading(const std::string& type) {
  if (type == "PER") return "People";
  if (type == "ORG") return "Organizations";
  if (type == "LOC") return "Places";
  if (type == "MISC") return "Other names";
  return nullptr;
}

// Where the page links to a document: the document view, when it holds the document.
class DocumentLinks {
 public:
  explicit DocumentLinks(const CorpusSummary& summary) {
    for (std::size_t i = 0; i < summary.shown_documents.size(); ++i) index_[summary.shown_documents[i].doc] = i;
  }
  std::string link(const Example& at) const {
    const auto found = index_.find(at.doc);
    if (found == index_.end()) return "<span class=\"doc-id\">" + xml_escaped(at.doc) + "</span>";
    return "<a class=\"doc-link\" href=\"#doc-" + std::to_string(found->second) + "\" data-doc=\"doc-" +
           std::to_string(found->second) + "\" data-at=\"" + std::to_string(at.start) + "\">" + xml_escaped(at.doc) +
           "</a>";
  }

 private:
  std::map<std::string, std::size_t> index_;
};

// The sentence an example is in, its span marked; the span alone without sentences.tsv.
std::string example_sentence(const CorpusSummary& summary, const Example& at, const std::string& fallback) {
  const auto found = summary.example_sentences.find({at.doc, at.sent});
  if (found == summary.example_sentences.end()) return "<span class=\"sentence\">" + xml_escaped(fallback) + "</span>";
  const std::string& text = found->second.text;
  const std::size_t sentence_start = found->second.start;
  if (at.start < sentence_start || at.start - sentence_start > text.size())
    return "<span class=\"sentence\">" + xml_escaped(text) + "</span>";
  const std::size_t from = at.start - sentence_start;
  const std::size_t to = std::clamp(at.end < sentence_start ? 0 : at.end - sentence_start, from, text.size());
  return "<span class=\"sentence\">" + xml_escaped(text.substr(0, from)) + "<mark>" +
         xml_escaped(text.substr(from, to - from)) + "</mark>" + xml_escaped(text.substr(to)) + "</span>";
}

// Shell commands that recount the corpus' figures from the tables.
constexpr const char* kColumnByName = "awk -F'\\t' 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next } ";
const std::string kSumDocuments = std::string(kColumnByName) +
                                  "{ n++; s += $c[\"sentences\"]; b += $c[\"bytes\"] } END { print n, s, b }' "
                                  "documents.tsv   # documents, sentences, bytes";
constexpr const char* kCountWords =
    "tail -n +2 sentences.tsv | cut -f5 | sed 's/\\\\[tnr]/ /g' | LC_ALL=C awk '{ n += NF } END { print n }'   # words";

std::string corpus_section(const CorpusSummary& summary) {
  std::string html = "<section id=\"corpus\"><h2>The corpus</h2><dl class=\"facts\">";
  const auto fact = [&](const std::string& name, const std::string& value, const std::string& how) {
    html += "<div title=\"" + xml_escaped(how) + "\"><dt>" + xml_escaped(name) + "</dt><dd>" + xml_escaped(value) +
            "</dd></div>";
  };
  fact("documents", std::to_string(summary.documents), kSumDocuments);
  fact("sentences", std::to_string(summary.sentences), kSumDocuments);
  fact("words", std::to_string(summary.words), kCountWords);
  fact("bytes", std::to_string(summary.bytes), kSumDocuments);
  if (!summary.first_date.empty())
    fact("dates",
         summary.first_date == summary.last_date ? summary.first_date : summary.first_date + " – " + summary.last_date,
         std::string(kColumnByName) +
             "$c[\"date\"] != \"\" { print $c[\"date\"] }' documents.tsv | sort | sed -n '1p;$p'");
  fact("name mentions", std::to_string(summary.mentions), "tail -n +2 entities.tsv | wc -l");
  fact("quotations", std::to_string(summary.quotations), "tail -n +2 quotes.tsv | wc -l");
  fact("numbers", std::to_string(summary.numbers), "tail -n +2 numbers.tsv | wc -l");
  html += "</dl>";
  html += recount_note(std::string(kSumDocuments) + "\n" + kCountWords);
  if (!summary.documents_by_period.empty()) {
    html += "<h3>Documents per " + xml_escaped(summary.period) + "</h3>";
    html += column_chart(summary.documents_by_period, " documents", "documents per " + summary.period);
    html += recount_note(std::string(kColumnByName) + "{ print substr($c[\"date\"], 1, " +
                         (summary.period == "month" ? "7" : "10") + ") }' documents.tsv | sort | uniq -c");
  }
  if (!summary.outlets.empty()) {
    html += "<h3>Outlets</h3>";
    std::vector<Bar> bars;
    for (std::size_t i = 0; i < summary.outlets.size() && i < 15; ++i) {
      const ValueCount& outlet = summary.outlets[i];
      bars.push_back({outlet.key, outlet.count == 1 ? "document" : "documents", outlet.count,
                      outlet.key + ": " + plural(outlet.count, "document", "documents") +
                          "\n$ tmk-count -c outlet --no-docs documents.tsv",
                      "outlet", ""});
    }
    html += bar_chart(bars, "documents per outlet");
    html += recount_note("tmk-count -c outlet --no-docs documents.tsv");
  }
  html += "<h3>How the tables were made</h3><dl class=\"provenance\">";
  const auto line = [&](const std::string& name, const std::string& value) {
    if (!value.empty()) html += "<dt>" + xml_escaped(name) + "</dt><dd><code>" + xml_escaped(value) + "</code></dd>";
  };
  const Provenance& run = summary.provenance;
  line("tmk", run.version.empty() ? "" : run.version + (run.commit.empty() ? "" : " (" + run.commit + ")"));
  line("command", run.command);
  line("options", run.options);
  line("started", run.started);
  line("finished", run.finished);
  std::string tables;
  for (const auto& table : summary.tables) tables += (tables.empty() ? "" : ", ") + table + ".tsv";
  line("tables", tables);
  if (!run.read)
    html += "<dt>manifest</dt><dd>none (no readable manifest.json)</dd>";
  else if (!run.complete)
    html += "<dt>manifest</dt><dd class=\"warning\">the run did not complete</dd>";
  return html + "</dl></section>";
}

std::string names_section(const CorpusSummary& summary, const DocumentLinks& links) {
  std::string html = "<section id=\"names\"><h2>People, organizations, places</h2>";
  if (summary.names.empty())
    return html + "<p class=\"empty\">No names (entities.tsv is missing or empty).</p></section>";
  const std::string command = "tmk-count -c canonical --by type entities.tsv";
  std::string panels;
  // The four usual types first, then any other type the table holds.
  std::vector<std::string> types = {"PER", "ORG", "LOC", "MISC"};
  for (const NameCount& name : summary.names)
    if (std::find(types.begin(), types.end(), name.type) == types.end()) types.push_back(name.type);
  html += "<div class=\"grid\">";
  for (const std::string& type : types) {
    std::vector<Bar> bars;
    for (std::size_t i = 0; i < summary.names.size(); ++i) {
      const NameCount& name = summary.names[i];
      if (name.type != type) continue;
      const std::string panel = "name-" + std::to_string(i);
      bars.push_back({name.name, "in " + plural(name.docs, "doc", "docs"), name.count,
                      name.name + " (" + name.type + "): " + plural(name.count, "mention", "mentions") + " in " +
                          plural(name.docs, "document", "documents") + "\n$ " + command,
                      "ent-" + name.type, panel});
      panels += "<div class=\"panel\" id=\"" + panel + "\" hidden><h4>" + xml_escaped(name.name) + " <small>" +
                xml_escaped(name.type) + ", " + plural(name.count, "mention", "mentions") + "</small></h4><ul>";
      for (const Example& example : name.examples)
        panels += "<li>" + example_sentence(summary, example, name.name) + " " + links.link(example) + "</li>";
      panels += "</ul></div>";
    }
    if (bars.empty()) continue;
    const char* heading = type_heading(type);
    html += "<div><h3>" + xml_escaped(heading ? heading : type) + "</h3>" + bar_chart(bars, "most mentioned " + type) +
            "</div>";
  }
  html += "</div><p class=\"hint\">Click a bar for the first sentences that name it.</p>";
  html += "<div class=\"panels\">" + panels + "</div>" + recount_note(command);
  if (!summary.names_over_time.empty()) {
    std::vector<std::string> periods;
    for (const auto& [period, documents] : summary.documents_by_period) periods.push_back(period);
    html += "<h3>Over time (mentions per " + xml_escaped(summary.period) + ")</h3><div class=\"multiples\">";
    for (const std::size_t i : summary.names_over_time) {
      const NameCount& name = summary.names[i];
      std::uint64_t peak = 0;
      for (const auto& [period, count] : name.by_period) peak = std::max(peak, count);
      html += "<figure>" + sparkline(periods, name.by_period, "ent-" + name.type, " mentions of " + name.name) +
              "<figcaption>" + xml_escaped(shorten(name.name, 30)) + " <small>" + xml_escaped(periods.front()) +
              " to " + xml_escaped(periods.back()) + ", at most " + std::to_string(peak) +
              "</small></figcaption></figure>";
    }
    html += "</div>" + recount_note(std::string(kColumnByName) + "NR == FNR { d[$1] = substr($c[\"date\"], 1, " +
                                    (summary.period == "month" ? "7" : "10") +
                                    "); next } FNR == 1 { print \"period\\t\" $0; next } { print d[$1] \"\\t\" $0 }' "
                                    "documents.tsv entities.tsv | tmk-count -c period --by canonical");
  }
  return html + "</section>";
}

std::string quotes_section(const CorpusSummary& summary, const DocumentLinks& links) {
  std::string html = "<section id=\"quotes\"><h2>Who is quoted</h2>";
  if (summary.quotations == 0)
    return html + "<p class=\"empty\">No quotations (quotes.tsv is missing or empty).</p></section>";
  html += "<p title=\"" +
          xml_escaped(std::string(kColumnByName) +
                      "{ n++ } $c[\"speaker_canonical\"] != \"\" { s++ } END { print n, s }' quotes.tsv") +
          "\">" + plural(summary.quotations, "quotation", "quotations") + ", " + std::to_string(summary.attributed) +
          " with a speaker.</p>";
  const std::string command = "tmk-count -c speaker_canonical quotes.tsv";
  std::vector<Bar> bars;
  std::string panels;
  for (std::size_t i = 0; i < summary.speakers.size(); ++i) {
    const Speaker& speaker = summary.speakers[i];
    std::string about = speaker.role;
    if (!speaker.org.empty()) about += (about.empty() ? "" : ", ") + speaker.org;
    const std::string panel = "speaker-" + std::to_string(i);
    bars.push_back({speaker.name, about.empty() ? "" : "· " + about, speaker.quotes,
                    speaker.name + ": " + plural(speaker.quotes, "quotation", "quotations") + " in " +
                        plural(speaker.docs, "document", "documents") + "\n$ " + command,
                    "speaker", panel});
    panels += "<div class=\"panel\" id=\"" + panel + "\" hidden><h4>" + xml_escaped(speaker.name);
    if (!about.empty()) panels += " <small>" + xml_escaped(about) + "</small>";
    panels += "</h4><ul class=\"quotations\">";
    for (const QuoteSample& sample : speaker.samples) {
      panels += "<li><blockquote class=\"quote-" + xml_escaped(sample.kind) + "\">" + xml_escaped(sample.quote) +
                "</blockquote><p>" + example_sentence(summary, sample.at, sample.quote) + " " + links.link(sample.at) +
                "</p></li>";
    }
    if (speaker.quotes > speaker.samples.size())
      panels += "<li class=\"more\">… and " + std::to_string(speaker.quotes - speaker.samples.size()) +
                " more in quotes.tsv</li>";
    panels += "</ul></div>";
  }
  html += bar_chart(bars, "speakers by number of quotations");
  html += "<p class=\"hint\">Click a speaker to read their quotations.</p>";
  html += "<div class=\"panels\">" + panels + "</div>" + recount_note(command);
  return html + "</section>";
}

std::string network_section(const CorpusSummary& summary) {
  std::string html = "<section id=\"network\"><h2>Who appears with whom</h2>";
  if (summary.network_edges.empty())
    return html + "<p class=\"empty\">No two of the most mentioned names share a sentence.</p></section>";
  html += "<p>The " + std::to_string(summary.network_nodes.size()) +
          " most mentioned names; a line joins two that share a sentence, labelled with how many sentences.</p>";
  html += network_chart(summary.network_nodes, summary.network_edges, "\n$ tmk-cooc entities.tsv");
  html +=
      "<p class=\"legend\"><span class=\"key ent-PER\"></span>person <span class=\"key ent-ORG\"></span>"
      "organization <span class=\"key ent-LOC\"></span>place <span class=\"key ent-MISC\"></span>other</p>";
  return html + recount_note("tmk-cooc entities.tsv") + "</section>";
}

// A double as tmk writes it (shortest form that reads back the same).
std::string number_text(double value) {
  char buffer[64];
  const auto written = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, written.ptr);
}

std::string numbers_section(const CorpusSummary& summary, const DocumentLinks& links) {
  std::string html = "<section id=\"numbers\"><h2>Numbers</h2>";
  if (summary.number_kinds.empty())
    return html + "<p class=\"empty\">No numbers (numbers.tsv is missing or empty).</p></section>";
  const std::string command = "tmk-count -c kind numbers.tsv";
  std::vector<Bar> bars;
  for (const ValueCount& kind : summary.number_kinds)
    bars.push_back({kind.key, "in " + plural(kind.docs, "doc", "docs"), kind.count,
                    kind.key + ": " + std::to_string(kind.count) + " in " + plural(kind.docs, "document", "documents") +
                        "\n$ " + command,
                    "number", ""});
  html += "<h3>By kind</h3>" + bar_chart(bars, "numbers by kind") + recount_note(command);
  if (!summary.largest_amounts.empty()) {
    html +=
        "<h3>The largest amounts of money</h3><table class=\"amounts\"><thead><tr><th>amount</th><th>value</th>"
        "<th>in context</th><th>document</th></tr></thead><tbody>";
    for (const Amount& amount : summary.largest_amounts) {
      html += "<tr><td class=\"amount\">" + xml_escaped(amount.text) + "</td><td class=\"value\">" +
              xml_escaped(number_text(amount.value)) + " " + xml_escaped(amount.unit) + "</td><td>" +
              example_sentence(summary, amount.at, amount.text) + "</td><td>" + links.link(amount.at) + "</td></tr>";
    }
    html += "</tbody></table>";
    html += recount_note(std::string(kColumnByName) +
                         "$c[\"kind\"] == \"money\"' numbers.tsv | sort -t$'\\t' -k6,6gr | head");
  }
  return html + "</section>";
}

// A sentence of the document view: text split where highlights start and end, each piece
// carrying the classes and labels of the highlights over it (they may overlap: a name in
// a quotation).
std::string highlighted_sentence(const SentenceText& sentence, const std::vector<Highlight>& highlights) {
  const std::size_t begin = sentence.start, end = sentence.start + sentence.text.size();
  std::vector<std::size_t> cuts = {begin, end};
  std::vector<const Highlight*> over;
  for (const Highlight& h : highlights) {
    if (h.end <= begin || h.start >= end) continue;
    over.push_back(&h);
    cuts.push_back(std::clamp(h.start, begin, end));
    cuts.push_back(std::clamp(h.end, begin, end));
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  std::string html;
  for (std::size_t i = 0; i + 1 < cuts.size(); ++i) {
    const std::string piece = sentence.text.substr(cuts[i] - begin, cuts[i + 1] - cuts[i]);
    std::string classes, labels;
    std::size_t first_start = std::string::npos;
    for (const Highlight* h : over) {
      if (h->start > cuts[i] || h->end <= cuts[i]) continue;
      classes += (classes.empty() ? "" : " ") + h->kind;
      labels += (labels.empty() ? "" : "\n") + h->label;
      if (h->start == cuts[i]) first_start = h->start;
    }
    if (classes.empty()) {
      html += xml_escaped(piece);
      continue;
    }
    html += "<span class=\"" + xml_escaped(classes) + "\" title=\"" + xml_escaped(labels) + "\"";
    if (first_start != std::string::npos) html += " data-start=\"" + std::to_string(first_start) + "\"";
    html += ">" + xml_escaped(piece) + "</span>";
  }
  return html;
}

std::string document_section(const CorpusSummary& summary) {
  std::string html = "<section id=\"document\"><h2>Document view</h2>";
  if (summary.shown_documents.empty()) return html + "<p class=\"empty\">No documents to show.</p></section>";
  html += "<p>The " + plural(summary.shown_documents.size(), "document", "documents") +
          " the examples above come from, with names, numbers and quotations highlighted. "
          "<label>Document: <select id=\"doc-select\">";
  for (std::size_t i = 0; i < summary.shown_documents.size(); ++i)
    html += "<option value=\"doc-" + std::to_string(i) + "\">" +
            xml_escaped(shorten(summary.shown_documents[i].doc, 80)) + "</option>";
  html +=
      "</select></label></p><p class=\"legend\"><span class=\"key ent-PER\"></span>person "
      "<span class=\"key ent-ORG\"></span>organization <span class=\"key ent-LOC\"></span>place "
      "<span class=\"key ent-MISC\"></span>other name <span class=\"key number\"></span>number "
      "<span class=\"key quote\"></span>quotation</p>";
  for (std::size_t i = 0; i < summary.shown_documents.size(); ++i) {
    const ShownDocument& doc = summary.shown_documents[i];
    html += "<article class=\"doc\" id=\"doc-" + std::to_string(i) + "\"" + (i == 0 ? "" : " hidden") + "><h3>" +
            xml_escaped(doc.doc) + "</h3>";
    if (doc.sentences.empty()) html += "<p class=\"empty\">No sentences (sentences.tsv is missing).</p>";
    html += "<p>";
    for (std::size_t s = 0; s < doc.sentences.size(); ++s) {
      // A gap of more than one byte between sentences is taken for a paragraph break.
      if (s > 0) {
        const SentenceText& previous = doc.sentences[s - 1];
        html += doc.sentences[s].start > previous.start + previous.text.size() + 1 ? "</p><p>" : " ";
      }
      html += highlighted_sentence(doc.sentences[s], doc.highlights);
    }
    html += "</p></article>";
  }
  return html + "</section>";
}

}  // namespace

std::string render_html_report(const CorpusSummary& summary, const std::string& directory) {
  const DocumentLinks links(summary);
  std::string body =
      "<header><h1>tmk report</h1><p>Tables in <code>" + xml_escaped(directory) +
      "</code>: " + plural(summary.documents, "document", "documents") +
      ". Every count can be recounted from the tables; hover over a figure for the command.</p>"
      "<nav><a href=\"#corpus\">Corpus</a><a href=\"#names\">Names</a><a href=\"#quotes\">Quoted</a>"
      "<a href=\"#network\">With whom</a><a href=\"#numbers\">Numbers</a><a href=\"#document\">Documents</a>"
      "</nav></header><main>";
  body += corpus_section(summary);
  body += names_section(summary, links);
  body += quotes_section(summary, links);
  body += network_section(summary);
  body += numbers_section(summary, links);
  body += document_section(summary);
  body += "</main><footer>Made by tmk-report " + xml_escaped(kVersion) + " from the tables in <code>" +
          xml_escaped(directory) + "</code>.</footer>";

  // The template has a title and a body placeholder, in this order.
  const std::string_view page = resource("report/report.html");
  const auto title_at = page.find("@TITLE@");
  const auto body_at = page.find("@BODY@");
  if (title_at == std::string_view::npos || body_at == std::string_view::npos || body_at < title_at)
    throw std::runtime_error("the report template lacks @TITLE@ or @BODY@");
  std::string html(page.substr(0, title_at));
  html += xml_escaped("tmk report: " + directory);
  html += page.substr(title_at + 7, body_at - title_at - 7);
  html += body;
  html += page.substr(body_at + 6);
  return html;
}

}  // namespace tmk::report
