#!/usr/bin/env bash
# Runs every zen test: installs dependencies, builds, starts a private PostgreSQL server
# and runs the whole CTest suite (grammar corpus, analyzer, migration engine on SQLite and
# PostgreSQL, CLI end to end). Exits non-zero when any test fails.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build
if [ -z "${ZEN_TEST_POSTGRES_URL:-}" ]; then
  ZEN_TEST_POSTGRES_URL="$(scripts/pg.sh start)"
  export ZEN_TEST_POSTGRES_URL
fi
# The real-world schemas: the shared corpus when present beside the checkout, else the copy in tests/data.
if [ -z "${ZEN_CORPUS_DIR:-}" ] && [ -d ../shared/corpus ]; then
  ZEN_CORPUS_DIR="$(cd ../shared/corpus && pwd)"
  export ZEN_CORPUS_DIR
fi
cd build && ctest --output-on-failure --timeout 1800 "$@"
