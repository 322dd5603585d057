#!/usr/bin/env bash
# Benchmarks the annual and six-month reports of one province of the national-scale dataset as
# the documents users download (DOCX and PDF): the model and each rendering alone (bench_report
# --annual, the Dataset loaded once), then the CLI end to end under /usr/bin/time -v (open, load
# the Dataset, compute, render, write), wall seconds and peak RSS. See docs/performance.md,
# "Annual report as DOCX and PDF".
#
#   bench/bench_annual_report.sh [--build <dir>] [--db <file>] [--data <bundle dir>] [--plan KH01-2020]
#
# --build: a build folder with `khuyencong` and `gen_national` built (default: build-bench/,
# configured and built here in Release). --db: the SQLite database (imported from --data when the
# file does not exist yet; --data defaults to bench/data/national, generated here by gen_national
# when absent). The machine may be shared: quote one run's figures with the load average.
set -euo pipefail
cd "$(dirname "$0")/.."

build=""
db=/tmp/khuyencong-bench-annual.db
data=bench/data/national
plan=KH01-2020
while [ $# -gt 0 ]; do
  case "$1" in
    --build) build="$2"; shift 2 ;;
    --db) db="$2"; shift 2 ;;
    --data) data="$2"; shift 2 ;;
    --plan) plan="$2"; shift 2 ;;
    *) echo "usage: bench/bench_annual_report.sh [--build <dir>] [--db <file>] [--data <dir>] [--plan <code>]" >&2; exit 2 ;;
  esac
done

[ -x /usr/bin/time ] || { echo "GNU time (/usr/bin/time, Debian package \"time\") is needed for peak memory" >&2; exit 1; }
if [ -z "$build" ]; then
  build=build-bench
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DKHUYENCONG_TESTS=OFF -DKHUYENCONG_BENCH=ON >/dev/null
fi
cmake --build "$build" -j"$(nproc)" --target khuyencong gen_national bench_report >/dev/null
kc="$build/src/khuyencong"

if [ ! -f "$db" ]; then
  if [ ! -d "$data" ]; then
    mkdir -p "$data"
    "$build/bench/gen_national" "$data" >/dev/null
  fi
  "$kc" --db "$db" import "$data" >/dev/null
fi
year="${plan##*-}"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "machine: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u '+%Y-%m-%d %H:%M UTC')"
# The model and the rendering alone, the Dataset loaded once (bench_report --annual).
"$build/bench/bench_report" "$db" --annual "$plan" "$year" --repeat 5 | grep -E "report model|render (nam|sau_thang)|peak RSS"
for kind in annual six-month; do
  for ext in docx pdf; do
    /usr/bin/time -v "$kc" --db "$db" report "$kind" --year "$year" --plan "$plan" -o "$tmp/report.$ext" >/dev/null 2>"$tmp/time.txt"
    pages=""
    if [ "$ext" = pdf ] && command -v pdfinfo >/dev/null; then
      pages=", $(pdfinfo "$tmp/report.$ext" | awk '/^Pages:/ {print $2}') pages"
    fi
    awk -F': ' -v kind="$kind" -v plan="$plan" -v ext="$ext" -v size="$(stat -c %s "$tmp/report.$ext")" -v pages="$pages" '
      /Elapsed \(wall clock\)/ {wall=$2} /Maximum resident set size/ {rss=$2}
      END {printf "CLI report %s --plan %s -o report.%s (open, load, compute, render): %s wall, peak RSS %.1f MB, %d bytes%s\n",
           kind, plan, ext, wall, rss/1024, size, pages}' "$tmp/time.txt"
  done
done
