// tmk: lists the tools; `tmk NAME ARGS` runs `tmk-NAME ARGS` (git style).
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "tmk/version.hpp"

namespace fs = std::filesystem;

namespace {

// The directory this program lives in: tools next to it are found first.
fs::path own_directory() {
  std::error_code ec;
  const fs::path self = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : self.parent_path();
}

std::vector<std::string> list_tools(const fs::path& dir) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("tmk-", 0) == 0 && entry.is_regular_file(ec) && access(entry.path().c_str(), X_OK) == 0)
      names.push_back(name.substr(4));
  }
  std::sort(names.begin(), names.end());
  return names;
}

void usage(std::ostream& out, const fs::path& dir) {
  out << "tmk " << tmk::kVersion << " - text-mining kit: small tools that read documents and write TSV\n\n"
      << "Usage: tmk NAME [ARGS...]   runs tmk-NAME ARGS (see tmk NAME --help)\n\nTools:\n";
  for (const auto& name : list_tools(dir)) out << "  " << name << "\n";
  out << "\nExample:\n  tmk entities corpus/ | tmk count -c canonical --top 10\n";
}

}  // namespace

int main(int argc, char** argv) {
  const fs::path dir = own_directory();
  if (argc < 2) {
    usage(std::cout, dir);
    return 0;
  }
  const std::string first = argv[1];
  if (first == "-h" || first == "--help" || first == "help") {
    usage(std::cout, dir);
    return 0;
  }
  if (first == "--version") {
    std::cout << "tmk " << tmk::kVersion << "\n";
    return 0;
  }
  if (first.empty() || first[0] == '-' || first.find('/') != std::string::npos) {
    std::cerr << "tmk: unknown option or tool '" << first << "' (see tmk --help)\n";
    return 2;
  }
  const std::string tool = "tmk-" + first;
  std::vector<char*> args;
  args.push_back(const_cast<char*>(tool.c_str()));
  for (int i = 2; i < argc; ++i) args.push_back(argv[i]);
  args.push_back(nullptr);
  const fs::path beside = dir / tool;
  if (!dir.empty() && access(beside.c_str(), X_OK) == 0) execv(beside.c_str(), args.data());
  execvp(tool.c_str(), args.data());
  std::cerr << "tmk: cannot run '" << tool << "': " << std::strerror(errno) << " (see tmk --help)\n";
  return 2;
}
