#!/usr/bin/env bash
# The report editor's live preview at national scale (docs/performance.md, "Report editor
# preview"; target ≤ 20 ms): imports the national dataset into a fresh SQLite database, signs a
# centre officer in, creates a phase report draft of the first phase plan through the page and
# opens its page (the first visit computes the report's figures, remembered for the data
# version), then POSTs a section of 40 paragraphs holding 80 figure references to
# /bao-cao/<code>/muc/<section>/xem-truoc as the editor sends it (multipart), one request at a
# time as an editor types, and prints the percentiles (each parses and prints against the
# remembered figures).
#
#   bench/report_preview_benchmark.sh [--scale 1.0] [--requests 300] [--binary <khuyencong>]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/web_lib.sh

scale=1.0
requests=300
binary=""
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) scale="$2"; shift 2 ;;
    --requests) requests="$2"; shift 2 ;;
    --binary) binary="$2"; shift 2 ;;
    *) echo "usage: bench/report_preview_benchmark.sh [--scale 1.0] [--requests 300] [--binary <khuyencong>]" >&2; exit 2 ;;
  esac
done
kc_need_tools jq curl

kc_national_dataset "$scale" "$binary"  # sets kc and data
kc_scratch  # sets tmp and server_pid

echo "máy / machine: $(nproc) CPU; ngày / date: $(date -u '+%Y-%m-%d %H:%M UTC'); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
db="$tmp/preview.db"
"$kc" --db "$db" import "$data" >/dev/null
password=mat-khau-do-hieu-nang
printf '%s\n' "$password" | "$kc" --db "$db" user add centre --role trung_tam >/dev/null
plan=$(awk -F, 'NR > 1 && $3 == "giai_doan" {print $1; exit}' "$data/ke_hoach.csv")

port=$((20000 + RANDOM % 20000))
"$kc" --db "$db" serve --port "$port" --threads 8 >"$tmp/serve.log" 2>&1 &
server_pid=$!
base="http://127.0.0.1:$port"
kc_wait_for "$base"
jar="$tmp/centre"
csrf=$(kc_sign_in "$base" centre "$password" "$jar")
post() { curl -fs -b "$jar" -H "X-CSRF-Token: $csrf" "$@"; }

# The phase report kind (the option naming a phase) and a new draft of the plan.
kind=$(curl -fs -b "$jar" "$base/bao-cao" | tr '\n' ' ' | grep -o '<option value="[^"]*"[^>]*>[^<]*giai đoạn' | sed -n '1s/<option value="\([^"]*\)".*/\1/p')
report=$(post -o /dev/null -w '%{redirect_url}' --data-urlencode "loai_bao_cao=$kind" --data-urlencode "ke_hoach=$plan" \
  --data-urlencode "nam=" "$base/bao-cao")
report=${report#"$base"}
[ -n "$report" ] || { echo "the draft was not created" >&2; exit 1; }
# The report's page first: it computes the report's figures for this data version (remembered).
curl -fs -b "$jar" -o "$tmp/report.html" -w '%{time_total}\n' "$base$report" >"$tmp/first"
section=$(grep -o "$report/muc/[^\"]*" "$tmp/report.html" | sed -n 1p)
mapfile -t figures < <(curl -fs -b "$jar" "$base$section" | grep -o 'data-figure="[^"]*"' | sed 's/data-figure="\(.*\)"/\1/')
[ ${#figures[@]} -gt 0 ] || { echo "the editor lists no figure" >&2; exit 1; }
text="$tmp/text"
: >"$text"
for i in $(seq 0 39); do
  a=${figures[$(((2 * i) % ${#figures[@]}))]} b=${figures[$(((2 * i + 1) % ${#figures[@]}))]}
  printf 'Đoạn %d: kết quả đạt {%s}, so với kế hoạch là {%s}; **đánh giá** chung là khá.\n\n' "$i" "$a" "$b" >>"$text"
done
echo "plan $plan, report $report, section ${section##*/}: 40 paragraphs, 80 references to ${#figures[@]} figures"

preview() { post -o /dev/null -w '%{time_total}\n' -F "noi_dung=<$text" "$base$section/xem-truoc"; }
printf 'report page, first visit (computes the figures): %.1f ms\n' "$(echo "$(cat "$tmp/first") * 1000" | bc -l)"
first=$(preview)
printf 'first preview: %.1f ms\n' "$(echo "$first * 1000" | bc -l)"
for _ in $(seq 1 "$requests"); do preview; done | sort -n >"$tmp/times"
pct() { awk -v p="$1" '{t[NR] = $1} END {i = int(NR * p / 100); if (i < 1) i = 1; printf "%.1f", t[i] * 1000}' "$tmp/times"; }
echo "next $requests previews: p50 $(pct 50) ms, p90 $(pct 90) ms, p99 $(pct 99) ms, max $(pct 100) ms (curl's time_total)"
post -F "noi_dung=<$text" "$base$section/xem-truoc" >"$tmp/preview.html"
if grep -q "narrative-problems" "$tmp/preview.html"; then
  echo "the section had problems: not a valid measure" >&2
  grep -o '<li data-dong[^<]*' "$tmp/preview.html" | head -3 >&2
  exit 1
fi
echo "server RSS at the end: $(awk '/VmRSS/ {printf "%d MB", $2 / 1024}' "/proc/$server_pid/status")"
