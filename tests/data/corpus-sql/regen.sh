#!/usr/bin/env bash
# Regenerates Prisma's from-empty SQL for every SQLite and PostgreSQL schema of the corpus,
# with the offline reference harness that runs Prisma's real schema engine:
#   tests/data/corpus-sql/<file-or-folder>.<sqlite|postgresql>.sql
#     = ref diff --from-empty --to-schema <schema>
# ZModel schemas go through ZenStack's own conversion; `.prisma` files (some are valid Prisma
# that ZenStack v3 rejects) are diffed directly. A folder's entry point is its schema.zmodel
# (or zmodel/schema.zmodel).
#
# Where the reference cannot read a corpus schema as it is, it reads an equivalent one (the
# database Prisma builds is the same):
# - langfuse: Prisma 6 rejects `@id` on views ("Views cannot have primary keys"); views are not
#   migrated, so the `@id`s inside `view` blocks are removed from a temporary copy;
# - prisma-engines multiple-schemas-valid: its `url = "dummy-url"` is not a URL the reference's
#   adapters accept; a temporary copy uses env("DATABASE_URL");
# - sample-multiple-schema multi: ZenStack 3.9.4 cannot resolve its cross-file `extends Base`
#   ("Could not resolve reference to DataModel named 'Base'"); the folder's prisma/schema.prisma,
#   which ZenStack (v1) generated from the same ZModel at the same commit, is diffed instead,
#   without the `zenstack_guard`/`zenstack_transaction` fields and index ZenStack v1 added for
#   its runtime (v3 adds no such fields);
# - zenstack todo-sample: written for ZenStack v2, it uses `@password` and `future()`, which
#   v3 no longer declares; a temporary copy drops `@password` and the policy rules that call
#   `future()` (neither reaches the database).
#
#   tests/data/corpus-sql/regen.sh [CORPUS_DIR]   (default: $ZEN_CORPUS_DIR, then tests/data/corpus)
# Environment: REF (the `ref` script).
set -euo pipefail
HERE="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
REF_DIR_DEFAULT="$ROOT/../shared/tools/prisma-reference"
[ -d "$REF_DIR_DEFAULT" ] || REF_DIR_DEFAULT=/work/shared/tools/prisma-reference
REF=${REF:-$REF_DIR_DEFAULT/ref}
CORPUS=${1:-${ZEN_CORPUS_DIR:-$ROOT/tests/data/corpus}}
ONLY=${2:-}   # optional: regenerate only entries whose name contains this

entry_of() { # corpus item -> schema file
  local p=$1
  if [ -d "$p" ]; then
    if [ -f "$p/schema.zmodel" ]; then echo "$p/schema.zmodel"; else echo "$p/zmodel/schema.zmodel"; fi
  else
    echo "$p"
  fi
}

for item in "$CORPUS"/*; do
  name=$(basename "$item")
  case "$name" in README.md|SOURCES.tsv) continue ;; esac
  if [ -n "$ONLY" ] && [[ "$name" != *"$ONLY"* ]]; then continue; fi
  schema=$(entry_of "$item")
  [ -f "$schema" ] || continue
  provider=$(grep -m1 -E "^\s*provider\s*=\s*[\"'](sqlite|postgresql|postgres|mysql|sqlserver|cockroachdb|mongodb)[\"']" "$schema" \
    | sed -E "s/.*[\"']([a-z]+)[\"'].*/\1/" || true)
  [ "$provider" = postgres ] && provider=postgresql
  case "$provider" in sqlite|postgresql) ;; *) continue ;; esac
  out="$HERE/$name.$provider.sql"
  tmp=""
  case "$name" in
    langfuse__*)
      tmp=$(mktemp -d); cp "$schema" "$tmp/schema.prisma"
      python3 - "$tmp/schema.prisma" <<'PY'
import re, sys
p = sys.argv[1]; out = []; in_view = False
for line in open(p).read().split("\n"):
    if re.match(r"\s*view\s+\w+\s*\{", line): in_view = True
    elif in_view and line.strip() == "}": in_view = False
    if in_view: line = re.sub(r"\s@id\b", "", line)
    out.append(line)
open(p, "w").write("\n".join(out))
PY
      schema="$tmp/schema.prisma" ;;
    prisma__prisma-engines__multiple-schemas-valid.prisma)
      tmp=$(mktemp -d); sed 's/url *= *"dummy-url"/url = env("DATABASE_URL")/' "$schema" >"$tmp/schema.prisma"
      schema="$tmp/schema.prisma" ;;
    zenstackhq__zenstack__todo-sample.zmodel)
      tmp=$(mktemp -d)
      sed -e 's/ @password//' -e '/future()/d' "$schema" >"$tmp/schema.zmodel"
      schema="$tmp/schema.zmodel" ;;
    zenstackhq__sample-multiple-schema__multi)
      tmp=$(mktemp -d)
      grep -v 'zenstack_guard\|zenstack_transaction' "$item/prisma/schema.prisma" >"$tmp/schema.prisma"
      schema="$tmp/schema.prisma" ;;
  esac
  if "$REF" diff --from-empty --to-schema "$schema" >"$out.tmp" 2>"$out.err"; then
    mv "$out.tmp" "$out"; rm -f "$out.err"
    echo "$name: $(wc -l <"$out") lines ($provider)"
  else
    echo "$name: ref diff failed ($provider):" >&2; cat "$out.err" >&2; rm -f "$out.tmp" "$out.err"
  fi
  if [ -n "$tmp" ]; then rm -rf "$tmp"; fi
done
