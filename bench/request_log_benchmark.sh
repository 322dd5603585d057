#!/usr/bin/env bash
# What the request log costs (docs/performance.md, "Request log"): the same server on the demo
# data, once with --quiet-requests (no request lines; /metrics' counters still kept) and once
# with a JSON line per request to a file, measured with wrk on one route, the two kinds of run
# alternating so that a busy machine weighs on both alike.
#
#   bench/request_log_benchmark.sh --binary <khuyencong> [--route /healthz] [--rounds 3]
#                                  [--seconds 5] [--connections 8] [--threads 8]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/web_lib.sh

binary="" route=/healthz rounds=3 seconds=5 connections=8 threads=8
while [ $# -gt 0 ]; do
  case "$1" in
    --binary) binary="$2"; shift 2 ;;
    --route) route="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    *) echo "usage: bench/request_log_benchmark.sh --binary <khuyencong> [--route /healthz] [--rounds 3] [--seconds 5] [--connections 8] [--threads 8]" >&2; exit 2 ;;
  esac
done
[ -n "$binary" ] || { echo "--binary <khuyencong> is required" >&2; exit 2; }

kc_scratch  # sets tmp and server_pid; cleans up on exit

db="$tmp/demo.db"
"$binary" --db "$db" import data/demo >/dev/null
echo "ngày / date: $(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) CPU; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "wrk: 2 threads, $connections connections, ${seconds} s on $route; server: --threads $threads"

# run <label> <serve options…>: one wrk run against a fresh server; prints label, req/s, p50, p99.
run() {
  local label="$1"; shift
  local port=$((20000 + RANDOM % 20000))
  "$binary" --db "$db" serve --port "$port" --threads "$threads" --log-format json "$@" >"$tmp/log.jsonl" 2>"$tmp/err" &
  server_pid=$!
  kc_wait_for "http://127.0.0.1:$port"
  local out
  out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency "http://127.0.0.1:$port$route")
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
  printf '%-8s %10s req/s  p50 %-9s p99 %-9s log lines %s\n' "$label" \
    "$(echo "$out" | awk '/Requests\/sec/ {print $2}')" \
    "$(echo "$out" | awk '$1 == "50%" {print $2}')" "$(echo "$out" | awk '$1 == "99%" {print $2}')" \
    "$(grep -c '"route"' "$tmp/log.jsonl" || true)"
}

for i in $(seq 1 "$rounds"); do
  run quiet --quiet-requests
  run json
done
