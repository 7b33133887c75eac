#!/usr/bin/env bash
# Sync benchmark (issue 5 "Performance"): a real gamix-server over TLS (a self-signed
# certificate made here with openssl, trusted by the clients with --ca-cert), and
# bench_sync as the two clients:
#   - COUNT contacts created on client A (Store batches) reach client B: seconds
#   - one edit on A reaches B: milliseconds of the two sync calls (median of 5)
#   - a pull of an unchanged replica: requests and bytes
# Printed beside the PouchDB figures of the issue (pouchdb-server, same machine).
#
#   tests/bench/sync.sh [COUNT]                 (default 100,000)
#   BUILD=/path/to/release/build tests/bench/sync.sh 20000
#   BIN=/dir/with/gamix-server+bench_sync tests/bench/sync.sh   (saved binaries, no build)
set -euo pipefail

COUNT=${1:-100000}
SRC=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${BUILD:-$SRC/../build-sync2-rel}
if [[ -n ${BIN:-} ]]; then
    # Saved binaries (BIN=DIR holding gamix-server and bench_sync), e.g. a "before" build
    # run back to back with the current one.
    SERVER=$BIN/gamix-server
    BENCH=$BIN/bench_sync
else
    if [[ ! -f $BUILD/build.ninja ]]; then
        cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER_LAUNCHER=ccache \
            -DGAMIX_GUI_TESTS=OFF >/dev/null
    fi
    ninja -C "$BUILD" gamix-server bench_sync >/dev/null
    SERVER=$BUILD/app/server/gamix-server
    BENCH=$BUILD/tests/bench/bench_sync
fi
DIR=$(mktemp -d)
SERVER_PID=
cleanup() {
    [[ -n $SERVER_PID ]] && kill "$SERVER_PID" 2>/dev/null || true
    rm -rf "$DIR"
}
trap cleanup EXIT

openssl req -x509 -newkey rsa:2048 -nodes -keyout "$DIR/key.pem" -out "$DIR/cert.pem" -days 2 \
    -subj "/CN=127.0.0.1" -addext "subjectAltName=IP:127.0.0.1" 2>/dev/null
for user in anna boris; do
    printf 'bench-password\n' | "$SERVER" --data "$DIR/server.sqlite" user add "$user" --role sales --office Бенч >/dev/null
done
"$SERVER" --data "$DIR/server.sqlite" --listen 127.0.0.1:0 --tls-cert "$DIR/cert.pem" --tls-key "$DIR/key.pem" \
    >"$DIR/listen.txt" 2>"$DIR/server.log" &
SERVER_PID=$!
for _ in $(seq 100); do
    [[ -s $DIR/listen.txt ]] && break
    sleep 0.1
done
PORT=$(sed -n 's/^listening on .*:\([0-9]*\)$/\1/p' "$DIR/listen.txt")

echo "== sync: $COUNT contacts, gamix-server over TLS on 127.0.0.1:$PORT ($(nproc) cores)"
"$BENCH" --server "https://127.0.0.1:$PORT" --ca-cert "$DIR/cert.pem" --dir "$DIR" --count "$COUNT" \
    --login-a anna --login-b boris --password bench-password
# Where the time went on the server side (its own request latency counters), and the
# server's CPU time (user+sys; wall time swings with the neighbours on a shared machine).
read -r -a STAT < "/proc/$SERVER_PID/stat"
awk -v t=$((STAT[13] + STAT[14])) -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "server CPU: %.1f s (user+sys, whole run)\n", t / hz }'
curl -sk "https://127.0.0.1:$PORT/metrics" | grep -E '^gamix_request_seconds_(sum|count)\{path="/v1/(push|pull)"' || true
echo "pouchdb 100000 docs through pouchdb-server: ~90 s; one changed doc: ~53 ms (issue 5, same machine)"
echo "target  100000 contacts A -> B within 10 s; one edit within 50 ms; unchanged pull = one small request"
