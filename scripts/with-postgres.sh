#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL 15 cluster: its own data directory, listening on
# 127.0.0.1 only, on a free port. KC_TEST_POSTGRES holds the URL of its maintenance database
# while the command runs; the cluster is stopped and removed whatever happens.
#   scripts/with-postgres.sh <command> [args…]
# KC_PG_OPTIONS adds server settings after the defaults (which it may override), for example
# KC_PG_OPTIONS="-c fsync=on" for benchmarks. Streaming replication from 127.0.0.1 works with the
# defaults (wal_level=replica, max_wal_senders, initdb's pg_hba replication lines); they are named
# below so that a replica can be made of this cluster with pg_basebackup -R.
set -euo pipefail

bin=/usr/lib/postgresql/15/bin
[ -x "$bin/initdb" ] || { echo "PostgreSQL 15 is not installed (scripts/install-deps.sh --with-tests)" >&2; exit 2; }

dir=$(mktemp -d /tmp/khuyencong-pg.XXXXXX)
# A port nobody answers on (bash's /dev/tcp tries to connect).
port=${KC_PG_PORT:-}
while [ -z "$port" ]; do
  candidate=$((20000 + RANDOM % 40000))
  (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null || port=$candidate
done
# PostgreSQL refuses to run as root: run the server as the "postgres" system user then.
as_owner=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres "$dir"
  as_owner=(runuser -u postgres --)
  # A root directory without search permission for other users (seen in chroots whose root was
  # made with mktemp, mode 700) stops every non-root program; Debian's own default is 755.
  if ! runuser -u postgres -- test -x "$bin/initdb"; then
    echo "note: giving other users search permission on / (mode $(stat -c %a /)) so that PostgreSQL can run" >&2
    chmod o+x /
  fi
fi

stop() {
  "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT INT TERM

"${as_owner[@]}" "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
  { cat "$dir/initdb.log" >&2; exit 1; }
"${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=200 -c wal_level=replica -c max_wal_senders=10 ${KC_PG_OPTIONS:-}" start >/dev/null ||
  { cat "$dir/server.log" >&2; exit 1; }

export KC_TEST_POSTGRES="postgresql://postgres@127.0.0.1:$port/postgres"
echo "PostgreSQL 15 on 127.0.0.1:$port (data in $dir)"
"$@"
