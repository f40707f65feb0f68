// Rule: every model (not views, not `@@ignore`d) has a unique criterion (`@id`, `@@id`,
// `@unique`, `@@unique`); ids are single, required, non-list scalars or enums; views carry no
// primary key or index (a warning: older Prisma versions accepted `@id` on views).
#include "analysis/validate/internal/util.h"
#include "analysis/validate/rule_list.h"

namespace zen::analysis::validate {

using namespace std::string_view_literals;
namespace {

bool valid_id_type(const FieldType& t) {
  if (t.kind == TypeKind::Enum) return true;
  if (t.kind != TypeKind::Builtin || !t.builtin) return false;
  return *t.builtin != BuiltinType::Json;
}

void check_id_field(ValidationContext& ctx, const Field& f, FileId file, TextRange where) {
  std::string problem;
  if (f.type.optional) problem = "cannot be optional; remove the `?`";
  else if (f.type.list) problem = "cannot be a list";
  else if (f.type.kind != TypeKind::Unresolved && !valid_id_type(f.type))
    problem = "must be a scalar (String, Int, BigInt, Float, Decimal, Boolean, DateTime, Bytes) or an enum, not `" +
              type_text(f.type) + "`";
  if (problem.empty()) return;
  ctx.error("invalid-id-field", file, where, "id field `" + f.name + "` " + problem)
      .data.push_back({"field", f.name});
}

}  // namespace

void check_unique_criteria_of(ValidationContext& ctx, const Decl& d) {
  const Model& model = ctx.model();
  bool is_view = d.kind == DeclKind::View;
  if (is_view) {
    for (const Field& f : d.fields)
      if (const AttributeApp* a = find_attr(f.attributes, "@id"))
        ctx.warning("view-id", d.file, a->name_range,
                    "views cannot have a primary key (Prisma 6 rejects `@id` on views); use `@unique` instead");
    for (const AttributeApp& a : d.attributes)
      if (a.name == "@@id"sv || a.name == "@@index"sv)
        ctx.warning("view-id", d.file, a.name_range,
                    "views cannot have " + std::string(a.name == "@@id"sv ? "a primary key" : "indexes") +
                        "; remove `" + a.name + "`");
    return;
  }
  // With a broken `with`/`extends` the inherited fields are unknown (resolution reports it).
  bool broken = false;
  for (DeclId m : d.mixins) broken |= m == kNone || model.decl(m).kind != DeclKind::TypeDef;
  for (DeclId b : d.bases) broken |= b == kNone;
  if (broken || d.mixins.size() != d.mixin_names.size() || d.bases.size() != d.base_names.size()) return;
  const AttributeApp* model_id = d.find_any_attribute("@@id");
  int id_fields = 0;
  bool unique = model_id || d.find_any_attribute("@@unique");
  for (const FieldSlot& slot : d.all_fields) {
    const Field& f = *slot.field;
    // One pass over the field's attributes for both names.
    const AttributeApp* a = nullptr;
    bool has_unique = false;
    for (const AttributeApp& x : f.attributes) {
      if (!a && is(x.name, "@id")) a = &x;
      has_unique |= is(x.name, "@unique");
    }
    if (a) {
      unique = true;
      ++id_fields;
      if (!slot.inherited) {
        check_id_field(ctx, f, f.file, a->name_range);
        if (id_fields > 1)
          ctx.error("multiple-ids", f.file, a->name_range,
                    "a model can have only one `@id` field; use `@@id([a, b])` for a compound id");
      }
    }
    if (has_unique) unique = true;
  }
  if (model_id && id_fields > 0) {
    const AttributeApp* own = d.find_attribute("@@id");
    ctx.error("multiple-ids", d.file, own ? own->name_range : d.name_range,
              "model `" + d.name + "` cannot have both `@id` and `@@id`; keep one");
  }
  if (const AttributeApp* own = d.find_attribute("@@id"); own && own->first()) {
    for (const Expr& item : own->first()->value.items())
      if (const Field* f = model.field(item.target)) check_id_field(ctx, *f, d.file, item.range);
  }
  if (!unique && !d.has_attribute("@@ignore") && !d.is_abstract) {
    auto& diag = ctx.error("no-unique-criterion", d.file, d.name_range,
                           "model `" + d.name +
                               "` has no unique criterion; add an `@id` field, or `@@id`, `@unique` or `@@unique`");
    diag.data.push_back({"model", d.name});
    diag.data.push_back({"suggestion", "id Int @id @default(autoincrement())"});
  }
}

}  // namespace zen::analysis::validate
