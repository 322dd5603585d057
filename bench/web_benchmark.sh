#!/usr/bin/env bash
# The web server against nginx, in one run on this machine (docs/performance.md, "Web API").
#
#   bench/web_benchmark.sh [--scale 1.0] [--connections 32] [--seconds 10] [--threads 32] [--db-pool 8]
#                          [--binary <khuyencong>]
#
# --binary measures an already built khuyencong (say, a Release build of another commit) instead
# of building build-bench/ in Release.
#
# Loads the national-scale dataset (bench/data/national, made by gen_national as in
# run_benchmarks.sh) into a fresh SQLite database, serves it with `khuyencong serve`, signs in as
# a centre officer, and measures with wrk (2 threads, 32 connections, 10 s, latency percentiles):
#   1. a page of the project list API: GET /api/de-an?kich_thuoc=50&sap_xep=ma
#   2. the aggregate API: GET /api/tong-hop?tu_nam=2021&den_nam=2025 (count and money by content
#      and funding level for the period);
# then nginx (Debian's nginx-light, one worker per CPU, access log off) serving static files of
# exactly the same sizes, with the same wrk settings. Then it checks that every write is visible
# in the next aggregate answer (proposals and steps through the API, each followed by one
# aggregate request whose totals must have moved by the write), and prints the server's peak RSS.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/web_lib.sh

scale=1.0
connections=32
seconds=10
threads=32
pool=8
binary=""
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) scale="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --db-pool) pool="$2"; shift 2 ;;
    --binary) binary="$2"; shift 2 ;;
    *) echo "usage: bench/web_benchmark.sh [--scale 1.0] [--connections 32] [--seconds 10] [--threads 32] [--db-pool 8] [--binary <khuyencong>]" >&2; exit 2 ;;
  esac
done

need=()
command -v wrk >/dev/null || need+=(wrk)
[ -x /usr/sbin/nginx ] || need+=(nginx-light)
command -v curl >/dev/null || need+=(curl)
command -v jq >/dev/null || need+=(jq)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

kc_national_dataset "$scale" "$binary"  # sets kc and data

tmp="$(mktemp -d)"
server_pid=""
nginx_conf=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  [ -n "$nginx_conf" ] && /usr/sbin/nginx -c "$nginx_conf" -s stop 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT

echo "máy / machine: $(nproc) CPU, $(lscpu | sed -n 's/^Model name: *//p'), $(free -m | awk '/^Mem:/ {print $2 " MB RAM"}')"
echo "ngày / date:   $(date -u '+%Y-%m-%d %H:%M UTC'); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "wrk: 2 threads, $connections connections, ${seconds} s; server: --threads $threads --db-pool $pool; nginx $(/usr/sbin/nginx -v 2>&1 | sed 's/.*\///')"

db="$tmp/web.db"
"$kc" --db "$db" import "$data" >/dev/null
echo "dataset: $(grep -c '' "$data/de_an.csv") project lines, database $(du -m "$db" | cut -f1) MB"
printf '%s\n' "mat-khau-do-hieu-nang" | "$kc" --db "$db" user add bench --role trung_tam >/dev/null
printf '%s\n' "mat-khau-do-hieu-nang" | "$kc" --db "$db" user add bench-sct --role so_cong_thuong >/dev/null

port=$((20000 + RANDOM % 20000))
# --threads 32 by default, as in the earlier runs (docs/performance.md): before connections had
# threads of their own (src/web/connection_threads.h), each kept-alive connection held a worker
# thread, and with fewer threads than connections the others queued (p99 in seconds). Database
# connections are fewer (--db-pool): each SQLite connection has its own page cache (RSS).
"$kc" --db "$db" serve --port "$port" --threads "$threads" --db-pool "$pool" >"$tmp/serve.log" 2>&1 &
server_pid=$!
base="http://127.0.0.1:$port"
kc_wait_for "$base"
kc_sign_in_cookie "$base" bench mat-khau-do-hieu-nang "$tmp/jar"  # sets csrf and cookie

list_path="/api/de-an?kich_thuoc=50&sap_xep=ma"
aggregate_path="/api/tong-hop?tu_nam=2021&den_nam=2025"

# cpu_ticks <pid>…: the CPU time (user + system, in clock ticks) the processes have used so far.
cpu_ticks() {
  local pid total=0
  for pid in "$@"; do total=$((total + $(sed 's/.*) //' "/proc/$pid/stat" | awk '{print $12 + $13}'))); done
  echo "$total"
}

# measure <label> <url> [header] [pid…]: wrk, then one line with requests/s and latency
# percentiles, and the CPU time the serving processes (the pids) used per answer. On a machine
# shared with other work the requests/s of two servers say little about their costs (the
# scheduler shares the CPUs by thread: a server of 32 threads gets more than nginx's two workers
# when 20 other processes compete); the CPU time per answer does not depend on that.
measure() {
  local label="$1" url="$2" header="${3:-X-Bench: 1}"
  shift 3
  local ticks_before
  ticks_before=$(cpu_ticks "$@")
  wrk -t2 -c"$connections" -d"${seconds}s" --latency -H "$header" "$url" >"$tmp/wrk.txt" 2>&1
  local ticks=$(( $(cpu_ticks "$@") - ticks_before )) answers
  answers=$(awk '/requests in/ {print $1}' "$tmp/wrk.txt")
  awk -v t="$ticks" -v n="$answers" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.1f\n", t * 1e6 / hz / n}' >"$tmp/$label.cpu"
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' "$tmp/wrk.txt")
  p50=$(awk '$1 == "50%" {print $2}' "$tmp/wrk.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$tmp/wrk.txt")
  errors=$(awk '/Non-2xx|Socket errors/ {print}' "$tmp/wrk.txt" | tr '\n' ' ')
  printf '%-38s %10s req/s   p50 %8s   p99 %8s   CPU %6s µs/answer %s\n' "$label" "$rps" "$p50" "$p99" "$(cat "$tmp/$label.cpu")" "$errors"
  if grep -q "Non-2xx" "$tmp/wrk.txt"; then
    echo "  $label: answers other than 2xx — the figure above does not count" >&2
    exit 1
  fi
  echo "$rps" >"$tmp/$label.rps"
  echo "$p99" >"$tmp/$label.p99"
}

# The answers' sizes, for nginx's static files.
curl -fs -H "$cookie" "$base$list_path" >"$tmp/list.json"
curl -fs -H "$cookie" "$base$aggregate_path" >"$tmp/aggregate.json"
echo "answer sizes: list $(wc -c <"$tmp/list.json") bytes ($(jq '.ban_ghi | length' "$tmp/list.json") of $(jq .tong "$tmp/list.json") projects), aggregate $(wc -c <"$tmp/aggregate.json") bytes ($(jq '.nhom | length' "$tmp/aggregate.json") groups, $(jq .tong.so_de_an "$tmp/aggregate.json") projects)"
# listen_overflows: connections the kernel turned away because the accept queue was full (each
# makes a client's first request wait for a TCP retransmission, 200 ms or more).
listen_overflows() {
  awk '$1 == "TcpExt:" { if (!names) { for (i = 2; i <= NF; i++) col[$i] = i; names = 1 } else print $col["ListenOverflows"] }' /proc/net/netstat
}
overflows_before=$(listen_overflows)
echo
measure list "$base$list_path" "$cookie" "$server_pid"
measure aggregate "$base$aggregate_path" "$cookie" "$server_pid"
echo "connections turned away by a full listen queue during these two runs: $(( $(listen_overflows) - overflows_before ))"

# nginx with the same bytes.
mkdir -p "$tmp/www" "$tmp/nginx"
cp "$tmp/list.json" "$tmp/www/list.json"
cp "$tmp/aggregate.json" "$tmp/www/aggregate.json"
chmod a+rx "$tmp" "$tmp/www"  # nginx's workers run as www-data
chmod a+r "$tmp/www"/*
nport=$((port + 1))
nginx_conf="$tmp/nginx/nginx.conf"
cat >"$nginx_conf" <<EOF
worker_processes auto;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/error.log;
daemon on;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $tmp/nginx; proxy_temp_path $tmp/nginx; fastcgi_temp_path $tmp/nginx;
  uwsgi_temp_path $tmp/nginx; scgi_temp_path $tmp/nginx;
  default_type application/json;
  server { listen 127.0.0.1:$nport; root $tmp/www; }
}
EOF
/usr/sbin/nginx -c "$nginx_conf"
nginx_pids=("$(cat "$tmp/nginx/nginx.pid")")
nginx_pids+=($(pgrep -P "${nginx_pids[0]}"))
measure nginx-list "http://127.0.0.1:$nport/list.json" "X-Bench: 1" "${nginx_pids[@]}"
measure nginx-aggregate "http://127.0.0.1:$nport/aggregate.json" "X-Bench: 1" "${nginx_pids[@]}"
/usr/sbin/nginx -c "$nginx_conf" -s stop
nginx_conf=""

echo
for what in list aggregate; do
  awk -v what="$what" -v s="$(cat "$tmp/$what.rps")" -v n="$(cat "$tmp/nginx-$what.rps")" -v p99="$(cat "$tmp/$what.p99")" \
      -v cs="$(cat "$tmp/$what.cpu")" -v cn="$(cat "$tmp/nginx-$what.cpu")" 'BEGIN {
    ratio = 100 * s / n
    ms = p99 + 0; if (p99 ~ /us$/) ms /= 1000; else if (p99 ~ /[^m]s$/) ms *= 1000
    printf "%-10s khuyencong / nginx = %.1f%% (target >= 25%%, aim 50%%: %s); p99 %s (target < 10 ms: %s)\n",
           what, ratio, (ratio >= 25 ? "met" : "NOT MET"), p99, (ms < 10 ? "met" : "NOT MET")
    printf "%-10s CPU per answer: nginx / khuyencong = %.1f%% (%s / %s µs)\n", what, 100 * cn / cs, cn, cs
  }'
done

awk '/VmHWM/ {printf "server peak RSS after the read benchmarks: %.1f MB", $2 / 1024} /VmRSS/ {rss = $2} END {printf " (now %.1f MB)\n", rss / 1024}' "/proc/$server_pid/status"

# Every write visible in the next aggregate answer: proposals (not counted until in progress)
# then steps up to "đang thực hiện", each followed by one aggregate request.
sct_jar="$tmp/jar-sct"
sct_csrf=$(kc_sign_in "$base" bench-sct mat-khau-do-hieu-nang "$sct_jar")
# A real project's place and implementing unit, for the new ones.
sample=$(curl -fs -H "$cookie" "$base/api/de-an?kich_thuoc=1&trang_thai=quyet_toan")
place=$(jq -r '.ban_ghi[0].dia_ban' <<<"$sample")
implementer=$(jq -r '.ban_ghi[0].don_vi_thuc_hien' <<<"$sample")
writes=0
stale=0
write_ms=0
read_after_write_ms=0
for i in $(seq 1 5); do
  count_before=$(curl -fs -H "$cookie" "$base$aggregate_path" | jq .tong.so_de_an)
  start=$(date +%s%N)
  code=$(curl -fs -b "$tmp/jar" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' -d '{
    "ten": "Đề án đo hiệu năng '"$i"'", "noi_dung": "nd45-3", "cap_kinh_phi": "tinh", "nam_bat_dau": 2023,
    "nam_ket_thuc": 2023, "dia_ban": "'"$place"'", "don_vi_thuc_hien": "'"$implementer"'",
    "kinh_phi_nsnn": 100000000, "kinh_phi_doi_ung": 300000000}' "$base/api/de-an" | jq -r .ban_ghi.ma)
  for step in "de_xuat bench" "tham_dinh bench" "phe_duyet sct" "dang_thuc_hien bench"; do
    read -r to who <<<"$step"
    if [ "$who" = sct ]; then jar="$sct_jar"; token="$sct_csrf"; else jar="$tmp/jar"; token="$csrf"; fi
    curl -fs -o /dev/null -b "$jar" -H "X-CSRF-Token: $token" -H 'Content-Type: application/json' \
      -d "{\"den_trang_thai\":\"$to\",\"so_quyet_dinh\":\"$i/BENCH\",\"xac_nhan_ngoai_ky\":true}" "$base/api/de-an/$code/buoc"
  done
  mid=$(date +%s%N)
  count_after=$(curl -fs -H "$cookie" "$base$aggregate_path" | jq .tong.so_de_an)
  end=$(date +%s%N)
  writes=$((writes + 5))
  [ "$count_after" = $((count_before + 1)) ] || stale=$((stale + 1))
  write_ms=$((write_ms + (mid - start) / 1000000))
  read_after_write_ms=$((read_after_write_ms + (end - mid) / 1000000))
done
echo "writes: $writes (5 projects, proposal + 4 steps each); aggregate answers after them that missed a write: $stale"
echo "  mean per project: 5 writes $((write_ms / 5)) ms; the next aggregate answer (reloads the dataset) $((read_after_write_ms / 5)) ms"

rss_kb=$(awk '/VmHWM/ {print $2}' "/proc/$server_pid/status")
awk '/VmRSS/ {printf "server RSS after the writes and their Dataset reloads: %.1f MB\n", $2 / 1024}' "/proc/$server_pid/status"
awk -v kb="$rss_kb" 'BEGIN {printf "server peak RSS, writes included (a reload holds two Datasets): %.1f MB (target < 100 MB: %s)\n", kb / 1024, (kb / 1024 < 100 ? "met" : "NOT MET")}'
