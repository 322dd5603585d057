#!/usr/bin/env bash
# The soak (docs/performance.md, "Soak"; docs/deployment.md): 10 minutes of mixed reads and writes
# at 32 connections on the national dataset, the server's RSS sampled every 10 s. bench/soak/soak.cc
# makes the load and checks it: 0 errors, the RSS slope after the warm-up under 1 MB per minute;
# it prints the p99 per minute. The exit status is the check's.
#
#   bench/soak.sh [--seconds 600] [--connections 32] [--writers 4] [--write-rate 2] [--scale 1.0]
#                 [--engine sqlite|postgres] [--threads 32] [--db-pool 32] [--warmup 120] [--sample 10]
#                 [--interval 60] [--max-slope 1.0] [--seed N]
#                 [--binary <khuyencong> --gen <gen_national> --soak <soak>] [--ci]
#
# Without --binary it builds khuyencong, gen_national and soak in Release in build-bench/ and uses
# bench/data/national (made by gen_national when missing; other scales in bench/data/national-<scale>).
# --ci (the suite's soak_short, ≤ 60 s): the dataset is generated into a temporary folder.
# --engine postgres serves a throwaway PostgreSQL 15 cluster (scripts/with-postgres.sh) instead.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/web_lib.sh

seconds=600 connections=32 writers=4 write_rate=2 scale=1.0 engine=sqlite threads=32 pool=32
warmup=120 sample=10 interval=60 max_slope=1.0 seed=0 binary="" gen="" soak="" ci=0
args=("$@")
usage="usage: bench/soak.sh [--seconds 600] [--connections 32] [--writers 4] [--write-rate 2] [--scale 1.0] [--engine sqlite|postgres] [--threads 32] [--db-pool 32] [--warmup 120] [--sample 10] [--interval 60] [--max-slope 1.0] [--seed N] [--binary K --gen G --soak S] [--ci]"
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --writers) writers="$2"; shift 2 ;;
    --write-rate) write_rate="$2"; shift 2 ;;
    --scale) scale="$2"; shift 2 ;;
    --engine) engine="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --db-pool) pool="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --sample) sample="$2"; shift 2 ;;
    --interval) interval="$2"; shift 2 ;;
    --max-slope) max_slope="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --binary) binary="$2"; shift 2 ;;
    --gen) gen="$2"; shift 2 ;;
    --soak) soak="$2"; shift 2 ;;
    --ci) ci=1; shift ;;
    *) echo "$usage" >&2; exit 2 ;;
  esac
done
case "$engine" in sqlite | postgres) ;; *) echo "--engine: sqlite or postgres" >&2; exit 2 ;; esac
if [ "$engine" = postgres ] && [ -z "${KC_TEST_POSTGRES:-}" ]; then
  KC_PG_OPTIONS="-c fsync=on ${KC_PG_OPTIONS:-}" exec scripts/with-postgres.sh "$0" "${args[@]}"
fi

if [ -z "$binary" ]; then
  cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DKHUYENCONG_TESTS=OFF -DKHUYENCONG_BENCH=ON >/dev/null
  cmake --build build-bench -j"$(nproc)" --target khuyencong gen_national soak >/dev/null
  binary=build-bench/src/khuyencong gen=build-bench/bench/gen_national soak=build-bench/bench/soak
fi
kc_scratch  # tmp, server_pid; removed and stopped on exit

if [ "$ci" = 1 ]; then
  data="$tmp/data"
else
  data=bench/data/national
  [ "$scale" = "1.0" ] || [ "$scale" = "1" ] || data="bench/data/national-$scale"
fi
[ -f "$data/de_an.csv" ] || "$gen" "$data" --scale "$scale" >/dev/null 2>&1

if [ "$engine" = postgres ]; then
  psql -q -X "$KC_TEST_POSTGRES" -c "DROP DATABASE IF EXISTS kc_soak WITH (FORCE)" \
    -c "CREATE DATABASE kc_soak ENCODING 'UTF8' TEMPLATE template0" >/dev/null
  db="${KC_TEST_POSTGRES%/*}/kc_soak"
else
  db="$tmp/soak.db"
fi
"$binary" --db "$db" --quiet import "$data" >/dev/null
password="mat-khau-do-ben-bi"
printf '%s\n' "$password" | "$binary" --db "$db" user add soak --role trung_tam >/dev/null
printf '%s\n' "$password" | "$binary" --db "$db" user add soak-sct --role so_cong_thuong >/dev/null

echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) CPU; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "dataset: $(($(grep -c '' "$data/de_an.csv") - 1)) projects (scale $scale), $engine; server: --threads $threads --db-pool $pool"

port=$((20000 + RANDOM % 20000))
"$binary" --db "$db" serve --port "$port" --threads "$threads" --db-pool "$pool" --quiet-requests \
  --upload-dir "$tmp/tai-lieu" >"$tmp/serve.log" 2>&1 &
server_pid=$!
kc_wait_for "http://127.0.0.1:$port" || { cat "$tmp/serve.log" >&2; exit 1; }

status=0
"$soak" --port "$port" --server-pid "$server_pid" --user soak --second-user soak-sct --password "$password" \
  --seconds "$seconds" --connections "$connections" --writers "$writers" --write-rate "$write_rate" \
  --interval "$interval" --sample "$sample" --warmup "$warmup" --max-slope "$max_slope" --seed "$seed" || status=$?
if [ "$status" -ne 0 ] && [ -s "$tmp/serve.log" ]; then
  echo "the server's log (last lines):"
  tail -n 20 "$tmp/serve.log"
fi
exit "$status"
