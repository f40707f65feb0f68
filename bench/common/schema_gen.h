// A generator of large, realistic, valid ZModel schemas for benchmarks: N models with scalar
// fields of every type, enums, relations of every kind (one-to-many, one-to-one, implicit
// many-to-many, self relations), indexes, unique constraints and mappings. Deterministic for a
// given seed, so benchmark runs compare like with like.
#pragma once

#include <cstdint>
#include <string>

namespace zen::bench {

struct SchemaGenOptions {
  /// Number of models (a `User` model with `@@auth` is the first one).
  int models = 100;
  /// One enum per this many models (at least one enum).
  int models_per_enum = 10;
  /// "postgresql" (scalar lists, `@db.*` native types) or "sqlite".
  std::string provider = "postgresql";
  /// Add `type` mixins (`with Timestamps`).
  bool mixins = true;
  /// Add `@@allow` access policies and the policy plugin block. Off by default: they need the
  /// policy plugin's declarations to check clean.
  bool policies = false;
  uint32_t seed = 1;
};

/// The generated schema text. Every relation has both sides and a name, so the schema is
/// valid for ZenStack and Prisma.
std::string generate_schema(const SchemaGenOptions& options);

/// A schema of at least `lines` lines (and not much more), with the other options as given.
std::string generate_schema_with_lines(int lines, SchemaGenOptions options);

/// Number of lines of `text` (a last line without a newline counts).
int count_lines(const std::string& text);

}  // namespace zen::bench
