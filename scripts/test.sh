#!/usr/bin/env bash
# Runs every test: installs the build and test packages, builds with warnings as errors and
# runs the whole CTest suite (unit, import validation, report figures, DOCX with LibreOffice, CLI).
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/install-deps.sh --with-tests
cmake -S . -B build-test -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKHUYENCONG_TESTS=ON -DKHUYENCONG_BENCH=ON >/dev/null
cmake --build build-test -j"$(nproc)"
ctest --test-dir build-test --output-on-failure -j"$(nproc)"
