#!/usr/bin/env bash
# Runs benchmarks (tests/Benchmarks) against real servers on the test ports and writes
# their figures into docs/benchmarks.md.   deploy/local/bench.sh relay   |   deploy/local/bench.sh all
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
. "$ROOT/deploy/local/infra.sh"
start_test_infra "$ROOT" nginx wrk wamerican-large
log "building (Release)"
dotnet build NewsPlatform.sln -c Release -nologo -v quiet
dotnet run -c Release --no-build --project tests/Benchmarks -- "$@"
