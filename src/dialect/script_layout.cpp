// Prisma's migration script layout.
#include "dialect/script_layout.h"

namespace zen::dialect {

void ScriptWriter::add_statements(std::string_view step_name, const std::vector<std::string>& statements) {
  if (statements.empty()) return;
  begin_statement(step_name);
  for (const auto& st : statements) {
    w_.str(st);
    w_.lit(";\n");
  }
}

std::string ScriptWriter::finish() && {
  w_.finish();
  if (out_.empty()) return "-- This is an empty migration.\n";
  return std::move(out_);
}

std::string assemble_script(const diff::Migration& migration,
                            const std::function<std::vector<std::string>(const diff::Step&)>& render_step) {
  ScriptWriter w;
  for (const auto& step : migration.steps) w.add_statements(diff::step_name(step), render_step(step));
  return std::move(w).finish();
}

}  // namespace zen::dialect
