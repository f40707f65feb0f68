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
#include <memory>
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

// The enums are one byte: the model holds some hundred thousand expressions and fields for a
// big schema, and their size is what a one-shot run spends touching memory.
enum class DeclKind : uint8_t {
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
enum class SymbolKind : uint8_t { None, Decl, Field, EnumValue, Param, ConfigField, Binding };

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

enum class BuiltinType : uint8_t { String, Boolean, Int, BigInt, Float, Decimal, DateTime, Json, Bytes };
std::optional<BuiltinType> parse_builtin_type(std::string_view name);
const char* builtin_type_name(BuiltinType t);

// ---------------------------------------------------------------------------------------------
// Expressions

enum class ExprKind : uint8_t {
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

/// A member that most values leave empty, held out of line: an empty one costs one pointer
/// instead of a whole T (an Expr carries `args` and `binding` that only a few kinds use).
/// It reads and writes like the T it holds, an absent one reading as an empty T, and copies
/// deeply. T is a container (std::vector, std::string).
template <class T>
class Sparse {
 public:
  using value_type = typename T::value_type;
  using iterator = typename T::iterator;
  using const_iterator = typename T::const_iterator;

  Sparse() = default;
  Sparse(T value) { *this = std::move(value); }  // implicit: it reads and writes as a T
  Sparse(const Sparse& o) : p_(o.empty() ? nullptr : std::make_unique<T>(*o.p_)) {}
  Sparse(Sparse&&) noexcept = default;
  Sparse& operator=(const Sparse& o) {
    if (this != &o) *this = o.get();
    return *this;
  }
  Sparse& operator=(Sparse&&) noexcept = default;
  Sparse& operator=(const T& value) {
    if (value.empty()) p_.reset();
    else if (p_) *p_ = value;
    else p_ = std::make_unique<T>(value);
    return *this;
  }
  Sparse& operator=(T&& value) {
    if (value.empty()) p_.reset();
    else if (p_) *p_ = std::move(value);
    else p_ = std::make_unique<T>(std::move(value));
    return *this;
  }

  /// The value (a shared empty T when there is none).
  const T& get() const { return p_ ? *p_ : empty_value(); }
  operator const T&() const { return get(); }
  /// The value for writing, created empty when there is none.
  T& mut() {
    if (!p_) p_ = std::make_unique<T>();
    return *p_;
  }

  bool empty() const { return !p_ || p_->empty(); }
  size_t size() const { return p_ ? p_->size() : 0; }
  const_iterator begin() const { return get().begin(); }
  const_iterator end() const { return get().end(); }
  // Value-initialized iterators of the same container compare equal: an empty range.
  iterator begin() { return p_ ? p_->begin() : iterator{}; }
  iterator end() { return p_ ? p_->end() : iterator{}; }
  const value_type& operator[](size_t i) const { return (*p_)[i]; }
  value_type& operator[](size_t i) { return (*p_)[i]; }
  const value_type& front() const { return p_->front(); }
  const value_type& back() const { return p_->back(); }
  value_type& front() { return p_->front(); }
  value_type& back() { return p_->back(); }
  template <class U>
  void push_back(U&& v) { mut().push_back(std::forward<U>(v)); }
  template <class... A>
  value_type& emplace_back(A&&... a) { return mut().emplace_back(std::forward<A>(a)...); }
  void reserve(size_t n) {
    if (n > 0) mut().reserve(n);
  }
  void clear() { p_.reset(); }

  friend bool operator==(const Sparse& a, const Sparse& b) { return a.get() == b.get(); }
  friend bool operator==(const Sparse& a, const T& b) { return a.get() == b; }
  // Concatenation, for strings.
  friend T operator+(const Sparse& a, const T& b) { return a.get() + b; }
  friend T operator+(const T& a, const Sparse& b) { return a + b.get(); }

 private:
  static const T& empty_value() {
    static const T kEmpty;
    return kEmpty;
  }
  std::unique_ptr<T> p_;
};

struct Argument;

// Members ordered by size, so that no padding is left between them (see Argument).
struct Expr {
  std::string text;
  std::vector<Expr> children;
  /// Call and Object only.
  Sparse<std::vector<Argument>> args;
  /// Predicate only.
  Sparse<std::string> binding;
  TextRange range;
  /// Reference, Member, Call: the range of the name / property identifier.
  TextRange name_range;
  /// Predicate only.
  TextRange binding_range;
  /// Reference, Member: the field / enum value / binding / declaration it names.
  /// Call: the function declaration (Symbol{Decl}) or, for `name(args)` inside field lists of
  /// @@index/@@unique/@@id, the field. Unresolved: kind None.
  Symbol target;
  ExprKind kind = ExprKind::Error;

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

// A big schema holds about twenty arguments per model (most of its expressions are argument
// values): members ordered by size, so that no padding is left between them.
struct Argument {
  /// Name as written (`name: value`), empty for a positional argument.
  std::string name;
  /// For attribute applications: the matched parameter's name and index in the attribute
  /// declaration's `params` (kNone if it matched none). Positional arguments fill the `_`
  /// parameters left to right. `param` views the name in that declaration, which the Model
  /// holds (an update that edits it resolves this argument again).
  std::string_view param;
  Expr value;
  TextRange name_range;
  TextRange range;
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

enum class TypeKind : uint8_t { Builtin, Enum, Model, TypeDef, Unsupported, Unresolved };

// Members ordered by size (no padding between them): a big schema has tens of thousands of fields.
struct FieldType {
  /// The type name as written: "String", "Post", or for Unsupported the string inside.
  std::string name;
  TextRange range;       // the whole type, `Post[]?`
  TextRange name_range;  // just `Post`
  DeclId decl = kNone;                 // Enum, Model (also views), TypeDef
  TypeKind kind = TypeKind::Unresolved;
  std::optional<BuiltinType> builtin;  // Builtin only
  bool optional = false;
  bool list = false;
};

/// A data field of a model, view or type, or a parameter of a function/procedure/attribute.
struct Field {
  std::string name;
  TextRange range;
  TextRange name_range;
  /// `///` lines before it, without the slashes, joined by "\n" (out of line: most fields have none).
  Sparse<std::string> doc;
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

/// Decl::all_attributes. Most declarations inherit no model-level attribute: their list is their
/// own `attributes`, which it then views instead of holding a copy of every application with its
/// arguments. Reads as a const std::vector<AttributeApp>; only resolution writes it.
class AttributeList {
 public:
  const std::vector<AttributeApp>& get() const { return view_ ? *view_ : own_; }
  operator const std::vector<AttributeApp>&() const { return get(); }
  bool empty() const { return get().empty(); }
  size_t size() const { return get().size(); }
  std::vector<AttributeApp>::const_iterator begin() const { return get().begin(); }
  std::vector<AttributeApp>::const_iterator end() const { return get().end(); }
  const AttributeApp& operator[](size_t i) const { return get()[i]; }

  /// True when it views the declaration's own `attributes`.
  bool is_view() const { return view_ != nullptr; }
  /// The list it holds (empty when it is a view), for writing.
  std::vector<AttributeApp>& own() { return own_; }
  void assign(std::vector<AttributeApp> list) {
    view_ = nullptr;
    own_ = std::move(list);
  }
  /// Views `attributes`, which must be the holding declaration's (Decl keeps the view on its
  /// own member when copied or moved).
  void view(const std::vector<AttributeApp>& attributes) {
    own_ = {};
    view_ = &attributes;
  }
  void clear() {
    view_ = nullptr;
    own_.clear();
  }

 private:
  friend struct Decl;
  const std::vector<AttributeApp>* view_ = nullptr;
  std::vector<AttributeApp> own_;
};

/// The data of a Decl (see there); a base of its own so that Decl's copy and move stay the
/// member-wise ones, plus keeping all_attributes' view on the copy's own attributes.
struct DeclMembers {
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
  /// Reads as a std::vector<AttributeApp> (see AttributeList).
  AttributeList all_attributes;

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
};

struct Decl : DeclMembers {
  Decl() = default;
  Decl(const Decl& o) : DeclMembers(o) { keep_view(); }
  Decl(Decl&& o) noexcept : DeclMembers(std::move(o)) { keep_view(); }
  Decl& operator=(const Decl& o) {
    DeclMembers::operator=(o);
    keep_view();
    return *this;
  }
  Decl& operator=(Decl&& o) noexcept {
    DeclMembers::operator=(std::move(o));
    keep_view();
    return *this;
  }

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

 private:
  // A copied or moved all_attributes that viewed the source's attributes views ours.
  void keep_view() {
    if (all_attributes.view_) all_attributes.view_ = &attributes;
  }
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
  /// file and position. Empty when the analysis was asked not to collect them (see below).
  std::vector<Reference> references;
  /// False when `references` was not collected (HostOptions::collect_references).
  bool has_references = true;

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
