#!/usr/bin/env bash
# PostgreSQL and RabbitMQ for NewsPlatform on this machine, as root, in a project-local folder.
# Sourced by up.sh, down.sh and test.sh; every function takes its state folder and ports from
# the variables below, so the stack and the test run never share a server.
#   NP_STATE      folder for data, logs, pids and generated credentials (git-ignored)
#   NP_PG_PORT    PostgreSQL port          NP_AMQP_PORT  RabbitMQ AMQP port
#   NP_DIST_PORT  Erlang distribution port NP_MGMT_PORT  RabbitMQ management API port
#   NP_NODE       RabbitMQ node name prefix
set -euo pipefail

log() { printf '[newsplatform] %s\n' "$*" >&2; }

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1; }

ensure_packages() {
  local missing=()
  [ -n "$(pg_bin)" ] || missing+=(postgresql)
  [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || missing+=(rabbitmq-server)
  # A command, or a package that installs no command (a word list, a PostgreSQL extension).
  for p in "$@"; do command -v "$p" >/dev/null 2>&1 || dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]} (Debian packages)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  # The Debian packages start system-wide servers where an init system runs; ours are separate.
}

# The RUM index of ReaderFeed's search (Debian package postgresql-N-rum). Debian's newest build can require a newer
# PostgreSQL minor release than the one installed, and upgrading the server's files under running servers breaks
# them (new backends load the newer libraries), so this installs the newest build the installed server satisfies.
ensure_rum() {
  local major pkg version
  major=$(basename "$(dirname "$(pg_bin)")"); pkg="postgresql-$major-rum"
  dpkg -s "$pkg" >/dev/null 2>&1 && return 0
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  local plan
  for version in $(apt-cache madison "$pkg" | awk '{print $3}'); do
    # Skip a build that would upgrade (or cannot install beside) the installed server.
    plan=$(apt-get install -s "$pkg=$version" 2>/dev/null) || continue
    grep -q "^Inst $pkg " <<<"$plan" || continue
    grep -q "^Inst postgresql-$major " <<<"$plan" && continue
    log "installing $pkg $version (Debian package)"
    apt-get install -y -qq "$pkg=$version" >/dev/null && return 0
  done
  log "no build of $pkg fits the installed PostgreSQL; upgrade postgresql-$major (and restart its servers) first"
  return 1
}

# Credentials are generated once per state folder and never committed.
ensure_secrets() {
  mkdir -p "$NP_STATE"
  if [ ! -f "$NP_STATE/secrets.env" ]; then
    umask 077
    cat > "$NP_STATE/secrets.env" <<SECRETS
NP_PG_PASSWORD=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
NP_RABBIT_PASSWORD=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
NP_JWT_KEY=$(head -c 48 /dev/urandom | od -An -tx1 | tr -d ' \n')
NP_ADMIN_PASSWORD=admin-$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')
SECRETS
  fi
  # shellcheck disable=SC1091
  . "$NP_STATE/secrets.env"
}

# PostgreSQL refuses to run as root, and its user must reach its data folder. A clone inside a
# folder that user cannot enter keeps its data under /var/tmp instead (linked from the state folder).
pg_dir() {
  local wanted="$NP_STATE/pg"
  if [ ! -L "$wanted" ]; then
    mkdir -p "$wanted"
    if ! su postgres -s /bin/sh -c "test -x '$wanted'" 2>/dev/null; then
      local alt="/var/tmp/newsplatform-$(echo "$NP_STATE" | md5sum | cut -c1-12)"
      mkdir -p "$alt" && rmdir "$wanted" && ln -sfn "$alt" "$wanted"
    fi
  fi
  readlink -f "$wanted"   # PostgreSQL gets the real path: it cannot pass through the folder we avoided
}

pg_running() { "$(pg_bin)/pg_isready" -h 127.0.0.1 -p "$NP_PG_PORT" -q 2>/dev/null; }

start_postgres() {
  local dir bin; dir=$(pg_dir); bin=$(pg_bin)
  local data="$dir/data" run="$dir/run"
  ensure_rum
  mkdir -p "$data" "$run"; chown -R postgres:postgres "$dir/" "$data" "$run"; chmod 700 "$data"
  if [ ! -f "$data/PG_VERSION" ]; then
    log "initialising PostgreSQL in $data"
    su postgres -s /bin/sh -c "cd / && $bin/initdb -D '$data' -U postgres --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8" >/dev/null
  fi
  if ! pg_running; then
    log "starting PostgreSQL on 127.0.0.1:$NP_PG_PORT"
    su postgres -s /bin/sh -c "cd / && $bin/pg_ctl -D '$data' -l '$run/postgresql.log' -o \"-p $NP_PG_PORT -k '$run' -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=256MB -c fsync=${NP_PG_FSYNC:-on}\" -w -t 60 start" >/dev/null
  fi
  su postgres -s /bin/sh -c "psql -q -h '$run' -p $NP_PG_PORT -U postgres -d postgres" <<SQL >/dev/null
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'news') THEN CREATE ROLE news LOGIN CREATEDB; END IF;
END \$\$;
ALTER ROLE news PASSWORD '$NP_PG_PASSWORD';
SQL
  # ReaderFeed's search needs rum (untrusted: only a superuser may create it) and pg_trgm. In template1 they are in
  # every database created later, such as each test's own.
  local db
  for db in template1 news; do
    if [ "$db" = news ] && ! su postgres -s /bin/sh -c "psql -h '$run' -p $NP_PG_PORT -U postgres -tAc \"select 1 from pg_database where datname='news'\"" | grep -q 1; then
      su postgres -s /bin/sh -c "psql -q -h '$run' -p $NP_PG_PORT -U postgres -c 'CREATE DATABASE news OWNER news'" >/dev/null
    fi
    su postgres -s /bin/sh -c "psql -q -h '$run' -p $NP_PG_PORT -U postgres -d $db -c 'CREATE EXTENSION IF NOT EXISTS rum; CREATE EXTENSION IF NOT EXISTS pg_trgm;'" >/dev/null
  done
}

stop_postgres() {
  [ -e "$NP_STATE/pg" ] || return 0
  local dir; dir=$(readlink -f "$NP_STATE/pg")
  [ -f "$dir/data/postmaster.pid" ] || return 0
  log "stopping PostgreSQL on :$NP_PG_PORT"
  su postgres -s /bin/sh -c "cd / && $(pg_bin)/pg_ctl -D '$dir/data' -m fast -w -t 60 stop" >/dev/null || true
}

rabbit_env() {
  export HOME="$NP_STATE/rabbit"
  # epmd and Erlang distribution (clustering, the CLI tools) on loopback only: whoever reaches them with the
  # cookie controls the node. (An epmd already started by another node keeps the address it was started with.)
  export ERL_EPMD_ADDRESS=127.0.0.1
  export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
  export RABBITMQ_NODENAME="$NP_NODE@$(hostname -s)" RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
  export RABBITMQ_NODE_PORT="$NP_AMQP_PORT" RABBITMQ_DIST_PORT="$NP_DIST_PORT"
  export RABBITMQ_MNESIA_BASE="$NP_STATE/rabbit/mnesia" RABBITMQ_LOG_BASE="$NP_STATE/rabbit/log"
  export RABBITMQ_ENABLED_PLUGINS_FILE="$NP_STATE/rabbit/enabled_plugins"
  export RABBITMQ_CONFIG_FILE="$NP_STATE/rabbit/rabbitmq.conf"
  export RABBITMQ_PID_FILE="$NP_STATE/rabbit/rabbit.pid"
}

rabbit_running() { (rabbit_env; /usr/lib/rabbitmq/bin/rabbitmqctl -q status >/dev/null 2>&1); }

start_rabbitmq() { start_rabbitmq_node; ensure_rabbitmq_user; }

start_rabbitmq_node() {
  (
    rabbit_env
    mkdir -p "$HOME/log" "$HOME/mnesia"
    cat > "$RABBITMQ_CONFIG_FILE" <<CONF
listeners.tcp.1 = 127.0.0.1:$NP_AMQP_PORT
management.tcp.ip = 127.0.0.1
management.tcp.port = $NP_MGMT_PORT
CONF
    if ! /usr/lib/rabbitmq/bin/rabbitmqctl -q status >/dev/null 2>&1; then
      log "starting RabbitMQ on 127.0.0.1:$NP_AMQP_PORT (management :$NP_MGMT_PORT)"
      /usr/lib/rabbitmq/bin/rabbitmq-plugins enable --offline rabbitmq_management >/dev/null
      /usr/lib/rabbitmq/bin/rabbitmq-server -detached >/dev/null 2>&1
      # -detached returns before the node registers; `wait` follows the pid file until the app runs.
      /usr/lib/rabbitmq/bin/rabbitmqctl -q wait "$RABBITMQ_PID_FILE" --timeout 120 >/dev/null
    fi
  )
}

# NewsPlatform's user (administrator, generated password) and no guest; users are shared by a cluster's nodes.
ensure_rabbitmq_user() {
  (
    rabbit_env
    /usr/lib/rabbitmq/bin/rabbitmqctl -q add_user news "$NP_RABBIT_PASSWORD" >/dev/null 2>&1 \
      || /usr/lib/rabbitmq/bin/rabbitmqctl -q change_password news "$NP_RABBIT_PASSWORD" >/dev/null
    /usr/lib/rabbitmq/bin/rabbitmqctl -q set_user_tags news administrator >/dev/null
    /usr/lib/rabbitmq/bin/rabbitmqctl -q set_permissions -p / news '.*' '.*' '.*' >/dev/null
    # A fresh node has guest/guest, an administrator; NewsPlatform never uses it.
    if /usr/lib/rabbitmq/bin/rabbitmqctl -q list_users | awk '{print $1}' | grep -qx guest; then
      /usr/lib/rabbitmq/bin/rabbitmqctl -q delete_user guest >/dev/null
    fi
  )
}

stop_rabbitmq() {
  [ -f "$NP_STATE/rabbit/rabbit.pid" ] || return 0
  log "stopping RabbitMQ on :$NP_AMQP_PORT"
  (rabbit_env; /usr/lib/rabbitmq/bin/rabbitmqctl -q stop "$RABBITMQ_PID_FILE" >/dev/null 2>&1 || true)
}

postgres_connection() { echo "Host=127.0.0.1;Port=$NP_PG_PORT;Username=news;Password=$NP_PG_PASSWORD;Database=${1:-news}"; }
rabbitmq_connection() { echo "amqp://news:$NP_RABBIT_PASSWORD@127.0.0.1:$NP_AMQP_PORT/${1:-}"; }

# The servers tests and benchmarks use: their own ports and state, so a running stack is untouched.
# Writes $NP_STATE/test.env with their addresses; stops on exit what it started unless NP_KEEP_INFRA=1.
start_test_infra() {
  local root="$1"; shift
  # NP_TEST_* move the test servers, e.g. to run a second checkout's tests beside a first one's.
  export NP_STATE="$root/.state/test" NP_PG_PORT=${NP_TEST_PG_PORT:-5434} NP_AMQP_PORT=${NP_TEST_AMQP_PORT:-5674}
  export NP_DIST_PORT=${NP_TEST_DIST_PORT:-25674} NP_MGMT_PORT=${NP_TEST_MGMT_PORT:-15674} NP_NODE=${NP_TEST_NODE:-newstest}
  export NP_PG_FSYNC=off   # test data is disposable; durability is the stack's concern, not the test run's
  ensure_packages "$@"
  ensure_secrets
  NP_STARTED=()
  pg_running || NP_STARTED+=(postgres)
  start_postgres
  rabbit_running || NP_STARTED+=(rabbitmq)
  start_rabbitmq
  trap stop_test_infra EXIT
  cat > "$NP_STATE/test.env" <<ENV
export NEWSPLATFORM_TEST_POSTGRES='$(postgres_connection postgres)'
export NEWSPLATFORM_TEST_RABBITMQ='$(rabbitmq_connection)'
export NEWSPLATFORM_TEST_RABBITMQ_MANAGEMENT='http://127.0.0.1:$NP_MGMT_PORT'
export NEWSPLATFORM_TEST_RABBITMQ_USER=news
export NEWSPLATFORM_TEST_RABBITMQ_PASSWORD='$NP_RABBIT_PASSWORD'
ENV
  . "$NP_STATE/test.env"
}

stop_test_infra() {
  [ "${NP_KEEP_INFRA:-0}" = 1 ] && return 0
  for s in "${NP_STARTED[@]}"; do "stop_$s"; done
}
