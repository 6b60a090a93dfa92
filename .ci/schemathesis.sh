#!/usr/bin/env bash
# Property-based API testing with schemathesis against /api/openapi.json: no 5xx, responses match
# the documented schemas, status codes and content types.
#
#   .ci/schemathesis.sh                 start a throwaway API (private Neo4j + demo channel), test it
#   .ci/schemathesis.sh http://host:port  test a server that is already running
#
# Needs python3 with venv; schemathesis is pip-installed into a venv outside the repository
# (SCHEMATHESIS_VENV, default $TMPDIR/mlgraph-schemathesis-venv). Exit code: schemathesis's own,
# or 0 with a message when Python is not available (nothing to run with). Tunables:
# SCHEMATHESIS_MAX_EXAMPLES (default 30), SCHEMATHESIS_MAX_TIME (seconds; unset: no budget).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

if ! command -v python3 >/dev/null || ! python3 -m venv --help >/dev/null 2>&1; then
  echo "schemathesis: python3 with venv is not available; skipped"
  exit 0
fi
venv="${SCHEMATHESIS_VENV:-${TMPDIR:-/tmp}/mlgraph-schemathesis-venv}"
if [ ! -x "$venv/bin/st" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check 'schemathesis>=4,<5'
fi

server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  [ -n "${ready_file:-}" ] && rm -f "$ready_file"
}
trap cleanup EXIT

base_url="${1:-}"
if [ -z "$base_url" ]; then
  ready_file=$(mktemp)
  # node directly (not npx/tsx's wrapper) so that $! is the process that owns the server and Neo4j.
  node --import tsx "$root/bench/lib/demo-api.ts" >"$ready_file" &
  server_pid=$!
  for _ in $(seq 1 600); do
    if grep -q '^API_READY ' "$ready_file"; then break; fi
    if ! kill -0 "$server_pid" 2>/dev/null; then echo "schemathesis: the API did not start" >&2; exit 1; fi
    sleep 0.5
  done
  base_url=$(awk '/^API_READY /{print $2; exit}' "$ready_file")
  [ -n "$base_url" ] || { echo "schemathesis: the API was not ready after 300 s" >&2; exit 1; }
fi
echo "schemathesis: testing $base_url/api/openapi.json"

# POST /api/imports takes multipart uploads and starts background writes; it is tested in the suite.
# Run from a scratch directory: schemathesis keeps a .schemathesis/ cache in the working directory.
scratch=$(mktemp -d)
set +e
(cd "$scratch" && "$venv/bin/st" run "$base_url/api/openapi.json" \
  --url "$base_url" \
  --checks not_a_server_error,response_schema_conformance,status_code_conformance,content_type_conformance \
  --exclude-path /api/imports \
  --phases examples,coverage,fuzzing \
  --max-examples "${SCHEMATHESIS_MAX_EXAMPLES:-30}" \
  ${SCHEMATHESIS_MAX_TIME:+--max-time "$SCHEMATHESIS_MAX_TIME"} \
  --workers 1 \
  --request-timeout 30 \
  --suppress-health-check too_slow \
  --no-color)
status=$?
set -e
rm -rf "$scratch"
exit $status
