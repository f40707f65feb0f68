// Name resolution over the whole workspace: declaration tables, field types, `extends`/`with`
// inheritance (all_fields, all_attributes), attribute applications matched to their
// declarations, and every name inside attribute arguments and policy expressions.
//
// Per declaration, in this order: its header (types, inheritance), then, once every header and
// all_fields are known, its body (attribute applications and expressions, duplicate members).
// Headers and bodies only write into their own declaration, so a large build shares them
// between two threads (Resolver::run_two_threads); each declaration's references come out in
// position order and its diagnostics keep their place, so the result does not depend on it.
#include <algorithm>
#include <atomic>
#include <cassert>
#include <cstring>
#include <exception>
#include <memory>
#include <string_view>
#include <thread>
#include <unordered_map>

#include "analysis/internal/resolve.h"

namespace zen::analysis {

using namespace std::string_view_literals;

namespace {

bool is_expression_type(std::string_view t) {
  static constexpr std::string_view kTypes[] = {
      "String",  "Boolean",  "Int",  "BigInt",         "Float",
      "Decimal", "DateTime", "Json", "Bytes",          "Null",
      "Object",  "Any",      "Void", "Undefined",      "Unsupported",
      "FieldReference", "TransitiveFieldReference", "ContextType"};
  return std::find(std::begin(kTypes), std::end(kTypes), t) != std::end(kTypes);
}

struct ExprScope {
  const Decl* model = nullptr;  // containing model / type (nullptr in config and declarations)
  const Field* field = nullptr;  // annotated field (field attributes)
  const Decl* preferred_enum = nullptr;
  const Decl* element = nullptr;  // innermost collection predicate's element type
  struct Binding {
    std::string_view name;
    TextRange range;
    const Decl* type;
  };
  std::vector<Binding> bindings;
  bool report = true;  // config values: resolve quietly
};

// Diagnostic phases of name resolution (DiagKey::phase), in the order a full build reports.
enum Phase : uint32_t {
  kPhaseDuplicates = 10,
  kPhaseTypes,
  kPhaseInheritance,
  kPhaseAllFields,
  kPhaseAttributes,
  kPhaseMembers,
};

void shift_range(TextRange& r, int64_t delta) {
  r.start = static_cast<uint32_t>(r.start + delta);
  r.end = static_cast<uint32_t>(r.end + delta);
}

// A reference of a declaration that moved by `delta` (a binding is in the same declaration).
void shift_reference(Reference& r, int64_t delta) {
  shift_range(r.range, delta);
  if (r.target.kind == SymbolKind::Binding) shift_range(r.target.binding_range, delta);
}

bool by_position(const Reference& a, const Reference& b) {
  if (a.file != b.file) return a.file < b.file;
  return a.range.start < b.range.start;
}

// A hash of a name, a word at a time: names are short (`@relation`, `Status14`, `owner0Id`)
// and looked up once or more per attribute application, so std::hash's byte loop and the
// prime-modulo buckets of std::unordered_map were a good part of resolving.
uint64_t hash_name(std::string_view s) {
  constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;
  const char* p = s.data();
  size_t n = s.size();
  uint64_t h = n;
  for (; n >= 8; p += 8, n -= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    h = (h ^ w) * kMul;
    h ^= h >> 29;  // not 33 as below: two equal xor-shifts in a row cancel out
  }
  if (n >= 4) {
    uint32_t a, b;  // the first and last four bytes (overlapping when n < 8)
    std::memcpy(&a, p, 4);
    std::memcpy(&b, p + n - 4, 4);
    h = (h ^ ((uint64_t{a} << 32) | b)) * kMul;
  } else if (n > 0) {
    uint64_t w = uint64_t{static_cast<uint8_t>(p[0])} | uint64_t{static_cast<uint8_t>(p[n / 2])} << 8 |
                 uint64_t{static_cast<uint8_t>(p[n - 1])} << 16;
    h = (h ^ w) * kMul;
  }
  // Mixes the high bits into the low ones, which pick the slot (MurmurHash3's finalizer, halved).
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDull;
  return h ^ (h >> 33);
}

// Names (views into declarations the model holds, which do not move while resolving) to
// values: open addressing over a power-of-two table, first insertion wins. Its iteration
// order is not used for anything observable. Most names have at most 16 bytes: their first
// and last eight bytes (Key) hold all of them, which hash and compare without a loop.
template <class V>
class NameTable {
 public:
  void reserve(size_t n) {
    size_t cap = 16;
    while (cap < 2 * n) cap *= 2;
    if (cap > slots_.size()) rehash(cap);
  }

  // The value stored under `name`: the existing one (second = false) or `value`.
  std::pair<const V*, bool> emplace(std::string_view name, V value) {
    if (2 * (size_ + 1) > slots_.size()) rehash(slots_.empty() ? 16 : 2 * slots_.size());
    Key k = key_of(name);
    uint64_t h = hash_of(name, k);
    for (size_t i = h & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1)) {
      Slot& s = slots_[i];
      if (!s.used) {
        s = Slot{k, name.data(), static_cast<uint32_t>(name.size()), true, value};
        ++size_;
        return {&s.value, true};
      }
      if (s.matches(name, k)) return {&s.value, false};
    }
  }

  const V* find(std::string_view name) const {
    if (size_ == 0) return nullptr;
    Key k = key_of(name);
    uint64_t h = hash_of(name, k);
    for (size_t i = h & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1)) {
      const Slot& s = slots_[i];
      if (!s.used) return nullptr;
      if (s.matches(name, k)) return &s.value;
    }
  }

  size_t size() const { return size_; }
  template <class F>
  void for_each(F&& f) const {
    for (const Slot& s : slots_)
      if (s.used) f(std::string_view(s.data, s.size), s.value);
  }

 private:
  // The first and the last eight bytes of a name (overlapping for 8 to 15 bytes; a shorter
  // name is held in `a`, its first and last four bytes, or three of its bytes).
  struct Key {
    uint64_t a = 0, b = 0;
    bool operator==(const Key&) const = default;
  };
  static constexpr size_t kInKey = 16;  // names up to this long are all in their Key

  static Key key_of(std::string_view name) {
    const char* p = name.data();
    size_t n = name.size();
    Key k;
    if (n >= 8) {
      std::memcpy(&k.a, p, 8);
      std::memcpy(&k.b, p + n - 8, 8);
    } else if (n >= 4) {
      uint32_t first, last;
      std::memcpy(&first, p, 4);
      std::memcpy(&last, p + n - 4, 4);
      k.a = uint64_t{first} << 32 | last;
    } else if (n > 0) {
      k.a = uint64_t{static_cast<uint8_t>(p[0])} | uint64_t{static_cast<uint8_t>(p[n / 2])} << 8 |
            uint64_t{static_cast<uint8_t>(p[n - 1])} << 16;
    }
    return k;
  }

  static uint64_t hash_of(std::string_view name, const Key& k) {
    if (name.size() > kInKey) return hash_name(name);
    uint64_t h = (k.a * 0x9E3779B97F4A7C15ull) ^ (k.b * 0xC2B2AE3D27D4EB4Full) ^ name.size();
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDull;
    return h ^ (h >> 33);
  }

  struct Slot {
    Key key;
    const char* data = nullptr;
    uint32_t size = 0;
    bool used = false;
    V value{};

    bool matches(std::string_view name, const Key& k) const {
      return size == name.size() && key == k && (size <= kInKey || std::memcmp(data, name.data(), size) == 0);
    }
  };

  void rehash(size_t cap) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(cap, Slot{});
    size_ = 0;
    for (const Slot& s : old)
      if (s.used) emplace(std::string_view(s.data, s.size), s.value);
  }

  std::vector<Slot> slots_;
  size_t size_ = 0;
};

// A diagnostic resolution found, with what its DiagKey needs. The keys' sequence numbers are
// given when the diagnostics join the build's list (Resolver::flush_found), in the order a
// serial build reports them, whichever thread found them.
struct Found {
  Diagnostic diag;
  uint32_t phase = 0;
  DeclId decl = kNone;
};

// How many references resolving `d` adds (or a little more): one per name in an expression,
// per attribute application, per non-builtin type and per `extends`/`with` name. A 5,000-model
// schema has some 160k; reserving them spares the copies (and memory) of the vector doubling.
size_t count_references(const Expr& e) {
  size_t n = (e.kind == ExprKind::Reference || e.kind == ExprKind::Member || e.kind == ExprKind::Call) ? 1 : 0;
  for (const Expr& c : e.children) n += count_references(c);
  for (const Argument& a : e.args) n += count_references(a.value);
  return n;
}

size_t count_references(const std::vector<AttributeApp>& apps) {
  size_t n = apps.size();
  for (const AttributeApp& a : apps)
    for (const Argument& arg : a.args) n += count_references(arg.value);
  return n;
}

// A non-builtin type may name a declaration (Unsupported ones are counted too).
size_t count_references(const Decl& d) {
  size_t n = d.base_names.size() + d.mixin_names.size() + count_references(d.attributes) + d.params.size() + 1;
  for (const Field& f : d.fields) n += !f.type.builtin + count_references(f.attributes);
  for (const EnumValue& v : d.values) n += count_references(v.attributes);
  for (const Param& p : d.params) n += count_references(p.attributes);
  for (const ConfigField& c : d.config) n += count_references(c.value);
  return n;
}

// Sorts references stably by position. The list is a few sorted runs (resolution adds each
// declaration's references in position order, mostly): merging them left to right (stably)
// equals a stable sort, in linear time.
void sort_references(std::vector<Reference>& refs) {
  std::vector<size_t> runs;  // run ends
  for (size_t i = 1; i <= refs.size(); ++i)
    if (i == refs.size() || by_position(refs[i], refs[i - 1])) runs.push_back(i);
  if (runs.size() > 16) {
    std::stable_sort(refs.begin(), refs.end(), by_position);
  } else {
    for (size_t k = 1; k < runs.size(); ++k)
      std::inplace_merge(refs.begin(), refs.begin() + static_cast<ptrdiff_t>(runs[k - 1]),
                         refs.begin() + static_cast<ptrdiff_t>(runs[k]), by_position);
  }
}

class Resolver {
 public:
  Resolver(const std::vector<ResolveInput>& files, Model& m, std::vector<Diagnostic>& diags, Model* recycle,
           BuildState* state, size_t parallel_from = kParallelResolveFrom, bool collect_refs = true)
      : files_(files),
        m_(m),
        diags_(diags),
        recycle_(recycle),
        state_(state),
        parallel_from_(parallel_from),
        collect_refs_(collect_refs),
        sh_(&own_),
        refs_(&m.references),
        found_(&own_found_) {}

  // Undoes everything resolution wrote into a declaration (see reset_resolution below).
  static void reset(Decl& d) { reset_resolution(d); }

  // What a declaration placed in the model at `id` from `file` knows of its place.
  static void adopt(Decl& d, DeclId id, FileId file) {
    d.id = id;
    d.file = file;
    for (auto& fld : d.fields) {
      fld.owner = id;
      fld.file = file;
    }
    for (auto& a : d.attributes) a.origin = id;
  }

  // A build from scratch: every declaration is copied (or recycled) and resolved.
  void run() {
    copy_decls();
    if (state_) {
      state_->duplicates.clear();
      state_->deps.assign(m_.decls.size(), {});
      state_->name_deps.assign(m_.decls.size(), {});
      state_->resolved.assign(m_.decls.size(), true);
    }
    size_t bytes = 0;
    for (const Decl& d : m_.decls)
      if (!d.is_stdlib()) bytes += d.range.end - d.range.start;
    if (bytes >= parallel_from_ && std::thread::hardware_concurrency() > 1) {
      run_two_threads();
    } else {
      resolve_all();
      fill_by_name();
    }
    // Each declaration's references were added in position order, declarations in model
    // order: the list is sorted (sort_references would find a single run).
    assert(std::is_sorted(m_.references.begin(), m_.references.end(), by_position));
    if (state_) record_reference_slices();
  }

  // An update: `m_` holds the previous build's declarations (with the edited ones replaced and
  // the others shifted); only those marked in state_->resolved are resolved again.
  void run_incremental() {
    dirty_ = &state_->resolved;
    std::vector<Reference> old_refs = std::move(m_.references);
    m_.references.clear();
    for (DeclId id = 0; id < m_.decls.size(); ++id)
      if ((*dirty_)[id]) {
        state_->deps[id].clear();
        state_->name_deps[id].clear();
      }
    resolve_all();
    // The new references (of the resolved declarations) in position order, then every
    // declaration's references in declaration order: its new ones, or its previous ones moved
    // along with it. Declarations do not overlap, so this is position order.
    std::vector<Reference> fresh = std::move(m_.references);
    sort_references(fresh);
    // Usually every re-resolved declaration has as many references as before: then the list
    // is updated in place, without copying the others.
    if (update_references_in_place(old_refs, fresh)) {
      m_.references = std::move(old_refs);
      return;
    }
    std::vector<Reference> refs;
    refs.reserve(old_refs.size() + 16);
    size_t next = 0;
    auto& slices = state_->ref_slices;
    for (DeclId id = 0; id < m_.decls.size(); ++id) {
      uint32_t at = static_cast<uint32_t>(refs.size());
      if ((*dirty_)[id]) {
        const Decl& d = m_.decls[id];
        while (next < fresh.size() && fresh[next].file == d.file && fresh[next].range.start >= d.range.start &&
               fresh[next].range.start < d.range.end)
          refs.push_back(fresh[next++]);
      } else {
        auto [begin, end] = slices[id];
        int64_t delta = state_->delta[id];
        refs.insert(refs.end(), old_refs.begin() + begin, old_refs.begin() + end);
        if (delta != 0)
          for (size_t i = at; i < refs.size(); ++i) shift_reference(refs[i], delta);
      }
      slices[id] = {at, static_cast<uint32_t>(refs.size())};
    }
    assert(next == fresh.size() && "every new reference lies in a re-resolved declaration");
    m_.references = std::move(refs);
  }

 private:
  // What both threads of a build read once the tables are built (and only the main thread
  // writes before that).
  struct Shared {
    NameTable<DeclId> names;
    NameTable<Symbol> enum_values;
    const Decl* auth = nullptr;
    /// The references resolve_header found (return and parameter types, `extends` and
    /// `with` names); declaration `id`'s are early[early_at[id].first, early_at[id].second).
    std::vector<Reference> early;
    std::vector<std::pair<uint32_t, uint32_t>> early_at;
  };

  // A resolver of declaration bodies for another thread: it shares `main`'s model and tables
  // and adds references and diagnostics to its own lists.
  Resolver(const Resolver& main, std::vector<Reference>* refs, std::vector<Found>* found)
      : files_(main.files_),
        m_(main.m_),
        diags_(main.diags_),
        state_(main.state_),
        collect_refs_(main.collect_refs_),
        dirty_(main.dirty_),
        sh_(main.sh_),
        refs_(refs),
        found_(found) {}

  const std::vector<ResolveInput>& files_;
  Model& m_;
  std::vector<Diagnostic>& diags_;
  Model* recycle_ = nullptr;
  BuildState* state_ = nullptr;
  size_t parallel_from_ = kParallelResolveFrom;
  /// Whether name uses are recorded (add_ref).
  bool collect_refs_ = true;
  /// Declarations to resolve (nullptr: all).
  const std::vector<bool>* dirty_ = nullptr;
  Shared own_;
  Shared* sh_;
  std::vector<uint8_t> field_state_, attr_state_;
  // This thread's: where references go, what it reported (see flush_found), the file and
  // declaration being resolved (kNone in whole-model passes) and the current phase.
  std::vector<Reference>* refs_;
  std::vector<Found> own_found_;
  std::vector<Found>* found_;
  FileId cur_file_ = kNone;
  DeclId cur_decl_ = kNone;
  uint32_t phase_ = 0;
  /// In a full build: an upper bound of the references of the declarations whose headers this
  /// thread resolved (see count_references), to reserve the list.
  size_t counted_refs_ = 0;

  bool is_dirty(DeclId id) const { return !dirty_ || (*dirty_)[id]; }

  // One thread's build: full (small models) or incremental.
  void resolve_all() {
    build_tables();
    resolve_headers();
    if (!dirty_) m_.references.reserve(counted_refs_);
    resolve_before_bodies();
    refs_ = &m_.references;
    for (DeclId id = 0; id < m_.decls.size(); ++id) resolve_body(id);
    finish();
  }

  // What the bodies of declarations need besides their headers (resolve_headers): all_fields
  // and the auth declaration.
  void resolve_before_bodies() {
    phase_ = kPhaseAllFields;
    prepare_states();
    for (DeclId id = 0; id < m_.decls.size(); ++id) compute_all_fields(id);
    cur_decl_ = kNone;
    find_auth();
    m_.auth_ = sh_->auth ? sh_->auth->id : kNone;
  }

  // What follows the bodies: inherited attributes (copied from resolved bases), the datasource,
  // the diagnostics in report order.
  void finish() {
    for (DeclId id = 0; id < m_.decls.size(); ++id) compute_all_attributes(id);
    cur_decl_ = kNone;
    fill_datasource();
    flush_found();
    if (state_) {
      for (DeclId id = 0; id < m_.decls.size(); ++id) {
        if (!is_dirty(id)) continue;
        for (auto* deps : {&state_->deps[id], &state_->name_deps[id]}) {
          std::sort(deps->begin(), deps->end());
          deps->erase(std::unique(deps->begin(), deps->end()), deps->end());
        }
      }
    }
  }

  // A large full build on two threads. Once this one has built the name tables, both resolve
  // declaration headers (types, inheritance; counting the references, to reserve the list),
  // then the other sorts Model::by_name_ while this one computes all_fields, and then
  // both resolve declaration bodies (attribute applications and expressions: independent of
  // each other once all_fields exist). Each time this thread takes declarations from the first
  // one on and the other from the last one back, a few at a time, until they meet. Each
  // declaration's references and diagnostics stay together, so joining the two lists in
  // declaration order gives what a serial build gives.
  void run_two_threads() {
    enum Stage : int { kStarted, kTablesBuilt, kBodies, kAbandoned };
    std::atomic<int> stage{kStarted};
    std::atomic<bool> headers_done{false};
    size_t tail_count = 0;
    std::exception_ptr failure;
    // The declarations nobody took yet: [first, last) packed as first << 32 | last.
    const uint32_t n = static_cast<uint32_t>(m_.decls.size());
    std::atomic<uint64_t> headers_left{n}, bodies_left{n};
    constexpr uint32_t kChunk = 8;
    auto take = [&](std::atomic<uint64_t>& left, bool front, uint32_t& begin, uint32_t& end) {
      uint64_t cur = left.load(std::memory_order_relaxed);
      for (;;) {
        uint32_t first = static_cast<uint32_t>(cur >> 32), last = static_cast<uint32_t>(cur);
        if (first >= last) return false;
        uint32_t k = std::min(kChunk, last - first);
        begin = front ? first : last - k;
        end = begin + k;
        uint64_t next = front ? (uint64_t{end} << 32 | last) : (uint64_t{first} << 32 | begin);
        if (left.compare_exchange_weak(cur, next, std::memory_order_relaxed)) return true;
      }
    };
    auto reached = [&](int s) {
      for (int cur = stage.load(std::memory_order_acquire); cur < s; cur = stage.load(std::memory_order_acquire))
        stage.wait(cur, std::memory_order_acquire);
      return stage.load(std::memory_order_acquire) != kAbandoned;
    };
    auto advance = [&](int s) {
      stage.store(s, std::memory_order_release);
      stage.notify_all();
    };
    auto set = [](std::atomic<bool>& flag) {
      flag.store(true, std::memory_order_release);
      flag.notify_one();
    };
    auto wait_for = [](std::atomic<bool>& flag) {
      while (!flag.load(std::memory_order_acquire)) flag.wait(false, std::memory_order_acquire);
    };
    // The other thread's work: its headers' references (the declarations it took in
    // tail_headers), its bodies' references per taken chunk ([begin, end) in tail_refs).
    std::vector<Reference> tail_early, tail_refs;
    std::vector<Found> tail_found;
    std::vector<std::pair<uint32_t, uint32_t>> tail_headers;
    std::vector<std::pair<size_t, size_t>> tail_chunks;
    auto other = [&] {
      try {
        if (reached(kTablesBuilt)) {
          Resolver tail(*this, &tail_early, &tail_found);
          for (uint32_t begin, end; take(headers_left, false, begin, end);) {
            for (DeclId id = begin; id < end; ++id) tail.resolve_header(id);
            tail_headers.emplace_back(begin, end);
          }
          tail_count = tail.counted_refs_;
          set(headers_done);
          fill_by_name();
          if (reached(kBodies)) {
            tail_refs.reserve(tail_count);
            tail.refs_ = &tail_refs;
            for (uint32_t begin, end; take(bodies_left, false, begin, end);) {
              size_t at = tail_refs.size();
              for (DeclId id = begin; id < end; ++id) tail.resolve_body(id);
              tail_chunks.emplace_back(at, tail_refs.size());
            }
          }
        }
      } catch (...) {
        failure = std::current_exception();
      }
      set(headers_done);
    };
    {
      std::jthread worker(other);
      // Should this thread fail before the bodies, the other one stops waiting for them (and
      // is joined when `worker` goes out of scope, after this).
      struct Abandon {
        std::atomic<int>& stage;
        ~Abandon() {
          if (stage.load() < kBodies) {
            stage.store(kAbandoned);
            stage.notify_all();
          }
        }
      } abandon{stage};
      build_tables();
      sh_->early_at.assign(n, {0, 0});
      refs_ = &sh_->early;
      advance(kTablesBuilt);
      for (uint32_t begin, end; take(headers_left, true, begin, end);)
        for (DeclId id = begin; id < end; ++id) resolve_header(id);
      wait_for(headers_done);
      // The other thread's header references join this one's.
      const uint32_t offset = static_cast<uint32_t>(sh_->early.size());
      sh_->early.insert(sh_->early.end(), tail_early.begin(), tail_early.end());
      for (auto [begin, end] : tail_headers)
        for (DeclId id = begin; id < end; ++id) {
          sh_->early_at[id].first += offset;
          sh_->early_at[id].second += offset;
        }
      resolve_before_bodies();
      m_.references.reserve(counted_refs_ + tail_count);
      advance(kBodies);
      refs_ = &m_.references;
      for (uint32_t begin, end; take(bodies_left, true, begin, end);)
        for (DeclId id = begin; id < end; ++id) resolve_body(id);
    }
    if (failure) std::rethrow_exception(failure);
    // The other thread took its chunks from the back: in declaration order they come last, the
    // last one taken first.
    for (auto it = tail_chunks.rbegin(); it != tail_chunks.rend(); ++it)
      m_.references.insert(m_.references.end(), tail_refs.begin() + static_cast<ptrdiff_t>(it->first),
                           tail_refs.begin() + static_cast<ptrdiff_t>(it->second));
    found_->insert(found_->end(), std::make_move_iterator(tail_found.begin()),
                   std::make_move_iterator(tail_found.end()));
    finish();
  }

  // Model::by_name_ of a full build: the name table, sorted (as views, cheaper to sort than
  // the strings).
  void fill_by_name() {
    std::vector<std::pair<std::string_view, DeclId>> sorted;
    sorted.reserve(sh_->names.size());
    sh_->names.for_each([&](std::string_view name, DeclId id) { sorted.emplace_back(name, id); });
    std::sort(sorted.begin(), sorted.end());
    m_.by_name_.reserve(m_.by_name_.size() + sorted.size());
    for (const auto& [name, id] : sorted) m_.by_name_.emplace_back(std::string(name), id);
  }

  // Appends what this resolver found to the build's diagnostics, in the order a serial build
  // reports them: by phase, and in the phases that go declaration by declaration, by
  // declaration (the bodies of a two-thread build were resolved in another order); otherwise
  // as found.
  void flush_found() {
    auto key = [](const Found& f) {
      bool by_decl = f.phase == kPhaseTypes || f.phase == kPhaseInheritance || f.phase == kPhaseAttributes ||
                     f.phase == kPhaseMembers;
      return std::make_pair(f.phase, by_decl ? f.decl : DeclId{0});
    };
    std::stable_sort(found_->begin(), found_->end(),
                     [&](const Found& a, const Found& b) { return key(a) < key(b); });
    diags_.reserve(diags_.size() + found_->size());
    for (Found& f : *found_) {
      diags_.push_back(std::move(f.diag));
      if (state_) state_->keys.push_back(DiagKey{f.phase, f.decl, state_->next_seq++});
    }
    found_->clear();
  }

  // Declarations kept from the previous build count as done for the recursive passes.
  void prepare_states() {
    field_state_.assign(m_.decls.size(), 0);
    attr_state_.assign(m_.decls.size(), 0);
    if (!dirty_) return;
    for (DeclId id = 0; id < m_.decls.size(); ++id)
      if (!(*dirty_)[id]) field_state_[id] = attr_state_[id] = 2;
  }

  // See run_incremental: false (and `refs` unchanged) when some re-resolved declaration has a
  // different number of references than before.
  bool update_references_in_place(std::vector<Reference>& refs, const std::vector<Reference>& fresh) {
    const auto& slices = state_->ref_slices;
    size_t next = 0;
    for (DeclId id = 0; id < m_.decls.size(); ++id) {
      if (!(*dirty_)[id]) continue;
      const Decl& d = m_.decls[id];
      size_t count = 0;
      while (next + count < fresh.size() && fresh[next + count].file == d.file &&
             fresh[next + count].range.start >= d.range.start && fresh[next + count].range.start < d.range.end)
        ++count;
      if (count != slices[id].second - slices[id].first) return false;
      next += count;
    }
    if (next != fresh.size()) return false;
    next = 0;
    for (DeclId id = 0; id < m_.decls.size(); ++id) {
      auto [begin, end] = slices[id];
      if ((*dirty_)[id]) {
        for (uint32_t i = begin; i < end; ++i) refs[i] = fresh[next++];
        continue;
      }
      int64_t delta = state_->delta[id];
      if (delta == 0) continue;
      for (uint32_t i = begin; i < end; ++i) shift_reference(refs[i], delta);
    }
    return true;
  }

  // Per declaration, the slice of m_.references inside it (for the next update).
  void record_reference_slices() {
    auto& slices = state_->ref_slices;
    slices.assign(m_.decls.size(), {0, 0});
    const auto& refs = m_.references;
    size_t i = 0;
    for (DeclId id = 0; id < m_.decls.size(); ++id) {
      const Decl& d = m_.decls[id];
      auto before = [&](const Reference& r) {
        return r.file < d.file || (r.file == d.file && r.range.start < d.range.start);
      };
      while (i < refs.size() && before(refs[i])) ++i;
      size_t begin = i;
      while (i < refs.size() && refs[i].file == d.file && refs[i].range.start < d.range.end) ++i;
      slices[id] = {static_cast<uint32_t>(begin), static_cast<uint32_t>(i)};
    }
  }

  // Notes that the current declaration's resolution read `d` (see BuildState::deps).
  void dep(const Decl* d) {
    if (!state_ || !d || cur_decl_ == kNone || d->id == cur_decl_ || d->is_stdlib()) return;
    state_->deps[cur_decl_].push_back(d->id);
  }
  // Notes that the current declaration refers to `d` by name: its resolution needs only d's
  // name and kind (which an update keeps), validation may read more.
  void name_dep(const Decl* d) {
    if (!state_ || !d || cur_decl_ == kNone || d->id == cur_decl_ || d->is_stdlib()) return;
    state_->name_deps[cur_decl_].push_back(d->id);
  }
  const FieldSlot* field_in(const Decl* d, std::string_view name) {
    dep(d);
    return d->find_field(name);
  }
  const EnumValue* value_in(const Decl* d, std::string_view name) {
    dep(d);
    return d->find_value(name);
  }

  Diagnostic& report(Severity sev, const char* code, FileId file, TextRange range, std::string message) {
    Diagnostic d;
    d.code = code;
    d.severity = sev;
    d.path = m_.files[file].path;
    d.range = range;
    d.message = std::move(message);
    found_->push_back(Found{std::move(d), phase_, cur_decl_});
    return found_->back().diag;
  }

  void add_ref(FileId file, TextRange range, Symbol target) {
    if (file == kStdlibFile || !collect_refs_) return;
    refs_->push_back(Reference{file, range, target});
  }

  static Symbol decl_symbol(DeclId id) { return Symbol{SymbolKind::Decl, id, kNone, {}}; }

  void copy_decls() {
    m_.files.clear();
    for (FileId f = 0; f < files_.size(); ++f) {
      m_.files.push_back(SourceFile{files_[f].path, files_[f].imports});
    }
    size_t total = 0;
    for (const auto& f : files_) total += f.decls ? f.decls->decls.size() : 0;
    m_.decls.reserve(total);
    std::unordered_map<uint64_t, DeclId> old_by_stamp;
    if (recycle_) {
      old_by_stamp.reserve(recycle_->decls.size());
      for (const Decl& d : recycle_->decls)
        if (d.stamp != 0) old_by_stamp.emplace(d.stamp, d.id);
    }
    for (FileId f = 0; f < files_.size(); ++f) {
      if (!files_[f].decls) continue;
      FileDecls* consumable = files_[f].consumable;
      const FileDecls& fd = *files_[f].decls;
      for (size_t k = 0; k < fd.decls.size(); ++k) {
        const Decl& src = fd.decls[k];
        DeclId id = static_cast<DeclId>(m_.decls.size());
        auto old = src.stamp != 0 ? old_by_stamp.find(src.stamp) : old_by_stamp.end();
        int64_t delta = fd.lag_of(k);
        if (old != old_by_stamp.end()) {
          Decl& recycled = recycle_->decls[old->second];
          old_by_stamp.erase(old);
          delta = static_cast<int64_t>(fd.start_of(k)) - static_cast<int64_t>(recycled.range.start);
          m_.decls.push_back(std::move(recycled));
          reset_resolution(m_.decls.back());
        } else if (consumable) {
          m_.decls.push_back(std::move(consumable->decls[k]));
        } else {
          m_.decls.push_back(src);
        }
        if (delta != 0) shift_decl(m_.decls.back(), delta);
        Decl& d = m_.decls.back();
        adopt(d, id, f);
        if (f == kStdlibFile) continue;
        switch (d.kind) {
          case DeclKind::Model: m_.models.push_back(id); break;
          case DeclKind::View: m_.views.push_back(id); break;
          case DeclKind::TypeDef: m_.type_defs.push_back(id); break;
          case DeclKind::Enum: m_.enums.push_back(id); break;
          case DeclKind::Generator: m_.generators.push_back(id); break;
          case DeclKind::Plugin: m_.plugins.push_back(id); break;
          case DeclKind::Function: m_.functions.push_back(id); break;
          case DeclKind::Procedure: m_.procedures.push_back(id); break;
          case DeclKind::Datasource: m_.datasources.push_back(id); break;
          case DeclKind::Attribute: break;
        }
      }
    }
  }

  static void reset_expr(Expr& e) {
    e.target = Symbol{};
    for (Expr& c : e.children) reset_expr(c);
    for (Argument& a : e.args) reset_expr(a.value);
  }

  static void reset_apps(std::vector<AttributeApp>& apps) {
    for (AttributeApp& a : apps) {
      a.decl = kNone;
      a.origin = kNone;
      for (Argument& arg : a.args) {
        arg.param = {};
        arg.param_index = kNone;
        reset_expr(arg.value);
      }
    }
  }

  // Undoes everything resolution wrote into a declaration, leaving it as lowering made it.
  static void reset_resolution(Decl& d) {
    d.bases.clear();
    d.mixins.clear();
    d.all_fields.clear();
    d.all_attributes.clear();
    for (Field& f : d.fields) {
      if (f.type.kind == TypeKind::Enum || f.type.kind == TypeKind::Model || f.type.kind == TypeKind::TypeDef)
        f.type.kind = TypeKind::Unresolved;
      f.type.decl = kNone;
      reset_apps(f.attributes);
    }
    reset_apps(d.attributes);
    for (EnumValue& v : d.values) reset_apps(v.attributes);
    d.return_type_decl = kNone;
    for (Param& p : d.params) {
      p.type_decl = kNone;
      reset_apps(p.attributes);
    }
    for (ConfigField& c : d.config) reset_expr(c.value);
  }

  // User declarations win over the stdlib's (a user may shadow a stdlib name); among user
  // declarations the first one wins and the others are duplicates.
  void build_tables() {
    phase_ = kPhaseDuplicates;
    cur_decl_ = kNone;
    if (dirty_) {
      // An update keeps every declaration's name, kind and place: the sorted table of the
      // previous build (Model::by_name_) serves for lookups, and the duplicates are the same
      // (reported again, at their current places).
      std::vector<std::pair<DeclId, DeclId>> duplicates = std::move(state_->duplicates);
      for (auto [dup, first] : duplicates) report_duplicate_decl(m_.decls[dup], m_.decls[first]);
    }
    if (!dirty_) sh_->names.reserve(m_.decls.size());
    for (int pass = 0; pass < 2 && !dirty_; ++pass) {
      for (DeclId id = 0; id < m_.decls.size(); ++id) {
        const Decl& d = m_.decls[id];
        bool stdlib = d.is_stdlib();
        if ((pass == 0) == stdlib) continue;
        if (d.name.empty()) continue;
        // Datasources, generators and plugins live in their own namespace (`db`, `client`).
        if (d.kind == DeclKind::Datasource || d.kind == DeclKind::Generator || d.kind == DeclKind::Plugin) {
          continue;
        }
        auto [first, inserted] = sh_->names.emplace(d.name, id);
        if (!inserted && !stdlib) report_duplicate_decl(d, m_.decls[*first]);
      }
    }
    // Datasources, generators and plugins: duplicates among their own kind.
    std::unordered_map<std::string, DeclId> config_names;
    for (const Decl& d : m_.decls) {
      if (dirty_) break;
      if (d.is_stdlib() || d.name.empty()) continue;
      if (d.kind != DeclKind::Datasource && d.kind != DeclKind::Generator && d.kind != DeclKind::Plugin) continue;
      std::string key = std::string(decl_kind_name(d.kind)) + " " + d.name;
      auto [it, inserted] = config_names.emplace(key, d.id);
      if (!inserted) report_duplicate_decl(d, m_.decls[it->second]);
    }
    // (Model::by_name_ comes from the table: see fill_by_name. An update keeps the declaration
    // names and places, so the previous build's is still right.)
    // Enum values are global: user enums first, then the stdlib's.
    size_t values = 0;
    for (const Decl& d : m_.decls) values += d.kind == DeclKind::Enum ? d.values.size() : 0;
    sh_->enum_values.reserve(values);
    for (int pass = 0; pass < 2; ++pass) {
      for (const Decl& d : m_.decls) {
        if (d.kind != DeclKind::Enum || (pass == 0) == d.is_stdlib()) continue;
        for (uint32_t i = 0; i < d.values.size(); ++i)
          sh_->enum_values.emplace(d.values[i].name, Symbol{SymbolKind::EnumValue, d.id, i, {}});
      }
    }
  }

  void report_duplicate_decl(const Decl& dup, const Decl& first) {
    if (state_) state_->duplicates.emplace_back(dup.id, first.id);
    auto& diag = report(Severity::Error, "duplicate-declaration", dup.file, dup.name_range,
                        "`" + dup.name + "` is already declared as a " + decl_kind_name(first.kind) +
                            (first.file != dup.file ? " in `" + m_.files[first.file].path + "`" : std::string()) +
                            "; rename one of them");
    diag.related.push_back(RelatedLocation{m_.files[first.file].path, first.name_range, "first declared here"});
    diag.data.emplace_back("name", dup.name);
  }

  const Decl* lookup(std::string_view name) {
    const Decl* d = nullptr;
    if (dirty_) {
      d = m_.find(name);
    } else if (const DeclId* id = sh_->names.find(name)) {
      d = &m_.decls[*id];
    }
    name_dep(d);
    return d;
  }

  // Per declaration: the types it names and what it inherits from. The references go to
  // Shared::early (resolve_body adds them to the model's list), except those of field types,
  // which resolve_body adds among the fields' attributes (see add_type_ref).
  void resolve_headers() {
    sh_->early_at.assign(m_.decls.size(), {0, 0});
    refs_ = &sh_->early;
    for (DeclId id = 0; id < m_.decls.size(); ++id) resolve_header(id);
  }

  // One declaration's header, its references added to refs_ (sh_->early_at must be sized).
  void resolve_header(DeclId id) {
    uint32_t begin = static_cast<uint32_t>(refs_->size());
    if (is_dirty(id)) {
      cur_decl_ = id;
      Decl& d = m_.decls[id];
      if (collect_refs_ && !dirty_ && !d.is_stdlib()) counted_refs_ += count_references(d);
      resolve_types(d);
      resolve_inheritance(d);
    }
    sh_->early_at[id] = {begin, static_cast<uint32_t>(refs_->size())};
  }

  void resolve_types(Decl& d) {
    phase_ = kPhaseTypes;
    {
      for (Field& f : d.fields) resolve_field_type(d, f);
      if (!d.return_type.empty() && !is_expression_type(d.return_type)) {
        if (const Decl* t = lookup(d.return_type)) {
          d.return_type_decl = t->id;
          add_ref(d.file, d.return_type_range, decl_symbol(t->id));
        } else if (!d.is_stdlib()) {
          report(Severity::Error, "unknown-type", d.file, d.return_type_range,
                 "unknown type `" + d.return_type + "`; declare a model, type or enum with this name, or fix the name")
              .data.emplace_back("name", d.return_type);
        }
      }
      for (Param& p : d.params) {
        if (p.type.empty() || is_expression_type(p.type)) continue;
        if (const Decl* t = lookup(p.type)) {
          p.type_decl = t->id;
          add_ref(d.file, type_name_range(p), decl_symbol(t->id));
        } else if (!d.is_stdlib()) {
          report(Severity::Error, "unknown-type", d.file, type_name_range(p),
                 "unknown type `" + p.type + "`; declare a model, type or enum with this name, or fix the name")
              .data.emplace_back("name", p.type);
        }
      }
    }
  }

  static TextRange type_name_range(const Param& p) { return p.type_range.end > 0 ? p.type_range : p.range; }

  void resolve_field_type(const Decl& d, Field& f) {
    FieldType& t = f.type;
    if (t.kind != TypeKind::Unresolved || t.name.empty()) return;
    const Decl* target = lookup(t.name);
    if (target && (target->is_data_model() || target->kind == DeclKind::TypeDef || target->kind == DeclKind::Enum)) {
      t.decl = target->id;
      t.kind = target->kind == DeclKind::Enum      ? TypeKind::Enum
               : target->kind == DeclKind::TypeDef ? TypeKind::TypeDef
                                                   : TypeKind::Model;
      return;
    }
    std::string msg = target ? "`" + t.name + "` is a " + decl_kind_name(target->kind) +
                                   ", not a model, type or enum; use a type name here"
                             : "unknown type `" + t.name + "`; declare a model, type or enum named `" + t.name +
                                   "`, or fix the name";
    report(Severity::Error, "unknown-type", d.file, t.name_range, std::move(msg)).data.emplace_back("name", t.name);
  }

  // The reference of a field's type that resolve_field_type resolved (lowering leaves every
  // type that names a declaration Unresolved: it became an Enum, Model or TypeDef, or stayed
  // Unresolved for an unknown name). Added while resolving the field's attributes, so that a
  // declaration's references come in position order.
  void add_type_ref(const Decl& d, const Field& f) {
    const FieldType& t = f.type;
    if (t.name.empty()) return;
    switch (t.kind) {
      case TypeKind::Enum:
      case TypeKind::Model:
      case TypeKind::TypeDef: add_ref(d.file, t.name_range, decl_symbol(t.decl)); break;
      case TypeKind::Unresolved: add_ref(d.file, t.name_range, Symbol{}); break;
      case TypeKind::Builtin:
      case TypeKind::Unsupported: break;
    }
  }

  void resolve_inheritance(Decl& d) {
    phase_ = kPhaseInheritance;
    {
      for (size_t i = 0; i < d.base_names.size(); ++i) {
        TextRange r = i < d.base_ranges.size() ? d.base_ranges[i] : d.name_range;
        const Decl* b = lookup(d.base_names[i]);
        dep(b);  // whether it is abstract or a delegate, and its fields
        if (!b) {
          add_ref(d.file, r, Symbol{});
          report(Severity::Error, "unknown-type", d.file, r,
                 "unknown model `" + d.base_names[i] + "` in `extends`; declare it or fix the name")
              .data.emplace_back("name", d.base_names[i]);
          continue;
        }
        add_ref(d.file, r, decl_symbol(b->id));
        if (b->kind != DeclKind::Model) {
          report(Severity::Error, "extends-not-a-model", d.file, r,
                 "`" + b->name + "` is a " + decl_kind_name(b->kind) +
                     ", not a model; `extends` takes a model (use `with` for a type)");
          continue;
        }
        if (!b->is_abstract && !b->has_attribute("@@delegate")) {
          report(Severity::Error, "extends-non-delegate", d.file, r,
                 "model `" + b->name + "` cannot be extended because it is neither abstract nor marked "
                 "`@@delegate`; add `@@delegate(<discriminator field>)` to it")
              .data.emplace_back("base", b->name);
        }
        d.bases.push_back(b->id);
      }
      for (size_t i = 0; i < d.mixin_names.size(); ++i) {
        TextRange r = i < d.mixin_ranges.size() ? d.mixin_ranges[i] : d.name_range;
        const Decl* b = lookup(d.mixin_names[i]);
        dep(b);
        if (!b) {
          add_ref(d.file, r, Symbol{});
          report(Severity::Error, "unknown-type", d.file, r,
                 "unknown type `" + d.mixin_names[i] + "` in `with`; declare it or fix the name")
              .data.emplace_back("name", d.mixin_names[i]);
          continue;
        }
        add_ref(d.file, r, decl_symbol(b->id));
        if (b->kind != DeclKind::TypeDef) {
          report(Severity::Error, "mixin-not-a-type", d.file, r,
                 "`" + b->name + "` is a " + decl_kind_name(b->kind) +
                     ", not a type; `with` takes `type` declarations");
          continue;
        }
        d.mixins.push_back(b->id);
      }
    }
  }

  // Depth-first with a visiting mark; an edge back to a declaration being visited is a cycle,
  // reported once on the edge and then ignored.
  void compute_all_fields(DeclId id) {
    if (field_state_[id] == 2) return;
    field_state_[id] = 1;
    Decl& d = m_.decls[id];
    // First the inherited declarations (cycles reported and cut), then the slots, counted
    // exactly: a big schema has as many slots as fields.
    auto visit = [&](std::vector<DeclId>& list, const std::vector<TextRange>& ranges,
                     const std::vector<std::string>& names, bool mixin) {
      for (size_t i = 0; i < list.size();) {
        DeclId b = list[i];
        if (field_state_[b] == 1) {
          cur_decl_ = id;  // the report belongs to this declaration, not to the one recursed from
          TextRange r = d.name_range;
          for (size_t k = 0; k < names.size(); ++k)
            if (names[k] == m_.decls[b].name && k < ranges.size()) r = ranges[k];
          report(Severity::Error, mixin ? "cyclic-mixin" : "cyclic-inheritance", d.file, r,
                 std::string(decl_kind_name(d.kind)) + " `" + d.name + "` inherits from itself through `" +
                     m_.decls[b].name + "`; remove one of the `" + (mixin ? "with" : "extends") + "` links");
          list.erase(list.begin() + static_cast<long>(i));
          continue;
        }
        compute_all_fields(b);
        ++i;
      }
    };
    visit(d.mixins, d.mixin_ranges, d.mixin_names, true);
    visit(d.bases, d.base_ranges, d.base_names, false);
    size_t count = d.fields.size();
    for (DeclId b : d.mixins) count += m_.decls[b].all_fields.size();
    for (DeclId b : d.bases) count += m_.decls[b].all_fields.size();
    std::vector<FieldSlot> all;
    all.reserve(count);
    for (const auto* list : {&d.mixins, &d.bases})
      for (DeclId b : *list)
        for (FieldSlot s : m_.decls[b].all_fields) {
          s.inherited = true;
          all.push_back(s);
        }
    for (uint32_t i = 0; i < d.fields.size(); ++i) all.push_back(FieldSlot{&d.fields[i], id, i, false});
    d.all_fields = std::move(all);
    field_state_[id] = 2;
  }

  static bool is_inheritable(const AttributeApp& a, bool from_delegate) {
    if (a.name == "@@delegate"sv || a.name == "@@map"sv || a.name == "@@delegateMap"sv) return false;
    if (from_delegate && (a.name == "@@unique"sv || a.name == "@@index"sv || a.name == "@@fulltext"sv)) return false;
    return true;
  }

  bool through_delegate(DeclId id, int depth = 0) const {
    const Decl& d = m_.decls[id];
    if (d.has_attribute("@@delegate")) return true;
    if (depth > 64) return false;
    for (DeclId b : d.bases)
      if (through_delegate(b, depth + 1)) return true;
    return false;
  }

  void compute_all_attributes(DeclId id) {
    if (attr_state_[id] != 0) return;  // done, or a cycle (already reported)
    attr_state_[id] = 1;
    Decl& d = m_.decls[id];
    if (!d.is_data_model() && d.kind != DeclKind::TypeDef) {
      attr_state_[id] = 2;
      return;
    }
    std::vector<AttributeApp> all;
    size_t expected = d.attributes.size();
    for (DeclId m : d.mixins) expected += m_.decls[m].all_attributes.size();
    for (DeclId b : d.bases) expected += m_.decls[b].all_attributes.size();
    if (expected > d.attributes.size()) all.reserve(expected);
    bool own_schema = d.has_attribute("@@schema");
    for (DeclId m : d.mixins) {
      compute_all_attributes(m);
      for (const auto& a : m_.decls[m].all_attributes)
        if (!(own_schema && a.name == "@@schema"sv)) all.push_back(a);
    }
    for (DeclId b : d.bases) {
      compute_all_attributes(b);
      bool from_delegate = through_delegate(b);
      for (const auto& a : m_.decls[b].all_attributes)
        if (is_inheritable(a, from_delegate) && !(own_schema && a.name == "@@schema"sv)) all.push_back(a);
    }
    if (all.empty()) {
      // Nothing inherited: the list is the own attributes, viewed rather than copied.
      d.all_attributes.view(d.attributes);
    } else {
      all.insert(all.end(), d.attributes.begin(), d.attributes.end());
      d.all_attributes.assign(std::move(all));
    }
    attr_state_[id] = 2;
  }

  void find_auth() {
    for (const auto* list : {&m_.models, &m_.type_defs})
      for (DeclId id : *list)
        if (!sh_->auth && m_.decls[id].has_attribute("@@auth")) sh_->auth = &m_.decls[id];
    if (sh_->auth) return;
    for (const auto* list : {&m_.models, &m_.type_defs})
      for (DeclId id : *list) {
        const Decl& d = m_.decls[id];
        if (sh_->auth) break;
        for (DeclId mx : d.mixins)
          if (m_.decls[mx].has_attribute("@@auth")) sh_->auth = &d;
      }
    if (sh_->auth) return;
    for (const auto* list : {&m_.models, &m_.type_defs})
      for (DeclId id : *list)
        if (!sh_->auth && m_.decls[id].name == "User"sv) sh_->auth = &m_.decls[id];
  }

  // ---------------------------------------------------------------------------------------
  // Attribute applications and expressions

  // Resolves a declaration's body: its attribute applications and expressions (reading only
  // this declaration and what resolve_before_bodies computed, so two threads can resolve two
  // bodies at once), then its duplicate members. Its references, the early ones included,
  // are added in position order.
  void resolve_body(DeclId id) {
    if (!is_dirty(id)) return;
    Decl& d = m_.decls[id];
    std::vector<Reference>& refs = *refs_;
    const size_t at = refs.size();
    auto [early_begin, early_end] = sh_->early_at[id];
    refs.insert(refs.end(), sh_->early.begin() + early_begin, sh_->early.begin() + early_end);
    resolve_attributes(d);
    // Out of order only when model-level attributes come before fields, or for functions (the
    // return type is resolved before the parameters): rare and short.
    // (All in the declaration's file.)
    auto by_start = [](const Reference& a, const Reference& b) { return a.range.start < b.range.start; };
    if (!std::is_sorted(refs.begin() + static_cast<ptrdiff_t>(at), refs.end(), by_start))
      std::stable_sort(refs.begin() + static_cast<ptrdiff_t>(at), refs.end(), by_start);
    check_duplicate_members(d);
  }

  void resolve_attributes(Decl& d) {
    phase_ = kPhaseAttributes;
    {
      cur_decl_ = d.id;
      cur_file_ = d.file;
      const bool data = d.is_data_model() || d.kind == DeclKind::TypeDef;
      for (Field& f : d.fields) {
        add_type_ref(d, f);
        for (AttributeApp& a : f.attributes) {
          ExprScope s;
          s.model = data ? &d : nullptr;
          s.field = &f;
          resolve_app(a, s, '@');
        }
      }
      for (AttributeApp& a : d.attributes) {
        ExprScope s;
        s.model = data ? &d : nullptr;
        char kind = (d.kind == DeclKind::Attribute || d.kind == DeclKind::Function ||
                     d.kind == DeclKind::Procedure)
                        ? '#'
                        : '%';
        resolve_app(a, s, kind);
      }
      for (EnumValue& v : d.values) {
        for (AttributeApp& a : v.attributes) {
          ExprScope s;
          resolve_app(a, s, '@');
        }
      }
      for (Param& p : d.params) {
        for (AttributeApp& a : p.attributes) {
          ExprScope s;
          resolve_app(a, s, '#');
        }
      }
      for (ConfigField& c : d.config) {
        ExprScope s;
        s.report = false;
        resolve_expr(c.value, s);
      }
    }
  }

  static size_t at_count(std::string_view name) {
    size_t n = 0;
    while (n < name.size() && name[n] == '@') ++n;
    return n;
  }

  // kind: '@' field attribute, '%' model attribute, '#' internal attribute (only for messages).
  void resolve_app(AttributeApp& a, const ExprScope& scope, char kind) {
    const Decl* decl = lookup(a.name);
    dep(decl);  // its parameters
    if (!decl || decl->kind != DeclKind::Attribute) {
      add_ref(cur_file_, a.name_range, Symbol{});
      if (cur_file_ != kStdlibFile && !a.name.empty()) {
        report(Severity::Error, "unknown-attribute", cur_file_, a.name_range,
               "unknown attribute `" + a.name + "`; check its name, or declare it with `attribute " + a.name +
                   "(...)`")
            .data.emplace_back("name", a.name);
      }
      for (Argument& arg : a.args) resolve_expr(arg.value, scope);
      return;
    }
    (void)kind;
    a.decl = decl->id;
    add_ref(cur_file_, a.name_range, decl_symbol(decl->id));
    match_args(a, *decl);
    for (Argument& arg : a.args) {
      const Param* p = arg.param_index < decl->params.size() ? &decl->params[arg.param_index] : nullptr;
      resolve_arg(arg.value, p, scope);
    }
  }

  // Named arguments go to the parameter of that name; unnamed ones fill the `_` parameters
  // left to right (skipping those already given by name).
  static void match_args(AttributeApp& a, const Decl& decl) {
    // Which parameters are taken: a bit mask for the usual few parameters, a vector else.
    // (An empty std::vector<bool> member cost as much as the rest of the matching.)
    struct Used {
      uint64_t bits = 0;
      std::unique_ptr<bool[]> big;
      explicit Used(size_t n) {
        if (n > 64) big = std::make_unique<bool[]>(n);  // value-initialized: all false
      }
      bool operator[](size_t i) const { return big ? big[i] : (bits >> i) & 1; }
      void set(size_t i) {
        if (big) big[i] = true;
        else bits |= uint64_t{1} << i;
      }
    } used(decl.params.size());
    for (Argument& arg : a.args) {
      if (arg.name.empty()) continue;
      for (uint32_t i = 0; i < decl.params.size(); ++i) {
        if (decl.params[i].name == arg.name && !used[i]) {
          used.set(i);
          arg.param_index = i;
          arg.param = decl.params[i].name;
          break;
        }
      }
    }
    uint32_t next = 0;
    for (Argument& arg : a.args) {
      if (!arg.name.empty()) continue;
      while (next < decl.params.size() && (used[next] || !decl.params[next].positional)) ++next;
      if (next >= decl.params.size()) break;
      used.set(next);
      arg.param_index = next;
      arg.param = decl.params[next].name;
      ++next;
    }
  }

  void resolve_arg(Expr& e, const Param* p, const ExprScope& scope) {
    if (p && (p->type == "FieldReference"sv || p->type == "TransitiveFieldReference"sv)) {
      const Decl* in = scope.model;
      bool quiet = false;
      if (p->type == "TransitiveFieldReference"sv) {
        in = nullptr;
        if (scope.field && scope.field->type.decl != kNone &&
            m_.decls[scope.field->type.decl].is_data_model()) {
          in = &m_.decls[scope.field->type.decl];
        }
        quiet = in == nullptr;  // the relation's type is already reported, if wrong
      }
      resolve_field_ref(e, in, scope, quiet);
      return;
    }
    if (p && p->type == "ContextType"sv && scope.field && scope.field->type.kind == TypeKind::Enum) {
      ExprScope s = scope;
      s.preferred_enum = &m_.decls[scope.field->type.decl];
      resolve_expr(e, s);
      return;
    }
    resolve_expr(e, scope);
  }

  void resolve_field_ref(Expr& e, const Decl* in, const ExprScope& scope, bool quiet) {
    switch (e.kind) {
      case ExprKind::Array:
        for (Expr& item : e.children) resolve_field_ref(item, in, scope, quiet);
        return;
      case ExprKind::Reference:
      case ExprKind::Call: {
        const FieldSlot* slot = in ? field_in(in, e.text) : nullptr;
        if (slot) {
          e.target = Symbol{SymbolKind::Field, slot->origin, slot->member, {}};
        } else if (in && !quiet && cur_file_ != kStdlibFile) {
          report(Severity::Error, "unresolved-reference", cur_file_, e.name_range,
                 std::string(decl_kind_name(in->kind)) + " `" + in->name + "` has no field `" + e.text +
                     "`; use one of its fields")
              .data.emplace_back("name", e.text);
        }
        add_ref(cur_file_, e.name_range, e.target);
        for (Argument& a : e.args) resolve_expr(a.value, scope);
        return;
      }
      default:
        resolve_expr(e, scope);
    }
  }

  const Decl* type_decl_of(const Field* f) const {
    if (!f || f->type.decl == kNone) return nullptr;
    const Decl& t = m_.decls[f->type.decl];
    return (t.is_data_model() || t.kind == DeclKind::TypeDef) ? &t : nullptr;
  }

  // Resolves names in `e`; returns the model/type the expression evaluates to, if any (for
  // member access and collection predicates).
  const Decl* resolve_expr(Expr& e, const ExprScope& scope) {
    switch (e.kind) {
      case ExprKind::Reference: return resolve_reference(e, scope);
      case ExprKind::This: return scope.model;
      case ExprKind::Member: {
        const Decl* obj = e.children.empty() ? nullptr : resolve_expr(e.children[0], scope);
        const FieldSlot* slot = obj ? field_in(obj, e.text) : nullptr;
        if (slot) {
          e.target = Symbol{SymbolKind::Field, slot->origin, slot->member, {}};
        } else if (obj && scope.report && cur_file_ != kStdlibFile && !e.text.empty()) {
          report(Severity::Error, "unresolved-reference", cur_file_, e.name_range,
                 std::string(decl_kind_name(obj->kind)) + " `" + obj->name + "` has no field `" + e.text +
                     "`; use one of its fields")
              .data.emplace_back("name", e.text);
        }
        add_ref(cur_file_, e.name_range, e.target);
        return slot ? type_decl_of(slot->field) : nullptr;
      }
      case ExprKind::Call: {
        const Decl* fn = lookup(e.text);
        dep(fn);  // its return type
        if (fn && fn->kind == DeclKind::Function) {
          e.target = decl_symbol(fn->id);
        } else if (scope.report && cur_file_ != kStdlibFile && !e.text.empty()) {
          report(Severity::Error, "unknown-function", cur_file_, e.name_range,
                 "unknown function `" + e.text + "`; check its name, or declare it with `function " + e.text +
                     "(...)`")
              .data.emplace_back("name", e.text);
        }
        add_ref(cur_file_, e.name_range, e.target);
        ExprScope inner = scope;
        inner.preferred_enum = nullptr;
        for (Argument& a : e.args) resolve_expr(a.value, inner);
        if (!fn || fn->kind != DeclKind::Function) return nullptr;
        if (fn->is_stdlib()) {
          if (e.text == "auth"sv) {
            dep(sh_->auth);
            return sh_->auth;
          }
          if (e.text == "before"sv || e.text == "future"sv) return scope.model;
          return nullptr;
        }
        const Decl* rt = lookup(fn->return_type);
        return rt && (rt->is_data_model() || rt->kind == DeclKind::TypeDef) ? rt : nullptr;
      }
      case ExprKind::Predicate: {
        const Decl* elem = e.children.empty() ? nullptr : resolve_expr(e.children[0], scope);
        ExprScope inner = scope;
        inner.element = elem;
        inner.preferred_enum = nullptr;
        if (!e.binding.empty()) inner.bindings.push_back({e.binding.get(), e.binding_range, elem});
        // Without a known element type, names inside cannot be checked reliably.
        if (!elem && !e.children.empty() && e.children[0].target.kind == SymbolKind::None) inner.report = false;
        if (e.children.size() > 1) resolve_expr(e.children[1], inner);
        return nullptr;
      }
      case ExprKind::Object:
        for (Argument& a : e.args) resolve_expr(a.value, scope);
        return nullptr;
      case ExprKind::Array:
      case ExprKind::Binary:
      case ExprKind::Unary:
        for (Expr& c : e.children) resolve_expr(c, scope);
        return nullptr;
      default:
        return nullptr;
    }
  }

  const Decl* resolve_reference(Expr& e, const ExprScope& scope) {
    auto done = [&](Symbol s, const Decl* type) {
      e.target = s;
      add_ref(cur_file_, e.name_range, s);
      return type;
    };
    if (scope.preferred_enum) {
      if (const EnumValue* v = value_in(scope.preferred_enum, e.text)) {
        uint32_t idx = static_cast<uint32_t>(v - scope.preferred_enum->values.data());
        return done(Symbol{SymbolKind::EnumValue, scope.preferred_enum->id, idx, {}}, nullptr);
      }
    }
    if (scope.element) {
      if (const FieldSlot* s = field_in(scope.element, e.text))
        return done(Symbol{SymbolKind::Field, s->origin, s->member, {}}, type_decl_of(s->field));
    }
    for (auto it = scope.bindings.rbegin(); it != scope.bindings.rend(); ++it) {
      if (it->name == e.text) {
        Symbol s{SymbolKind::Binding, kNone, kNone, it->range};
        return done(s, it->type);
      }
    }
    if (scope.model) {
      if (const FieldSlot* s = field_in(scope.model, e.text))
        return done(Symbol{SymbolKind::Field, s->origin, s->member, {}}, type_decl_of(s->field));
    }
    if (const Symbol* value = sh_->enum_values.find(e.text)) {
      dep(&m_.decls[value->decl]);
      return done(*value, nullptr);
    }
    if (const Decl* d = lookup(e.text)) return done(decl_symbol(d->id), nullptr);
    if (scope.report && cur_file_ != kStdlibFile && !e.text.empty()) {
      std::string where = scope.element ? " in `" + scope.element->name + "`"
                          : scope.model ? " in " + std::string(decl_kind_name(scope.model->kind)) + " `" +
                                              scope.model->name + "`"
                                        : std::string();
      report(Severity::Error, "unresolved-reference", cur_file_, e.name_range,
             "cannot resolve `" + e.text + "`" + where + ": no field, enum value or declaration has this name")
          .data.emplace_back("name", e.text);
    }
    return done(Symbol{}, nullptr);
  }

  // ---------------------------------------------------------------------------------------

  // A few bytes of a name and its length: equal for equal names, and mostly different for
  // different ones.
  static uint64_t name_key(std::string_view name) {
    size_t n = name.size();
    if (n == 0) return 0;
    auto at = [&](size_t i) { return uint64_t{static_cast<uint8_t>(name[i])}; };
    return (n & 0xFF) | at(0) << 8 | at(n - 1) << 16 | at(n / 2) << 24 | at(n / 3) << 32 | at(2 * n / 3) << 40 |
           at(n - 1 - n / 4) << 48 | at(n / 5) << 56;
  }

  void check_duplicate_members(const Decl& d) {
    phase_ = kPhaseMembers;
    // The first earlier slot with the same name: a linear scan for the usual small models, a
    // hash table else. A model without duplicates (nearly all) is told apart first: sorted
    // short keys of its names (name_key) are then all different.
    constexpr size_t kLinear = 32;
    {
      if (d.is_stdlib()) return;
      cur_decl_ = d.id;
      if (d.is_data_model() || d.kind == DeclKind::TypeDef) {
        const auto& slots = d.all_fields;
        bool linear = slots.size() <= kLinear;
        if (linear) {
          uint64_t keys[kLinear];
          for (size_t i = 0; i < slots.size(); ++i) keys[i] = name_key(slots[i].field->name);
          std::sort(keys, keys + slots.size());
          if (std::adjacent_find(keys, keys + slots.size()) == keys + slots.size()) return;
        }
        NameTable<uint32_t> seen;
        if (!linear) seen.reserve(slots.size());
        for (size_t i = 0; i < slots.size(); ++i) {
          const FieldSlot& s = slots[i];
          const FieldSlot* earlier = nullptr;
          if (linear) {
            for (size_t j = 0; j < i && !earlier; ++j)
              if (slots[j].field->name == s.field->name) earlier = &slots[j];
          } else {
            auto [first, inserted] = seen.emplace(s.field->name, static_cast<uint32_t>(i));
            if (!inserted) earlier = &slots[*first];
          }
          if (!earlier || s.field->name.empty()) continue;
          const FieldSlot& first = *earlier;
          // Report on the model's own field when one side is own; otherwise on the model name.
          bool own = !s.inherited;
          TextRange r = own ? s.field->name_range : d.name_range;
          std::string msg;
          if (first.inherited && own) {
            msg = "field `" + s.field->name + "` is already inherited from `" + m_.decls[first.origin].name +
                  "`; rename or remove it";
          } else if (own) {
            msg = "duplicate field `" + s.field->name + "` in " + decl_kind_name(d.kind) + " `" + d.name +
                  "`; rename or remove one of them";
          } else {
            msg = "field `" + s.field->name + "` is inherited twice (from `" + m_.decls[first.origin].name +
                  "` and `" + m_.decls[s.origin].name + "`); rename one of them";
          }
          auto& diag = report(Severity::Error, "duplicate-field", d.file, r, std::move(msg));
          diag.related.push_back(
              RelatedLocation{m_.files[first.field->file].path, first.field->name_range, "first declared here"});
          diag.data.emplace_back("field", s.field->name);
        }
      }
      if (d.kind == DeclKind::Enum) {
        NameTable<uint32_t> seen;
        seen.reserve(d.values.size());
        for (uint32_t i = 0; i < d.values.size(); ++i) {
          const EnumValue& v = d.values[i];
          auto [first, inserted] = seen.emplace(v.name, i);
          if (inserted || v.name.empty()) continue;
          auto& diag = report(Severity::Error, "duplicate-enum-value", d.file, v.name_range,
                              "duplicate value `" + v.name + "` in enum `" + d.name + "`; remove one of them");
          diag.related.push_back(
              RelatedLocation{m_.files[d.file].path, d.values[*first].name_range, "first declared here"});
          diag.data.emplace_back("value", v.name);
        }
      }
    }
  }

  void fill_datasource() {
    if (m_.datasources.empty()) return;
    const Decl& d = m_.decls[m_.datasources.front()];
    Datasource ds;
    ds.decl = d.id;
    ds.name = d.name;
    for (const ConfigField& c : d.config) {
      if (c.name == "provider"sv) {
        if (auto s = c.value.as_string()) {
          ds.provider_text = std::string(*s);
          ds.provider = parse_provider(*s);
        }
      } else if (c.name == "url"sv) {
        ds.url = &c;
      } else if (c.name == "shadowDatabaseUrl"sv) {
        ds.shadow_database_url = &c;
      } else if (c.name == "directUrl"sv) {
        ds.direct_url = &c;
      } else if (c.name == "schemas"sv) {
        for (const Expr& it : c.value.items())
          if (auto s = it.as_string()) ds.schemas.emplace_back(*s);
      } else if (c.name == "defaultSchema"sv) {
        if (auto s = c.value.as_string()) ds.default_schema = std::string(*s);
      } else if (c.name == "relationMode"sv) {
        if (auto s = c.value.as_string()) ds.relation_mode = std::string(*s);
      } else if (c.name == "extensions"sv) {
        ds.extensions = &c;
      }
    }
    m_.datasource = std::move(ds);
  }
};

}  // namespace

void build_model(const std::vector<ResolveInput>& files, Model& model, std::vector<Diagnostic>& diags,
                 Model* recycle, BuildState* state, size_t parallel_from, bool collect_references) {
  if (state) {
    state->valid = false;
    state->keys.clear();
  }
  model.has_references = collect_references;
  Resolver(files, model, diags, recycle, state, parallel_from, collect_references).run();
  if (!state) return;
  state->valid = true;
  state->recheck.assign(model.decls.size(), true);
  state->delta.assign(model.decls.size(), 0);
  state->anchors.assign(model.decls.size(), {});
  state->unanchored.assign(model.decls.size(), false);
}

namespace {

bool same_value_names(const Decl& a, const Decl& b) {
  if (a.values.size() != b.values.size()) return false;
  for (size_t i = 0; i < a.values.size(); ++i)
    if (a.values[i].name != b.values[i].name) return false;
  return true;
}

// Who inherits (`extends`/`with`) directly from whom, as one flat list per declaration.
struct Children {
  std::vector<uint32_t> begin;  // per declaration, into `ids`; one more at the end
  std::vector<DeclId> ids;

  explicit Children(const Model& m) : begin(m.decls.size() + 1, 0) {
    for (const Decl& d : m.decls) {
      for (DeclId b : d.bases) ++begin[b + 1];
      for (DeclId b : d.mixins) ++begin[b + 1];
    }
    for (size_t i = 1; i < begin.size(); ++i) begin[i] += begin[i - 1];
    ids.resize(begin.back());
    std::vector<uint32_t> next(begin.begin(), begin.end() - 1);
    for (const Decl& d : m.decls) {
      for (DeclId b : d.bases) ids[next[b]++] = d.id;
      for (DeclId b : d.mixins) ids[next[b]++] = d.id;
    }
  }
};

// Marks every declaration that inherits, directly or not, from a marked one.
void close_over_descendants(std::vector<bool>& marked, const Children& children) {
  std::vector<DeclId> todo;
  for (DeclId id = 0; id < marked.size(); ++id)
    if (marked[id]) todo.push_back(id);
  while (!todo.empty()) {
    DeclId id = todo.back();
    todo.pop_back();
    for (uint32_t k = children.begin[id]; k < children.begin[id + 1]; ++k) {
      DeclId c = children.ids[k];
      if (!marked[c]) {
        marked[c] = true;
        todo.push_back(c);
      }
    }
  }
}

// Whether any of `deps` is marked.
bool reads_marked(const std::vector<DeclId>& deps, const std::vector<bool>& marked) {
  for (DeclId x : deps)
    if (marked[x]) return true;
  return false;
}

}  // namespace

bool update_model(const std::vector<ResolveInput>& files, Model& m, std::vector<Diagnostic>& diags,
                  BuildState& state) {
  if (!state.valid || files.size() != m.files.size()) return false;
  const size_t n = m.decls.size();
  if (state.deps.size() != n || state.name_deps.size() != n || state.ref_slices.size() != n || state.anchors.size() != n ||
      state.unanchored.size() != n)
    return false;
  size_t total = 0;
  for (FileId f = 0; f < files.size(); ++f) {
    if (files[f].path != m.files[f].path || files[f].imports != m.files[f].imports) return false;
    total += files[f].decls ? files[f].decls->decls.size() : 0;
  }
  if (total != n) return false;

  // The same declarations in the same places; which ones were lowered again (their text
  // changed), and how far each one moved.
  std::vector<const Decl*> sources(n);
  std::vector<bool> changed(n, false);
  std::vector<int64_t> delta(n, 0);
  std::vector<int64_t> lag(n, 0);
  DeclId id = 0;
  for (FileId f = 0; f < files.size(); ++f) {
    if (!files[f].decls) continue;
    const FileDecls& fd = *files[f].decls;
    for (size_t k = 0; k < fd.decls.size(); ++k) {
      const Decl& src = fd.decls[k];
      const Decl& old = m.decls[id];
      if (old.kind != src.kind || old.name != src.name || old.file != f) return false;
      bool edited = src.stamp == 0 || src.stamp != old.stamp;
      if (edited) {
        // Edits that change whole-model facts (the provider, the auth declaration, the global
        // enum values) or the shape of inheritance lists are rare: build anew.
        if (src.kind == DeclKind::Datasource || src.kind == DeclKind::Generator || src.kind == DeclKind::Plugin)
          return false;
        if (old.has_attribute("@@auth") || src.has_attribute("@@auth")) return false;
        if (old.mixin_names != src.mixin_names) return false;
        if (src.kind == DeclKind::Enum && !same_value_names(old, src)) return false;
      }
      sources[id] = &src;
      changed[id] = edited;
      lag[id] = fd.lag_of(k);
      delta[id] = static_cast<int64_t>(fd.start_of(k)) - static_cast<int64_t>(old.range.start);
      ++id;
    }
  }

  // Who inherits from whom (as resolved last time; edited declarations are resolved anyway).
  Children children(m);
  // What others see of a declaration (fields, inherited fields and attributes) changes with
  // its text or an ancestor's; everything that read such a declaration is resolved again, and
  // so is everything that inherits from a declaration resolved again (the recursive passes
  // must see whole inheritance chains, cycles included, as a full build does).
  std::vector<bool> interface = changed;
  close_over_descendants(interface, children);
  std::vector<bool> resolve = interface;
  for (DeclId i = 0; i < n; ++i)
    if (!resolve[i] && (state.unanchored[i] || reads_marked(state.deps[i], interface) ||
                        reads_marked(state.anchors[i], interface)))
      resolve[i] = true;
  close_over_descendants(resolve, children);

  // Update the model in place: edited declarations anew, the others moved along.
  for (DeclId i = 0; i < n; ++i) {
    Decl& d = m.decls[i];
    if (changed[i]) {
      FileId file = d.file;
      d = *sources[i];
      if (lag[i] != 0) shift_decl(d, lag[i]);
      Resolver::adopt(d, i, file);
      continue;
    }
    if (resolve[i]) {
      Resolver::reset(d);
      Resolver::adopt(d, i, d.file);
    }
    if (delta[i] != 0) shift_decl(d, delta[i]);
    if (!resolve[i]) {
      // Inherited attributes moved with the declaration they were written in (which is not
      // edited: this one would be resolved again otherwise).
      // (A view of the own attributes moved with shift_decl.)
      for (AttributeApp& a : d.all_attributes.own())
        if (a.origin < n && delta[a.origin] != 0) shift_attribute(a, delta[a.origin]);
    }
  }
  state.resolved = std::move(resolve);
  state.delta = std::move(delta);
  state.keys.clear();
  Resolver(files, m, diags, nullptr, &state).run_incremental();

  // Validation reads, besides a declaration, the declarations it refers to: their text,
  // inherited fields and attributes, and those of their resolved names that point into
  // themselves or into the declaration checked (a relation's opposite `fields`/`references`).
  // All of that changes only for declarations resolved again here, or if one it refers to
  // changed what others see of it.
  state.recheck = state.resolved;
  for (DeclId i = 0; i < n; ++i)
    if (!state.recheck[i] && reads_marked(state.name_deps[i], interface)) state.recheck[i] = true;
  return true;
}

}  // namespace zen::analysis
