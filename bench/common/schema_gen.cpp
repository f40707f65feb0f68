// Generates realistic ZModel schemas: models are built in memory first (so back-relation fields
// can be added to the target model), then printed with aligned columns like `zen format`.
#include "bench/common/schema_gen.h"

#include <algorithm>
#include <string>
#include <vector>

namespace zen::bench {

namespace {

// A small deterministic generator (xorshift32): std distributions differ between standard
// libraries, and benchmark inputs must not.
class Rng {
 public:
  explicit Rng(uint32_t seed) : state_(seed ? seed : 0x9e3779b9u) {}
  uint32_t next() {
    state_ ^= state_ << 13;
    state_ ^= state_ >> 17;
    state_ ^= state_ << 5;
    return state_;
  }
  int below(int n) { return n <= 0 ? 0 : static_cast<int>(next() % static_cast<uint32_t>(n)); }
  bool chance(int percent) { return below(100) < percent; }

 private:
  uint32_t state_;
};

const char* const kNouns[] = {
    "Account", "Invoice", "Order", "Product", "Customer", "Project", "Task", "Comment",
    "Team", "Workspace", "Document", "Payment", "Subscription", "Address", "Category", "Tag",
    "Message", "Channel", "Event", "Ticket", "Review", "Shipment", "Warehouse", "Supplier",
    "Coupon", "Campaign", "Report", "Session", "Device", "Notification", "Asset", "License",
};

struct Field {
  std::string name;
  std::string type;
  std::string attributes;
  std::string doc;
};

struct Model {
  std::string name;
  bool int_id = false;
  bool mixin = false;
  std::vector<Field> fields;
  std::vector<std::string> block_attributes;
};

struct Enum {
  std::string name;
  std::vector<std::string> values;
  bool mapped = false;
};

std::string lower_first(std::string s) {
  if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
  return s;
}

std::string snake(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c >= 'A' && c <= 'Z') {
      if (!out.empty()) out += '_';
      out += static_cast<char>(c - 'A' + 'a');
    } else {
      out += c;
    }
  }
  return out;
}

void print_model(std::string& out, const Model& m) {
  size_t name_w = 0, type_w = 0;
  for (const Field& f : m.fields) {
    name_w = std::max(name_w, f.name.size());
    type_w = std::max(type_w, f.type.size());
  }
  out += "/// The " + snake(m.name) + " records.\n";
  out += "model " + m.name + (m.mixin ? " with Timestamps" : "") + " {\n";
  for (const Field& f : m.fields) {
    if (!f.doc.empty()) out += "    /// " + f.doc + "\n";
    std::string line = "    " + f.name + std::string(name_w - f.name.size() + 1, ' ') + f.type;
    if (!f.attributes.empty()) line += std::string(type_w - f.type.size() + 1, ' ') + f.attributes;
    out += line + "\n";
  }
  if (!m.block_attributes.empty()) out += "\n";
  for (const std::string& a : m.block_attributes) out += "    " + a + "\n";
  out += "}\n\n";
}

}  // namespace

int count_lines(const std::string& text) {
  int n = static_cast<int>(std::count(text.begin(), text.end(), '\n'));
  if (!text.empty() && text.back() != '\n') ++n;
  return n;
}

std::string generate_schema(const SchemaGenOptions& options) {
  Rng rng(options.seed);
  const bool pg = options.provider == "postgresql";
  const int model_count = std::max(1, options.models);

  std::vector<Enum> enums;
  int enum_count = std::max(1, model_count / std::max(1, options.models_per_enum));
  const char* const kStates[] = {"DRAFT", "ACTIVE", "PENDING", "ARCHIVED", "DELETED", "LOCKED"};
  for (int e = 0; e < enum_count; ++e) {
    Enum en;
    en.name = "Status" + std::to_string(e);
    int values = 2 + rng.below(5);
    for (int v = 0; v < values; ++v) en.values.push_back(std::string(kStates[v]) + "_" + std::to_string(e));
    en.mapped = rng.chance(30);
    enums.push_back(std::move(en));
  }

  std::vector<Model> models(static_cast<size_t>(model_count));
  for (int i = 0; i < model_count; ++i) {
    Model& m = models[static_cast<size_t>(i)];
    m.name = i == 0 ? "User" : std::string(kNouns[rng.below(std::size(kNouns))]) + std::to_string(i);
    m.int_id = i != 0 && rng.chance(40);
    m.mixin = options.mixins && i != 0 && rng.chance(50);
    if (m.int_id) {
      m.fields.push_back({"id", "Int", "@id @default(autoincrement())", ""});
    } else {
      m.fields.push_back({"id", "String", "@id @default(cuid())", ""});
    }
    if (i == 0) {
      m.fields.push_back({"email", "String", "@unique", "Where we write to."});
      m.fields.push_back({"name", "String?", "", ""});
      m.fields.push_back({"role", enums[0].name, "@default(" + enums[0].values[0] + ")", ""});
      m.fields.push_back({"createdAt", "DateTime", "@default(now())", ""});
      m.block_attributes.push_back("@@auth");
      continue;
    }
    m.fields.push_back({"title", "String", pg ? "@db.VarChar(200)" : "", ""});
    if (rng.chance(60)) m.fields.push_back({"description", "String?", pg ? "@db.Text" : "", "Free text."});
    if (rng.chance(50)) m.fields.push_back({"amount", "Decimal", pg ? "@default(0) @db.Decimal(12, 2)" : "@default(0)", ""});
    if (rng.chance(70)) m.fields.push_back({"count", "Int", "@default(0)", ""});
    if (rng.chance(40)) m.fields.push_back({"ratio", "Float?", "", ""});
    if (rng.chance(30)) m.fields.push_back({"total", "BigInt?", "", ""});
    if (rng.chance(60)) m.fields.push_back({"active", "Boolean", "@default(true)", ""});
    if (rng.chance(50)) m.fields.push_back({"publishedAt", "DateTime?", pg ? "@db.Timestamptz(6)" : "", ""});
    if (rng.chance(40)) m.fields.push_back({"metadata", "Json?", "", ""});
    if (rng.chance(20)) m.fields.push_back({"payload", "Bytes?", "", ""});
    if (pg && rng.chance(30)) m.fields.push_back({"labels", "String[]", "", ""});
    const Enum& en = enums[static_cast<size_t>(rng.below(static_cast<int>(enums.size())))];
    m.fields.push_back({"status", en.name, "@default(" + en.values[0] + ")", ""});
    bool has_code = rng.chance(50);
    if (has_code) m.fields.push_back({"code", "String", "@unique @map(\"" + snake(m.name) + "_code\")", ""});
    if (!m.mixin) {
      m.fields.push_back({"createdAt", "DateTime", "@default(now())", ""});
      m.fields.push_back({"updatedAt", "DateTime", "@updatedAt", ""});
    }
  }

  // Relations point from model i to an earlier model j, so every target exists; the back
  // side is added to j. Every relation is named, which keeps several relations between the
  // same two models unambiguous.
  for (int i = 1; i < model_count; ++i) {
    auto add_relation = [&](int j, const std::string& kind, int k) {
      Model& from = models[static_cast<size_t>(i)];
      Model& to = models[static_cast<size_t>(j)];
      std::string rel = "\"" + kind + "_" + std::to_string(i) + "_" + std::to_string(k) + "\"";
      std::string id_type = to.int_id ? "Int" : "String";
      std::string back = lower_first(from.name) + kind + std::to_string(k);
      if (kind == "Many") {
        std::string fk = "owner" + std::to_string(k) + "Id";
        from.fields.push_back({"owner" + std::to_string(k), to.name,
                               "@relation(" + rel + ", fields: [" + fk + "], references: [id], onDelete: Cascade)", ""});
        from.fields.push_back({fk, id_type, "", ""});
        from.block_attributes.push_back("@@index([" + fk + "])");
        to.fields.push_back({back, from.name + "[]", "@relation(" + rel + ")", ""});
      } else if (kind == "One") {
        std::string fk = "link" + std::to_string(k) + "Id";
        from.fields.push_back({"link" + std::to_string(k), to.name + "?",
                               "@relation(" + rel + ", fields: [" + fk + "], references: [id])", ""});
        from.fields.push_back({fk, id_type + "?", "@unique", ""});
        to.fields.push_back({back, from.name + "?", "@relation(" + rel + ")", ""});
      } else if (kind == "Tags") {
        from.fields.push_back({"tags" + std::to_string(k), to.name + "[]", "@relation(" + rel + ")", ""});
        to.fields.push_back({back, from.name + "[]", "@relation(" + rel + ")", ""});
      }
    };
    int k = 0;
    add_relation(rng.chance(30) ? 0 : rng.below(i), "Many", k++);
    if (rng.chance(40)) add_relation(rng.below(i), "Many", k++);
    if (rng.chance(25)) add_relation(rng.below(i), "One", k++);
    if (rng.chance(20)) add_relation(rng.below(i), "Tags", k++);
    Model& m = models[static_cast<size_t>(i)];
    if (rng.chance(10)) {
      std::string rel = "\"Tree_" + std::to_string(i) + "\"";
      std::string id_type = m.int_id ? "Int" : "String";
      m.fields.push_back({"parent", m.name + "?", "@relation(" + rel + ", fields: [parentId], references: [id])", ""});
      m.fields.push_back({"parentId", id_type + "?", "", ""});
      m.fields.push_back({"children", m.name + "[]", "@relation(" + rel + ")", ""});
    }
    bool has_count = std::any_of(m.fields.begin(), m.fields.end(), [](const Field& f) { return f.name == "count"; });
    if (rng.chance(50)) m.block_attributes.push_back(has_count ? "@@index([title, count])" : "@@index([title])");
    if (has_count && rng.chance(20)) m.block_attributes.push_back("@@unique([title, count])");
    if (rng.chance(40)) m.block_attributes.push_back("@@map(\"" + snake(m.name) + "\")");
    if (options.policies) {
      m.block_attributes.push_back("@@allow('read', true)");
      m.block_attributes.push_back("@@allow('create,update,delete', auth() != null)");
    }
  }

  std::string out;
  out.reserve(static_cast<size_t>(model_count) * 1200);
  out += "// Generated by zen's bench/common/schema_gen (" + std::to_string(model_count) +
         " models, seed " + std::to_string(options.seed) + ").\n\n";
  out += "datasource db {\n    provider = \"" + options.provider + "\"\n    url      = env(\"DATABASE_URL\")\n}\n\n";
  if (options.policies) out += "plugin policy {\n    provider = '@zenstackhq/plugin-policy'\n}\n\n";
  for (const Enum& e : enums) {
    out += "enum " + e.name + " {\n";
    for (const std::string& v : e.values) out += "    " + v + "\n";
    if (e.mapped) out += "\n    @@map(\"" + snake(e.name) + "\")\n";
    out += "}\n\n";
  }
  if (options.mixins) {
    out += "/// Creation and update times, mixed into models with `with Timestamps`.\n";
    out += "type Timestamps {\n    createdAt DateTime @default(now())\n    updatedAt DateTime @updatedAt\n}\n\n";
  }
  for (const Model& m : models) print_model(out, m);
  out.pop_back();  // one newline at the end
  return out;
}

std::string generate_schema_with_lines(int lines, SchemaGenOptions options) {
  // Estimate lines per model from a sample, then correct once or twice.
  options.models = 50;
  int sample = count_lines(generate_schema(options));
  int per_model = std::max(1, sample / options.models);
  options.models = std::max(1, lines / per_model);
  std::string text = generate_schema(options);
  for (int attempt = 0; attempt < 8 && count_lines(text) < lines; ++attempt) {
    int missing = lines - count_lines(text);
    options.models += std::max(1, missing / per_model + 1);
    text = generate_schema(options);
  }
  return text;
}

}  // namespace zen::bench
