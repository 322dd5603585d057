#!/usr/bin/env bash
# A plan's dossier as a web background job at national scale (docs/web.md, "Background jobs";
# figures in docs/performance.md, "Dossiers"): starts `serve` on a database, signs in as a
# centre officer, starts the dossier of a plan (POST /ke-hoach/<plan>/ho-so), and while the job
# runs times other pages every half second with curl; then downloads the file.
#
#   bench/dossier_job_check.sh --db national.db --user canbo-tt --password '…' [--plan KH01-2016-2020]
#                              [--bin build-test/src/khuyencong] [--port 18090]
#
# The account must exist (`khuyencong user add … --role trung_tam`, password on stdin).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=build-test/src/khuyencong
plan=KH01-2016-2020
port=18090
db="" user="" password=""
while [ $# -gt 0 ]; do
  case "$1" in
    --db) db="$2"; shift 2 ;;
    --user) user="$2"; shift 2 ;;
    --password) password="$2"; shift 2 ;;
    --plan) plan="$2"; shift 2 ;;
    --bin) bin="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    *) echo "usage: bench/dossier_job_check.sh --db FILE --user NAME --password P [--plan CODE] [--bin PATH] [--port N]" >&2; exit 2 ;;
  esac
done
[ -n "$db" ] && [ -n "$user" ] && [ -n "$password" ] || { echo "--db, --user and --password are needed" >&2; exit 2; }

work=$(mktemp -d)
"$bin" --db "$db" serve --port "$port" --quiet-requests > "$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
base="http://127.0.0.1:$port"
for _ in $(seq 1 600); do curl -sf "$base/healthz" > /dev/null && break; sleep 0.1; done

jar="$work/cookies"
token() { grep -o 'name="csrf-token" content="[^"]*"' | sed 's/.*content="//; s/"$//'; }
csrf=$(curl -s -c "$jar" -b "$jar" "$base/dang-nhap" | token)
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "ten_dang_nhap=$user" --data-urlencode "mat_khau=$password" \
  --data-urlencode "_csrf=$csrf" "$base/dang-nhap"
csrf=$(curl -s -c "$jar" -b "$jar" "$base/ke-hoach/$plan" | token)
curl -s -o /dev/null -c "$jar" -b "$jar" -w '%{time_total}' "$base/" > /dev/null  # warm the Dataset

# The same pages before the job, three times each: what "normal time" is on this machine.
printf 'before the job (seconds per page):\n'
for _ in 1 2 3; do
  times=""
  for page in / /de-an /ke-hoach /co-so; do times="$times $page=$(curl -s -o /dev/null -b "$jar" -w '%{time_total}' "$base$page")"; done
  printf ' %s\n' "$times"
done

start=$(date +%s.%N)
answer=$(curl -s -o /dev/null -D - -b "$jar" --data-urlencode "_csrf=$csrf" -w 'time %{time_total}\n' "$base/ke-hoach/$plan/ho-so")
job=$(printf '%s\n' "$answer" | grep -i '^location:' | tr -d '\r' | awk '{print $2}')
echo "POST /ke-hoach/$plan/ho-so answered in $(printf '%s\n' "$answer" | awk '/^time/ {print $2}') s -> $job"
[ -n "$job" ] || { echo "no job started" >&2; exit 1; }

printf 'while the job runs (seconds per page):\n'
max=0
n=0
while :; do
  status=$(curl -s -b "$jar" "$base$job/trang-thai")
  if grep -q 'Đã xong\|role="alert"' <<< "$status"; then break; fi
  line=$(grep -o 'Đang[^<]*' <<< "$status" | head -1)
  times=""
  for page in / /de-an /ke-hoach /co-so; do
    t=$(curl -s -o /dev/null -b "$jar" -w '%{time_total}' "$base$page")
    times="$times $page=$t"
    max=$(awk -v a="$max" -v b="$t" 'BEGIN {print (b > a ? b : a)}')
    n=$((n + 1))
  done
  printf '  %s |%s\n' "$line" "$times"
  sleep 0.5
done
end=$(date +%s.%N)
grep -o 'Đã xong[^<]*\|role="alert">[^<]*' <<< "$status"
echo "job: $(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.1f", b - a}') s; $n page loads while it ran, the slowest $max s"
curl -s -b "$jar" -o "$work/plan.zip" -w 'download: %{http_code}, %{size_download} bytes in %{time_total} s\n' "$base$job/tai-ve"
unzip -tq "$work/plan.zip"
