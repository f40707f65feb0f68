// Reading test inputs (schemas, fixtures, goldens) from disk.
#pragma once

#include <cstdlib>
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

/// The real-world schemas: $ZEN_CORPUS_DIR, else tests/data/corpus, else ../shared/corpus
/// beside the project.
inline std::filesystem::path corpus_dir() {
  if (const char* env = std::getenv("ZEN_CORPUS_DIR"); env && *env) return env;
  std::filesystem::path local = std::filesystem::path(ZEN_SOURCE_DIR) / "tests/data/corpus";
  if (std::filesystem::exists(local)) return local;
  return std::filesystem::path(ZEN_SOURCE_DIR) / "../shared/corpus";
}

}  // namespace zen::testing
