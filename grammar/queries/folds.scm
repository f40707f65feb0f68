; Folding: every braced block, multi-line argument lists and arrays, and block comments.

[
  (config_block)
  (model_body)
  (enum_body)
  (object_expression)
  (array_expression)
  (argument_list)
  (function_declaration)
  (attribute_declaration)
] @fold

((comment) @fold
  (#match? @fold "^/[*]"))
