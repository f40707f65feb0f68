// Name resolution: builds the Model from lowered files (stdlib first) and reports resolution
// diagnostics (unknown types/attributes/functions, unresolved references, duplicates, cycles).
#pragma once

#include <string>
#include <vector>

#include "analysis/internal/lower.h"
#include "analysis/model.h"
#include "base/diagnostic.h"

namespace zen::analysis {

struct ResolveInput {
  std::string path;
  const FileDecls* decls = nullptr;
  std::vector<FileId> imports;  // resolved imports, in import order
  /// The same declarations when nobody needs them after this build: they are moved into the
  /// model instead of copied (`decls` is left with moved-from declarations).
  FileDecls* consumable = nullptr;
};

/// `files[0]` must be the stdlib. Diagnostics are appended unsorted. With `recycle` (a previous
/// model nobody uses any more), declarations with the same stamp are moved out of it and their
/// resolution state reset instead of being copied from `files`.
void build_model(const std::vector<ResolveInput>& files, Model& model, std::vector<Diagnostic>& diags,
                 Model* recycle = nullptr);

}  // namespace zen::analysis
