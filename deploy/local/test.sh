#!/usr/bin/env bash
# Runs every NewsPlatform test against real PostgreSQL and RabbitMQ (and Debian's Chromium for the
# browser tests), on ports of their own so a running stack (up.sh) is untouched. Installs what is
# missing, starts what is not running, stops what it started, exits with the tests' status.
#   deploy/local/test.sh                      all tests
#   deploy/local/test.sh --filter Backbone    any `dotnet test` arguments
#   NP_KEEP_INFRA=1 deploy/local/test.sh      leave the test servers running; then
#   . .state/test/test.env && dotnet test tests/Authoring.Tests
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
export NP_STATE="$ROOT/.state/test" NP_PG_PORT=5434 NP_AMQP_PORT=5674 NP_DIST_PORT=25674 NP_MGMT_PORT=15674 NP_NODE=newstest
export NP_PG_FSYNC=off   # test data is disposable; durability is the stack's concern, not the test run's
. "$ROOT/deploy/local/infra.sh"

ensure_packages chromium
ensure_secrets
started=()
pg_running || started+=(postgres)
start_postgres
rabbit_running || started+=(rabbitmq)
start_rabbitmq

cleanup() {
  [ "${NP_KEEP_INFRA:-0}" = 1 ] && return 0
  for s in "${started[@]}"; do "stop_$s"; done
}
trap cleanup EXIT

cat > "$NP_STATE/test.env" <<ENV
export NEWSPLATFORM_TEST_POSTGRES='$(postgres_connection postgres)'
export NEWSPLATFORM_TEST_RABBITMQ='$(rabbitmq_connection)'
export NEWSPLATFORM_TEST_RABBITMQ_MANAGEMENT='http://127.0.0.1:$NP_MGMT_PORT'
export NEWSPLATFORM_TEST_RABBITMQ_USER=news
export NEWSPLATFORM_TEST_RABBITMQ_PASSWORD='$NP_RABBIT_PASSWORD'
ENV
. "$NP_STATE/test.env"

log "building (Release)"
dotnet build NewsPlatform.sln -c Release -nologo -v quiet

results="$NP_STATE/results"
rm -rf "$results"
status=0
dotnet test NewsPlatform.sln -c Release --no-build -nologo --results-directory "$results" --logger "trx" "$@" || status=$?

# One plain closing line over every test project.
if ls "$results"/*.trx >/dev/null 2>&1; then
  python3 - "$results" <<'PY' || true
import glob, re, sys
t = {"passed": 0, "failed": 0, "notExecuted": 0}
for f in glob.glob(sys.argv[1] + "/*.trx"):
    m = re.search(r'<Counters [^>]*', open(f, encoding="utf-8").read())
    if m:
        for k in t:
            v = re.search(k + r'="(\d+)"', m.group(0))
            t[k] += int(v.group(1)) if v else 0
print(f"tests: {t['passed']} passed, {t['failed']} failed, {t['notExecuted']} skipped")
PY
fi
exit $status
