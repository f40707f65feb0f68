; Syntax highlighting for ZModel. Later patterns win in editors that apply the last match
; (Neovim) and earlier ones in those that keep the first (Helix): specific captures come first.

; Comments

(doc_comment) @comment.documentation
(comment) @comment

; Declarations and their names

[
  "datasource"
  "generator"
  "plugin"
  "model"
  "view"
  "type"
  "enum"
  "function"
  "procedure"
  "mutation"
  "attribute"
  "abstract"
  "extends"
  "with"
] @keyword

"import" @keyword.import

(data_model name: (identifier) @type.definition)
(type_def name: (identifier) @type.definition)
(enum_declaration name: (identifier) @type.definition)
(datasource_declaration name: (identifier) @variable)
(generator_declaration name: (identifier) @variable)
(plugin_declaration name: (identifier) @variable)
(function_declaration name: (identifier) @function)
(procedure_declaration name: (identifier) @function)

(extends_clause (identifier) @type)
(mixin_clause (identifier) @type)

; Fields and types

(data_field name: (identifier) @property)
(config_field name: (identifier) @property)
(enum_field name: (identifier) @constant)

(builtin_type) @type.builtin
(expression_type) @type.builtin
(unsupported_type "Unsupported" @type.builtin)
(field_type base: (identifier) @type)
(parameter_type base: (identifier) @type)
(list_suffix) @punctuation.bracket
(optional_suffix) @operator

(function_parameter name: (identifier) @variable.parameter)
(attribute_parameter name: (identifier) @variable.parameter)
(positional_marker) @variable.parameter.builtin

; Attributes

(attribute_name) @attribute

(argument name: (identifier) @variable.parameter)
(object_field key: (identifier) @property)

; Expressions

((call_expression function: (identifier) @function.builtin)
  (#any-of? @function.builtin "env" "auth" "now" "uuid" "cuid" "nanoid" "ulid" "autoincrement"
    "dbgenerated" "before" "check" "currentModel" "currentOperation"))

(call_expression function: (identifier) @function.call)

(member_expression property: (identifier) @property)
(collection_predicate binding: (identifier) @variable)

[
  (this)
  (null)
  (boolean)
] @constant.builtin

(string) @string
(number) @number

[
  "&&"
  "||"
  "=="
  "!="
  "<"
  "<="
  ">"
  ">="
  "!"
  "?"
  "^"
  "="
] @operator

"in" @keyword.operator

[
  "("
  ")"
  "["
  "]"
  "{"
  "}"
] @punctuation.bracket

[
  ","
  ":"
  "."
  ";"
] @punctuation.delimiter
