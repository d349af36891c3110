#include "core/resources.hpp"

#include <stdexcept>
#include <string>

namespace tmk {

std::string_view resource(std::string_view name) {
  for (const auto& [key, bytes] : embedded_resources())
    if (key == name) return bytes;
  throw std::runtime_error("no embedded resource named " + std::string(name));
}

}  // namespace tmk
