#!/usr/bin/env bash
# The workbook import benchmark (docs/performance.md, "Workbook import"): writes a workbook of
# N establishments (co_so) valid against the demo, and the same rows as a CSV file, then
# imports each into its own SQLite database holding the demo and measures wall seconds, rows
# per second and peak memory with /usr/bin/time -v.
#
#   bench/xlsx_import_benchmark.sh [--rows 100000] [--build build-bench]
#
# The build folder must be configured in Release with -DKHUYENCONG_BENCH=ON (the script does
# it when the folder does not exist). The machine may be shared: quote one run's figures
# together with the machine they come from.
set -euo pipefail
cd "$(dirname "$0")/.."

rows=100000
build=build-bench
while [ $# -gt 0 ]; do
  case "$1" in
    --rows) rows="$2"; shift 2 ;;
    --build) build="$2"; shift 2 ;;
    *) echo "usage: bench/xlsx_import_benchmark.sh [--rows 100000] [--build build-bench]" >&2; exit 2 ;;
  esac
done

if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DKHUYENCONG_TESTS=OFF -DKHUYENCONG_BENCH=ON >/dev/null
fi
make -C "$build" -j"$(nproc)" khuyencong gen_workbook >/dev/null
kc="$build/src/khuyencong"

work=$(mktemp -d /tmp/kc-xlsx-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
"$build/bench/gen_workbook" data/demo/co_so.csv "$rows" "$work/co_so.xlsx" "$work/csv" >/dev/null
echo "workbook: $(du -h "$work/co_so.xlsx" | cut -f1), csv: $(du -h "$work/csv/co_so.csv" | cut -f1), rows: $rows"

measure() {  # label, source
  local db="$work/$1.db"
  "$kc" --db "$db" import data/demo >/dev/null
  /usr/bin/time -v "$kc" --db "$db" import "$2" >"$work/$1.out" 2>"$work/$1.time"
  local wall rss
  wall=$(grep "Elapsed (wall clock)" "$work/$1.time" | awk '{print $NF}' | awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
  rss=$(grep "Maximum resident set size" "$work/$1.time" | awk '{print $NF}')
  awk -v l="$1" -v r="$rows" -v w="$wall" -v m="$rss" \
    'BEGIN { printf "%-9s %8d rows  %6.2f s  %9.0f rows/s  peak %6.1f MB\n", l, r, w, r / w, m / 1024 }'
}
measure xlsx "$work/co_so.xlsx"
measure csv "$work/csv"
