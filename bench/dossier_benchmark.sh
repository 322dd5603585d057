#!/usr/bin/env bash
# Measures a plan's dossier at national scale (docs/dossier.md; figures in docs/performance.md,
# "Dossiers"): imports the national bundle into a SQLite file under /tmp with a Release build,
# gives every project of the plan synthetic documents (random bytes, as incompressible as PDFs),
# then times `khuyencong dossier plan` with /usr/bin/time -v — wall seconds and peak memory — and
# checks the result: `unzip -t`, then `sha256sum -c SHA256SUMS.txt` over the unzipped files.
#
#   bench/dossier_benchmark.sh [--build build-rel] [--data bench/data/national] [--plan KH01-2016-2020]
#                              [--docs-per-project 3] [--doc-kb 100] [--work /tmp/kc-dossier-bench]
#
# The national bundle is written by bench/run_benchmarks.sh (bench/data/national). The database
# and documents are kept in --work between runs (delete it to start again). The machine may be
# shared: quote one run's figures with the machine they come from.
set -euo pipefail
cd "$(dirname "$0")/.."

build=build-rel
data=bench/data/national
plan=KH01-2016-2020
per_project=3
doc_kb=100
work=/tmp/kc-dossier-bench
while [ $# -gt 0 ]; do
  case "$1" in
    --build) build="$2"; shift 2 ;;
    --data) data="$2"; shift 2 ;;
    --plan) plan="$2"; shift 2 ;;
    --docs-per-project) per_project="$2"; shift 2 ;;
    --doc-kb) doc_kb="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    *) echo "usage: bench/dossier_benchmark.sh [--build DIR] [--data DIR] [--plan CODE] [--docs-per-project N] [--doc-kb KB] [--work DIR]" >&2; exit 2 ;;
  esac
done
[ -d "$data" ] || { echo "no national bundle at $data: run bench/run_benchmarks.sh first (or pass --data)" >&2; exit 2; }

if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DKHUYENCONG_TESTS=OFF -DKHUYENCONG_BENCH=OFF >/dev/null
fi
cmake --build "$build" -j"$(nproc)" --target khuyencong >/dev/null
kc="$build/src/khuyencong"

mkdir -p "$work"
db="$work/national.db"
docs="$work/tai-lieu"
if [ ! -f "$db" ]; then
  echo "import $data -> $db"
  "$kc" --db "$db" import "$data" >/dev/null
fi

# The plan's projects, by the rule of plan_projects() (projects/dossier.h): started within the
# plan's years, in its area (its unit and every unit under it), approved or later.
projects_sql="
WITH RECURSIVE area(ma) AS (
  SELECT dia_ban FROM ke_hoach WHERE ma = '$plan'
  UNION SELECT d.ma FROM don_vi_hanh_chinh d JOIN area a ON d.ma_cap_tren = a.ma)
SELECT p.ma FROM de_an p, ke_hoach k
WHERE k.ma = '$plan' AND p.dia_ban IN (SELECT ma FROM area) AND p.nam_bat_dau BETWEEN k.tu_nam AND k.den_nam
  AND p.trang_thai IN ('phe_duyet', 'dang_thuc_hien', 'nghiem_thu', 'quyet_toan', 'hau_kiem')"
projects=$(sqlite3 "$db" "SELECT count(*) FROM ($projects_sql);")
[ "$projects" -gt 0 ] || { echo "plan $plan has no projects in $db" >&2; exit 2; }

# Synthetic documents: $per_project per project of $doc_kb KB each, stored as the web stores them.
attached=$(sqlite3 "$db" "SELECT count(*) FROM tai_lieu WHERE nguoi_dung = 'bench';")
if [ "$attached" = 0 ]; then
  n=$((projects * per_project))
  echo "attach $n documents of $doc_kb KB to the $projects projects of $plan"
  rm -rf "$docs" && mkdir -p "$docs"
  head -c $((n * doc_kb * 1024)) /dev/urandom | split -b "${doc_kb}k" -d -a 6 - "$docs/doc-"
  sqlite3 "$db" "
    CREATE TEMP TABLE p AS $projects_sql;
    WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < $per_project),
    docs AS (SELECT p.ma AS de_an, n.i AS i, row_number() OVER (ORDER BY p.ma, n.i) - 1 AS k FROM p, n)
    INSERT INTO tai_lieu (ma, de_an, su_kien, ten_tep, loai_tep, kich_thuoc, ten_luu, nguoi_dung, thoi_diem)
    SELECT lower(hex(randomblob(12))), de_an, NULL, 'Biên bản ' || (i + 1) || ' của đề án ' || de_an || '.pdf', 'pdf',
           $((doc_kb * 1024)), printf('doc-%06d', k), 'bench', '2026-11-28 00:00:00' FROM docs;"
fi

out="$work/ho-so-$plan.zip"
rm -f "$out"
echo "dossier plan $plan ($projects projects)"
/usr/bin/time -v "$kc" --db "$db" dossier plan "$plan" -o "$out" --upload-dir "$docs" 2> "$work/time.txt"
wall=$(grep "Elapsed (wall clock)" "$work/time.txt" | awk '{print $NF}')
peak_kb=$(grep "Maximum resident set size" "$work/time.txt" | awk '{print $NF}')
size=$(stat -c %s "$out")

unpacked="$work/unpacked"
rm -rf "$unpacked" && mkdir -p "$unpacked"
unzip -tq "$out" >/dev/null
unzip -q "$out" -d "$unpacked"
(cd "$unpacked" && sha256sum -c --quiet SHA256SUMS.txt)
files=$(($(wc -l < "$unpacked/SHA256SUMS.txt")))
rm -rf "$unpacked"

# One project alone (no Dataset to load): the per-project cost and the baseline memory.
one=$(sqlite3 "$db" "$projects_sql ORDER BY p.ma LIMIT 1;")
/usr/bin/time -v "$kc" --db "$db" dossier project "$one" -o "$work/one.zip" --upload-dir "$docs" >/dev/null 2> "$work/time1.txt"
one_wall=$(grep "Elapsed (wall clock)" "$work/time1.txt" | awk '{print $NF}')
one_peak_kb=$(grep "Maximum resident set size" "$work/time1.txt" | awk '{print $NF}')

echo "plan:            $plan"
echo "projects:        $projects"
echo "files in index:  $files (sha256sum -c: all OK)"
echo "zip size:        $((size / 1024 / 1024)) MiB"
echo "wall:            $wall"
echo "peak memory:     $((peak_kb / 1024)) MiB"
echo "one project:     $one_wall, peak $((one_peak_kb / 1024)) MiB ($one)"
