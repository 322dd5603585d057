#!/usr/bin/env bash
# The role home pages at national scale (docs/performance.md, "Home pages"): "Việc của tôi"
# (/viec-cua-toi) under the web API's target, p99 < 10 ms at 32 connections.
#
#   bench/home_benchmark.sh [--scale 1.0] [--connections 32] [--seconds 8] [--binary <khuyencong>]
#
# Imports the national dataset (bench/data/national, made by gen_national) into a fresh SQLite
# database, adds one account per role (the centre, the department, a district officer, the
# establishment with the most projects, the administrator), serves it as web_benchmark.sh does
# (--threads 32 --db-pool 8), signs each in, loads each page once (the Dataset and the lists),
# then runs wrk (2 threads, 32 connections, `--seconds` each, latency percentiles) on each home
# page, with the project list API and the HTML project list as references.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/web_lib.sh

scale=1.0
connections=32
seconds=8
binary=""
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) scale="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --binary) binary="$2"; shift 2 ;;
    *) echo "usage: bench/home_benchmark.sh [--scale 1.0] [--connections 32] [--seconds 8] [--binary <khuyencong>]" >&2; exit 2 ;;
  esac
done
kc_need_tools jq curl wrk

kc_national_dataset "$scale" "$binary"  # sets kc and data

kc_scratch  # sets tmp and server_pid

echo "máy / machine: $(nproc) CPU; ngày / date: $(date -u '+%Y-%m-%d %H:%M UTC'); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "wrk: 2 threads, $connections connections, ${seconds} s; server: --threads 32 --db-pool 8"
db="$tmp/home.db"
"$kc" --db "$db" import "$data" >/dev/null
district=$(awk -F, 'NR > 1 && $4 == "huyen" {print $1; exit}' "$data/don_vi_hanh_chinh.csv")
establishment=$(awk -F, 'NR > 1 {n[$2]++} END {for (c in n) if (n[c] > best) {best = n[c]; code = c}; print code}' "$data/de_an_co_so.csv")
password=mat-khau-do-hieu-nang
add_user() { printf '%s\n' "$password" | "$kc" --db "$db" user add "$@" >/dev/null; }
add_user centre --role trung_tam
add_user department --role so_cong_thuong
add_user district --role dia_phuong --unit "$district"
add_user establishment --role co_so --co-so "$establishment"
add_user admin --role quan_tri
echo "district officer of $district; establishment $establishment ($(awk -F, -v c="$establishment" '$2 == c' "$data/de_an_co_so.csv" | wc -l) projects)"

port=$((20000 + RANDOM % 20000))
"$kc" --db "$db" serve --port "$port" --threads 32 --db-pool 8 >"$tmp/serve.log" 2>&1 &
server_pid=$!
base="http://127.0.0.1:$port"
kc_wait_for "$base"

# measure <label> <account> <path>: one request first (loads what the page needs), then wrk.
measure() {
  local label="$1" account="$2" path="$3"
  local cookie
  cookie="Cookie: kc_session=$(awk '$6 == "kc_session" {print $7}' "$tmp/$account")"
  local bytes
  bytes=$(curl -fs -H "$cookie" -o "$tmp/page" -w '%{size_download}' "$base$path")
  wrk -t2 -c"$connections" -d"${seconds}s" --latency -H "$cookie" "$base$path" >"$tmp/wrk.txt" 2>&1
  if grep -q "Non-2xx" "$tmp/wrk.txt"; then
    echo "$label: answers other than 2xx — not counted" >&2
    exit 1
  fi
  printf '%-46s %7s B %10s req/s   p50 %8s   p99 %8s\n' "$label" "$bytes" \
    "$(awk '/Requests\/sec/ {print $2}' "$tmp/wrk.txt")" \
    "$(awk '$1 == "50%" {print $2}' "$tmp/wrk.txt")" "$(awk '$1 == "99%" {print $2}' "$tmp/wrk.txt")"
}

for account in centre department district establishment admin; do
  kc_sign_in "$base" "$account" "$password" "$tmp/$account" >/dev/null
done
measure "/api/de-an?kich_thuoc=50 (reference)" centre "/api/de-an?kich_thuoc=50&sap_xep=ma"
measure "/de-an (HTML list, reference)" centre "/de-an"
measure "/viec-cua-toi centre" centre /viec-cua-toi
measure "/viec-cua-toi department" department /viec-cua-toi
measure "/viec-cua-toi district officer" district /viec-cua-toi
measure "/viec-cua-toi establishment" establishment /viec-cua-toi
measure "/viec-cua-toi administrator" admin /viec-cua-toi
echo "server RSS at the end: $(awk '/VmRSS/ {printf "%d MB", $2 / 1024}' "/proc/$server_pid/status"), peak $(awk '/VmHWM/ {printf "%d MB", $2 / 1024}' "/proc/$server_pid/status")"
