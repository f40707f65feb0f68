// Database URL resolution: datasource literals relative to the schema, env() with `.env`
// files, `--url`, provider checks; and dotenv parsing.
#include <doctest/doctest.h>

#include <fstream>

#include "commands/datasource_url.h"
#include "support/temp_database.h"

using namespace zen;
using namespace zen::commands;
namespace fs = std::filesystem;

namespace {

analysis::ConfigField literal_field(std::string name, std::string value) {
  analysis::ConfigField f;
  f.name = std::move(name);
  f.value.kind = analysis::ExprKind::String;
  f.value.text = std::move(value);
  return f;
}

analysis::ConfigField env_field(std::string name, std::string var) {
  analysis::ConfigField f;
  f.name = std::move(name);
  f.value.kind = analysis::ExprKind::Call;
  f.value.text = "env";
  analysis::Argument arg;
  arg.value.kind = analysis::ExprKind::String;
  arg.value.text = std::move(var);
  f.value.args.push_back(std::move(arg));
  return f;
}

analysis::Datasource datasource(Provider p, const analysis::ConfigField* url, const analysis::ConfigField* shadow = nullptr) {
  analysis::Datasource ds;
  ds.name = "db";
  ds.provider = p;
  ds.provider_text = std::string(provider_name(p));
  ds.url = url;
  ds.shadow_database_url = shadow;
  return ds;
}

void write(const fs::path& p, std::string_view text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

}  // namespace

TEST_CASE("a relative file url is taken from the schema's folder") {
  auto url = literal_field("url", "file:./dev.db");
  auto ds = datasource(Provider::Sqlite, &url);
  MapEnvironment env({}, "/work/app");
  auto r = resolve_database_url({&ds, "zenstack/schema.zmodel", std::nullopt}, env);
  REQUIRE(r.ok());
  CHECK(r->url == "file:/work/app/zenstack/dev.db");
  CHECK(r->provider == Provider::Sqlite);
  CHECK(r->source == "the datasource `url`");
}

TEST_CASE("absolute file urls and query strings are kept") {
  CHECK(absolutize_sqlite_url("file:/data/x.db", "/a") == "file:/data/x.db");
  CHECK(absolutize_sqlite_url("file:../x.db?connection_limit=1", "/a/b") == "file:/a/x.db?connection_limit=1");
  CHECK(absolutize_sqlite_url("postgresql://h/db", "/a") == "postgresql://h/db");
}

TEST_CASE("--url wins and a relative file path is taken from the current directory") {
  auto url = literal_field("url", "file:./dev.db");
  auto ds = datasource(Provider::Sqlite, &url);
  MapEnvironment env({}, "/cwd");
  auto r = resolve_database_url({&ds, "/proj/schema.zmodel", "file:other.db"}, env);
  REQUIRE(r.ok());
  CHECK(r->url == "file:/cwd/other.db");
  CHECK(r->source == "--url");
}

TEST_CASE("env() reads the injected environment and says when the variable is missing") {
  auto url = env_field("url", "DATABASE_URL");
  auto ds = datasource(Provider::Postgresql, &url);
  MapEnvironment env({{"DATABASE_URL", "postgresql://u:pw@h:5432/app"}}, "/cwd");
  auto r = resolve_database_url({&ds, "/proj/schema.zmodel", std::nullopt}, env);
  REQUIRE(r.ok());
  CHECK(r->url == "postgresql://u:pw@h:5432/app");
  CHECK(r->source == "env(\"DATABASE_URL\")");

  MapEnvironment empty({}, "/cwd");
  auto missing = resolve_database_url({&ds, "/proj/schema.zmodel", std::nullopt}, empty);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().code == ErrorCode::InvalidArgument);
  CHECK(missing.error().message.find("DATABASE_URL") != std::string::npos);
  CHECK(missing.error().message.find("--url") != std::string::npos);
}

TEST_CASE("a url that does not match the provider is refused without printing the password") {
  auto url = literal_field("url", "postgresql://u:hunter2@h/db");
  auto ds = datasource(Provider::Sqlite, &url);
  MapEnvironment env({}, "/cwd");
  auto r = resolve_database_url({&ds, "/p/schema.zmodel", std::nullopt}, env);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().message.find("sqlite") != std::string::npos);
  CHECK(r.error().message.find("hunter2") == std::string::npos);

  auto lite = literal_field("url", "file:./x.db");
  auto pg = datasource(Provider::Postgresql, &lite);
  auto r2 = resolve_database_url({&pg, "/p/schema.zmodel", std::nullopt}, env);
  REQUIRE_FALSE(r2.ok());
  CHECK(r2.error().message.find("postgresql://") != std::string::npos);

  auto my = literal_field("url", "mysql://root:pw@h/db");
  auto mysql = datasource(Provider::Mysql, &my);
  auto r3 = resolve_database_url({&mysql, "/p/schema.zmodel", std::nullopt}, env);
  REQUIRE_FALSE(r3.ok());
  CHECK(r3.error().code == ErrorCode::Unsupported);
}

TEST_CASE("no datasource and no --url is an error that suggests --url") {
  MapEnvironment env({}, "/cwd");
  auto r = resolve_database_url({nullptr, "/p/schema.zmodel", std::nullopt}, env);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().message.find("--url") != std::string::npos);
  auto with_url = resolve_database_url({nullptr, "/p/schema.zmodel", "postgres://h/db"}, env);
  REQUIRE(with_url.ok());
  CHECK(with_url->provider == Provider::Postgresql);
}

TEST_CASE("the shadow database url is resolved and must differ from the url") {
  auto url = env_field("url", "DATABASE_URL");
  auto shadow = env_field("shadowDatabaseUrl", "SHADOW_URL");
  auto ds = datasource(Provider::Postgresql, &url, &shadow);
  MapEnvironment env({{"DATABASE_URL", "postgresql://h/app"}, {"SHADOW_URL", "postgresql://h/app_shadow"}}, "/cwd");
  auto r = resolve_database_url({&ds, "/p/schema.zmodel", std::nullopt}, env);
  REQUIRE(r.ok());
  CHECK(r->shadow_url == "postgresql://h/app_shadow");
  env.set("SHADOW_URL", "postgresql://h/app");
  CHECK_FALSE(resolve_database_url({&ds, "/p/schema.zmodel", std::nullopt}, env).ok());
}

TEST_CASE("dotenv parsing follows dotenv's rules") {
  auto vars = parse_dotenv(
      "# comment\n"
      "DATABASE_URL=\"postgresql://u:p@h/db?schema=s\"\n"
      "export PLAIN = value with spaces   # trailing comment\n"
      "SINGLE='keep $HOME and \\n'\n"
      "DOUBLE=\"line1\\nline2\"\n"
      "EMPTY=\n"
      "HOST=db.local\n"
      "EXPANDED=postgresql://${HOST}:5432/${MISSING:-fallback}\n"
      "not a line\n"
      "MULTI=\"a\nb\"\n");
  std::map<std::string, std::string> m(vars.begin(), vars.end());
  CHECK(m["DATABASE_URL"] == "postgresql://u:p@h/db?schema=s");
  CHECK(m["PLAIN"] == "value with spaces");
  CHECK(m["SINGLE"] == "keep $HOME and \\n");
  CHECK(m["DOUBLE"] == "line1\nline2");
  CHECK(m.count("EMPTY") == 1);
  CHECK(m["EMPTY"] == "");
  CHECK(m["EXPANDED"] == "postgresql://db.local:5432/fallback");
  CHECK(m["MULTI"] == "a\nb");
  CHECK(m.count("not") == 0);
}

TEST_CASE("the real environment wins over .env in the current directory, which wins over .env beside the schema") {
  zen::testing::TempDir dir;
  write(dir.path / ".env", "A=root\nB=root\n");
  write(dir.path / "zenstack" / ".env", "A=schema\nB=schema\nC=schema\n");
  MapEnvironment real({{"A", "real"}}, dir.path);
  auto env = load_dotenv(real, dir.path / "zenstack");
  REQUIRE(env.ok());
  CHECK((*env)->get("A") == "real");
  CHECK((*env)->get("B") == "root");
  CHECK((*env)->get("C") == "schema");
  CHECK_FALSE((*env)->get("D").has_value());

  // env("B") in a datasource then resolves through the loaded files.
  auto url = env_field("url", "C");
  auto ds = datasource(Provider::Sqlite, &url);
  write(dir.path / "zenstack" / ".env", "C=file:./from-env.db\n");
  auto env2 = load_dotenv(real, "zenstack");
  REQUIRE(env2.ok());
  auto r = resolve_database_url({&ds, "zenstack/schema.zmodel", std::nullopt}, **env2);
  REQUIRE(r.ok());
  CHECK(r->url == "file:" + (dir.path / "zenstack" / "from-env.db").string());
}

TEST_CASE("no .env files is fine") {
  zen::testing::TempDir dir;
  MapEnvironment real({}, dir.path);
  auto env = load_dotenv(real, dir.path);
  REQUIRE(env.ok());
  CHECK_FALSE((*env)->get("DATABASE_URL").has_value());
}
