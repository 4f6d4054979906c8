#!/usr/bin/env bash
# Runs the whole NewsPlatform stack on this machine, as root: PostgreSQL and RabbitMQ on loopback,
# the four services and the gateway as background processes (Release build), logs and state under
# .state/stack (git-ignored). Safe to re-run: what already runs is left alone.
#   deploy/local/up.sh                                  one instance of everything
#   deploy/local/up.sh --scale readerfeed=2,trending=2   more instances, all registered with the gateway
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
export NP_STATE="$ROOT/.state/stack" NP_PG_PORT=5433 NP_AMQP_PORT=5673 NP_DIST_PORT=25673 NP_MGMT_PORT=15673 NP_NODE=news
. "$ROOT/deploy/local/infra.sh"

declare -A BASE_PORT=([authoring]=5101 [media]=5102 [trending]=5103 [readerfeed]=5104)
declare -A PROJECT=([authoring]=services/Authoring [media]=services/Media [trending]=services/Trending [readerfeed]=services/ReaderFeed)
declare -A ASSEMBLY=([authoring]=Authoring [media]=Media [trending]=Trending [readerfeed]=ReaderFeed)
declare -A SCALE=([authoring]=1 [media]=1 [trending]=1 [readerfeed]=1)
GATEWAY_PORT=${NP_GATEWAY_PORT:-8080}
# Consumers first: their queues must exist before Authoring relays anything (the first start imports
# the seed archive at once), or RabbitMQ has nowhere to put those events.
START_ORDER="readerfeed trending media authoring"

while [ $# -gt 0 ]; do
  case "$1" in
    --scale) IFS=',' read -ra pairs <<< "$2"; shift 2
      for pair in "${pairs[@]}"; do
        name=${pair%%=*}; count=${pair#*=}
        [ -n "${SCALE[$name]:-}" ] || { echo "unknown service '$name' (authoring, media, trending, readerfeed)" >&2; exit 2; }
        [[ "$count" =~ ^[1-9]$ ]] || { echo "instance count for $name must be 1-9" >&2; exit 2; }
        SCALE[$name]=$count
      done ;;
    *) echo "usage: $0 [--scale service=N,...]" >&2; exit 2 ;;
  esac
done

ensure_packages curl
ensure_secrets
start_postgres
start_rabbitmq
mkdir -p "$NP_STATE/logs" "$NP_STATE/pids"

# Services declare quorum queues; RabbitMQ cannot change the type of a queue an older NewsPlatform declared classic.
QUEUE_TYPE=quorum
if (rabbit_env; /usr/lib/rabbitmq/bin/rabbitmqctl -q list_queues name type 2>/dev/null) \
    | awk '$1 ~ /^(authoring|media|trending|readerfeed)-/ && $1 !~ /_(error|skipped)$/ && $2 == "classic"' | grep -q .; then
  QUEUE_TYPE=classic
  log "this stack's queues are classic (declared by an older NewsPlatform): keeping them (Messaging__QueueType=classic);"
  log "to move to quorum queues see docs/operations.md, 'The broker', or start afresh (down.sh, then rm -rf $NP_STATE/rabbit)"
fi

log "building (Release)"
dotnet build NewsPlatform.sln -c Release -nologo -v quiet

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

# Instance i of a service listens on its base port + 10*(i-1): readerfeed 5104, 5114, ...
start_instance() { # name dll port pidfile logfile [VAR=value ...]
  local name=$1 dll=$2 port=$3 pidfile=$4 logfile=$5; shift 5
  if alive "$pidfile"; then log "$name already running (pid $(cat "$pidfile"))"; return; fi
  log "starting $name on 127.0.0.1:$port"
  # From its output folder: that is the content root where the host finds its appsettings.json.
  cd "$(dirname "$dll")"
  env ASPNETCORE_URLS="http://127.0.0.1:$port" ASPNETCORE_ENVIRONMENT=Production \
    ConnectionStrings__Postgres="$(postgres_connection)" ConnectionStrings__RabbitMq="$(rabbitmq_connection)" \
    Jwt__SigningKey="$NP_JWT_KEY" Newsroom__SiteUrl="http://localhost:$GATEWAY_PORT" Messaging__QueueType="$QUEUE_TYPE" "$@" \
    setsid nohup dotnet "$dll" >>"$logfile" 2>&1 < /dev/null &
  cd "$ROOT"
  echo $! > "$pidfile"
}

destinations=()
for service in $START_ORDER; do
  dll="$ROOT/${PROJECT[$service]}/bin/Release/net10.0/NewsPlatform.${ASSEMBLY[$service]}.dll"
  for i in $(seq 1 "${SCALE[$service]}"); do
    port=$(( BASE_PORT[$service] + 10 * (i - 1) ))
    start_instance "$service-$i" "$dll" "$port" "$NP_STATE/pids/$service-$i.pid" "$NP_STATE/logs/$service-$i.log" \
      Authoring__BootstrapAdmin__Email=admin@newsplatform.local Authoring__BootstrapAdmin__Password="$NP_ADMIN_PASSWORD" \
      Authoring__SeedsPath="$ROOT/seeds" ForwardedHeaders__TrustedNetworks=127.0.0.1
    destinations+=("ReverseProxy__Clusters__${service}__Destinations__${service}-${i}__Address=http://127.0.0.1:$port/")
  done
done

# The gateway must know every instance: restart it when the set of destinations changed.
printf '%s\n' "${destinations[@]}" > "$NP_STATE/gateway.destinations.new"
if ! cmp -s "$NP_STATE/gateway.destinations.new" "$NP_STATE/gateway.destinations" 2>/dev/null && alive "$NP_STATE/pids/gateway.pid"; then
  log "instances changed: restarting the gateway"
  kill "$(cat "$NP_STATE/pids/gateway.pid")"; rm -f "$NP_STATE/pids/gateway.pid"
fi
mv "$NP_STATE/gateway.destinations.new" "$NP_STATE/gateway.destinations"
# The services believe X-Forwarded-For from the gateway alone (it reaches them from 127.0.0.1); the gateway believes
# it from nobody unless NP_EDGE_PROXIES names the proxy in front of it (addresses or CIDR, comma-separated).
start_instance gateway "$ROOT/gateway/Gateway/bin/Release/net10.0/NewsPlatform.Gateway.dll" "$GATEWAY_PORT" \
  "$NP_STATE/pids/gateway.pid" "$NP_STATE/logs/gateway.log" "${destinations[@]}" \
  ForwardedHeaders__TrustedNetworks="${NP_EDGE_PROXIES:-}"

wait_ready() { # name url
  for _ in $(seq 1 120); do
    if curl -fs -o /dev/null "$2"; then log "$1 ready"; return 0; fi
    sleep 1
  done
  log "$1 did not become ready at $2; see $NP_STATE/logs/"; curl -sS "$2" >&2 || true; return 1
}
for service in $START_ORDER; do
  for i in $(seq 1 "${SCALE[$service]}"); do
    wait_ready "$service-$i" "http://127.0.0.1:$(( BASE_PORT[$service] + 10 * (i - 1) ))/health/ready"
  done
done
wait_ready gateway "http://127.0.0.1:$GATEWAY_PORT/health/ready"

cat <<DONE

NewsPlatform is running.
  Site:          http://localhost:$GATEWAY_PORT/
  Editor:        http://localhost:$GATEWAY_PORT/editor
  Admin login:   admin@newsplatform.local / $NP_ADMIN_PASSWORD   (development credentials, in $NP_STATE/secrets.env)
  RabbitMQ UI:   http://127.0.0.1:$NP_MGMT_PORT/ (news / see secrets.env)
  Logs:          $NP_STATE/logs/
  Stop:          deploy/local/down.sh
DONE
