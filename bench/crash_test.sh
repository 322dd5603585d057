#!/usr/bin/env bash
# The crash test (docs/performance.md, "Crash test"; docs/databases.md, "Durability"): writers
# write through the API at full speed while the server is killed with SIGKILL at random moments,
# then restarted on the same database; after each restart every acknowledged write must be there
# with its values, the database must pass its integrity check, each record's audit trail must end
# with the record, and no document file may be orphaned or missing (bench/crash/crash_test.cc).
# Three runs: SQLite, PostgreSQL, and PostgreSQL with its own server (the postmaster) killed instead
# of the app, which must answer 503 meanwhile and recover without a restart.
#
#   bench/crash_test.sh [--kills 100] [--postgres-kills 100] [--postgres-server-kills 20]
#                       [--seed N] [--build build-test]
# A count of 0 leaves that run out. The CTest suite runs short variants (crash_sqlite,
# crash_postgres, crash_postgres_server: 5, 3 and 3 kills).
set -euo pipefail
cd "$(dirname "$0")/.."

kills=100 pg_kills=100 pg_server_kills=20 seed=0 build=build-test
while [ $# -gt 0 ]; do
  case "$1" in
    --kills) kills="$2"; shift 2 ;;
    --postgres-kills) pg_kills="$2"; shift 2 ;;
    --postgres-server-kills) pg_server_kills="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --build) build="$2"; shift 2 ;;
    *) echo "usage: bench/crash_test.sh [--kills 100] [--postgres-kills 100] [--postgres-server-kills 20] [--seed N] [--build build-test]" >&2; exit 2 ;;
  esac
done

# The driver uses the tests' support library (demo data, PostgreSQL clusters): a tests build.
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKHUYENCONG_TESTS=ON -DKHUYENCONG_BENCH=ON >/dev/null
cmake --build "$build" -j"$(nproc)" --target khuyencong crash_test >/dev/null
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) CPU; load average: $(cut -d' ' -f1-3 /proc/loadavg)"

status=0
# run <args…>: one run of the driver; 77 (no PostgreSQL here) is reported and not a failure.
run() {
  local rc=0
  echo
  "$build/bench/crash_test" --seed "$seed" "$@" || rc=$?
  [ "$rc" -eq 0 ] || [ "$rc" -eq 77 ] || status=1
}
[ "$kills" -gt 0 ] && run --engine sqlite --kills "$kills"
[ "$pg_kills" -gt 0 ] && run --engine postgres --kills "$pg_kills"
[ "$pg_server_kills" -gt 0 ] && run --engine postgres --kill-postgres --kills "$pg_server_kills"
exit "$status"
