// schema::HeapOptional, the pointer-sized optional that holds a column's default: it must
// behave as the std::optional it replaced (deep copies, value comparison, reset).
#include <doctest/doctest.h>

#include "schema/schema.h"

using namespace zen;
using schema::DefaultKind;
using schema::DefaultValue;
using schema::HeapOptional;

namespace {

DefaultValue sequence(std::string name) {
  DefaultValue d;
  d.kind = DefaultKind::Sequence;
  d.expression = std::move(name);
  return d;
}

}  // namespace

TEST_CASE("HeapOptional: empty, engaged from a std::optional, reset") {
  HeapOptional<DefaultValue> none;
  CHECK_FALSE(none);
  CHECK_FALSE(none.has_value());
  HeapOptional<DefaultValue> from_empty = std::optional<DefaultValue>();
  CHECK_FALSE(from_empty);
  HeapOptional<DefaultValue> seq = std::optional<DefaultValue>(sequence("s"));
  REQUIRE(seq);
  CHECK(seq->kind == DefaultKind::Sequence);
  CHECK((*seq).expression == "s");
  seq.reset();
  CHECK_FALSE(seq);
  seq.emplace(sequence("t"));
  CHECK(seq->expression == "t");
  seq = std::nullopt;
  CHECK_FALSE(seq.has_value());
}

TEST_CASE("HeapOptional: copies are deep, comparison is by value") {
  HeapOptional<DefaultValue> a(sequence("s"));
  HeapOptional<DefaultValue> b = a;
  REQUIRE(b);
  b->expression = "changed";
  CHECK(a->expression == "s");
  CHECK_FALSE(a == b);
  b = a;
  CHECK(a == b);
  CHECK(a == std::optional<DefaultValue>(sequence("s")));
  CHECK_FALSE(a == std::optional<DefaultValue>());
  CHECK(HeapOptional<DefaultValue>() == std::optional<DefaultValue>());
  CHECK(HeapOptional<DefaultValue>() == HeapOptional<DefaultValue>());
  CHECK(a.to_optional() == std::optional<DefaultValue>(sequence("s")));
  HeapOptional<DefaultValue> moved = std::move(b);
  CHECK(moved == a);
}

TEST_CASE("HeapOptional: a Column copies its default") {
  schema::Column c;
  c.name = "id";
  c.default_value = std::optional<DefaultValue>(sequence("id_seq"));
  schema::Column d = c;
  d.default_value->expression = "other";
  CHECK(c.default_value->expression == "id_seq");
  CHECK(sizeof(schema::Column) <= 128);
}
