#pragma once
// The report as one self-contained HTML page: the summary's sections drawn as inline SVG
// and HTML, in the page template embedded in the library (lib/resources/report/), with no
// reference to anything outside the file.
#include <string>

#include "report/corpus_summary.hpp"

namespace tmk::report {

// `directory` is how the report names the tables' directory (the commands it shows run there).
std::string render_html_report(const CorpusSummary& summary, const std::string& directory);

}  // namespace tmk::report
