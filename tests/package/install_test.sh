#!/usr/bin/env bash
# The Debian package on a brand-new machine: a minimal Debian 12 root (debootstrap minbase, the
# same cached base as shared/tools/fresh-machine), `apt install ./khuyencong_….deb` there (its
# Depends come from Debian's registry), then, in a chroot: the khuyencong system user and
# folders, the service's own command started as that user, the backup script and the restore
# drill, remove (data, configuration and user kept), purge (configuration gone, data kept) and
# purge with KHUYENCONG_PURGE_DATA=yes (all gone). Then, where systemd-nspawn is installed
# (systemd-container), the same root boots under systemd with the package installed again: the
# hardened units themselves run (the service answers, signs in, draws a PDF report; its process
# has no capabilities, a seccomp filter, no new privileges and a read-only /; the backup service
# succeeds; the service stops cleanly).
# Usage, as root: tests/package/install_test.sh out/khuyencong_<version>_amd64.deb
#   (scripts/package.sh builds it). Needs debootstrap and Debian's registry the first time.
#   KC_KEEP_ROOT=1 keeps the root afterwards, to look into a failure.
set -euo pipefail

case ${1:-} in --inside | --prepare-boot | --booted) ;; *)
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
  cp -r "$(dirname "$0")/../../data/demo" "$root/root/demo" && chmod -R a+rX "$root/root"
  mount -t proc proc "$root/proc"
  cleanup() {
    for p in /proc/[0-9]*; do  # anything the test left running in the root (a server)
      [ "$(readlink "$p/root" 2>/dev/null)" = "$root" ] && kill "${p#/proc/}" 2>/dev/null
    done
    umount -l "$root/proc" 2>/dev/null || true
    if [ -n "${KC_KEEP_ROOT:-}" ]; then echo "kept: $root"; else rm -rf --one-file-system "$root"; fi
  }
  trap cleanup EXIT
  in_root() {
    chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
      LANG=C.UTF-8 bash /root/install_test.sh "$@"
  }
  status=0
  in_root --inside "/root/$(basename "$deb")" || status=1
  if command -v systemd-nspawn >/dev/null; then
    echo "== the same root booted under systemd (systemd-nspawn)"
    in_root --prepare-boot "/root/$(basename "$deb")" >/dev/null
    umount -l "$root/proc"
    timeout 300 systemd-nspawn -D "$root" --boot --console=pipe --register=no --keep-unit -q \
      >"$root/root/nspawn.log" 2>&1 || true
    if [ -f "$root/root/booted.txt" ]; then cat "$root/root/booted.txt"; else cat "$root/root/nspawn.log"; fi
    grep -qx '[0-9]* passed, 0 failed' "$root/root/booted.txt" 2>/dev/null || status=1
  else
    echo "systemd-nspawn is not installed (apt-get install systemd-container): the units were not booted"
  fi
  exit $status
  ;;
esac

as_service() { setpriv --reuid=khuyencong --regid=khuyencong --init-groups -- "$@"; }  # exec'd: no parent left

# Inside the new root, after the chroot's checks: systemd and the package again, an
# administrator and the demo's records, and a unit that runs --booted once the system is up.
if [ "$1" = --prepare-boot ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends systemd systemd-sysv dbus curl "$2" >/dev/null 2>&1
  cd /tmp
  printf '%s\n' mat-khau-quan-tri-01 |
    as_service khuyencong --config /etc/khuyencong/khuyencong.conf user add quantri --role quan_tri
  as_service khuyencong --config /etc/khuyencong/khuyencong.conf import /root/demo
  printf '[Unit]\nAfter=multi-user.target\n[Service]\nType=oneshot\nExecStart=/bin/bash /root/install_test.sh --booted\n' \
    >/etc/systemd/system/kc-check.service
  ln -sf /etc/systemd/system/kc-check.service /etc/systemd/system/multi-user.target.wants/kc-check.service
  exit 0
fi

# Under systemd, run by kc-check.service; the results go to /root/booted.txt, then power off.
if [ "$1" = --booted ]; then
  exec >/root/booted.txt 2>&1
  . /root/checks.sh
  url=http://127.0.0.1:8080
  for _ in $(seq 60); do curl -s -o /dev/null $url/ && break; sleep 1; done
  check "systemd started khuyencong.service at boot" active "$(systemctl is-active khuyencong)"
  check "it answers" 200 "$(curl -s -o /dev/null -w '%{http_code}' $url/)"
  csrf=$(curl -s -c /tmp/jar $url/api/csrf | sed 's/.*"csrf":"\([^"]*\)".*/\1/')
  check "a sign-in" 200 "$(curl -s -b /tmp/jar -c /tmp/jar -o /dev/null -w '%{http_code}' -H "X-CSRF-Token: $csrf" \
    -H 'Content-Type: application/json' --data '{"ten_dang_nhap":"quantri","mat_khau":"mat-khau-quan-tri-01"}' $url/api/dang-nhap)"
  check "the dashboard" 200 "$(curl -s -b /tmp/jar -o /dev/null -w '%{http_code}' $url/tong-quan)"
  check "a PDF report drawn in the sandbox (fonts, cairo)" "200 %PDF-" \
    "$(curl -s -b /tmp/jar -o /tmp/r.pdf -w '%{http_code}' "$url/bao-cao/tai?ke_hoach=bg-2016-2020&dinh_dang=pdf") $(head -c 5 /tmp/r.pdf)"
  pid=$(systemctl show -p MainPID --value khuyencong)
  check "the process runs as khuyencong" khuyencong "$(stat -c %U /proc/$pid)"
  check "no capabilities" 0000000000000000 "$(awk '/^CapEff:/ {print $2}' /proc/$pid/status)"
  check "no new privileges" 1 "$(awk '/^NoNewPrivs:/ {print $2}' /proc/$pid/status)"
  check "a seccomp filter" 2 "$(awk '/^Seccomp:/ {print $2}' /proc/$pid/status)"
  check "/ is read-only to it" ro "$(awk '$5 == "/" {split($6, o, ","); print o[1]}' /proc/$pid/mountinfo)"
  check "/var/lib/khuyencong is writable to it" rw \
    "$(awk '$5 == "/var/lib/khuyencong" {split($6, o, ","); print o[1]}' /proc/$pid/mountinfo | tail -1)"
  check "the timer is waiting" yes "$(systemctl list-timers --all --no-pager | grep -q khuyencong-backup.timer && echo yes || echo no)"
  systemctl start khuyencong-backup.service
  check "the backup service succeeds in its sandbox" success "$(systemctl show -p Result --value khuyencong-backup.service)"
  check "it wrote a backup" 1 "$(ls /var/lib/khuyencong/backups | grep -c '\.sao-luu$')"
  systemctl stop khuyencong
  check "the service stops cleanly" "inactive 0" \
    "$(systemctl is-active khuyencong) $(systemctl show -p ExecMainStatus --value khuyencong)"
  check "its log reached the journal as JSON" yes \
    "$(journalctl -u khuyencong -o cat --no-pager | grep -q '"route":"bao_cao_tai"' && echo yes || echo no)"
  checks_done || true
  systemctl poweroff
  exit 0
fi

# Inside the new root.
deb=$2
. /root/checks.sh
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
