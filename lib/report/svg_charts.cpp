#include "report/svg_charts.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/markup.hpp"
#include "report/network_layout.hpp"

namespace tmk::report {

namespace {

// A coordinate with one decimal: enough on screen, and the same text on every machine.
std::string coordinate(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", value);
  return buffer;
}

std::string svg_open(double width, double height, const std::string& title) {
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 " + coordinate(width) + " " +
         coordinate(height) + "\" width=\"" + coordinate(width) + "\" height=\"" + coordinate(height) +
         "\" role=\"img\" aria-label=\"" + xml_escaped(title) + "\">";
}

}  // namespace

std::string shorten(const std::string& text, std::size_t bytes) {
  if (text.size() <= bytes) return text;
  std::size_t cut = bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "…";
}

std::string bar_chart(const std::vector<Bar>& bars, const std::string& title) {
  constexpr double kLabelWidth = 230, kBarWidth = 260, kRow = 22, kWidth = 760;
  std::uint64_t largest = 1;
  for (const Bar& bar : bars) largest = std::max(largest, bar.value);
  std::string svg = svg_open(kWidth, kRow * static_cast<double>(bars.size()) + 4, title);
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const Bar& bar = bars[i];
    const double y = kRow * static_cast<double>(i) + 2;
    const double length = std::max(1.0, kBarWidth * static_cast<double>(bar.value) / static_cast<double>(largest));
    svg += "<g class=\"bar" + std::string(bar.shows.empty() ? "" : " clickable") + "\"";
    if (!bar.shows.empty()) svg += " data-show=\"" + xml_escaped(bar.shows) + "\" tabindex=\"0\" role=\"button\"";
    svg += "><title>" + xml_escaped(bar.tooltip) + "</title>";
    svg += "<text class=\"label\" x=\"" + coordinate(kLabelWidth - 6) + "\" y=\"" + coordinate(y + 15) +
           "\" text-anchor=\"end\">" + xml_escaped(shorten(bar.label, 32)) + "</text>";
    svg += "<rect class=\"" + xml_escaped(bar.css_class) + "\" x=\"" + coordinate(kLabelWidth) + "\" y=\"" +
           coordinate(y + 3) + "\" width=\"" + coordinate(length) + "\" height=\"" + coordinate(kRow - 6) +
           "\" rx=\"2\"/>";
    svg += "<text class=\"value\" x=\"" + coordinate(kLabelWidth + length + 6) + "\" y=\"" + coordinate(y + 15) +
           "\">" + std::to_string(bar.value) + (bar.note.empty() ? "" : " " + xml_escaped(bar.note)) + "</text></g>";
  }
  return svg + "</svg>";
}

std::string column_chart(const std::vector<std::pair<std::string, std::uint64_t>>& counts,
                         const std::string& tooltip_suffix, const std::string& title) {
  constexpr double kWidth = 600, kHeight = 140, kBase = 115;
  std::uint64_t largest = 1;
  for (const auto& [period, count] : counts) largest = std::max(largest, count);
  const double step = kWidth / static_cast<double>(std::max<std::size_t>(1, counts.size()));
  std::string svg = svg_open(kWidth, kHeight, title);
  for (std::size_t i = 0; i < counts.size(); ++i) {
    const double height = (kBase - 20) * static_cast<double>(counts[i].second) / static_cast<double>(largest);
    svg += "<rect class=\"column\" x=\"" + coordinate(step * static_cast<double>(i) + 1) + "\" y=\"" +
           coordinate(kBase - height) + "\" width=\"" + coordinate(std::max(1.0, step - 2)) + "\" height=\"" +
           coordinate(height) + "\"><title>" + xml_escaped(counts[i].first) + ": " + std::to_string(counts[i].second) +
           xml_escaped(tooltip_suffix) + "</title></rect>";
  }
  if (!counts.empty()) {
    svg += "<text class=\"axis\" x=\"0\" y=\"" + coordinate(kBase + 18) + "\">" + xml_escaped(counts.front().first) +
           "</text>";
    svg += "<text class=\"axis\" x=\"" + coordinate(kWidth) + "\" y=\"" + coordinate(kBase + 18) +
           "\" text-anchor=\"end\">" + xml_escaped(counts.back().first) + "</text>";
    svg += "<text class=\"axis\" x=\"" + coordinate(kWidth) + "\" y=\"10\" text-anchor=\"end\">max " +
           std::to_string(largest) + "</text>";
  }
  return svg + "</svg>";
}

std::string sparkline(const std::vector<std::string>& periods, const std::map<std::string, std::uint64_t>& values,
                      const std::string& css_class, const std::string& tooltip_suffix) {
  constexpr double kWidth = 180, kHeight = 40;
  std::uint64_t largest = 1;
  for (const auto& [period, count] : values) largest = std::max(largest, count);
  const double step = periods.size() > 1 ? kWidth / static_cast<double>(periods.size() - 1) : 0;
  std::string points, marks;
  for (std::size_t i = 0; i < periods.size(); ++i) {
    const auto found = values.find(periods[i]);
    const std::uint64_t count = found == values.end() ? 0 : found->second;
    const double x = periods.size() > 1 ? step * static_cast<double>(i) : kWidth / 2;
    const double y = kHeight - 3 - (kHeight - 6) * static_cast<double>(count) / static_cast<double>(largest);
    if (!points.empty()) points += ' ';
    points += coordinate(x) + "," + coordinate(y);
    marks += "<circle cx=\"" + coordinate(x) + "\" cy=\"" + coordinate(y) + "\" r=\"2.5\"><title>" +
             xml_escaped(periods[i]) + ": " + std::to_string(count) + xml_escaped(tooltip_suffix) + "</title></circle>";
  }
  return svg_open(kWidth, kHeight, "mentions over time") + "<polyline class=\"line " + xml_escaped(css_class) +
         "\" points=\"" + points + "\"/><g class=\"" + xml_escaped(css_class) + "\">" + marks + "</g></svg>";
}

std::string network_chart(const std::vector<NameCount>& nodes, const std::vector<Edge>& edges,
                          const std::string& tooltip_suffix) {
  constexpr double kWidth = 940, kHeight = 540, kMargin = 60;
  const std::vector<Point> at = lay_out_network(nodes.size(), edges, kWidth, kHeight, kMargin);
  std::uint64_t strongest = 1, most_mentioned = 1;
  for (const Edge& edge : edges) strongest = std::max(strongest, edge.count);
  for (const NameCount& node : nodes) most_mentioned = std::max(most_mentioned, node.count);
  std::string svg = svg_open(kWidth, kHeight, "names that appear in the same sentence");
  // Weakest first, so the strong edges are drawn on top.
  for (auto edge = edges.rbegin(); edge != edges.rend(); ++edge) {
    const Point& a = at[edge->a];
    const Point& b = at[edge->b];
    const double width = 1 + 5 * static_cast<double>(edge->count) / static_cast<double>(strongest);
    // The names in byte order, as tmk-cooc writes a pair.
    const auto [first, second] = std::minmax(nodes[edge->a].name, nodes[edge->b].name);
    svg += "<g class=\"edge\"><title>" + xml_escaped(first) + " and " + xml_escaped(second) + ": " +
           std::to_string(edge->count) + " sentences" + xml_escaped(tooltip_suffix) + "</title>";
    svg += "<line x1=\"" + coordinate(a.x) + "\" y1=\"" + coordinate(a.y) + "\" x2=\"" + coordinate(b.x) + "\" y2=\"" +
           coordinate(b.y) + "\" stroke-width=\"" + coordinate(width) + "\"/>";
    svg += "<text class=\"edge-count\" x=\"" + coordinate((a.x + b.x) / 2) + "\" y=\"" + coordinate((a.y + b.y) / 2) +
           "\" text-anchor=\"middle\">" + std::to_string(edge->count) + "</text></g>";
  }
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    const double radius = 5 + 11 * std::sqrt(static_cast<double>(nodes[i].count) / static_cast<double>(most_mentioned));
    svg += "<g class=\"node ent-" + xml_escaped(nodes[i].type) + "\"><title>" + xml_escaped(nodes[i].name) + " (" +
           xml_escaped(nodes[i].type) + "): " + std::to_string(nodes[i].count) + " mentions</title>";
    svg += "<circle cx=\"" + coordinate(at[i].x) + "\" cy=\"" + coordinate(at[i].y) + "\" r=\"" + coordinate(radius) +
           "\"/>";
    // The label above its circle, moved in from the edges so that it stays on the page
    // (8.4 units a byte is wide enough for the bold font the page uses).
    const std::string label = shorten(nodes[i].name, 24);
    const double half_width = 4.2 * static_cast<double>(label.size());
    const double label_x =
        std::clamp(at[i].x, std::min(kWidth / 2, half_width), std::max(kWidth / 2, kWidth - half_width));
    svg += "<text x=\"" + coordinate(label_x) + "\" y=\"" + coordinate(at[i].y - radius - 4) +
           "\" text-anchor=\"middle\">" + xml_escaped(label) + "</text></g>";
  }
  return svg + "</svg>";
}

}  // namespace tmk::report
