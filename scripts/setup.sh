#!/usr/bin/env bash
# The main job on a fresh Debian 12 machine: install what is needed, build khuyencong, load
# the Bắc Giang 2016–2020 demo into a new SQLite database and write the five-year report
# (DOCX, Markdown, HTML, JSON), check it against the figures the published report states, and
# start the web workspace on it with one demo account per role (scripts/serve-demo.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/install-deps.sh
./scripts/web-assets.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DKHUYENCONG_TESTS=OFF -DKHUYENCONG_BENCH=OFF >/dev/null
cmake --build build -j"$(nproc)" --target khuyencong

out=out/demo
mkdir -p "$out"
rm -f "$out"/khuyencong.db "$out"/khuyencong.db-wal "$out"/khuyencong.db-shm
kc() { build/src/khuyencong --db "$out/khuyencong.db" "$@"; }

kc import data/demo
for format in docx pdf xlsx md html json; do
  kc report phase --plan bg-2016-2020 --date 2020-11-30 -o "$out/bao-cao-khuyen-cong-2016-2020.$format"
done
echo
echo "Đối chiếu với số liệu báo cáo đã công bố (data/seed-claims/):"
kc check --plan bg-2016-2020 --claims data/seed-claims/bac-giang-2016-2020.txt || true
echo
echo "Xong. Báo cáo nằm trong $out/; cơ sở dữ liệu demo: $out/khuyencong.db"
echo "Lệnh: build/src/khuyencong --db $out/khuyencong.db --help"

# The web workspace on the demo data, in the foreground when run from a terminal. Without one
# (CI, scripts) or with KC_NO_SERVE=1, it is started, checked and stopped instead.
if [ -t 0 ] && [ -t 1 ] && [ -z "${KC_NO_SERVE:-}" ]; then
  exec ./scripts/serve-demo.sh
fi
./scripts/serve-demo.sh --check
echo "Chạy giao diện web: ./scripts/serve-demo.sh (rồi mở http://127.0.0.1:8080/)"
