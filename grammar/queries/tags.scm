; Code navigation tags (tree-sitter tags / GitHub code navigation): declarations are
; definitions, type and function uses are references.

(data_model name: (identifier) @name) @definition.class
(type_def name: (identifier) @name) @definition.interface
(enum_declaration name: (identifier) @name) @definition.enum
(function_declaration name: (identifier) @name) @definition.function
(procedure_declaration name: (identifier) @name) @definition.function
(attribute_declaration name: (attribute_name) @name) @definition.macro
(datasource_declaration name: (identifier) @name) @definition.module
(plugin_declaration name: (identifier) @name) @definition.module

(field_type base: (identifier) @name) @reference.type
(parameter_type base: (identifier) @name) @reference.type
(extends_clause (identifier) @name) @reference.class
(mixin_clause (identifier) @name) @reference.interface
(call_expression function: (identifier) @name) @reference.call
