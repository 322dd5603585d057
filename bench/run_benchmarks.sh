#!/usr/bin/env bash
# Benchmarks khuyencong on a national-scale dataset (see docs/performance.md): builds the
# CLI and the dataset generator in Release (build-bench/), writes the dataset to bench/data/
# (not under git) and measures `khuyencong import` with /usr/bin/time -v: rows, wall seconds,
# rows per second and peak memory, against the targets of the issue (import >= 200.000 rows/s,
# peak memory <= 200 MB).
#
#   bench/run_benchmarks.sh [--scale 1.0] [--runs 1]
#
# --scale multiplies the number of projects, outputs and establishments (1.0: ~109.000
# projects, ~1.030.000 outputs, ~300.000 establishments); --runs repeats the import (each into
# a new database) and reports every run. The machine may be shared: quote one run's figures
# together with the machine they come from.
set -euo pipefail
cd "$(dirname "$0")/.."

scale=1.0
runs=1
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) scale="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    *) echo "usage: bench/run_benchmarks.sh [--scale 1.0] [--runs 1]" >&2; exit 2 ;;
  esac
done

# GNU time (Debian package "time") reports peak memory; bash's time keyword does not.
if [ ! -x /usr/bin/time ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends time >/dev/null
fi

build=build-bench
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DKHUYENCONG_TESTS=OFF -DKHUYENCONG_BENCH=ON >/dev/null
cmake --build "$build" -j"$(nproc)" --target khuyencong gen_national bench_report >/dev/null
kc="$build/src/khuyencong"

data=bench/data/national
[ "$scale" = "1.0" ] || [ "$scale" = "1" ] || data="bench/data/national-$scale"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

echo "máy / machine: $(nproc) CPU, $(lscpu | sed -n 's/^Model name: *//p'), $(free -m | awk '/^Mem:/ {print $2 " MB RAM"}')"
echo "ngày / date:   $(date -u '+%Y-%m-%d %H:%M UTC'); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo

# ---- dataset -------------------------------------------------------------------------------
"$build/bench/gen_national" "$data" --scale "$scale" > "$tmp/rows.tsv"
rows=$(awk '$1 == "total" {print $2}' "$tmp/rows.tsv")
echo "bộ dữ liệu / dataset: $data (scale $scale), $rows rows, $(du -sm "$data" | cut -f1) MB"
awk '$1 != "total" {printf "  %-20s %9d\n", $1, $2}' "$tmp/rows.tsv"
echo

# Seconds from /usr/bin/time's "h:mm:ss" or "m:ss.ss".
to_seconds() { awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f", s }' <<< "$1"; }
field() { sed -n "s/^\t$1: //p" "$2"; }

# ---- import --------------------------------------------------------------------------------
bench_import() {
  for run in $(seq 1 "$runs"); do
    rm -f "$tmp"/import.db "$tmp"/import.db-wal "$tmp"/import.db-shm
    /usr/bin/time -v -o "$tmp/time.txt" "$kc" --db "$tmp/import.db" import "$data" > "$tmp/import.out"
    local imported wall rss_kb user sys cpu
    imported=$(grep -o '[0-9]\+' "$tmp/import.out" | head -1)
    if [ "$imported" != "$rows" ]; then
      echo "import wrote $imported rows, the dataset has $rows" >&2
      exit 1
    fi
    wall=$(to_seconds "$(field 'Elapsed (wall clock) time (h:mm:ss or m:ss)' "$tmp/time.txt")")
    rss_kb=$(field 'Maximum resident set size (kbytes)' "$tmp/time.txt")
    user=$(field 'User time (seconds)' "$tmp/time.txt")
    sys=$(field 'System time (seconds)' "$tmp/time.txt")
    cpu=$(field 'Percent of CPU this job got' "$tmp/time.txt")
    awk -v run="$run" -v rows="$rows" -v wall="$wall" -v rss="$rss_kb" -v user="$user" -v sys="$sys" -v cpu="$cpu" 'BEGIN {
      rate = rows / wall; mb = rss / 1024
      printf "import (run %d): %d rows, %.2f s wall, %.0f rows/s, peak RSS %.1f MB (user %.2f s, sys %.2f s, CPU %s)\n",
             run, rows, wall, rate, mb, user, sys, cpu
      printf "  targets: >= 200000 rows/s: %s; <= 200 MB: %s\n", ((rate >= 200000) ? "met" : "NOT MET"), ((mb <= 200) ? "met" : "NOT MET")
    }'
  done
}

# ---- phase report ------------------------------------------------------------------------
# On the database the last import left behind: bench_report loads the Dataset once, then times
# the report model of two phase plans 30 times each (every computation scans all ~109.000
# projects and ~1.030.000 outputs, whatever the plan), and renders each once; /usr/bin/time
# gives the peak memory of the whole process. Then the CLI as a user runs it, end to end.
bench_report() {
  "$build/bench/bench_report" "$tmp/import.db" KH01-2016-2020 KH17-2021-2025 --repeat 30
  /usr/bin/time -v "$kc" --db "$tmp/import.db" report phase --plan KH01-2016-2020 -o "$tmp/report.docx" \
    >/dev/null 2>"$tmp/time-report.txt"
  awk -F': ' '/Elapsed \(wall clock\)/ {wall=$2} /Maximum resident set size/ {rss=$2}
    END {printf "CLI report phase (load + compute + DOCX): %s wall, peak RSS %.1f MB\n", wall, rss/1024}' \
    "$tmp/time-report.txt"
}

bench_import
bench_report
