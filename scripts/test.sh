#!/usr/bin/env bash
# The whole test suite: installs what is missing, checks formatting, builds with warnings
# as errors, runs every test (unit, db, ui, integration; a real D-Bus + gnome-keyring, a
# real X server via Xvfb, PostgreSQL started by the tests themselves), then the unit tests
# again under AddressSanitizer + UndefinedBehaviorSanitizer, and the CSV fuzzer briefly.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
start=$(date +%s)
"$here/scripts/deps.sh"

echo "== format check (clang-format)"
mapfile -t sources < <(git ls-files '*.cpp' '*.h' 2>/dev/null || find app core ui tests translations -name '*.cpp' -o -name '*.h')
clang-format --dry-run --Werror "${sources[@]}"

echo "== build (warnings are errors)"
BUILD_TYPE=Debug "$here/scripts/build.sh" "$here/build-ci" -DGAMIX_WERROR=ON

echo "== tests"
# gnome-keyring needs a non-empty password to unlock a fresh keyring (see README).
run_ctest() {
    local dir="$1"; shift
    dbus-run-session -- sh -c 'eval "$(printf gamix-test | gnome-keyring-daemon --unlock --components=secrets)"; export GNOME_KEYRING_CONTROL SSH_AUTH_SOCK; exec xvfb-run -a ctest --test-dir "$0" --output-on-failure --timeout 600 -j2 "$@"' "$dir" "$@"
}
run_ctest "$here/build-ci"

echo "== unit tests under ASan + UBSan"
# Only gamix_core and the unit tests: the sanitizer build is the slowest part of CI.
unit_tests=$(ctest --test-dir "$here/build-ci" -N -L unit | sed -n 's/^ *Test *#[0-9]*: \(.*\)$/\1/p' | tr '\n' ' ')
TARGETS="$unit_tests" BUILD_TYPE=Debug "$here/scripts/build.sh" "$here/build-asan" -DGAMIX_WERROR=ON -DGAMIX_SANITIZE=ON -DGAMIX_GUI_TESTS=OFF
ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=print_stacktrace=1 run_ctest "$here/build-asan" -L unit

if command -v clang++ >/dev/null && [ -d "$here/tests/fuzz" ]; then
    # The CSV reader (files users import) and the server's push-body reader (network input).
    CXX=clang++ TARGETS="fuzz_csv_reader fuzz_changeset_reader" BUILD_TYPE=Debug "$here/scripts/build.sh" "$here/build-fuzz" -DGAMIX_FUZZ=ON -DGAMIX_GUI_TESTS=OFF
    for target in csv_reader:csv:30 changeset_reader:push:20; do
        IFS=: read -r name seeds seconds <<<"$target"
        echo "== fuzz $name ($seconds s)"
        fuzzer=$(find "$here/build-fuzz" -name "fuzz_$name" -type f -perm -u+x | head -n1)
        [ -n "$fuzzer" ] || { echo "fuzz_$name was not built"; exit 1; }
        corpus="$(mktemp -d)"
        cp "$here"/tests/data/"$seeds"/* "$corpus"/ 2>/dev/null || true
        "$fuzzer" -max_total_time="$seconds" -max_len=4096 -rss_limit_mb=2048 "$corpus"
        rm -rf "$corpus"
    done
fi

echo "== all tests passed in $(( $(date +%s) - start )) s"
