// Loading a schema from disk: the entry file and, transitively, every file it imports, then
// the analysis of the whole workspace. The only place that turns `import` into file reads.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analysis/analysis.h"
#include "base/result.h"
#include "commands/file_system.h"

namespace zen::commands {

struct LoadedSchema {
  /// The entry path as given.
  std::string entry;
  /// The path of every file read, entry first, then imports in the order they were found.
  std::vector<std::string> files;
  /// Model plus diagnostics (an import whose file cannot be read is an `unresolved-import`).
  std::shared_ptr<const analysis::Analysis> analysis;
  /// Holds the files' texts (read once, not copied).
  std::shared_ptr<const analysis::Host> host;

  const analysis::Model& model() const { return analysis->model; }
  bool has_errors() const { return analysis->has_errors(); }
  /// The text of a loaded file; nullptr for unknown paths (and for the stdlib).
  const std::string* text(const std::string& path) const;
};

/// Reads `entry` and follows imports (relative to the importing file, `.zmodel` appended; when
/// the exact file is missing, a file in the same folder whose name differs only in case is
/// used). Fails with NotFound when the entry itself cannot be read; problems in the schema are
/// diagnostics in the result, not errors.
/// `alongside` is handed to analysis::Host::analyze: it runs with the resolved model while the
/// validation rules run, and what it computes must be dropped when the result has errors.
Result<LoadedSchema> load_schema(const std::string& entry, const FileSystem& fs,
                                 const analysis::ResolvedHook& alongside = {});

/// The schema used when none is given: `zenstack.schema` of the nearest package.json at or
/// above the current directory (returned even when that file does not exist, so loading it
/// reports the missing file), else the first of ./schema.zmodel, ./zenstack/schema.zmodel,
/// ./prisma/schema.prisma, ./schema.prisma that exists; nullopt if none does.
std::optional<std::string> find_default_schema(const FileSystem& fs);

/// Renders a diagnostic as `FILE:LINE:COL: error[CODE]: message` (1-based line and column,
/// column in bytes); `text` is the file's text (for line/column), empty if unknown.
std::string format_diagnostic(const Diagnostic& d, std::string_view text);

}  // namespace zen::commands
