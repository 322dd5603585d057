#!/usr/bin/env bash
# Workbook benchmark (docs/performance.md, "XLSX export"): on the national-scale dataset, the
# whole bundle exported as one workbook (`export --format xlsx`, constant-memory mode) and the
# phase report of one province's plan as XLSX (`report phase … -o x.xlsx`: open, load the
# Dataset, compute, write), each under /usr/bin/time -v: wall seconds, peak RSS, output size.
#
#   bench/xlsx_benchmark.sh [--build <release build dir>] [--data bench/data/national] [--plan KH01-2016-2020]
#
# Builds `khuyencong` in Release in build-bench/ unless --build names a folder. The dataset must
# exist (bench/run_benchmarks.sh writes it). The machine may be shared: quote one run's figures
# with its load average.
set -euo pipefail
cd "$(dirname "$0")/.."

build=""
data=bench/data/national
plan=KH01-2016-2020
while [ $# -gt 0 ]; do
  case "$1" in
    --build) build="$2"; shift 2 ;;
    --data) data="$2"; shift 2 ;;
    --plan) plan="$2"; shift 2 ;;
    *) echo "usage: bench/xlsx_benchmark.sh [--build <dir>] [--data <bundle>] [--plan <code>]" >&2; exit 2 ;;
  esac
done
if [ -z "$build" ]; then
  build=build-bench
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DKHUYENCONG_TESTS=OFF >/dev/null
fi
cmake --build "$build" -j"$(nproc)" --target khuyencong >/dev/null
kc="$build/src/khuyencong"
[ -d "$data" ] || { echo "no dataset at $data (bench/run_benchmarks.sh writes it)" >&2; exit 2; }

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
to_seconds() { awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f", s }' <<< "$1"; }
field() { sed -n "s/^\t$1: //p" "$2"; }

echo "máy / machine: $(nproc) CPU, $(free -m | awk '/^Mem:/ {print $2 " MB RAM"}'); $(date -u '+%Y-%m-%d %H:%M UTC'); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
"$kc" --db "$tmp/n.db" import "$data" >/dev/null

# measure <label> <output file> <khuyencong args…>
measure() {
  local label="$1" out="$2"; shift 2
  /usr/bin/time -v -o "$tmp/time.txt" "$kc" --db "$tmp/n.db" "$@" >/dev/null
  local wall rss
  wall=$(to_seconds "$(field 'Elapsed (wall clock) time (h:mm:ss or m:ss)' "$tmp/time.txt")")
  rss=$(field 'Maximum resident set size (kbytes)' "$tmp/time.txt")
  awk -v l="$label" -v w="$wall" -v r="$rss" -v s="$(stat -c %s "$out")" -v u="$(field 'User time (seconds)' "$tmp/time.txt")" \
    'BEGIN { printf "%s: %.2f s wall (user %.2f s), peak RSS %.1f MB, file %.0f KB\n", l, w, u, r / 1024, s / 1024 }'
}
measure "export --format xlsx (whole bundle)" "$tmp/bo.xlsx" export --format xlsx "$tmp/bo.xlsx"
measure "export csv (for comparison)" "$tmp/csv/de_an.csv" export "$tmp/csv"
measure "export --template" "$tmp/mau.xlsx" export --template "$tmp/mau.xlsx"
measure "report phase --plan $plan -o x.xlsx" "$tmp/bc.xlsx" report phase --plan "$plan" -o "$tmp/bc.xlsx"
measure "report phase --plan $plan -o x.docx (for comparison)" "$tmp/bc.docx" report phase --plan "$plan" -o "$tmp/bc.docx"
# Sheets of the bundle workbook and their last rows, read back with unzip when it is installed.
if command -v unzip >/dev/null; then
  unzip -p "$tmp/bo.xlsx" xl/workbook.xml | grep -o '<sheet name="[^"]*"' | sed 's/<sheet name=/  sheet /' | tr '\n' ' '; echo
fi
