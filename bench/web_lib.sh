# Helpers shared by the web benchmarks (web_benchmark.sh, picker_benchmark.sh): sourced, not run.

# kc_wait_for <base url>: returns once the server answers /healthz (60 s at most).
kc_wait_for() {
  for _ in $(seq 1 600); do
    curl -fs "$1/healthz" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "the server at $1 did not answer within 60 s" >&2
  return 1
}

# kc_sign_in <base url> <user> <password> <cookie jar>: signs in through the API, keeping the
# session in the jar; prints the session's CSRF token.
kc_sign_in() {
  local csrf
  csrf=$(curl -fs -c "$4" "$1/api/csrf" | jq -r .csrf)
  curl -fs -b "$4" -c "$4" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
    -d "{\"ten_dang_nhap\":\"$2\",\"mat_khau\":\"$3\"}" "$1/api/dang-nhap" | jq -r .csrf
}
