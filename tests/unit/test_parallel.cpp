#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "cli/parallel.hpp"

namespace fs = std::filesystem;

namespace {

// Runs `process` over the lines of a generated file with the given number of jobs and
// returns what was written to standard output (captured through a temporary file).
std::string run_with_jobs(const std::string& input, unsigned jobs, const tmk::DocumentProcessor& process) {
  tmk::InputOptions options;
  options.format = tmk::InputFormat::lines;
  tmk::DocumentReader reader({input}, options);
  const fs::path out_path = fs::temp_directory_path() / ("tmk-parallel-out-" + std::to_string(::getpid()));
  std::fflush(stdout);
  const int saved = ::dup(1);
  std::FILE* out = std::fopen(out_path.c_str(), "w");
  ::dup2(::fileno(out), 1);
  {
    tmk::Output output;
    tmk::process_documents(reader, jobs, process, output);
  }
  ::dup2(saved, 1);
  ::close(saved);
  std::fclose(out);
  std::ifstream in(out_path, std::ios::binary);
  std::string result((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  fs::remove(out_path);
  return result;
}

}  // namespace

TEST_CASE("output is identical and in input order whatever the job count", "[parallel]") {
  const fs::path input = fs::temp_directory_path() / ("tmk-parallel-in-" + std::to_string(::getpid()));
  {
    std::ofstream file(input);
    // Documents of very different sizes, so workers finish out of order.
    for (int i = 0; i < 5000; ++i)
      file << "doc" << i << ' ' << std::string(static_cast<std::size_t>(i % 97) * 50, 'x') << '\n';
  }
  const tmk::DocumentProcessor process = [](const tmk::Document& doc, std::string& out) {
    if (doc.id.ends_with(":13")) throw std::runtime_error("this document fails");
    out += doc.id;
    out += '\t';
    out += std::to_string(doc.text.size());
    out += '\n';
  };
  const std::string one = run_with_jobs(input, 1, process);
  CHECK(one.rfind(input.string() + ":1\t", 0) == 0);
  CHECK(one.find(":13\t") == std::string::npos);  // the failing document's rows are dropped
  CHECK(one.find(":14\t") != std::string::npos);
  CHECK(std::count(one.begin(), one.end(), '\n') == 4999);
  CHECK(run_with_jobs(input, 2, process) == one);
  CHECK(run_with_jobs(input, 4, process) == one);
  fs::remove(input);
}

TEST_CASE("several tables come out each in input order whatever the job count", "[parallel]") {
  const fs::path input = fs::temp_directory_path() / ("tmk-parallel-tables-" + std::to_string(::getpid()));
  {
    std::ofstream file(input);
    for (int i = 0; i < 3000; ++i) file << std::string(static_cast<std::size_t>(i % 89) * 40, 'x') << '\n';
  }
  const tmk::TablesProcessor process = [](const tmk::Document& doc, std::span<std::string> outs) {
    outs[0] += doc.id + '\n';
    if (doc.id.ends_with(":7")) throw std::runtime_error("this document fails");  // after writing a row
    outs[1] += std::to_string(doc.text.size()) + '\n';
  };
  const auto run = [&](unsigned jobs) {
    tmk::InputOptions options;
    options.format = tmk::InputFormat::lines;
    tmk::DocumentReader reader({input.string()}, options);
    std::vector<std::string> tables(2);
    tmk::process_documents(reader, jobs, 2, process, [&](std::span<const std::string> rows) {
      for (std::size_t i = 0; i < rows.size(); ++i) tables[i] += rows[i];
    });
    return tables;
  };
  const std::vector<std::string> one = run(1);
  CHECK(one[0].rfind(input.string() + ":1\n" + input.string() + ":2\n", 0) == 0);
  CHECK(one[0].find(":7\n") == std::string::npos);  // the failing document leaves no row in any table
  CHECK(std::count(one[0].begin(), one[0].end(), '\n') == 2999);
  CHECK(std::count(one[1].begin(), one[1].end(), '\n') == 2999);
  CHECK(one[1].rfind("0\n40\n80\n120\n160\n200\n280\n", 0) == 0);
  CHECK(run(2) == one);
  CHECK(run(3) == one);
  fs::remove(input);
}
