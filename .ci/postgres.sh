#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the team-mode tests, on a loopback port in a
# temporary folder. Usage:
#   source .ci/postgres.sh start   # exports FACTDESK_TEST_PG (an SQLAlchemy URL)
#   .ci/postgres.sh stop           # (or: source … stop) stops it and removes the folder
# Installs Debian's postgresql when no server binaries are found (needs root). Where the
# server cannot be started, FACTDESK_TEST_PG stays unset and the tests say why they skip.
set -u
_free_port() {  # the first port from 55432 on that nothing listens on
  local p
  for p in $(seq 55432 55499); do
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return 0; }
  done
  echo 55432
}
if [ "${1:-}" = start ]; then
  PGPORT="${FACTDESK_PG_PORT:-$(_free_port)}"
  export FACTDESK_PG_PORT="$PGPORT"
else
  PGPORT="${FACTDESK_PG_PORT:-55432}"
fi
PGDIR="${FACTDESK_PG_DIR:-${TMPDIR:-/tmp}/factdesk-pg-$PGPORT}"

_pg_bin() {
  for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && { echo "$d"; return 0; }; done
  command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
  return 1
}

_as_owner() {  # PostgreSQL refuses to run as root: use the postgres user when we are root
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

_pg_start() {
  local bin
  if ! bin=$(_pg_bin); then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "postgres.sh: installing Debian's postgresql" >&2
      (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql) \
        >/tmp/factdesk-pg-install.log 2>&1 || echo "postgres.sh: install failed (see /tmp/factdesk-pg-install.log)" >&2
    fi
    bin=$(_pg_bin) || { echo "postgres.sh: no PostgreSQL server here; team-mode tests will skip" >&2; return 0; }
  fi
  if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
    useradd --system --home-dir /nonexistent --shell /usr/sbin/nologin postgres || true
  fi
  rm -rf "$PGDIR"; mkdir -p "$PGDIR"
  [ "$(id -u)" = 0 ] && chown postgres "$PGDIR"
  if ! _as_owner "$bin/initdb" -D "$PGDIR/data" -U factdesk --auth=trust -E UTF8 --locale=C.UTF-8 >"$PGDIR/initdb.log" 2>&1; then
    _as_owner "$bin/initdb" -D "$PGDIR/data" -U factdesk --auth=trust -E UTF8 >"$PGDIR/initdb.log" 2>&1 \
      || { echo "postgres.sh: initdb failed (see $PGDIR/initdb.log); team-mode tests will skip" >&2; return 0; }
  fi
  if ! _as_owner "$bin/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w -t 60 \
       -o "-p $PGPORT -k $PGDIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null; then
    echo "postgres.sh: the server did not start (see $PGDIR/server.log); team-mode tests will skip" >&2
    return 0
  fi
  export FACTDESK_TEST_PG="postgresql+psycopg://factdesk@127.0.0.1:$PGPORT/postgres"
  echo "postgres.sh: PostgreSQL on 127.0.0.1:$PGPORT ($FACTDESK_TEST_PG)" >&2
}

_pg_stop() {
  local bin
  bin=$(_pg_bin) || return 0
  [ -d "$PGDIR/data" ] && _as_owner "$bin/pg_ctl" -D "$PGDIR/data" -m fast -w stop >/dev/null 2>&1
  rm -rf "$PGDIR"
  unset FACTDESK_TEST_PG
}

case "${1:-}" in
  start) _pg_start ;;
  stop) _pg_stop ;;
  *) echo "usage: source .ci/postgres.sh start|stop" >&2 ;;
esac
