// Unit tests for the PostgreSQL dialect's tricky helpers: type spellings, default expressions
// as pg_get_expr prints them, and the riskiness of type changes. Whole migrations are covered
// by the golden scenarios (tests/diff) and the corpus comparison (corpus_catalog_test.cpp).
#include <doctest/doctest.h>

#include "dialect/postgres/flavour.h"
#include "dialect/postgres/introspect.h"
#include "dialect/postgres/normalize.h"

using namespace zen;
using namespace zen::dialect::postgres;
using schema::ColumnFamily;
using schema::DefaultKind;
using schema::LiteralKind;

TEST_CASE("canonical_type maps format_type and Prisma spellings to what Prisma renders") {
  CHECK(canonical_type("character varying(255)") == "VARCHAR(255)");
  CHECK(canonical_type("VarChar(255)") == "VARCHAR(255)");
  CHECK(canonical_type("character varying") == "VARCHAR");
  CHECK(canonical_type("timestamp(3) without time zone") == "TIMESTAMP(3)");
  CHECK(canonical_type("timestamp without time zone") == "TIMESTAMP");
  CHECK(canonical_type("timestamp(6) with time zone") == "TIMESTAMPTZ(6)");
  CHECK(canonical_type("Timestamptz(3)") == "TIMESTAMPTZ(3)");
  CHECK(canonical_type("time(3) with time zone") == "TIMETZ(3)");
  CHECK(canonical_type("numeric(10, 2)") == "DECIMAL(10,2)");
  CHECK(canonical_type("Decimal(65,30)") == "DECIMAL(65,30)");
  CHECK(canonical_type("double precision") == "DOUBLE PRECISION");
  CHECK(canonical_type("DoublePrecision") == "DOUBLE PRECISION");
  CHECK(canonical_type("bit varying(8)") == "VARBIT(8)");
  CHECK(canonical_type("character(10)") == "CHAR(10)");
  CHECK(canonical_type("int4") == "INTEGER");
  CHECK(canonical_type("JsonB") == "JSONB");
  // Types zen does not know are kept verbatim (Unsupported("...") renders them as written).
  CHECK(canonical_type("tsvector") == "tsvector");
  CHECK(canonical_type("geometry(Point, 4326)") == "geometry(Point, 4326)");
}

TEST_CASE("family_of_type and type_for_family agree with Prisma's defaults") {
  CHECK(family_of_type("VARCHAR(3)") == ColumnFamily::String);
  CHECK(family_of_type("TIMESTAMPTZ(6)") == ColumnFamily::DateTime);
  CHECK(family_of_type("DECIMAL(65,30)") == ColumnFamily::Decimal);
  CHECK(family_of_type("UUID") == ColumnFamily::Uuid);
  CHECK_FALSE(family_of_type("tsvector").has_value());
  CHECK(std::string(type_for_family(ColumnFamily::DateTime)) == "TIMESTAMP(3)");
  CHECK(std::string(type_for_family(ColumnFamily::Float)) == "DOUBLE PRECISION");
  CHECK(std::string(type_for_family(ColumnFamily::Json)) == "JSONB");
}

TEST_CASE("parse_default reads sequences, now and literals with their casts") {
  auto seq = parse_default("nextval('\"User_id_seq\"'::regclass)", ColumnFamily::Int, false);
  REQUIRE(seq);
  CHECK(seq->kind == DefaultKind::Sequence);
  CHECK(seq->expression == "User_id_seq");

  auto qualified = parse_default("nextval('auth.\"Post_id_seq\"'::regclass)", ColumnFamily::Int, false);
  REQUIRE(qualified);
  CHECK(qualified->expression == "Post_id_seq");

  auto now = parse_default("CURRENT_TIMESTAMP", ColumnFamily::DateTime, false);
  REQUIRE(now);
  CHECK(now->kind == DefaultKind::Now);

  auto text = parse_default("'it''s \"quoted\"'::text", ColumnFamily::String, false);
  REQUIRE(text);
  CHECK(text->kind == DefaultKind::Value);
  CHECK(text->value.kind == LiteralKind::String);
  CHECK(text->value.text == "it's \"quoted\"");

  auto negative = parse_default("'-42'::integer", ColumnFamily::Int, false);
  REQUIRE(negative);
  CHECK(negative->value.kind == LiteralKind::Int);
  CHECK(negative->value.text == "-42");

  auto number = parse_default("3.25", ColumnFamily::Float, false);
  REQUIRE(number);
  CHECK(number->value.kind == LiteralKind::Float);
  CHECK(number->value.text == "3.25");

  auto enum_value = parse_default("'USER'::\"Role\"", ColumnFamily::Enum, false);
  REQUIRE(enum_value);
  CHECK(enum_value->value.kind == LiteralKind::Enum);
  CHECK(enum_value->value.text == "USER");

  auto json = parse_default("'{\"a\": [1, 2]}'::jsonb", ColumnFamily::Json, false);
  REQUIRE(json);
  CHECK(json->value.kind == LiteralKind::Json);
  CHECK(json->value.text == "{\"a\": [1, 2]}");

  auto boolean = parse_default("false", ColumnFamily::Boolean, false);
  REQUIRE(boolean);
  CHECK(boolean->value.kind == LiteralKind::Boolean);
  CHECK(boolean->value.text == "false");

  auto generated = parse_default("gen_random_uuid()", ColumnFamily::Uuid, false);
  REQUIRE(generated);
  CHECK(generated->kind == DefaultKind::DbGenerated);
  CHECK(generated->expression == "gen_random_uuid()");

  CHECK_FALSE(parse_default("NULL::text", ColumnFamily::String, false).has_value());
}

TEST_CASE("parse_default reads array defaults in both spellings") {
  auto empty = parse_default("ARRAY[]::text[]", ColumnFamily::String, true);
  REQUIRE(empty);
  CHECK(empty->value.kind == LiteralKind::List);
  CHECK(empty->value.items.empty());

  auto strings = parse_default("ARRAY['a'::text, 'b,c'::text]", ColumnFamily::String, true);
  REQUIRE(strings);
  REQUIRE(strings->value.items.size() == 2);
  CHECK(strings->value.items[1].text == "b,c");

  auto ints = parse_default("ARRAY[1, 2, 3]", ColumnFamily::Int, true);
  REQUIRE(ints);
  REQUIRE(ints->value.items.size() == 3);
  CHECK(ints->value.items[2].kind == LiteralKind::Int);

  auto braces = parse_default("'{x,\"y z\"}'::text[]", ColumnFamily::String, true);
  REQUIRE(braces);
  REQUIRE(braces->value.items.size() == 2);
  CHECK(braces->value.items[1].text == "y z");
}

TEST_CASE("native_type_change follows Prisma's cast table") {
  using diff::ColumnTypeChange;
  CHECK_FALSE(native_type_change("VARCHAR(100)", "VARCHAR(100)").has_value());
  CHECK(native_type_change("VARCHAR(100)", "VARCHAR(200)") == ColumnTypeChange::SafeCast);
  CHECK(native_type_change("VARCHAR(200)", "VARCHAR(100)") == ColumnTypeChange::RiskyCast);
  CHECK(native_type_change("INTEGER", "TEXT") == ColumnTypeChange::SafeCast);
  CHECK(native_type_change("INTEGER", "BIGINT") == ColumnTypeChange::SafeCast);
  CHECK(native_type_change("BIGINT", "INTEGER") == ColumnTypeChange::RiskyCast);
  CHECK(native_type_change("TEXT", "INTEGER") == ColumnTypeChange::NotCastable);
  CHECK(native_type_change("DOUBLE PRECISION", "DECIMAL(65,30)") == ColumnTypeChange::RiskyCast);
  CHECK(native_type_change("DECIMAL(10,2)", "DECIMAL(12,4)") == ColumnTypeChange::SafeCast);
  CHECK(native_type_change("DECIMAL(12,4)", "DECIMAL(10,2)") == ColumnTypeChange::RiskyCast);
  CHECK(native_type_change("TIMESTAMP(3)", "TIMESTAMPTZ(6)") == ColumnTypeChange::SafeCast);
  // A timestamp without precision matches any precision (Prisma compares them as equal).
  CHECK_FALSE(native_type_change("TIMESTAMP", "TIMESTAMP(3)").has_value());
  CHECK(native_type_change("JSONB", "JSON") == ColumnTypeChange::SafeCast);
  CHECK(native_type_change("BOOLEAN", "INTEGER") == ColumnTypeChange::NotCastable);
}

TEST_CASE("is_default_operator_class knows PostgreSQL's defaults per access method") {
  schema::Column list;
  list.type.full_type = "TEXT";
  list.type.family = ColumnFamily::String;
  list.type.arity = schema::Arity::List;
  CHECK(is_default_operator_class("array_ops", schema::IndexAlgorithm::Gin, list));

  schema::Column jsonb;
  jsonb.type.full_type = "JSONB";
  jsonb.type.family = ColumnFamily::Json;
  CHECK(is_default_operator_class("jsonb_ops", schema::IndexAlgorithm::Gin, jsonb));
  CHECK_FALSE(is_default_operator_class("jsonb_path_ops", schema::IndexAlgorithm::Gin, jsonb));

  schema::Column text;
  text.type.full_type = "VARCHAR(20)";
  text.type.family = ColumnFamily::String;
  CHECK(is_default_operator_class("text_ops", std::nullopt, text));
  CHECK_FALSE(is_default_operator_class("text_pattern_ops", std::nullopt, text));
}

TEST_CASE("prisma_type_name spells native types as Prisma's warnings do") {
  CHECK(prisma_type_name("DOUBLE PRECISION") == "DoublePrecision");
  CHECK(prisma_type_name("DECIMAL(65,30)") == "Decimal(65,30)");
  CHECK(prisma_type_name("VARCHAR(255)") == "VarChar(255)");
  CHECK(prisma_type_name("TIMESTAMPTZ(6)") == "Timestamptz(6)");
  CHECK(prisma_type_name("TEXT") == "Text");
  CHECK(prisma_type_name("tsvector") == "tsvector");
}
