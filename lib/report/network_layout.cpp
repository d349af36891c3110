#include "report/network_layout.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace tmk::report {

std::vector<Point> lay_out_network(std::size_t nodes, const std::vector<Edge>& edges, double width, double height,
                                   double margin) {
  std::vector<Point> at(nodes);
  if (nodes == 0) return at;
  // Start on a circle, the most mentioned name first, at the top.
  for (std::size_t i = 0; i < nodes; ++i) {
    const double angle = 2 * std::numbers::pi * static_cast<double>(i) / static_cast<double>(nodes);
    at[i] = {std::sin(angle), -std::cos(angle)};
  }
  double strongest = 1;
  for (const Edge& edge : edges) strongest = std::max(strongest, static_cast<double>(edge.count));
  // In a unit square: the ideal distance k, and a temperature that cools to nothing.
  const double k = 1.5 * std::sqrt(4.0 / static_cast<double>(nodes));
  constexpr int kSteps = 300;
  std::vector<Point> move(nodes);
  for (int step = 0; step < kSteps; ++step) {
    const double temperature = 0.1 * (1.0 - static_cast<double>(step) / kSteps);
    std::fill(move.begin(), move.end(), Point{});
    for (std::size_t i = 0; i < nodes; ++i) {
      for (std::size_t j = i + 1; j < nodes; ++j) {
        const double dx = at[i].x - at[j].x, dy = at[i].y - at[j].y;
        const double d = std::max(1e-6, std::hypot(dx, dy));
        const double push = k * k / d;
        move[i].x += dx / d * push, move[i].y += dy / d * push;
        move[j].x -= dx / d * push, move[j].y -= dy / d * push;
      }
    }
    for (const Edge& edge : edges) {
      const double dx = at[edge.a].x - at[edge.b].x, dy = at[edge.a].y - at[edge.b].y;
      const double d = std::max(1e-6, std::hypot(dx, dy));
      const double pull = d * d / k * (0.5 + 0.5 * std::log1p(edge.count) / std::log1p(strongest));
      move[edge.a].x -= dx / d * pull, move[edge.a].y -= dy / d * pull;
      move[edge.b].x += dx / d * pull, move[edge.b].y += dy / d * pull;
    }
    for (std::size_t i = 0; i < nodes; ++i) {
      // A pull to the centre keeps names without edges (pushed out by all the others) near
      // the rest, so they do not squeeze the drawing into a corner.
      move[i].x -= at[i].x * 3 * k, move[i].y -= at[i].y * 3 * k;
      const double length = std::max(1e-9, std::hypot(move[i].x, move[i].y));
      const double step_length = std::min(length, temperature);
      at[i].x += move[i].x / length * step_length;
      at[i].y += move[i].y / length * step_length;
    }
  }
  // Scale what came out to fill the box.
  double min_x = at[0].x, max_x = at[0].x, min_y = at[0].y, max_y = at[0].y;
  for (const Point& p : at) {
    min_x = std::min(min_x, p.x), max_x = std::max(max_x, p.x);
    min_y = std::min(min_y, p.y), max_y = std::max(max_y, p.y);
  }
  const double span_x = std::max(1e-9, max_x - min_x), span_y = std::max(1e-9, max_y - min_y);
  for (Point& p : at) {
    p.x = nodes == 1 ? width / 2 : margin + (p.x - min_x) / span_x * (width - 2 * margin);
    p.y = nodes == 1 ? height / 2 : margin + (p.y - min_y) / span_y * (height - 2 * margin);
  }
  return at;
}

}  // namespace tmk::report
