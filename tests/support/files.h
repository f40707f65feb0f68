// Reading test inputs (schemas, fixtures, goldens) from disk.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace zen::testing {

/// The whole file as bytes; empty when it cannot be read (the caller's checks then fail).
inline std::string read_text(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace zen::testing
