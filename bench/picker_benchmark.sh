#!/usr/bin/env bash
# Pickers at national scale (docs/performance.md, "Pickers"): how long one keystroke waits for
# its matches. Target: ≤ 20 ms per keystroke (108.800 projects, 300.000 establishments).
#
#   bench/picker_benchmark.sh [--scale 1.0] [--repeat 50] [--binary <khuyencong>]
#
# Imports the national dataset (bench/data/national, made by gen_national) into a fresh SQLite
# database, serves it, signs in as a centre officer (every establishment in scope) and as a
# district officer (one district's), then asks GET /api/chon/co-so?q=… and GET /api/chon/de-an?q=…
# (projects: 108.800) for what a user types letter by letter ("h", "ho", "ho k", …) and for rare
# and absent names, each `--repeat` times,
# one request at a time (curl's time_total: the server's answer as the browser waits for it).
# Prints p50, p95 and the maximum per query, the first request after start (which builds the
# index), and the server's RSS before and after.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/web_lib.sh

scale=1.0
repeat=50
binary=""
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) scale="$2"; shift 2 ;;
    --repeat) repeat="$2"; shift 2 ;;
    --binary) binary="$2"; shift 2 ;;
    *) echo "usage: bench/picker_benchmark.sh [--scale 1.0] [--repeat 50] [--binary <khuyencong>]" >&2; exit 2 ;;
  esac
done
command -v jq >/dev/null && command -v curl >/dev/null || {
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends jq curl >/dev/null
}

kc_national_dataset "$scale" "$binary"  # sets kc and data

kc_scratch  # sets tmp and server_pid; cleans up on exit

echo "máy / machine: $(nproc) CPU; ngày / date: $(date -u '+%Y-%m-%d %H:%M UTC'); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
db="$tmp/picker.db"
"$kc" --db "$db" import "$data" >/dev/null
echo "dataset: $(($(grep -c '' "$data/co_so.csv") - 1)) establishments, $(($(grep -c '' "$data/de_an.csv") - 1)) projects"
district=$(awk -F, 'NR > 1 && $4 == "huyen" {print $1; exit}' "$data/don_vi_hanh_chinh.csv")
printf '%s\n' "mat-khau-do-hieu-nang" | "$kc" --db "$db" user add centre --role trung_tam >/dev/null
printf '%s\n' "mat-khau-do-hieu-nang" | "$kc" --db "$db" user add district --role dia_phuong --unit "$district" >/dev/null

port=$((20000 + RANDOM % 20000))
"$kc" --db "$db" serve --port "$port" >"$tmp/serve.log" 2>&1 &
server_pid=$!
base="http://127.0.0.1:$port"
kc_wait_for "$base"
rss() { awk '/VmRSS/ {printf "%d MB", $2 / 1024}' "/proc/$server_pid/status"; }

kc_sign_in "$base" centre mat-khau-do-hieu-nang "$tmp/centre" >/dev/null
kc_sign_in "$base" district mat-khau-do-hieu-nang "$tmp/district" >/dev/null
# The Dataset is loaded by the first page that needs it; the picker's index by the first picker.
curl -fs -b "$tmp/centre" "$base/api/tong-hop" >/dev/null
echo "RSS before the first picker request: $(rss)"
first=$(curl -fs -o /dev/null -w '%{time_total}' -b "$tmp/centre" "$base/api/chon/co-so?q=h")
echo "first picker request (builds the index): $(awk -v t="$first" 'BEGIN {printf "%.0f ms", t * 1000}')"
echo "RSS after: $(rss)"

# A name of the dataset, typed as a user would: without diacritics, letter by letter.
name=$(awk -F, 'NR == 2 {print $2}' "$data/co_so.csv" | iconv -f utf-8 -t ascii//TRANSLIT 2>/dev/null | tr 'A-Z' 'a-z' || true)
[ -n "$name" ] || name="ho kinh doanh"
queries=()
for n in 1 2 4 8 12 16; do queries+=("${name:0:$n}"); done
queries+=("khong co ten nao nhu the nay" "$(awk -F, 'NR == 1000 {print $1}' "$data/co_so.csv")")
# The same for a project's name (the first word of a name is common to thousands: the worst case).
project=$(awk -F, 'NR == 2 {gsub(/"/, "", $2); print $2}' "$data/de_an.csv" | iconv -f utf-8 -t ascii//TRANSLIT 2>/dev/null | tr 'A-Z' 'a-z' || true)
[ -n "$project" ] || project="xay dung chuong trinh"
project_queries=()
for n in 1 2 4 8 12 16 24; do project_queries+=("${project:0:$n}"); done
project_queries+=("khong co de an nao nhu the nay")

measure() {  # <jar> <label> <query> [<kind>]
  local times="$tmp/times"
  : >"$times"
  local q
  q=$(jq -rn --arg q "$3" '$q | @uri')
  for _ in $(seq 1 "$repeat"); do
    curl -fs -o "$tmp/answer" -w '%{time_total}\n' -b "$1" "$base/api/chon/${4:-co-so}?q=$q" >>"$times"
  done
  sort -n "$times" | awk -v label="$2" -v q="$3" -v n="$(jq '.lua_chon | length' "$tmp/answer")" '
    { t[NR] = $1 * 1000 }
    END { printf "%-9s %-32s %3d matches shown   p50 %6.1f ms   p95 %6.1f ms   max %6.1f ms\n",
          label, "\"" q "\"", n, t[int(NR * 0.5 + 0.5)], t[int(NR * 0.95 + 0.5)], t[NR] }'
}
echo
for q in "${queries[@]}"; do measure "$tmp/centre" centre "$q"; done
for q in "${queries[@]}"; do measure "$tmp/district" district "$q"; done
echo
echo "projects (de-an):"
first=$(curl -fs -o /dev/null -w '%{time_total}' -b "$tmp/centre" "$base/api/chon/de-an?q=x")
echo "first project picker request: $(awk -v t="$first" 'BEGIN {printf "%.0f ms", t * 1000}')"
for q in "${project_queries[@]}"; do measure "$tmp/centre" centre "$q" de-an; done
for q in "${project_queries[@]}"; do measure "$tmp/district" district "$q" de-an; done
echo "RSS at the end: $(rss)"
