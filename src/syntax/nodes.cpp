// Typed views over tree-sitter-zmodel nodes: kind checks and field lookups.
#include "syntax/nodes.h"

namespace zen::syntax {

namespace {

template <class V>
std::optional<V> cast_kind(Node node, std::string_view kind) {
  if (node.is_null() || node.is_missing() || node.kind() != kind) return std::nullopt;
  return V(node);
}

template <class V>
std::vector<V> views_of_kind(Node parent, std::string_view kind) {
  std::vector<V> out;
  if (parent.is_null()) return out;
  uint32_t n = parent.named_child_count();
  for (uint32_t i = 0; i < n; ++i) {
    Node c = parent.named_child(i);
    if (c.kind() == kind && !c.is_missing()) out.emplace_back(c);
  }
  return out;
}

std::optional<Token> field_token(Node node, std::string_view field) {
  return token_of(node.child_by_field(field));
}

std::optional<Expression> field_expression(Node node, std::string_view field) {
  return Expression::cast(node.child_by_field(field));
}

std::vector<Token> identifier_tokens(Node clause) {
  std::vector<Token> out;
  for (const Node& c : clause.named_children()) {
    if (c.kind() != "identifier") continue;
    if (auto t = token_of(c)) out.push_back(*t);
  }
  return out;
}

std::optional<TextRange> body_range_of(Node node) {
  Node body = node.child_by_field("body");
  if (body.is_null() || body.is_missing()) return std::nullopt;
  return body.range();
}

bool has_child_of_kind(Node node, std::string_view kind) {
  for (const Node& c : node.children())
    if (c.kind() == kind && !c.is_missing()) return true;
  return false;
}

}  // namespace

std::optional<Token> token_of(Node node) {
  if (node.is_null() || node.is_missing()) return std::nullopt;
  std::string_view text = node.text();
  if (text.empty()) return std::nullopt;
  return Token{text, node.range()};
}

std::string unquote_string(std::string_view literal) {
  if (literal.size() < 2 || (literal.front() != '"' && literal.front() != '\'') ||
      literal.back() != literal.front())
    return std::string(literal);
  std::string_view body = literal.substr(1, literal.size() - 2);
  std::string out;
  out.reserve(body.size());
  for (size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (c != '\\' || i + 1 == body.size()) {
      out += c;
      continue;
    }
    char e = body[++i];
    switch (e) {
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case 'r': out += '\r'; break;
      default: out += e; break;
    }
  }
  return out;
}

std::vector<std::string_view> doc_comments(Node node) {
  std::vector<std::string_view> out;
  for (Node p = node.prev_sibling(); !p.is_null(); p = p.prev_sibling()) {
    if (p.kind() == "comment") continue;
    if (p.kind() != "doc_comment") break;
    std::string_view text = p.text().substr(3);
    if (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && (text.back() == '\r' || text.back() == ' ')) text.remove_suffix(1);
    out.insert(out.begin(), text);
  }
  return out;
}

// ---- expressions ---------------------------------------------------------------------------

std::optional<Argument> Argument::cast(Node node) { return cast_kind<Argument>(node, "argument"); }
std::optional<Token> Argument::name() const { return field_token(node_, "name"); }
std::optional<Expression> Argument::value() const { return field_expression(node_, "value"); }

std::optional<ObjectField> ObjectField::cast(Node node) {
  return cast_kind<ObjectField>(node, "object_field");
}
std::optional<std::string> ObjectField::key() const {
  Node key = key_node();
  if (key.is_null() || key.is_missing()) return std::nullopt;
  if (key.kind() == "string") return unquote_string(key.text());
  return std::string(key.text());
}
std::optional<Expression> ObjectField::value() const { return field_expression(node_, "value"); }

namespace {

std::optional<ExpressionKind> expression_kind(std::string_view kind) {
  if (kind == "binary_expression") return ExpressionKind::Binary;
  if (kind == "unary_expression") return ExpressionKind::Unary;
  if (kind == "member_expression") return ExpressionKind::Member;
  if (kind == "collection_predicate") return ExpressionKind::CollectionPredicate;
  if (kind == "call_expression") return ExpressionKind::Call;
  if (kind == "array_expression") return ExpressionKind::Array;
  if (kind == "object_expression") return ExpressionKind::Object;
  if (kind == "parenthesized_expression") return ExpressionKind::Parenthesized;
  if (kind == "identifier") return ExpressionKind::Reference;
  if (kind == "string") return ExpressionKind::String;
  if (kind == "number") return ExpressionKind::Number;
  if (kind == "boolean") return ExpressionKind::Boolean;
  if (kind == "null") return ExpressionKind::Null;
  if (kind == "this") return ExpressionKind::This;
  return std::nullopt;
}

}  // namespace

std::optional<Expression> Expression::cast(Node node) {
  if (node.is_null() || node.is_missing() || !node.is_named()) return std::nullopt;
  if (!expression_kind(node.kind())) return std::nullopt;
  return Expression(node);
}

ExpressionKind Expression::kind() const { return *expression_kind(node_.kind()); }

std::optional<Expression> Expression::left() const {
  if (kind() != ExpressionKind::Binary) return std::nullopt;
  return field_expression(node_, "left");
}
std::optional<Expression> Expression::right() const {
  if (kind() != ExpressionKind::Binary) return std::nullopt;
  return field_expression(node_, "right");
}
std::string_view Expression::op() const {
  Node op = node_.child_by_field("operator");
  return op.is_missing() ? std::string_view() : op.text();
}
std::optional<Expression> Expression::operand() const {
  if (kind() != ExpressionKind::Unary) return std::nullopt;
  return field_expression(node_, "operand");
}
std::optional<Expression> Expression::object() const {
  if (kind() != ExpressionKind::Member) return std::nullopt;
  return field_expression(node_, "object");
}
std::optional<Token> Expression::property() const {
  if (kind() != ExpressionKind::Member) return std::nullopt;
  return field_token(node_, "property");
}
std::optional<Expression> Expression::collection() const {
  if (kind() != ExpressionKind::CollectionPredicate) return std::nullopt;
  return field_expression(node_, "collection");
}
std::optional<Token> Expression::binding() const {
  if (kind() != ExpressionKind::CollectionPredicate) return std::nullopt;
  return field_token(node_, "binding");
}
std::optional<Expression> Expression::condition() const {
  if (kind() != ExpressionKind::CollectionPredicate) return std::nullopt;
  return field_expression(node_, "condition");
}
std::optional<Token> Expression::function() const {
  if (kind() != ExpressionKind::Call) return std::nullopt;
  return field_token(node_, "function");
}
std::vector<Argument> Expression::arguments() const {
  if (kind() != ExpressionKind::Call) return {};
  return views_of_kind<Argument>(node_.child_by_field("arguments"), "argument");
}
std::vector<Expression> Expression::items() const {
  std::vector<Expression> out;
  if (kind() != ExpressionKind::Array) return out;
  for (const Node& c : node_.named_children())
    if (auto e = Expression::cast(c)) out.push_back(*e);
  return out;
}
std::vector<ObjectField> Expression::fields() const {
  if (kind() != ExpressionKind::Object) return {};
  return views_of_kind<ObjectField>(node_, "object_field");
}
std::optional<Expression> Expression::inner() const {
  if (kind() != ExpressionKind::Parenthesized) return std::nullopt;
  for (const Node& c : node_.named_children())
    if (auto e = Expression::cast(c)) return e;
  return std::nullopt;
}
std::optional<Token> Expression::reference() const {
  if (kind() != ExpressionKind::Reference) return std::nullopt;
  return token_of(node_);
}
std::optional<std::string> Expression::string_value() const {
  if (kind() != ExpressionKind::String) return std::nullopt;
  return unquote_string(node_.text());
}
std::optional<std::string_view> Expression::number_text() const {
  if (kind() != ExpressionKind::Number) return std::nullopt;
  return node_.text();
}
std::optional<bool> Expression::boolean_value() const {
  if (kind() != ExpressionKind::Boolean) return std::nullopt;
  return node_.text() == "true";
}

// ---- attributes ----------------------------------------------------------------------------

std::optional<Attribute> Attribute::cast(Node node) {
  if (node.is_null() || node.is_missing()) return std::nullopt;
  std::string_view k = node.kind();
  if (k != "field_attribute" && k != "model_attribute" && k != "internal_attribute")
    return std::nullopt;
  return Attribute(node);
}
AttributeKind Attribute::kind() const {
  std::string_view k = node_.kind();
  if (k == "model_attribute") return AttributeKind::Model;
  if (k == "internal_attribute") return AttributeKind::Internal;
  return AttributeKind::Field;
}
std::optional<Token> Attribute::name() const { return field_token(node_, "name"); }
bool Attribute::has_argument_list() const {
  Node args = node_.child_by_field("arguments");
  return !args.is_null() && !args.is_missing();
}
std::vector<Argument> Attribute::arguments() const {
  return views_of_kind<Argument>(node_.child_by_field("arguments"), "argument");
}

// ---- types -----------------------------------------------------------------------------------

std::optional<FieldType> FieldType::cast(Node node) { return cast_kind<FieldType>(node, "field_type"); }
std::optional<std::string_view> FieldType::builtin() const {
  Node base = node_.child_by_field("base");
  if (base.kind() != "builtin_type") return std::nullopt;
  return base.text();
}
std::optional<Token> FieldType::reference() const {
  Node base = node_.child_by_field("base");
  if (base.kind() != "identifier") return std::nullopt;
  return token_of(base);
}
bool FieldType::is_unsupported() const {
  return node_.child_by_field("base").kind() == "unsupported_type";
}
std::optional<std::string> FieldType::unsupported_value() const {
  Node base = node_.child_by_field("base");
  if (base.kind() != "unsupported_type") return std::nullopt;
  Node value = base.child_by_field("value");
  if (value.is_null() || value.is_missing()) return std::nullopt;
  return unquote_string(value.text());
}
bool FieldType::is_list() const { return has_child_of_kind(node_, "list_suffix"); }
bool FieldType::is_optional() const { return has_child_of_kind(node_, "optional_suffix"); }

std::optional<ParameterType> ParameterType::cast(Node node) {
  return cast_kind<ParameterType>(node, "parameter_type");
}
std::optional<Token> ParameterType::base() const { return field_token(node_, "base"); }
bool ParameterType::is_builtin() const { return node_.child_by_field("base").kind() == "builtin_type"; }
bool ParameterType::is_expression_type() const {
  return node_.child_by_field("base").kind() == "expression_type";
}
bool ParameterType::is_reference() const {
  Node base = node_.child_by_field("base");
  return base.kind() == "identifier" && !base.is_missing();
}
bool ParameterType::is_list() const { return has_child_of_kind(node_, "list_suffix"); }
bool ParameterType::is_optional() const { return has_child_of_kind(node_, "optional_suffix"); }

// ---- fields and parameters -------------------------------------------------------------------

std::optional<FunctionParameter> FunctionParameter::cast(Node node) {
  return cast_kind<FunctionParameter>(node, "function_parameter");
}
std::optional<Token> FunctionParameter::name() const { return field_token(node_, "name"); }
std::optional<ParameterType> FunctionParameter::type() const {
  return ParameterType::cast(node_.child_by_field("type"));
}
bool FunctionParameter::is_optional() const { return has_child_of_kind(node_, "optional_suffix"); }

std::optional<DataField> DataField::cast(Node node) { return cast_kind<DataField>(node, "data_field"); }
std::optional<Token> DataField::name() const { return field_token(node_, "name"); }
std::optional<FieldType> DataField::type() const { return FieldType::cast(node_.child_by_field("type")); }
std::vector<Attribute> DataField::attributes() const {
  return views_of_kind<Attribute>(node_, "field_attribute");
}
std::vector<FunctionParameter> DataField::parameters() const {
  return views_of_kind<FunctionParameter>(node_.child_by_field("parameters"), "function_parameter");
}

std::optional<EnumField> EnumField::cast(Node node) { return cast_kind<EnumField>(node, "enum_field"); }
std::optional<Token> EnumField::name() const { return field_token(node_, "name"); }
std::vector<Attribute> EnumField::attributes() const {
  return views_of_kind<Attribute>(node_, "field_attribute");
}

std::optional<AttributeParameter> AttributeParameter::cast(Node node) {
  return cast_kind<AttributeParameter>(node, "attribute_parameter");
}
bool AttributeParameter::is_positional() const { return has_child_of_kind(node_, "positional_marker"); }
std::optional<Token> AttributeParameter::name() const { return field_token(node_, "name"); }
std::optional<ParameterType> AttributeParameter::type() const {
  return ParameterType::cast(node_.child_by_field("type"));
}
std::vector<Attribute> AttributeParameter::attributes() const {
  return views_of_kind<Attribute>(node_, "internal_attribute");
}

std::optional<ConfigField> ConfigField::cast(Node node) {
  return cast_kind<ConfigField>(node, "config_field");
}
std::optional<Token> ConfigField::name() const { return field_token(node_, "name"); }
std::optional<Expression> ConfigField::value() const { return field_expression(node_, "value"); }

// ---- declarations ----------------------------------------------------------------------------

std::optional<Import> Import::cast(Node node) { return cast_kind<Import>(node, "import_declaration"); }
std::optional<std::string> Import::path() const {
  Node p = path_node();
  if (p.is_null() || p.is_missing()) return std::nullopt;
  return unquote_string(p.text());
}

std::optional<ConfigDecl> ConfigDecl::cast(Node node) {
  if (node.is_null() || node.is_missing()) return std::nullopt;
  std::string_view k = node.kind();
  if (k != "datasource_declaration" && k != "generator_declaration" && k != "plugin_declaration")
    return std::nullopt;
  return ConfigDecl(node);
}
ConfigKind ConfigDecl::kind() const {
  std::string_view k = node_.kind();
  if (k == "generator_declaration") return ConfigKind::Generator;
  if (k == "plugin_declaration") return ConfigKind::Plugin;
  return ConfigKind::Datasource;
}
std::optional<Token> ConfigDecl::name() const { return field_token(node_, "name"); }
std::vector<ConfigField> ConfigDecl::fields() const {
  return views_of_kind<ConfigField>(node_.child_by_field("body"), "config_field");
}
std::optional<ConfigField> ConfigDecl::field(std::string_view name) const {
  for (const ConfigField& f : fields()) {
    auto n = f.name();
    if (n && n->text == name) return f;
  }
  return std::nullopt;
}

std::optional<DataModel> DataModel::cast(Node node) { return cast_kind<DataModel>(node, "data_model"); }
bool DataModel::is_view() const { return node_.child_by_field("keyword").kind() == "view"; }
bool DataModel::is_abstract() const { return has_child_of_kind(node_, "abstract"); }
std::optional<Token> DataModel::name() const { return field_token(node_, "name"); }
std::vector<Token> DataModel::bases() const {
  std::vector<Token> out;
  for (const Node& c : node_.children_of_kind("extends_clause")) {
    auto names = identifier_tokens(c);
    out.insert(out.end(), names.begin(), names.end());
  }
  return out;
}
std::vector<Token> DataModel::mixins() const {
  std::vector<Token> out;
  for (const Node& c : node_.children_of_kind("mixin_clause")) {
    auto names = identifier_tokens(c);
    out.insert(out.end(), names.begin(), names.end());
  }
  return out;
}
std::vector<DataField> DataModel::fields() const {
  return views_of_kind<DataField>(node_.child_by_field("body"), "data_field");
}
std::vector<Attribute> DataModel::attributes() const {
  return views_of_kind<Attribute>(node_.child_by_field("body"), "model_attribute");
}
std::optional<TextRange> DataModel::body_range() const { return body_range_of(node_); }

std::optional<TypeDef> TypeDef::cast(Node node) { return cast_kind<TypeDef>(node, "type_def"); }
std::optional<Token> TypeDef::name() const { return field_token(node_, "name"); }
std::vector<Token> TypeDef::mixins() const {
  return identifier_tokens(node_.first_child_of_kind("mixin_clause"));
}
std::vector<DataField> TypeDef::fields() const {
  return views_of_kind<DataField>(node_.child_by_field("body"), "data_field");
}
std::vector<Attribute> TypeDef::attributes() const {
  return views_of_kind<Attribute>(node_.child_by_field("body"), "model_attribute");
}
std::optional<TextRange> TypeDef::body_range() const { return body_range_of(node_); }

std::optional<Enum> Enum::cast(Node node) { return cast_kind<Enum>(node, "enum_declaration"); }
std::optional<Token> Enum::name() const { return field_token(node_, "name"); }
std::vector<EnumField> Enum::fields() const {
  return views_of_kind<EnumField>(node_.child_by_field("body"), "enum_field");
}
std::vector<Attribute> Enum::attributes() const {
  return views_of_kind<Attribute>(node_.child_by_field("body"), "model_attribute");
}
std::optional<TextRange> Enum::body_range() const { return body_range_of(node_); }

std::optional<FunctionDecl> FunctionDecl::cast(Node node) {
  return cast_kind<FunctionDecl>(node, "function_declaration");
}
std::optional<Token> FunctionDecl::name() const { return field_token(node_, "name"); }
std::vector<FunctionParameter> FunctionDecl::parameters() const {
  return views_of_kind<FunctionParameter>(node_, "function_parameter");
}
std::optional<ParameterType> FunctionDecl::return_type() const {
  return ParameterType::cast(node_.child_by_field("return_type"));
}
std::optional<Expression> FunctionDecl::body() const { return field_expression(node_, "body"); }
std::vector<Attribute> FunctionDecl::attributes() const {
  return views_of_kind<Attribute>(node_, "internal_attribute");
}

std::optional<Procedure> Procedure::cast(Node node) {
  return cast_kind<Procedure>(node, "procedure_declaration");
}
bool Procedure::is_mutation() const { return has_child_of_kind(node_, "mutation"); }
std::optional<Token> Procedure::name() const { return field_token(node_, "name"); }
std::vector<FunctionParameter> Procedure::parameters() const {
  return views_of_kind<FunctionParameter>(node_, "function_parameter");
}
std::optional<ParameterType> Procedure::return_type() const {
  return ParameterType::cast(node_.child_by_field("return_type"));
}
std::vector<Attribute> Procedure::attributes() const {
  return views_of_kind<Attribute>(node_, "internal_attribute");
}

std::optional<AttributeDecl> AttributeDecl::cast(Node node) {
  return cast_kind<AttributeDecl>(node, "attribute_declaration");
}
std::optional<Token> AttributeDecl::name() const { return field_token(node_, "name"); }
std::optional<AttributeKind> AttributeDecl::kind() const {
  auto n = name();
  if (!n) return std::nullopt;
  if (n->text.substr(0, 3) == "@@@") return AttributeKind::Internal;
  if (n->text.substr(0, 2) == "@@") return AttributeKind::Model;
  return AttributeKind::Field;
}
std::vector<AttributeParameter> AttributeDecl::parameters() const {
  return views_of_kind<AttributeParameter>(node_, "attribute_parameter");
}
std::vector<Attribute> AttributeDecl::attributes() const {
  return views_of_kind<Attribute>(node_, "internal_attribute");
}

std::vector<Import> SourceFile::imports() const {
  return views_of_kind<Import>(node_, "import_declaration");
}

std::vector<Node> SourceFile::declarations() const {
  std::vector<Node> out;
  for (const Node& c : node_.named_children()) {
    auto k = declaration_kind(c);
    if (k && *k != DeclarationKind::Import) out.push_back(c);
  }
  return out;
}

std::optional<DeclarationKind> declaration_kind(Node node) {
  if (node.is_null() || node.is_missing()) return std::nullopt;
  std::string_view k = node.kind();
  if (k == "import_declaration") return DeclarationKind::Import;
  if (k == "datasource_declaration" || k == "generator_declaration" || k == "plugin_declaration")
    return DeclarationKind::Config;
  if (k == "data_model") return DeclarationKind::DataModel;
  if (k == "type_def") return DeclarationKind::TypeDef;
  if (k == "enum_declaration") return DeclarationKind::Enum;
  if (k == "function_declaration") return DeclarationKind::Function;
  if (k == "procedure_declaration") return DeclarationKind::Procedure;
  if (k == "attribute_declaration") return DeclarationKind::Attribute;
  return std::nullopt;
}

}  // namespace zen::syntax
