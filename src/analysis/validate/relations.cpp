// Rule: relations are well formed (zmodel-language.md §7.3): `fields`/`references` given
// together, non-empty, of equal length and matching types, references to unique fields; both
// sides present and unambiguous; exactly one owning side (none for many-to-many); the other side
// a list or optional; one-to-one foreign keys unique; self-relations named.
#include <algorithm>
#include <cstring>
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

// Field::has_attribute(lit), with the inlined comparison.
template <size_t N>
bool has(const Field& f, const char (&lit)[N]) {
  return has_attr(f.attributes, lit);
}

RelSide side_of(const Field& f) {
  RelSide s;
  s.field = &f;
  s.rel = find_attr(f.attributes, "@relation");
  if (!s.rel) return s;
  const Argument* front = s.rel->args.empty() ? nullptr : &s.rel->args.front();
  for (const Argument& a : s.rel->args) {
    if ((a.name.empty() && &a == front) || is(a.name, "name")) {
      if (auto v = string_of(a.value)) s.name = *v;
    }
    if (is(a.name, "fields")) s.fields = &a;
    if (is(a.name, "references")) s.references = &a;
  }
  return s;
}

// The fields an argument's list names, into `out` (nullptr for unresolved items).
void fields_of(const Model& model, const Argument* a, std::vector<const Field*>& out) {
  out.clear();
  if (!a) return;
  for (const Expr& item : items_of(a->value)) out.push_back(field_of(model, item.target));
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
  if (fs.size() == 1 && fs[0] && (has(*fs[0], "@id") || has(*fs[0], "@unique"))) return true;
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
    for (const Expr& item : items_of(first->value))
      if (const Field* f = field_of(model, item.target)) listed.push_back(f);
    name_set(listed, have);
    if (have == want) return true;
  }
  // A unique field among a larger set still makes the set unique.
  for (const Field* f : fs)
    if (has(*f, "@id") || has(*f, "@unique")) return fs.size() == 1;
  return false;
}

std::string id_field_name(const Decl& m) {
  for (const FieldSlot& s : m.all_fields)
    if (has(*s.field, "@id")) return s.field->name;
  return "id";
}

std::string id_field_type(const Decl& m) {
  for (const FieldSlot& s : m.all_fields)
    if (has(*s.field, "@id")) return s.field->type.name;
  return "Int";
}

// Per model, its relation fields (indices into all_fields) keyed by the model they point to, so
// that finding the opposite candidates does not scan every field of the target (which made the
// rule quadratic for a model that many others relate to). What the checks read of each field
// (its `@relation`, list flag, slot key and the start of the relation name) is copied into its
// entry when the model's entries are built: the opposite side of a relation lives in another
// model, and comparing candidates then reads these entries alone instead of each candidate's
// field, attributes and name text. A full check builds every model's entries first, in
// declaration order (one pass in memory order; building each model on first use jumps from
// model to model and waits on memory for each); an incremental one builds only the models it
// reads.
class RelationIndex {
 public:
  struct Entry {
    DeclId to = kNone;  // the model the field points to
    uint32_t slot = 0;  // index into holder.all_fields
    RelSide side;
    DeclId origin = kNone;  // the slot's key (FieldSlot::origin, member)
    uint32_t member = kNone;
    char name_head[16] = {};  // the relation name's first bytes, zero-padded
    bool list = false;        // the field is a list
    bool inherited = false;   // FieldSlot::inherited
    bool operator<(const Entry& o) const { return to != o.to ? to < o.to : slot < o.slot; }

    bool same_name(const Entry& o) const {
      std::string_view a = side.name, b = o.side.name;
      if (a.size() != b.size() || std::memcmp(name_head, o.name_head, sizeof name_head) != 0) return false;
      return a.size() <= sizeof name_head ||
             std::memcmp(a.data() + sizeof name_head, b.data() + sizeof name_head, a.size() - sizeof name_head) == 0;
    }
  };

  explicit RelationIndex(const Model& model) : first_(model.decls.size(), kNone), count_(model.decls.size(), 0) {}

  /// Builds the entries of every user model and view, in declaration order.
  void build_all(const Model& model) {
    for (const Decl& d : model.decls)
      if (!d.is_stdlib() && d.is_data_model()) build(d);
  }

  /// The relation fields of `holder` whose type is `to`, in field order. Valid until the next
  /// call (it may build another model's entries).
  std::span<const Entry> fields_to(const Decl& holder, DeclId to) {
    std::span<const Entry> v = sorted(holder);
    Entry key;
    key.to = to;
    key.slot = 0;
    auto lo = std::lower_bound(v.begin(), v.end(), key);
    auto hi = lo;
    while (hi != v.end() && hi->to == to) ++hi;
    return {lo, hi};
  }

  /// The number of relation fields of `holder` (with a resolved type); built on first use.
  uint32_t count(const Decl& holder) {
    if (first_[holder.id] == kNone) build(holder);
    return count_[holder.id];
  }
  /// The k-th relation field of `holder` in field order (k < count(holder)).
  const Entry& in_field_order(const Decl& holder, uint32_t k) const {
    uint32_t first = first_[holder.id];
    return entries_[first + order_[first + k]];
  }

 private:
  std::span<const Entry> sorted(const Decl& holder) {
    if (first_[holder.id] == kNone) build(holder);
    return {entries_.data() + first_[holder.id], count_[holder.id]};
  }

  void build(const Decl& holder) {
    uint32_t first = static_cast<uint32_t>(entries_.size());
    for (uint32_t i = 0; i < holder.all_fields.size(); ++i) {
      const FieldSlot& fs = holder.all_fields[i];
      const FieldType& t = fs.field->type;
      if (t.kind != TypeKind::Model || t.decl == kNone) continue;
      Entry& e = entries_.emplace_back();
      e.to = t.decl;
      e.slot = i;
      e.side = side_of(*fs.field);
      e.origin = fs.origin;
      e.member = fs.member;
      e.list = t.list;
      e.inherited = fs.inherited;
      if (!e.side.name.empty())
        std::memcpy(e.name_head, e.side.name.data(), std::min(e.side.name.size(), sizeof e.name_head));
    }
    uint32_t n = static_cast<uint32_t>(entries_.size()) - first;
    first_[holder.id] = first;
    count_[holder.id] = n;
    // Sorted by (to, slot); order_ maps field order to sorted positions. Entries are appended
    // in field order, so slot order is field order.
    auto begin = entries_.begin() + first;
    order_.resize(entries_.size());
    if (std::is_sorted(begin, entries_.end())) {
      for (uint32_t k = 0; k < n; ++k) order_[first + k] = k;
      return;
    }
    std::vector<Entry> by_field(begin, entries_.end());
    std::sort(begin, entries_.end());
    for (uint32_t j = 0; j < n; ++j) {
      // The entry sorted to position j was the field-order entry whose slot it has.
      const Entry& e = entries_[first + j];
      auto k = std::lower_bound(by_field.begin(), by_field.end(), e.slot,
                                [](const Entry& x, uint32_t slot) { return x.slot < slot; }) - by_field.begin();
      order_[first + k] = j;
    }
  }

  std::vector<Entry> entries_;   // each built model's entries, contiguous, sorted by (to, slot)
  std::vector<uint32_t> order_;  // parallel to entries_: per model, field order -> sorted position
  std::vector<uint32_t> first_;  // per DeclId: its first entry, kNone when not built yet
  std::vector<uint32_t> count_;  // per DeclId: its number of entries
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

  // `mine` is the entry of a relation field of `m` (a copy: the index may grow meanwhile).
  void check_field(const Decl& m, const RelationIndex::Entry mine) {
    const Field& f = *mine.side.field;
    std::pair<DeclId, uint32_t> key{mine.origin, mine.member};
    const Decl& target = model.decl(mine.to);
    RelSide me = mine.side;
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
      for (const RelationIndex::Entry& e : index.fields_to(m, m.id))
        if (e.side.name.empty()) ++unnamed_self;
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
    const RelationIndex::Entry* opposite[2] = {nullptr, nullptr};
    for (const RelationIndex::Entry& e : index.fields_to(target, m.id)) {
      if (e.side.field == &f || !e.same_name(mine)) continue;
      if (candidates < 2) opposite[candidates] = &e;
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
                "fields `" + opposite[0]->side.field->name + "` and `" + opposite[1]->side.field->name + "` of `" + target.name +
                    "` both refer to this relation; name each relation with `@relation(\"name\")` on both sides");
      return;
    }
    const RelSide& other = opposite[0]->side;
    bool first = key < std::make_pair(opposite[0]->origin, opposite[0]->member);
    bool other_list = opposite[0]->list;
    if (f.type.list && other_list) return;  // implicit many-to-many
    if (me.owns() && other.owns()) {
      if (first)
        ctx.error("invalid-relation", f.file, f.name_range,
                  "both `" + f.name + "` and `" + target.name + "." + other.field->name +
                      "` declare `fields` and `references`; keep them on one side only");
      return;
    }
    if (!me.owns() && !other.owns()) {
      // A half-written owner (`fields` without `references`) is reported by check_owner_arguments.
      if (self || me.fields || me.references || other.fields || other.references) return;
      // Report on the side that should own the foreign key: the non-list one.
      bool should_own = !f.type.list && (other_list || first);
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
    if (me.owns() && !other_list) {
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
  if (ctx.checks_everything()) check.index.build_all(model);
  for (const Decl& m : model.decls) {
    if (m.is_stdlib() || !m.is_data_model() || m.is_abstract || !ctx.visit(m)) continue;
    // Relation fields with an unresolved type have no entry (there is nothing to check).
    for (uint32_t k = 0, n = check.index.count(m); k < n; ++k) {
      const RelationIndex::Entry& e = check.index.in_field_order(m, k);
      // Fields inherited from a delegate base are checked on the base.
      if (e.inherited && e.origin != kNone && model.decl(e.origin).has_attribute("@@delegate")) continue;
      check.check_field(m, e);
    }
  }
}

}  // namespace zen::analysis::validate
