#include <catch2/catch.hpp>
#include <cstdint>
#include <numeric>
#include <vector>

#include "core/huge_pages.hpp"

TEST_CASE("huge pages: a vector in huge pages holds, grows and copies its values") {
  std::vector<std::uint32_t, tmk::HugePageAllocator<std::uint32_t>> values(3 << 18);  // 3 MB
#if defined(__linux__)
  CHECK(reinterpret_cast<std::uintptr_t>(values.data()) % (std::uintptr_t{2} << 20) == 0);
#endif
  std::iota(values.begin(), values.end(), 7u);
  values.resize(values.size() * 2, 1);  // moves to a larger block
  CHECK(values[0] == 7);
  CHECK(values[(3 << 18) - 1] == 7 + (3u << 18) - 1);
  CHECK(values.back() == 1);
  const auto copy = values;
  CHECK(copy == values);
  std::vector<char, tmk::HugePageAllocator<char>> small(10, 'x');  // less than a page
  small.push_back('y');
  CHECK(small.size() == 11);
  CHECK(small.back() == 'y');
}
