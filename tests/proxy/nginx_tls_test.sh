#!/usr/bin/env bash
# The nginx TLS example (packaging/nginx/khuyencong.conf, docs/deployment.md) in front of two
# `khuyencong serve`: one started with --trusted-proxy 127.0.0.1, one without. nginx runs as the
# test's user with its prefix, pid, logs and a self-signed certificate in a temporary folder, on
# loopback only; both servers and nginx are stopped at the end. Checks: HTTPS answers, the
# session and CSRF cookies carry Secure, and the sign-in throttle counts the client nginx saw
# (each test client connects from its own loopback address, 127.0.0.2 or 127.0.0.3) only when
# the proxy is trusted, never an address a client wrote into X-Forwarded-For itself.
# Usage: nginx_tls_test.sh <khuyencong binary> [source dir]. Exit 77 (skipped) without nginx.
set -euo pipefail
bin=$(realpath "$1")
src=$(realpath "${2:-$(dirname "$0")/../..}")
if [ -n "${KC_TEST_POSTGRES:-}" ]; then  # scripts/test.sh's second run: nothing here reads the database engine
  echo "SKIP: the proxy does not depend on the database engine; checked in the SQLite run"; exit 77
fi
for tool in nginx openssl curl; do
  command -v "$tool" >/dev/null || [ -x "/usr/sbin/$tool" ] || {
    echo "SKIP: $tool is not installed (scripts/install-deps.sh --with-tests installs it)"; exit 77; }
done
nginx=$(command -v nginx || echo /usr/sbin/nginx)

tmp=$(mktemp -d)
pids=()
cleanup() {
  [ -f "$tmp/nginx.pid" ] && kill "$(cat "$tmp/nginx.pid")" 2>/dev/null || true
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
. "$src/tests/support/checks.sh"

# A database with one account.
db="$tmp/khuyencong.db"
password=mat-khau-thu-nghiem-proxy
"$bin" --db "$db" init >/dev/null
printf '%s\n' "$password" | "$bin" --db "$db" user add trungtam --role trung_tam >/dev/null

# Two servers on free ports; each prints its address in its first log line.
start_server() {  # start_server <name> [serve options…]: sets port_<name>
  local name=$1; shift
  "$bin" --db "$db" serve --port 0 --secure-cookies --quiet-requests --log-format text "$@" >"$tmp/$name.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 100); do
    local port; port=$(grep -o 'http://127.0.0.1:[0-9]*' "$tmp/$name.log" | head -1 | cut -d: -f3 || true)
    if [ -n "$port" ]; then printf -v "port_$name" '%s' "$port"; return; fi
    sleep 0.1
  done
  echo "FAILED: $name did not start:"; cat "$tmp/$name.log"; exit 1
}
start_server trusted --trusted-proxy 127.0.0.1
start_server direct

# The certificate, and nginx with the example's server block once per server.
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 \
  -keyout "$tmp/privkey.pem" -out "$tmp/fullchain.pem" 2>/dev/null
example() {  # example <https port> <server port>: the example, moved to the test's ports and files
  sed -e "s|listen 443 ssl http2;|listen 127.0.0.1:$1 ssl http2;|" \
      -e "s|listen 80;|listen 127.0.0.1:$(($1 + 1));|" \
      -e "s|/etc/ssl/khuyencong/|$tmp/|" -e "s|http://127.0.0.1:8080|http://127.0.0.1:$2|" \
      "$src/packaging/nginx/khuyencong.conf"
}
start_nginx() {
  local base=$((20000 + RANDOM % 20000))
  https_trusted=$base https_direct=$((base + 2))
  mkdir -p "$tmp/nginx"
  {
    [ "$(id -u)" = 0 ] && echo "user root;"  # as root, the workers would otherwise become nobody
    echo "pid $tmp/nginx.pid; error_log $tmp/nginx/error.log; worker_processes 1;"
    echo "events { worker_connections 64; }"
    echo "http { access_log $tmp/nginx/access.log;"
    for d in client_body proxy fastcgi uwsgi scgi; do echo "${d}_temp_path $tmp/nginx/$d;"; done
    example "$https_trusted" "$port_trusted"
    example "$https_direct" "$port_direct"
    echo "}"
  } >"$tmp/nginx.conf"
  "$nginx" -p "$tmp/nginx" -c "$tmp/nginx.conf" -e "$tmp/nginx/error.log" 2>>"$tmp/nginx/start.log"
}
started=0
for _ in 1 2 3 4 5; do  # another program may hold a random port: try others
  if start_nginx; then started=1; break; fi
done
[ $started = 1 ] || { echo "FAILED: nginx did not start:"; cat "$tmp/nginx/start.log" "$tmp/nginx/error.log"; exit 1; }

https() {  # https <port> <from address> <path> [curl options…]: prints the status code
  local port=$1 from=$2 path=$3; shift 3
  curl -sS -o "$tmp/body" -D "$tmp/headers" -w '%{http_code}' --cacert "$tmp/fullchain.pem" \
    --interface "$from" "$@" "https://127.0.0.1:$port$path"
}
sign_in() {  # sign_in <port> <from> <password> [extra header]: prints the status code
  local jar="$tmp/jar-$1-$2"
  https "$1" "$2" /api/csrf -c "$jar" >/dev/null
  local csrf; csrf=$(grep -o '"csrf":"[^"]*"' "$tmp/body" | cut -d'"' -f4)
  https "$1" "$2" /api/dang-nhap -b "$jar" -c "$jar" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
    ${4:+-H "$4"} --data "{\"ten_dang_nhap\":\"trungtam\",\"mat_khau\":\"$3\"}"
}

# HTTPS answers, and the cookies are Secure.
check "the home page over HTTPS" 200 "$(https "$https_trusted" 127.0.0.2 / --http2)"
check "HTTP/2 through nginx" "HTTP/2 200" "$(head -1 "$tmp/headers" | tr -d '\r' | sed 's/ *$//')"
https "$https_trusted" 127.0.0.2 /api/csrf >/dev/null
check "the CSRF cookie carries Secure" 1 "$(grep -ci '^set-cookie: kc_csrf=.*; Secure' "$tmp/headers")"
check "a sign-in through nginx" 200 "$(sign_in "$https_trusted" 127.0.0.2 "$password")"
check "the session cookie carries Secure and HttpOnly" 1 \
  "$(grep -ci '^set-cookie: kc_session=.*HttpOnly; Secure' "$tmp/headers")"
check "the plain-HTTP port sends browsers to HTTPS" 301 \
  "$(curl -sS -o /dev/null -w '%{http_code}' "http://127.0.0.1:$((https_trusted + 1))/")"

# Five wrong passwords from one client, the last two each after the previous wait ran out
# (throttle.h: waits of 1 s after the third, 2 s after the fourth): the client is then held back
# for 4 s, time enough for the checks that follow even on a busy machine.
hold_back() {  # hold_back <label> <https port> <from address>
  for i in 1 2 3 4 5; do
    check "$1: wrong password $i from $3" 422 "$(sign_in "$2" "$3" sai-$i)"
    case $i in 3) sleep 1.2 ;; 4) sleep 2.2 ;; esac
  done
}

# Trusted proxy: the wrong passwords from 127.0.0.2 hold back that client only.
hold_back trusted "$https_trusted" 127.0.0.2
check "trusted: a client naming another address itself still waits" 429 \
  "$(sign_in "$https_trusted" 127.0.0.2 "$password" 'X-Forwarded-For: 127.0.0.3')"
check "trusted: the guessing client waits" 429 "$(sign_in "$https_trusted" 127.0.0.2 "$password")"
check "trusted: the owner at another address signs in" 200 "$(sign_in "$https_trusted" 127.0.0.3 "$password")"

# Untrusted proxy: every client is nginx's 127.0.0.1, so one guesser holds back everyone.
hold_back untrusted "$https_direct" 127.0.0.2
check "untrusted: the header is ignored, the other client shares the wait" 429 \
  "$(sign_in "$https_direct" 127.0.0.3 "$password")"

checks_done
