// Typed views: accessors on valid input, and empty answers on broken input.
#include <doctest/doctest.h>

#include <string>

#include "syntax/nodes.h"

using namespace zen::syntax;

namespace {

// The first top-level declaration of `text`, parsed into a tree kept alive by the caller.
Node first_declaration(const SyntaxTree& tree) {
  auto decls = SourceFile(tree).declarations();
  REQUIRE_FALSE(decls.empty());
  return decls.front();
}

std::string str(const std::optional<Token>& t) { return t ? std::string(t->text) : "<none>"; }

}  // namespace

TEST_CASE("model view: name, bases, mixins, fields, attributes") {
  SyntaxTree tree = SyntaxTree::parse(R"(
/// A post.
/// Second line.
model Post extends Content with Timestamps, Owned {
  /// The id.
  id     Int      @id @default(autoincrement())
  tags   String[]
  body   Unsupported("text")?
  author User?    @relation(fields: [authorId], references: [id])
  @@index([id], map: "p_idx")
}
)");
  auto model = DataModel::cast(first_declaration(tree));
  REQUIRE(model);
  CHECK(str(model->name()) == "Post");
  CHECK_FALSE(model->is_view());
  CHECK_FALSE(model->is_abstract());
  REQUIRE(model->bases().size() == 1);
  CHECK(model->bases()[0].text == "Content");
  REQUIRE(model->mixins().size() == 2);
  CHECK(model->mixins()[1].text == "Owned");
  auto docs = doc_comments(model->node());
  REQUIRE(docs.size() == 2);
  CHECK(docs[0] == "A post.");
  CHECK(docs[1] == "Second line.");

  auto fields = model->fields();
  REQUIRE(fields.size() == 4);
  CHECK(str(fields[0].name()) == "id");
  CHECK(doc_comments(fields[0].node()).at(0) == "The id.");
  CHECK(fields[0].type()->builtin() == "Int");
  CHECK_FALSE(fields[0].type()->is_list());
  REQUIRE(fields[0].attributes().size() == 2);
  CHECK(str(fields[0].attributes()[1].name()) == "@default");
  CHECK(fields[0].attributes()[1].kind() == AttributeKind::Field);
  auto def = fields[0].attributes()[1].arguments().at(0).value();
  REQUIRE(def);
  CHECK(def->kind() == ExpressionKind::Call);
  CHECK(str(def->function()) == "autoincrement");
  CHECK(def->arguments().empty());

  CHECK(fields[1].type()->is_list());
  CHECK(fields[2].type()->is_unsupported());
  CHECK(fields[2].type()->unsupported_value() == "text");
  CHECK(fields[2].type()->is_optional());
  CHECK(str(fields[3].type()->reference()) == "User");
  CHECK_FALSE(fields[3].type()->builtin());
  auto rel = fields[3].attributes().at(0).arguments();
  REQUIRE(rel.size() == 2);
  CHECK(str(rel[0].name()) == "fields");
  CHECK(rel[0].value()->kind() == ExpressionKind::Array);
  CHECK(str(rel[0].value()->items().at(0).reference()) == "authorId");

  auto attrs = model->attributes();
  REQUIRE(attrs.size() == 1);
  CHECK(attrs[0].kind() == AttributeKind::Model);
  CHECK(attrs[0].arguments().at(1).value()->string_value() == "p_idx");
}

TEST_CASE("expression views follow ZenStack's precedence") {
  SyntaxTree tree = SyntaxTree::parse(
      "model A { @@allow('read', a || b && !c.d?[x, x.y > -2] && role in [ADMIN] && {k: 'v'}.k == (null)) }");
  auto model = DataModel::cast(first_declaration(tree));
  REQUIRE(model);
  auto cond = model->attributes().at(0).arguments().at(1).value();
  REQUIRE(cond);
  // ((((a || b) && pred) && in) && eq)
  CHECK(cond->kind() == ExpressionKind::Binary);
  CHECK(cond->op() == "&&");
  auto eq = cond->right();
  CHECK(eq->op() == "==");
  CHECK(eq->left()->kind() == ExpressionKind::Member);
  CHECK(eq->left()->object()->fields().at(0).key() == "k");
  CHECK(eq->right()->inner()->kind() == ExpressionKind::Null);
  auto rest = cond->left()->left();
  CHECK(rest->op() == "&&");
  CHECK(rest->left()->op() == "||");
  auto pred = rest->right();
  CHECK(pred->kind() == ExpressionKind::CollectionPredicate);
  CHECK(pred->op() == "?");
  CHECK(str(pred->binding()) == "x");
  CHECK(pred->collection()->kind() == ExpressionKind::Unary);
  CHECK(pred->collection()->operand()->kind() == ExpressionKind::Member);
  CHECK(str(pred->collection()->operand()->property()) == "d");
  CHECK(pred->condition()->right()->number_text() == "-2");
  CHECK(cond->left()->right()->op() == "in");
  // Accessors of another kind answer nullopt instead of asserting.
  CHECK_FALSE(cond->operand());
  CHECK_FALSE(cond->string_value());
  CHECK(cond->items().empty());
}

TEST_CASE("other declarations") {
  SyntaxTree tree = SyntaxTree::parse(R"(
import './base'
datasource db {
  provider = "postgresql"
  url = env("DATABASE_URL")
}
type T with M { x Int }
enum Role { USER @map("user") ADMIN @@map("roles") }
function has(field: Any[], search: Any?): Boolean {} @@@expressionContext([AccessPolicy])
mutation procedure signUp(email: String): User[]
attribute @@index(_ fields: FieldReference[], map: String?) @@@prisma
view V { id Int }
abstract model B { id Int }
)");
  SourceFile file(tree);
  REQUIRE(file.imports().size() == 1);
  CHECK(file.imports()[0].path() == "./base");
  auto decls = file.declarations();
  REQUIRE(decls.size() == 8);

  auto ds = ConfigDecl::cast(decls[0]);
  REQUIRE(ds);
  CHECK(ds->kind() == ConfigKind::Datasource);
  CHECK(ds->field("provider")->value()->string_value() == "postgresql");
  CHECK(str(ds->field("url")->value()->function()) == "env");
  CHECK_FALSE(ds->field("shadowDatabaseUrl"));

  auto type = TypeDef::cast(decls[1]);
  REQUIRE(type);
  CHECK(type->mixins().at(0).text == "M");
  CHECK(type->fields().size() == 1);

  auto e = Enum::cast(decls[2]);
  REQUIRE(e);
  REQUIRE(e->fields().size() == 2);
  CHECK(str(e->fields()[0].name()) == "USER");
  CHECK(e->fields()[0].attributes().size() == 1);
  CHECK(e->attributes().size() == 1);

  auto fn = FunctionDecl::cast(decls[3]);
  REQUIRE(fn);
  auto params = fn->parameters();
  REQUIRE(params.size() == 2);
  CHECK(params[0].type()->is_list());
  CHECK(params[0].type()->is_expression_type());
  CHECK_FALSE(params[0].is_optional());
  CHECK(params[1].is_optional());
  CHECK(str(fn->return_type()->base()) == "Boolean");
  CHECK(fn->return_type()->is_builtin());
  CHECK_FALSE(fn->body());
  CHECK(str(fn->attributes().at(0).name()) == "@@@expressionContext");
  CHECK(fn->attributes().at(0).kind() == AttributeKind::Internal);

  auto proc = Procedure::cast(decls[4]);
  REQUIRE(proc);
  CHECK(proc->is_mutation());
  CHECK(proc->return_type()->is_reference());
  CHECK(proc->return_type()->is_list());

  auto attr = AttributeDecl::cast(decls[5]);
  REQUIRE(attr);
  CHECK(attr->kind() == AttributeKind::Model);
  auto aparams = attr->parameters();
  REQUIRE(aparams.size() == 2);
  CHECK(aparams[0].is_positional());
  CHECK_FALSE(aparams[1].is_positional());
  CHECK(aparams[1].type()->is_optional());
  CHECK(str(aparams[0].type()->base()) == "FieldReference");

  CHECK(DataModel::cast(decls[6])->is_view());
  CHECK(DataModel::cast(decls[7])->is_abstract());
  CHECK(declaration_kind(decls[7]) == DeclarationKind::DataModel);
  // A cast to the wrong view is empty.
  CHECK_FALSE(Enum::cast(decls[0]));
}

TEST_CASE("broken input gives empty optionals, never crashes") {
  SyntaxTree tree = SyntaxTree::parse("model {\n  name\n  x Int @default(\n}\n");
  auto model = DataModel::cast(first_declaration(tree));
  REQUIRE(model);
  CHECK_FALSE(model->name());
  for (const DataField& f : model->fields()) {
    auto type = f.type();
    if (type) {
      // A missing base type has no builtin and no reference.
      if (!type->builtin()) CHECK(str(type->reference()) != "");
    }
    for (const Attribute& a : f.attributes())
      for (const Argument& arg : a.arguments()) (void)arg.value();
  }

  SyntaxTree cfg = SyntaxTree::parse("datasource db {\n  provider =\n}\n");
  auto ds = ConfigDecl::cast(first_declaration(cfg));
  REQUIRE(ds);
  REQUIRE(ds->fields().size() == 1);
  CHECK(str(ds->fields()[0].name()) == "provider");
  CHECK_FALSE(ds->fields()[0].value());

  SyntaxTree field = SyntaxTree::parse("model A {\n  id Int\n  name\n}\n");
  auto fields = DataModel::cast(first_declaration(field))->fields();
  REQUIRE(fields.size() == 2);
  REQUIRE(fields[1].type());
  CHECK_FALSE(fields[1].type()->builtin());
  CHECK_FALSE(fields[1].type()->reference());
}

TEST_CASE("string literals are unquoted and unescaped") {
  CHECK(unquote_string(R"("plain")") == "plain");
  CHECK(unquote_string(R"('single')") == "single");
  CHECK(unquote_string(R"("a \"b\" \\ c\n")") == "a \"b\" \\ c\n");
  CHECK(unquote_string(R"('it\'s')") == "it's");
  CHECK(unquote_string("unquoted") == "unquoted");
  CHECK(unquote_string("\"") == "\"");
}
