#!/usr/bin/env bash
# PostgreSQL import and migrate-db on the national dataset, in rows per second (issue 16, §4:
# COPY instead of one INSERT per row). Two binaries can be compared in the same run, on the same
# cluster, their runs interleaved (before, after, before, after…) so that the machine's load
# falls on both alike.
#   bench/pg_import_benchmark.sh [--scale 1.0] [--runs 1] [--before <khuyencong>] [--build <dir>]
# --before: a khuyencong binary to compare with (e.g. one built from the commit before the change);
# without it only the build's binary is measured. The build's binary is Release, built in
# build-bench/ unless --build names a build folder.
# Runs inside a throwaway PostgreSQL 15 cluster (scripts/with-postgres.sh) with fsync on, unless
# KC_TEST_POSTGRES already names a server. Each measurement starts from an empty database:
#   import     khuyencong --db <pg> import <dataset>                (rows: the dataset's rows)
#   migrate-db khuyencong migrate-db --from <sqlite> --to <pg>      (rows: the records copied; the
#              time includes the check of every table on both sides)
#   and back   khuyencong migrate-db --from <pg> --to <new sqlite>  (the build's binary only)
set -euo pipefail
cd "$(dirname "$0")/.."

scale=1.0
runs=1
before=""
build=""
args=("$@")
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) scale="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --before) before="$(realpath "$2")"; shift 2 ;;
    --build) build="$2"; shift 2 ;;
    *) echo "usage: bench/pg_import_benchmark.sh [--scale 1.0] [--runs 1] [--before <khuyencong>] [--build <dir>]" >&2; exit 2 ;;
  esac
done

if [ -z "${KC_TEST_POSTGRES:-}" ]; then
  KC_PG_OPTIONS="-c fsync=on ${KC_PG_OPTIONS:-}" exec scripts/with-postgres.sh "$0" "${args[@]}"
fi

if [ -z "$build" ]; then
  build=build-bench
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DKHUYENCONG_TESTS=OFF -DKHUYENCONG_BENCH=ON >/dev/null
fi
cmake --build "$build" -j"$(nproc)" --target khuyencong gen_national >/dev/null
after="$(realpath "$build/src/khuyencong")"

data=bench/data/national
[ "$scale" = "1.0" ] || [ "$scale" = "1" ] || data="bench/data/national-$scale"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

"$build/bench/gen_national" "$data" --scale "$scale" > "$tmp/rows.tsv"
rows=$(awk '$1 == "total" {print $2}' "$tmp/rows.tsv")
pg_url="${KC_TEST_POSTGRES%/*}/kc_bench"
psql_admin() { PGOPTIONS="-c client_min_messages=warning" psql -q -X "$KC_TEST_POSTGRES" "$@"; }
reset_postgres() {
  psql_admin -c "DROP DATABASE IF EXISTS kc_bench WITH (FORCE)" \
    -c "CREATE DATABASE kc_bench ENCODING 'UTF8' TEMPLATE template0" >/dev/null
}

echo "máy / machine: $(nproc) CPU, $(lscpu | sed -n 's/^Model name: *//p'), $(free -m | awk '/^Mem:/ {print $2 " MB RAM"}')"
echo "ngày / date:   $(date -u '+%Y-%m-%d %H:%M UTC'); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "PostgreSQL $(psql -X -At "$KC_TEST_POSTGRES" -c 'SHOW server_version'), fsync $(psql -X -At "$KC_TEST_POSTGRES" -c 'SHOW fsync'), shared_buffers $(psql -X -At "$KC_TEST_POSTGRES" -c 'SHOW shared_buffers'), TCP on 127.0.0.1"
echo "dataset: $data (scale $scale), $rows rows"


# timed <label> <what> <rows or "copied"> <command…>: wall seconds and rows/s of one command.
timed() {
  local label="$1" what="$2" count="$3"; shift 3
  local start end
  start=$(date +%s.%N)
  if ! "$@" > "$tmp/out.txt" 2> "$tmp/err.txt"; then
    echo "$label $what failed:" >&2
    cat "$tmp/out.txt" "$tmp/err.txt" >&2
    exit 1
  fi
  end=$(date +%s.%N)
  # migrate-db prints "Đã sao chép 1.717.150 bản ghi …": the records it copied.
  [ "$count" = copied ] && count=$(sed -n 's/^Đã sao chép \([0-9.]*\) bản ghi.*/\1/p' "$tmp/out.txt" | tr -d .)
  if [ "${what%% *}" = import ]; then
    local imported
    imported=$(grep -o '[0-9]\+' "$tmp/out.txt" | head -1 || true)
    [ "$imported" = "$rows" ] || { echo "$label import wrote '$imported' rows, the dataset has $rows" >&2; exit 1; }
  fi
  awk -v label="$label" -v what="$what" -v rows="$count" -v s="$start" -v e="$end" -v load="$(cut -d' ' -f1 /proc/loadavg)" \
    'BEGIN {w = e - s; printf "%-7s %-26s %9d rows %8.2f s %9.0f rows/s  (load %s)\n", label, what, rows, w, rows / w, load}' |
    tee -a "$tmp/results.txt"
}

measure() {
  local label="$1" kc="$2"
  reset_postgres
  timed "$label" import "$rows" "$kc" --db "$pg_url" --quiet import "$data"
  reset_postgres
  timed "$label" "migrate-db to PG" copied "$kc" --quiet migrate-db --from "$tmp/source.db" --to "$pg_url"
}

echo
# The SQLite source of migrate-db, imported by the build's binary: also the reference, SQLite's
# import under the same load.
timed after "import SQLite (reference)" "$rows" "$after" --db "$tmp/source.db" --quiet import "$data"
for run in $(seq 1 "$runs"); do
  [ -n "$before" ] && measure before "$before"
  measure after "$after"
done
rm -f "$tmp/back.db"
timed after "migrate-db PG to SQLite" copied "$after" --quiet migrate-db --from "$pg_url" --to "$tmp/back.db"
echo "PostgreSQL database after migrate-db: $(psql -X -At "$pg_url" -c "SELECT pg_size_pretty(pg_database_size('kc_bench'))")"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"

if [ -n "$before" ]; then
  echo
  echo "after / before (rows/s, medians of $runs run(s)):"
  for what in import "migrate-db to PG"; do
    awk -v what="$what" '
      substr($0, 9, 26) ~ "^" what " *$" { r[$1] = r[$1] " " $(NF - 3) }
      function median(s,   a, n, i, j, t) { n = split(s, a, " "); for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
        return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
      END { b = median(r["before"]); a = median(r["after"]); printf "  %-18s before %9.0f rows/s  after %9.0f rows/s  × %.1f\n", what, b, a, a / b }' \
      "$tmp/results.txt"
  done
fi
