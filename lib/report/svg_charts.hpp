#pragma once
// The report's charts, drawn as inline SVG: horizontal bars, columns over time, small line
// charts and the co-occurrence network. Every text from the data is escaped; every mark
// carries a <title> (the browser's tooltip) saying what it counts and how to recount it.
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "report/corpus_summary.hpp"

namespace tmk::report {

struct Bar {
  std::string label;
  std::string note;  // after the value, e.g. "in 3 documents"
  std::uint64_t value = 0;
  std::string tooltip;
  std::string css_class;  // colours the bar (ent-PER, ...)
  std::string shows;      // the id of the panel a click on the bar shows; empty: none
};

// One bar per row, longest first as given.
std::string bar_chart(const std::vector<Bar>& bars, const std::string& title);

// Columns for counts per period (in order), labelled with the first and last period.
std::string column_chart(const std::vector<std::pair<std::string, std::uint64_t>>& counts,
                         const std::string& tooltip_suffix, const std::string& title);

// A small line chart of `values` over all `periods` (missing periods count 0).
std::string sparkline(const std::vector<std::string>& periods, const std::map<std::string, std::uint64_t>& values,
                      const std::string& css_class, const std::string& tooltip_suffix);

// The names as circles (coloured by type) joined by lines labelled with their count.
std::string network_chart(const std::vector<NameCount>& nodes, const std::vector<Edge>& edges,
                          const std::string& tooltip_suffix);

// A label cut to at most `bytes` bytes on a character boundary, with an ellipsis when cut.
std::string shorten(const std::string& text, std::size_t bytes);

}  // namespace tmk::report
