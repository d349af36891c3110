#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <limits>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "tmk/core/reader.hpp"
#include "tmk/core/utf8.hpp"

namespace fs = std::filesystem;

namespace {

// A fresh directory under the system's temporary directory, removed at the end of the test.
struct TempDir {
  fs::path path;
  TempDir() {
    path =
        fs::temp_directory_path() / ("tmk-reader-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
  std::string write(const std::string& name, const std::string& bytes) const {
    const fs::path file = path / name;
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << bytes;
    return file.string();
  }
  static inline int counter = 0;
};

std::vector<tmk::Document> read_all(std::vector<std::string> inputs, tmk::InputOptions options = {}) {
  tmk::DocumentReader reader(std::move(inputs), std::move(options));
  std::vector<tmk::Document> docs;
  tmk::Document doc;
  while (reader.next(doc)) docs.push_back(doc);
  return docs;
}

}  // namespace

TEST_CASE("a directory is walked in byte order of paths, hidden entries skipped", "[reader]") {
  TempDir dir;
  dir.write("b.txt", "B");
  dir.write("a/z.txt", "AZ");
  dir.write("a-c.txt", "AC");  // '-' sorts before '/', so a-c.txt comes before a/z.txt
  dir.write(".hidden.txt", "H");
  dir.write(".git/config", "G");
  const auto docs = read_all({dir.path.string()});
  REQUIRE(docs.size() == 3);
  CHECK(docs[0].text == "AC");
  CHECK(docs[1].text == "AZ");
  CHECK(docs[2].text == "B");
  CHECK(docs[2].id == (dir.path / "b.txt").string());
}

TEST_CASE("a missing file is an error and the other inputs are still read", "[reader]") {
  TempDir dir;
  const auto good = dir.write("good.txt", "text");
  const bool errors_before = tmk::diag::any_error();
  const auto docs = read_all({(dir.path / "missing.txt").string(), good});
  REQUIRE(docs.size() == 1);
  CHECK(docs[0].id == good);
  CHECK(tmk::diag::any_error());
  (void)errors_before;
}

TEST_CASE("input format lines gives one document per line with PATH:LINE ids", "[reader]") {
  TempDir dir;
  const auto file = dir.write("l.txt", "first line\r\n\nthird\n");
  tmk::InputOptions options;
  options.format = tmk::InputFormat::lines;
  const auto docs = read_all({file}, options);
  REQUIRE(docs.size() == 3);
  CHECK(docs[0].id == file + ":1");
  CHECK(docs[0].text == "first line");  // CRLF: the CR is not part of the document
  CHECK(docs[1].text.empty());
  CHECK(docs[2].id == file + ":3");
}

TEST_CASE("input format jsonl takes the text and id fields; bad lines are skipped", "[reader]") {
  TempDir dir;
  const auto file = dir.write("d.jsonl",
                              "{\"id\": \"x1\", \"body\": \"Tab\\there \\u00e9\"}\n"
                              "not json\n"
                              "\n"
                              "{\"id\": 7, \"body\": \"seven\"}\n"
                              "{\"id\": \"x3\"}\n");
  tmk::InputOptions options;
  options.format = tmk::InputFormat::jsonl;
  options.text_field = "body";
  options.id_field = "id";
  const auto docs = read_all({file}, options);
  REQUIRE(docs.size() == 2);
  CHECK(docs[0].id == "x1");
  CHECK(docs[0].text == "Tab\there \xC3\xA9");
  CHECK(docs[1].id == "7");
  CHECK(docs[1].text == "seven");
}

TEST_CASE("input format tsv finds the text column by name and unescapes it", "[reader]") {
  TempDir dir;
  const auto file = dir.write("d.tsv", "id\ttext\nA\tline one\\nline two\nB\tsecond\n");
  tmk::InputOptions options;
  options.format = tmk::InputFormat::tsv;
  const auto docs = read_all({file}, options);
  REQUIRE(docs.size() == 2);
  CHECK(docs[0].id == file + ":2");
  CHECK(docs[0].text == "line one\nline two");
  options.id_column = "id";
  CHECK(read_all({file}, options)[1].id == "B");
}

TEST_CASE("a date field or column is copied into the document", "[reader]") {
  TempDir dir;
  const auto jsonl = dir.write("d.jsonl",
                               "{\"text\": \"one\", \"day\": \"2016-08-18\"}\n"
                               "{\"text\": \"two\"}\n"
                               "{\"text\": \"three\", \"day\": 20160818}\n");
  tmk::InputOptions options;
  options.format = tmk::InputFormat::jsonl;
  options.date_field = "day";
  const auto docs = read_all({jsonl}, options);
  REQUIRE(docs.size() == 3);
  CHECK(docs[0].date == "2016-08-18");
  CHECK(docs[1].date.empty());  // absent: no date
  CHECK(docs[2].date.empty());  // not a string: no date
  const auto tsv = dir.write("d.tsv", "text\tday\nfour\t2015-01-02\n");
  options.format = tmk::InputFormat::tsv;
  CHECK(read_all({tsv}, options)[0].date == "2015-01-02");
}

TEST_CASE("invalid UTF-8 is repaired, or skipped with --strict", "[reader]") {
  TempDir dir;
  const auto bad = dir.write("bad.txt", "ok \xFF end");
  const auto good = dir.write("good.txt", "fine");
  auto docs = read_all({bad, good});
  REQUIRE(docs.size() == 2);
  CHECK(docs[0].text == std::string("ok ") + tmk::kInvalidByte + " end");
  tmk::InputOptions strict;
  strict.strict = true;
  docs = read_all({bad, good}, strict);
  REQUIRE(docs.size() == 1);
  CHECK(docs[0].id == good);
}

TEST_CASE("an empty file is a document with no text", "[reader]") {
  TempDir dir;
  const auto docs = read_all({dir.write("empty.txt", "")});
  REQUIRE(docs.size() == 1);
  CHECK(docs[0].text.empty());
}

TEST_CASE("read_path_list skips blank lines", "[reader]") {
  TempDir dir;
  const auto list = dir.write("list", "a.txt\n\nb.txt\r\n");
  CHECK(tmk::read_path_list(list) == std::vector<std::string>{"a.txt", "b.txt"});
}

TEST_CASE("a --files-from list is read after the arguments, blank lines skipped", "[reader]") {
  TempDir dir;
  const auto a = dir.write("a.txt", "A");
  const auto b = dir.write("b.txt", "B");
  const auto list = dir.write("list", b + "\n\n" + a + "\r\n");
  tmk::DocumentReader reader({a}, {}, list);
  std::vector<std::string> texts;
  tmk::Document doc;
  while (reader.next(doc)) texts.push_back(doc.text);
  CHECK(texts == std::vector<std::string>{"A", "B", "A"});
}

TEST_CASE("an empty --files-from list reads nothing, not standard input", "[reader]") {
  TempDir dir;
  tmk::DocumentReader reader({}, {}, dir.write("list", ""));
  tmk::Document doc;
  CHECK_FALSE(reader.next(doc));
}

TEST_CASE("deferred reading hands out file names and load() reads them", "[reader]") {
  TempDir dir;
  const auto good = dir.write("good.txt", "text \xFF");
  const auto gone = (dir.path / "gone.txt").string();
  tmk::InputOptions strict;
  strict.strict = true;
  tmk::DocumentReader reader({good, gone, good}, strict);
  reader.defer_file_reading(true);
  tmk::Document doc;
  REQUIRE(reader.next(doc));
  CHECK(doc.unread);
  CHECK(doc.id == good);
  CHECK(doc.text.empty());
  CHECK_FALSE(reader.load(doc));  // invalid UTF-8 under --strict
  REQUIRE(reader.next(doc));
  CHECK_FALSE(reader.load(doc));  // missing: reported when it is loaded
  tmk::DocumentReader lenient({good}, {});
  lenient.defer_file_reading(true);
  REQUIRE(lenient.next(doc));
  REQUIRE(lenient.load(doc));
  CHECK_FALSE(doc.unread);
  CHECK(doc.text == std::string("text ") + tmk::kInvalidByte);
}

TEST_CASE("kept fields are copied into the document in the order asked", "[reader]") {
  TempDir dir;
  const auto jsonl = dir.write("d.jsonl",
                               "{\"text\": \"one\", \"outlet\": \"Post\", \"page\": 4, \"tags\": [\"a\"]}\n"
                               "{\"text\": \"two\", \"outlet\": null}\n");
  tmk::InputOptions options;
  options.format = tmk::InputFormat::jsonl;
  options.keep_fields = {"page", "outlet", "tags"};
  const auto docs = read_all({jsonl}, options);
  REQUIRE(docs.size() == 2);
  CHECK(docs[0].fields == std::vector<std::string>{"4", "Post", "[\"a\"]"});
  CHECK(docs[1].fields == std::vector<std::string>{"", "", ""});

  const auto tsv = dir.write("d.tsv", "text\toutlet\tpage\none\tDaily\\tPost\t4\n");
  options.format = tmk::InputFormat::tsv;
  options.keep_fields = {"page", "outlet"};
  CHECK(read_all({tsv}, options)[0].fields == std::vector<std::string>{"4", "Daily\tPost"});
}

TEST_CASE("input format csv: ids from the line a record starts on, fields decoded", "[reader]") {
  TempDir dir;
  const auto file = dir.write(
      "d.csv", "outlet,text,day\r\nDaily,\"One, two.\r\nThree.\",\r\n\"The \"\"Post\"\"\",Four.,2015-01-02\r\n");
  tmk::InputOptions options;
  options.format = tmk::InputFormat::csv;
  options.keep_fields = {"outlet"};
  options.date_field = "day";
  const auto docs = read_all({file}, options);
  REQUIRE(docs.size() == 2);
  CHECK(docs[0].id == file + ":2");
  CHECK(docs[0].text == "One, two.\r\nThree.");
  CHECK(docs[0].fields == std::vector<std::string>{"Daily"});
  CHECK(docs[1].id == file + ":4");
  CHECK(docs[1].text == "Four.");
  CHECK(docs[1].fields == std::vector<std::string>{"The \"Post\""});
  CHECK(docs[1].date == "2015-01-02");
  options.id_column = "outlet";
  options.keep_fields.clear();
  CHECK(read_all({file}, options)[1].id == "The \"Post\"");
}

TEST_CASE("a line range (--lines) reads the documents that start on its lines, ids unchanged", "[reader]") {
  TempDir dir;
  tmk::InputOptions options;
  options.first_line = 3;
  options.last_line = 4;
  const auto ids = [&](const std::string& file) {
    std::vector<std::string> all;
    for (const auto& doc : read_all({file}, options)) all.push_back(doc.id.substr(file.size()) + " " + doc.text);
    return all;
  };
  options.format = tmk::InputFormat::lines;
  CHECK(ids(dir.write("d.txt", "one\ntwo\nthree\nfour\nfive\n")) == std::vector<std::string>{":3 three", ":4 four"});
  options.format = tmk::InputFormat::jsonl;
  // Lines outside the range are not parsed, so not reported either.
  CHECK(ids(dir.write("d.jsonl", "oops\n{\"text\":\"b\"}\n{\"text\":\"c\"}\n\n{\"text\":\"e\"}\n")) ==
        std::vector<std::string>{":3 c"});
  options.format = tmk::InputFormat::tsv;
  CHECK(ids(dir.write("d.tsv", "text\nb\nc\nd\ne\n")) == std::vector<std::string>{":3 c", ":4 d"});
  options.format = tmk::InputFormat::csv;
  // The record of lines 2-3 starts before the range; the one of lines 4-5 starts inside it.
  CHECK(ids(dir.write("d.csv", "text\n\"b\nb\"\n\"d\nd\"\nf\n")) == std::vector<std::string>{":4 d\nd"});
  options.last_line = std::numeric_limits<std::size_t>::max();
  CHECK(ids(dir.write("e.csv", "text\n\"b\nb\"\n\"d\nd\"\nf\n")) == std::vector<std::string>{":4 d\nd", ":6 f"});
}
