// Prisma's migration script layout.
#include "dialect/script_layout.h"

namespace zen::dialect {

std::string assemble_script(const diff::Migration& migration,
                            const std::function<std::vector<std::string>(const diff::Step&)>& render_step) {
  std::string out;
  for (const auto& step : migration.steps) {
    auto stmts = render_step(step);
    if (stmts.empty()) continue;
    if (!out.empty()) out += "\n";
    out += "-- ";
    out += diff::step_name(step);
    out += "\n";
    for (const auto& st : stmts) out += st + ";\n";
  }
  if (out.empty()) return "-- This is an empty migration.\n";
  return out;
}

}  // namespace zen::dialect
