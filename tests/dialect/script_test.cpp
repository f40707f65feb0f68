// Splitting SQL scripts into statements.
#include <doctest/doctest.h>

#include <string>

#include "dialect/script.h"

using zen::db::split_script;

namespace {

std::string texts(std::string_view sql) {
  std::string out;
  for (const auto& s : split_script(sql)) out += std::to_string(s.line) + "|" + std::string(s.text) + "\n";
  return out;
}

}  // namespace

TEST_CASE("splits on semicolons and records each statement's first line") {
  CHECK(texts("-- CreateTable\nCREATE TABLE a (x INT);\n\n-- CreateIndex\nCREATE INDEX i ON a(x);\n") ==
        "2|CREATE TABLE a (x INT)\n5|CREATE INDEX i ON a(x)\n");
}

TEST_CASE("semicolons in strings, identifiers, comments and dollar quotes do not split") {
  CHECK(texts("INSERT INTO t VALUES ('a;b', 'it''s;');SELECT \"we;ird\" FROM x") ==
        "1|INSERT INTO t VALUES ('a;b', 'it''s;')\n1|SELECT \"we;ird\" FROM x\n");
  CHECK(texts("SELECT 1 /* ; /* nested ; */ ; */ ;\nSELECT 2 -- ; trailing\n;") ==
        "1|SELECT 1 /* ; /* nested ; */ ; */\n2|SELECT 2 -- ; trailing\n");
  CHECK(texts("CREATE FUNCTION f() RETURNS int AS $body$ BEGIN RETURN 1; END; $body$ LANGUAGE plpgsql;\nSELECT $1;") ==
        "1|CREATE FUNCTION f() RETURNS int AS $body$ BEGIN RETURN 1; END; $body$ LANGUAGE plpgsql\n2|SELECT $1\n");
  CHECK(texts("SELECT E'a\\';b';SELECT 2") == "1|SELECT E'a\\';b'\n1|SELECT 2\n");
}

TEST_CASE("comment-only and empty pieces are dropped") {
  CHECK(split_script("").empty());
  CHECK(split_script("-- This is an empty migration.").empty());
  CHECK(split_script(" ; ;\n/* x */").empty());
  CHECK(zen::db::is_blank_script("-- This is an empty migration.\n"));
  CHECK_FALSE(zen::db::is_blank_script("-- x\nSELECT 1"));
}

TEST_CASE("an unterminated string runs to the end") {
  CHECK(texts("SELECT 1; SELECT 'oops; SELECT 2") == "1|SELECT 1\n1|SELECT 'oops; SELECT 2\n");
}
