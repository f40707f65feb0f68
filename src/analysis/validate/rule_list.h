// The validation rules, one per file in src/analysis/validate/; rules.cpp lists them in order.
#pragma once

#include <memory>

#include "analysis/validate/rules.h"

namespace zen::analysis::validate {

void check_datasource(ValidationContext& ctx);           // datasource.cpp
void check_generators(ValidationContext& ctx);           // generators.cpp
void check_per_declaration(ValidationContext& ctx);      // per_declaration.cpp: the five below
void check_relations(ValidationContext& ctx);            // relations.cpp
void check_index_fields(ValidationContext& ctx);         // index_fields.cpp
void check_delegates(ValidationContext& ctx);            // delegates.cpp
void check_auth(ValidationContext& ctx);                 // auth.cpp
void check_enums(ValidationContext& ctx);                // enums.cpp
void check_expressions(ValidationContext& ctx);          // expressions.cpp
void check_procedures(ValidationContext& ctx);           // procedures.cpp
void check_policy_cycles(ValidationContext& ctx);        // policy_check_cycles.cpp

// Per-declaration checks, run by check_per_declaration (the caller has called ctx.visit for
// the declaration).

/// Attribute applications match their declarations (attribute_arguments.cpp), for any user
/// declaration; keeps what it learns about attribute declarations across declarations.
class AttributeArguments {
 public:
  explicit AttributeArguments(ValidationContext& ctx);
  ~AttributeArguments();
  void check(const Decl& d);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Checks of a model, view or type; check_unique_criteria_of takes models and views only.
void check_unique_criteria_of(ValidationContext& ctx, const Decl& d);  // unique_criteria.cpp
void check_field_types_of(ValidationContext& ctx, const Decl& d);      // field_types.cpp
void check_native_types_of(ValidationContext& ctx, const Decl& d);     // native_types.cpp
void check_defaults_of(ValidationContext& ctx, const Decl& d);         // defaults.cpp

}  // namespace zen::analysis::validate
