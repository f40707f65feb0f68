// Validation diagnostics carry the data a quick fix needs (the model to edit, the text to add).
#include <doctest/doctest.h>

#include <string>

#include "analysis/analysis.h"

using zen::Diagnostic;
using zen::analysis::analyze;
using zen::analysis::SourceInput;

namespace {

const Diagnostic* find(const zen::analysis::Analysis& a, const std::string& code) {
  for (const auto& d : a.diagnostics)
    if (d.code == code) return &d;
  return nullptr;
}

std::string data(const Diagnostic& d, const std::string& key) {
  for (const auto& [k, v] : d.data)
    if (k == key) return v;
  return "<none>";
}

zen::analysis::Analysis run(const std::string& text) {
  return analyze({SourceInput{"/schema.zmodel", "datasource db {\n    provider = \"postgresql\"\n}\n" + text}},
                 "/schema.zmodel");
}

}  // namespace

TEST_CASE("missing opposite relation names the model and the field to add") {
  auto a = run(R"(
model User {
    id Int @id
}
model Post {
    id       Int  @id
    authorId Int
    author   User @relation(fields: [authorId], references: [id])
}
)");
  const Diagnostic* d = find(a, "missing-opposite-relation");
  REQUIRE(d);
  CHECK(data(*d, "model") == "User");
  CHECK(data(*d, "field") == "posts Post[]");
}

TEST_CASE("missing opposite of a list relation suggests the owning field and its foreign key") {
  auto a = run(R"(
model User {
    id    String @id
    posts Post[]
}
model Post {
    id Int @id
}
)");
  const Diagnostic* d = find(a, "missing-opposite-relation");
  REQUIRE(d);
  CHECK(data(*d, "model") == "Post");
  CHECK(data(*d, "field") == "user User? @relation(fields: [userId], references: [id])");
  CHECK(data(*d, "foreign_key") == "userId String?");
}

TEST_CASE("a one-to-one foreign key without @unique offers the attribute to insert") {
  auto a = run(R"(
model User {
    id      Int      @id
    profile Profile?
}
model Profile {
    id     Int  @id
    userId Int
    user   User @relation(fields: [userId], references: [id])
}
)");
  const Diagnostic* d = find(a, "missing-unique-foreign-key");
  REQUIRE(d);
  CHECK(data(*d, "field") == "userId");
  CHECK(data(*d, "insert") == " @unique");
}

TEST_CASE("a model without unique criterion suggests an id field") {
  auto a = run("model Log {\n    message String\n}\n");
  const Diagnostic* d = find(a, "no-unique-criterion");
  REQUIRE(d);
  CHECK(data(*d, "model") == "Log");
  CHECK(data(*d, "suggestion") == "id Int @id @default(autoincrement())");
}

TEST_CASE("the valid schemas of every provider give no validation diagnostics") {
  const char* providers[] = {"postgresql", "sqlite", "mysql", "sqlserver", "cockroachdb", "mongodb"};
  for (const char* p : providers) {
    INFO(p);
    std::string text = std::string("datasource db {\n    provider = \"") + p + "\"\n}\n" + R"(
enum Role {
    USER
    ADMIN
}
model User {
    id        Int       @id @default(autoincrement())
    email     String    @unique
    role      Role      @default(USER)
    createdAt DateTime  @default(now())
    updatedAt DateTime  @updatedAt
    profile   Profile?
    posts     Post[]
}
model Profile {
    id     Int  @id @default(autoincrement())
    userId Int  @unique
    user   User @relation(fields: [userId], references: [id], onDelete: Cascade)
}
model Post {
    id       Int    @id @default(autoincrement())
    title    String @default("untitled")
    authorId Int
    author   User   @relation(fields: [authorId], references: [id])
    @@index([authorId])
}
)";
    auto a = analyze({SourceInput{"/schema.zmodel", text}}, "/schema.zmodel");
    std::string all;
    for (const auto& d : a.diagnostics) all += d.code + ": " + d.message + "\n";
    CHECK_MESSAGE(a.diagnostics.empty(), all);
  }
}
