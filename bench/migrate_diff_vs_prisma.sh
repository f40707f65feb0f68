#!/usr/bin/env bash
# `migrate diff --from-empty --to-schema S` timed for zen and for Prisma's engine, side by side,
# on the largest migratable corpus schema (cal-com, PostgreSQL) and on generated schemas of
# 1,000 and 5,000 models (MODELS). Prints one row per schema with both times and the ratios.
#
#   bench/migrate_diff_vs_prisma.sh [BUILD_DIR] [REPEAT]
#
# REPEAT (default 5) calls of Prisma's engine per schema (2 on 5,000 models, where one call takes
# seconds); zen's calls take milliseconds, so it runs ZEN_REPEAT (default 20; 10 on 5,000 models)
# for a steadier median of the same warm call.
#
# zen: bench_migrate_diff (the migrate diff command in-process: read + analyse + lower + diff +
# render; first call and warm median), wall time as for Prisma.
# First calls, for both tools, are the median over three processes (the first call of each):
# a first call touches fresh memory, and on a virtual machine what that costs depends on what
# the host did with the machine's free memory meanwhile (up to 3x apart from one process to
# the next here). Each tool's first process follows the same idle pause (IDLE, default 3 s: the
# memory freed before it may have been handed back to the host), the other two follow it
# directly; the three values are printed after the table. On large schemas zen uses a
# second core (lowering and half of the validation rules run beside the other half of the
# rules); the cpu columns give zen's CPU time over all its threads, for comparison with a
# single-threaded engine. zen_cli: the whole `zen migrate diff --from-empty --to-schema S
# --script -o FILE` process (start-up, reading, writing the script), median of 3, wall time. Prisma: ../shared/tools/prisma-reference `ref diff --time --repeat N` on the
# Prisma schema ZenStack generates from the .zmodel: engine diff call (first and warm median).
# After the table: the first calls of the three processes of each tool and the ratio of the
# two first ones; the whole processes (zen's CLI against the harness's `ref diff` process:
# Node.js start, engine set-up, the call); and what touching fresh memory costs at that moment
# (bench_fresh_memory, after the pause and straight after another process freed as much).
#
# ZenStack's ZModel->Prisma conversion, which Prisma's route needs first, is slow (seconds for
# 1,000 models, minutes for 5,000) and does not change between runs, so it is done once per
# distinct .zmodel and cached in ${ZEN_BENCH_CACHE:-~/.cache/zen-bench}: `<sha256>.prisma`
# beside `<sha256>.convert_ms` (its measured conversion time, reported in the zs_convert
# column). ZEN_BENCH_SEED=DIR seeds the cache from conversions made elsewhere: DIR holds
# NAME.zmodel + NAME.prisma pairs and a convert.log of "NAME convert_ms N" lines; a pair is used
# only for a .zmodel byte-identical to one benchmarked here.
# The reference needs its PostgreSQL server (`pg.sh start`), which this script starts when it is
# not running. MODELS="1000 5000" (the default) picks the generated sizes.
set -euo pipefail

ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
BUILD="${1:-$ROOT/build}"
REPEAT="${2:-5}"
REF_DIR="${REF_DIR:-$ROOT/../shared/tools/prisma-reference}"
[ -d "$REF_DIR" ] || REF_DIR=/work/shared/tools/prisma-reference
CORPUS="${CORPUS:-$ROOT/../shared/corpus}"
[ -d "$CORPUS" ] || CORPUS=/work/shared/corpus
CACHE="${ZEN_BENCH_CACHE:-$HOME/.cache/zen-bench}"
mkdir -p "$CACHE"

cmake --build "$BUILD" --target zen bench_migrate_diff bench_gen_schema bench_fresh_memory -j 2 >/dev/null
"$REF_DIR/pg.sh" status >/dev/null 2>&1 || "$REF_DIR/pg.sh" start >/dev/null

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
schemas=("$CORPUS/zenstackhq__zenstack__cal-com.zmodel")
for n in ${MODELS:-1000 5000}; do
  "$BUILD/bench/bench_gen_schema" --models "$n" --provider postgresql -o "$TMP/gen_$n.zmodel" >/dev/null 2>&1
  schemas+=("$TMP/gen_$n.zmodel")
done

json() {  # json KEY LINE -> number
  python3 -c 'import json,sys; print(json.loads(sys.argv[2].split(" ",1)[1]).get(sys.argv[1], 0))' "$1" "$2"
}

# seed_from ZMODEL KEY: copies a matching conversion from $ZEN_BENCH_SEED into the cache.
seed_from() {
  local zmodel="$1" key="$2" seed="${ZEN_BENCH_SEED:-}" z name ms
  [ -n "$seed" ] && [ -d "$seed" ] || return 1
  for z in "$seed"/*.zmodel; do
    [ -f "$z" ] || continue
    name="$(basename "$z" .zmodel)"
    [ -f "$seed/$name.prisma" ] && cmp -s "$z" "$zmodel" || continue
    ms="$(awk -v n="$name" '$1 == n && $2 == "convert_ms" { print $3 }' "$seed/convert.log" 2>/dev/null | tail -1)"
    [ -n "$ms" ] || continue
    cp "$seed/$name.prisma" "$CACHE/$key.prisma.tmp" && mv "$CACHE/$key.prisma.tmp" "$CACHE/$key.prisma"
    echo "$ms" >"$CACHE/$key.convert_ms"
    echo "seeded the conversion of $(basename "$zmodel") from $seed/$name.prisma" >&2
    return 0
  done
  return 1
}

# cached_prisma ZMODEL: prints the path of the cached Prisma schema, converting on a miss.
cached_prisma() {
  local zmodel="$1" key line
  key="$(sha256sum "$zmodel" | cut -c1-64)"
  if [ ! -f "$CACHE/$key.prisma" ] || [ ! -f "$CACHE/$key.convert_ms" ]; then
    if ! seed_from "$zmodel" "$key"; then
      echo "converting $(basename "$zmodel") to a Prisma schema (once; cached in $CACHE)..." >&2
      line="$( (cd "$REF_DIR" && ./ref prisma-schema "$zmodel" --output "$CACHE/$key.prisma.tmp" --time 2>&1 >/dev/null) |
        grep '^ref-time')"
      mv "$CACHE/$key.prisma.tmp" "$CACHE/$key.prisma"
      json convert_ms "$line" >"$CACHE/$key.convert_ms"
    fi
  fi
  echo "$CACHE/$key.prisma"
}

printf '%-28s %7s | %10s %10s %10s | %10s %10s | %10s %10s %11s | %8s %8s %8s %9s\n' schema tables zen_first zen_warm \
  zen_cli cpu_first cpu_warm prisma_1st prisma_warm zs_convert ratio_1st ratio_wm ratio_cli ratio_e2e
firsts=()
procs=()
for s in "${schemas[@]}"; do
  name="$(basename "$s" .zmodel)"
  prisma="$(cached_prisma "$s")"
  pc="$(cat "${prisma%.prisma}.convert_ms")"
  rrep="$REPEAT"
  zrep="${ZEN_REPEAT:-20}"
  # Prisma's engine on 5,000 models takes seconds per call: fewer repeats there.
  case "$name" in gen_5000) rrep=2; zrep="${ZEN_REPEAT:-10}" ;; esac
  # Each tool's first process starts after the same idle pause (IDLE seconds), in which the
  # host may take back the memory freed before it; the next two follow straight on.
  sleep "${IDLE:-3}"
  zline="$("$BUILD/bench/bench_migrate_diff" "$s" --repeat "$zrep" | grep '^zen-time')"
  zfirsts=("$(json first_ms "$zline")")
  for _ in 2 3; do
    zfirsts+=("$(json first_ms "$("$BUILD/bench/bench_migrate_diff" "$s" --repeat 1 | grep '^zen-time')")")
  done
  cline="$("$BUILD/bench/bench_migrate_diff" "$s" --repeat "$zrep" --cpu | grep '^zen-time')"
  sleep "${IDLE:-3}"
  rline="$( (cd "$REF_DIR" && ./ref diff --from-empty --to-schema "$prisma" --time --repeat "$rrep" 2>&1 >/dev/null) |
    grep '^ref-time')"
  pfirsts=("$(json first_ms "$rline")")
  prisma_proc=()
  for _ in 2 3; do
    # One call: its time is the only entry of engine_calls ("diff=MS"). The whole process
    # (Node.js, the engine's start, the call) is timed too, for the process-to-process ratio.
    out="$( { TIMEFORMAT='proc %3R'; time (cd "$REF_DIR" && ./ref diff --from-empty --to-schema "$prisma" --time 2>&1 >/dev/null); } 2>&1 )"
    one="$(grep '^ref-time' <<<"$out")"
    prisma_proc+=("$(awk '/^proc /{print $2 * 1000}' <<<"$out")")
    pfirsts+=("$(python3 -c 'import json,sys; print(json.loads(sys.argv[1].split(" ",1)[1])["engine_calls"].split("=")[1])' "$one")")
  done
  median3() { printf '%s\n' "$@" | sort -g | sed -n 2p; }
  zf=$(median3 "${zfirsts[@]}"); zw=$(json warm_median_ms "$zline"); tables=$(json tables "$zline")
  cf=$(json first_ms "$cline"); cw=$(json warm_median_ms "$cline")
  # The CLI process, three times; the median. Timed by bash's own `time` (no clock process
  # started around it, whose start-up would be counted too).
  cli_ms=()
  for _ in 1 2 3; do
    secs="$( { TIMEFORMAT=%3R; time "$BUILD/zen" migrate diff --from-empty --to-schema "$s" --script \
      -o "$TMP/out.sql" >/dev/null 2>&1; } 2>&1 )"
    cli_ms+=("$secs")
  done
  zc=$(printf '%s\n' "${cli_ms[@]}" | sort -n | sed -n 2p)
  zc=$(python3 -c "print($zc * 1000)")
  pf=$(median3 "${pfirsts[@]}"); pw=$(json warm_median_ms "$rline")
  cold="$(python3 -c "import sys; print(f'{float(sys.argv[1]) / float(sys.argv[2]):.1f}')" "${pfirsts[0]}" "${zfirsts[0]}")"
  firsts+=("$name: zen ${zfirsts[*]} ms; Prisma ${pfirsts[*]} ms; ratio of the first processes (after the pause) ${cold}x")
  pp=$(printf '%s\n' "${prisma_proc[@]}" | sort -g | head -1)
  procs+=("$name: zen CLI ${zc} ms (median of 3); Prisma's ref diff ${pp} ms (the faster of 2): $(python3 -c "import sys; print(f'{float(sys.argv[1]) / float(sys.argv[2]):.1f}')" "$pp" "$zc")x")
  python3 - "$name" "$tables" "$zf" "$zw" "$zc" "$cf" "$cw" "$pf" "$pw" "$pc" <<'PY'
import sys
name, tables, zf, zw, zc, cf, cw, pf, pw, pc = sys.argv[1], sys.argv[2], *map(float, sys.argv[3:])
print(f"{name[:28]:<28} {tables:>7} | {zf:9.1f}ms {zw:9.1f}ms {zc:9.1f}ms | {cf:9.1f}ms {cw:9.1f}ms | {pf:9.1f}ms {pw:9.1f}ms {pc:10.1f}ms |"
      f" {pf/zf:7.1f}x {pw/zw:7.1f}x {pf/zc:7.1f}x {(pc+pf)/zf:8.1f}x")
PY
done
echo "first calls (three processes each, in order; the table gives their median):"
printf '  %s\n' "${firsts[@]}"
echo "whole processes, schema file in, SQL out (Prisma's from the Prisma schema ZenStack generated):"
printf '  %s\n' "${procs[@]}"
# What fresh memory costs here, after the same pause and straight after a process freed as much.
sleep "${IDLE:-3}"
after_pause=$(json ms_per_mib "$("$BUILD/bench/bench_fresh_memory" 100)")
straight_after=$(json ms_per_mib "$("$BUILD/bench/bench_fresh_memory" 100)")
echo "fresh memory on this machine (bench_fresh_memory 100): ${after_pause} ms/MiB after the pause, ${straight_after} ms/MiB straight after another process freed 100 MiB"
echo "zen_*: wall time; cpu_*: zen's CPU time, all threads (the ratios use wall time, as Prisma's figures are)."
echo "ratio_1st: first engine call / zen first run; ratio_wm: warm medians;"
echo "ratio_cli: first engine call (in its process, after engine start) / the whole zen CLI process;"
echo "ratio_e2e: (ZenStack conversion + first engine call) / zen first run, i.e. ZModel in, SQL out."
echo "zs_convert: ZenStack's ZModel->Prisma conversion, measured once and cached in $CACHE."
