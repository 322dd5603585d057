#!/usr/bin/env bash
# Runs every test: installs the build and test packages, builds with warnings as errors and
# runs the whole CTest suite (unit, import validation, report figures, DOCX with LibreOffice, CLI)
# twice: on the embedded SQLite engine, then on a throwaway PostgreSQL 15 cluster; in between, each
# fuzz target runs for 15 s (scripts/fuzz.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/install-deps.sh --with-tests
./scripts/web-assets.sh
cmake -S . -B build-test -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKHUYENCONG_TESTS=ON -DKHUYENCONG_BENCH=ON >/dev/null
cmake --build build-test -j"$(nproc)"
echo "== test suite on SQLite"
ctest --test-dir build-test --output-on-failure -j"$(nproc)"
echo "== fuzzing the readers briefly (docs/fuzzing.md)"
./scripts/fuzz.sh --seconds 15
echo "== test suite on PostgreSQL 15"
./scripts/with-postgres.sh ctest --test-dir build-test --output-on-failure -j"$(nproc)"
