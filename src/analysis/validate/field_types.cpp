// Rule: field types make sense for the provider: no `T[]?`, scalar lists only where the database
// has them (postgresql, cockroachdb, mongodb), typed-JSON fields marked `@json` (Prisma's mongodb
// composite types excepted) and types without relation fields.
#include "analysis/validate/internal/util.h"
#include "analysis/validate/rule_list.h"

namespace zen::analysis::validate {

void check_field_types_of(ValidationContext& ctx, const Decl& d) {
  auto provider = provider_of(ctx.model());
  bool lists_ok = !provider || *provider == Provider::Postgresql || *provider == Provider::Cockroachdb ||
                  *provider == Provider::Mongodb;
  // Whether `@fuzzy`/`@fullText` are reported: only then are the fields' attributes read.
  bool pg_only_unsupported = provider && *provider != Provider::Postgresql;
  for (const Field& f : d.fields) {
    const FieldType& t = f.type;
    if (t.list && t.optional) {
      ctx.error("invalid-field-type", f.file, t.range,
                "field `" + f.name + "` cannot be both a list and optional; remove the `?`");
    }
    bool scalar = t.kind == TypeKind::Builtin || t.kind == TypeKind::Enum;
    // Fields of a `type` are stored inside JSON, where lists are always possible.
    if (t.list && scalar && !lists_ok && d.kind != DeclKind::TypeDef) {
      ctx.error("scalar-list-unsupported", f.file, t.range,
                "scalar lists like `" + type_text(t) + "` are not supported by the `" +
                    std::string(provider_name(*provider)) +
                    "` provider; use a `Json` field or a related model instead")
          .data.push_back({"provider", std::string(provider_name(*provider))});
    }
    if (pg_only_unsupported)
      for (const char* pg_only : {"@fuzzy", "@fullText"})
        if (const AttributeApp* a = f.find_attribute(pg_only))
          ctx.error("attribute-not-allowed", f.file, a->name_range,
                    "`" + a->name + "` is only supported by the `postgresql` provider");
    if (t.kind == TypeKind::TypeDef) {
      bool mongo = provider && *provider == Provider::Mongodb;
      if (!mongo && d.kind != DeclKind::TypeDef && !has_attr(f.attributes, "@json")) {
        ctx.error("missing-json-attribute", f.file, t.range,
                  "field `" + f.name + "` has the custom type `" + t.name + "`, which is stored as JSON; add `@json`")
            .data.push_back({"insert", " @json"});
      }
    }
    if (d.kind == DeclKind::TypeDef && t.kind == TypeKind::Model) {
      ctx.error("invalid-field-type", f.file, t.range,
                "type `" + d.name + "` cannot have the relation field `" + f.name +
                    "`; types hold plain data, use a model instead");
    }
  }
}

}  // namespace zen::analysis::validate
