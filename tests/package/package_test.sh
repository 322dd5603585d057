#!/usr/bin/env bash
# The Debian package as scripts/package.sh builds it, from the binary under test (--binary, so
# no Release build here): its files, its Depends, lintian's verdict (when lintian is installed),
# and `systemd-analyze security` of both packaged services at most 2,0 (when systemd-analyze is
# installed). Installing and removing it in a new root: tests/package/install_test.sh (root).
# Usage: package_test.sh <khuyencong binary> [source dir]. Exit 77 (skipped) without dpkg-deb.
set -euo pipefail
bin=$(realpath "$1")
src=$(realpath "${2:-$(dirname "$0")/../..}")
if [ -n "${KC_TEST_POSTGRES:-}" ]; then  # scripts/test.sh's second run: the package is the same
  echo "SKIP: the package does not depend on the database engine; checked in the SQLite run"; exit 77
fi
command -v dpkg-shlibdeps >/dev/null || { echo "SKIP: dpkg-shlibdeps is not installed (dpkg-dev)"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$src/tests/support/checks.sh"

deb=$("$src/scripts/package.sh" --binary "$bin" --out "$tmp/out")
version=$(sed -n 's/^project(khuyencong VERSION \([0-9.]*\).*/\1/p' "$src/CMakeLists.txt")
check "named after the project's version" "khuyencong_${version}_$(dpkg --print-architecture).deb" "$(basename "$deb")"
dpkg-deb -x "$deb" "$tmp/root"
dpkg-deb -e "$deb" "$tmp/control"
for f in usr/bin/khuyencong usr/lib/khuyencong/backup etc/khuyencong/khuyencong.conf \
         lib/systemd/system/khuyencong.service lib/systemd/system/khuyencong-backup.service \
         lib/systemd/system/khuyencong-backup.timer usr/share/doc/khuyencong/deployment.md \
         usr/share/doc/khuyencong/examples/nginx-khuyencong.conf usr/share/man/man1/khuyencong.1.gz; do
  check "contains /$f" yes "$([ -f "$tmp/root/$f" ] && echo yes || echo no)"
done
check "the binary is stripped (no symbol table)" 0 "$(readelf -S "$tmp/root/usr/bin/khuyencong" | grep -c '\.symtab' || true)"
depends=$(sed -n 's/^Depends: //p' "$tmp/control/control")
for lib in libsqlite3-0 libpq5 libicu72 libsodium23 libcpp-httplib0.11 libpango-1.0-0 libzip4 adduser fonts-liberation2; do
  check "Depends on $lib" yes "$(echo "$depends" | grep -q "\b$lib\b" && echo yes || echo no)"
done
check "the configuration is a conffile" /etc/khuyencong/khuyencong.conf "$(cat "$tmp/control/conffiles")"
for s in postinst prerm postrm; do
  check "$s passes sh -n" ok "$(sh -n "$tmp/control/$s" && echo ok)"
done

check "the service starts at boot once enabled" "WantedBy=multi-user.target" \
  "$(grep '^WantedBy=' "$tmp/root/lib/systemd/system/khuyencong.service")"
check "the timer is enabled with the timers" "WantedBy=timers.target" \
  "$(grep '^WantedBy=' "$tmp/root/lib/systemd/system/khuyencong-backup.timer")"
if command -v systemd-analyze >/dev/null; then
  # Unknown keys, bad values: everything systemd would say but that the binary is not installed here.
  units=$tmp/root/lib/systemd/system
  complaints=$(cd "$units" && systemd-analyze verify --man=no khuyencong.service khuyencong-backup.service \
               khuyencong-backup.timer 2>&1 | grep -v 'is not executable: No such file' || true)
  check "systemd-analyze verify: no complaint" "" "$complaints"
  for unit in khuyencong.service khuyencong-backup.service; do
    score=$(systemd-analyze security --offline=yes "$tmp/root/lib/systemd/system/$unit" 2>&1 |
            sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p')
    echo "systemd-analyze security $unit: $score"
    check "$unit exposure at most 2.0" yes "$(awk -v s="$score" 'BEGIN { print (s != "" && s <= 2.0) ? "yes" : "no" }')"
  done
else
  echo "systemd-analyze is not installed: the exposure score is not checked"
fi
if command -v lintian >/dev/null; then
  lintian --tag-display-limit 0 "$deb" >"$tmp/lintian.txt" 2>&1 || true
  cat "$tmp/lintian.txt"
  check "lintian: no error or warning" 0 "$(grep -cE '^[EW]: ' "$tmp/lintian.txt" || true)"
else
  echo "lintian is not installed: not run"
fi

checks_done
