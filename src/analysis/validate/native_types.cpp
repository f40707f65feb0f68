// Rule: `@db.*` native type attributes exist for the datasource's provider and fit the field's
// type (Prisma's per-connector tables: psl/builtin-connectors/*/native_types.rs), with at most
// the number of arguments the native type takes.
#include <algorithm>
#include <initializer_list>

#include "analysis/validate/internal/util.h"
#include "analysis/validate/rule_list.h"

namespace zen::analysis::validate {
namespace {

using B = BuiltinType;

struct NativeType {
  std::string_view name;  // a view: looking a name up then compares lengths first
  std::initializer_list<B> types;
  int max_args;
};

// clang-format off
const NativeType kPostgres[] = {
    {"Text", {B::String}, 0}, {"Char", {B::String}, 1}, {"VarChar", {B::String}, 1},
    {"Bit", {B::String}, 1}, {"VarBit", {B::String}, 1}, {"Uuid", {B::String}, 0},
    {"Xml", {B::String}, 0}, {"Inet", {B::String}, 0}, {"Citext", {B::String}, 0},
    {"Boolean", {B::Boolean}, 0}, {"Integer", {B::Int}, 0}, {"SmallInt", {B::Int}, 0},
    {"Oid", {B::Int}, 0}, {"BigInt", {B::BigInt}, 0}, {"DoublePrecision", {B::Float}, 0},
    {"Real", {B::Float}, 0}, {"Decimal", {B::Decimal}, 2}, {"Money", {B::Decimal}, 0},
    {"Timestamp", {B::DateTime}, 1}, {"Timestamptz", {B::DateTime}, 1}, {"Date", {B::DateTime}, 0},
    {"Time", {B::DateTime}, 1}, {"Timetz", {B::DateTime}, 1}, {"Json", {B::Json}, 0},
    {"JsonB", {B::Json}, 0}, {"ByteA", {B::Bytes}, 0},
};
const NativeType kCockroach[] = {
    {"String", {B::String}, 1}, {"Char", {B::String}, 1}, {"CatalogSingleChar", {B::String}, 0},
    {"Bit", {B::String}, 1}, {"VarBit", {B::String}, 1}, {"Uuid", {B::String}, 0},
    {"Inet", {B::String}, 0}, {"Bool", {B::Boolean}, 0}, {"Int2", {B::Int}, 0}, {"Int4", {B::Int}, 0},
    {"Oid", {B::Int}, 0}, {"Int8", {B::BigInt}, 0}, {"Float4", {B::Float}, 0}, {"Float8", {B::Float}, 0},
    {"Decimal", {B::Decimal}, 2}, {"Timestamp", {B::DateTime}, 1}, {"Timestamptz", {B::DateTime}, 1},
    {"Date", {B::DateTime}, 0}, {"Time", {B::DateTime}, 1}, {"Timetz", {B::DateTime}, 1},
    {"JsonB", {B::Json}, 0}, {"Bytes", {B::Bytes}, 0},
};
const NativeType kMysql[] = {
    {"VarChar", {B::String}, 1}, {"Text", {B::String}, 0}, {"Char", {B::String}, 1},
    {"TinyText", {B::String}, 0}, {"MediumText", {B::String}, 0}, {"LongText", {B::String}, 0},
    {"Bit", {B::Boolean, B::Bytes}, 1}, {"TinyInt", {B::Boolean, B::Int}, 1},
    {"UnsignedTinyInt", {B::Boolean, B::Int}, 1}, {"Int", {B::Int}, 0}, {"UnsignedInt", {B::Int}, 0},
    {"SmallInt", {B::Int}, 0}, {"UnsignedSmallInt", {B::Int}, 0}, {"MediumInt", {B::Int}, 0},
    {"UnsignedMediumInt", {B::Int}, 0}, {"Year", {B::Int}, 0}, {"BigInt", {B::BigInt}, 0},
    {"UnsignedBigInt", {B::BigInt}, 0}, {"Float", {B::Float}, 0}, {"Double", {B::Float}, 0},
    {"Decimal", {B::Decimal}, 2}, {"DateTime", {B::DateTime}, 1}, {"Date", {B::DateTime}, 0},
    {"Time", {B::DateTime}, 1}, {"Timestamp", {B::DateTime}, 1}, {"Json", {B::Json}, 0},
    {"Binary", {B::Bytes}, 1}, {"VarBinary", {B::Bytes}, 1}, {"TinyBlob", {B::Bytes}, 0},
    {"Blob", {B::Bytes}, 0}, {"MediumBlob", {B::Bytes}, 0}, {"LongBlob", {B::Bytes}, 0},
};
const NativeType kSqlserver[] = {
    {"Char", {B::String}, 1}, {"NChar", {B::String}, 1}, {"VarChar", {B::String}, 1},
    {"NVarChar", {B::String}, 1}, {"Text", {B::String}, 0}, {"NText", {B::String}, 0},
    {"Xml", {B::String}, 0}, {"UniqueIdentifier", {B::String}, 0}, {"Bit", {B::Boolean, B::Int}, 0},
    {"TinyInt", {B::Int}, 0}, {"SmallInt", {B::Int}, 0}, {"Int", {B::Int}, 0}, {"BigInt", {B::BigInt}, 0},
    {"Float", {B::Float}, 1}, {"Real", {B::Float}, 0}, {"Decimal", {B::Decimal}, 2},
    {"Money", {B::Decimal}, 0}, {"SmallMoney", {B::Decimal}, 0}, {"Date", {B::DateTime}, 0},
    {"Time", {B::DateTime}, 1}, {"DateTime", {B::DateTime}, 0}, {"DateTime2", {B::DateTime}, 0},
    {"SmallDateTime", {B::DateTime}, 0}, {"DateTimeOffset", {B::DateTime}, 0},
    {"Binary", {B::Bytes}, 1}, {"VarBinary", {B::Bytes}, 1}, {"Image", {B::Bytes}, 0},
};
const NativeType kMongo[] = {
    {"String", {B::String}, 0}, {"ObjectId", {B::String, B::Bytes}, 0}, {"BinData", {B::Bytes}, 0},
    {"Int", {B::Int}, 0}, {"Long", {B::Int, B::BigInt}, 0}, {"Double", {B::Float}, 0},
    {"Bool", {B::Boolean}, 0}, {"Date", {B::DateTime}, 0}, {"Timestamp", {B::DateTime}, 0},
    {"Json", {B::Json}, 0},
};
// clang-format on

template <size_t N>
std::span<const NativeType> span_of(const NativeType (&a)[N]) {
  return std::span<const NativeType>(a, N);
}

std::span<const NativeType> table_for(Provider p) {
  switch (p) {
    case Provider::Postgresql: return span_of(kPostgres);
    case Provider::Cockroachdb: return span_of(kCockroach);
    case Provider::Mysql: return span_of(kMysql);
    case Provider::Sqlserver: return span_of(kSqlserver);
    case Provider::Mongodb: return span_of(kMongo);
    case Provider::Sqlite: return {};
  }
  return {};
}

std::string names_for(std::span<const NativeType> table, B type) {
  std::vector<std::string> names;
  for (const NativeType& n : table)
    if (std::find(n.types.begin(), n.types.end(), type) != n.types.end())
      names.push_back("`@db." + std::string(n.name) + "`");
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i) out += i + 1 == names.size() ? " or " : ", ";
    out += names[i];
  }
  return out;
}

}  // namespace

void check_native_types_of(ValidationContext& ctx, const Decl& d) {
  const Model& model = ctx.model();
  auto provider = provider_of(model);
  if (!provider) return;
  auto table = table_for(*provider);
  std::string_view pname = provider_name(*provider);
  for (const Field& f : d.fields) {
    for (const AttributeApp& a : f.attributes) {
      if (!a.name.starts_with("@db.")) continue;
      std::string_view native = std::string_view(a.name).substr(4);
      const NativeType* nt = nullptr;
      for (const NativeType& n : table)  // names are unique in a table
        if (native == n.name) {
          nt = &n;
          break;
        }
      if (!nt) {
        std::string hint = f.type.builtin ? names_for(table, *f.type.builtin) : std::string();
        auto& diag = ctx.error("invalid-native-type", f.file, a.name_range,
                               "native type `" + std::string(native) + "` is not supported by the `" + std::string(pname) +
                                   "` provider" +
                                   (hint.empty() ? std::string("; remove it") : "; for this field use " + hint));
        diag.data.push_back({"provider", std::string(pname)});
        continue;
      }
      if (f.type.kind == TypeKind::Builtin && f.type.builtin &&
          std::find(nt->types.begin(), nt->types.end(), *f.type.builtin) == nt->types.end()) {
        std::string hint = names_for(table, *f.type.builtin);
        ctx.error("invalid-native-type", f.file, a.name_range,
                  "native type `" + std::string(native) + "` cannot be used on " +
                      a_type(builtin_type_name(*f.type.builtin)) + " field" +
                      (hint.empty() ? std::string() : "; use " + hint));
        continue;
      }
      // More arguments than the attribute declares is reported by attribute_arguments.cpp.
      size_t declared = a.decl != kNone ? model.decl(a.decl).params.size() : a.args.size();
      if (static_cast<int>(a.args.size()) > nt->max_args && a.args.size() <= declared) {
        ctx.error("invalid-argument", f.file, a.range,
                  "native type `" + std::string(native) + "` takes " +
                      (nt->max_args == 0 ? std::string("no arguments") : "at most " + std::to_string(nt->max_args) + " argument" + (nt->max_args > 1 ? "s" : "")));
      }
    }
  }
}

}  // namespace zen::analysis::validate
