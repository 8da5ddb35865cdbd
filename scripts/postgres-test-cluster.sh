#!/usr/bin/env bash
# Starts or stops a private PostgreSQL cluster for the Assay.Storage tests (127.0.0.1 only, trust auth, fsync on).
#
#   scripts/postgres-test-cluster.sh start [DIR]   initdb into DIR (default: a new temp dir), start on a free port,
#                                                  wait until it accepts connections, print the connection string
#                                                  on stdout (the only stdout line); progress goes to stderr.
#   scripts/postgres-test-cluster.sh stop DIR      stop the cluster in DIR and delete DIR.
#
# Installs Debian's postgresql (apt-get install -y postgresql) when initdb is missing. As root the cluster runs as the
# user postgres (initdb refuses root); otherwise as the current user.
set -euo pipefail

log() { echo "postgres-test-cluster: $*" >&2; }

find_bin_dir() {
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(readlink -f "$(command -v pg_ctl)")"
    return 0
  fi
  local d
  for d in /usr/lib/postgresql/*/bin; do
    if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then echo "$d"; return 0; fi
  done
  return 1
}

ensure_installed() {
  if find_bin_dir >/dev/null; then return 0; fi
  log "initdb not found; installing Debian's postgresql"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get install -y postgresql >&2 || { $sudo apt-get update >&2 && $sudo apt-get install -y postgresql >&2; }
  find_bin_dir >/dev/null || { log "postgresql installed but initdb still not found"; exit 1; }
}

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

start() {
  ensure_installed
  local bin dir port attempt
  bin=$(find_bin_dir)
  dir=${1:-$(mktemp -d /tmp/assay-pg.XXXXXX)}
  mkdir -p "$dir"
  if [ "$(id -u)" -eq 0 ]; then chown postgres: "$dir"; fi
  chmod 700 "$dir"
  log "data dir $dir (binaries $bin)"
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  for attempt in 1 2 3 4 5 6 7 8; do
    port=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
    if port_in_use "$port"; then continue; fi
    if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=on -c synchronous_commit=on" start >&2; then
      echo "$port" >"$dir/port"
      # pg_ctl -w already waited for the server; pg_isready confirms TCP connections on 127.0.0.1 are accepted.
      local i
      for i in $(seq 1 60); do
        if "$bin/pg_isready" -h 127.0.0.1 -p "$port" -q; then
          echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=true"
          return 0
        fi
        sleep 0.5
      done
      log "server started but does not accept connections on port $port"; cat "$dir/server.log" >&2; exit 1
    fi
    log "start on port $port failed (attempt $attempt)"; tail -n 5 "$dir/server.log" >&2 || true
  done
  log "could not start a cluster"; exit 1
}

stop() {
  local dir=${1:?usage: $0 stop DIR}
  local bin
  bin=$(find_bin_dir)
  if [ -d "$dir/data" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >&2 || true
  fi
  rm -rf "$dir"
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) shift; stop "$@" ;;
  *) echo "usage: $0 start [DIR] | stop DIR" >&2; exit 2 ;;
esac
