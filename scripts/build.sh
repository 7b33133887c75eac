#!/usr/bin/env bash
# Configures and builds Gamix into BUILD_DIR (default: build) with the given CMake preset
# options; TARGETS limits what is built. Usage: scripts/build.sh [BUILD_DIR] [cmake args...]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$here/build}"
shift || true
launcher=()
if command -v ccache >/dev/null; then
    launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-RelWithDebInfo}" "${launcher[@]}" "$@" >/dev/null
targets=()
for t in ${TARGETS:-}; do
    targets+=(--target "$t")
done
cmake --build "$build" -j "$(nproc)" "${targets[@]}"
