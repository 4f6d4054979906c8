#!/usr/bin/env bash
# A three-node RabbitMQ cluster on this machine, on loopback, as an ops team runs the broker: quorum queues
# replicated on all three nodes, no guest user, epmd and distribution on 127.0.0.1. For the reliability
# benchmark (deploy/local/bench.sh reliability) and for trying the services against a cluster.
#   deploy/local/rabbit-cluster.sh up           start (or restart) the nodes and join them into one cluster
#   deploy/local/rabbit-cluster.sh down         stop the nodes (data stays in .state/rabbit-cluster)
#   deploy/local/rabbit-cluster.sh status       the cluster as RabbitMQ sees it
#   deploy/local/rabbit-cluster.sh start-node N start one node again (after it was stopped or killed)
# Node N (1-3) listens for AMQP on 5690+N, management on 15690+N and distribution on 25690+N
# (NP_CLUSTER_PORT_BASE moves them). `up` writes .state/rabbit-cluster/cluster.env: the connection
# string with all three nodes (NP_CLUSTER_RABBITMQ), the management URLs and each node's pid file.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$ROOT/deploy/local/infra.sh"
CLUSTER_STATE=${NP_CLUSTER_STATE:-$ROOT/.state/rabbit-cluster}
PORT_BASE=${NP_CLUSTER_PORT_BASE:-5690}
NODES=(1 2 3)

node_env() { # N: the infra.sh variables for node N
  export NP_STATE="$CLUSTER_STATE/node$1" NP_AMQP_PORT=$((PORT_BASE + $1)) NP_MGMT_PORT=$((10000 + PORT_BASE + $1))
  export NP_DIST_PORT=$((20000 + PORT_BASE + $1)) NP_NODE="newscluster$1"
}
node_name() { echo "newscluster$1@$(hostname -s)"; }
ctl() { # N args...: rabbitmqctl against node N
  local n=$1; shift
  (node_env "$n"; rabbit_env; /usr/lib/rabbitmq/bin/rabbitmqctl "$@")
}

# Every node of a cluster shares one Erlang cookie (in each node's HOME, see rabbit_env).
ensure_cookie() {
  mkdir -p "$CLUSTER_STATE"
  [ -f "$CLUSTER_STATE/erlang.cookie" ] || (umask 077; head -c 30 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$CLUSTER_STATE/erlang.cookie")
  for n in "${NODES[@]}"; do
    mkdir -p "$CLUSTER_STATE/node$n/rabbit"
    install -m 400 "$CLUSTER_STATE/erlang.cookie" "$CLUSTER_STATE/node$n/rabbit/.erlang.cookie"
  done
}

start_node() { (node_env "$1"; start_rabbitmq_node); }

write_env() {
  local hosts=() management=() pids=()
  for n in "${NODES[@]}"; do
    hosts+=("127.0.0.1:$((PORT_BASE + n))")
    management+=("http://127.0.0.1:$((10000 + PORT_BASE + n))")
    pids+=("$CLUSTER_STATE/node$n/rabbit/rabbit.pid")
  done
  cat > "$CLUSTER_STATE/cluster.env" <<ENV
export NP_CLUSTER_RABBITMQ='amqp://news:$NP_RABBIT_PASSWORD@$(IFS=,; echo "${hosts[*]}")/'
export NP_CLUSTER_MANAGEMENT='${management[*]}'
export NP_CLUSTER_NODE_NAMES='$(for n in "${NODES[@]}"; do printf '%s ' "$(node_name "$n")"; done | sed 's/ $//')'
export NP_CLUSTER_PID_FILES='${pids[*]}'
export NP_CLUSTER_USER=news
export NP_CLUSTER_PASSWORD='$NP_RABBIT_PASSWORD'
ENV
}

up() {
  ensure_packages
  (export NP_STATE="$CLUSTER_STATE"; ensure_secrets)
  . "$CLUSTER_STATE/secrets.env"
  ensure_cookie
  for n in "${NODES[@]}"; do start_node "$n"; done
  local first; first=$(node_name 1)
  local members; members=$(ctl 1 -q cluster_status --formatter json 2>/dev/null || true)
  for n in "${NODES[@]:1}"; do
    if ! grep -q "\"$(node_name "$n")\"" <<< "$members"; then
      log "joining $(node_name "$n") to $first"
      ctl "$n" -q stop_app >/dev/null
      ctl "$n" -q join_cluster "$first" >/dev/null
      ctl "$n" -q start_app >/dev/null
    fi
  done
  ctl 1 -q await_online_nodes 3 --timeout 120 >/dev/null 2>&1 || true
  (node_env 1; ensure_rabbitmq_user)
  write_env
  log "RabbitMQ cluster of ${#NODES[@]} nodes: AMQP 127.0.0.1:$((PORT_BASE + 1))-$((PORT_BASE + ${#NODES[@]})), management :$((10000 + PORT_BASE + 1)); see $CLUSTER_STATE/cluster.env"
}

down() {
  # The last node to stop should be the first to start again; stopping in reverse order keeps node 1 last.
  for n in 3 2 1; do (node_env "$n"; stop_rabbitmq); done
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) ctl 1 cluster_status ;;
  start-node)
    [[ "${2:-}" =~ ^[1-3]$ ]] || { echo "usage: $0 start-node 1|2|3" >&2; exit 2; }
    . "$CLUSTER_STATE/secrets.env"; ensure_cookie; start_node "$2" ;;
  *) echo "usage: $0 up|down|status|start-node N" >&2; exit 2 ;;
esac
