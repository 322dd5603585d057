#!/usr/bin/env bash
# Search on SQLite at national scale (docs/performance.md, "Search on SQLite"): new searches
# through the project list API (/api/de-an?q=…), each distinct so that the server's list cache
# never holds the answer, on a program before and after the trigram index.
#
#   bench/search_benchmark.sh --before <khuyencong> --after <khuyencong> [--seconds 10] [--connections 8]
#
# Imports the national dataset (bench/data/national, made by gen_national) with `before` into a
# SQLite database and copies it; `after` opens the copy (its migrations run: the upgrade's time
# is printed). Then, the two servers taking turns (one at a time, --threads 8):
#  - names: wrk (2 threads, `--connections`, `--seconds`) over 100.000 distinct searches of 2-3
#    words of a project's name or a project code (bench/search/queries.py), requests/s and latency;
#  - words: every distinct single word of the names (the common ones match tens of thousands of
#    projects), one after another with curl on a new server: the mean and the slowest time of a
#    new search.
# The server's CPU time per search (from /proc) is printed too: on a shared, loaded machine it
# says more than the rate, and 1000 / (CPU ms a search) is what one free core would answer.
# Both servers' answers to the first 200 searches of each workload are compared (same totals,
# same rows, same order): the script fails when they differ.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/web_lib.sh

seconds=10
connections=8
before=""
after=""
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --before) before="$2"; shift 2 ;;
    --after) after="$2"; shift 2 ;;
    *) echo "usage: bench/search_benchmark.sh --before <khuyencong> --after <khuyencong> [--seconds 10] [--connections 8]" >&2; exit 2 ;;
  esac
done
[ -n "$before" ] && [ -n "$after" ] || { echo "--before and --after are required" >&2; exit 2; }
kc_need_tools jq curl wrk python3
kc_national_dataset 1.0 "$after"  # sets data (and kc, unused)
kc_scratch  # sets tmp and server_pid

echo "machine: $(nproc) CPU; date: $(date -u '+%Y-%m-%d %H:%M UTC'); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
"$before" --quiet --db "$tmp/before.db" import "$data" >/dev/null
printf '%s\n' mat-khau-do-hieu-nang | "$before" --db "$tmp/before.db" user add bench --role trung_tam >/dev/null
cp "$tmp/before.db" "$tmp/after.db"
start=$(date +%s.%N)
"$after" --db "$tmp/after.db" user list >/dev/null  # opening it applies the migrations
echo "upgrade of the national database by 'after' (migrations on open): $(echo "$(date +%s.%N) - $start" | bc) s"
echo "database size: before $(du -m "$tmp/before.db" | cut -f1) MB, after $(du -m "$tmp/after.db" | cut -f1) MB"

python3 bench/search/queries.py "$data/de_an.csv" names 100000 > "$tmp/names.txt"
python3 bench/search/queries.py "$data/de_an.csv" words 100000 > "$tmp/words.txt"
echo "searches: $(wc -l < "$tmp/names.txt") names, $(wc -l < "$tmp/words.txt") single words"

# serve <label> <binary>: starts the server on its database, signs in; sets base and cookie.
serve() {
  local port=$((20000 + RANDOM % 20000))
  "$2" --db "$tmp/$1.db" serve --port "$port" --threads 8 >"$tmp/serve-$1.log" 2>&1 &
  server_pid=$!
  base="http://127.0.0.1:$port"
  kc_wait_for "$base"
  kc_sign_in "$base" bench mat-khau-do-hieu-nang "$tmp/jar-$1" >/dev/null
  cookie="kc_session=$(awk '$6 == "kc_session" {print $7}' "$tmp/jar-$1")"
  curl -fs -o /dev/null -H "Cookie: $cookie" "$base/api/de-an"  # the first list: the Dataset loaded
}
# cpu_ticks: the server's CPU time so far (user + system, clock ticks).
cpu_ticks() { awk '{print $14 + $15}' "/proc/$server_pid/stat"; }
stop() {
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true
  server_pid=""
}

# answers <label> <file>: the totals and row codes of the first 200 searches, for the comparison.
answers() {
  head -200 "$2" | while read -r q; do
    curl -fs -H "Cookie: $cookie" "$base/api/de-an?q=$q" | jq -c '[.tong, [.ban_ghi[].ma]]'
  done > "$tmp/answers-$1-$(basename "$2" .txt)"
}

measure() {
  local label="$1" binary="$2"
  serve "$label" "$binary"
  answers "$label" "$tmp/names.txt"
  answers "$label" "$tmp/words.txt"
  # names: wrk over searches not asked before (the comparison above used the first 200; skip them)
  tail -n +201 "$tmp/names.txt" > "$tmp/names-wrk.txt"
  local cpu_before
  cpu_before=$(cpu_ticks)
  KC_SEARCHES="$tmp/names-wrk.txt" KC_THREADS=2 wrk -t2 -c"$connections" -d"${seconds}s" --latency \
    -s bench/search/distinct.lua -H "Cookie: $cookie" "$base" > "$tmp/wrk-$label.txt" 2>&1
  local requests non2xx
  requests=$(awk '/requests in/ {print $1}' "$tmp/wrk-$label.txt")
  local cpu_ms
  cpu_ms=$(( ($(cpu_ticks) - cpu_before) * 1000 / $(getconf CLK_TCK) ))
  non2xx=$(awk '/Non-2xx/ {print $NF}' "$tmp/wrk-$label.txt")
  awk -v label="$label" -v req="$requests" -v bad="${non2xx:-0}" -v cpu="$cpu_ms" '
    /Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2}
    END {printf "names %-6s %8s req/s  p50 %-8s p99 %-8s (%s requests, %s not 2xx); server CPU %.2f ms a search: %.0f searches/s per core\n",
                label, rps, p50, p99, req, bad, cpu / req, req * 1000 / cpu}' "$tmp/wrk-$label.txt"
  [ "$requests" -lt "$(wc -l < "$tmp/names-wrk.txt")" ] || echo "  (more requests than distinct searches: some answers came from the list cache)"
  # words: each single word once, on a new server (an empty list cache: the comparison above
  # asked some of them already)
  stop
  serve "$label" "$binary"
  cp "$tmp/words.txt" "$tmp/words-seq.txt"
  cpu_before=$(cpu_ticks)
  while read -r q; do
    curl -fs -o /dev/null -w '%{time_total}\n' -H "Cookie: $cookie" "$base/api/de-an?q=$q"
  done < "$tmp/words-seq.txt" | sort -n > "$tmp/words-times.txt"
  cpu_ms=$(( ($(cpu_ticks) - cpu_before) * 1000 / $(getconf CLK_TCK) ))
  awk -v label="$label" -v cpu="$cpu_ms" '{t[NR]=$1; s+=$1}
    END {printf "words %-6s %d searches, mean %.1f ms, median %.1f ms, slowest %.1f ms; server CPU %.1f ms a search\n",
                label, NR, 1000*s/NR, 1000*t[int((NR+1)/2)], 1000*t[NR], cpu/NR}' "$tmp/words-times.txt"
  stop
}

measure before "$before"
measure after "$after"
for w in names words; do
  if cmp -s "$tmp/answers-before-$w" "$tmp/answers-after-$w"; then
    echo "answers to the first 200 $w searches: identical ($(wc -l < "$tmp/answers-after-$w") compared)"
  else
    echo "answers to the first 200 $w searches DIFFER" >&2
    diff "$tmp/answers-before-$w" "$tmp/answers-after-$w" | head >&2
    exit 1
  fi
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
