#!/usr/bin/env bash
# Builds the whole C++ test suite with AddressSanitizer and UndefinedBehaviorSanitizer
# (-DKHUYENCONG_SANITIZE=ON) in its own build folder, build-asan/, and runs it: the C++ tests and
# the crash test's short variants, not the browser tests (the browser adds nothing the sanitizers
# look at). A report of either sanitizer fails the test it happened in. Not a CI step: it takes
# too long on the CI machine (docs/testing.md, "Sanitizers", gives the time).
#   scripts/sanitize.sh [ctest arguments…]      e.g. scripts/sanitize.sh -R Web
# Under scripts/with-postgres.sh the PostgreSQL tests run too. KC_JOBS sets the parallelism
# (default: the number of CPUs).
set -euo pipefail
cd "$(dirname "$0")/.."

jobs="${KC_JOBS:-$(nproc)}"
start=$(date +%s)
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKHUYENCONG_TESTS=ON -DKHUYENCONG_BENCH=ON \
  -DKHUYENCONG_SANITIZE=ON >/dev/null
cmake --build build-asan -j"$jobs"
built=$(date +%s)
echo "== built with the sanitizers in $((built - start)) s"
# halt_on_error: the first report ends the program, so the test fails where it happened.
export ASAN_OPTIONS="${ASAN_OPTIONS:-halt_on_error=1:detect_leaks=1:strict_string_checks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"
# Leaks inside system libraries that our code cannot free (each explained in the file).
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$PWD/scripts/lsan-suppressions.txt:print_suppressions=0}"
status=0
ctest --test-dir build-asan --output-on-failure -j"$jobs" -E '^browser_e2e$' "$@" || status=$?
echo "== tests run in $(($(date +%s) - built)) s (total $(($(date +%s) - start)) s)"
exit "$status"
