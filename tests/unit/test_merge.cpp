#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "cli/merge.hpp"
#include "cli/table_dir.hpp"
#include "tmk/core/io.hpp"

namespace fs = std::filesystem;
using tmk::cli::Json;
using tmk::cli::LineRange;

TEST_CASE("a line range is FIRST-LAST or FIRST- (to the end), counted from 1", "[merge]") {
  CHECK(tmk::cli::parse_line_range("1-10") == LineRange{1, 10});
  CHECK(tmk::cli::parse_line_range("7-7") == LineRange{7, 7});
  CHECK(tmk::cli::parse_line_range("11-") == LineRange{11, LineRange{}.last});
  for (const char* bad : {"", "5", "0-3", "4-2", "-3", "1-x", "1-2-3", " 1-2"})
    CHECK_FALSE(tmk::cli::parse_line_range(bad));
}

TEST_CASE("line ranges overlap when they share a line", "[merge]") {
  CHECK(tmk::cli::ranges_overlap({1, 10}, {10, 20}));
  CHECK_FALSE(tmk::cli::ranges_overlap({1, 10}, {11, 20}));
  CHECK(tmk::cli::ranges_overlap({5, 6}, LineRange{}));  // a whole file holds every line
  CHECK_FALSE(tmk::cli::ranges_overlap({21, 30}, {1, 20}));
}

namespace {

Json manifest() {
  return Json::parse(R"({
    "tmk": {"version": "0.1.0", "commit": "abc", "model_sha256": "m", "resources_sha256": "r"},
    "options": {"tables": ["documents"], "format": "tsv", "kind": [], "lines": "1-10"},
    "tables": {"documents": {"file": "documents.tsv", "format": "tsv", "rows": 3, "sha256": "x",
                             "columns": ["doc", "bytes"]}}})");
}

}  // namespace

TEST_CASE("shards agree when only their lines, rows and checksums differ", "[merge]") {
  Json other = manifest();
  other["options"]["lines"] = "11-20";
  other["tables"]["documents"]["rows"] = 5;
  other["tables"]["documents"]["sha256"] = "y";
  CHECK_FALSE(tmk::cli::first_difference(manifest(), other));
  other["options"].erase("lines");
  CHECK_FALSE(tmk::cli::first_difference(manifest(), other));
}

TEST_CASE("the first difference between shards names the field and both values", "[merge]") {
  Json other = manifest();
  other["tmk"]["commit"] = "def";
  other["options"]["kind"] = {"money"};
  auto difference = tmk::cli::first_difference(manifest(), other);
  REQUIRE(difference);
  CHECK(difference->field == "tmk.commit");
  CHECK(difference->first == "\"abc\"");
  CHECK(difference->second == "\"def\"");

  other = manifest();
  other["options"]["kind"] = {"money"};
  difference = tmk::cli::first_difference(manifest(), other);
  REQUIRE(difference);
  CHECK(difference->field == "options.kind");
  CHECK(difference->second == "[\"money\"]");

  other = manifest();
  other["options"]["date"] = "2016-01-01";  // a key only one of them has
  difference = tmk::cli::first_difference(manifest(), other);
  REQUIRE(difference);
  CHECK(difference->field == "options.date");
  CHECK(difference->first == "null");

  other = manifest();
  other["tables"]["documents"]["columns"] = {"doc", "outlet", "bytes"};
  difference = tmk::cli::first_difference(manifest(), other);
  REQUIRE(difference);
  CHECK(difference->field == "tables.documents.columns");

  other = manifest();
  other["tables"]["quotes"] = {{"file", "quotes.tsv"}, {"format", "tsv"}};
  difference = tmk::cli::first_difference(manifest(), other);
  REQUIRE(difference);
  CHECK(difference->field == "tables.quotes");
  CHECK(difference->first == "null");
  CHECK(difference->second == "\"quotes.tsv\"");
}

TEST_CASE("rows are counted across pieces cut anywhere, a quoted CSV newline not ending one", "[merge]") {
  tmk::cli::RowCounter csv(tmk::TableFormat::csv);
  csv.add("a,b\n1,\"two\n");  // the piece ends inside a quoted field holding a newline
  csv.add("lines\"\n2,x");
  csv.add("\n");
  CHECK(csv.rows() == 3);
  tmk::cli::RowCounter tsv(tmk::TableFormat::tsv);
  tsv.add("a\tb\n1\t");
  tsv.add("\"x\n");
  CHECK(tsv.rows() == 2);
}

TEST_CASE("a table file appears under its name only when finished, with its rows and sha256", "[merge]") {
  const fs::path dir = fs::temp_directory_path() / ("tmk-table-file-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  {
    tmk::cli::TableFile file(dir, "documents.tsv", tmk::TableFormat::tsv);
    file.write("doc\tbytes\n");
    file.write("a\t3\n");
    CHECK(fs::exists(dir / ".documents.tsv.partial"));
    CHECK_FALSE(fs::exists(dir / "documents.tsv"));
    REQUIRE(file.finish());
    CHECK(file.rows() == 2);
    // as sha256sum gives it for the 14 bytes written
    CHECK(file.sha256() == "074f496c5fb70bd5efbf9eb97873614afc8fdb658c84f5762bdfb01c5bba9cfa");
  }
  CHECK(tmk::read_all(*tmk::ByteSource::open((dir / "documents.tsv").string())) == "doc\tbytes\na\t3\n");
  {
    tmk::cli::TableFile unfinished(dir, "quotes.tsv", tmk::TableFormat::tsv);
    unfinished.write("doc\n");
  }
  CHECK_FALSE(fs::exists(dir / ".quotes.tsv.partial"));
  CHECK_FALSE(fs::exists(dir / "quotes.tsv"));
  fs::remove_all(dir);
}
