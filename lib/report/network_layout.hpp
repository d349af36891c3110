#pragma once
// Places the names of a co-occurrence network on a page, the same way every time: a
// force-directed layout (Fruchterman and Reingold) started from a circle, with a fixed
// number of steps and no randomness, so the same network gives the same drawing.
#include <cstddef>
#include <vector>

#include "report/corpus_summary.hpp"

namespace tmk::report {

struct Point {
  double x = 0, y = 0;
};

// Positions of `nodes` names inside a width × height box (a margin of `margin` kept free),
// pulled together by `edges` (more strongly the higher their count) and pushed apart otherwise.
std::vector<Point> lay_out_network(std::size_t nodes, const std::vector<Edge>& edges, double width, double height,
                                   double margin);

}  // namespace tmk::report
