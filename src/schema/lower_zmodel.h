// Lowers an analysed ZModel schema into the relational model Prisma Migrate would build
// from the Prisma schema ZenStack generates: names (@map/@@map), types per provider and
// @db.*, keys and indexes with Prisma's generated names, foreign keys, implicit
// many-to-many join tables, defaults, enums, @@schema, and ZenStack's additions
// (mixins, delegate models, typed JSON, @computed).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "base/provider.h"
#include "schema/schema.h"

namespace zen::analysis {
class Model;
}

namespace zen::schema {

struct LowerOptions {
  /// Overrides the datasource provider (tests lower one schema for both dialects).
  std::optional<Provider> provider;
};

struct LowerResult {
  Schema schema;
  /// Things lowering cannot represent (an unsupported provider, a type it cannot map);
  /// errors mean the schema must not be migrated.
  std::vector<Diagnostic> diagnostics;
};

/// Lowers the model. Never fails: what cannot be lowered is reported as a diagnostic and
/// skipped. The result is not yet normalised for a dialect (Dialect::normalize does that).
LowerResult lower_zmodel(const analysis::Model& model, const LowerOptions& options = {});

/// Prisma's name for a generated constraint or index: `{table}_{columns joined by _}_{suffix}`
/// truncated to `max_length` bytes before the suffix as Prisma does (63 on PostgreSQL,
/// unlimited = 0 on SQLite).
std::string constraint_name(std::string_view table, const std::vector<std::string>& columns, std::string_view suffix,
                            size_t max_length);

}  // namespace zen::schema
