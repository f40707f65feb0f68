// Accessors of the semantic model (model.h).
#include "analysis/model.h"

#include <algorithm>

namespace zen::analysis {

const char* decl_kind_name(DeclKind k) {
  switch (k) {
    case DeclKind::Datasource: return "datasource";
    case DeclKind::Generator: return "generator";
    case DeclKind::Plugin: return "plugin";
    case DeclKind::Model: return "model";
    case DeclKind::View: return "view";
    case DeclKind::TypeDef: return "type";
    case DeclKind::Enum: return "enum";
    case DeclKind::Function: return "function";
    case DeclKind::Procedure: return "procedure";
    case DeclKind::Attribute: return "attribute";
  }
  return "declaration";
}

namespace {
constexpr const char* kBuiltinNames[] = {"String", "Boolean", "Int",  "BigInt", "Float",
                                         "Decimal", "DateTime", "Json", "Bytes"};
}

std::optional<BuiltinType> parse_builtin_type(std::string_view name) {
  // By length first: lowering asks this for every field's type.
  auto is = [&](BuiltinType t) { return name == kBuiltinNames[static_cast<size_t>(t)]; };
  switch (name.size()) {
    case 3: if (is(BuiltinType::Int)) return BuiltinType::Int; break;
    case 4: if (is(BuiltinType::Json)) return BuiltinType::Json; break;
    case 5:
      if (is(BuiltinType::Float)) return BuiltinType::Float;
      if (is(BuiltinType::Bytes)) return BuiltinType::Bytes;
      break;
    case 6:
      if (is(BuiltinType::String)) return BuiltinType::String;
      if (is(BuiltinType::BigInt)) return BuiltinType::BigInt;
      break;
    case 7:
      if (is(BuiltinType::Boolean)) return BuiltinType::Boolean;
      if (is(BuiltinType::Decimal)) return BuiltinType::Decimal;
      break;
    case 8: if (is(BuiltinType::DateTime)) return BuiltinType::DateTime; break;
    default: break;
  }
  return std::nullopt;
}

const char* builtin_type_name(BuiltinType t) { return kBuiltinNames[static_cast<size_t>(t)]; }

// ----- Expr

std::optional<std::string_view> Expr::as_string() const {
  if (kind != ExprKind::String) return std::nullopt;
  return std::string_view(text);
}

std::optional<std::string_view> Expr::as_number() const {
  if (kind != ExprKind::Number) return std::nullopt;
  return std::string_view(text);
}

std::optional<bool> Expr::as_bool() const {
  if (kind != ExprKind::Boolean) return std::nullopt;
  return text == "true";
}

const std::vector<Expr>& Expr::items() const {
  static const std::vector<Expr> kEmpty;
  return kind == ExprKind::Array ? children : kEmpty;
}

std::optional<std::string_view> Expr::name() const {
  if (kind != ExprKind::Reference && kind != ExprKind::Call) return std::nullopt;
  return std::string_view(text);
}

std::optional<std::string_view> Expr::env_var() const {
  if (!is_call("env") || args.empty()) return std::nullopt;
  return args[0].value.as_string();
}

const Argument* Expr::arg(std::string_view arg_name, size_t position) const {
  for (const auto& a : args)
    if (!a.name.empty() && a.name == arg_name) return &a;
  size_t pos = 0;
  for (const auto& a : args) {
    if (!a.name.empty()) continue;
    if (pos++ == position) return &a;
  }
  return nullptr;
}

// ----- AttributeApp, Field, EnumValue, Decl

const Argument* AttributeApp::arg(std::string_view param) const {
  for (const auto& a : args)
    if (a.param == param) return &a;
  for (const auto& a : args)
    if (a.param.empty() && a.name == param) return &a;
  return nullptr;
}

const Argument* AttributeApp::first() const {
  for (const auto& a : args)
    if (a.param_index == 0) return &a;
  for (const auto& a : args)
    if (a.name.empty()) return &a;
  return nullptr;
}

namespace {
template <class T>
const T* find_by_name(const std::vector<T>& v, std::string_view name) {
  for (const auto& x : v)
    if (x.name == name) return &x;
  return nullptr;
}
}  // namespace

const AttributeApp* Field::find_attribute(std::string_view name) const { return find_by_name(attributes, name); }
const AttributeApp* EnumValue::find_attribute(std::string_view name) const { return find_by_name(attributes, name); }
const AttributeApp* Decl::find_attribute(std::string_view name) const { return find_by_name(attributes, name); }
const AttributeApp* Decl::find_any_attribute(std::string_view name) const {
  if (const auto* a = find_by_name(all_attributes.get(), name)) return a;
  return find_by_name(attributes, name);
}
const EnumValue* Decl::find_value(std::string_view name) const { return find_by_name(values, name); }
const ConfigField* Decl::find_config(std::string_view name) const { return find_by_name(config, name); }
const Param* Decl::find_param(std::string_view name) const { return find_by_name(params, name); }

const FieldSlot* Decl::find_field(std::string_view name) const {
  for (const auto& s : all_fields)
    if (s.field && s.field->name == name) return &s;
  return nullptr;
}

// ----- Model

const Decl* Model::find(std::string_view name) const {
  auto it = std::lower_bound(by_name_.begin(), by_name_.end(), name,
                             [](const auto& p, std::string_view n) { return p.first < n; });
  if (it == by_name_.end() || it->first != name) return nullptr;
  return &decls[it->second];
}

const Reference* Model::reference_at(FileId file, uint32_t offset) const {
  // References are sorted by (file, start): find the last one starting at or before offset.
  auto it = std::upper_bound(references.begin(), references.end(), std::make_pair(file, offset),
                             [](const std::pair<FileId, uint32_t>& key, const Reference& r) {
                               return key.first != r.file ? key.first < r.file : key.second < r.range.start;
                             });
  // Name uses never overlap, so only the last one starting at or before offset can match.
  if (it == references.begin()) return nullptr;
  --it;
  if (it->file != file || offset > it->range.end) return nullptr;
  return &*it;
}

std::vector<const Reference*> Model::references_to(const Symbol& target) const {
  std::vector<const Reference*> out;
  for (const auto& r : references)
    if (r.target == target) out.push_back(&r);
  return out;
}

FileId Model::file_id(std::string_view path) const {
  for (FileId i = 0; i < files.size(); ++i)
    if (files[i].path == path) return i;
  return kNone;
}

const Decl* Model::find_model(std::string_view name) const {
  const Decl* d = find(name);
  return d && d->is_data_model() ? d : nullptr;
}
const Decl* Model::find_enum(std::string_view name) const {
  const Decl* d = find(name);
  return d && d->kind == DeclKind::Enum ? d : nullptr;
}
const Decl* Model::find_type_def(std::string_view name) const {
  const Decl* d = find(name);
  return d && d->kind == DeclKind::TypeDef ? d : nullptr;
}
const Decl* Model::find_attribute_decl(std::string_view name) const {
  const Decl* d = find(name);
  return d && d->kind == DeclKind::Attribute ? d : nullptr;
}
const Decl* Model::find_function(std::string_view name) const {
  const Decl* d = find(name);
  return d && d->kind == DeclKind::Function ? d : nullptr;
}

const Decl* Model::attribute_decl(const AttributeApp& app) const {
  return app.decl < decls.size() ? &decls[app.decl] : nullptr;
}

const Field* Model::field(const Symbol& s) const {
  if (s.kind != SymbolKind::Field || s.decl >= decls.size()) return nullptr;
  const auto& f = decls[s.decl].fields;
  return s.member < f.size() ? &f[s.member] : nullptr;
}

const EnumValue* Model::enum_value(const Symbol& s) const {
  if (s.kind != SymbolKind::EnumValue || s.decl >= decls.size()) return nullptr;
  const auto& v = decls[s.decl].values;
  return s.member < v.size() ? &v[s.member] : nullptr;
}

namespace {
std::vector<std::string> enum_list_arg(const Decl& d, std::string_view attr) {
  std::vector<std::string> out;
  const AttributeApp* a = d.find_attribute(attr);
  if (!a || a->args.empty()) return out;
  const Expr& v = a->args[0].value;
  if (v.kind == ExprKind::Array) {
    for (const auto& it : v.children)
      if (it.kind == ExprKind::Reference) out.push_back(it.text);
  } else if (v.kind == ExprKind::Reference) {
    out.push_back(v.text);
  }
  return out;
}
}  // namespace

std::vector<std::string> Model::target_fields(const Decl& d) const { return enum_list_arg(d, "@@@targetField"); }
std::vector<std::string> Model::expression_contexts(const Decl& d) const {
  return enum_list_arg(d, "@@@expressionContext");
}
std::optional<std::string> Model::deprecation(const Decl& d) const {
  const AttributeApp* a = d.find_attribute("@@@deprecated");
  if (!a) return std::nullopt;
  if (!a->args.empty())
    if (auto s = a->args[0].value.as_string()) return std::string(*s);
  return std::string();
}

}  // namespace zen::analysis
