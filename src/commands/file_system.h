// The file system as the commands see it: reading files and listing folders, injected so that
// commands can be tested on in-memory trees and nothing below the CLI touches the disk directly.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace zen::commands {

class FileSystem {
 public:
  virtual ~FileSystem() = default;
  /// The file's bytes; nullopt when it does not exist or cannot be read.
  virtual std::optional<std::string> read(const std::string& path) const = 0;
  /// Names (not paths) of the regular files directly in `dir` ("" is the current directory);
  /// empty when the folder does not exist.
  virtual std::vector<std::string> list(const std::string& dir) const = 0;
};

/// The real disk.
class DiskFileSystem : public FileSystem {
 public:
  std::optional<std::string> read(const std::string& path) const override;
  std::vector<std::string> list(const std::string& dir) const override;
};

/// Files held in memory, keyed by path (tests).
class MemoryFileSystem : public FileSystem {
 public:
  MemoryFileSystem() = default;
  explicit MemoryFileSystem(std::map<std::string, std::string> files) : files_(std::move(files)) {}
  void add(std::string path, std::string text) { files_[std::move(path)] = std::move(text); }
  std::optional<std::string> read(const std::string& path) const override;
  std::vector<std::string> list(const std::string& dir) const override;

 private:
  std::map<std::string, std::string> files_;
};

}  // namespace zen::commands
