#!/usr/bin/env bash
# Builds the fuzz targets (fuzz/*_fuzzer.cc: clang 14, libFuzzer, AddressSanitizer and
# UndefinedBehaviorSanitizer) into build-fuzz/ and runs each for a few seconds; fails when a target
# crashes (the crashing input is kept in build-fuzz/artifacts/). See docs/fuzzing.md.
#   scripts/fuzz.sh [--seconds N] [target…]     (default: 15 s for each target, all targets)
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=15
targets=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    -h|--help) sed -n '2,5p' "$0"; exit 0 ;;
    *) targets+=("${1%_fuzzer}"); shift ;;
  esac
done
if [[ ${#targets[@]} -eq 0 ]]; then
  for source in fuzz/*_fuzzer.cc; do
    name=$(basename "$source" .cc)
    targets+=("${name%_fuzzer}")
  done
fi

cxx=${KC_FUZZ_CXX:-clang++-14}
cmake -S fuzz -B build-fuzz -DCMAKE_CXX_COMPILER="$cxx" >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target "${targets[@]/%/_fuzzer}"

failed=()
mkdir -p build-fuzz/artifacts
for target in "${targets[@]}"; do
  # New inputs go to a working corpus in build-fuzz/; the seeds in fuzz/corpus/ stay as committed.
  work=build-fuzz/corpus/$target
  mkdir -p "$work" "fuzz/corpus/$target"
  echo "== fuzzing $target for ${seconds} s"
  if ! "build-fuzz/${target}_fuzzer" -max_total_time="$seconds" -print_final_stats=1 \
      -artifact_prefix="build-fuzz/artifacts/${target}-" "$work" "fuzz/corpus/$target" \
      >"build-fuzz/$target.log" 2>&1; then
    failed+=("$target")
    tail -n 40 "build-fuzz/$target.log"
  fi
  grep -E '^(#[0-9]+.*DONE|stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb)' \
    "build-fuzz/$target.log" || true
done
if [[ ${#failed[@]} -gt 0 ]]; then
  echo "fuzzing found a crash in: ${failed[*]} (inputs in build-fuzz/artifacts/)" >&2
  exit 1
fi
