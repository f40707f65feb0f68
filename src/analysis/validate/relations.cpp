// Rule: relations are well formed (zmodel-language.md §7.3): `fields`/`references` given
// together, non-empty, of equal length and matching types, references to unique fields; both
// sides present and unambiguous; exactly one owning side (none for many-to-many); the other side
// a list or optional; one-to-one foreign keys unique; self-relations named.
#include <algorithm>
#include <span>

#include "analysis/validate/internal/util.h"
#include "analysis/validate/rule_list.h"

namespace zen::analysis::validate {

using namespace std::string_view_literals;
namespace {

// What the rule reads from a relation field's `@relation`, read once per field (see
// RelationIndex): the fields of a model are checked from both sides of each relation.
struct RelSide {
  const Field* field = nullptr;
  const AttributeApp* rel = nullptr;
  std::string_view name;         // relation name (into the model), empty if none
  const Argument* fields = nullptr;
  const Argument* references = nullptr;
  bool owns() const { return fields && references; }
};

RelSide side_of(const Field& f) {
  RelSide s;
  s.field = &f;
  s.rel = f.find_attribute("@relation");
  if (!s.rel) return s;
  const Argument* front = s.rel->args.empty() ? nullptr : &s.rel->args.front();
  for (const Argument& a : s.rel->args) {
    if ((a.name.empty() && &a == front) || a.name == "name"sv) {
      if (auto v = a.value.as_string()) s.name = *v;
    }
    if (a.name == "fields"sv) s.fields = &a;
    if (a.name == "references"sv) s.references = &a;
  }
  return s;
}

// The fields an argument's list names, into `out` (nullptr for unresolved items).
void fields_of(const Model& model, const Argument* a, std::vector<const Field*>& out) {
  out.clear();
  if (!a) return;
  for (const Expr& item : a->value.items()) out.push_back(model.field(item.target));
}

std::string lower_first(std::string s) {
  if (!s.empty()) s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
  return s;
}

bool same_type(const FieldType& a, const FieldType& b) {
  if (a.kind != b.kind || a.list != b.list) return false;
  if (a.kind == TypeKind::Builtin) return a.builtin == b.builtin;
  return a.decl == b.decl;
}

// The distinct names of `fs`, sorted (a set to compare with another one).
void name_set(const std::vector<const Field*>& fs, std::vector<std::string_view>& out) {
  out.clear();
  for (const Field* f : fs) out.push_back(f->name);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
}

// The set of fields is unique in `m`: one @id/@unique field, or exactly an @@id/@@unique.
bool is_unique_set(const Model& model, const Decl& m, const std::vector<const Field*>& fs) {
  if (fs.size() == 1 && fs[0] && (fs[0]->has_attribute("@id") || fs[0]->has_attribute("@unique"))) return true;
  for (const Field* f : fs)
    if (!f) return true;  // unresolved: reported elsewhere
  std::vector<std::string_view> want, have;
  name_set(fs, want);
  std::vector<const Field*> listed;
  const auto& attrs = m.all_attributes.empty() ? m.attributes : m.all_attributes;
  for (const AttributeApp& a : attrs) {
    if (a.name != "@@id"sv && a.name != "@@unique"sv) continue;
    const Argument* first = a.first();
    if (!first) continue;
    listed.clear();
    for (const Expr& item : first->value.items())
      if (const Field* f = model.field(item.target)) listed.push_back(f);
    name_set(listed, have);
    if (have == want) return true;
  }
  // A unique field among a larger set still makes the set unique.
  for (const Field* f : fs)
    if (f->has_attribute("@id") || f->has_attribute("@unique")) return fs.size() == 1;
  return false;
}

std::string id_field_name(const Decl& m) {
  for (const FieldSlot& s : m.all_fields)
    if (s.field->has_attribute("@id")) return s.field->name;
  return "id";
}

std::string id_field_type(const Decl& m) {
  for (const FieldSlot& s : m.all_fields)
    if (s.field->has_attribute("@id")) return s.field->type.name;
  return "Int";
}

// Per model, its relation fields (indices into all_fields) keyed by the model they point to, so
// that finding the opposite candidates does not scan every field of the target (which made the
// rule quadratic for a model that many others relate to), with each field's `@relation` read
// once (RelSide). Built lazily per model: an incremental check reads only the models it needs.
class RelationIndex {
 public:
  struct Entry {
    DeclId to = kNone;  // the model the field points to
    uint32_t slot = 0;  // index into holder.all_fields
    bool ready = false;
    RelSide side;       // when ready
    bool operator<(const Entry& o) const { return to != o.to ? to < o.to : slot < o.slot; }
  };

  explicit RelationIndex(const Model& model) : by_holder_(model.decls.size()), built_(model.decls.size()) {}

  /// The relation fields of `holder` whose type is `to`, in field order.
  std::span<Entry> fields_to(const Decl& holder, DeclId to) {
    std::vector<Entry>& v = entries(holder);
    Entry key;
    key.to = to;
    auto lo = std::lower_bound(v.begin(), v.end(), key);
    auto hi = lo;
    while (hi != v.end() && hi->to == to) ++hi;
    return {lo, hi};
  }

  /// The entry of `holder.all_fields[slot]`, a relation field pointing to `to`.
  Entry& entry(const Decl& holder, DeclId to, uint32_t slot) {
    std::vector<Entry>& v = entries(holder);
    Entry key;
    key.to = to;
    key.slot = slot;
    return *std::lower_bound(v.begin(), v.end(), key);
  }

  static const RelSide& side(Entry& e, const Decl& holder) {
    if (!e.ready) {
      e.side = side_of(*holder.all_fields[e.slot].field);
      e.ready = true;
    }
    return e.side;
  }

 private:
  std::vector<Entry>& entries(const Decl& holder) {
    std::vector<Entry>& v = by_holder_[holder.id];
    if (!built_[holder.id]) {
      built_[holder.id] = true;
      for (uint32_t i = 0; i < holder.all_fields.size(); ++i) {
        const FieldType& t = holder.all_fields[i].field->type;
        if (t.kind == TypeKind::Model && t.decl != kNone) {
          Entry& e = v.emplace_back();
          e.to = t.decl;
          e.slot = i;
        }
      }
      std::sort(v.begin(), v.end());
    }
    return v;
  }

  std::vector<std::vector<Entry>> by_holder_;
  std::vector<bool> built_;
};

// The rule's state for one run: the index and buffers reused from field to field.
struct RelationCheck {
  ValidationContext& ctx;
  const Model& model;
  RelationIndex index;
  std::vector<const Field*> fs, rs;  // foreign keys and referenced fields of one side

  explicit RelationCheck(ValidationContext& c) : ctx(c), model(c.model()), index(c.model()) {}

  void check_owner_arguments(const RelSide& s) {
    const Field& f = *s.field;
    if (!s.rel) return;
    if ((s.fields != nullptr) != (s.references != nullptr)) {
      const Argument* given = s.fields ? s.fields : s.references;
      ctx.error("relation-fields-mismatch", f.file, given->range,
                std::string("`fields` and `references` must be given together; add `") +
                    (s.fields ? "references" : "fields") + "`");
      return;
    }
    if (!s.owns()) return;
    fields_of(model, s.fields, fs);
    fields_of(model, s.references, rs);
    if (fs.empty() || rs.empty()) {
      ctx.error("relation-fields-mismatch", f.file, (fs.empty() ? s.fields : s.references)->value.range,
                "`fields` and `references` cannot be empty");
      return;
    }
    if (fs.size() != rs.size()) {
      ctx.error("relation-fields-mismatch", f.file, s.references->value.range,
                "`fields` has " + std::to_string(fs.size()) + " field(s) but `references` has " +
                    std::to_string(rs.size()) + "; they must have the same length");
      return;
    }
    bool optional_fk = false;
    for (size_t i = 0; i < fs.size(); ++i) {
      if (!fs[i] || !rs[i]) continue;
      optional_fk |= fs[i]->type.optional;
      if (same_type(fs[i]->type, rs[i]->type)) continue;  // same_type ignores `?`
      FieldType a = fs[i]->type, b = rs[i]->type;
      a.optional = b.optional = false;
      ctx.error("relation-fields-mismatch", f.file, s.fields->value.items()[i].range,
                "foreign key `" + fs[i]->name + "` is `" + type_text(a) + "` but the referenced field `" +
                    rs[i]->name + "` is `" + type_text(b) + "`; they must have the same type");
    }
    // Prisma warns: SetNull cannot null a required foreign key.
    for (const Argument& a : s.rel->args) {
      if ((a.name != "onDelete"sv && a.name != "onUpdate"sv) || a.value.text != "SetNull"sv) continue;
      for (const Field* fk : fs)
        if (fk && !fk->type.optional) {
          ctx.warning("invalid-referential-action", f.file, a.value.range,
                      "`" + a.name + ": SetNull` cannot set the required field `" + fk->name +
                          "` to null; make it optional or choose another action");
          break;
        }
    }
    if (optional_fk && !f.type.optional && !f.type.list)
      ctx.error("relation-fields-mismatch", f.file, f.type.range,
                "relation field `" + f.name + "` must be optional because its foreign key is optional; add `?`")
          .data.push_back({"insert", "?"});
    if (f.type.decl != kNone) {
      const Decl& target = model.decl(f.type.decl);
      bool resolved = std::all_of(rs.begin(), rs.end(), [](const Field* r) { return r != nullptr; });
      if (resolved && !is_unique_set(model, target, rs))
        ctx.error("relation-reference-not-unique", f.file, s.references->value.range,
                  "`references` must name a unique field of `" + target.name +
                      "` (its `@id`, a `@unique` field or the fields of an `@@id`/`@@unique`)");
    }
  }

  // `m.all_fields[slot]` is `f`, a relation field (f.type.kind == Model).
  void check_field(const Decl& m, const Field& f, uint32_t slot, std::pair<DeclId, uint32_t> key) {
    if (f.type.decl == kNone) return;
    const Decl& target = model.decl(f.type.decl);
    RelSide me = RelationIndex::side(index.entry(m, f.type.decl, slot), m);
    if (f.type.list && (me.fields || me.references)) {
      // Foreign keys live on the single side; a list side cannot hold them.
      ctx.error("invalid-relation", f.file, me.rel->name_range,
                "list relation field `" + f.name + "` cannot have `fields` or `references`; put them on the opposite field");
      me.fields = me.references = nullptr;
    }
    check_owner_arguments(me);

    bool self = &target == &m;
    if (self && me.name.empty()) {
      // Prisma accepts one unnamed self-relation (a pair of fields); more of them are ambiguous.
      size_t unnamed_self = 0;
      for (RelationIndex::Entry& e : index.fields_to(m, m.id))
        if (RelationIndex::side(e, m).name.empty()) ++unnamed_self;
      if (unnamed_self > 2) {
        ctx.error("missing-relation-name", f.file, f.name_range,
                  "self-relation field `" + f.name + "` needs a name: add `@relation(\"name\")` to it and its opposite field")
            .data.push_back({"model", m.name});
        return;
      }
    }

    // Opposite candidates: fields of the target pointing back here with the same relation name.
    // Only the first two matter (one is the opposite; two make the relation ambiguous).
    size_t candidates = 0;
    const RelSide* opposite[2] = {nullptr, nullptr};
    std::pair<DeclId, uint32_t> other_key;
    for (RelationIndex::Entry& e : index.fields_to(target, m.id)) {
      const FieldSlot& tslot = target.all_fields[e.slot];
      if (tslot.field == &f) continue;
      const RelSide& os = RelationIndex::side(e, target);
      if (os.name != me.name) continue;
      if (candidates == 0) other_key = {tslot.origin, tslot.member};
      if (candidates < 2) opposite[candidates] = &os;
      ++candidates;
    }
    if (candidates == 0) {
      // Relations inherited from a delegate base need no opposite; neither do ones into a
      // delegate base from its own sub-models.
      if (m.has_attribute("@@delegate") || target.has_attribute("@@delegate")) return;
      std::string suggestion;
      if (f.type.list)
        suggestion = lower_first(m.name) + " " + m.name + "? @relation(fields: [" + lower_first(m.name) + "Id], references: [" +
                     id_field_name(m) + "])";
      else
        suggestion = lower_first(m.name) + "s " + m.name + "[]";
      auto& d = ctx.error("missing-opposite-relation", f.file, f.name_range,
                          "relation field `" + f.name + "` has no opposite field in model `" + target.name +
                              "`; add a field of type `" + m.name + (f.type.list ? "?" : "[]") + "` to `" + target.name + "`" +
                              (me.name.empty() ? std::string() : " with `@relation(\"" + std::string(me.name) + "\")`"));
      d.data.push_back({"model", target.name});
      d.data.push_back({"field", suggestion});
      if (f.type.list) d.data.push_back({"foreign_key", lower_first(m.name) + "Id " + id_field_type(m) + "?"});
      return;
    }
    if (candidates > 1) {
      if (self) return;
      ctx.error("ambiguous-relation", f.file, f.name_range,
                "fields `" + opposite[0]->field->name + "` and `" + opposite[1]->field->name + "` of `" + target.name +
                    "` both refer to this relation; name each relation with `@relation(\"name\")` on both sides");
      return;
    }
    const RelSide& other = *opposite[0];
    bool first = key < other_key;
    const Field& o = *other.field;
    if (f.type.list && o.type.list) return;  // implicit many-to-many
    if (me.owns() && other.owns()) {
      if (first)
        ctx.error("invalid-relation", f.file, f.name_range,
                  "both `" + f.name + "` and `" + target.name + "." + o.name +
                      "` declare `fields` and `references`; keep them on one side only");
      return;
    }
    if (!me.owns() && !other.owns()) {
      // A half-written owner (`fields` without `references`) is reported by check_owner_arguments.
      if (self || me.fields || me.references || other.fields || other.references) return;
      // Report on the side that should own the foreign key: the non-list one.
      bool should_own = !f.type.list && (o.type.list || first);
      if (should_own) {
        auto& d = ctx.error("missing-relation-fields", f.file, f.name_range,
                            "relation field `" + f.name +
                                "` needs `@relation(fields: [...], references: [...])` to say which foreign key links `" +
                                m.name + "` to `" + target.name + "`");
        d.data.push_back({"foreign_key", lower_first(target.name) + "Id " + id_field_type(target)});
        d.data.push_back({"relation", "@relation(fields: [" + lower_first(target.name) + "Id], references: [" +
                                          id_field_name(target) + "])"});
      }
      return;
    }
    if (!me.owns() && !f.type.list && !f.type.optional) {
      ctx.error("invalid-relation", f.file, f.type.range,
                "relation field `" + f.name + "` has no foreign key, so it must be a list or optional; add `?` or `[]`")
          .data.push_back({"insert", "?"});
    }
    if (me.owns() && !o.type.list) {
      // One-to-one: the foreign key must be unique.
      fields_of(model, me.fields, fs);
      if (!fs.empty() && std::all_of(fs.begin(), fs.end(), [](const Field* x) { return x != nullptr; }) &&
          !is_unique_set(model, m, fs)) {
        auto& d = ctx.error("missing-unique-foreign-key", f.file, me.fields->value.range,
                            "in a one-to-one relation the foreign key must be unique; add `@unique` to `" + fs[0]->name +
                                "`" + (fs.size() > 1 ? " (or `@@unique` over these fields)" : ""));
        d.data.push_back({"field", fs[0]->name});
        d.data.push_back({"insert", " @unique"});
      }
    }
  }
};

}  // namespace

void check_relations(ValidationContext& ctx) {
  const Model& model = ctx.model();
  RelationCheck check(ctx);
  for (const Decl& m : model.decls) {
    if (m.is_stdlib() || !m.is_data_model() || m.is_abstract || !ctx.visit(m)) continue;
    for (uint32_t i = 0; i < m.all_fields.size(); ++i) {
      const FieldSlot& slot = m.all_fields[i];
      const Field& f = *slot.field;
      if (f.type.kind != TypeKind::Model) continue;
      // Fields inherited from a delegate base are checked on the base.
      if (slot.inherited && slot.origin != kNone && model.decl(slot.origin).has_attribute("@@delegate")) continue;
      check.check_field(m, f, i, {slot.origin, slot.member});
    }
  }
}

}  // namespace zen::analysis::validate
