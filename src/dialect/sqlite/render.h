// Renders migration steps as SQLite SQL with Prisma's exact layout (sqlite_renderer.rs):
// one `render_*` function per step kind returning statements without semicolons; the
// script assembler adds `-- StepName` headers, `;` terminators and blank lines.
#pragma once

#include <string>
#include <vector>

#include "diff/pair.h"
#include "diff/step.h"
#include "schema/schema.h"

namespace zen::dialect::sqlite {

/// The statements of one step (empty for steps SQLite has nothing to do for).
std::vector<std::string> render_step(const diff::Step& step, diff::Pair<const schema::Schema&> schemas);

/// The whole script: "-- CreateTable\nCREATE TABLE ...;\n\n-- CreateIndex\n...;\n", or
/// "-- This is an empty migration.\n" when there is nothing to do.
std::string render_script(const diff::Migration& migration, diff::Pair<const schema::Schema&> schemas);

/// `CREATE TABLE "name" (...)` for a table of `schema`, under another name when given.
std::string render_create_table(const schema::Schema& schema, schema::TableId table, const std::string& as_name = "");

}  // namespace zen::dialect::sqlite
