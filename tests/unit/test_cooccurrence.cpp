#include <catch2/catch.hpp>
#include <string>

#include "corpus/cooccurrence.hpp"
#include "tmk/core/io.hpp"

namespace {

// Three documents by hand: p holds Ann and Bo in sentence 1 and Ann again with Cy in 3.
const char* const kEntities =
    "doc\tsent\tstart\tend\ttype\ttext\tcanonical\tsource\n"
    "p\t1\t0\t3\tPER\tAnn\tAnn Lee\tmodel\n"
    "p\t1\t8\t10\tPER\tBo\tBo\tmodel\n"
    "p\t1\t15\t18\tPER\tLee\tAnn Lee\talias\n"
    "p\t3\t40\t42\tORG\tCy\tCy Inc\tmodel\n"
    "p\t3\t50\t53\tPER\tAnn\tAnn Lee\talias\n"
    "q\t2\t5\t7\tPER\tBo\tBo\tmodel\n"
    "q\t3\t9\t15\tORG\tCy\t\tmodel\n";

std::string pairs_of(tmk::CooccurrenceOptions options) {
  tmk::TsvReader reader(tmk::ByteSource::from_string(kEntities), "entities");
  tmk::KeyCounter pairs;
  tmk::CooccurrenceCounter(options).count(reader, pairs);
  std::string out;
  tmk::append_count_rows(out, {}, tmk::select_counts(pairs, {}));
  return out;
}

}  // namespace

TEST_CASE("pairs in the same sentence, an entity counted once per sentence", "[cooccurrence]") {
  CHECK(pairs_of({}) == "Ann Lee\tBo\tPER\tPER\t1\t1\nAnn Lee\tCy Inc\tPER\tORG\t1\t1\n");
}

TEST_CASE("pairs within a window of sentences", "[cooccurrence]") {
  tmk::CooccurrenceOptions options;
  options.scope = tmk::CooccurrenceScope::window;
  options.window = 2;
  // p: Ann-Bo (s1); Ann-Cy (s3). q: Bo (s2) and Cy (s3, canonical empty: its text) are 1 apart.
  CHECK(pairs_of(options) == "Ann Lee\tBo\tPER\tPER\t1\t1\nAnn Lee\tCy Inc\tPER\tORG\t1\t1\nBo\tCy\tPER\tORG\t1\t1\n");
  options.window = 3;
  // Now sentences 1 and 3 of p are close enough: Ann (s1) with Cy Inc (s3), Bo (s1) with
  // Ann (s3) and with Cy Inc (s3) count as well.
  CHECK(pairs_of(options) ==
        "Ann Lee\tBo\tPER\tPER\t2\t1\nAnn Lee\tCy Inc\tPER\tORG\t2\t1\nBo\tCy\tPER\tORG\t1\t1\nBo\tCy "
        "Inc\tPER\tORG\t1\t1\n");
}

TEST_CASE("pairs in the same document", "[cooccurrence]") {
  tmk::CooccurrenceOptions options;
  options.scope = tmk::CooccurrenceScope::document;
  CHECK(pairs_of(options) ==
        "Ann Lee\tBo\tPER\tPER\t1\t1\nAnn Lee\tCy Inc\tPER\tORG\t1\t1\nBo\tCy\tPER\tORG\t1\t1\nBo\tCy "
        "Inc\tPER\tORG\t1\t1\n");
}

TEST_CASE("graphs name nodes once and escape XML", "[cooccurrence]") {
  tmk::KeyCounter pairs;
  pairs.add_totals("A & B\tC\tORG\tPER", 2, 1);
  std::string out;
  tmk::append_graph(out, tmk::select_counts(pairs, {}), tmk::GraphFormat::graphml);
  CHECK(out.find("<data key=\"label\">A &amp; B</data>") != std::string::npos);
  CHECK(out.find("<edge source=\"n0\" target=\"n1\"><data key=\"weight\">2</data><data key=\"docs\">1</data>") !=
        std::string::npos);
}

TEST_CASE("a bad sentence number is an error naming the line", "[cooccurrence]") {
  tmk::TsvReader reader(tmk::ByteSource::from_string("doc\tsent\ttype\tcanonical\nd\tx\tPER\tAnn\n"), "e");
  tmk::KeyCounter pairs;
  CHECK_THROWS_WITH(tmk::CooccurrenceCounter({}).count(reader, pairs), Catch::Contains("line 2"));
}
