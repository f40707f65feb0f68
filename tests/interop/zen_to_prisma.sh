#!/usr/bin/env bash
# Interoperation, zen -> Prisma: a migration history created and applied by `zen migrate dev`
# must be reported up to date by Prisma's own engine (`ref status`), a fresh database deployed
# by `zen migrate deploy` likewise, and Prisma must find nothing left to migrate
# (`ref diff --from-migrations ... --to-schema ... --exit-code` = 0).
#
#   tests/interop/zen_to_prisma.sh [ZEN_BINARY]
#
# Needs the Prisma reference harness (../shared/tools/prisma-reference, set up with its
# setup.sh); skips cleanly (exit 0, "skipped: ...") when it is absent. PostgreSQL runs when
# ZEN_TEST_POSTGRES_URL is set (a server zen may create databases on).
set -uo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
zen="$(realpath "${1:-$root/build/zen}")"
ref="${ZEN_PRISMA_REF:-$root/../shared/tools/prisma-reference/ref}"
samples="$(dirname "$ref")/samples"
if [ ! -x "$ref" ] || ! "$ref" versions >/dev/null 2>&1; then
  echo "skipped: the Prisma reference harness is not available at $ref (run its setup.sh)"
  exit 0
fi
if [ ! -x "$zen" ]; then
  echo "error: zen binary not found at $zen; build it or pass its path" >&2
  exit 1
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
check() {  # check NAME COMMAND...
  local name="$1"; shift
  if out="$("$@" 2>&1)"; then
    echo "ok: $name"; passed=$((passed + 1))
  else
    echo "FAIL: $name"; echo "$out" | tail -n 15 | sed 's/^/    /'; failed=$((failed + 1))
  fi
}
up_to_date() {  # up_to_date DIR URL: Prisma's status says up to date and exits 0
  local out
  out="$(cd "$1" && "$ref" status --schema schema.zmodel --migrations migrations --url "$2" 2>&1)" || { echo "$out"; return 1; }
  echo "$out" | grep -q "Database schema is up to date!" || { echo "$out"; return 1; }
}
no_diff() {  # no_diff DIR URL-FOR-SHADOW PROVIDER: Prisma sees nothing to migrate from zen's history
  (cd "$1" && "$ref" diff --from-migrations migrations --to-schema schema.zmodel --provider "$3" --url "$2" --exit-code >/dev/null 2>&1)
}
run_provider() {  # run_provider PROVIDER DEV_URL PROD_URL SHADOW_URL SCHEMA_V1 SCHEMA_V2
  local p="$1" dev="$2" prod="$3" shadow="$4" v1="$5" v2="$6" d="$work/$1"
  mkdir -p "$d/dev" "$d/prod"
  cp "$v1" "$d/dev/schema.zmodel"
  if ! (cd "$d/dev" && DATABASE_URL="$dev" "$zen" migrate dev --name init --url "$dev" >"$d/dev1.log" 2>&1); then
    if grep -q "only, not" "$d/dev1.log"; then echo "skipped: $p (zen has no $p dialect yet)"; return; fi
    echo "FAIL: $p zen migrate dev (init)"; sed 's/^/    /' "$d/dev1.log"; failed=$((failed + 1)); return
  fi
  sleep 1
  cp "$v2" "$d/dev/schema.zmodel"
  check "$p: zen migrate dev (v2)" bash -c "cd '$d/dev' && '$zen' migrate dev --name v2 --url '$dev' --accept-data-loss"
  check "$p: Prisma reports zen's dev database up to date" up_to_date "$d/dev" "$dev"
  check "$p: Prisma finds zen's migrations equal to the schema" no_diff "$d/dev" "$shadow" "$p"
  cp -r "$d/dev/migrations" "$d/dev/schema.zmodel" "$d/prod/"
  check "$p: zen migrate deploy on a fresh database" bash -c "cd '$d/prod' && '$zen' migrate deploy --url '$prod'"
  check "$p: Prisma reports zen's deployed database up to date" up_to_date "$d/prod" "$prod"
}

run_provider sqlite "file:$work/sqlite-dev.db" "file:$work/sqlite-prod.db" "file::memory:" \
  "$samples/rich.zmodel" "$samples/rich_v2.zmodel"

if [ -n "${ZEN_TEST_POSTGRES_URL:-}" ]; then
  base="${ZEN_TEST_POSTGRES_URL%/*}"
  suffix="$$_$RANDOM"
  for db in dev prod; do psql "$ZEN_TEST_POSTGRES_URL" -qc "CREATE DATABASE zen_interop_${db}_$suffix" >/dev/null; done
  run_provider postgresql "$base/zen_interop_dev_$suffix" "$base/zen_interop_prod_$suffix" "$ZEN_TEST_POSTGRES_URL" \
    "$samples/rich.pg.zmodel" "$samples/rich_v2.pg.zmodel"
  for db in dev prod; do psql "$ZEN_TEST_POSTGRES_URL" -qc "DROP DATABASE IF EXISTS zen_interop_${db}_$suffix WITH (FORCE)" >/dev/null 2>&1; done
else
  echo "skipped: postgresql (ZEN_TEST_POSTGRES_URL is not set)"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
