#!/usr/bin/env bash
# A primary, its streaming replica and PgBouncer (transaction mode) on this machine, for the replica and
# PgBouncer tests and for trying the topology of README "Running beyond one machine". Debian's own tools
# (pg_createcluster, pg_basebackup -R, pgbouncer); the main cluster (5432) is never touched.
#
#   bash tools/pg-replica.sh up     # create what is missing, start what is stopped (idempotent)
#   bash tools/pg-replica.sh env    # print the variables the tests read
#   bash tools/pg-replica.sh down   # stop and remove all three
#
# Ports: PG_REPLICA_PRIMARY_PORT (5440), PG_REPLICA_PORT (5441), PG_BOUNCER_PORT (6440). Test clusters:
# trust from 127.0.0.1 only, fsync off (they hold throw-away test databases). Run as root.
set -euo pipefail

VER="${PG_REPLICA_VERSION:-$(ls /etc/postgresql | sort -n | tail -1)}"
PRIMARY_PORT="${PG_REPLICA_PRIMARY_PORT:-5440}"
REPLICA_PORT="${PG_REPLICA_PORT:-5441}"
BOUNCER_PORT="${PG_BOUNCER_PORT:-6440}"
PRIMARY=dk_primary
REPLICA=dk_replica
BOUNCER_DIR=/var/lib/postgresql/dk_pgbouncer
BIN="/usr/lib/postgresql/$VER/bin"

as_pg() { runuser -u postgres -- "$@"; }
ctl() { pg_ctlcluster --skip-systemctl-redirect "$VER" "$@"; }
exists() { [ -f "/etc/postgresql/$VER/$1/postgresql.conf" ]; }
drop() { # a cluster and what we added to its settings (pg_dropcluster leaves foreign files behind)
  exists "$1" && pg_dropcluster --stop "$VER" "$1"
  rm -rf "/etc/postgresql/$VER/${1:?}" "/var/lib/postgresql/$VER/${1:?}"
}
running() { "$BIN/pg_isready" -q -h 127.0.0.1 -p "$1"; }
wait_ready() {
  for _ in $(seq 1 100); do running "$1" && return 0; sleep 0.1; done
  echo "port $1 did not become ready" >&2
  return 1
}

conf() { # cluster-name: the settings both test clusters share
  local d="/etc/postgresql/$VER/$1"
  mkdir -p "$d/conf.d"
  cat > "$d/conf.d/doanket.conf" <<EOF
listen_addresses = '127.0.0.1'
wal_level = replica
max_wal_senders = 5
wal_keep_size = '256MB'
hot_standby = on
hot_standby_feedback = on
fsync = off
full_page_writes = off
max_connections = 100
shared_buffers = '64MB'
EOF
  cat > "$d/pg_hba.conf" <<EOF
local all all trust
local replication all trust
host all all 127.0.0.1/32 trust
host replication all 127.0.0.1/32 trust
EOF
}

primary_up() {
  if ! exists "$PRIMARY"; then
    pg_createcluster "$VER" "$PRIMARY" -p "$PRIMARY_PORT" -- --no-sync >/dev/null
    conf "$PRIMARY"
  fi
  running "$PRIMARY_PORT" || ctl "$PRIMARY" start
  wait_ready "$PRIMARY_PORT"
}

replica_up() {
  # A replica that is not a standby streaming from our primary is rebuilt (a stale or half-made copy).
  if exists "$REPLICA"; then
    running "$REPLICA_PORT" || ctl "$REPLICA" start || true
    if running "$REPLICA_PORT" && [ "$(as_pg psql -h 127.0.0.1 -p "$REPLICA_PORT" -Atqc 'select pg_is_in_recovery()' postgres 2>/dev/null)" = t ] \
      && [ "$(as_pg psql -h 127.0.0.1 -p "$PRIMARY_PORT" -Atqc 'select count(*) from pg_stat_replication' postgres)" -ge 1 ]; then
      return 0
    fi
    drop "$REPLICA"
  fi
  local data="/var/lib/postgresql/$VER/$REPLICA"
  install -d -o postgres -g postgres -m 700 "$data"
  # -R writes standby.signal and primary_conninfo: the copy starts as a hot standby streaming from the primary.
  as_pg pg_basebackup -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$data" -R -X stream -c fast --no-sync
  # The copy becomes a cluster of its own: pg_createcluster takes an existing data directory with its
  # settings files (it moves them to /etc and sets the port and paths); ours are written by conf below.
  printf "include_dir = 'conf.d'\n" > "$data/postgresql.conf"
  cp "/etc/postgresql/$VER/$PRIMARY/pg_ident.conf" "/etc/postgresql/$VER/$PRIMARY/pg_hba.conf" "$data/"
  chown postgres:postgres "$data"/*.conf
  pg_createcluster "$VER" "$REPLICA" -p "$REPLICA_PORT" >/dev/null
  conf "$REPLICA"
  ctl "$REPLICA" start
  wait_ready "$REPLICA_PORT"
}

bouncer_up() {
  command -v pgbouncer >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -q pgbouncer >/dev/null
  mkdir -p "$BOUNCER_DIR"
  cat > "$BOUNCER_DIR/pgbouncer.ini" <<EOF
[databases]
* = host=127.0.0.1 port=$PRIMARY_PORT

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $BOUNCER_PORT
unix_socket_dir =
auth_type = trust
auth_file = $BOUNCER_DIR/userlist.txt
admin_users = postgres
pool_mode = transaction
; Fewer server connections than the app's pool has clients: session state would leak between clients.
default_pool_size = 4
max_client_conn = 500
pidfile = $BOUNCER_DIR/pgbouncer.pid
logfile = $BOUNCER_DIR/pgbouncer.log
EOF
  echo '"postgres" ""' > "$BOUNCER_DIR/userlist.txt"
  chown -R postgres:postgres "$BOUNCER_DIR"
  if [ -f "$BOUNCER_DIR/pgbouncer.pid" ] && kill -0 "$(cat "$BOUNCER_DIR/pgbouncer.pid")" 2>/dev/null; then
    kill -HUP "$(cat "$BOUNCER_DIR/pgbouncer.pid")" # re-read the settings
  else
    as_pg pgbouncer -d "$BOUNCER_DIR/pgbouncer.ini"
  fi
  wait_ready "$BOUNCER_PORT"
}

bouncer_down() {
  if [ -f "$BOUNCER_DIR/pgbouncer.pid" ]; then
    kill "$(cat "$BOUNCER_DIR/pgbouncer.pid")" 2>/dev/null || true
    rm -f "$BOUNCER_DIR/pgbouncer.pid"
  fi
}

print_env() {
  echo "REPLICA_TEST_PRIMARY_URL=postgres://postgres@127.0.0.1:$PRIMARY_PORT/postgres"
  echo "REPLICA_TEST_REPLICA_URL=postgres://postgres@127.0.0.1:$REPLICA_PORT/postgres"
  echo "PGBOUNCER_TEST_URL=postgres://postgres@127.0.0.1:$BOUNCER_PORT/postgres"
}

case "${1:-}" in
  up)
    start=$(date +%s%N)
    # Only the variables go to stdout (CI sources them); Debian's tools talk on stdout too
    # ("Removed stale pid file" after an unclean stop), so their words go to stderr.
    { primary_up; replica_up; bouncer_up; } >&2
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    echo "primary :$PRIMARY_PORT, streaming replica :$REPLICA_PORT, PgBouncer :$BOUNCER_PORT ready in ${ms} ms" >&2
    print_env
    ;;
  env) print_env ;;
  down)
    bouncer_down
    drop "$REPLICA"
    drop "$PRIMARY"
    ;;
  *)
    echo "usage: $0 up|env|down" >&2
    exit 2
    ;;
esac
