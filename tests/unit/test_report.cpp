#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "report/corpus_summary.hpp"
#include "report/html_report.hpp"
#include "report/network_layout.hpp"
#include "report/svg_charts.hpp"

namespace {

namespace fs = std::filesystem;

// A tmk-extract directory written by hand: document a is "Ann Lee met Bo. Bo paid $5 now."
// (sentences at 0 and 16), b is "Ann Lee said: yes." with a quotation of the mayor, c has a
// date-less row and no text.
class ExtractDirectory {
 public:
  ExtractDirectory() : path_(fs::temp_directory_path() / ("tmk-report-test-" + std::to_string(::getpid()))) {
    fs::remove_all(path_);
    fs::create_directories(path_);
    write("documents.tsv",
          "doc\tdate\toutlet\tbytes\tsentences\tsha256\n"
          "a\t2020-01-05\tWire\t31\t2\tx\n"
          "b\t2020-01-20T10:00:00Z\tWire\t18\t1\tx\n"
          "c\t\tTimes\t10\t0\tx\n");
    write("sentences.tsv",
          "doc\tsent\tstart\tend\ttext\n"
          "a\t1\t0\t15\tAnn Lee met Bo.\n"
          "a\t2\t16\t31\tBo paid $5 now.\n"
          "b\t1\t0\t18\tAnn Lee said: yes.\n");
    write("entities.tsv",
          "doc\tsent\tstart\tend\ttype\ttext\tcanonical\tsource\n"
          "a\t1\t0\t7\tPER\tAnn Lee\tAnn Lee\tmodel\n"
          "a\t1\t12\t14\tPER\tBo\tBo\tmodel\n"
          "a\t2\t16\t18\tPER\tBo\tBo\tmodel\n"
          "b\t1\t0\t7\tPER\tAnn Lee\tAnn Lee\tmodel\n");
    write("numbers.tsv",
          "doc\tsent\tstart\tend\tkind\tvalue\tunit\tqualifier\tcounted\ttext\n"
          "a\t2\t24\t26\tmoney\t5\tUSD\t\t\t$5\n");
    write("quotes.tsv",
          "doc\tsent\tstart\tend\tkind\tspeaker_canonical\ttext\tspeaker_role\tspeaker_org\n"
          "b\t1\t14\t17\tdirect\tAnn Lee\tyes\tmayor\t\n");
  }
  ~ExtractDirectory() { fs::remove_all(path_); }
  std::string path() const { return path_.string(); }
  void write(const std::string& name, const std::string& text) const { std::ofstream(path_ / name) << text; }

 private:
  fs::path path_;
};

}  // namespace

TEST_CASE("report: the corpus' totals, dates and outlets", "[report]") {
  const ExtractDirectory dir;
  const auto summary = tmk::report::summarize_extract_directory(dir.path(), {});
  CHECK(summary.documents == 3);
  CHECK(summary.bytes == 59);
  CHECK(summary.sentences == 3);
  CHECK(summary.words == 12);  // 4 + 4 + 4
  CHECK(summary.first_date == "2020-01-05");
  CHECK(summary.last_date == "2020-01-20T10:00:00Z");
  CHECK(summary.period == "day");                     // 15 days apart
  REQUIRE(summary.documents_by_period.size() == 16);  // every day from the 5th to the 20th
  CHECK(summary.documents_by_period[1] == std::pair<std::string, std::uint64_t>{"2020-01-06", 0});
  CHECK(summary.documents_by_period[15] == std::pair<std::string, std::uint64_t>{"2020-01-20", 1});
  REQUIRE(summary.outlets.size() == 2);
  CHECK(summary.outlets[0].key == "Wire");
  CHECK(summary.outlets[0].count == 2);
  CHECK(summary.tables == std::vector<std::string>{"documents", "sentences", "entities", "numbers", "quotes"});
  CHECK_FALSE(summary.provenance.read);  // no manifest
}

TEST_CASE("report: months without documents are on the time axis; bad dates are undated", "[report]") {
  const ExtractDirectory dir;
  dir.write("documents.tsv",
            "doc\tdate\n"
            "a\t2020-01-15\n"
            "b\t2020-04-02\n"
            "c\t2020-13-01\n"
            "d\t2020-02-30\n");
  const auto summary = tmk::report::summarize_extract_directory(dir.path(), {});
  CHECK(summary.period == "month");  // 78 days apart
  using Counts = std::vector<std::pair<std::string, std::uint64_t>>;
  // d's day does not exist, but its month does.
  CHECK(summary.documents_by_period == Counts{{"2020-01", 1}, {"2020-02", 1}, {"2020-03", 0}, {"2020-04", 1}});
  CHECK(summary.last_date == "2020-04-02");
}

TEST_CASE("report: names, speakers, numbers and the network", "[report]") {
  const ExtractDirectory dir;
  const auto summary = tmk::report::summarize_extract_directory(dir.path(), {});
  // Two mentions each: a tie broken by name bytes, as tmk-count orders it.
  REQUIRE(summary.names.size() == 2);
  CHECK(summary.names[0].name == "Ann Lee");
  CHECK(summary.names[0].docs == 2);
  CHECK(summary.names[1].name == "Bo");
  CHECK(summary.names[1].docs == 1);
  CHECK(summary.names[0].by_period == std::map<std::string, std::uint64_t>{{"2020-01-05", 1}, {"2020-01-20", 1}});
  CHECK(summary.names[0].examples.size() == 2);
  REQUIRE(summary.speakers.size() == 1);
  CHECK(summary.speakers[0].name == "Ann Lee");
  CHECK(summary.speakers[0].role == "mayor");
  REQUIRE(summary.speakers[0].samples.size() == 1);
  CHECK(summary.speakers[0].samples[0].quote == "yes");
  CHECK(summary.example_sentences.at({"b", 1}).text == "Ann Lee said: yes.");
  REQUIRE(summary.largest_amounts.size() == 1);
  CHECK(summary.largest_amounts[0].value == 5);
  CHECK(summary.largest_amounts[0].unit == "USD");
  REQUIRE(summary.number_kinds.size() == 1);
  CHECK(summary.number_kinds[0].key == "money");
  // Ann Lee and Bo share sentence 1 of a.
  REQUIRE(summary.network_edges.size() == 1);
  CHECK(summary.network_edges[0].count == 1);
  // The quotation's document first, then the amount's.
  REQUIRE(summary.shown_documents.size() == 2);
  CHECK(summary.shown_documents[0].doc == "b");
  CHECK(summary.shown_documents[1].doc == "a");
  CHECK(summary.shown_documents[1].sentences.size() == 2);
  CHECK(summary.shown_documents[1].highlights.size() == 4);  // three names and $5
}

TEST_CASE("report: limits bound what is kept", "[report]") {
  const ExtractDirectory dir;
  tmk::report::ReportLimits limits;
  limits.names_per_type = 1;
  limits.examples_per_name = 1;
  limits.documents_shown = 1;
  const auto summary = tmk::report::summarize_extract_directory(dir.path(), limits);
  REQUIRE(summary.names.size() == 1);
  CHECK(summary.names[0].examples.size() == 1);
  CHECK(summary.shown_documents.size() == 1);
}

TEST_CASE("report: missing tables leave their parts empty; no documents.tsv is an error", "[report]") {
  const ExtractDirectory dir;
  fs::remove(fs::path(dir.path()) / "entities.tsv");
  dir.write("quotes.tsv", "");
  const auto summary = tmk::report::summarize_extract_directory(dir.path(), {});
  CHECK(summary.names.empty());
  CHECK(summary.speakers.empty());
  CHECK(summary.largest_amounts.size() == 1);
  fs::remove(fs::path(dir.path()) / "documents.tsv");
  CHECK_THROWS_WITH(tmk::report::summarize_extract_directory(dir.path(), {}),
                    Catch::Contains("documents.tsv: no such table"));
}

TEST_CASE("report: the page escapes the data and recounts its figures", "[report]") {
  const ExtractDirectory dir;
  dir.write("quotes.tsv",
            "doc\tsent\tstart\tend\tkind\tspeaker_canonical\ttext\n"
            "b\t1\t14\t17\tdirect\t</script><b>&\tyes\n");
  const std::string html =
      tmk::report::render_html_report(tmk::report::summarize_extract_directory(dir.path(), {}), dir.path());
  CHECK(html.find("&lt;/script&gt;&lt;b&gt;&amp;") != std::string::npos);
  CHECK(html.find("</script><b>") == std::string::npos);
  CHECK(html.find("Ann Lee (PER): 2 mentions in 2 documents") != std::string::npos);
  CHECK(html.find("tmk-count -c canonical --by type entities.tsv") != std::string::npos);
  CHECK(html.find("@BODY@") == std::string::npos);
}

TEST_CASE("report: labels are cut on a character boundary", "[report]") {
  CHECK(tmk::report::shorten("short", 10) == "short");
  CHECK(tmk::report::shorten("Zürich", 2) == "Z…");  // not in the middle of ü
}

TEST_CASE("report: the network layout is the same every time and fits the box", "[report]") {
  const std::vector<tmk::report::Edge> edges = {{0, 1, 5}, {1, 2, 1}, {0, 2, 2}};
  const auto first = tmk::report::lay_out_network(5, edges, 700, 500, 40);
  const auto second = tmk::report::lay_out_network(5, edges, 700, 500, 40);
  REQUIRE(first.size() == 5);
  for (std::size_t i = 0; i < first.size(); ++i) {
    CHECK(first[i].x == second[i].x);
    CHECK(first[i].y == second[i].y);
    CHECK(first[i].x >= 40 - 1e-9);
    CHECK(first[i].x <= 660 + 1e-9);
    CHECK(first[i].y >= 40 - 1e-9);
    CHECK(first[i].y <= 460 + 1e-9);
  }
}
