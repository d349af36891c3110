#include "core/resources.hpp"

#include <stdexcept>
#include <string>

namespace tmk {

std::string_view resource(std::string_view name) {
  for (const auto& [key, bytes] : embedded_resources())
    if (key == name) return bytes;
  throw std::runtime_error("no embedded resource named " + std::string(name));
}

std::vector<std::string_view> split_fields(std::string_view line, char separator) {
  std::vector<std::string_view> fields;
  while (!line.empty()) {
    const std::size_t at = line.find(separator);
    if (at != 0) fields.push_back(line.substr(0, at));
    if (at == std::string_view::npos) break;
    line.remove_prefix(at + 1);
  }
  return fields;
}

}  // namespace tmk
