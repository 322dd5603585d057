# Sourced by the shell tests (tests/proxy, tests/package): one line per check, `ok: …` or
# `FAILED: …` with what was expected, and a closing line `N passed, N failed` that CTest's log
# and CI read; `checks_done` ends the script with the verdict.
passed=0 failed=0
check() {  # check <description> <expected> <actual>
  if [ "$2" = "$3" ]; then passed=$((passed + 1)); echo "ok: $1"
  else failed=$((failed + 1)); echo "FAILED: $1: expected “$2”, got “$3”"; fi
}
checks_done() {
  echo "$passed passed, $failed failed"
  [ "$failed" = 0 ]
}
