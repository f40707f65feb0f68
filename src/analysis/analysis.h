// The analyzer's entry points: analyze a workspace of (path, text) files into a semantic model
// plus diagnostics (pure: no IO), and Host, which keeps per-file parse trees and lowered
// declarations so that re-analysis after an edit only redoes the edited file's work.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/model.h"
#include "base/diagnostic.h"

namespace zen::analysis {

struct SourceInput {
  std::string path;
  std::string text;
};

struct Analysis {
  Model model;
  /// Syntax errors, resolution errors and validation results of every file in the model,
  /// sorted by file (Model::files order) and position.
  std::vector<Diagnostic> diagnostics;

  bool has_errors() const;
};

/// Analyzes `entry` and every file it imports, transitively (imports may form cycles); files
/// come from `files` only. An import whose file is not in `files` is an `unresolved-import`
/// diagnostic on the import. Never fails: broken input gives diagnostics.
Analysis analyze(const std::vector<SourceInput>& files, std::string_view entry);

/// Lexical import resolution: `import_path` relative to the importing file's directory (or
/// absolute), `.` and `..` collapsed, `.zmodel` appended when missing.
std::string resolve_import_path(std::string_view importing_file, std::string_view import_path);

/// One text replacement; `range` is in bytes of the text before the edit.
struct TextEdit {
  TextRange range;
  std::string new_text;
};

/// Keeps the workspace between analyses (the language server holds one). Not thread-safe.
class Host {
 public:
  Host();
  ~Host();
  Host(const Host&) = delete;
  Host& operator=(const Host&) = delete;

  /// Adds or replaces a file.
  void set_file_text(const std::string& path, std::string text);
  /// Edits a file in place and reparses it incrementally; false if the file is unknown or the
  /// range is outside its text.
  bool apply_edit(const std::string& path, const TextEdit& edit);
  bool remove_file(const std::string& path);
  /// nullptr if the file is not loaded.
  const std::string* file_text(const std::string& path) const;

  /// Lexically resolved paths of imports reachable from `entry` whose files are not loaded
  /// (neither exactly nor by a case-insensitive match in the same directory); a loader reads
  /// them and calls set_file_text, until this is empty or nothing more can be read.
  std::vector<std::string> missing_imports(std::string_view entry);

  /// Analyzes `entry` and its transitive imports with the current texts. Cheap when nothing
  /// changed since the last call for the same entry (returns the same snapshot).
  std::shared_ptr<const Analysis> analyze(std::string_view entry);

 private:
  friend Analysis analyze(const std::vector<SourceInput>& files, std::string_view entry);
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace zen::analysis
