// Placeholder replaced by the full ZModel grammar.
module.exports = grammar({
  name: 'zmodel',
  extras: $ => [/\s/],
  rules: {
    schema: $ => repeat($.identifier),
    identifier: $ => /[_A-Za-z][_A-Za-z0-9]*/,
  },
});
