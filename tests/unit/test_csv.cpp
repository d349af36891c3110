#include <catch2/catch.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "tmk/core/csv.hpp"

namespace {

tmk::CsvReader reader_of(const std::string& bytes) {
  return tmk::CsvReader(tmk::ByteSource::from_string(bytes));
}

// The records of `reader` from `first_line` on, each as "LINE: FIELD|FIELD" or "LINE! WHY".
std::vector<std::string> records(tmk::CsvReader& reader, std::size_t first_line = 1) {
  std::vector<std::string> all;
  tmk::CsvRecord record;
  while (reader.next(record, first_line)) {
    std::string shown = std::to_string(record.line);
    if (!record.malformed.empty()) {
      all.push_back(shown + "! " + record.malformed);
      continue;
    }
    shown += ":";
    for (std::size_t i = 0; i < record.fields.size(); ++i) shown += (i == 0 ? " " : "|") + record.fields[i];
    all.push_back(shown);
  }
  return all;
}

}  // namespace

TEST_CASE("csv: quoted fields, doubled quotes, line breaks in quotes, CRLF and a BOM", "[csv]") {
  auto reader = reader_of(
      "\xEF\xBB\xBFid,text\r\n"
      "1,plain words\r\n"
      "2,\"with, a comma\"\r\n"
      "3,\"two\r\nlines\"\r\n"
      "4,\"she said \"\"hi\"\"\"\r\n");
  CHECK(reader.columns() == std::vector<std::string>{"id", "text"});
  CHECK(records(reader) == std::vector<std::string>{"2: 1|plain words", "3: 2|with, a comma", "4: 3|two\r\nlines",
                                                    "6: 4|she said \"hi\""});
}

TEST_CASE("csv: empty fields, blank lines between records, no newline at the end", "[csv]") {
  auto reader = reader_of("a,b\n\n,x\n\"\",\n\"\n\nkept blank lines\",y\n1,2");
  CHECK(records(reader) == std::vector<std::string>{"3: |x", "4: |", "5: \n\nkept blank lines|y", "8: 1|2"});
}

TEST_CASE("csv: a malformed record is reported with its line, never merged into another", "[csv]") {
  auto reader = reader_of(
      "a,b\n"
      "1,2,3\n"
      "x\"y\"z,2\n"
      "\"ab\"c,2\n"
      "good,row\n"
      "short\n"
      "\"open,2\n"
      "more\n");
  CHECK(records(reader) == std::vector<std::string>{
                               "2! 3 field(s) where the header has 2",
                               "3! a quote inside unquoted field 1",
                               "4! text after the closing quote of field 1",
                               "5: good|row",
                               "6! 1 field(s) where the header has 2",
                               "7! a quote opened in this record is not closed before the end of the input",
                           });
}

TEST_CASE("csv: a stray quote runs the record on to the line that closes it, and it is reported", "[csv]") {
  // Records end where the quotes are balanced, so a shard (--lines) finds the same records.
  auto reader = reader_of("a,b\nx\"y,1\nnext,\"2\nlast,3\n");
  CHECK(records(reader) == std::vector<std::string>{"2! a quote inside unquoted field 1", "4: last|3"});
}

TEST_CASE("csv: records before the first line wanted are passed over unparsed", "[csv]") {
  auto reader = reader_of("a,b\n1,\"two\nlines\"\nbad\"\"row\n5,five\n6,six\n");
  CHECK(records(reader, 5) == std::vector<std::string>{"5: 5|five", "6: 6|six"});
  auto from_inside = reader_of("a,b\n1,\"two\nlines\"\n4,four\n");
  CHECK(records(from_inside, 3) == std::vector<std::string>{"4: 4|four"});  // line 3 is inside record 2
}

TEST_CASE("csv: columns are found by name; no header is an error", "[csv]") {
  auto reader = reader_of("id,\"the text\"\n");
  CHECK(reader.require_column("the text") == 1);
  CHECK_THROWS_WITH(reader.require_column("body"), "no column named 'body' (columns: id, the text)");
  CHECK_THROWS_WITH(reader_of(""), Catch::Contains("no header row"));
  CHECK_THROWS_WITH(reader_of("\n\n"), Catch::Contains("no header row"));
}

TEST_CASE("csv: a record of many megabytes comes out whole", "[csv]") {
  std::string text;
  for (int i = 0; i < 200000; ++i) text += "A line, with \"\"quotes\"\".\n";
  auto reader = reader_of("id,text\nbig,\"" + text + "\"\nsmall,x\n");
  tmk::CsvRecord record;
  REQUIRE(reader.next(record));
  REQUIRE(record.malformed.empty());
  CHECK(record.fields[1].size() == text.size() - 2 * 200000);
  CHECK(record.fields[1].starts_with("A line, with \"quotes\".\nA line"));
  REQUIRE(reader.next(record));
  CHECK(record.line == 200003);
  CHECK(record.fields[0] == "small");
}
