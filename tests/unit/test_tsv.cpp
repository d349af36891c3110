#include <catch2/catch.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "tmk/core/tsv.hpp"
#include "tmk/core/utf8.hpp"

TEST_CASE("fields escape backslash, tab, newline and carriage return", "[tsv]") {
  std::string out;
  tmk::append_tsv_escaped(out, "a\\b\tc\nd\re");
  CHECK(out == "a\\\\b\\tc\\nd\\re");
  CHECK(tmk::tsv_unescape(out) == "a\\b\tc\nd\re");
}

TEST_CASE("long fields escape bytes on both sides of every block of sixteen", "[tsv]") {
  const std::string plain = "abcdefghijklmnopqrstuvwxyz0123456789";
  for (std::size_t at = 0; at < plain.size(); ++at) {
    std::string field = plain;
    field[at] = '\t';
    std::string out;
    tmk::append_tsv_escaped(out, field);
    CHECK(out == plain.substr(0, at) + "\\t" + plain.substr(at + 1));
  }
  std::string out;
  tmk::append_tsv_escaped(out, plain);
  CHECK(out == plain);
}

TEST_CASE("a repaired invalid byte prints as U+FFFD", "[tsv]") {
  std::string out;
  tmk::append_tsv_escaped(out, std::string("x") + tmk::kInvalidByte + "y");
  CHECK(out == "x\xEF\xBF\xBDy");
}

TEST_CASE("unescape keeps sequences tmk never writes", "[tsv]") {
  CHECK(tmk::tsv_unescape("a\\qb") == "a\\qb");
  CHECK(tmk::tsv_unescape("trailing\\") == "trailing\\");
}

TEST_CASE("rows join fields with tabs and numbers in the C locale", "[tsv]") {
  std::string out;
  tmk::TsvRow(out).add("doc 1").add(7).add(std::size_t{42}).add(-3).add("t\tx").end();
  CHECK(out == "doc 1\t7\t42\t-3\tt\\tx\n");
  CHECK(tmk::tsv_header({"doc", "start"}) == "doc\tstart\n");
}

TEST_CASE("the TSV reader finds columns by name and pads short rows", "[tsv]") {
  tmk::TsvReader reader(tmk::ByteSource::from_string("doc\ttext\tn\r\nd1\thello\\tworld\t3\r\nd2\tshort\n"), "mem");
  REQUIRE(reader.columns() == std::vector<std::string>{"doc", "text", "n"});
  CHECK(reader.find_column("text") == 1u);
  CHECK_FALSE(reader.find_column("missing"));
  CHECK_THROWS_WITH(reader.require_column("missing"), Catch::Contains("missing") && Catch::Contains("doc, text, n"));
  std::vector<std::string_view> fields;
  REQUIRE(reader.next(fields));
  CHECK(fields[1] == "hello\\tworld");
  CHECK(tmk::tsv_unescape(fields[1]) == "hello\tworld");
  CHECK(fields[2] == "3");  // the CR of a CRLF line is not part of the last field
  REQUIRE(reader.next(fields));
  CHECK(fields.size() == 3);
  CHECK(fields[2].empty());
  CHECK_FALSE(reader.next(fields));
}

TEST_CASE("the TSV reader rejects input without a header", "[tsv]") {
  CHECK_THROWS_AS(tmk::TsvReader(tmk::ByteSource::from_string(""), "mem"), std::runtime_error);
}

TEST_CASE("CSV quotes only the fields that need it and doubles inner quotes", "[tsv]") {
  const tmk::TableLayout layout{tmk::TableFormat::csv, {"a", "b", "c", "d", "e", "f", "g"}};
  CHECK(tmk::table_header(layout) == "a,b,c,d,e,f,g\n");
  std::string out;
  tmk::TsvRow(out, layout)
      .add("\"Hi,\" she said")
      .add("tab\tand\\back")
      .add("line\nbreak")
      .add(" lead")
      .add("")
      .add(12)
      .add_raw("was\\tescaped")
      .end();
  CHECK(out == "\"\"\"Hi,\"\" she said\",tab\tand\\back,\"line\nbreak\",\" lead\",,12,was\tescaped\n");
}

TEST_CASE("JSONL rows are objects keyed by column, with numbers and nulls", "[tsv]") {
  const tmk::TableLayout layout{tmk::TableFormat::jsonl, {"doc", "n", "text", "quote"}};
  CHECK(tmk::table_header(layout).empty());
  std::string out;
  tmk::TsvRow(out, layout).add("d\"1").add(3).add(std::string("a\\b\tc\nd\x01") + tmk::kInvalidByte).add_empty().end();
  CHECK(out == "{\"doc\":\"d\\\"1\",\"n\":3,\"text\":\"a\\\\b\\tc\\nd\\u0001\xEF\xBF\xBD\",\"quote\":null}\n");
  CHECK_THROWS_AS(tmk::TsvRow(out, layout).add("a").add("b").add("c").add("d").add("e"), std::logic_error);
}

TEST_CASE("table formats are named tsv, csv and jsonl", "[tsv]") {
  CHECK(tmk::parse_table_format("jsonl") == tmk::TableFormat::jsonl);
  CHECK(tmk::to_string(tmk::TableFormat::csv) == "csv");
  CHECK_THROWS_AS(tmk::parse_table_format("xlsx"), std::invalid_argument);
}
