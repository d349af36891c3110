#pragma once
// Counting keys in TSV rows: how many rows hold each key and in how many documents.
// Keys are the escaped bytes of the key fields (joined by TAB), counted and written back
// as they are: no unescaping, and the output is exact. Memory grows with the distinct
// keys, not with the rows.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

#include "tmk/core/tsv.hpp"

namespace tmk {

struct KeyCount {
  std::string_view key;  // escaped fields joined by TAB
  std::uint64_t count = 0;
  std::uint64_t docs = 0;
};

// An open-addressing hash table from key bytes to counts; keys live in an arena, so
// adding a key seen before allocates nothing.
class KeyCounter {
 public:
  KeyCounter();
  ~KeyCounter();
  KeyCounter(KeyCounter&&) noexcept;
  KeyCounter& operator=(KeyCounter&&) noexcept;

  // Rows added after this belong to a new document. A key's `docs` grows once per
  // document it is seen in, so a document's rows must come together (as tmk writes them).
  void start_document() { ++document_; }
  // One row holding `key` in the current document. Returns how many rows have held it so
  // far (1: it is new).
  std::uint64_t add_row(std::string_view key);
  // Totals counted elsewhere (merging): both are summed.
  void add_totals(std::string_view key, std::uint64_t count, std::uint64_t docs);
  // Sums `other` into this counter.
  void merge(const KeyCounter& other);

  std::size_t size() const { return used_; }
  std::vector<KeyCount> entries() const;

 private:
  // One cache line. Keys up to kInlineKey bytes live in the slot itself, so looking up a
  // short key touches one line of memory, not two.
  static constexpr std::size_t kInlineKey = 20;
  struct alignas(64) Slot {
    std::uint64_t hash = 0;
    std::uint64_t count = 0;
    std::uint64_t docs = 0;
    std::uint64_t last_document = 0;
    std::uint32_t size = 0;
    bool used = false;
    union {
      const char* stored;  // in the arena, when longer than kInlineKey
      char inline_bytes[kInlineKey];
    };
    std::string_view key() const { return {size <= kInlineKey ? inline_bytes : stored, size}; }
  };
  Slot& slot_for(std::string_view key);
  void grow();
  const char* store(std::string_view key);

  std::vector<Slot> slots_;
  std::size_t used_ = 0;
  std::uint64_t document_ = 1;
  std::vector<std::unique_ptr<char[]>> arena_;
  std::size_t arena_left_ = 0;
  char* arena_next_ = nullptr;
};

// One KeyCounter per thread, for counting inside tmk::process_documents workers without a
// lock per key: a document is counted whole by one thread, so summing the counters gives
// exact counts and docs, the same for any number of threads.
class PerThreadCounters {
 public:
  // The calling thread's counter (made on first use).
  KeyCounter& local();
  // The sum of all of them; call once the threads are done.
  KeyCounter sum();

 private:
  std::mutex mutex_;
  std::unordered_map<std::thread::id, std::unique_ptr<KeyCounter>> counters_;
};

// Which counted keys to print and in what order.
struct CountSelection {
  // The first `group_fields` fields of a key form its group (--by): groups come in key
  // byte order, and `top` applies within each group.
  std::size_t group_fields = 0;
  std::uint64_t top = 0;        // 0: all
  std::uint64_t min_count = 0;  // keys counted fewer times are left out
};

// Ordered by group bytes, then count (descending), then key bytes.
std::vector<KeyCount> select_counts(const KeyCounter& counter, const CountSelection& selection);

// Appends one row per key in the format of `layout`: the key's fields, count, and docs unless
// `with_docs` is false. Key fields are written as text (JSON strings), counts as numbers.
void append_count_rows(std::string& out, const TableLayout& layout, const std::vector<KeyCount>& counts,
                       bool with_docs = true);

// Opens a TSV input ("-" is stdin); nothing for an input without a single byte (no header),
// which holds no rows. Throws std::runtime_error when it cannot be opened.
std::unique_ptr<TsvReader> open_tsv(const std::string& path);

// Runs `read_one` on each input in order ("-" is stdin); an input that
// fails is reported (tmk::diag::error, naming it) and the next one is read.
void for_each_tsv_input(const std::vector<std::string>& inputs, const std::function<void(TsvReader&)>& read_one);

// Runs `count_one` over each input ("-" is stdin) on up to `jobs` threads,
// each thread with its own counter, and sums them. An input that fails is reported
// (tmk::diag::error, naming it) and the others are still counted. Every input starts a
// new document.
KeyCounter count_inputs(const std::vector<std::string>& inputs, unsigned jobs,
                        const std::function<void(TsvReader&, KeyCounter&)>& count_one);

// The key fields of rows: the columns `key_columns` and the document column `doc_column`
// (none when empty: docs are not counted), each found by header name or, when no column has
// that name, by its number from 1.
class RowKeys {
 public:
  RowKeys(const TsvReader& reader, const std::vector<std::string>& key_columns, std::string_view doc_column);
  // The header names of the key columns.
  const std::vector<std::string>& names() const { return names_; }
  // Counts every row of `reader` into `counter`. A key's docs are the distinct values of the
  // document column in its rows, whatever their order (rows sorted by key count the same);
  // this keeps one entry per distinct key and document while `reader` is read.
  void count_all(TsvReader& reader, KeyCounter& counter) const;

 private:
  std::vector<std::size_t> key_indexes_;
  std::vector<std::string> names_;
  std::optional<std::size_t> doc_index_;
};

// Counts the rows of `inputs` (tmk-count): count_inputs with RowKeys on each input.
// `key_names` receives the header names of the key columns in the first input (in argument
// order) that was read, whatever thread read it; `key_columns` when none was.
KeyCounter count_rows(const std::vector<std::string>& inputs, unsigned jobs,
                      const std::vector<std::string>& key_columns, std::string_view doc_column,
                      std::vector<std::string>& key_names);

// Sums tables written by tmk-count (key columns, count, docs). The key columns are a
// table's columns other than count and docs, `group_columns` first, in the order of the first
// input (in argument order) that has a header; every other input must have the same ones (in
// any order), else it is reported as failed. `key_columns` receives them (empty when no input
// had a header). The result does not depend on `jobs`.
KeyCounter merge_count_tables(const std::vector<std::string>& inputs, unsigned jobs,
                              const std::vector<std::string>& group_columns, std::vector<std::string>& key_columns);

// Sums the count tables of `tool` (tmk-ngrams, tmk-cooc), whose key columns are `key_columns`:
// an input with other key columns is reported as failed (naming it) and the others are summed.
KeyCounter merge_tables_with_keys(const std::vector<std::string>& inputs, unsigned jobs,
                                  const std::vector<std::string>& key_columns, std::string_view tool);

}  // namespace tmk
