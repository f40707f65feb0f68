// The analyzer's entry points: analyze a workspace of (path, text) files into a semantic model
// plus diagnostics (pure: no IO), and Host, which keeps per-file parse trees and lowered
// declarations so that re-analysis after an edit only redoes the edited file's work.
#pragma once

#include <functional>
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

struct HostOptions {
  /// Keep each file's syntax tree, for cheap re-analysis after `apply_edit` (what an editor
  /// wants). Without trees (one-shot users: `zen check`, `zen migrate`), `set_file_text` lowers
  /// well-formed text directly (fast_lower_file) and only parses a text with tree-sitter when
  /// that declines; `apply_edit` on such a file parses it then. Results are the same.
  bool keep_syntax_trees = true;
  /// Keep each file's lowered declarations after `analyze`. Without (a Host analyzed once), the
  /// declarations are moved into the Model instead of copied; a later analysis lowers the
  /// files again.
  bool keep_declarations = true;
  /// Record every name use (Model::references, for definition, references and rename). A
  /// command that only checks and lowers the schema turns it off: the model then has no
  /// references (Model::has_references is false), which saves about a tenth of the model's memory
  /// on large schemas; diagnostics are the same.
  bool collect_references = true;
};

/// Work to do with a resolved model while the validation rules run (Host::analyze).
using ResolvedHook = std::function<void(const Model&)>;

/// Keeps the workspace between analyses (the language server holds one). Not thread-safe.
class Host {
 public:
  explicit Host(HostOptions options = {});
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
  ///
  /// `alongside`, when given, is called once with the resolved model, on this thread, while the
  /// validation rules run on another (a one-shot Host with a large schema; otherwise after
  /// them): `zen migrate` lowers the schema to tables meanwhile. When the result has no errors
  /// it has been called; it may also be called for a model that validation then rejects, so
  /// what it computes must be dropped when the result has errors, and it must not fail on such
  /// a model. The model is read-only and outlives the call only as part of the result.
  std::shared_ptr<const Analysis> analyze(std::string_view entry, const ResolvedHook& alongside = {});

 private:
  friend Analysis analyze(const std::vector<SourceInput>& files, std::string_view entry);
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace zen::analysis
