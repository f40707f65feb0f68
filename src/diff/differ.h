// The generic schema differ: Pair<const Schema&> in, ordered Migration out. It walks
// namespaces, enums, tables, columns, indexes and foreign keys once and asks the dialect's
// Flavour the questions whose answers differ per database. Never touches a database.
#pragma once

#include <string>

#include "diff/flavour.h"
#include "diff/pair.h"
#include "diff/step.h"
#include "schema/schema.h"

namespace zen::diff {

/// Computes the steps that turn `schemas.previous` into `schemas.next`, sorted into
/// execution order (the Step alternative order, then IDs). Both schemas must have been
/// normalised by the same dialect. An empty Migration means "no difference".
Migration diff_schemas(Pair<const schema::Schema&> schemas, const Flavour& flavour);

/// Prisma's human-readable drift summary ("[+] Added tables\n  - User\n"), or
/// "No difference detected." for an empty migration.
std::string render_summary(const Migration& migration, Pair<const schema::Schema&> schemas);

}  // namespace zen::diff
