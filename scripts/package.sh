#!/usr/bin/env bash
# Builds the Debian 12 package out/khuyencong_<version>_amd64.deb (docs/deployment.md, "Installing
# the package"): the Release binary, stripped (the web's templates and assets are inside it), the
# configuration /etc/khuyencong/khuyencong.conf, the hardened systemd units (service, daily backup
# timer), the maintainer scripts that make the khuyencong system user and /var/lib/khuyencong,
# the docs and the nginx example. Depends: the exact Debian libraries the binary links, computed by
# dpkg-shlibdeps. The version is CMakeLists.txt's project version.
# Usage: scripts/package.sh [--binary FILE] [--out DIR]
#   --binary: package this khuyencong instead of building build-package/ in Release (a quicker
#             check of the packaging; a release is built by the script itself).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
binary="" out="$root/out"
while [ $# -gt 0 ]; do
  case $1 in
    --binary) binary=$(realpath "$2"); shift 2 ;;
    --out) out=$(realpath -m "$2"); shift 2 ;;
    *) echo "usage: scripts/package.sh [--binary FILE] [--out DIR]" >&2; exit 2 ;;
  esac
done
for tool in dpkg-deb dpkg-shlibdeps strip; do
  command -v "$tool" >/dev/null || { echo "$tool is missing: apt-get install dpkg-dev binutils" >&2; exit 1; }
done

version=$(sed -n 's/^project(khuyencong VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
[ -n "$version" ] || { echo "no project version in CMakeLists.txt" >&2; exit 1; }
arch=$(dpkg --print-architecture)

if [ -z "$binary" ]; then
  ./scripts/web-assets.sh
  # Debian's hardening flags (dpkg-buildflags with hardening=+all): fortified libc calls, stack
  # protector, and a read-only GOT bound at start (relro, now).
  cmake -S . -B build-package -DCMAKE_BUILD_TYPE=Release -DKHUYENCONG_TESTS=OFF -DKHUYENCONG_BENCH=OFF \
    -DCMAKE_CXX_FLAGS="-D_FORTIFY_SOURCE=2 -fstack-protector-strong" \
    -DCMAKE_EXE_LINKER_FLAGS="-Wl,-z,relro -Wl,-z,now" >/dev/null
  cmake --build build-package -j"${JOBS:-2}" --target khuyencong
  binary=$root/build-package/src/khuyencong
fi
built=$("$binary" --version)
[ "$built" = "khuyencong $version" ] || { echo "$binary says “$built”, the tree is $version" >&2; exit 1; }

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
pkg=$stage/pkg
doc=$pkg/usr/share/doc/khuyencong

install -D -m 0755 "$binary" "$pkg/usr/bin/khuyencong"
strip --strip-unneeded --remove-section=.comment --remove-section=.note "$pkg/usr/bin/khuyencong"
install -D -m 0755 packaging/khuyencong-backup "$pkg/usr/lib/khuyencong/backup"
install -D -m 0644 packaging/khuyencong.conf "$pkg/etc/khuyencong/khuyencong.conf"
# The units: each [Service] gets the one hardening list (packaging/systemd/hardening.conf).
for unit in khuyencong.service khuyencong-backup.service khuyencong-backup.timer; do
  install -D -m 0644 "packaging/systemd/$unit" "$pkg/lib/systemd/system/$unit"
  case $unit in *.service)  # at the end of [Service], before [Install]
    awk -v list=packaging/systemd/hardening.conf '
      function hardening(line) { while ((getline line < list) > 0) if (line !~ /^#/) print line; print "" }
      /^\[Install\]/ && !done { hardening(); done = 1 }
      { print }
      END { if (!done) hardening() }' "packaging/systemd/$unit" >"$pkg/lib/systemd/system/$unit" ;;
  esac
done
install -d "$doc/examples"
# What an operator and a user read; the developers' docs (architecture, testing, fuzzing) stay in the tree.
for f in README.md docs/*.md; do
  case $f in docs/architecture.md | docs/testing.md | docs/fuzzing.md) continue ;; esac
  install -m 0644 "$f" "$doc/"
done
install -m 0644 packaging/nginx/khuyencong.conf "$doc/examples/nginx-khuyencong.conf"
date_r=$(date -R -d "@$(git log -1 --format=%ct 2>/dev/null || date +%s)")
printf 'khuyencong (%s) bookworm; urgency=medium\n\n  * Built from commit %s.\n\n -- %s  %s\n' \
  "$version" "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)" "${KC_MAINTAINER:-khuyencong <khuyencong@example.org>}" \
  "$date_r" | gzip -9n >"$doc/changelog.gz"
install -d "$pkg/usr/share/man/man1"
gzip -9n <packaging/khuyencong.1 >"$pkg/usr/share/man/man1/khuyencong.1.gz"
cat >"$doc/copyright" <<COPYRIGHT
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: khuyencong
Comment: Built from the khuyencong source tree. The web assets embedded in the binary are
 htmx (BSD-2-Clause, Big Sky Software) and Chart.js (MIT, Chart.js Contributors), from npm.

Files: *
Copyright: $(git log --reverse --format=%cd --date=format:%Y 2>/dev/null | head -1)-$(date +%Y) khuyencong developers
License: none-declared
 The source tree declares no licence yet; ask its maintainers before redistributing.
COPYRIGHT

# Depends: what the binary links (dpkg-shlibdeps reads the shared libraries' symbols files), the
# tools the maintainer scripts use, and the fonts the PDF reports are drawn with.
mkdir -p "$stage/shlibs/debian"
printf 'Source: khuyencong\n\nPackage: khuyencong\nArchitecture: any\n' >"$stage/shlibs/debian/control"
libs=$(cd "$stage/shlibs" && dpkg-shlibdeps -O -e"$pkg/usr/bin/khuyencong" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
[ -n "$libs" ] || { echo "dpkg-shlibdeps found no libraries" >&2; exit 1; }

install -d -m 0755 "$pkg/DEBIAN"
install -m 0755 packaging/debian/postinst packaging/debian/prerm packaging/debian/postrm "$pkg/DEBIAN/"
echo /etc/khuyencong/khuyencong.conf >"$pkg/DEBIAN/conffiles"
cat >"$pkg/DEBIAN/control" <<CONTROL
Package: khuyencong
Version: $version
Architecture: $arch
Maintainer: ${KC_MAINTAINER:-khuyencong <khuyencong@example.org>}
Installed-Size: $(du -sk --exclude=DEBIAN "$pkg" | cut -f1)
Depends: $libs, adduser, fonts-liberation2
Suggests: nginx, postgresql-client-15
Section: web
Priority: optional
Description: quản lý chương trình khuyến công (industrial extension programme)
 Hệ thống thông tin quản lý chương trình khuyến công của một tỉnh: lập kế hoạch,
 cấp kinh phí, theo dõi và báo cáo đề án. Máy chủ web tiếng Việt, API JSON,
 SQLite hoặc PostgreSQL, báo cáo DOCX/PDF/XLSX.
 .
 The package runs the server as the khuyencong system user under a hardened
 systemd unit, with its data in /var/lib/khuyencong and a daily backup timer.
CONTROL
(cd "$pkg" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z | xargs -0 md5sum >DEBIAN/md5sums)

mkdir -p "$out"
deb=$out/khuyencong_${version}_${arch}.deb
dpkg-deb --root-owner-group -Zxz --build "$pkg" "$deb" >/dev/null
echo "$deb"
