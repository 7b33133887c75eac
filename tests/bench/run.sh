#!/usr/bin/env bash
# Builds the benchmarks in Release in a separate build directory and runs them.
# Usage: tests/bench/run.sh [--count N] [other bench_store options]
#   BUILD_DIR  build directory (default: <repo>/build-bench)
#   BENCH_DIR  where the CSV and databases go (default: a temporary directory)
#   PHONE_COUNT  iterations of bench_phone (default 1000000; 0 skips it)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
build="${BUILD_DIR:-$repo/build-bench}"

command -v sqlite3 >/dev/null || { echo "run.sh: the sqlite3 shell is needed (apt-get install sqlite3)" >&2; exit 1; }

cmake -S "$repo" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
      -DCMAKE_CXX_COMPILER_LAUNCHER=ccache >/dev/null
ninja -C "$build" bench_store bench_phone >/dev/null

args=("$@")
if [[ -n "${BENCH_DIR:-}" ]]; then
    args+=(--dir "$BENCH_DIR")
fi

echo "== store: bulk insert vs sqlite3 .import, index catch-up, search (Release) =="
"$build/tests/bench/bench_store" "${args[@]}"

if [[ "${PHONE_COUNT:-1000000}" != 0 ]]; then
    echo
    echo "== phone normalisation =="
    "$build/tests/bench/bench_phone" "${PHONE_COUNT:-1000000}"
fi
