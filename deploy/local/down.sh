#!/usr/bin/env bash
# Stops exactly what deploy/local/up.sh started: its service processes (by PID), then its RabbitMQ
# node and PostgreSQL cluster. Data stays in .state/stack for the next up.sh.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
export NP_STATE="$ROOT/.state/stack" NP_PG_PORT=5433 NP_AMQP_PORT=5673 NP_DIST_PORT=25673 NP_MGMT_PORT=15673 NP_NODE=news
. "$ROOT/deploy/local/infra.sh"

for pidfile in "$NP_STATE"/pids/*.pid; do
  [ -f "$pidfile" ] || continue
  pid=$(cat "$pidfile"); name=$(basename "$pidfile" .pid)
  if kill -0 "$pid" 2>/dev/null; then
    log "stopping $name (pid $pid)"
    kill -TERM "$pid"
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
  fi
  rm -f "$pidfile"
done
rm -f "$NP_STATE/gateway.destinations"
stop_rabbitmq
stop_postgres
