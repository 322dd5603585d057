#!/usr/bin/env bash
# The Debian package on a brand-new machine: a minimal Debian 12 root (debootstrap minbase, the
# same cached base as shared/tools/fresh-machine), `apt install ./khuyencong_….deb` there (its
# Depends come from Debian's registry), then: the khuyencong system user and folders, the
# service's own command started as that user, the backup script and the restore drill, remove
# (data, configuration and user kept), purge (configuration gone, data kept) and purge with
# KHUYENCONG_PURGE_DATA=yes (all gone). systemd does not run in a chroot: the units' hardening
# is checked by tests/package/package_test.sh instead.
# Usage, as root: tests/package/install_test.sh out/khuyencong_<version>_amd64.deb
#   (KC_KEEP_ROOT=1 keeps the root afterwards, to look into a failure)
#   (scripts/package.sh builds it). Needs debootstrap and Debian's registry the first time.
set -euo pipefail

if [ "${1:-}" != --inside ]; then
  deb=$(realpath "$1")
  [ "$(id -u)" = 0 ] || { echo "run as root (it makes a chroot)"; exit 2; }
  cache=${FRESH_CACHE:-/var/tmp/fresh-bookworm.tar}
  if [ ! -f "$cache" ]; then
    command -v debootstrap >/dev/null || { apt-get update -qq && apt-get install -y -qq debootstrap >/dev/null; }
    base=$(mktemp -d /var/tmp/fresh-base.XXXXXX)
    debootstrap --variant=minbase bookworm "$base" http://deb.debian.org/debian >/dev/null
    tar -C "$base" -cf "$cache" . && rm -rf "$base"
  fi
  root=$(mktemp -d /var/tmp/kc-install-test.XXXXXX)
  tar -C "$root" -xf "$cache"
  chmod 0755 "$root"  # mktemp's 0700 would shut the service user out of the whole root
  cp /etc/resolv.conf "$root/etc/resolv.conf"
  if [ -f /etc/apt/sources.list.d/debian.sources ]; then
    cp /etc/apt/sources.list.d/debian.sources "$root/etc/apt/sources.list.d/" && rm -f "$root/etc/apt/sources.list"
  fi
  if ls /usr/local/share/ca-certificates/*.crt >/dev/null 2>&1; then  # a proxy's authority, where there is one
    mkdir -p "$root/usr/local/share/ca-certificates"
    cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
  fi
  cp "$deb" "$root/root/"
  cp "$0" "$root/root/install_test.sh"
  cp "$(dirname "$0")/../support/checks.sh" "$root/root/checks.sh"
  mount -t proc proc "$root/proc"
  cleanup() {
    for p in /proc/[0-9]*; do  # anything the test left running in the root (a server)
      [ "$(readlink "$p/root" 2>/dev/null)" = "$root" ] && kill "${p#/proc/}" 2>/dev/null
    done
    umount -l "$root/proc" 2>/dev/null || true
    if [ -n "${KC_KEEP_ROOT:-}" ]; then echo "kept: $root"; else rm -rf --one-file-system "$root"; fi
  }
  trap cleanup EXIT
  chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    LANG=C.UTF-8 bash /root/install_test.sh --inside "/root/$(basename "$deb")"
  exit $?
fi

# Inside the new root.
deb=$2
. /root/checks.sh
as_service() { setpriv --reuid=khuyencong --regid=khuyencong --init-groups -- "$@"; }  # exec'd: no parent left
conf=/etc/khuyencong/khuyencong.conf
export DEBIAN_FRONTEND=noninteractive

apt-get update -qq
check "nothing of khuyencong before" "absent" "$(getent passwd khuyencong >/dev/null && echo present || echo absent)"
apt-get install -y -qq --no-install-recommends "$deb" >/tmp/apt.log 2>&1 || { cat /tmp/apt.log; exit 1; }
check "installed with its dependencies" "install ok installed" "$(dpkg-query -W -f='${Status}' khuyencong)"
check "the program runs" "khuyencong $(dpkg-query -W -f='${Version}' khuyencong)" "$(khuyencong --version)"
check "a system user" "/var/lib/khuyencong /usr/sbin/nologin" "$(getent passwd khuyencong | cut -d: -f6,7 | tr : ' ')"
check "its uid is a system uid" yes "$([ "$(id -u khuyencong)" -lt 1000 ] && echo yes || echo no)"
for d in /var/lib/khuyencong /var/lib/khuyencong/tai-lieu /var/lib/khuyencong/backups; do
  check "$d belongs to the service only" "khuyencong:khuyencong 750" "$(stat -c '%U:%G %a' "$d")"
done
check "the configuration is readable by the service, not by others" "root:khuyencong 640" "$(stat -c '%U:%G %a' $conf)"
check "the configuration is a conffile" "$conf" "$(dpkg-query -W -f='${Conffiles}' khuyencong | awk '{print $1}')"
for unit in khuyencong.service khuyencong-backup.service khuyencong-backup.timer; do
  check "unit $unit" yes "$([ -f /lib/systemd/system/$unit ] && echo yes || echo no)"
done
check "the unit runs the configured server" "ExecStart=/usr/bin/khuyencong --config $conf serve" \
  "$(grep '^ExecStart=' /lib/systemd/system/khuyencong.service)"

# The service's command, as the service user (systemd would add the sandbox around it).
added=yes
printf '%s\n' mat-khau-quan-tri-01 | as_service khuyencong --config $conf user add quantri --role quan_tri >/tmp/user.log 2>&1 ||
  added="no: $(cat /tmp/user.log)"
check "the first administrator, as the docs say" yes "$added"
# Not through as_service: a function in the background is a subshell, and $! would be its pid.
setpriv --reuid=khuyencong --regid=khuyencong --init-groups -- khuyencong --config $conf serve --port 0 >/tmp/serve.log 2>&1 &
server=$!
for _ in $(seq 50); do grep -q 'đang chạy tại' /tmp/serve.log && break; sleep 0.2; done
check "the server starts from the configuration" 1 "$(grep -c 'đang chạy tại http://127.0.0.1:' /tmp/serve.log)"
check "its log is JSON for the journal" yes "$(grep -q '^{"time":' /tmp/serve.log && echo yes || echo no)"
kill "$server" 2>/dev/null || true
wait "$server" 2>/dev/null || true
check "the server stops on SIGTERM, as systemd stops it" 1 "$(grep -c 'Đã dừng máy chủ' /tmp/serve.log)"
check "the database is in /var/lib/khuyencong, the service's" "khuyencong" "$(stat -c %U /var/lib/khuyencong/khuyencong.db)"

# The backup timer's script, twice with one kept, then the restore drill into a scratch database.
echo "hồ sơ" >/var/lib/khuyencong/tai-lieu/thu.txt && chown khuyencong: /var/lib/khuyencong/tai-lieu/thu.txt
as_service env KC_BACKUP_KEEP=1 /usr/lib/khuyencong/backup >/tmp/backup.log
sleep 1
as_service env KC_BACKUP_KEEP=1 /usr/lib/khuyencong/backup >>/tmp/backup.log
check "retention keeps the newest backup of each kind" 2 "$(ls /var/lib/khuyencong/backups | wc -l)"
backup=$(ls /var/lib/khuyencong/backups/khuyencong-*.sao-luu)
khuyencong --db /tmp/drill.db restore "$backup" >/dev/null
check "the restore drill: the backup opens with its accounts" 1 "$(khuyencong --db /tmp/drill.db user list | grep -c quantri)"
check "the drill leaves the backup one file (no -wal, -shm beside it)" 2 "$(ls /var/lib/khuyencong/backups | wc -l)"
check "the documents are in the backup" "./thu.txt" "$(tar -tzf /var/lib/khuyencong/backups/tai-lieu-*.tar.gz | grep thu.txt)"

# Remove: the program goes; configuration, data and user stay.
apt-get remove -y -qq khuyencong >/dev/null 2>&1
check "remove: the program is gone" no "$([ -e /usr/bin/khuyencong ] && echo yes || echo no)"
check "remove: the configuration stays" yes "$([ -f $conf ] && echo yes || echo no)"
check "remove: the database stays" yes "$([ -f /var/lib/khuyencong/khuyencong.db ] && echo yes || echo no)"
# Purge: the configuration goes; the data and its user stay unless asked.
apt-get purge -y -qq khuyencong >/tmp/purge.log 2>&1
check "purge: the configuration is gone" no "$([ -e /etc/khuyencong ] && echo yes || echo no)"
check "purge: the database stays" yes "$([ -f /var/lib/khuyencong/khuyencong.db ] && echo yes || echo no)"
check "purge: the backups stay" 2 "$(ls /var/lib/khuyencong/backups | wc -l)"
check "purge: says how to delete the data" 1 "$(grep -c 'KHUYENCONG_PURGE_DATA=yes' /tmp/purge.log)"
# Reinstalled on the kept data, then purged with the data.
apt-get install -y -qq --no-install-recommends "$deb" >/dev/null 2>&1
check "reinstall: the kept database is the service's again" 1 \
  "$(as_service khuyencong --config $conf user list | grep -c quantri)"
KHUYENCONG_PURGE_DATA=yes apt-get purge -y -qq khuyencong >/tmp/purge-data.log 2>&1
check "purge with KHUYENCONG_PURGE_DATA=yes: the data is gone" no "$([ -e /var/lib/khuyencong ] && echo yes || echo no)"
check "purge with KHUYENCONG_PURGE_DATA=yes: the user is gone" absent \
  "$(getent passwd khuyencong >/dev/null && echo present || echo absent)"

checks_done
