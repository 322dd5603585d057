#!/usr/bin/env bash
# Benchmarks khuyencong on a national-scale dataset (see docs/performance.md): builds the
# CLI and the dataset generator in Release (build-bench/), writes the dataset to bench/data/
# (not under git) and measures `khuyencong import` with /usr/bin/time -v: rows, wall seconds,
# rows per second and peak memory, against the targets of the issue (import >= 200.000 rows/s,
# peak memory <= 200 MB).
#
#   bench/run_benchmarks.sh [--scale 1.0] [--runs 1] [--postgres] [--build <dir>]
#
# --postgres measures the same on PostgreSQL 15 too, in the same run (a throwaway cluster from
# scripts/with-postgres.sh with fsync on, unless KC_TEST_POSTGRES already names a server): the
# import, the Dataset load and phase report, and the list API with wrk when the server has it;
# then prints PostgreSQL/SQLite ratios. --build uses an existing build folder (configured with
# -DKHUYENCONG_BENCH=ON) instead of configuring and building build-bench/ in Release.
#
# --scale multiplies the number of projects, outputs and establishments (1.0: ~109.000
# projects, ~1.030.000 outputs, ~300.000 establishments); --runs repeats the import (each into
# a new database) and reports every run. The machine may be shared: quote one run's figures
# together with the machine they come from.
set -euo pipefail
cd "$(dirname "$0")/.."

scale=1.0
runs=1
postgres=0
build=""
args=("$@")
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) scale="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --postgres) postgres=1; shift ;;
    --build) build="$2"; shift 2 ;;
    *) echo "usage: bench/run_benchmarks.sh [--scale 1.0] [--runs 1] [--postgres] [--build <dir>]" >&2; exit 2 ;;
  esac
done

# PostgreSQL: run again inside a throwaway cluster. fsync stays on (as on a real server; the test
# suite's clusters turn it off), the other settings are PostgreSQL's defaults.
if [ "$postgres" = 1 ] && [ -z "${KC_TEST_POSTGRES:-}" ]; then
  KC_PG_OPTIONS="-c fsync=on ${KC_PG_OPTIONS:-}" exec scripts/with-postgres.sh "$0" "${args[@]}"
fi

# GNU time (Debian package "time") reports peak memory; bash's time keyword does not.
if [ ! -x /usr/bin/time ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends time >/dev/null
fi

if [ -z "$build" ]; then
  build=build-bench
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DKHUYENCONG_TESTS=OFF -DKHUYENCONG_BENCH=ON >/dev/null
fi
cmake --build "$build" -j"$(nproc)" --target khuyencong gen_national bench_report >/dev/null
kc="$build/src/khuyencong"

data=bench/data/national
[ "$scale" = "1.0" ] || [ "$scale" = "1" ] || data="bench/data/national-$scale"

tmp="$(mktemp -d)"
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT

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
# import_into <label> <db> <reset command…>: imports the dataset `runs` times, each into an
# emptied database, and keeps the last run's wall seconds in $tmp/<label>.import_s.
import_into() {
  local label="$1" db="$2"; shift 2
  for run in $(seq 1 "$runs"); do
    "$@"
    /usr/bin/time -v -o "$tmp/time.txt" "$kc" --db "$db" import "$data" > "$tmp/import.out"
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
    echo "$wall" > "$tmp/$label.import_s"
    awk -v label="$label" -v run="$run" -v rows="$rows" -v wall="$wall" -v rss="$rss_kb" -v user="$user" -v sys="$sys" -v cpu="$cpu" 'BEGIN {
      rate = rows / wall; mb = rss / 1024
      printf "import %s (run %d): %d rows, %.2f s wall, %.0f rows/s, peak RSS %.1f MB (user %.2f s, sys %.2f s, CPU %s)\n",
             label, run, rows, wall, rate, mb, user, sys, cpu
      printf "  targets: >= 200000 rows/s: %s; <= 200 MB: %s\n", ((rate >= 200000) ? "met" : "NOT MET"), ((mb <= 200) ? "met" : "NOT MET")
    }'
  done
}

reset_sqlite() { rm -f "$tmp"/import.db "$tmp"/import.db-wal "$tmp"/import.db-shm; }
bench_import() { import_into sqlite "$tmp/import.db" reset_sqlite; }

# ---- phase report ------------------------------------------------------------------------
# On the database the last import left behind: bench_report loads the Dataset once, then times
# the report model of two phase plans 30 times each (every computation scans all ~109.000
# projects and ~1.030.000 outputs, whatever the plan), and renders each once; /usr/bin/time
# gives the peak memory of the whole process. Then the CLI as a user runs it, end to end.
# bench_report_on <label> <db>: keeps the Dataset load (ms) and the CLI's wall seconds in $tmp.
bench_report_on() {
  local label="$1" db="$2"
  "$build/bench/bench_report" "$db" KH01-2016-2020 KH17-2021-2025 --repeat 30 | tee "$tmp/$label.report.txt"
  sed -n 's/^load_dataset: \([0-9.]*\) ms/\1/p' "$tmp/$label.report.txt" > "$tmp/$label.load_ms"
  /usr/bin/time -v "$kc" --db "$db" report phase --plan KH01-2016-2020 -o "$tmp/report.docx" \
    >/dev/null 2>"$tmp/time-report.txt"
  to_seconds "$(field 'Elapsed (wall clock) time (h:mm:ss or m:ss)' "$tmp/time-report.txt")" > "$tmp/$label.cli_s"
  awk -F': ' -v label="$label" '/Elapsed \(wall clock\)/ {wall=$2} /Maximum resident set size/ {rss=$2}
    END {printf "CLI report phase on %s (load + compute + DOCX): %s wall, peak RSS %.1f MB\n", label, wall, rss/1024}' \
    "$tmp/time-report.txt"
}
bench_report() { bench_report_on sqlite "$tmp/import.db"; }

# ---- list API (wrk) ------------------------------------------------------------------------
# bench_api <label> <db>: serves the database, signs in as a new centre officer and measures
# with wrk (2 threads, 16 connections, 10 s) a page of the project list API, a search in it and
# one project. Needs the JSON API (/api/de-an); without it, says so and measures nothing.
bench_api() {
  local label="$1" db="$2" port
  printf '%s\n' "mat-khau-do-hieu-nang" | "$kc" --db "$db" user add bench --role trung_tam --name "Đo hiệu năng" >/dev/null 2>&1 || true
  port=$((20000 + RANDOM % 40000))
  "$kc" --db "$db" serve --port "$port" --threads 4 > "$tmp/serve.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 600); do
    curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
    sleep 0.1
  done
  local status
  status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/de-an")
  if [ "$status" = 404 ]; then
    echo "API $label: PLACEHOLDER — this build has no /api/de-an (the JSON API); nothing measured"
  else
    local jar="$tmp/cookies.txt" csrf
    rm -f "$jar"
    csrf=$(curl -s -c "$jar" "http://127.0.0.1:$port/api/csrf" | sed -n 's/.*"csrf":"\([0-9a-f]*\)".*/\1/p')
    curl -s -b "$jar" -c "$jar" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
      -d '{"ten_dang_nhap":"bench","mat_khau":"mat-khau-do-hieu-nang"}' "http://127.0.0.1:$port/api/dang-nhap" >/dev/null
    local session
    session=$(awk '$6 == "kc_session" {print $7}' "$jar")
    local project
    project=$(awk -F, 'NR == 2 {print $1}' "$data/de_an.csv")
    for path in "/api/de-an" "/api/de-an?q=san%20xuat" "/api/de-an/$project"; do
      local code
      code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: kc_session=$session" "http://127.0.0.1:$port$path")
      wrk -t2 -c16 -d10s -H "Cookie: kc_session=$session" "http://127.0.0.1:$port$path" > "$tmp/wrk.txt" 2>&1
      awk -v label="$label" -v path="$path" -v code="$code" '
        /Requests\/sec/ {rps=$2} /^ +Latency/ {lat=$2}
        END {printf "API %s GET %s (HTTP %s): %s req/s, mean latency %s\n", label, path, code, rps, lat}' "$tmp/wrk.txt"
      awk '/Requests\/sec/ {print $2}' "$tmp/wrk.txt" > "$tmp/$label.api$(echo "$path" | tr -c 'a-z0-9' '_')"
    done
  fi
  kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null || true
  server_pid=""
}

# ---- PostgreSQL ----------------------------------------------------------------------------
pg_url=""
reset_postgres() {
  psql -q -X "$KC_TEST_POSTGRES" -c "DROP DATABASE IF EXISTS kc_bench WITH (FORCE)" \
    -c "CREATE DATABASE kc_bench ENCODING 'UTF8' TEMPLATE template0" >/dev/null
}
bench_postgres() {
  pg_url="${KC_TEST_POSTGRES%/*}/kc_bench"
  echo "PostgreSQL: $(psql -X -At "$KC_TEST_POSTGRES" -c 'SHOW server_version'), fsync $(psql -X -At "$KC_TEST_POSTGRES" -c 'SHOW fsync'), shared_buffers $(psql -X -At "$KC_TEST_POSTGRES" -c 'SHOW shared_buffers'), same machine, TCP on 127.0.0.1"
  import_into postgres "$pg_url" reset_postgres
  echo "  database size after import: $(psql -X -At "$pg_url" -c "SELECT pg_size_pretty(pg_database_size('kc_bench'))"); SQLite file: $(du -m "$tmp/import.db" | cut -f1) MB"
  bench_report_on postgres "$pg_url"
}

ratios() {
  echo
  echo "PostgreSQL / SQLite (wall time; > 1: PostgreSQL slower)"
  for what in import_s load_ms cli_s; do
    [ -s "$tmp/sqlite.$what" ] && [ -s "$tmp/postgres.$what" ] || continue
    awk -v what="$what" -v s="$(cat "$tmp/sqlite.$what")" -v p="$(cat "$tmp/postgres.$what")" \
      'BEGIN {printf "  %-8s SQLite %10.2f  PostgreSQL %10.2f  ratio %.2f\n", what, s, p, p / s}'
  done
  for f in "$tmp"/sqlite.api*; do
    [ -e "$f" ] || continue
    local name="${f##*/sqlite.}"
    [ -s "$tmp/postgres.$name" ] || continue
    awk -v what="$name" -v s="$(cat "$f")" -v p="$(cat "$tmp/postgres.$name")" \
      'BEGIN {printf "  %-24s SQLite %9.0f req/s  PostgreSQL %9.0f req/s  throughput ratio %.2f\n", what, s, p, p / s}'
  done
}

bench_import
bench_report
if [ "$postgres" = 1 ]; then
  command -v wrk >/dev/null || {
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends wrk curl >/dev/null
  }
  bench_api sqlite "$tmp/import.db"
  echo
  bench_postgres
  bench_api postgres "$pg_url"
  ratios
fi
