// Rule: exactly one datasource after imports are merged, with a provider Prisma accepts, a url
// given as a string or env("..."), and multi-schema settings (`schemas`, `defaultSchema`,
// `@@schema`) that agree with each other and the provider.
#include <algorithm>

#include "analysis/validate/internal/util.h"
#include "analysis/validate/rule_list.h"

namespace zen::analysis::validate {
namespace {

constexpr const char* kProviders = "`postgresql`, `sqlite`, `mysql`, `sqlserver`, `cockroachdb` or `mongodb`";

bool supports_schemas(Provider p) {
  return p == Provider::Postgresql || p == Provider::Cockroachdb || p == Provider::Sqlserver;
}

void check_one(ValidationContext& ctx, const Decl& d, bool counts) {
  const ConfigField* provider = d.find_config("provider");
  if (!provider) {
    ctx.error("invalid-provider", d.file, d.name_range,
              "datasource `" + d.name + "` has no `provider`; add `provider = \"postgresql\"` (or " +
                  kProviders + ")");
  } else if (auto s = provider->value.as_string()) {
    if (!parse_provider(*s))
      ctx.error("invalid-provider", d.file, provider->value.range,
                "unknown datasource provider `" + std::string(*s) + "`; use " + kProviders);
  } else if (provider->value.kind != ExprKind::Error) {
    ctx.error("invalid-provider", d.file, provider->value.range,
              "the datasource provider must be a string literal, like \"postgresql\"");
  }
  if (const ConfigField* url = d.find_config("url")) {
    const Expr& v = url->value;
    bool ok = v.kind == ExprKind::String || (v.is_call("env") && v.args.size() == 1 &&
                                             v.args[0].value.kind == ExprKind::String);
    if (!ok && v.kind != ExprKind::Error)
      ctx.error("invalid-datasource-field", d.file, v.range,
                "`url` must be a string or `env(\"VARIABLE\")`");
  }
  if (const ConfigField* rm = d.find_config("relationMode")) {
    auto s = rm->value.as_string();
    if (!s || (*s != "prisma" && *s != "foreignKeys"))
      ctx.error("invalid-datasource-field", d.file, rm->value.range,
                "`relationMode` must be \"prisma\" or \"foreignKeys\"");
  }
  if (!counts) return;
  std::optional<Provider> provider_kind;
  if (provider)
    if (auto s = provider->value.as_string()) provider_kind = parse_provider(*s);
  const ConfigField* schemas = d.find_config("schemas");
  if (schemas) {
    bool strings = schemas->value.kind == ExprKind::Array;
    for (const Expr& e : schemas->value.items()) strings &= e.kind == ExprKind::String;
    if (!strings)
      ctx.error("invalid-datasource-field", d.file, schemas->value.range,
                "`schemas` must be a list of strings, like [\"public\", \"auth\"]");
    if (provider_kind && !supports_schemas(*provider_kind))
      ctx.error("invalid-datasource-field", d.file, schemas->name_range,
                "the `" + std::string(provider_name(*provider_kind)) +
                    "` provider does not support `schemas`; remove it");
  }
  if (const ConfigField* ds = d.find_config("defaultSchema")) {
    auto s = ds->value.as_string();
    if (!s) {
      ctx.error("invalid-datasource-field", d.file, ds->value.range, "`defaultSchema` must be a string");
    } else if (provider_kind && *provider_kind != Provider::Postgresql) {
      ctx.error("invalid-datasource-field", d.file, ds->name_range,
                "`defaultSchema` is only supported by the `postgresql` provider");
    } else if (schemas) {
      const auto& list = ctx.model().datasource ? ctx.model().datasource->schemas : std::vector<std::string>{};
      if (std::find(list.begin(), list.end(), *s) == list.end())
        ctx.error("invalid-datasource-field", d.file, ds->value.range,
                  "`defaultSchema` \"" + std::string(*s) + "\" is not listed in `schemas`; add it there");
    }
  }
}

}  // namespace

void check_datasource(ValidationContext& ctx) {
  const Model& model = ctx.model();
  if (model.datasources.empty()) {
    if (model.files.size() > 1)
      ctx.error("missing-datasource", 1, TextRange{0, 0},
                "the schema has no datasource; add one, like `datasource db { provider = \"postgresql\" }`");
    return;
  }
  for (size_t i = 0; i < model.datasources.size(); ++i) {
    const Decl& d = model.decl(model.datasources[i]);
    check_one(ctx, d, i == 0);
    if (i == 0) continue;
    const Decl& first = model.decl(model.datasources[0]);
    auto& diag = ctx.error("multiple-datasources", d.file, d.name_range,
                           "only one datasource is allowed, but `" + first.name +
                               "` is already declared; remove `" + d.name + "`");
    diag.related.push_back({model.path(first.file), first.name_range, "the first datasource"});
  }

  // `@@schema` on models and enums.
  const auto& ds = *model.datasource;
  // Without `defaultSchema`, declarations lacking `@@schema` live in "public", which must then
  // be listed (ZenStack's rule; Prisma requires `@@schema` everywhere).
  bool public_listed = std::find(ds.schemas.begin(), ds.schemas.end(), "public") != ds.schemas.end();
  if (!ds.schemas.empty() && !ds.default_schema && !public_listed && ds.provider && supports_schemas(*ds.provider)) {
    for (const Decl& d : model.decls) {
      if (d.is_stdlib() || !(d.kind == DeclKind::Model || d.kind == DeclKind::Enum || d.kind == DeclKind::View)) continue;
      if (d.find_any_attribute("@@schema") || d.is_abstract) continue;
      ctx.error("unknown-schema", d.file, d.name_range,
                std::string(decl_kind_name(d.kind)) + " `" + d.name +
                    "` has no `@@schema` and the datasource's `schemas` does not list \"public\"; add `@@schema(\"...\")` or `defaultSchema`")
          .data.push_back({"insert", "@@schema(\"" + ds.schemas.front() + "\")"});
    }
  }
  for (const Decl& d : model.decls) {
    if (d.is_stdlib()) continue;
    const AttributeApp* app = d.find_attribute("@@schema");
    if (!app || !app->first()) continue;
    auto name = app->first()->value.as_string();
    if (!name) continue;
    if (ds.schemas.empty()) {
      ctx.error("unknown-schema", d.file, app->range,
                "`@@schema` needs the datasource to list its schemas; add `schemas = [\"" + std::string(*name) +
                    "\"]` to datasource `" + ds.name + "`");
    } else if (std::find(ds.schemas.begin(), ds.schemas.end(), *name) == ds.schemas.end()) {
      ctx.error("unknown-schema", d.file, app->first()->value.range,
                "schema \"" + std::string(*name) + "\" is not listed in the datasource's `schemas`; add it there")
          .data.push_back({"schema", std::string(*name)});
    }
  }
}

}  // namespace zen::analysis::validate
