#!/usr/bin/env bash
# Import and export benchmark, side by side in one run (issue 4):
#   reference import: iconv -f cp1251 -t utf-8 | sqlite3 .import into a table with the same
#                     columns, then an FTS5 external-content index over names, emails,
#                     phones and company built with INSERT INTO fts(fts) VALUES('rebuild')
#   Gamix import:     gamix-cli import contact FILE (every row through the Store's write
#                     path, dedupe, companies by name, committed and searchable at the end)
#   reference export: sqlite3 -csv of the reference table
#   Gamix export:     gamix-cli export contact FILE --profile data
# Peak RSS of each side from /usr/bin/time. Prints the ratios against the targets
# (import <= 1.2x, export <= 1.2x, RSS <= 200 MB).
#
#   tests/bench/import.sh [COUNT]            (default 1,000,000)
#   BUILD=/path/to/release/build BENCH_DIR=/tmp/b KEEP=1 tests/bench/import.sh 100000
#   GAMIX_CLI=/path/to/another/gamix-cli ...   (e.g. a copy built before a change, to compare
#                                               both against the same reference run)
set -euo pipefail

COUNT=${1:-1000000}
SRC=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${BUILD:-$SRC/../build-io-rel}
if [[ ! -x $BUILD/app/cli/gamix-cli ]]; then
    cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER_LAUNCHER=ccache >/dev/null
fi
ninja -C "$BUILD" gamix-cli bench_gen_contacts >/dev/null
CLI=${GAMIX_CLI:-$BUILD/app/cli/gamix-cli}
GEN=$BUILD/tests/bench/bench_gen_contacts
DIR=${BENCH_DIR:-$(mktemp -d)}
mkdir -p "$DIR"
[[ -n ${KEEP:-} ]] || trap 'rm -rf "$DIR"' EXIT
CSV=$DIR/contacts.csv

# run NAME COMMAND...: wall seconds, peak RSS (KB) and CPU seconds (user + sys, all
# processes of the command) into $NAME_s / $NAME_kb / $NAME_cpu. On a shared machine the
# CPU time is the fairer comparison; the targets are stated in wall time.
run() {
    local name=$1; shift
    /usr/bin/time -f "%e %M %U %S" -o "$DIR/$name.time" "$@"
    read -r secs kb user sys < "$DIR/$name.time"
    printf -v "${name}_s" '%s' "$secs"
    printf -v "${name}_kb" '%s' "$kb"
    printf -v "${name}_cpu" '%s' "$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')"
}

echo "generating $COUNT contacts (windows-1251, ';')..." >&2
run gen "$GEN" --count "$COUNT" --output "$CSV"
echo "  $(du -m "$CSV" | cut -f1) MB in ${gen_s}s" >&2

cat > "$DIR/ref.sql" <<'SQL'
CREATE TABLE contacts(last_name TEXT, first_name TEXT, middle_name TEXT, email TEXT, phone TEXT,
                      mobile TEXT, city TEXT, position TEXT, company TEXT, birthday TEXT, notes TEXT);
.mode csv
.separator ;
.import --skip 1 /dev/stdin contacts
CREATE VIRTUAL TABLE fts USING fts5(last_name, first_name, middle_name, email, phone, mobile, company,
                                    content='contacts', content_rowid='rowid');
INSERT INTO fts(fts) VALUES('rebuild');
SQL
rm -f "$DIR/ref.db" "$DIR/gamix.db"*
sync
echo "reference import..." >&2
run refimp bash -c "iconv -f cp1251 -t utf-8 '$CSV' | sqlite3 '$DIR/ref.db' '.read $DIR/ref.sql'"
sync
echo "gamix import..." >&2
"$CLI" --db "$DIR/gamix.db" init 2>/dev/null
run gamiximp bash -c "'$CLI' --db '$DIR/gamix.db' import contact '$CSV' > '$DIR/gamiximp.out'"
summary=$(tail -n1 "$DIR/gamiximp.out")
sync
echo "reference export..." >&2
run refexp bash -c "sqlite3 -csv '$DIR/ref.db' 'SELECT * FROM contacts' > '$DIR/ref-out.csv'"
echo "gamix export..." >&2
run gamixexp bash -c "'$CLI' --db '$DIR/gamix.db' export contact '$DIR/gamix-out.csv' --profile data > /dev/null"

refrows=$(sqlite3 "$DIR/ref.db" 'SELECT count(*) FROM contacts')
gamixrows=$(sqlite3 "$DIR/gamix.db" 'SELECT count(*) FROM contact')
hits=$("$CLI" --db "$DIR/gamix.db" search "$(sqlite3 "$DIR/gamix.db" 'SELECT last_name FROM contact ORDER BY rowid DESC LIMIT 1')" | wc -l)

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
mb() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
cat <<REPORT

contacts: $COUNT rows, $(du -m "$CSV" | cut -f1) MB windows-1251 ';'
rows stored: reference $refrows, gamix $gamixrows (duplicates by email/phone skipped: $summary)
search hits for the last row's name: $hits

                      seconds   CPU s    peak RSS
reference import   $(printf '%10s' "$refimp_s") $(printf '%7s' "$refimp_cpu")  $(printf '%7s' "$(mb "$refimp_kb")") MB   (iconv | sqlite3 .import + FTS5 rebuild)
gamix import       $(printf '%10s' "$gamiximp_s") $(printf '%7s' "$gamiximp_cpu")  $(printf '%7s' "$(mb "$gamiximp_kb")") MB   (committed and searchable)
reference export   $(printf '%10s' "$refexp_s") $(printf '%7s' "$refexp_cpu")  $(printf '%7s' "$(mb "$refexp_kb")") MB   (sqlite3 -csv)
gamix export       $(printf '%10s' "$gamixexp_s") $(printf '%7s' "$gamixexp_cpu")  $(printf '%7s' "$(mb "$gamixexp_kb")") MB   (Data profile)

import ratio  $(ratio "$gamiximp_s" "$refimp_s")x wall, $(ratio "$gamiximp_cpu" "$refimp_cpu")x CPU   (target <= 1.2x)
export ratio  $(ratio "$gamixexp_s" "$refexp_s")x wall, $(ratio "$gamixexp_cpu" "$refexp_cpu")x CPU   (target <= 1.2x)
peak RSS      import $(mb "$gamiximp_kb") MB, export $(mb "$gamixexp_kb") MB   (target <= 200 MB)
REPORT
