#!/usr/bin/env bash
# The packaged backup (packaging/khuyencong-backup, run daily by khuyencong-backup.timer) and the
# restore drill of docs/deployment.md, on the demo: backups while a server runs, the newest
# KC_BACKUP_KEEP kept, then the drill — restore into a scratch database, the same records come
# out of it (export compared file by file) and `check` passes; the documents archive holds the files.
# Usage: backup_test.sh <khuyencong binary> [source dir]
set -euo pipefail
bin=$(realpath "$1")
src=$(realpath "${2:-$(dirname "$0")/../..}")
tmp=$(mktemp -d)
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$tmp"' EXIT
. "$src/tests/support/checks.sh"

db=$tmp/lib/khuyencong.db
mkdir -p "$tmp/lib/tai-lieu/de-an-1"
echo "quyết định phê duyệt" >"$tmp/lib/tai-lieu/de-an-1/quyet-dinh.txt"
"$bin" --db "$db" import "$src/data/demo" >/dev/null
printf 'db = "%s"\n[serve]\nupload-dir = "%s"\n' "$db" "$tmp/lib/tai-lieu" >"$tmp/kc.conf"
"$bin" --config "$tmp/kc.conf" serve --port 0 --quiet-requests >"$tmp/serve.log" 2>&1 &
server=$!
for _ in $(seq 100); do grep -q 'đang chạy tại' "$tmp/serve.log" && break; sleep 0.1; done

backup() {
  KC_BIN="$bin" KC_CONFIG="$tmp/kc.conf" KC_BACKUP_DIR="$tmp/lib/backups" KC_DOCUMENTS_DIR="$tmp/lib/tai-lieu" \
    KC_BACKUP_KEEP="${KEEP:-2}" "$src/packaging/khuyencong-backup"
}
for i in 1 2 3; do
  check "backup $i while the server runs" 0 "$(backup >"$tmp/backup.log" 2>&1; echo $?)"
  sleep 1  # the names carry the second
done
cat "$tmp/backup.log"
check "the newest 2 of each kind are kept" "2 2" \
  "$(ls "$tmp/lib/backups" | grep -c '^khuyencong-') $(ls "$tmp/lib/backups" | grep -c '^tai-lieu-')"
check "no partial file is left" 0 "$(ls "$tmp/lib/backups" | grep -c '\.part$' || true)"
check "a wrong retention is refused" 2 "$(KEEP=0 backup >/dev/null 2>&1; echo $?)"

# The drill: the newest backup restored into a scratch database gives back the same records.
latest=$(ls "$tmp/lib/backups"/khuyencong-*.sao-luu | sort | tail -1)
"$bin" --db "$tmp/drill.db" restore "$latest" >/dev/null
"$bin" --db "$db" export "$tmp/export-live" >/dev/null
"$bin" --db "$tmp/drill.db" export "$tmp/export-drill" >/dev/null
check "the restored records equal the live ones" same "$(diff -r "$tmp/export-live" "$tmp/export-drill" >/dev/null && echo same || echo different)"
check "the backup stays one file after the drill opened it (no -wal, -shm)" 0 \
  "$(ls "$tmp/lib/backups" | grep -c -- '-wal$\|-shm$' || true)"
check "check passes on the restored database" 0 "$("$bin" --db "$tmp/drill.db" check --plan bg-2016-2020 >/dev/null 2>&1; echo $?)"
mkdir "$tmp/documents" && tar -C "$tmp/documents" -xzf "$(ls "$tmp/lib/backups"/tai-lieu-*.tar.gz | sort | tail -1)"
check "the documents come back" same \
  "$(diff -r "$tmp/lib/tai-lieu" "$tmp/documents" >/dev/null && echo same || echo different)"

checks_done
