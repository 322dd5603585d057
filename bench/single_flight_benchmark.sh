#!/usr/bin/env bash
# Single flight (docs/performance.md, "Single flight"): the time to answer 32 concurrent first
# requests for one page, on the national dataset, for one or two builds interleaved (say the
# commit before and after), each trial on a freshly started server:
#   1. the list API's first page (GET /api/de-an?kich_thuoc=50&sap_xep=ma) right after a start;
#   2. a centre officer's home page (GET /viec-cua-toi) right after a start (`serve` loads the
#      Dataset before it listens: the home lists and the page are what is computed);
#   3. the same home page right after a change (an establishment edited through the API).
# Every request is the same signed-in user's; curl opens the 32 connections at once. Printed per
# scenario and build: the median and the range of the wall time from the first request sent to the
# last answer received, and the computations the burst caused (from /metrics, where it counts them).
#
#   bench/single_flight_benchmark.sh [--scale 1.0] [--trials 5] [--requests 32] <khuyencong> [<khuyencong>]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/web_lib.sh

scale=1.0 trials=5 requests=32 binaries=()
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) scale="$2"; shift 2 ;;
    --trials) trials="$2"; shift 2 ;;
    --requests) requests="$2"; shift 2 ;;
    -*) echo "usage: bench/single_flight_benchmark.sh [--scale 1.0] [--trials 5] [--requests 32] <khuyencong> [<khuyencong>]" >&2; exit 2 ;;
    *) binaries+=("$1"); shift ;;
  esac
done
[ ${#binaries[@]} -ge 1 ] || { echo "name one or two khuyencong binaries" >&2; exit 2; }
kc_need_tools curl jq
kc_national_dataset "$scale" "${binaries[0]}"  # sets data (kc: the first binary)
kc_scratch

db="$tmp/web.db"
"${binaries[0]}" --db "$db" import "$data" >/dev/null
printf '%s\n' "mat-khau-do-hieu-nang" | "${binaries[0]}" --db "$db" user add bench --role trung_tam >/dev/null
cp "$db" "$tmp/pristine.db"
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) CPU; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "dataset: $(($(grep -c '' "$data/de_an.csv") - 1)) projects; $requests concurrent requests, $trials trials per build"

# burst <base> <path>: the wall ms of `requests` concurrent GETs of one path with the session cookie.
burst() {
  local urls=() i start end
  for ((i = 0; i < requests; i++)); do urls+=(-o /dev/null -w '%{http_code}\n' "$1$2"); done
  start=$(date +%s%N)
  curl -s --no-progress-meter --parallel --parallel-immediate --parallel-max "$requests" -H "$cookie" "${urls[@]}" >"$tmp/codes"
  end=$(date +%s%N)
  if grep -vq '^200$' "$tmp/codes"; then echo "a request of $2 failed: $(sort "$tmp/codes" | uniq -c | tr '\n' ' ')" >&2; exit 1; fi
  echo $(((end - start) / 1000000))
}

computations() {
  curl -s "$1/metrics" | awk -v c="$2" '$1 == "khuyencong_cache_computations_total{cache=\"" c "\"}" {print $2}'
}

# trial <binary index> <scenario>: one fresh server; appends "ms computations" to $tmp/<index>.<scenario>.
trial() {
  local b="${binaries[$1]}" port base csrf cookie
  cp "$tmp/pristine.db" "$db"
  port=$((20000 + RANDOM % 20000))
  "$b" --db "$db" serve --port "$port" --threads 32 --db-pool 8 --quiet-requests >"$tmp/serve.log" 2>&1 &
  server_pid=$!
  base="http://127.0.0.1:$port"
  kc_wait_for "$base"
  kc_sign_in_cookie "$base" bench mat-khau-do-hieu-nang "$tmp/jar"  # sets csrf and cookie
  local ms before after cache=home_work path=/viec-cua-toi
  case "$2" in
    list) cache=list path="/api/de-an?kich_thuoc=50&sap_xep=ma" ;;
    change)
      curl -fs -H "$cookie" "$base/viec-cua-toi" >/dev/null  # the Dataset loaded and the page remembered
      local code etag record
      code=$(curl -fs -H "$cookie" "$base/api/co-so?kich_thuoc=1&sap_xep=ma" | jq -r '.ban_ghi[0].ma')
      curl -fs -D "$tmp/headers" -H "$cookie" "$base/api/co-so/$code" >"$tmp/record.json"
      etag=$(awk 'tolower($1) == "etag:" {print $2}' "$tmp/headers" | tr -d '\r')
      record=$(jq -c '.ban_ghi | .so_lao_dong = ((.so_lao_dong // 0) + 1)' "$tmp/record.json")
      curl -fs -o /dev/null -X PUT -H "$cookie" -H "X-CSRF-Token: $csrf" -H "If-Match: $etag" \
        -H 'Content-Type: application/json' -d "$record" "$base/api/co-so/$code"
      ;;
  esac
  before=$(computations "$base" "$cache")
  ms=$(burst "$base" "$path")
  after=$(computations "$base" "$cache")
  echo "$ms $([ -n "$after" ] && echo $((after - ${before:-0})) || echo -)" >>"$tmp/$1.$2"
  kill "$server_pid" && wait "$server_pid" 2>/dev/null || true
  server_pid=""
}

for scenario in list home change; do
  for ((t = 0; t < trials; t++)); do
    for ((i = 0; i < ${#binaries[@]}; i++)); do trial "$i" "$scenario"; done
  done
done

echo
printf '%-44s %-10s %12s %14s %s\n' "scenario" "build" "median ms" "range ms" "computations counted"
for scenario in list home change; do
  case "$scenario" in
    list) label="list API, first page after a start" ;;
    home) label="home page after a start" ;;
    change) label="home page after a change" ;;
  esac
  for ((i = 0; i < ${#binaries[@]}; i++)); do
    sort -n "$tmp/$i.$scenario" >"$tmp/sorted"
    printf '%-44s %-10s %12s %14s %s\n' "$label" "#$((i + 1))" "$(awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}' "$tmp/sorted")" \
      "$(head -1 "$tmp/sorted" | cut -d' ' -f1)–$(tail -1 "$tmp/sorted" | cut -d' ' -f1)" "$(cut -d' ' -f2 "$tmp/$i.$scenario" | tr '\n' ' ')"
  done
done
