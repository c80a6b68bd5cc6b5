#!/usr/bin/env bash
# Runs every Vigil test on a fresh Debian machine. It installs what is missing (PostgreSQL from Debian's
# packages, the grpc-js peers from tests/node/package-lock.json), starts a throwaway PostgreSQL in a temporary
# directory on a free port, runs every test project, stops PostgreSQL and prints `N passed, N failed, N skipped`.
# Exits non-zero on any failure. Extra arguments go to `dotnet test` (e.g. --filter).
set -euo pipefail
cd "$(dirname "$0")"
root=$PWD
say() { printf '\n==> %s\n' "$*"; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
find_pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

say "Checking system packages"
missing=()
pg_bin=$(find_pg_bin || true)
[ -n "$pg_bin" ] && [ -x "$pg_bin/initdb" ] || missing+=(postgresql)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  pg_bin=$(find_pg_bin)
fi
echo "PostgreSQL: $pg_bin; node $(node --version)"

say "Installing npm packages for the grpc-js peers (from the lock file)"
tests/node/install.sh

say "Starting a throwaway PostgreSQL"
pg_dir=$(mktemp -d /tmp/vigil-test-pg.XXXXXX)
results=$(mktemp -d /tmp/vigil-test-results.XXXXXX)
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$pg_dir"
cleanup() {
  as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir" "$results"
}
trap cleanup EXIT
pg_port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
as_pg "$pg_bin/initdb" -D "$pg_dir/data" -A trust -U postgres -E UTF8 --no-sync >/dev/null
# fsync off: this cluster is thrown away; commit ordering (synchronous_commit) stays as in production.
as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
  -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
export VIGIL_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
echo "listening on 127.0.0.1:$pg_port"

say "Building Orleans.sln"
restore_args=()
[ "${CI:-}" = "true" ] && restore_args+=(--locked-mode)
dotnet restore Orleans.sln "${restore_args[@]}"
dotnet build Orleans.sln --no-restore -nologo -v quiet -clp:NoSummary

say "Running every test project"
set +e
dotnet test Orleans.sln --no-build --nologo --logger trx --results-directory "$results" "$@"
test_rc=$?
set -e

count() { grep -ho "<Counters [^>]*" "$results"/*.trx 2>/dev/null | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' | awk '{s+=$1} END {print s+0}'; }
total=$(count total); passed=$(count passed); failed=$(count failed)
skipped=$((total - passed - failed))
echo
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$test_rc" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$total" -eq 0 ]; then
  exit 1
fi
