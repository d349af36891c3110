#pragma once
// Runs a per-document function on all cores and writes the results in input order, so the
// output is byte-identical whatever the number of jobs.
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cli/output.hpp"
#include "tmk/core/document.hpp"
#include "tmk/core/reader.hpp"

namespace tmk {

// Appends the rows for one document to `out`. Called concurrently from several threads:
// it must not touch shared mutable state. An exception is reported as an error for that
// document (its rows are dropped) and the run goes on.
using DocumentProcessor = std::function<void(const Document& doc, std::string& out)>;

// jobs == 0 means all cores. At most a few batches per job are in memory at once.
void process_documents(DocumentReader& reader, unsigned jobs, const DocumentProcessor& process, Output& output);

// Receives the rows in input order, always whole documents' rows at a time.
using OutputSink = std::function<void(std::string_view rows)>;
// Like the above, but hands the rows to `sink` instead of writing them (tools that aggregate).
void process_documents(DocumentReader& reader, unsigned jobs, const DocumentProcessor& process, const OutputSink& sink);

// Appends one document's rows to each of several tables at once (outs has one string per
// table), for a tool that writes several (tmk-extract). The same rules as DocumentProcessor.
using TablesProcessor = std::function<void(const Document& doc, std::span<std::string> outs)>;
// Receives each table's rows in input order, whole documents at a time (one view per table).
using TablesSink = std::function<void(std::span<const std::string> rows)>;
void process_documents(DocumentReader& reader, unsigned jobs, std::size_t tables, const TablesProcessor& process,
                       const TablesSink& sink);

unsigned default_jobs();

// Runs independent tasks on up to `jobs` threads (0: all cores); the first exception, in task
// order, is rethrown once all are done.
void run_tasks(const std::vector<std::function<void()>>& tasks, unsigned jobs);

}  // namespace tmk
