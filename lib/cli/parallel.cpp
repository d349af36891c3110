#include "cli/parallel.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

#include "core/diagnostics.hpp"

namespace tmk {

namespace {

// Documents are handed to workers in batches of about this many bytes, so that many short
// documents (one per line) do not cost a lock each.
constexpr std::size_t kBatchBytes = 1 << 18;
constexpr std::size_t kBatchDocuments = 512;
// Output is passed on once this much has piled up (single-threaded path).
constexpr std::size_t kFlushBytes = 1 << 16;

// Tables a run may write; a fixed bound keeps run_one from allocating per document.
constexpr std::size_t kMaxTables = 8;

// A document whose processing throws leaves no rows in any table.
void run_one(const TablesProcessor& process, const Document& doc, std::vector<std::string>& outs) {
  std::array<std::size_t, kMaxTables> marks;
  for (std::size_t i = 0; i < outs.size(); ++i) marks[i] = outs[i].size();
  try {
    process(doc, outs);
  } catch (const std::exception& e) {
    for (std::size_t i = 0; i < outs.size(); ++i) outs[i].resize(marks[i]);
    diag::error(doc.id, e.what());
  }
}

std::size_t total_size(const std::vector<std::string>& outs) {
  std::size_t size = 0;
  for (const std::string& out : outs) size += out.size();
  return size;
}

void clear_all(std::vector<std::string>& outs) {
  for (std::string& out : outs) out.clear();
}

// Counts the documents handed out and, once a run has taken a few seconds, shows the count
// as a progress line once a second (diag::progress shows it only on a terminal).
class ProgressMeter {
 public:
  ~ProgressMeter() { diag::end_progress(); }
  void document_started(std::size_t bytes) {
    ++documents_;
    bytes_ += bytes;
    const auto now = Clock::now();
    if (now < next_report_) return;
    next_report_ = now + std::chrono::seconds(1);
    diag::progress(std::to_string(documents_) + " documents" +
                   (bytes_ > 0 ? ", " + std::to_string(bytes_ >> 20) + " MB" : std::string()) + " read");
  }

 private:
  using Clock = std::chrono::steady_clock;
  std::size_t documents_ = 0;
  std::size_t bytes_ = 0;
  Clock::time_point next_report_ = Clock::now() + std::chrono::seconds(3);
};

struct Batch {
  std::vector<Document> docs;
  std::vector<std::string> outs;  // one per table
  bool done = false;
};

}  // namespace

unsigned default_jobs() {
  const unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : n;
}

void run_tasks(const std::vector<std::function<void()>>& tasks, unsigned jobs) {
  if (jobs == 0) jobs = default_jobs();
  std::vector<std::exception_ptr> errors(tasks.size());
  std::atomic<std::size_t> next{0};
  const auto work = [&] {
    for (std::size_t i; (i = next++) < tasks.size();) {
      try {
        tasks[i]();
      } catch (...) {
        errors[i] = std::current_exception();
      }
    }
  };
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < std::min<std::size_t>(jobs, tasks.size()); ++t) threads.emplace_back(work);
  work();
  for (auto& thread : threads) thread.join();
  for (const auto& error : errors)
    if (error) std::rethrow_exception(error);
}

void process_documents(DocumentReader& reader, unsigned jobs, const DocumentProcessor& process, Output& output) {
  process_documents(reader, jobs, process, [&](std::string_view rows) { output.write(rows); });
}

void process_documents(DocumentReader& reader, unsigned jobs, const DocumentProcessor& process,
                       const OutputSink& output) {
  process_documents(
      reader, jobs, 1, [&](const Document& doc, std::span<std::string> outs) { process(doc, outs[0]); },
      [&](std::span<const std::string> rows) { output(rows[0]); });
}

void process_documents(DocumentReader& reader, unsigned jobs, std::size_t tables, const TablesProcessor& process,
                       const TablesSink& output) {
  if (tables == 0 || tables > kMaxTables) throw std::invalid_argument("process_documents: 1 to 8 tables");
  if (jobs == 0) jobs = default_jobs();
  if (jobs == 1) {
    Document doc;
    std::vector<std::string> outs(tables);
    ProgressMeter progress;
    while (reader.next(doc)) {
      progress.document_started(doc.text.size());
      run_one(process, doc, outs);
      if (total_size(outs) >= kFlushBytes) {
        output(outs);
        clear_all(outs);
      }
    }
    output(outs);
    return;
  }

  std::mutex mutex;
  std::condition_variable work_ready;
  std::condition_variable batch_done;
  std::deque<Batch*> todo;                    // batches waiting for a worker
  std::deque<std::unique_ptr<Batch>> window;  // batches in input order, not yet written
  std::vector<std::unique_ptr<Batch>> spare;  // written batches, for reuse (main thread only)
  bool stop = false;

  std::vector<std::thread> workers;
  for (unsigned i = 0; i < jobs; ++i) {
    workers.emplace_back([&] {
      std::string buffer;
      for (;;) {
        Batch* batch;
        {
          std::unique_lock lock(mutex);
          work_ready.wait(lock, [&] { return stop || !todo.empty(); });
          if (todo.empty()) return;
          batch = todo.front();
          todo.pop_front();
        }
        for (Document& doc : batch->docs) {
          // A file read here goes into this worker's buffer, which keeps its memory from one
          // file to the next: freeing and allocating per file made the kernel, not tmk, the
          // bottleneck. So a worker holds one loaded document at a time.
          const bool unread = doc.unread;
          if (unread) doc.text.swap(buffer);
          if (reader.load(doc)) run_one(process, doc, batch->outs);
          if (unread) doc.text.swap(buffer);
        }
        batch->docs.clear();
        {
          const std::lock_guard lock(mutex);
          batch->done = true;
        }
        batch_done.notify_all();
      }
    });
  }

  // Writes finished batches from the front of the window; with `wait`, first waits until
  // the window has room for another batch.
  const std::size_t max_in_flight = 2 * static_cast<std::size_t>(jobs);
  auto write_finished = [&](bool wait_for_room, bool drain) {
    for (;;) {
      std::unique_ptr<Batch> front;
      {
        std::unique_lock lock(mutex);
        if (wait_for_room || drain) {
          batch_done.wait(lock, [&] {
            if (window.empty()) return true;
            if (window.front()->done) return true;
            return !drain && window.size() < max_in_flight;
          });
        }
        if (window.empty() || !window.front()->done) return;
        front = std::move(window.front());
        window.pop_front();
      }
      output(front->outs);
      // Recycled, so the output buffers keep their capacity: fresh multi-megabyte buffers
      // for every batch cost page faults that took away the gain of a second core.
      clear_all(front->outs);
      front->done = false;
      spare.push_back(std::move(front));
      wait_for_room = false;
    }
  };
  auto new_batch = [&] {
    if (spare.empty()) {
      auto fresh = std::make_unique<Batch>();
      fresh->outs.resize(tables);
      return fresh;
    }
    auto batch = std::move(spare.back());
    spare.pop_back();
    return batch;
  };

  auto submit = [&](std::unique_ptr<Batch> batch) {
    write_finished(true, false);
    {
      const std::lock_guard lock(mutex);
      todo.push_back(batch.get());
      window.push_back(std::move(batch));
    }
    work_ready.notify_one();
  };

  auto batch = new_batch();
  std::size_t batch_bytes = 0;
  Document doc;
  ProgressMeter progress;
  reader.defer_file_reading(true);
  while (reader.next(doc)) {
    progress.document_started(doc.text.size());  // 0 for a file a worker reads
    // An unread file counts as a short article, so a batch holds a few dozen of them.
    batch_bytes += doc.unread ? kBatchBytes / 64 : doc.text.size();
    batch->docs.push_back(std::move(doc));
    doc = Document();
    if (batch_bytes >= kBatchBytes || batch->docs.size() >= kBatchDocuments) {
      submit(std::move(batch));
      batch = new_batch();
      batch_bytes = 0;
    }
  }
  if (!batch->docs.empty()) submit(std::move(batch));
  write_finished(false, true);
  {
    const std::lock_guard lock(mutex);
    stop = true;
  }
  work_ready.notify_all();
  for (auto& worker : workers) worker.join();
}

}  // namespace tmk
