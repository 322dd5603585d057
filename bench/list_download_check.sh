#!/usr/bin/env bash
# A registry list's download at national scale, before and after large ones became background
# jobs (docs/web.md, "List downloads"; figures in docs/performance.md, "List downloads in the
# background"). Starts `serve` on a database, signs in, times other pages, then asks for the
# list's file:
# - a server that answers the file itself (before) is timed while other pages are loaded
#   during the download, which holds one of its request threads;
# - a server that answers with the job's form (after) gets the POST, and the job is followed
#   on its page while the same pages are timed; then its file is downloaded.
# Either way the file is checked (unzip -t for XLSX) and its size printed.
#
#   bench/list_download_check.sh --db national.db --user NAME --password P [--list co-so]
#                                [--format xlsx|csv] [--bin build-test/src/khuyencong] [--port 18091]
#
# The account must exist (`khuyencong user add … --role trung_tam`, password on stdin).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/web_lib.sh
bin=build-test/src/khuyencong
list=co-so
format=xlsx
port=18091
db="" user="" password=""
while [ $# -gt 0 ]; do
  case "$1" in
    --db) db="$2"; shift 2 ;;
    --user) user="$2"; shift 2 ;;
    --password) password="$2"; shift 2 ;;
    --list) list="$2"; shift 2 ;;
    --format) format="$2"; shift 2 ;;
    --bin) bin="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    *) echo "usage: bench/list_download_check.sh --db FILE --user NAME --password P [--list SLUG] [--format xlsx|csv] [--bin PATH] [--port N]" >&2; exit 2 ;;
  esac
done
[ -n "$db" ] && [ -n "$user" ] && [ -n "$password" ] || { echo "--db, --user and --password are needed" >&2; exit 2; }

kc_scratch
"$bin" --db "$db" serve --port "$port" --quiet-requests > "$tmp/serve.log" 2>&1 &
server_pid=$!
base="http://127.0.0.1:$port"
kc_wait_for "$base"
jar="$tmp/cookies"
kc_sign_in "$base" "$user" "$password" "$jar" > /dev/null
token() { grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }
pages="/ /de-an /ke-hoach /co-so?trang=2"
time_pages() {  # one line of page times; each time also kept in $tmp/times
  local times="" t page
  for page in $pages; do
    t=$(curl -s -o /dev/null -b "$jar" -w '%{time_total}' "$base$page")
    times="$times $page=$t"
    echo "$t" >> "$tmp/times"
  done
  printf '%s' "$times"
}
summary() {  # the page times kept so far: how many, median, slowest; then forgotten
  sort -n "$tmp/times" | awk -v what="$1" '{t[NR] = $1} END {printf "%d page loads %s: median %s s, slowest %s s\n", NR, what, t[int((NR + 1) / 2)], t[NR]}'
  rm -f "$tmp/times"
}
curl -s -o /dev/null -b "$jar" "$base/"  # warm the Dataset
printf 'before the download (seconds per page):\n'
for _ in 1 2 3; do printf ' %s\n' "$(time_pages)"; done
summary "before"

start=$(date +%s.%N)
curl -s -D "$tmp/headers" -o "$tmp/answer" -b "$jar" -w '%{time_total}\n' "$base/$list?dinh_dang=$format" > "$tmp/time" &
getter=$!
sleep 0.2
printf 'while the GET is answered (seconds per page):\n'
while kill -0 "$getter" 2>/dev/null; do printf ' %s\n' "$(time_pages)"; sleep 0.5; done
wait "$getter"
get_time=$(cat "$tmp/time")
file="$tmp/answer"
if grep -qi '^content-type: text/html' "$tmp/headers"; then
  csrf=$(token < "$tmp/answer")
  echo "GET /$list?dinh_dang=$format answered the job's form in $get_time s"
  answer=$(curl -s -o /dev/null -D - -b "$jar" --data-urlencode "_csrf=$csrf" --data-urlencode "dinh_dang=$format" \
    -w 'time %{time_total}\n' "$base/tai-danh-sach/$list")
  job=$(printf '%s\n' "$answer" | grep -i '^location:' | tr -d '\r' | awk '{print $2}')
  echo "POST /tai-danh-sach/$list answered in $(printf '%s\n' "$answer" | awk '/^time/ {print $2}') s -> $job"
  [ -n "$job" ] || { echo "no job started" >&2; exit 1; }
  printf 'while the job runs (its progress | seconds per page):\n'
  while :; do
    status=$(curl -s -b "$jar" "$base$job/trang-thai")
    if grep -q 'Đã xong\|role="alert"' <<< "$status"; then break; fi
    printf '  %s |%s\n' "$(grep -o 'Đang[^<]*' <<< "$status" | head -1)" "$(time_pages)"
    sleep 0.5
  done
  end=$(date +%s.%N)
  grep -o 'Đã xong[^<]*\|role="alert">[^<]*' <<< "$status"
  echo "job: $(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.1f", b - a}') s from the GET to done; a request thread held $get_time s + the POST"
  curl -s -b "$jar" -o "$tmp/file" -w 'download: %{http_code}, %{size_download} bytes in %{time_total} s\n' "$base$job/tai-ve"
  file="$tmp/file"
else
  echo "GET /$list?dinh_dang=$format answered the file itself in $get_time s, holding a request thread all along"
fi
summary "meanwhile"
if [ "$format" = xlsx ]; then unzip -tq "$file"; fi
echo "file: $(stat -c %s "$file") bytes; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
