// The list of validation rules the analyzer runs after name resolution, in order. Each rule
// lives in its own file in this folder (see rule_list.h).
#include "analysis/validate/rules.h"

#include "analysis/validate/rule_list.h"

namespace zen::analysis {

std::span<const Rule> validation_rules() {
  static const Rule kRules[] = {
      validate::check_datasource, validate::check_generators, validate::check_per_declaration,
      validate::check_relations,  validate::check_index_fields, validate::check_delegates,
      validate::check_auth,       validate::check_enums,       validate::check_expressions,
      validate::check_procedures, validate::check_policy_cycles,
  };
  return std::span<const Rule>(kRules);
}

}  // namespace zen::analysis
