#!/usr/bin/env bash
# Slow clients against the server (docs/performance.md, "Slow clients"; docs/deployment.md).
#
#   bench/slow_clients.sh [--slow 200] [--seconds 20] [--binary <khuyencong>] [--before <khuyencong>]
#
# Serves a fresh database with `khuyencong serve` (default options: eight worker slots) and runs
# the slow_clients client of build-test/ (bench/slow_clients.cc, built with the tests): --slow
# connections dripping their headers or body a byte every 100 ms, while a visitor asks for the
# sign-in page every 200 ms. With --before, the same is done first with that binary (an older
# build), so that both figures come from one sitting.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/web_lib.sh

slow=200
seconds=20
binary=build-test/src/khuyencong
before=""
while [ $# -gt 0 ]; do
  case "$1" in
    --slow) slow="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --binary) binary="$2"; shift 2 ;;
    --before) before="$2"; shift 2 ;;
    *) echo "usage: bench/slow_clients.sh [--slow 200] [--seconds 20] [--binary <khuyencong>] [--before <khuyencong>]" >&2; exit 2 ;;
  esac
done
client=build-test/bench/slow_clients
[ -x "$client" ] || { echo "$client is missing: build build-test with -DKHUYENCONG_TESTS=ON -DKHUYENCONG_BENCH=ON" >&2; exit 2; }

kc_scratch
echo "máy / machine: $(nproc) CPU; load average: $(cut -d' ' -f1-3 /proc/loadavg)"

# run <label> <binary>: a fresh database, the server, the client; then the server is stopped.
run() {
  local label="$1" kc="$2" port=$((20000 + RANDOM % 20000))
  rm -f "$tmp/slow.db"
  "$kc" --db "$tmp/slow.db" init >/dev/null
  "$kc" --db "$tmp/slow.db" serve --port "$port" --quiet-requests >"$tmp/serve-$label.log" 2>&1 &
  server_pid=$!
  kc_wait_for "http://127.0.0.1:$port"
  echo "== $label ($kc), $slow slow connections, $seconds s"
  "$client" --port "$port" --slow "$slow" --seconds "$seconds"
  kill "$server_pid" 2>/dev/null
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}

[ -n "$before" ] && run before "$before"
run after "$binary"
