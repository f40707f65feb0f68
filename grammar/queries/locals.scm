; Scopes, definitions and references for ZModel. Declarations are global (ZModel has no
; nested declarations); model, type and function bodies open scopes for fields and parameters.

(schema) @local.scope
(model_body) @local.scope
(enum_body) @local.scope
(function_declaration) @local.scope
(procedure_declaration) @local.scope
(attribute_declaration) @local.scope
(collection_predicate) @local.scope

(data_model name: (identifier) @local.definition.type)
(type_def name: (identifier) @local.definition.type)
(enum_declaration name: (identifier) @local.definition.type)
(function_declaration name: (identifier) @local.definition.function)
(procedure_declaration name: (identifier) @local.definition.function)

(data_field name: (identifier) @local.definition.field)
(enum_field name: (identifier) @local.definition.constant)
(function_parameter name: (identifier) @local.definition.parameter)
(attribute_parameter name: (identifier) @local.definition.parameter)
(collection_predicate binding: (identifier) @local.definition.var)

(field_type base: (identifier) @local.reference)
(parameter_type base: (identifier) @local.reference)
(extends_clause (identifier) @local.reference)
(mixin_clause (identifier) @local.reference)
(argument value: (identifier) @local.reference)
(binary_expression left: (identifier) @local.reference)
(binary_expression right: (identifier) @local.reference)
(member_expression object: (identifier) @local.reference)
(array_expression (identifier) @local.reference)
