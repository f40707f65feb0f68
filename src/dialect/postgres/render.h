// Renders migration steps as PostgreSQL SQL with Prisma's exact layout (postgres_renderer.rs):
// one `render_*` function per step kind returning statements without semicolons; the
// script assembler adds `-- StepName` headers, `;` terminators and blank lines.
#pragma once

#include <string>
#include <vector>

#include "diff/pair.h"
#include "diff/step.h"
#include "schema/schema.h"

namespace zen::dialect::postgres {

struct RenderScriptOptions {
  /// Render `CREATE SCHEMA IF NOT EXISTS` for CreateSchema steps.
  bool create_namespaces = true;
};

/// The statements of one step (empty for steps PostgreSQL has nothing to do for).
std::vector<std::string> render_step(const diff::Step& step, diff::Pair<const schema::Schema&> schemas,
                                     const RenderScriptOptions& options = {});

/// The whole script: "-- CreateTable\nCREATE TABLE ...;\n\n-- AddForeignKey\n...;\n", or
/// "-- This is an empty migration.\n" when there is nothing to do.
std::string render_script(const diff::Migration& migration, diff::Pair<const schema::Schema&> schemas,
                          const RenderScriptOptions& options = {});

/// `CREATE TABLE "name" (...)` for a table of `schema`.
std::string render_create_table(const schema::Schema& schema, schema::TableId table);

/// The column type as Prisma renders it: SERIAL for auto-increment INTEGER, enum names
/// quoted, `[]` for lists.
std::string render_column_type(const schema::Schema& schema, schema::ColumnId column);

}  // namespace zen::dialect::postgres
