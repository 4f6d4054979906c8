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
. "$ROOT/deploy/local/infra.sh"
# nodejs/npm: the manifest schema tests; openssl: the broker TLS tests make their own CA; nginx: the proxy tests
start_test_infra "$ROOT" chromium docker-compose nodejs npm openssl nginx

log "building (Release)"
dotnet build NewsPlatform.sln -c Release -nologo -v quiet

# The code style in .editorconfig is kept, not hoped for: a change that breaks it fails here.
log "checking code style (dotnet format)"
dotnet format NewsPlatform.sln --verify-no-changes --no-restore -v quiet

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
