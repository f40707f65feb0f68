// History diagnosis: folder versus `_prisma_migrations`.
#include "migrate/diagnose.h"

#include <set>

#include "migrate/checksum.h"

namespace zen::migrate {

Result<HistoryDiagnosis> diagnose_history(const std::vector<MigrationDirectory>& folder,
                                          const std::vector<MigrationRecord>& records) {
  HistoryDiagnosis out;
  std::set<std::string> folder_names;
  for (const auto& m : folder) folder_names.insert(m.name);
  for (const auto& r : records)
    if (r.is_failed()) out.failed.push_back(r);
  std::optional<size_t> first_pending;
  for (size_t i = 0; i < folder.size(); ++i) {
    const auto& m = folder[i];
    const MigrationRecord* live = nullptr;
    const MigrationRecord* finished = nullptr;
    for (const auto& r : records) {
      if (r.migration_name != m.name || r.rolled_back_at) continue;
      live = &r;
      if (r.finished_at) finished = &r;
    }
    if (!live) {
      out.pending.push_back(m.name);
      if (!first_pending) first_pending = i;
      continue;
    }
    if (!finished) continue;  // failed: reported above
    out.applied.push_back(m.name);
    ZEN_ASSIGN_OR_RETURN(std::string script, read_script(m));
    if (!script_matches_checksum(script, finished->checksum)) out.edited.push_back(m.name);
  }
  std::set<std::string> seen;
  for (const auto& r : records) {
    if (r.rolled_back_at || folder_names.count(r.migration_name) || !seen.insert(r.migration_name).second) continue;
    out.missing_locally.push_back(r.migration_name);
  }
  if (out.histories_diverge() && first_pending && *first_pending > 0) out.last_common = folder[*first_pending - 1].name;
  return out;
}

}  // namespace zen::migrate
