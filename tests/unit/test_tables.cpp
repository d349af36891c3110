#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "cli/tables.hpp"

TEST_CASE("kept fields go right after doc in a table's columns", "[tables]") {
  CHECK(tmk::cli::with_kept_fields({"doc", "sent", "text"}, {"date", "outlet"}) ==
        std::vector<std::string>{"doc", "date", "outlet", "sent", "text"});
  CHECK(tmk::cli::with_kept_fields({"doc", "sent"}, {}) == std::vector<std::string>{"doc", "sent"});
}

TEST_CASE("a row starts with the document id and its kept fields, escaped", "[tables]") {
  const std::string text = "Rain.\tSun.";
  const std::vector<tmk::Span> sentences = {{0, 5}, {6, 10}};
  const std::vector<std::string> fields = {"2016-03-04", "Daily\tPost"};
  std::string out;
  tmk::cli::add_sentence_rows(out, {}, {"d1", fields}, text, sentences);
  CHECK(out ==
        "d1\t2016-03-04\tDaily\\tPost\t1\t0\t5\tRain.\n"
        "d1\t2016-03-04\tDaily\\tPost\t2\t6\t10\tSun.\n");
  out.clear();
  tmk::cli::add_sentence_rows(out, {}, {"d1", {}}, text, sentences);
  CHECK(out == "d1\t1\t0\t5\tRain.\nd1\t2\t6\t10\tSun.\n");
}

namespace {

tmk::NumberMention number(std::size_t start, std::size_t end, tmk::NumberKind kind, std::string value,
                          std::string unit) {
  tmk::NumberMention mention;
  mention.start = start;
  mention.end = end;
  mention.kind = kind;
  mention.value = std::move(value);
  mention.unit = std::move(unit);
  return mention;
}

}  // namespace

TEST_CASE("number rows keep only the kinds asked for", "[tables]") {
  const std::string text = "It cost $5 in 2016.";
  const std::vector<tmk::NumberMention> mentions = {number(8, 10, tmk::NumberKind::money, "5", "USD"),
                                                    number(14, 18, tmk::NumberKind::year, "2016", "")};
  std::string out;
  tmk::cli::add_number_rows(out, {}, {"d", {}}, text, mentions, {"year"});
  CHECK(out == "d\t1\t14\t18\tyear\t2016\t\t\t\t2016\n");
  out.clear();
  tmk::cli::add_number_rows(out, {}, {"d", {}}, text, mentions, {});
  CHECK(out == "d\t1\t8\t10\tmoney\t5\tUSD\t\t\t$5\nd\t1\t14\t18\tyear\t2016\t\t\t\t2016\n");
}
