#!/usr/bin/env bash
# Quick start: installs what is missing, builds, and starts the Gamix desktop app. Without
# --db it opens the per-user database, filled with realistic demo data when it is empty.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
"$here/scripts/deps.sh"
"$here/scripts/build.sh" "$here/build" -DGAMIX_GUI_TESTS=OFF
args=("$@")
if [ ${#args[@]} -eq 0 ]; then
    args=(--demo-if-empty)
fi
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "No display found; starting Gamix under Xvfb (xvfb-run)." >&2
    exec xvfb-run -a "$here/build/app/desktop/gamix" "${args[@]}"
fi
exec "$here/build/app/desktop/gamix" "${args[@]}"
