// Fast lowering (see internal/fast_lower.h). Not written yet: every text falls back to the
// tree-sitter path.
#include "analysis/internal/fast_lower.h"

namespace zen::analysis {

std::optional<FileDecls> fast_lower_file(std::string_view) { return std::nullopt; }

}  // namespace zen::analysis
