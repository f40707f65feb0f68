#!/usr/bin/env bash
# `migrate diff --from-empty --to-schema S` timed for zen and for Prisma's engine, side by side,
# on the largest migratable corpus schema (cal-com, PostgreSQL) and on generated schemas of
# 1,000 and 5,000 models. Prints one row per schema with both times and the ratio.
#
#   bench/migrate_diff_vs_prisma.sh [BUILD_DIR] [REPEAT]
#
# zen: bench_migrate_diff (read + analyse + lower + diff + render, in-process; first call and
# warm median). Prisma: ../shared/tools/prisma-reference `ref diff --time --repeat N`:
# engine diff call (first and warm median) and, separately, ZenStack's ZModel->Prisma
# conversion that Prisma's route needs first (convert_ms). The reference needs its PostgreSQL
# server (`pg.sh start`), which this script starts when it is not running.
set -euo pipefail

ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
BUILD="${1:-$ROOT/build}"
REPEAT="${2:-5}"
REF_DIR="${REF_DIR:-$ROOT/../shared/tools/prisma-reference}"
[ -d "$REF_DIR" ] || REF_DIR=/work/shared/tools/prisma-reference
CORPUS="${CORPUS:-$ROOT/../shared/corpus}"
[ -d "$CORPUS" ] || CORPUS=/work/shared/corpus

cmake --build "$BUILD" --target bench_migrate_diff bench_gen_schema -j 2 >/dev/null
"$REF_DIR/pg.sh" status >/dev/null 2>&1 || "$REF_DIR/pg.sh" start >/dev/null

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
"$BUILD/bench/bench_gen_schema" --models 1000 --provider postgresql -o "$TMP/gen_1000.zmodel"
"$BUILD/bench/bench_gen_schema" --models 5000 --provider postgresql -o "$TMP/gen_5000.zmodel"

json() {  # json KEY LINE -> number
  python3 -c 'import json,sys; print(json.loads(sys.argv[2].split(" ",1)[1]).get(sys.argv[1], 0))' "$1" "$2"
}

printf '%-28s %7s | %10s %10s | %10s %10s %11s | %8s %8s %9s\n' schema tables zen_first zen_warm \
  prisma_1st prisma_warm zs_convert ratio_1st ratio_wm ratio_e2e
for s in "$CORPUS/zenstackhq__zenstack__cal-com.zmodel" "$TMP/gen_1000.zmodel" "$TMP/gen_5000.zmodel"; do
  name="$(basename "$s" .zmodel)"
  zline="$("$BUILD/bench/bench_migrate_diff" "$s" --repeat "$REPEAT" | grep '^zen-time')"
  rrep="$REPEAT"
  # Prisma's engine on 5,000 models takes seconds per call: fewer repeats there.
  case "$name" in gen_5000) rrep=2 ;; esac
  rline="$( (cd "$REF_DIR" && ./ref diff --from-empty --to-schema "$s" --time --repeat "$rrep" 2>&1 >/dev/null) | grep '^ref-time')"
  zf=$(json first_ms "$zline"); zw=$(json warm_median_ms "$zline"); tables=$(json tables "$zline")
  pf=$(json first_ms "$rline"); pw=$(json warm_median_ms "$rline"); pc=$(json convert_ms "$rline")
  python3 - "$name" "$tables" "$zf" "$zw" "$pf" "$pw" "$pc" <<'PY'
import sys
name, tables, zf, zw, pf, pw, pc = sys.argv[1], sys.argv[2], *map(float, sys.argv[3:])
print(f"{name[:28]:<28} {tables:>7} | {zf:9.1f}ms {zw:9.1f}ms | {pf:9.1f}ms {pw:9.1f}ms {pc:10.1f}ms |"
      f" {pf/zf:7.1f}x {pw/zw:7.1f}x {(pc+pf)/zf:8.1f}x")
PY
done
echo "ratio_1st: first engine call / zen first run; ratio_wm: warm medians;"
echo "ratio_e2e: (ZenStack conversion + first engine call) / zen first run, i.e. ZModel in, SQL out."
