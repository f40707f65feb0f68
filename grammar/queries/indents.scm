; Indentation: the contents of braces, brackets and parentheses are indented one level.

[
  (config_block)
  (model_body)
  (enum_body)
  (object_expression)
  (array_expression)
  (argument_list)
] @indent.begin

[
  "}"
  "]"
  ")"
] @indent.branch @indent.end
