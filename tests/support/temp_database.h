// Test helpers for live databases: temporary folders, and a fresh PostgreSQL database per test
// (created on the server named by ZEN_TEST_POSTGRES_URL and dropped afterwards).
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <random>
#include <string>

#include "dialect/connection.h"
#include "dialect/postgres/connector.h"

namespace zen::testing {

inline std::string random_suffix() {
  static std::mt19937_64 rng{std::random_device{}()};
  static const char* digits = "0123456789abcdefghijklmnopqrstuvwxyz";
  std::string out;
  for (int i = 0; i < 10; ++i) out += digits[rng() % 36];
  return out;
}

struct TempDir {
  std::filesystem::path path;
  TempDir() {
    path = std::filesystem::temp_directory_path() / ("zen-test-" + random_suffix());
    std::filesystem::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  /// Writes `text` to `rel` below the folder, creating parent folders.
  void write(const std::string& rel, const std::string& text) const {
    std::filesystem::create_directories((path / rel).parent_path());
    std::ofstream(path / rel, std::ios::binary | std::ios::trunc) << text;
  }
  /// The contents of `rel` below the folder ("" when missing).
  std::string read(const std::string& rel) const {
    std::ifstream in(path / rel, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
};

/// The PostgreSQL server for tests, or nullopt when ZEN_TEST_POSTGRES_URL is not set.
inline std::optional<std::string> postgres_server_url() {
  const char* url = std::getenv("ZEN_TEST_POSTGRES_URL");
  if (!url || !*url) return std::nullopt;
  return std::string(url);
}

/// A fresh, empty database on the test server; dropped when the object dies.
class TempPostgresDatabase {
 public:
  /// `url()` is empty when the server is not configured or cannot be reached.
  TempPostgresDatabase() {
    auto server = postgres_server_url();
    if (!server) return;
    server_url_ = *server;
    auto admin = db::connect(server_url_);
    if (!admin.ok()) {
      error_ = admin.error().message;
      return;
    }
    name_ = "zen_test_" + random_suffix();
    auto created = (*admin)->execute_script("CREATE DATABASE \"" + name_ + "\"");
    if (!created.ok()) {
      error_ = created.error().message;
      return;
    }
    url_ = db::postgres::with_database(server_url_, name_);
  }
  ~TempPostgresDatabase() {
    if (url_.empty()) return;
    auto admin = db::connect(server_url_);
    if (admin.ok()) (void)(*admin)->execute_script("DROP DATABASE IF EXISTS \"" + name_ + "\" WITH (FORCE)");
  }
  TempPostgresDatabase(const TempPostgresDatabase&) = delete;
  TempPostgresDatabase& operator=(const TempPostgresDatabase&) = delete;

  const std::string& url() const { return url_; }
  const std::string& name() const { return name_; }
  const std::string& error() const { return error_; }

 private:
  std::string server_url_;
  std::string name_;
  std::string url_;
  std::string error_;
};

}  // namespace zen::testing
