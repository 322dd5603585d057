#!/usr/bin/env bash
# Reads while people write, on the national dataset (docs/performance.md, "Reads after a write").
#
#   bench/write_read_benchmark.sh [--scale 1.0] [--binary <khuyencong>] [--db <prepared.db>]
#                                 [--rounds 20] [--writes-per-second 20] [--seconds 20] [--connections 16]
#
# Loads the national dataset into a fresh SQLite database (or copies --db, a database made by an
# earlier run, kept with --keep-db), serves it, and measures:
#   1. the first answer after a write: `rounds` times a lifecycle step ("báo cáo tiến độ" on a
#      project in progress, through POST /api/de-an/{ma}/buoc), then one aggregate answer
#      (GET /api/tong-hop); then the same with one page of the project list (GET /api/de-an);
#      1b checks that the very next aggregate answer holds a write (a cancellation);
#   2. reads under writes: wrk on the aggregate and the list for `seconds` while two users write
#      about `writes-per-second` steps per second (a wrk connection each, bench/write_steps.lua,
#      pausing 2000/wps ms between its writes); the readers' p99, and how many
#      writes were acknowledged.
# The server has a worker thread for every connection and 8 more (cpp-httplib keeps one per kept-alive
# connection: with fewer, the writers queued behind the readers).
# --binary measures an already built khuyencong (another commit's build) instead of build-bench/.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/web_lib.sh

scale=1.0; binary=""; prepared=""; keep=""; rounds=20; wps=20; seconds=20; connections=16
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) scale="$2"; shift 2 ;;
    --binary) binary="$2"; shift 2 ;;
    --db) prepared="$2"; shift 2 ;;
    --keep-db) keep="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --writes-per-second) wps="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    *) echo "usage: bench/write_read_benchmark.sh [--scale 1.0] [--binary <khuyencong>] [--db <prepared.db>] [--keep-db <file>] [--rounds 20] [--writes-per-second 20] [--seconds 20] [--connections 16]" >&2; exit 2 ;;
  esac
done
kc_need_tools wrk curl jq
kc_national_dataset "$scale" "$binary"  # sets kc and data
kc_scratch                               # sets tmp, server_pid

echo "ngày / date: $(date -u '+%Y-%m-%d %H:%M UTC'); load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) CPU"
echo "binary: $kc"
db="$tmp/web.db"
if [ -n "$prepared" ]; then
  cp "$prepared" "$db"
else
  "$kc" --db "$db" import "$data" >/dev/null 2>"$tmp/import.log"
  for who in "bench trung_tam" "bench-2 trung_tam"; do
    read -r user role <<<"$who"
    printf '%s\n' "mat-khau-do-hieu-nang" | "$kc" --db "$db" user add "$user" --role "$role" >/dev/null
  done
  printf '%s\n' "mat-khau-do-hieu-nang" | "$kc" --db "$db" user add bench-sct --role so_cong_thuong >/dev/null
  [ -n "$keep" ] && cp "$db" "$keep"
fi

port=$((20000 + RANDOM % 20000))
"$kc" --db "$db" serve --port "$port" --threads $((connections + 8)) --db-pool 8 --quiet-requests >"$tmp/serve.log" 2>&1 &
server_pid=$!
base="http://127.0.0.1:$port"
kc_wait_for "$base"
declare -A csrf
for user in bench bench-2 bench-sct; do csrf[$user]=$(kc_sign_in "$base" "$user" mat-khau-do-hieu-nang "$tmp/jar-$user"); done
cookie="Cookie: kc_session=$(awk '$6 == "kc_session" {print $7}' "$tmp/jar-bench")"
aggregate="/api/tong-hop?tu_nam=2016&den_nam=2025"
list="/api/de-an?kich_thuoc=50&sap_xep=ma"
curl -fs -H "$cookie" "$base$aggregate" >/dev/null  # the first load of the Dataset
# Projects in progress: each write is a progress report on one of them (repeatable).
curl -fs -H "$cookie" "$base/api/de-an?kich_thuoc=200&trang_thai=dang_thuc_hien" | jq -r '.ban_ghi[].ma' >"$tmp/running"
echo "projects in progress used by the writes: $(wc -l <"$tmp/running")"
mapfile -t running <"$tmp/running"

# step <user> <project> <to> [decision]: one lifecycle step; prints the HTTP status.
step() {
  curl -s -o /dev/null -w '%{http_code}' -b "$tmp/jar-$1" -H "X-CSRF-Token: ${csrf[$1]}" -H 'Content-Type: application/json' \
    -d "{\"den_trang_thai\":\"$3\",\"so_quyet_dinh\":\"${4:-BENCH}\",\"ghi_chu\":\"đo hiệu năng\"}" "$base/api/de-an/$2/buoc"
}
# ms <path>: one GET, its total time in ms.
ms() { curl -fs -o /dev/null -w '%{time_total}' -H "$cookie" "$base$1" | awk '{printf "%.1f", $1 * 1000}'; }
# summary <label> <file of ms>: median and max.
summary() {
  sort -n "$2" | awk -v label="$1" '{v[NR] = $1} END {printf "%-44s median %7.1f ms   max %7.1f ms   (%d answers)\n", label, v[int((NR + 1) / 2)], v[NR], NR}'
}

echo
echo "1. the first answer after a write (a progress report), $rounds times each"
: >"$tmp/after-aggregate"; : >"$tmp/after-list"; : >"$tmp/quiet-aggregate"
for i in $(seq 1 "$rounds"); do
  p="${running[$((i % ${#running[@]}))]}"
  [ "$(step bench "$p" dang_thuc_hien)" = 200 ] || { echo "a write was refused" >&2; exit 1; }
  ms "$aggregate" >>"$tmp/after-aggregate"; echo >>"$tmp/after-aggregate"
  ms "$aggregate" >>"$tmp/quiet-aggregate"; echo >>"$tmp/quiet-aggregate"
  [ "$(step bench "$p" dang_thuc_hien)" = 200 ] || { echo "a write was refused" >&2; exit 1; }
  ms "$list" >>"$tmp/after-list"; echo >>"$tmp/after-list"
done
summary "aggregate, first answer after a write" "$tmp/after-aggregate"
summary "aggregate, the answer after that" "$tmp/quiet-aggregate"
summary "project list page, first answer after a write" "$tmp/after-list"

# 1b. the write shows in that very answer: cancelling a project in progress takes it out of the aggregate.
victim="${running[0]}"
before=$(curl -fs -H "$cookie" "$base$aggregate" | jq .tong.so_de_an)
[ "$(step bench-sct "$victim" huy QD-HUY)" = 200 ] || { echo "the cancellation was refused" >&2; exit 1; }
after=$(curl -fs -H "$cookie" "$base$aggregate" | jq .tong.so_de_an)
[ "$after" = $((before - 1)) ] && echo "the cancellation shows in the next aggregate answer ($before → $after projects)" ||
  { echo "STALE: the aggregate after a cancellation says $after projects, $before before" >&2; exit 1; }
running=("${running[@]:1}")

echo
echo "2. reads while two users write $wps steps per second, wrk 2 threads × $connections connections, ${seconds} s"
# writers: two users, each a wrk connection writing wps/2 steps per second (bench/write_steps.lua).
writers() {
  local user
  for user in bench bench-2; do
    KC_PROJECTS="$tmp/running" KC_DELAY_MS=$((2000 / wps)) KC_CSRF="${csrf[$user]}" \
      KC_SESSION="$(awk '$6 == "kc_session" {print $7}' "$tmp/jar-$user")" \
      wrk -t1 -c1 -d"${seconds}s" --latency -s bench/write_steps.lua "$base" >"$tmp/writes-$user.txt" 2>&1 &
  done
  wait
}
for what in aggregate list; do
  path=$aggregate; [ "$what" = list ] && path=$list
  writers &
  writers_pid=$!
  wrk -t2 -c"$connections" -d"${seconds}s" --latency -H "$cookie" "$base$path" >"$tmp/wrk-$what.txt" 2>&1
  wait "$writers_pid"
  cat "$tmp"/writes-*.txt >"$tmp/writes.txt"
  total=$(awk '/requests in/ {n += $1} END {print n + 0}' "$tmp/writes.txt")
  refused=$(awk '/Non-2xx/ {n += $NF} END {print n + 0}' "$tmp/writes.txt")
  write_p99=$(awk '$1 == "99%" {print $2}' "$tmp/writes.txt" | paste -sd/)
  awk -v what="$what" -v ok=$((total - refused)) -v total="$total" -v s="$seconds" -v wp99="$write_p99" '
    /Requests\/sec/ {rps = $2} $1 == "50%" {p50 = $2} $1 == "99%" {p99 = $2} /Non-2xx|Socket errors/ {bad = bad " " $0}
    END {printf "%-10s %9s reads/s   p50 %9s   p99 %9s   writes acknowledged %d of %d (%.1f/s, p99 %s)%s\n", what, rps, p50, p99, ok, total, ok / s, wp99, bad}' \
    "$tmp/wrk-$what.txt"
done
awk '/VmHWM/ {printf "server peak RSS: %.1f MB", $2 / 1024} /VmRSS/ {rss = $2} END {printf " (now %.1f MB)\n", rss / 1024}' "/proc/$server_pid/status"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
