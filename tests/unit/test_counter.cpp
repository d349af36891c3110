#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "corpus/counter.hpp"
#include "tmk/core/io.hpp"

namespace {

std::string rows_of(const tmk::KeyCounter& counter, tmk::CountSelection selection = {}) {
  std::string out;
  tmk::append_count_rows(out, {}, tmk::select_counts(counter, selection));
  return out;
}

tmk::TsvReader reader_over(std::string text) {
  return tmk::TsvReader(tmk::ByteSource::from_string(std::move(text)), "test");
}

}  // namespace

TEST_CASE("keys are counted by rows and by documents", "[counter]") {
  tmk::KeyCounter counter;
  counter.add_row("river");
  counter.add_row("river");
  counter.add_row("hill");
  counter.start_document();
  counter.add_row("river");
  CHECK(counter.size() == 2);
  CHECK(rows_of(counter) == "river\t3\t2\nhill\t1\t1\n");
}

TEST_CASE("ties in count are ordered by key bytes", "[counter]") {
  tmk::KeyCounter counter;
  for (const char* key : {"b", "a", "B", "a b", "ab"}) counter.add_row(key);
  CHECK(rows_of(counter) == "B\t1\t1\na\t1\t1\na b\t1\t1\nab\t1\t1\nb\t1\t1\n");
}

TEST_CASE("the table grows past its first size without losing counts", "[counter]") {
  tmk::KeyCounter counter;
  for (int round = 0; round < 3; ++round)
    for (int i = 0; i < 20000; ++i) counter.add_row("key" + std::to_string(i));
  REQUIRE(counter.size() == 20000);
  for (const auto& entry : counter.entries()) CHECK(entry.count == 3);
}

TEST_CASE("merging sums counts and docs", "[counter]") {
  tmk::KeyCounter left, right;
  left.add_row("x");
  left.add_row("y");
  right.add_row("x");
  right.start_document();
  right.add_row("x");
  left.merge(right);
  CHECK(rows_of(left) == "x\t3\t3\ny\t1\t1\n");
  left.add_totals("y", 10, 4);
  CHECK(rows_of(left) == "y\t11\t5\nx\t3\t3\n");
}

TEST_CASE("top and min select within groups", "[counter]") {
  tmk::KeyCounter counter;
  const std::vector<std::string> keys = {"PER\tAnn",  "PER\tAnn",  "PER\tBo", "ORG\tAcme",
                                         "ORG\tAcme", "ORG\tAcme", "ORG\tZed"};
  for (const auto& key : keys) counter.add_row(key);
  tmk::CountSelection selection;
  selection.group_fields = 1;
  selection.top = 1;
  CHECK(rows_of(counter, selection) == "ORG\tAcme\t3\t1\nPER\tAnn\t2\t1\n");
  selection = {};
  selection.min_count = 2;
  CHECK(rows_of(counter, selection) == "ORG\tAcme\t3\t1\nPER\tAnn\t2\t1\n");
}

TEST_CASE("rows are keyed by escaped fields, documents by distinct values of the doc column", "[counter]") {
  auto reader = reader_over("doc\tword\tkind\nd1\ta\\tb\tw\nd1\tc\tw\nd2\ta\\tb\tw\nd1\ta\\tb\tw\n");
  tmk::KeyCounter counter;
  tmk::RowKeys(reader, {"word", "kind"}, "doc").count_all(reader, counter);
  // d1 comes back after d2: the same document.
  CHECK(rows_of(counter) == "a\\tb\tw\t3\t2\nc\tw\t1\t1\n");
}

TEST_CASE("columns are found by name, else by number from 1", "[counter]") {
  auto reader = reader_over("doc\t1\tkind\nd1\ta\tw\n");
  const tmk::RowKeys keys(reader, {"3", "1"}, "1");  // column 3; the column named "1"; doc by "1" too
  CHECK(keys.names() == std::vector<std::string>{"kind", "1"});
  tmk::KeyCounter counter;
  keys.count_all(reader, counter);
  CHECK(rows_of(counter) == "w\ta\t1\t1\n");
  CHECK_THROWS_WITH(tmk::RowKeys(reader, {"4"}, ""), Catch::Contains("'4'"));
}

TEST_CASE("without a doc column, rows are counted and docs are not", "[counter]") {
  auto reader = reader_over("word\na\nb\na\n");
  tmk::KeyCounter counter;
  tmk::RowKeys(reader, {"word"}, "").count_all(reader, counter);
  CHECK(rows_of(counter) == "a\t2\t0\nb\t1\t0\n");
}

TEST_CASE("a missing column names itself and the columns there are", "[counter]") {
  auto reader = reader_over("doc\tword\nd1\ta\n");
  CHECK_THROWS_WITH(tmk::RowKeys(reader, {"lemma"}, "doc"), Catch::Contains("'lemma'") && Catch::Contains("doc, word"));
}

TEST_CASE("per-thread counters sum to the counts of one counter", "[counter]") {
  tmk::PerThreadCounters counters;
  const auto count_documents = [&](int first) {
    for (int doc = first; doc < 40; doc += 2) {
      tmk::KeyCounter& counter = counters.local();
      counter.start_document();
      counter.add_row("every");
      counter.add_row("key" + std::to_string(doc % 3));
    }
  };
  std::thread even(count_documents, 0), odd(count_documents, 1);
  even.join();
  odd.join();
  // 40 documents; doc % 3 == 0 for 14 of them, 1 and 2 for 13 each.
  CHECK(rows_of(counters.sum()) == "every\t40\t40\nkey0\t14\t14\nkey1\t13\t13\nkey2\t13\t13\n");
}

TEST_CASE("an input without a single byte holds no rows", "[counter]") {
  const std::string path = std::string(TMK_TEST_DATA) + "/corp-entities.tsv";
  CHECK(tmk::open_tsv(path) != nullptr);
  CHECK(tmk::open_tsv("/dev/null") == nullptr);
  CHECK_THROWS(tmk::open_tsv("/no/such/file.tsv"));
}

TEST_CASE("a tool's count tables are summed; one with other key columns fails alone", "[counter]") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("tmk-merge-keys-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const auto write = [&](const std::string& name, const std::string& text) {
    tmk::write_file_atomically((dir / name).string(), text);
    return (dir / name).string();
  };
  // Columns in another order are the same columns; counts and docs add up.
  const std::string first = write("first.tsv", "ngram\tn\tcount\tdocs\nrain fell\t2\t3\t2\nsun\t1\t1\t1\n");
  const std::string second = write("second.tsv", "n\tngram\tcount\tdocs\n2\train fell\t4\t1\n");
  const std::string other = write("other.tsv", "token\tcount\tdocs\nsun\t9\t9\n");
  const tmk::KeyCounter sum = tmk::merge_tables_with_keys({first, second, other}, 2, {"ngram", "n"}, "tmk-ngrams");
  CHECK(rows_of(sum) == "rain fell\t2\t7\t3\nsun\t1\t1\t1\n");
  fs::remove_all(dir);
}
