// The semantic model of a ZModel workspace: every declaration (user files and the embedded
// standard library) with resolved types, inheritance, attribute applications and references.
// It is THE interface for schema lowering (migrations) and the language server.
//
// Conventions:
// - A Model is immutable once built and move-only; `const Field*` / `const Decl*` pointers into it
//   stay valid for its lifetime (moving a Model keeps them valid too).
// - Declaration order (Model::decls): the embedded standard library first (file 0), then the entry
//   file's declarations in source order, then each imported file's declarations, files in depth-first
//   pre-order of their `import` statements, each file once (as ZenStack appends imported
//   declarations after the importing document's when it merges imports).
// - The per-kind lists (models, enums, ...) contain user declarations only, never the stdlib's.
// - Ranges are byte ranges into the file's text (see base/line_index.h for line/column).
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "base/provider.h"

namespace zen::analysis {

using FileId = uint32_t;
using DeclId = uint32_t;
inline constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();
/// The embedded standard library (stdlib.zmodel + the policy plugin) is always file 0.
inline constexpr FileId kStdlibFile = 0;
inline constexpr std::string_view kStdlibPath = "<stdlib>/stdlib.zmodel";

enum class DeclKind {
  Datasource,
  Generator,
  Plugin,
  Model,      // `model` (including v2 `abstract model`)
  View,       // `view`
  TypeDef,    // `type`
  Enum,
  Function,
  Procedure,
  Attribute,  // `attribute @x(...)` declarations
};
const char* decl_kind_name(DeclKind k);  // "model", "view", "type", "enum", ...

/// What a name in the source refers to. `decl` indexes Model::decls; `member` indexes the
/// decl's `fields` (Field), `values` (EnumValue), `params` (Param) or `config` (ConfigField).
enum class SymbolKind { None, Decl, Field, EnumValue, Param, ConfigField, Binding };

struct Symbol {
  SymbolKind kind = SymbolKind::None;
  DeclId decl = kNone;
  uint32_t member = kNone;
  /// For Binding: where the collection-predicate binding (`items?[x, ...]`) is declared.
  TextRange binding_range;

  bool valid() const { return kind != SymbolKind::None; }
  bool operator==(const Symbol&) const = default;
};

/// One use of a name in the source and what it resolved to (for definition/references/rename).
struct Reference {
  FileId file = kNone;
  TextRange range;  // the name's range (for attributes: the whole `@db.VarChar` token)
  Symbol target;
};

enum class BuiltinType { String, Boolean, Int, BigInt, Float, Decimal, DateTime, Json, Bytes };
std::optional<BuiltinType> parse_builtin_type(std::string_view name);
const char* builtin_type_name(BuiltinType t);

// ---------------------------------------------------------------------------------------------
// Expressions

enum class ExprKind {
  Error,       // missing or unparsable
  String,      // "abc" (text = unescaped value)
  Number,      // -1.5 (text = as written, sign included)
  Boolean,     // true / false (text = "true" / "false")
  Null,
  This,
  Reference,   // an identifier: field, enum value, binding, declaration (text = name)
  Member,      // object.property (children[0] = object, text = property)
  Call,        // f(args) or a field reference with arguments `title(sort: Desc)` (text = name)
  Array,       // [items] (children = items)
  Object,      // { key: value } (args = entries: name = key)
  Binary,      // children[0] op children[1] (text = operator: && || == != < <= > >= in)
  Unary,       // !operand (children[0], text = "!")
  Predicate,   // collection?[binding, condition] (children[0] = collection, children[1] =
               // condition; text = "?", "!" or "^"; binding/binding_range when given)
};

struct Argument;

struct Expr {
  ExprKind kind = ExprKind::Error;
  TextRange range;
  std::string text;
  /// Reference, Member, Call: the range of the name / property identifier.
  TextRange name_range;
  std::vector<Expr> children;
  /// Call and Object only.
  std::vector<Argument> args;
  /// Predicate only.
  std::string binding;
  TextRange binding_range;
  /// Reference, Member: the field / enum value / binding / declaration it names.
  /// Call: the function declaration (Symbol{Decl}) or, for `name(args)` inside field lists of
  /// @@index/@@unique/@@id, the field. Unresolved: kind None.
  Symbol target;

  // Easy accessors; each returns nullopt / empty when the expression is of another kind.
  std::optional<std::string_view> as_string() const;
  std::optional<std::string_view> as_number() const;
  std::optional<bool> as_bool() const;
  bool is_null() const { return kind == ExprKind::Null; }
  /// Array items (empty for non-arrays).
  const std::vector<Expr>& items() const;
  /// The identifier of a Reference, or the name of a Call.
  std::optional<std::string_view> name() const;
  /// For `env("X")`: "X".
  std::optional<std::string_view> env_var() const;
  /// True for a call of the named function (`auth`, `now`, `uuid`, ...).
  bool is_call(std::string_view fn) const { return kind == ExprKind::Call && text == fn; }
  /// A call's argument by name (as written) or, when unnamed, by position; nullptr if absent.
  const Argument* arg(std::string_view arg_name, size_t position = SIZE_MAX) const;
};

struct Argument {
  /// Name as written (`name: value`), empty for a positional argument.
  std::string name;
  TextRange name_range;
  TextRange range;
  Expr value;
  /// For attribute applications: the matched parameter's name and index in the attribute
  /// declaration's `params` (kNone if it matched none). Positional arguments fill the `_`
  /// parameters left to right.
  std::string param;
  uint32_t param_index = kNone;
};

// ---------------------------------------------------------------------------------------------
// Declarations

/// An attribute application: `@id`, `@db.VarChar(255)`, `@@index([a, b])`, `@@@prisma`.
struct AttributeApp {
  /// The full name as written, including the `@`s.
  std::string name;
  TextRange range;
  TextRange name_range;
  std::vector<Argument> args;
  /// The attribute declaration (Model::decls[decl], kind Attribute); kNone when unknown.
  DeclId decl = kNone;
  /// For model-level attributes: the declaration it was written in (differs from the holder
  /// when inherited from an abstract/delegate base or a mixin).
  DeclId origin = kNone;

  /// The argument matched to the parameter `param` (by name or position); nullptr if absent.
  const Argument* arg(std::string_view param) const;
  /// The first positional argument (or the one matched to the first parameter).
  const Argument* first() const;
};

enum class TypeKind { Builtin, Enum, Model, TypeDef, Unsupported, Unresolved };

struct FieldType {
  TypeKind kind = TypeKind::Unresolved;
  /// The type name as written: "String", "Post", or for Unsupported the string inside.
  std::string name;
  std::optional<BuiltinType> builtin;  // Builtin only
  DeclId decl = kNone;                 // Enum, Model (also views), TypeDef
  bool optional = false;
  bool list = false;
  TextRange range;       // the whole type, `Post[]?`
  TextRange name_range;  // just `Post`
};

/// A data field of a model, view or type, or a parameter of a function/procedure/attribute.
struct Field {
  std::string name;
  TextRange range;
  TextRange name_range;
  std::string doc;  // `///` lines before it, without the slashes, joined by "\n"
  FieldType type;
  std::vector<AttributeApp> attributes;
  /// The declaration the field is written in (for inherited fields: the base or mixin).
  DeclId owner = kNone;
  FileId file = kNone;

  const AttributeApp* find_attribute(std::string_view name) const;
  bool has_attribute(std::string_view name) const { return find_attribute(name) != nullptr; }
};

/// A function/procedure/attribute parameter.
struct Param {
  std::string name;
  TextRange range;
  TextRange name_range;
  std::string doc;
  /// Attribute parameters: the leading `_` (may be given positionally).
  bool positional = false;
  bool optional = false;
  bool list = false;
  /// Type name: a builtin, an expression type (Any, Object, Null, Void, FieldReference,
  /// TransitiveFieldReference, ContextType, ...) or a declaration name.
  std::string type;
  TextRange type_range;  // the type name as written
  DeclId type_decl = kNone;
  std::vector<AttributeApp> attributes;  // e.g. @@@completionHint
};

struct EnumValue {
  std::string name;
  TextRange range;
  TextRange name_range;
  std::string doc;
  std::vector<AttributeApp> attributes;  // e.g. @map("x")

  const AttributeApp* find_attribute(std::string_view name) const;
};

/// `name = value` in a datasource, generator or plugin.
struct ConfigField {
  std::string name;
  TextRange range;
  TextRange name_range;
  std::string doc;
  Expr value;
};

/// A field as seen in a resolved model: own, inherited from an `extends` base, or from a mixin.
struct FieldSlot {
  const Field* field = nullptr;
  /// Model::decls index of the declaration that wrote it (== field->owner).
  DeclId origin = kNone;
  /// Index of the field in Model::decls[origin].fields (Symbol{Field, origin, member}).
  uint32_t member = kNone;
  /// True when the field comes from a base or mixin rather than the model itself.
  bool inherited = false;
};

struct Decl {
  DeclKind kind = DeclKind::Model;
  std::string name;
  FileId file = kNone;
  TextRange range;
  TextRange name_range;
  std::string doc;
  DeclId id = kNone;
  /// Internal: identifies one lowering of the declaration's text across analyses (the Host
  /// recycles a previous snapshot's storage by it); 0 when unknown.
  uint64_t stamp = 0;

  bool is_abstract = false;  // v2 `abstract model`
  bool is_mutation = false;  // `mutation procedure`

  // Models, views and types.
  std::vector<Field> fields;  // own fields, in source order
  /// `extends` names in order (v2 allows several) and their resolution (kNone if unresolved).
  std::vector<std::string> base_names;
  std::vector<TextRange> base_ranges;
  std::vector<DeclId> bases;
  std::vector<std::string> mixin_names;
  std::vector<TextRange> mixin_ranges;
  std::vector<DeclId> mixins;
  /// ALL fields in ZenStack's order: mixin fields (each mixin's all_fields, in `with` order),
  /// then base fields (each base's all_fields), then own fields. Duplicated names are kept
  /// (and reported as `duplicate-field`).
  std::vector<FieldSlot> all_fields;
  /// Model-level attributes as written in this declaration (`@@...`), or, on attribute,
  /// function and procedure declarations, the internal `@@@...` attributes.
  std::vector<AttributeApp> attributes;
  /// Model-level attributes including inherited ones (mixins, then bases, then own), with
  /// ZenStack's rules: `@@delegate`, `@@map` (and `@@delegateMap`) are never inherited; `@@unique`, `@@index` and
  /// `@@fulltext` are not inherited from (or through) a delegate base; an own `@@schema`
  /// overrides an inherited one. `origin` says where each came from.
  std::vector<AttributeApp> all_attributes;

  // Enums.
  std::vector<EnumValue> values;

  // Functions, procedures, attributes.
  std::vector<Param> params;
  std::string return_type;  // functions and procedures
  TextRange return_type_range;
  DeclId return_type_decl = kNone;
  bool return_list = false;

  // Datasource, generator, plugin.
  std::vector<ConfigField> config;

  bool is_data_model() const { return kind == DeclKind::Model || kind == DeclKind::View; }
  bool is_stdlib() const { return file == kStdlibFile; }
  /// Own attribute (or meta-attribute) by full name, e.g. "@@delegate", "@@@targetField".
  const AttributeApp* find_attribute(std::string_view name) const;
  bool has_attribute(std::string_view name) const { return find_attribute(name) != nullptr; }
  /// Among all_attributes (inherited included).
  const AttributeApp* find_any_attribute(std::string_view name) const;
  /// A field among all_fields by name; nullptr if there is none.
  const FieldSlot* find_field(std::string_view name) const;
  const EnumValue* find_value(std::string_view name) const;
  const ConfigField* find_config(std::string_view name) const;
  const Param* find_param(std::string_view name) const;
};

struct Datasource {
  DeclId decl = kNone;
  std::string name;
  /// Parsed `provider`; nullopt if missing or unknown (see provider_text).
  std::optional<Provider> provider;
  std::string provider_text;
  const ConfigField* url = nullptr;                  // string literal or env("X")
  const ConfigField* shadow_database_url = nullptr;
  const ConfigField* direct_url = nullptr;
  std::vector<std::string> schemas;                  // `schemas = ["a", "b"]`
  std::optional<std::string> default_schema;
  std::optional<std::string> relation_mode;          // "prisma" | "foreignKeys"
  const ConfigField* extensions = nullptr;           // array of names / calls
};

struct SourceFile {
  std::string path;
  /// Files this file imports that were found (FileIds), in import order.
  std::vector<FileId> imports;
};

class Model {
 public:
  Model() = default;
  Model(Model&&) = default;
  Model& operator=(Model&&) = default;
  Model(const Model&) = delete;
  Model& operator=(const Model&) = delete;

  std::vector<SourceFile> files;  // files[0] is the stdlib
  std::vector<Decl> decls;        // see the order in the file comment

  // User declarations by kind, in Model::decls order.
  std::vector<DeclId> models;      // `model` (abstract included; check is_abstract)
  std::vector<DeclId> views;
  std::vector<DeclId> type_defs;
  std::vector<DeclId> enums;
  std::vector<DeclId> generators;
  std::vector<DeclId> plugins;
  std::vector<DeclId> functions;   // user-declared functions
  std::vector<DeclId> procedures;
  std::vector<DeclId> datasources;
  /// The first datasource (in decl order); nullopt if there is none.
  std::optional<Datasource> datasource;

  /// Every resolved (and unresolved: target.kind == None) name use in user files, sorted by
  /// file and position.
  std::vector<Reference> references;

  /// The name use at `offset` in `file` (range contains it, or ends right at it); nullptr if none.
  const Reference* reference_at(FileId file, uint32_t offset) const;
  /// Every use of `target`, in file and position order.
  std::vector<const Reference*> references_to(const Symbol& target) const;
  /// The FileId of a path; kNone if the file is not part of the model.
  FileId file_id(std::string_view path) const;

  const Decl& decl(DeclId id) const { return decls[id]; }
  const std::string& path(FileId f) const { return files[f].path; }
  /// User declaration (or, failing that, stdlib declaration) by name; nullptr if none.
  const Decl* find(std::string_view name) const;
  const Decl* find_model(std::string_view name) const;  // models and views
  const Decl* find_enum(std::string_view name) const;
  const Decl* find_type_def(std::string_view name) const;
  /// An attribute declaration by full name ("@id", "@@index", "@@@targetField").
  const Decl* find_attribute_decl(std::string_view name) const;
  const Decl* find_function(std::string_view name) const;
  /// The declaration an attribute application resolved to; nullptr when unknown.
  const Decl* attribute_decl(const AttributeApp& app) const;
  /// The field a Field symbol points at; nullptr for other symbols.
  const Field* field(const Symbol& s) const;
  const EnumValue* enum_value(const Symbol& s) const;
  /// The `auth()` declaration: the model/type with `@@auth` (own or from a mixin), else the
  /// one named `User`; nullptr if there is none. Constant time.
  const Decl* auth_decl() const { return auth_ < decls.size() ? &decls[auth_] : nullptr; }

  // Meta-attribute queries on attribute/function declarations (for validation).
  /// `@@@targetField([StringField, ...])` members; empty when unrestricted.
  std::vector<std::string> target_fields(const Decl& attribute_decl) const;
  /// `@@@expressionContext([DefaultValue, ...])` members; empty when there is none.
  std::vector<std::string> expression_contexts(const Decl& function_decl) const;
  /// `@@@deprecated("why")` message, nullopt when not deprecated.
  std::optional<std::string> deprecation(const Decl& d) const;

  // Filled by the builder: name -> DeclId lookup (sorted, for deterministic binary search).
  std::vector<std::pair<std::string, DeclId>> by_name_;
  DeclId auth_ = kNone;
};

}  // namespace zen::analysis
