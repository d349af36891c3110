#pragma once
// A directory of tables and their manifest, as tmk-extract -o and tmk-merge -o write it. Each
// table is written under a temporary name (.NAME.partial) and renamed when complete, the
// manifest last, so that a run that is killed or fails leaves no file under its final name
// that is not whole.
#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/sha256.hpp"
#include "tmk/core/tsv.hpp"

namespace tmk::cli {

using Json = nlohmann::ordered_json;

// Counts the rows of a table handed over in pieces that may end anywhere, even inside a row.
// Every row ends with a newline; only a quoted CSV field can hold one too (TSV and JSON escape
// it), and a newline is outside quotes after an even number of quote marks (an inner quote is
// doubled).
class RowCounter {
 public:
  explicit RowCounter(TableFormat format) : format_(format) {}
  void add(std::string_view bytes);
  std::uint64_t rows() const { return rows_; }  // the header included

 private:
  TableFormat format_;
  bool quoted_ = false;
  std::uint64_t rows_ = 0;
};

// One table of the directory: written to ".FILE.partial" and renamed to FILE by finish(). A
// write error is kept, not thrown, because it happens in the middle of the ordered output; the
// caller stops producing rows and reports it at the end. Unless finished, the temporary file
// is removed when the object goes.
class TableFile {
 public:
  TableFile(const std::filesystem::path& dir, const std::string& file, TableFormat format);
  ~TableFile();
  TableFile(const TableFile&) = delete;
  TableFile& operator=(const TableFile&) = delete;

  void write(std::string_view bytes);
  // Makes the table durable and gives it its final name. False, with error() set, if not.
  bool finish();

  bool failed() const { return !error_.empty(); }
  const std::string& error() const { return error_; }
  const std::filesystem::path& path() const { return final_; }
  std::uint64_t rows() const { return rows_.rows(); }  // the header included
  // The sha256 of the bytes written, once finish() succeeded.
  const std::string& sha256() const { return sha256_; }

 private:
  std::filesystem::path final_;
  std::filesystem::path partial_;
  int fd_ = -1;
  std::string error_;
  RowCounter rows_;
  Sha256 hash_;
  std::string sha256_;
  bool finished_ = false;
};

// The time now as the manifest records it (2026-01-31T12:00:00Z).
std::string utc_now();

// The manifest's "tmk" block: this build's version, source commit and checksums of the entity
// model and of all built-in resources.
Json build_provenance();

// Removes what an earlier run left in `dir`: the manifest first, so that no manifest names a
// table this run is replacing, then the tables (kExtractTables in every format) and
// temporary files.
void clear_previous_run(const std::filesystem::path& dir);

// Writes `text` to DIR/NAME through a temporary name. Returns false with the problem reported
// (diag::error).
bool write_whole_file(const std::filesystem::path& dir, const std::string& name, const std::string& text);

}  // namespace tmk::cli
