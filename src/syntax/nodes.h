// Typed read-only views over tree-sitter-zmodel nodes (one per grammar node family). A view
// is a Node known to have a given kind; `cast` checks the kind. Every accessor that can be
// absent on broken input returns std::optional (or an empty vector): a model without a name,
// a field without a type, an argument without a value all happen while someone types.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "syntax/parse.h"

namespace zen::syntax {

/// A name or other token: its text and where it is. Never built from a MISSING node.
struct Token {
  std::string_view text;
  TextRange range;
  bool operator==(const Token&) const = default;
};

/// The token of `node`; nullopt for null or missing nodes and for empty text.
std::optional<Token> token_of(Node node);

/// The value of a string literal with its quotes removed and escapes (`\"`, `\\`, `\n`,
/// `\t`, `\r`, and `\<any>` as <any>) resolved. Returns the text unchanged if it is not quoted.
std::string unquote_string(std::string_view literal);

/// The `///` comments right before `node` (plain comments in between are skipped), in source
/// order, without the leading `///` and one following space.
std::vector<std::string_view> doc_comments(Node node);

/// Common base of the views: the wrapped node and its text/range.
class View {
 public:
  explicit View(Node node) : node_(node) {}
  Node node() const { return node_; }
  TextRange range() const { return node_.range(); }
  std::string_view text() const { return node_.text(); }
  /// True if the view's subtree contains a syntax error.
  bool has_error() const { return node_.has_error(); }

 protected:
  Node node_;
};

class Expression;
class Attribute;

// ---- expressions ---------------------------------------------------------------------------

enum class ExpressionKind {
  Binary,
  Unary,
  Member,
  CollectionPredicate,
  Call,
  Array,
  Object,
  Parenthesized,
  Reference,  // a bare identifier
  String,
  Number,
  Boolean,
  Null,
  This,
};

class Argument : public View {
 public:
  using View::View;
  static std::optional<Argument> cast(Node node);
  /// The `name:` of a named argument; nullopt for positional ones.
  std::optional<Token> name() const;
  std::optional<Expression> value() const;
};

class ObjectField : public View {
 public:
  using View::View;
  static std::optional<ObjectField> cast(Node node);
  /// The key: an identifier, or the unquoted value of a string key.
  std::optional<std::string> key() const;
  Node key_node() const { return node_.child_by_field("key"); }
  std::optional<Expression> value() const;
};

class Expression : public View {
 public:
  using View::View;
  /// nullopt for nodes that are not expressions (including ERROR nodes).
  static std::optional<Expression> cast(Node node);
  ExpressionKind kind() const;

  // Binary (`left op right`): op is "&&", "||", "==", "!=", "<", "<=", ">", ">=" or "in".
  std::optional<Expression> left() const;
  std::optional<Expression> right() const;
  /// The operator token of binary, unary (`!`) and collection predicates (`?`, `!`, `^`).
  std::string_view op() const;

  // Unary (`!operand`).
  std::optional<Expression> operand() const;

  // Member access (`object.property`).
  std::optional<Expression> object() const;
  std::optional<Token> property() const;

  // Collection predicate (`collection?[binding, condition]`).
  std::optional<Expression> collection() const;
  std::optional<Token> binding() const;
  std::optional<Expression> condition() const;

  // Call (`function(arguments)`); also field references with arguments (`title(sort: Desc)`).
  std::optional<Token> function() const;
  std::vector<Argument> arguments() const;

  // Array (`[items]`).
  std::vector<Expression> items() const;
  // Object (`{ key: value }`).
  std::vector<ObjectField> fields() const;
  // Parenthesized (`(inner)`).
  std::optional<Expression> inner() const;

  // Reference: the identifier's token.
  std::optional<Token> reference() const;
  // Literals.
  /// Unquoted, unescaped value of a string literal.
  std::optional<std::string> string_value() const;
  /// The number's text, sign included ("-1.5").
  std::optional<std::string_view> number_text() const;
  std::optional<bool> boolean_value() const;
};

// ---- attributes ----------------------------------------------------------------------------

enum class AttributeKind { Field, Model, Internal };  // @x, @@x, @@@x

/// An attribute application: `@id`, `@@index([a])`, `@@@prisma`.
class Attribute : public View {
 public:
  using View::View;
  static std::optional<Attribute> cast(Node node);
  AttributeKind kind() const;
  /// The full name including its `@`s, e.g. `@db.VarChar`.
  std::optional<Token> name() const;
  /// True when the attribute is written with parentheses (even empty ones).
  bool has_argument_list() const;
  std::vector<Argument> arguments() const;
};

// ---- types -----------------------------------------------------------------------------------

/// A data field's type: `String`, `Post[]`, `Unsupported("xml")?`.
class FieldType : public View {
 public:
  using View::View;
  static std::optional<FieldType> cast(Node node);
  /// `String`, `Int`… when the base is a builtin scalar type.
  std::optional<std::string_view> builtin() const;
  /// The name of the referenced model, type or enum when the base is a reference.
  std::optional<Token> reference() const;
  bool is_unsupported() const;
  /// The unquoted argument of `Unsupported("...")`.
  std::optional<std::string> unsupported_value() const;
  bool is_list() const;
  bool is_optional() const;
};

/// A parameter or return type of a function, procedure or attribute parameter.
class ParameterType : public View {
 public:
  using View::View;
  static std::optional<ParameterType> cast(Node node);
  /// The base type name, whatever its kind (`String`, `FieldReference`, `Post`).
  std::optional<Token> base() const;
  bool is_builtin() const;          // a scalar type (String, Int, …)
  bool is_expression_type() const;  // Any, Null, Object, Void, FieldReference, ContextType…
  bool is_reference() const;        // a declared model, type or enum
  bool is_list() const;
  /// `?` inside the type; only attribute parameters write it there.
  bool is_optional() const;
};

// ---- fields and parameters -------------------------------------------------------------------

class FunctionParameter : public View {
 public:
  using View::View;
  static std::optional<FunctionParameter> cast(Node node);
  std::optional<Token> name() const;
  std::optional<ParameterType> type() const;
  bool is_optional() const;
};

class DataField : public View {
 public:
  using View::View;
  static std::optional<DataField> cast(Node node);
  std::optional<Token> name() const;
  std::optional<FieldType> type() const;
  std::vector<Attribute> attributes() const;
  /// Parameters of a computed field (`total(scale: Int) Int`); empty for ordinary fields.
  std::vector<FunctionParameter> parameters() const;
};

class EnumField : public View {
 public:
  using View::View;
  static std::optional<EnumField> cast(Node node);
  std::optional<Token> name() const;
  std::vector<Attribute> attributes() const;
};

class AttributeParameter : public View {
 public:
  using View::View;
  static std::optional<AttributeParameter> cast(Node node);
  /// Written with a leading `_`: may be given positionally.
  bool is_positional() const;
  std::optional<Token> name() const;
  std::optional<ParameterType> type() const;
  std::vector<Attribute> attributes() const;
};

class ConfigField : public View {
 public:
  using View::View;
  static std::optional<ConfigField> cast(Node node);
  std::optional<Token> name() const;
  std::optional<Expression> value() const;
};

// ---- declarations ----------------------------------------------------------------------------

class Import : public View {
 public:
  using View::View;
  static std::optional<Import> cast(Node node);
  /// The unquoted path as written (`./models`).
  std::optional<std::string> path() const;
  Node path_node() const { return node_.child_by_field("path"); }
};

enum class ConfigKind { Datasource, Generator, Plugin };

/// `datasource`, `generator` and `plugin` blocks.
class ConfigDecl : public View {
 public:
  using View::View;
  static std::optional<ConfigDecl> cast(Node node);
  ConfigKind kind() const;
  std::optional<Token> name() const;
  std::vector<ConfigField> fields() const;
  /// The first field called `name`; nullopt if there is none.
  std::optional<ConfigField> field(std::string_view name) const;
};

/// `model` and `view` (and v2's `abstract model`).
class DataModel : public View {
 public:
  using View::View;
  static std::optional<DataModel> cast(Node node);
  bool is_view() const;
  bool is_abstract() const;
  std::optional<Token> name() const;
  /// Names after `extends` (one in v3; v2 allowed several).
  std::vector<Token> bases() const;
  /// Names after `with`.
  std::vector<Token> mixins() const;
  std::vector<DataField> fields() const;
  /// The `@@` attributes of the body.
  std::vector<Attribute> attributes() const;
  /// The `{ … }` body; nullopt when it is missing.
  std::optional<TextRange> body_range() const;
};

/// `type T with M { … }`.
class TypeDef : public View {
 public:
  using View::View;
  static std::optional<TypeDef> cast(Node node);
  std::optional<Token> name() const;
  std::vector<Token> mixins() const;
  std::vector<DataField> fields() const;
  std::vector<Attribute> attributes() const;
  std::optional<TextRange> body_range() const;
};

class Enum : public View {
 public:
  using View::View;
  static std::optional<Enum> cast(Node node);
  std::optional<Token> name() const;
  std::vector<EnumField> fields() const;
  std::vector<Attribute> attributes() const;
  std::optional<TextRange> body_range() const;
};

class FunctionDecl : public View {
 public:
  using View::View;
  static std::optional<FunctionDecl> cast(Node node);
  std::optional<Token> name() const;
  std::vector<FunctionParameter> parameters() const;
  std::optional<ParameterType> return_type() const;
  /// The expression between the braces; stdlib functions have none.
  std::optional<Expression> body() const;
  std::vector<Attribute> attributes() const;
};

class Procedure : public View {
 public:
  using View::View;
  static std::optional<Procedure> cast(Node node);
  bool is_mutation() const;
  std::optional<Token> name() const;
  std::vector<FunctionParameter> parameters() const;
  std::optional<ParameterType> return_type() const;
  std::vector<Attribute> attributes() const;
};

/// `attribute @name(params) @@@meta…`.
class AttributeDecl : public View {
 public:
  using View::View;
  static std::optional<AttributeDecl> cast(Node node);
  /// The declared name including its `@`s.
  std::optional<Token> name() const;
  /// Field, model or internal, from the number of `@`s; nullopt when the name is missing.
  std::optional<AttributeKind> kind() const;
  std::vector<AttributeParameter> parameters() const;
  std::vector<Attribute> attributes() const;
};

enum class DeclarationKind {
  Import,
  Config,  // datasource, generator, plugin
  DataModel,
  TypeDef,
  Enum,
  Function,
  Procedure,
  Attribute,
};

/// The root: imports and declarations in source order.
class SourceFile : public View {
 public:
  using View::View;
  explicit SourceFile(const SyntaxTree& tree) : View(tree.root()) {}
  std::vector<Import> imports() const;
  /// Every top-level node that is a declaration (not imports, comments or ERROR nodes).
  std::vector<Node> declarations() const;
};

/// The kind of a top-level node; nullopt for comments, ERROR nodes and unknown kinds.
std::optional<DeclarationKind> declaration_kind(Node node);

}  // namespace zen::syntax
