/**
 * @file tree-sitter grammar for ZModel, the schema language of ZenStack v3 (a superset of
 * Prisma's schema language).
 *
 * Node names follow ZenStack's langium grammar (packages/language/src/zmodel.langium) in
 * snake_case. The grammar is deliberately a little more tolerant than ZenStack's parser
 * (imports may appear anywhere, empty enums parse, `///` may appear anywhere) so that a
 * validator can report those cases with clear messages instead of generic syntax errors.
 */

/* eslint-disable arrow-parens */
/* eslint-disable camelcase */
/* eslint-disable-next-line spaced-comment */
/// <reference types="tree-sitter-cli/dsl" />
// @ts-check

// ZenStack's expression precedence, lowest to highest. `&&` and `||` share one level,
// unlike JavaScript: `a || b && c` is `(a || b) && c`.
const PREC = {
  logical: 1,
  equality: 2,
  comparison: 3,
  in: 4,
  collection: 5,
  unary: 6,
  member: 7,
  call: 8,
};

// Scalar types usable as field types (BuiltinType in langium).
const BUILTIN_TYPES = [
  'String', 'Boolean', 'Int', 'BigInt', 'Float', 'Decimal', 'DateTime', 'Json', 'Bytes',
];

// Extra types only usable in function, procedure and attribute parameter types.
const EXPRESSION_TYPES = [
  'Null', 'Object', 'Any', 'Void', 'Undefined', 'Unsupported',
  'FieldReference', 'TransitiveFieldReference', 'ContextType',
];

// Keywords ZenStack accepts where a RegularID is expected.
const REGULAR_ID_KEYWORDS = [
  'model', 'enum', 'attribute', 'datasource', 'plugin', 'abstract', 'in', 'view', 'import',
  'type',
];

// Keywords additionally accepted by RegularIDWithTypeNames (field names, enum members,
// reference targets).
const TYPE_NAME_KEYWORDS = [
  ...BUILTIN_TYPES, 'Null', 'Object', 'Any', 'Void', 'Unsupported',
];

const IDENT = '[_A-Za-z][_A-Za-z0-9]*';

/**
 * Comma-separated list with at least one element.
 * @param {RuleOrLiteral} rule
 * @return {SeqRule}
 */
function commaSep1(rule) {
  return seq(rule, repeat(seq(',', rule)));
}

/**
 * Comma-separated list, possibly empty.
 * @param {RuleOrLiteral} rule
 * @return {ChoiceRule}
 */
function commaSep(rule) {
  return optional(commaSep1(rule));
}

module.exports = grammar({
  name: 'zmodel',

  word: $ => $.identifier,

  extras: $ => [/\s/, $.comment, $.doc_comment],

  supertypes: $ => [$._expression],

  conflicts: $ => [],

  rules: {
    schema: $ => repeat(choice($.import_declaration, $._declaration)),

    _declaration: $ => choice(
      $.datasource_declaration,
      $.generator_declaration,
      $.plugin_declaration,
      $.data_model,
      $.type_def,
      $.enum_declaration,
      $.function_declaration,
      $.procedure_declaration,
      $.attribute_declaration,
    ),

    import_declaration: $ => seq('import', field('path', $.string), optional(';')),

    // datasource / generator / plugin

    datasource_declaration: $ => seq(
      'datasource', field('name', $._regular_id), field('body', $.config_block)),

    generator_declaration: $ => seq(
      'generator', field('name', $._regular_id), field('body', $.config_block)),

    plugin_declaration: $ => seq(
      'plugin', field('name', $._regular_id), field('body', $.config_block)),

    config_block: $ => seq('{', repeat($.config_field), '}'),

    config_field: $ => seq(
      field('name', $._regular_id), '=', field('value', $._config_value)),

    // ZenStack's ConfigExpr/PluginField value: no operators, so a field named by a keyword
    // (`in = …`) can follow a value without ambiguity.
    _config_value: $ => choice(
      $.string,
      $.number,
      $.boolean,
      $.null,
      $.call_expression,
      $.array_expression,
      $.object_expression,
      $._reference,
    ),

    // model / view / type

    data_model: $ => seq(
      optional('abstract'),
      field('keyword', choice('model', 'view')),
      field('name', $._regular_id),
      repeat(choice($.extends_clause, $.mixin_clause)),
      field('body', $.model_body),
    ),

    extends_clause: $ => seq('extends', commaSep1($._type_reference)),

    mixin_clause: $ => seq(
      'with', $._type_reference, repeat(seq(optional(','), $._type_reference))),

    type_def: $ => seq(
      'type',
      field('name', $._regular_id),
      optional($.mixin_clause),
      field('body', $.model_body),
    ),

    model_body: $ => seq('{', repeat(choice($.data_field, $.model_attribute)), '}'),

    data_field: $ => seq(
      field('name', $._regular_id_with_type_names),
      optional(field('parameters', $.data_field_parameters)),
      field('type', $.field_type),
      repeat($.field_attribute),
    ),

    // Parameters of a computed field: `total(scale: Int) Int @computed`.
    data_field_parameters: $ => seq('(', commaSep($.function_parameter), ')'),

    field_type: $ => seq(
      field('base', choice($.builtin_type, $.unsupported_type, $._type_reference)),
      optional($.list_suffix),
      optional($.optional_suffix),
    ),

    builtin_type: _ => choice(...BUILTIN_TYPES),

    unsupported_type: $ => seq('Unsupported', '(', field('value', $.string), ')'),

    list_suffix: _ => seq('[', ']'),

    optional_suffix: _ => '?',

    // enum

    enum_declaration: $ => seq(
      'enum', field('name', $._regular_id), field('body', $.enum_body)),

    enum_body: $ => seq('{', repeat(choice($.enum_field, $.model_attribute)), '}'),

    enum_field: $ => seq(
      field('name', $._regular_id_with_type_names),
      repeat($.field_attribute),
    ),

    // function / procedure / attribute declarations

    function_declaration: $ => seq(
      'function',
      field('name', $._regular_id),
      '(', commaSep($.function_parameter), ')',
      ':', field('return_type', $.parameter_type),
      '{', optional(field('body', $._expression)), '}',
      repeat($.internal_attribute),
    ),

    procedure_declaration: $ => seq(
      optional('mutation'),
      'procedure',
      field('name', $._regular_id),
      '(', commaSep($.function_parameter), ')',
      ':', field('return_type', $.parameter_type),
      repeat($.internal_attribute),
    ),

    function_parameter: $ => seq(
      field('name', $._regular_id),
      ':',
      field('type', $.parameter_type),
      optional($.optional_suffix),
    ),

    parameter_type: $ => seq(
      field('base', choice($.builtin_type, $.expression_type, $._type_reference)),
      optional($.list_suffix),
    ),

    expression_type: _ => choice(...EXPRESSION_TYPES),

    attribute_declaration: $ => seq(
      'attribute',
      field('name', choice(
        alias($._field_attribute_name, $.attribute_name),
        alias($._model_attribute_name, $.attribute_name),
        alias($._internal_attribute_name, $.attribute_name),
      )),
      '(', commaSep($.attribute_parameter), ')',
      repeat($.internal_attribute),
    ),

    attribute_parameter: $ => seq(
      optional($.positional_marker),
      field('name', $._regular_id),
      ':',
      field('type', alias($._attribute_parameter_type, $.parameter_type)),
      repeat($.internal_attribute),
    ),

    positional_marker: _ => '_',

    // An attribute parameter's type may itself be optional: `map: String?`.
    _attribute_parameter_type: $ => seq(
      field('base', choice($.builtin_type, $.expression_type, $._type_reference)),
      optional($.list_suffix),
      optional($.optional_suffix),
    ),

    // attribute applications

    field_attribute: $ => seq(
      field('name', alias($._field_attribute_name, $.attribute_name)),
      optional(field('arguments', $.argument_list)),
    ),

    model_attribute: $ => seq(
      field('name', alias($._model_attribute_name, $.attribute_name)),
      optional(field('arguments', $.argument_list)),
    ),

    internal_attribute: $ => seq(
      field('name', alias($._internal_attribute_name, $.attribute_name)),
      optional(field('arguments', $.argument_list)),
    ),

    // Longest match picks `@@@x` over `@@x` over `@x`; each may be dotted (`@db.VarChar`).
    _internal_attribute_name: _ => token(new RegExp(`@@@(${IDENT}\\.)*${IDENT}`)),
    _model_attribute_name: _ => token(new RegExp(`@@(${IDENT}\\.)*${IDENT}`)),
    _field_attribute_name: _ => token(new RegExp(`@(${IDENT}\\.)*${IDENT}`)),

    argument_list: $ => seq(
      '(',
      optional(seq(commaSep1($.argument), optional(','))),
      ')',
    ),

    argument: $ => seq(
      optional(seq(field('name', $._regular_id), ':')),
      field('value', $._expression),
    ),

    // expressions

    _expression: $ => choice(
      $.binary_expression,
      $.unary_expression,
      $.member_expression,
      $.collection_predicate,
      $.call_expression,
      $.array_expression,
      $.object_expression,
      $.parenthesized_expression,
      $._reference,
      $.string,
      $.number,
      $.boolean,
      $.null,
      $.this,
    ),

    binary_expression: $ => choice(
      ...[
        [PREC.logical, choice('&&', '||')],
        [PREC.equality, choice('==', '!=')],
        [PREC.comparison, choice('<', '<=', '>', '>=')],
        [PREC.in, 'in'],
      ].map(([precedence, operator]) => prec.left(/** @type {number} */ (precedence), seq(
        field('left', $._expression),
        field('operator', /** @type {RuleOrLiteral} */ (operator)),
        field('right', $._expression),
      ))),
    ),

    unary_expression: $ => prec(PREC.unary, seq(
      field('operator', '!'),
      field('operand', $._expression),
    )),

    member_expression: $ => prec.left(PREC.member, seq(
      field('object', $._expression),
      '.',
      field('property', $._regular_id_with_type_names),
    )),

    // `items?[cond]` (some), `items![cond]` (every), `items^[cond]` (none), with an optional
    // binding: `items?[x, x.price > 0]`.
    collection_predicate: $ => prec.left(PREC.collection, seq(
      field('collection', $._expression),
      field('operator', choice('?', '!', '^')),
      '[',
      optional(seq(field('binding', $._regular_id), ',')),
      field('condition', $._expression),
      ']',
    )),

    call_expression: $ => prec(PREC.call, seq(
      field('function', $._regular_id_with_type_names),
      field('arguments', $.argument_list),
    )),

    array_expression: $ => seq('[', commaSep($._expression), ']'),

    object_expression: $ => seq(
      '{',
      optional(seq(commaSep1($.object_field), optional(','))),
      '}',
    ),

    object_field: $ => seq(
      field('key', choice($._regular_id, $.string)),
      ':',
      field('value', $._expression),
    ),

    parenthesized_expression: $ => seq('(', $._expression, ')'),

    _reference: $ => $._regular_id_with_type_names,

    // names

    _type_reference: $ => $._regular_id,

    _regular_id: $ => choice(
      $.identifier,
      alias(choice(...REGULAR_ID_KEYWORDS), $.identifier),
    ),

    _regular_id_with_type_names: $ => choice(
      $._regular_id,
      alias(choice(...TYPE_NAME_KEYWORDS), $.identifier),
    ),

    // literals and tokens

    identifier: _ => new RegExp(IDENT),

    // The closing quote is optional so that a string left open while typing ends at the end
    // of its line instead of swallowing the lines after it; consumers report it as
    // unterminated (zen's syntax layer does).
    string: _ => token(choice(
      /"([^"\\\n]|\\.)*"?/,
      /'([^'\\\n]|\\.)*'?/,
    )),

    number: _ => /[+-]?\d+(\.\d+)?/,

    boolean: _ => choice('true', 'false'),

    null: _ => 'null',

    this: _ => 'this',

    // `//` and `/* */` comments; `////…` is an ordinary comment too. Kept disjoint from
    // doc_comment so the lexer never has to choose between them.
    comment: _ => token(choice(
      seq('//', /([^/\n][^\n]*)?/),
      seq('////', /[^\n]*/),
      seq('/*', /[^*]*\*+([^/*][^*]*\*+)*/, '/'),
    )),

    // `///` documentation comments attach to the declaration, field or parameter after them.
    doc_comment: _ => token(seq('///', /([^/\n][^\n]*)?/)),
  },
});
