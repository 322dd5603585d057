#!/usr/bin/env bash
# Benchmarks the phase report as the documents users download — PDF (pango layout, vector
# charts) and DOCX (PNG charts) — on the national-scale dataset (see docs/performance.md,
# "Phase report as PDF and DOCX"):
#   1. bench_report: the Dataset loaded once, then each plan's model computed and rendered to
#      PDF and DOCX (milliseconds of rendering alone), for two provinces' plans and the
#      whole-country plan the benchmark adds in memory;
#   2. the CLI end to end (`khuyencong report phase -o x.pdf|x.docx`: open, load, compute,
#      render, write) with /usr/bin/time -v: wall seconds and peak RSS.
#
#   bench/bench_report_documents.sh [--build <dir>] [--db <file>] [--data <bundle dir>]
#
# --build: a build folder configured with -DKHUYENCONG_BENCH=ON (default: build-bench/, configured
# and built here in Release). --db: the SQLite database to use; imported from --data (default
# bench/data/national, written by bench/run_benchmarks.sh) when the file does not exist yet.
# The machine may be shared: quote one run's figures together with the load average.
set -euo pipefail
cd "$(dirname "$0")/.."

build=""
db=/tmp/khuyencong-bench-documents.db
data=bench/data/national
while [ $# -gt 0 ]; do
  case "$1" in
    --build) build="$2"; shift 2 ;;
    --db) db="$2"; shift 2 ;;
    --data) data="$2"; shift 2 ;;
    *) echo "usage: bench/bench_report_documents.sh [--build <dir>] [--db <file>] [--data <dir>]" >&2; exit 2 ;;
  esac
done

[ -x /usr/bin/time ] || { echo "GNU time (/usr/bin/time, Debian package \"time\") is needed for peak memory" >&2; exit 1; }
if [ -z "$build" ]; then
  build=build-bench
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DKHUYENCONG_TESTS=OFF -DKHUYENCONG_BENCH=ON >/dev/null
fi
cmake --build "$build" -j"$(nproc)" --target khuyencong bench_report >/dev/null
kc="$build/src/khuyencong"

if [ ! -f "$db" ]; then
  [ -d "$data" ] || { echo "no dataset at $data: run bench/run_benchmarks.sh first (it writes it)" >&2; exit 1; }
  "$kc" --db "$db" import "$data" >/dev/null
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "machine: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u '+%Y-%m-%d %H:%M UTC')"

"$build/bench/bench_report" "$db" KH01-2016-2020 KH17-2021-2025 --repeat 5

for ext in pdf docx; do
  /usr/bin/time -v "$kc" --db "$db" report phase --plan KH01-2016-2020 -o "$tmp/report.$ext" >/dev/null 2>"$tmp/time.txt"
  pages=""
  if [ "$ext" = pdf ] && command -v pdfinfo >/dev/null; then
    pages=", $(pdfinfo "$tmp/report.$ext" | awk '/^Pages:/ {print $2}') pages"
  fi
  awk -F': ' -v ext="$ext" -v size="$(stat -c %s "$tmp/report.$ext")" -v pages="$pages" '
    /Elapsed \(wall clock\)/ {wall=$2} /Maximum resident set size/ {rss=$2}
    END {printf "CLI report phase KH01-2016-2020 -o report.%s (open, load, compute, render): %s wall, peak RSS %.1f MB, %d bytes%s\n",
         ext, wall, rss/1024, size, pages}' "$tmp/time.txt"
done
