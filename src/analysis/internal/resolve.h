// Name resolution: builds the Model from lowered files (stdlib first) and reports resolution
// diagnostics (unknown types/attributes/functions, unresolved references, duplicates, cycles).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "analysis/internal/lower.h"
#include "analysis/model.h"
#include "analysis/validate/rules.h"
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

/// What one build of a model records for the next one (analysis::Host's incremental
/// re-analysis; see update_model). Indexed by DeclId.
struct BuildState {
  /// Whether the rest describes the model it is used with.
  bool valid = false;
  /// Per declaration: the user declarations whose contents its resolution read (searched for
  /// a field or value, inherited from, attribute and function declarations applied), sorted.
  std::vector<std::vector<DeclId>> deps;
  /// Per declaration: the user declarations it names (types, references), sorted; resolution
  /// needs only their names and kinds, validation may read their contents.
  std::vector<std::vector<DeclId>> name_deps;
  /// Per declaration: other declarations its kept diagnostics point into (filled by the Host).
  std::vector<std::vector<DeclId>> anchors;
  /// Per declaration: some kept diagnostic points outside every declaration (so it cannot move
  /// along with one): resolved and validated again after any edit.
  std::vector<bool> unanchored;
  /// Duplicate declarations (the duplicate, the first one), in report order.
  std::vector<std::pair<DeclId, DeclId>> duplicates;
  /// Per declaration: its references, as [begin, end) in Model::references.
  std::vector<std::pair<uint32_t, uint32_t>> ref_slices;

  // Results of the last build.
  /// Per declaration: resolved in this build (else kept, with its diagnostics, from the last).
  std::vector<bool> resolved;
  /// Per declaration: to validate again (else its validation diagnostics still hold).
  std::vector<bool> recheck;
  /// Per declaration: how far it moved (bytes) since the last build.
  std::vector<int64_t> delta;
  /// Parallel to the diagnostics the build appended.
  std::vector<DiagKey> keys;
  /// The next DiagKey::seq.
  uint64_t next_seq = 0;
};

/// From this many bytes of user declarations on, build_model resolves on two threads (when the
/// machine has two cores): below it, a thread costs more than it saves.
inline constexpr size_t kParallelResolveFrom = 128 * 1024;

/// `files[0]` must be the stdlib. Diagnostics are appended unsorted. With `recycle` (a previous
/// model nobody uses any more), declarations with the same stamp are moved out of it and their
/// resolution state reset instead of being copied from `files`. With `state`, records what
/// update_model needs (everything is resolved: state->resolved and state->recheck are all set).
/// The model, diagnostics and state are the same whether it uses one thread or two
/// (`parallel_from`: see kParallelResolveFrom; tests compare the two).
/// Without `collect_references`, Model::references stays empty (has_references false); the
/// rest of the model and the diagnostics are the same.
void build_model(const std::vector<ResolveInput>& files, Model& model, std::vector<Diagnostic>& diags,
                 Model* recycle = nullptr, BuildState* state = nullptr,
                 size_t parallel_from = kParallelResolveFrom, bool collect_references = true);

/// Brings `model` (built from earlier versions of the same files, with `state`) up to date in
/// place, resolving again only the declarations whose text changed and those that read them,
/// and reports which declarations to validate again (state.recheck). Only the diagnostics of
/// re-resolved declarations and whole-model checks are appended. Returns false, with `model`
/// unchanged, when the edits changed more than declaration contents: files or imports, the
/// declaration list (kinds, names, order), a datasource, generator or plugin, enum value names,
/// `@@auth` or `with` lists; the caller builds anew then.
bool update_model(const std::vector<ResolveInput>& files, Model& model, std::vector<Diagnostic>& diags,
                  BuildState& state);

}  // namespace zen::analysis
