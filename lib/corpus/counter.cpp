#include "corpus/counter.hpp"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cstring>
#include <map>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "cli/parallel.hpp"
#include "core/diagnostics.hpp"
#include "core/hash.hpp"
#include "tmk/core/io.hpp"

namespace tmk {

namespace {

constexpr std::size_t kArenaBlock = 1 << 20;
constexpr std::size_t kInitialSlots = 1 << 12;

std::uint64_t load64(const char* p) {
  std::uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

// A fast 64-bit hash (multiply-xorshift over 8-byte words, murmur's finalizer). Keys are
// short; this is several times faster than std::hash's byte loop on them.
std::uint64_t hash_bytes(std::string_view key) {
  constexpr std::uint64_t kMul = 0x9E3779B97F4A7C15ull;
  std::uint64_t h = key.size() * kMul;
  const char* p = key.data();
  std::size_t n = key.size();
  for (; n >= 8; p += 8, n -= 8) {
    h = (h ^ load64(p)) * kMul;
    h ^= h >> 29;
  }
  if (n > 0) {
    std::uint64_t tail = 0;
    std::memcpy(&tail, p, n);
    h = (h ^ tail) * kMul;
  }
  return mix64(h);
}

std::uint64_t parse_count(std::string_view field, std::string_view column, const TsvReader& reader) {
  std::uint64_t value = 0;
  const auto result = std::from_chars(field.data(), field.data() + field.size(), value);
  if (field.empty() || result.ec != std::errc() || result.ptr != field.data() + field.size())
    throw std::runtime_error("line " + std::to_string(reader.line_number()) + ": " + std::string(column) +
                             " is not a count: '" + std::string(field) + "'");
  return value;
}

// The first `fields` TAB-separated fields of a key (its group), without the TAB after them.
std::string_view leading_fields(std::string_view key, std::size_t fields) {
  std::size_t end = 0;
  for (std::size_t i = 0; i < fields; ++i) {
    const auto tab = key.find('\t', end);
    if (tab == std::string_view::npos) return key;
    end = tab + 1;
  }
  return key.substr(0, end == 0 ? 0 : end - 1);
}

}  // namespace

KeyCounter::KeyCounter() : slots_(kInitialSlots) {}
KeyCounter::~KeyCounter() = default;
KeyCounter::KeyCounter(KeyCounter&&) noexcept = default;
KeyCounter& KeyCounter::operator=(KeyCounter&&) noexcept = default;

const char* KeyCounter::store(std::string_view key) {
  if (key.size() > arena_left_) {
    const std::size_t block = std::max(kArenaBlock, key.size());
    arena_.push_back(std::make_unique<char[]>(block));
    arena_next_ = arena_.back().get();
    arena_left_ = block;
  }
  char* at = arena_next_;
  if (!key.empty()) std::memcpy(at, key.data(), key.size());
  arena_next_ += key.size();
  arena_left_ -= key.size();
  return at;
}

void KeyCounter::grow() {
  std::vector<Slot> old(slots_.size() * 2);
  old.swap(slots_);
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (!slot.used) continue;
    std::size_t i = slot.hash & mask;
    while (slots_[i].used) i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

KeyCounter::Slot& KeyCounter::slot_for(std::string_view key) {
  const std::uint64_t hash = hash_bytes(key);
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = hash & mask;
  for (;;) {
    Slot& slot = slots_[i];
    if (!slot.used) break;
    if (slot.hash == hash && slot.key() == key) return slot;
    i = (i + 1) & mask;
  }
  if (key.size() > UINT32_MAX) throw std::runtime_error("key longer than 4 GB");
  // Keep the table at most half full, so probe runs stay short.
  if (2 * (used_ + 1) > slots_.size()) {
    grow();
    return slot_for(key);
  }
  Slot& slot = slots_[i];
  slot.used = true;
  slot.size = static_cast<std::uint32_t>(key.size());
  if (key.size() <= kInlineKey)
    std::memcpy(slot.inline_bytes, key.data(), key.size());
  else
    slot.stored = store(key);
  slot.hash = hash;
  ++used_;
  return slot;
}

std::uint64_t KeyCounter::add_row(std::string_view key) {
  Slot& slot = slot_for(key);
  ++slot.count;
  if (slot.last_document != document_) {
    slot.last_document = document_;
    ++slot.docs;
  }
  return slot.count;
}

void KeyCounter::add_totals(std::string_view key, std::uint64_t count, std::uint64_t docs) {
  Slot& slot = slot_for(key);
  slot.count += count;
  slot.docs += docs;
}

void KeyCounter::merge(const KeyCounter& other) {
  for (const Slot& slot : other.slots_)
    if (slot.used) add_totals(slot.key(), slot.count, slot.docs);
}

std::vector<KeyCount> KeyCounter::entries() const {
  std::vector<KeyCount> all;
  all.reserve(used_);
  for (const Slot& slot : slots_)
    if (slot.used) all.push_back({slot.key(), slot.count, slot.docs});
  return all;
}

KeyCounter& PerThreadCounters::local() {
  const std::lock_guard lock(mutex_);
  auto& counter = counters_[std::this_thread::get_id()];
  if (!counter) counter = std::make_unique<KeyCounter>();
  return *counter;
}

KeyCounter PerThreadCounters::sum() {
  const std::lock_guard lock(mutex_);
  KeyCounter total;
  for (const auto& [id, counter] : counters_) total.merge(*counter);
  counters_.clear();
  return total;
}

std::vector<KeyCount> select_counts(const KeyCounter& counter, const CountSelection& selection) {
  std::vector<KeyCount> counts = counter.entries();
  if (selection.min_count > 0) std::erase_if(counts, [&](const KeyCount& c) { return c.count < selection.min_count; });
  const std::size_t group_fields = selection.group_fields;
  const auto group = [&](const KeyCount& c) { return leading_fields(c.key, group_fields); };
  std::sort(counts.begin(), counts.end(), [&](const KeyCount& a, const KeyCount& b) {
    if (group_fields > 0) {
      const std::string_view ga = group(a), gb = group(b);
      if (ga != gb) return ga < gb;
    }
    if (a.count != b.count) return a.count > b.count;
    return a.key < b.key;
  });
  if (selection.top == 0) return counts;
  std::vector<KeyCount> kept;
  std::uint64_t in_group = 0;
  for (std::size_t i = 0; i < counts.size(); ++i) {
    if (i == 0 || group(counts[i]) != group(counts[i - 1])) in_group = 0;
    if (++in_group <= selection.top) kept.push_back(counts[i]);
  }
  return kept;
}

void append_count_rows(std::string& out, const TableLayout& layout, const std::vector<KeyCount>& counts,
                       bool with_docs) {
  std::vector<std::string_view> key_fields;
  for (const KeyCount& c : counts) {
    TsvRow row(out, layout);
    if (layout.format == TableFormat::tsv) {
      row.add_raw(c.key);  // the key is its fields already joined by tabs
    } else {
      split_tsv_line(c.key, key_fields);
      for (const std::string_view field : key_fields) row.add_raw(field);
    }
    row.add(c.count);
    if (with_docs) row.add(c.docs);
    row.end();
  }
}

namespace {
// A source whose first byte was already read (to see whether the input is empty).
class PushedBackSource final : public ByteSource {
 public:
  PushedBackSource(char first, std::unique_ptr<ByteSource> rest) : first_(first), rest_(std::move(rest)) {}
  std::size_t read(char* buffer, std::size_t n) override {
    if (!pending_ || n == 0) return rest_->read(buffer, n);
    pending_ = false;
    buffer[0] = first_;
    return 1;
  }

 private:
  char first_;
  bool pending_ = true;
  std::unique_ptr<ByteSource> rest_;
};
}  // namespace

std::unique_ptr<TsvReader> open_tsv(const std::string& path) {
  std::unique_ptr<ByteSource> source = ByteSource::open(path);
  char first;
  if (source->read(&first, 1) == 0) return nullptr;
  return std::make_unique<TsvReader>(std::make_unique<PushedBackSource>(first, std::move(source)), path);
}

void for_each_tsv_input(const std::vector<std::string>& inputs, const std::function<void(TsvReader&)>& read_one) {
  for (const auto& path : inputs) {
    try {
      if (const auto reader = open_tsv(path)) read_one(*reader);
    } catch (const std::exception& e) {
      diag::error(path, e.what());
    }
  }
}

KeyCounter count_inputs(const std::vector<std::string>& inputs, unsigned jobs,
                        const std::function<void(TsvReader&, KeyCounter&)>& count_one) {
  const std::vector<std::string>& paths = inputs;
  if (jobs == 0) jobs = default_jobs();
  jobs = static_cast<unsigned>(std::max<std::size_t>(1, std::min<std::size_t>(jobs, paths.size())));
  std::vector<KeyCounter> counters(jobs);
  std::atomic<std::size_t> next{0};
  const auto work = [&](KeyCounter& counter) {
    for (std::size_t i; (i = next++) < paths.size();) {
      try {
        const auto reader = open_tsv(paths[i]);
        if (!reader) continue;
        counter.start_document();
        count_one(*reader, counter);
      } catch (const std::exception& e) {
        diag::error(paths[i], e.what());
      }
    }
  };
  if (jobs == 1) {
    work(counters[0]);
    return std::move(counters[0]);
  }
  std::vector<std::thread> threads;
  for (auto& counter : counters) threads.emplace_back(work, std::ref(counter));
  for (auto& thread : threads) thread.join();
  // Sums do not depend on which thread counted what, so the result is the same for any --jobs.
  for (std::size_t i = 1; i < counters.size(); ++i) counters[0].merge(counters[i]);
  return std::move(counters[0]);
}

namespace {
// A column by header name, or by number from 1 when no column has that name.
std::size_t column_index(const TsvReader& reader, std::string_view column) {
  if (const auto found = reader.find_column(column)) return *found;
  std::size_t number = 0;
  const char* end = column.data() + column.size();
  const auto read = std::from_chars(column.data(), end, number);
  if (read.ec == std::errc() && read.ptr == end && number >= 1 && number <= reader.columns().size()) return number - 1;
  return reader.require_column(column);  // throws, naming the columns there are
}
}  // namespace

RowKeys::RowKeys(const TsvReader& reader, const std::vector<std::string>& key_columns, std::string_view doc_column) {
  if (key_columns.empty()) throw std::invalid_argument("no key columns to count");
  for (const auto& column : key_columns) {
    key_indexes_.push_back(column_index(reader, column));
    names_.push_back(reader.columns()[key_indexes_.back()]);
  }
  if (!doc_column.empty()) doc_index_ = column_index(reader, doc_column);
}

void RowKeys::count_all(TsvReader& reader, KeyCounter& counter) const {
  std::vector<std::string_view> fields;
  std::string joined, key_and_doc;
  KeyCounter seen;  // "key TAB doc" pairs: escaped fields hold no TAB, so a pair is unambiguous
  while (reader.next(fields)) {
    std::string_view key = fields[key_indexes_[0]];
    if (key_indexes_.size() > 1) {
      joined.clear();
      for (std::size_t i = 0; i < key_indexes_.size(); ++i) {
        if (i > 0) joined.push_back('\t');
        joined.append(fields[key_indexes_[i]]);
      }
      key = joined;
    }
    bool new_document = false;
    if (doc_index_) {
      key_and_doc.assign(key).append(1, '\t').append(fields[*doc_index_]);
      new_document = seen.add_row(key_and_doc) == 1;
    }
    counter.add_totals(key, 1, new_document ? 1 : 0);
  }
}

KeyCounter count_rows(const std::vector<std::string>& inputs, unsigned jobs,
                      const std::vector<std::string>& key_columns, std::string_view doc_column,
                      std::vector<std::string>& key_names) {
  std::mutex mutex;
  std::map<std::string, std::vector<std::string>> names_by_input;
  KeyCounter counter = count_inputs(inputs, jobs, [&](TsvReader& reader, KeyCounter& into) {
    const RowKeys keys(reader, key_columns, doc_column);
    {
      const std::lock_guard lock(mutex);
      names_by_input.emplace(reader.where(), keys.names());
    }
    keys.count_all(reader, into);
  });
  key_names = key_columns;
  for (const std::string& input : inputs)
    if (const auto found = names_by_input.find(input); found != names_by_input.end()) {
      key_names = found->second;
      break;
    }
  return counter;
}

namespace {

std::vector<std::string> count_table_keys(const TsvReader& reader, const std::vector<std::string>& group_columns) {
  reader.require_column("count");
  reader.require_column("docs");
  std::vector<std::string> keys;
  for (const auto& column : group_columns) {
    reader.require_column(column);
    keys.push_back(column);
  }
  for (const auto& column : reader.columns())
    if (column != "count" && column != "docs" && std::find(keys.begin(), keys.end(), column) == keys.end())
      keys.push_back(column);
  return keys;
}

void merge_count_table(TsvReader& reader, const std::vector<std::string>& key_columns, KeyCounter& counter) {
  std::vector<std::size_t> key_indexes;
  for (const auto& column : key_columns) key_indexes.push_back(reader.require_column(column));
  const std::size_t count_index = reader.require_column("count");
  const std::size_t docs_index = reader.require_column("docs");
  std::vector<std::string_view> fields;
  std::string key;
  while (reader.next(fields)) {
    key.clear();
    for (std::size_t i = 0; i < key_indexes.size(); ++i) {
      if (i > 0) key.push_back('\t');
      key.append(fields[key_indexes[i]]);
    }
    counter.add_totals(key, parse_count(fields[count_index], "count", reader),
                       parse_count(fields[docs_index], "docs", reader));
  }
}

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& name : names) out += (out.empty() ? "" : ", ") + name;
  return out;
}

// Throws unless a table's key columns `keys` are `expected`, in any order; `whose` names where
// the expected ones come from.
void require_key_columns(const std::vector<std::string>& keys, const std::vector<std::string>& expected,
                         const std::string& whose) {
  std::vector<std::string> sorted_keys = keys, sorted_expected = expected;
  std::sort(sorted_keys.begin(), sorted_keys.end());
  std::sort(sorted_expected.begin(), sorted_expected.end());
  if (sorted_keys != sorted_expected)
    throw std::runtime_error("key columns (" + joined(keys) + ") differ from " + whose + " (" + joined(expected) + ")");
}

}  // namespace

KeyCounter merge_count_tables(const std::vector<std::string>& inputs, unsigned jobs,
                              const std::vector<std::string>& group_columns, std::vector<std::string>& key_columns) {
  // The key columns, and so the output's column order, are those of the first input in
  // argument order that has a header: not of whichever thread happens to read a header first.
  key_columns.clear();
  KeyCounter total;
  std::size_t first = 0;
  std::string first_path;
  for (; first < inputs.size() && key_columns.empty(); ++first) {
    try {
      const auto reader = open_tsv(inputs[first]);
      if (!reader) continue;
      std::vector<std::string> keys = count_table_keys(*reader, group_columns);
      total.start_document();
      merge_count_table(*reader, keys, total);
      key_columns = std::move(keys);
      first_path = inputs[first];
    } catch (const std::exception& e) {
      diag::error(inputs[first], e.what());
    }
  }
  const std::vector<std::string> rest(inputs.begin() + static_cast<std::ptrdiff_t>(first), inputs.end());
  if (rest.empty()) return total;
  total.merge(count_inputs(rest, jobs, [&](TsvReader& reader, KeyCounter& counter) {
    require_key_columns(count_table_keys(reader, group_columns), key_columns, first_path + "'s");
    merge_count_table(reader, key_columns, counter);
  }));
  return total;
}

KeyCounter merge_tables_with_keys(const std::vector<std::string>& inputs, unsigned jobs,
                                  const std::vector<std::string>& key_columns, std::string_view tool) {
  return count_inputs(inputs, jobs, [&](TsvReader& reader, KeyCounter& counter) {
    require_key_columns(count_table_keys(reader, {}), key_columns, "those of " + std::string(tool));
    merge_count_table(reader, key_columns, counter);
  });
}

}  // namespace tmk
